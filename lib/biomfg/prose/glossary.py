"""The glossary page and the "Terms in this lesson" box of each lesson, from data/glossary.csv.

Every term has a stable anchor, `term-<term_id>`, written both as `id` (a browser, an exported page) and as
`data-jupyter-id`: JupyterLab 4 opens `glossary.ipynb#term-x` by looking for `[data-jupyter-id="term-x"]` in
the notebook's cells (its `setFragment`, as long as its sanitizer's allowNamedProperties is off, the
default); a trusted notebook's HTML is not sanitised, so a bare `id` would never be found there, while an
untrusted one has its `id` renamed to `data-jupyter-id` by the sanitizer. With both, the link scrolls to the
term either way. Readers see names, never the ids; the curators' notes are not shown.
"""

from __future__ import annotations

from html import escape

import pandas as pd

from .. import toc
from ..choices import check_choice
from ..fmt import text as _text
from ..htmlout import HTMLText
from ..i18n import check_lang, t
from ..model import glossary as model
from . import cards

PAGE = "glossary.ipynb"
ONE_LINE = {"en": 110, "zh": 48}  # characters of a definition the lesson box shows before it cuts with '…'

CSS = """<style>
.biomfg-glossary{max-width:56em;line-height:1.55}
.biomfg-glossary .lead{margin:.2em 0 .8em}
.biomfg-glossary h3.group{margin:1.1em 0 .3em;padding-bottom:.15em;border-bottom:1px solid #ccc;font-size:1.15em}
.biomfg-glossary h3.group a{color:inherit;text-decoration:none}
.biomfg-term{margin:.2em 0 .75em;padding:.15em 0 .15em .8em;border-left:4px solid #0072B2}
.biomfg-term .name{font-weight:600;font-size:1.05em}
.biomfg-term .other{color:#555;font-weight:400}
.biomfg-term .def{margin:.1em 0}
.biomfg-term .used{color:#555;font-size:.9em}
.biomfg-term .src{color:#666;font-size:.85em}
.biomfg-terms-here{border:1px solid #d8d8d8;border-left:6px solid #0072B2;background:#fafafa;padding:.5em 1em;
 margin:.6em 0;max-width:56em;line-height:1.5}
.biomfg-terms-here ul{margin:.3em 0;padding-left:1.3em}
.biomfg-terms-here li{margin:.15em 0}
.biomfg-terms-here .other{color:#555}
.biomfg-terms-here .all{color:#555;font-size:.9em}
</style>"""


def anchor(term_id: str) -> str:
    """The HTML anchor of a term on the glossary page: 'term-<term_id>' (never shown as text)."""
    return f"term-{term_id}"


def link(term_id: str) -> str:
    """The address of a term's entry, relative to a lesson: 'glossary.ipynb#term-<term_id>'."""
    return f"{PAGE}#{anchor(term_id)}"


def _name(row, lang: str, head: bool = True) -> str:
    """A term's name, not escaped; as the head of an English entry with a capital ("'Space + resources +
    services' model"); as the other language's name, as data/ writes it (Chinese has no case)."""
    name = _text(row[f"name_{lang}"])
    if lang != "en" or not head:
        return name
    i = len(name) - len(name.lstrip("'‘“\""))
    return name[:i] + name[i:i + 1].upper() + name[i + 1:]


def _definition(row, lang: str) -> str:
    text = _text(row[f"definition_{lang}"])
    return text[:1].upper() + text[1:] if lang == "en" else text


def one_line(row, lang: str) -> str:
    """A definition as one line of the lesson box: its first clause (up to the first semicolon); cut with '…'
    at a word (en) or character (zh) if that is still long. Not escaped."""
    text = _definition(row, lang)
    text = text.split("；")[0] if lang == "zh" else text.split("; ")[0]
    text = text.rstrip("。.")
    limit = ONE_LINE[lang]
    if len(text) <= limit:
        return text
    cut = text[:limit]
    if lang == "en" and " " in cut:
        cut = cut[:cut.rindex(" ")]
    return cut.rstrip(" ,，、：:（(") + "…"


def _lessons() -> dict[str, dict]:
    return {e["file"].removesuffix(".ipynb"): e for e in toc.lessons()}


