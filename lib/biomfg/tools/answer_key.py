"""The teacher's answer key: a summary table of every exercise's answer for marking at a glance, then every
exercise of every lesson, in toc order: the question, its answer in words ("Answer: ..."), the worked
solution unfolded and the marking notes; then the lesson's open question with its model answer and marking
notes, and its discussion prompts. One small offline HTML file per language (no charts, so no Vega bundle
and no JupyterLab style sheet: the page is its own) and an A4 PDF of each through the reports' print
pipeline (tools.reports.print_pdfs): editions/answer-key/answer-key.<lang>.html|pdf.

Nothing is executed: the exercises' texts, answers and solutions are computed here, from data/, by the same
functions the notebooks call. On paper an exercise is never split across pages, and code never wraps
inside a name.
"""

from __future__ import annotations

import numbers
import os
import re
import sys
import time
from html import escape
from pathlib import Path

from .. import data, exercises, fmt, toc
from ..choices import check_choice
from ..exercises.base import LETTERS
from ..exercises.judges import display_name
from ..i18n import LANGS, t
from ..theme import FONT
from . import files

NAME = "answer-key"
# The unit of each exercise's answer that is a figure but not a count (a Question does not say its unit).
UNITS = {"02-q1": "USD", "02-q2": "L", "04-q1": "months", "05-q1": "percent", "05-q3": "years", "08-q2": "years"}
# An answer that is not the thing a student types (10-q3: the number of recommendations in the smallest
# mix; any such mix is right): its words, a message with the figure as {n}.
ANSWER_MESSAGES = {"10-q3": "ak_answer_smallest_mix"}
MONO = '"DejaVu Sans Mono", "Noto Sans Mono CJK SC", monospace'


def _css() -> str:
    from .reports import PRINT_FONT, PRINT_MARGINS_MM, PRINT_MONO

    return """
body { font-family: FONT; color: #1a1a1a; line-height: 1.5; max-width: 52em; margin: 1.5em auto; padding: 0 1.5em; }
h1 { font-size: 1.6em; margin: .2em 0 .2em; }
h2 { font-size: 1.25em; margin: 1em 0 .2em; padding-bottom: .1em; border-bottom: 2px solid #555; }
h3 { font-size: 1.02em; margin: .1em 0 .2em; }
h3 .kind { font-weight: normal; color: #444; }
.biomfg-key-intro p { margin: .2em 0; }
.biomfg-key-item { border-top: 1px solid #ccc; padding: .35em 0 .25em; }
.biomfg-key-item:has(h2) { border-top: 0; }
/* an exercise's parts as rows: each label on the left, its text beside it */
dl.biomfg-key { display: grid; grid-template-columns: 5.8em 1fr; column-gap: .5em; row-gap: .2em; margin: .1em 0; }
dl.biomfg-key dt { grid-column: 1; font-weight: bold; }
dl.biomfg-key dd { grid-column: 2; margin: 0; min-width: 0; }
dl.biomfg-key dd > :first-child { margin-top: 0; }
dl.biomfg-key dd p, dl.biomfg-key dd ul, dl.biomfg-key dd ol { margin: 0 0 .15em; }
dl.biomfg-key dd ul:not(.biomfg-options) { padding-left: 1.2em; }
.biomfg-options { list-style: none; padding-left: 0; }
dl.biomfg-key .answer { background: #eef4fb; padding: .1em 0; font-weight: bold; }
dl.biomfg-key dt.answer { box-shadow: inset 4px 0 0 #1f5fa8; padding-left: .5em; }
/* Code keeps its lines whole; a line too long for the page breaks at a space, never inside a name. */
pre { font-family: MONO; font-size: .82em; line-height: 1.35; white-space: pre-wrap; word-break: normal;
  overflow-wrap: normal; background: #f5f5f5; padding: .25em .5em; margin: .2em 0; }
table.biomfg-key-summary { border-collapse: collapse; width: 100%; font-size: .88em; line-height: 1.3; margin: .4em 0; }
table.biomfg-key-summary caption { text-align: left; font-weight: bold; font-size: 1.15em; margin-bottom: .2em; }
table.biomfg-key-summary th, table.biomfg-key-summary td { text-align: left; vertical-align: top; padding: .1em .4em;
  border-bottom: 1px solid #ddd; }
table.biomfg-key-summary th { border-bottom: 1.5px solid #555; }
table.biomfg-key-summary td.nb { border-right: 1px solid #ddd; width: 19%; }
table.biomfg-key-summary a { color: inherit; text-decoration: none; }
table.biomfg-key-summary td.id, table.biomfg-key-summary td.kind { white-space: nowrap; }
@media print {
  @page { size: A4; margin: MARGINS; }
  body { max-width: none; margin: 0; padding: 0; font-size: 9pt; }
  * { font-synthesis: none; }
  body, body * { font-family: PRINT_FONT !important; }
  pre, pre * { font-family: PRINT_MONO !important; font-size: 7.5pt; }
  /* an exercise (its lesson's heading too, if it is the first) is kept whole on one page */
  .biomfg-key-item { break-inside: avoid; }
  h1, h2, h3, caption { break-after: avoid; }
  h2 { margin-top: .3em; }
  p, li { orphans: 3; widows: 3; }
  table.biomfg-key-summary { font-size: 7.5pt; line-height: 1.25; }
  table.biomfg-key-summary tr { break-inside: avoid; }
  table.biomfg-key-summary th, table.biomfg-key-summary td { padding: .05em .35em; }
  :lang(zh) :is(p, li, td, th, h1, h2, h3) { text-align: left; text-justify: none; }
  :lang(zh) body { line-break: strict; }
}
""".replace("PRINT_FONT", PRINT_FONT).replace("PRINT_MONO", PRINT_MONO).replace("MONO", MONO).replace(
        "FONT", FONT).replace("MARGINS", " ".join(f"{m}mm" for m in PRINT_MARGINS_MM))


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


