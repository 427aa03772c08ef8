"""HTML cards for entities: every figure formatted by fmt, every text escaped, every figure sourced.

Strings from data are always escaped here, so a hostile name is shown as text, never run.
"""

from __future__ import annotations

from html import escape

import pandas as pd

from .. import data, fmt
from ..choices import check_choice
from ..fmt import text as _text
from ..htmlout import HTMLText
from ..i18n import check_lang, t

# Every table the library makes carries class biomfg-table. JupyterLab (and Voilà, and the exported
# reports) right-align every output cell with a rule more specific than a card's own
# (`:not(.jp-RenderedMarkdown).jp-RenderedHTMLCommon td`), so Chinese text wrapped into one-character
# orphans: text is left-aligned here with !important, and only cells marked `num` stay right-aligned.
# A header never wraps (no column is narrower than its header); name and quote columns keep a width.
TABLE_CSS = """<style>
table.biomfg-table{border-collapse:collapse;table-layout:auto;margin:.4em 0;font-size:.95em}
table.biomfg-table td,table.biomfg-table th{border-bottom:1px solid #ddd;padding:.25em .6em;
 text-align:left!important;vertical-align:top!important;white-space:normal;line-height:1.5}
table.biomfg-table thead th{white-space:nowrap;font-weight:600}
table.biomfg-table td.num,table.biomfg-table th.num{text-align:right!important}
table.biomfg-table td.nowrap{white-space:nowrap}
table.biomfg-table td.name{min-width:6em}
table.biomfg-table td.text{min-width:9em}
table.biomfg-table td.cite{min-width:14em}
</style>"""

CSS = """<style>
.biomfg-card{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;
 border-left:6px solid var(--biomfg-accent,#0072B2);padding:.6em 1em;margin:.6em 0;background:#fafafa;
 color:#1a1a1a;max-width:56em;line-height:1.5}
.biomfg-card h3{margin:.1em 0 .3em;font-size:1.35em}
.biomfg-card .meta{color:#555;margin-bottom:.4em}
.biomfg-card dl{display:grid;grid-template-columns:minmax(9em,max-content) 1fr;gap:.2em 1em;margin:.4em 0}
.biomfg-card dt{font-weight:600;float:none!important;width:auto!important;text-align:left!important;margin:0!important}
.biomfg-card dd{margin:0!important;float:none!important;width:auto!important}
.biomfg-card .quote{color:#555;font-size:.9em}
.biomfg-card .src{color:#666;font-size:.85em}
details.biomfg-fold>summary{cursor:pointer;font-weight:600;padding:.2em 0}
</style>""" + TABLE_CSS



def facts_for(entity_ids: list[str]) -> pd.DataFrame:
    """Facts about these entities, in the order they appear in facts.csv."""
    df = data.facts()
    return df[df["entity_id"].isin(entity_ids)]


def colon(lang: str) -> str:
    """'：' in Chinese, ': ' in English."""
    return t("colon", lang)


def paren(text: str, lang: str) -> str:
    """'（text）' in Chinese, ' (text)' in English (not escaped)."""
    return t("paren", lang, text=text)


def facts_table(facts: pd.DataFrame, lang: str, subject: str | None = None) -> str:
    """A table of figures, each with its year (marked where the quote does not state it), source file and
    verbatim quote."""
    from .base import any_inferred, year_text

    check_lang(lang)
    if facts.empty:
        return f"<p class='src'>{escape(t('no_data', lang))}</p>"
    names = data.entity_names().set_index("entity_id")[f"name_{lang}"]
    head = "".join(f"<th>{escape(t(k, lang))}</th>" for k in ("indicator", "value", "year", "source"))
    rows = []
    for _, f in facts.iterrows():
        label = _text(f[f"indicator_{lang}"])
        label = label[:1].upper() + label[1:]  # a table cell starts with a capital (Chinese has no case)
        if f["entity_id"] != subject:  # name the facility or programme a figure is about
            label += f" · {_text(names.get(f['entity_id'], f['entity_id']))}"
        kind = "" if f["kind"] == "actual" else escape(paren(t(f["kind"], lang), lang))
        rows.append(
            f"<tr><td class='name'>{escape(label)}</td><td class='nowrap'><b>{escape(fmt.fact(f, lang))}</b>{kind}</td>"
            f"<td class='nowrap'>{escape(year_text(f, lang))}</td>"
            f"<td class='cite'><span class='src'>{escape(_text(f['source']))}</span><br>"
            f"<span class='quote'>“{escape(_text(f['quote']))}”</span></td></tr>")
    foot = f"<p class='src'>{escape(t('year_inferred_note', lang))}</p>" if any_inferred(facts) else ""
    return (f"<table class='biomfg-table'><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
            f"{foot}")


def platform_card(platform_id: str, lang: str = "en") -> HTMLText:
    """Everything the data holds on one platform, with sources."""
    check_lang(lang)
    plats = data.platforms().set_index("platform_id")
    check_choice("platform_id", platform_id, plats.index)
    p = plats.loc[platform_id]
    from ..theme import PLATFORM_TYPE_COLOURS

    facilities = data.table("facilities")
    inside = list(facilities.loc[facilities["parent_id"] == platform_id, "facility_id"])
    fields = [(k, _text(p.get(f"{k}_{lang}"))) for k in ("direction", "progress", "success", "operator", "funding")]
    dl = "".join(f"<dt>{escape(t(k, lang))}</dt><dd>{escape(v)}</dd>" for k, v in fields if v)
    meta = " · ".join(x for x in (_text(p[f"type_name_{lang}"]), _text(p[f"country_{lang}"]),
                                  t("founded_in", lang, year=_text(p["founded"]))) if x)
    return HTMLText(
        f"<div class='biomfg-card' style='--biomfg-accent:{PLATFORM_TYPE_COLOURS.get(p['type_id'], '#555')}'>"
        f"<h3>{escape(_text(p[f'name_{lang}']))}</h3><div class='meta'>{escape(meta)}</div><dl>{dl}</dl>"
        f"{facts_table(facts_for([platform_id, *inside]), lang, subject=platform_id)}"
        f"<div class='src'>{escape(t('source', lang))}{colon(lang)}{escape(_text(p['source']))} — "
        f"“{escape(_text(p['quote']))}”</div></div>")


def folded(summary: str, body_html: str, open_: bool = False) -> str:
    """A <details> block: readable without JavaScript, in reports as in notebooks."""
    return (f"<details class='biomfg-fold'{' open' if open_ else ''}><summary>{escape(summary)}</summary>"
            f"{body_html}</details>")


def page(*parts: str) -> HTMLText:
    """Card HTML with the card styles included once: a str that a notebook shows as HTML."""
    return HTMLText(CSS + "".join(parts))