def _lesson_link(stem: str, lang: str) -> str:
    title = _lessons()[stem]["title"][lang]
    return f"<a href='{escape(stem)}.ipynb'>{escape(title)}</a>"


def _entry(row, lang: str, first_line: bool) -> str:
    other = "zh" if lang == "en" else "en"
    aid = escape(anchor(row["term_id"]))
    first = _text(row.get("first_notebook"))
    used = ""
    if first_line:
        used = (t("glossary_first_used", lang, lesson=_lesson_link(first, lang)) if first
                else escape(t("glossary_not_used", lang)))
        used = f"<div class='used'>{used}</div>"
    return (f"<div class='biomfg-term' id='{aid}' data-jupyter-id='{aid}'>"
            f"<div class='name'>{escape(_name(row, lang))} <span class='other' lang='{other}'>· "
            f"{escape(_name(row, other, head=False))}</span></div>"
            f"<div class='def'>{escape(_definition(row, lang))}</div>{used}"
            f"<div class='src'>{escape(t('source', lang))}{escape(t('colon', lang))}{escape(_text(row['source']))}"
            f" — “{escape(_text(row['quote']))}”</div></div>")


def _group_head(key: str | None, lang: str) -> str:
    if lang == "en":
        return f"<h3 class='group'>{escape(str(key))}</h3>"
    if key is None:
        return f"<h3 class='group'>{escape(t('glossary_group_unused', lang))}</h3>"
    return f"<h3 class='group'>{_lesson_link(key, lang)}</h3>"


def glossary(lang: str = "en") -> HTMLText:
    """Every term of data/glossary.csv: its name in `lang` with the other language's after it, its definition,
    the lesson where it first appears and its source with the quoted words. en: alphabetical by English name,
    grouped by initial; zh: grouped by the lesson where each term first appears (model.glossary.ordered)."""
    check_lang(lang)
    groups = model.ordered(lang)
    n = sum(len(rows) for _, rows in groups)
    lead = t("glossary_lead_en_order" if lang == "en" else "glossary_lead_zh_order", lang, n=n)
    body = "".join(_group_head(key, lang) + "".join(_entry(r, lang, lang == "en") for _, r in rows.iterrows())
                   for key, rows in groups)
    return HTMLText(cards.CSS + CSS + f"<div class='biomfg-glossary'><p class='lead'>{escape(lead)}</p>{body}</div>")


def _stem(notebook: str) -> str:
    """A lesson named by its number ('01'), stem ('01_three_barriers') or file name; its stem."""
    lessons = list(_lessons())
    by_number = {s[:2]: s for s in lessons}
    key = notebook.removesuffix(".ipynb")
    check_choice("notebook", key, lessons, also=list(by_number))
    return by_number.get(key, key)


def terms_here(notebook: str, lang: str = "en") -> HTMLText:
    """The box of a lesson's terms: those the lesson is the first to use (data/glossary.csv first_notebook),
    each with a one-line definition, its name linking to its entry in the glossary notebook."""
    check_lang(lang)
    stem = _stem(notebook)
    rows: pd.DataFrame = model.in_lesson(stem)
    other = "zh" if lang == "en" else "en"
    items = "".join(
        f"<li><a href='{escape(link(r['term_id']))}'><b>{escape(_name(r, lang))}</b></a> "
        f"<span class='other' lang='{other}'>{escape(_name(r, other, head=False))}</span>{escape(t('colon', lang))}"
        f"{escape(one_line(r, lang))}</li>" for _, r in rows.iterrows())
    body = f"<ul>{items}</ul>" if items else f"<p>{escape(t('glossary_terms_here_none', lang))}</p>"
    everything = t("glossary_terms_here_all", lang, glossary=f"<a href='{PAGE}'>{escape(t('glossary_title', lang))}</a>")
    return HTMLText(CSS + f"<div class='biomfg-terms-here'><b>{escape(t('glossary_terms_here', lang))}</b>{body}"
                    f"<div class='all'>{everything}</div></div>")


def source_ids() -> list[str]:
    """The seeds the glossary quotes, for the page's source list."""
    return sorted(set(model.terms()["source"]))
