"""The teacher's answer key: every exercise of every lesson, in toc order, with its solution unfolded,
its kind and its marking notes; then the lesson's open question with its model answer and marking notes,
and its discussion prompts. One offline HTML file per language, and an A4 PDF of each through the
reports' print pipeline (tools.reports.print_pdfs): editions/answer-key/answer-key.<lang>.html|pdf.

Nothing is executed: the exercises' texts and solutions are computed here, from data/, by the same
functions the notebooks call.
"""

from __future__ import annotations

import os
import re
import sys
import time
from html import escape
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_notebook, new_output

from .. import data, exercises, toc
from ..choices import check_choice
from ..i18n import LANGS, t
from . import files

NAME = "answer-key"
KEY_CSS = """
.biomfg-key-item { border-top: 1px solid #ccc; padding: .4em 0 .2em; }
.biomfg-key-item h3 { margin: .2em 0 .3em; font-size: 1.05em; }
.biomfg-key-item .kind { font-weight: normal; color: #444; }
.biomfg-key-label { font-weight: bold; margin: .4em 0 .1em; }
.biomfg-key-body { margin: 0 0 .2em 1.2em; }
/* On paper an exercise may break between its parts, never inside one: a part is its label and its text,
   and the first part carries the headings above it (the lesson's, the exercise's), so none is left alone
   at the foot of a page. */
@media print { .biomfg-key-part { break-inside: avoid; } }
"""


def _number(qid: str) -> tuple[int, int]:
    nb, q = re.fullmatch(r"(\d+)-q(\d+)", qid).groups()
    return int(nb), int(q)


def lesson_items() -> list[tuple[dict, list[str]]]:
    """Each lesson with its exercise ids, in toc order and question order; questions registered for a
    notebook number no lesson has come last, under a lesson entry of their own."""
    ids = sorted(exercises.QUESTIONS, key=_number)
    out, seen = [], set()
    for entry in toc.lessons():
        number = entry["file"][:2]
        mine = [q for q in ids if q[:2] == number] if number.isdigit() else []
        seen.update(mine)
        out.append((entry, mine))
    rest = [q for q in ids if q not in seen]
    if rest:
        out.append(({"file": "", "title": {lang: t("ak_other", lang) for lang in LANGS}}, rest))
    return out


def _section(head: str, fields: list[tuple[str, str]], cls: str = "", anchor: str = "") -> str:
    """One exercise (or open question): parts kept whole on paper, `head` (headings) inside the first."""
    parts = [f"<div class='biomfg-key-part'>{head if i == 0 else ''}<p class='biomfg-key-label'>{escape(label)}</p>"
             f"<div class='biomfg-key-body'>{body}</div></div>" for i, (label, body) in enumerate(fields)]
    where = f" id='{escape(anchor)}'" if anchor else ""
    return f"<section class='biomfg-key-item {cls}'{where}>{''.join(parts)}</section>"


def exercise_html(qid: str, lang: str, heading: str = "") -> str:
    """Its id and kind, the question as the student sees it (lettered options too), the worked solution
    unfolded, the marking notes ('—' where there are none yet). `heading` goes above, kept with it."""
    q = exercises.QUESTIONS[qid]
    head = f"{heading}<h3>{escape(qid)} · <span class='kind'>{escape(t(f'ak_kind_{q.kind}', lang))}</span></h3>"
    return _section(head, [(t("ak_question", lang), exercises.ask(qid, lang).data),
                           (t("ak_solution", lang), q.solution(lang)),
                           (t("ex_marking", lang), t(q.marking, lang) if q.marking else "—")], anchor=qid)


def open_html(number: str, lang: str, heading: str = "") -> str:
    """The lesson's open question with its model answer and marking notes, then its discussion prompts."""
    parts = []
    if number in exercises.OPEN:
        q = exercises.OPEN[number]
        parts.append(_section(f"{heading}<h3>{escape(t('ak_open', lang))}</h3>",
                              [(t("ak_question", lang), t(q.prompt, lang)),
                               (t("ak_model_answer", lang), t(q.model_answer, lang)),
                               (t("ex_marking", lang), t(q.marking, lang))], cls="biomfg-key-open"))
        heading = ""
    if number in exercises.DISCUSSION:
        items = "".join(f"<li>{t(k, lang)}</li>" for k in exercises.DISCUSSION[number])
        parts.append(f"<section class='biomfg-key-item'><div class='biomfg-key-part'>{heading}"
                     f"<h3>{escape(t('ak_discussion', lang))}</h3><ol>{items}</ol></div></section>")
    return "".join(parts)


def notebook(lang: str) -> nbformat.NotebookNode:
    """The key as a notebook of HTML outputs (no code shown), for the offline exporter."""
    def cell(html: str):
        c = new_code_cell("")
        c.outputs = [new_output("display_data", data={"text/html": html})]
        return c

    version = data.package().get("version", "")
    cells = [cell(f"<h1>{escape(t('ak_title', lang))}</h1><p>{escape(t('collection_title', lang))}</p>"
                  f"<p>{escape(t('ak_intro', lang))}</p>"
                  f"<p>{escape(t('data_version', lang))}{t('colon', lang)}{escape(str(version))}</p>")]
    for entry, ids in lesson_items():
        number = entry["file"][:2]
        extra = open_html(number, lang) if number.isdigit() else ""
        if not ids and not extra:
            continue
        heading = f"<h2>{escape(entry['title'][lang])}</h2>"
        html = "".join(exercise_html(qid, lang, heading if i == 0 else "") for i, qid in enumerate(ids))
        cells.append(cell(html + (open_html(number, lang, "" if ids else heading) if extra else "")))
    return new_notebook(cells=cells, metadata={"language_info": {"name": "python"}})


def write(lang: str, out: Path, pdf: bool = True) -> list[Path]:
    """answer-key.<lang>.html (and .pdf) in `out`, each written whole or not at all."""
    from .export import to_html
    from .reports import REPORT_CSS, print_pdfs

    check_choice("--lang", lang, LANGS)
    out.mkdir(parents=True, exist_ok=True)
    html = to_html(notebook(lang), exclude_input=True, title=t("ak_title", lang), extra_css=REPORT_CSS + KEY_CSS, lang=lang)
    path = out / f"{NAME}.{lang}.html"
    files.write_atomic(html, path)
    return [path, *(print_pdfs([path]) if pdf else [])]


def main(args) -> int:
    """`python -m biomfg answer-key`: see --help."""
    from .reports import ReportError

    start = time.perf_counter()
    out = Path(args.out) / NAME
    try:
        langs = args.lang or list(LANGS)
        for lang in langs:
            check_choice("--lang", lang, LANGS)
        made = [p for lang in langs for p in write(lang, out, pdf=not args.no_pdf)]
    except KeyboardInterrupt:
        print("answer-key: interrupted; no partial file was left", file=sys.stderr)
        return 130
    except (ReportError, ValueError, data.DataError) as exc:
        print(f"answer-key: {exc}", file=sys.stderr)
        return 1
    print(f"{os.path.relpath(out)}: {', '.join(p.name for p in made)} in {time.perf_counter() - start:.1f} s")
    return 0