# --- the answer in words --------------------------------------------------------------------------------

def name_of(row_id: str, lang: str) -> str | None:
    """What a reader sees for a row id an answer names (escaped): its name in `lang`, with its abbreviation
    where it has one the name does not hold; a recommendation with its number, as the lesson writes it.
    None if no entity table has the id."""
    index = data.entity_index()
    if row_id not in index.index:
        return None
    table = index.loc[row_id, "table"]
    key = data.ENTITY_TABLES[table]
    row = data.table(table).set_index(key).loc[row_id]
    if table == "recommendations":
        return escape(t("rec_numbered", lang, n=int(row["order"]), name=row[f"name_{lang}"]))
    return escape(display_name(row, lang))


def figure(qid: str, value, lang: str) -> str:
    """A figure an answer is, in its unit (fmt.number), escaped; 'about' a value that is not whole, rounded
    to one decimal place (the judges accept a small margin around it)."""
    unit = UNITS.get(qid, "count")
    value = float(value)
    if value.is_integer():
        return escape(fmt.number(value, unit, lang))
    return escape(t("ak_about", lang, value=fmt.number(round(value, 1), unit, lang)))


def answer_text(qid: str, lang: str) -> str:
    """The right answer in words (HTML), computed from exercises.QUESTIONS[qid].answer(): a lettered
    question's letter and option ('B) pilot-scale platform'), a row's name in `lang` (never its id), one of
    several names, or a figure formatted by biomfg.fmt."""
    q = exercises.QUESTIONS[qid]
    right = q.answer()
    if q.options is not None:
        return t("ex_letter_option", lang, letter=escape(right), label=q.options(lang)[LETTERS.index(right)])
    if qid in ANSWER_MESSAGES:
        return t(ANSWER_MESSAGES[qid], lang, n=escape(str(right)))
    if isinstance(right, str):
        return name_of(right, lang) or escape(right)
    if isinstance(right, (list, tuple, set, frozenset)):
        names = [name_of(str(r), lang) or escape(str(r)) for r in right]
        return names[0] if len(names) == 1 else t("ak_answer_any", lang, names=t("list_sep", lang).join(names))
    if isinstance(right, numbers.Number) and not isinstance(right, bool):
        return figure(qid, right, lang)
    return escape(str(right))


# --- the page ---------------------------------------------------------------------------------------------

def _kind(qid: str, lang: str) -> str:
    return escape(t(f"ak_kind_{exercises.QUESTIONS[qid].kind}", lang))


def summary_html(lang: str) -> str:
    """Every exercise on one page: its notebook, id (a link to it), kind and answer, for marking quickly."""
    rows = []
    for entry, ids in lesson_items():
        nb = escape(f"{entry['file'][:2]} {entry['title'][lang]}".strip())
        for i, qid in enumerate(ids):
            first = f'<td class="nb" rowspan="{len(ids)}">{nb}</td>' if i == 0 else ""
            rows.append(f'<tr>{first}<td class="id"><a href="#{escape(qid)}">{escape(qid)}</a></td>'
                        f'<td class="kind">{_kind(qid, lang)}</td><td class="answer">{answer_text(qid, lang)}</td></tr>')
    head = "".join(f'<th scope="col">{escape(t(k, lang))}</th>'
                   for k in ("ak_col_notebook", "ak_col_id", "ak_col_kind", "ak_answer"))
    return (f'<table class="biomfg-key-summary"><caption>{escape(t("ak_summary", lang))}</caption>'
            f'<thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>')


