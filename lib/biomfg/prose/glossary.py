"""The glossary page and the "Terms in this lesson" box of each lesson, from data/glossary.csv.

Every term has a stable anchor, `term-<term_id>`, and a lesson's box links to `glossary.ipynb#term-<term_id>`.
How JupyterLab 4 (4.6) follows such a link, read in its code and checked in tests/test_glossary_lab.py:

- It opens the notebook and looks for `[data-jupyter-id="term-x"]` in its cells (`Notebook.setFragment`,
  the "legacy" fragment kind; `id` only if the sanitizer's allowNamedProperties setting is on, off by
  default). A trusted notebook's HTML outputs are not sanitised, so their `id` stays `id` and is never found;
  an untrusted one's `id` is renamed `data-jupyter-id` by the sanitizer. The anchor carries both attributes:
  `id` for a browser and an exported page, `data-jupyter-id` for JupyterLab, trusted or not.
- It looks once, when the notebook's document is ready. A notebook already open scrolls to the term. One
  opened by the click does not under the default windowing mode (contentVisibility, and full and defer):
  its outputs are rendered about a second later, Markdown cells at once (a heading in a Markdown cell is
  found). So the box's links also leave the term in the page's sessionStorage, and the glossary's output,
  once rendered, scrolls to it (`HANDOFF`): a trusted notebook runs an output's script, an untrusted one
  does not (there the first click opens the glossary at its top, a second click scrolls).

Readers see names, never the ids; the curators' notes are not shown.
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
.biomfg-glossary h3.group{margin:1.2em 0 .4em;padding-bottom:.15em;border-bottom:1px solid #ccc;font-size:1.25em;
 font-weight:600}
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


KEY = "biomfg-glossary-term"  # the sessionStorage entry a box link leaves for the glossary: '<anchor>|<ms>'
REMEMBER = """try{sessionStorage.setItem('@KEY@',this.dataset.term+'|'+Date.now())}catch(e){}""".replace("@KEY@", KEY)
# Run by JupyterLab when the (trusted) glossary output is rendered: scroll to the term a link asked for in the
# last 15 s, once its entry is laid out (outputs render after the notebook is ready); forget it either way.
HANDOFF = """<script>(function(){var s=document.currentScript,root=s&&s.parentElement,raw=null;
try{raw=sessionStorage.getItem('@KEY@');sessionStorage.removeItem('@KEY@')}catch(e){}
if(!root||!raw)return;var p=raw.split('|'),n=0;if(!(Date.now()-Number(p[1])<15000))return;
(function go(){var el=root.querySelector('[data-jupyter-id="'+CSS.escape(p[0])+'"]');
if(el&&el.isConnected&&el.getBoundingClientRect().height>0){el.scrollIntoView();return}
if(++n<100)setTimeout(go,100)})()})()</script>""".replace("@KEY@", KEY)


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
    if lang == "en":  # an initial; the names that open with a digit ('1354') under 0–9
        return f"<h3 class='group'>{'0–9' if str(key).isdigit() else escape(str(key))}</h3>"
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
    return HTMLText(cards.CSS + CSS + f"<div class='biomfg-glossary'><p class='lead'>{escape(lead)}</p>{body}"
                    f"{HANDOFF}</div>")


def _stem(notebook: str) -> str:
    """A lesson named by its number ('01'), stem ('01_three_barriers') or file name; its stem."""
    lessons = list(_lessons())
    by_number = {s[:2]: s for s in lessons}
    key = notebook.removesuffix(".ipynb")
    check_choice("notebook", key, lessons, also=list(by_number))
    return by_number.get(key, key)


def _box_item(row, lang: str) -> str:
    """One term of a lesson's box: its name linking to its entry, and its definition's first clause. In English
    the Chinese name follows; a Chinese page shows no English phrases (the house style; the glossary itself
    gives both names)."""
    other = f"<span class='other'>{escape(t('paren', lang, text=_name(row, 'zh')))}</span>" if lang == "en" else ""
    return (f"<li><a href='{escape(link(row['term_id']))}' data-term='{escape(anchor(row['term_id']))}' "
            f"onclick=\"{REMEMBER}\"><b>{escape(_name(row, lang))}</b></a>{other}"
            f"{escape(t('colon', lang))}{escape(one_line(row, lang))}</li>")


def terms_here(notebook: str, lang: str = "en") -> HTMLText:
    """The box of a lesson's terms: those the lesson explains or is the first to use in its own teaching
    (data/glossary.csv first_notebook; see model.glossary), each with a one-line definition, its name linking
    to its entry in the glossary notebook. The start page's box says that the lessons introduce the terms."""
    check_lang(lang)
    stem = _stem(notebook)
    rows: pd.DataFrame = model.in_lesson(stem, lang)
    items = "".join(_box_item(r, lang) for _, r in rows.iterrows())
    none = "glossary_terms_here_guide" if model.is_guide(stem) else "glossary_terms_here_none"
    body = f"<ul>{items}</ul>" if items else f"<p>{escape(t(none, lang))}</p>"
    everything = t("glossary_terms_here_all", lang, glossary=f"<a href='{PAGE}'>{escape(t('glossary_title', lang))}</a>")
    return HTMLText(CSS + f"<div class='biomfg-terms-here'><b>{escape(t('glossary_terms_here', lang))}</b>{body}"
                    f"<div class='all'>{everything}</div></div>")


def source_ids() -> list[str]:
    """The seeds the glossary quotes, for the page's source list."""
    return sorted(set(model.terms()["source"]))