def _part(label: str, body: str, lang: str, cls: str = "") -> str:
    """A part of an exercise: its label ('Answer:', '答案：') and its text, a row of the section's <dl>."""
    at = f' class="{cls}"' if cls else ""
    return f"<dt{at}>{escape(label)}{escape(t('colon', lang))}</dt><dd{at}>{body}</dd>"


def _parts(*parts: str) -> str:
    return f'<dl class="biomfg-key">{"".join(parts)}</dl>'


def question_html(qid: str, lang: str) -> str:
    """The question as the student sees it (its lettered options too), without the id the heading shows."""
    q = exercises.QUESTIONS[qid]
    html = f"<p>{escape(t(q.prompt, lang))}</p>"
    if q.options is not None:
        items = "".join(f"<li>{t('ex_letter_option', lang, letter=f'<b>{LETTERS[i]}</b>', label=text)}</li>"
                        for i, text in enumerate(q.options(lang)))
        html += f'<ul class="biomfg-options">{items}</ul>'
    return html


def exercise_html(qid: str, lang: str, heading: str = "") -> str:
    """One exercise, kept whole on paper: `heading` (its lesson's, if it is the first), its id and kind, the
    question, the answer in words, the worked solution unfolded, the marking notes ('—' where none yet)."""
    q = exercises.QUESTIONS[qid]
    marking = f"<p>{t(q.marking, lang)}</p>" if q.marking else "<p>—</p>"
    return (f'<section class="biomfg-key-item" id="{escape(qid)}">{heading}'
            f'<h3>{escape(qid)} · <span class="kind">{_kind(qid, lang)}</span></h3>'
            + _parts(_part(t("ak_question", lang), question_html(qid, lang), lang),
                     _part(t("ak_answer", lang), answer_text(qid, lang), lang, "answer"),
                     _part(t("ak_solution", lang), q.solution(lang), lang),
                     _part(t("ex_marking", lang), marking, lang)) + "</section>")


def open_html(number: str, lang: str, heading: str = "") -> str:
    """The lesson's open question with its model answer and marking notes, then its discussion prompts."""
    parts = []
    if number in exercises.OPEN:
        q = exercises.OPEN[number]
        parts.append(f'<section class="biomfg-key-item biomfg-key-open">{heading}<h3>{escape(t("ak_open", lang))}</h3>'
                     + _parts(_part(t("ak_question", lang), f"<p>{t(q.prompt, lang)}</p>", lang),
                              _part(t("ak_model_answer", lang), f"<p>{t(q.model_answer, lang)}</p>", lang),
                              _part(t("ex_marking", lang), f"<p>{t(q.marking, lang)}</p>", lang)) + "</section>")
        heading = ""
    if number in exercises.DISCUSSION:
        items = "".join(f"<li>{t(k, lang)}</li>" for k in exercises.DISCUSSION[number])
        parts.append(f'<section class="biomfg-key-item">{heading}<h3>{escape(t("ak_discussion", lang))}</h3>'
                     f"<ol>{items}</ol></section>")
    return "".join(parts)


def page(lang: str) -> str:
    """The whole key as one HTML document in `lang`."""
    check_choice("--lang", lang, LANGS)
    version = data.package().get("version", "")
    title = escape(t("ak_title", lang))
    body = [f'<h1>{title}</h1><div class="biomfg-key-intro"><p>{escape(t("collection_title", lang))}'
            f' · {escape(t("data_version", lang))}{escape(t("colon", lang))}{escape(str(version))}</p>'
            f'<p>{escape(t("ak_intro", lang))}</p></div>', summary_html(lang),
            f'<div class="biomfg-key-intro"><p>{t("ak_accepts", lang)}</p></div>']
    for entry, ids in lesson_items():
        number = entry["file"][:2]
        extra = open_html(number, lang) if number.isdigit() else ""
        if not ids and not extra:
            continue
        heading = f"<h2>{escape(entry['title'][lang])}</h2>"
        body += [exercise_html(qid, lang, heading if i == 0 else "") for i, qid in enumerate(ids)]
        if extra:
            body.append(open_html(number, lang, "" if ids else heading))
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head><meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{title}</title>\n'
            f"<style>{_css()}</style></head>\n<body><main>\n" + "\n".join(body) + "\n</main></body></html>\n")


def write(lang: str, out: Path, pdf: bool = True) -> list[Path]:
    """answer-key.<lang>.html (and .pdf) in `out`, each written whole or not at all."""
    from .reports import print_pdfs

    check_choice("--lang", lang, LANGS)
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"{NAME}.{lang}.html"
    files.write_atomic(page(lang), path)
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
