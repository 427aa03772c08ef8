"""HTML cards for entities: every figure formatted by fmt, every text escaped, every figure sourced.

Strings from data are always escaped here, so a hostile name is shown as text, never run.
"""

from __future__ import annotations

from html import escape

import pandas as pd

from . import data, fmt
from .fmt import text as _text
from .i18n import check_lang, t

CSS = """<style>
.biomfg-card{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;
 border-left:6px solid var(--biomfg-accent,#0072B2);padding:.6em 1em;margin:.6em 0;background:#fafafa;
 color:#1a1a1a;max-width:56em;line-height:1.5}
.biomfg-card h3{margin:.1em 0 .3em;font-size:1.35em}
.biomfg-card .meta{color:#555;margin-bottom:.4em}
.biomfg-card dl{display:grid;grid-template-columns:minmax(9em,max-content) 1fr;gap:.2em 1em;margin:.4em 0}
.biomfg-card dt{font-weight:600}
.biomfg-card dd{margin:0}
.biomfg-card table{border-collapse:collapse;margin-top:.4em;font-size:.95em}
.biomfg-card table td,.biomfg-card table th{border-bottom:1px solid #ddd;padding:.2em .6em;text-align:left;vertical-align:top}
.biomfg-card .quote{color:#555;font-size:.9em}
.biomfg-card .src{color:#777;font-size:.85em}
details.biomfg-fold>summary{cursor:pointer;font-weight:600;padding:.2em 0}
</style>"""



def facts_for(entity_ids: list[str]) -> pd.DataFrame:
    """Facts about these entities, in the order they appear in facts.csv."""
    df = data.facts()
    return df[df["entity_id"].isin(entity_ids)]


def facts_table(facts: pd.DataFrame, lang: str, subject: str | None = None) -> str:
    """A table of figures, each with its year, source file and verbatim quote."""
    check_lang(lang)
    if facts.empty:
        return f"<p class='src'>{escape(t('no_data', lang))}</p>"
    names = data.entity_names().set_index("entity_id")[f"name_{lang}"]
    head = "".join(f"<th>{escape(t(k, lang))}</th>" for k in ("indicator", "value", "year", "source"))
    rows = []
    for _, f in facts.iterrows():
        label = _text(f[f"indicator_{lang}"])
        if f["entity_id"] != subject:  # name the facility or programme a figure is about
            label += f" · {_text(names.get(f['entity_id'], f['entity_id']))}"
        kind = "" if f["kind"] == "actual" else f" ({escape(t(f['kind'], lang))})"
        rows.append(
            f"<tr><td>{escape(label)}</td><td><b>{escape(fmt.fact(f, lang))}</b>{kind}</td>"
            f"<td>{escape(_text(f['year']))}</td>"
            f"<td><span class='src'>{escape(_text(f['source']))}</span><br>"
            f"<span class='quote'>“{escape(_text(f['quote']))}”</span></td></tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def platform_card(platform_id: str, lang: str = "en") -> str:
    """Everything the data holds on one platform, with sources."""
    check_lang(lang)
    plats = data.platforms().set_index("platform_id")
    if platform_id not in plats.index:
        raise ValueError(f"platform_id={platform_id!r} is not known; valid choices: {', '.join(plats.index)}")
    p = plats.loc[platform_id]
    from .theme import PLATFORM_TYPE_COLOURS

    facilities = data.table("facilities")
    inside = list(facilities.loc[facilities["parent_id"] == platform_id, "facility_id"])
    fields = [(k, _text(p.get(f"{k}_{lang}"))) for k in ("direction", "progress", "success", "operator", "funding")]
    dl = "".join(f"<dt>{escape(t(k, lang))}</dt><dd>{escape(v)}</dd>" for k, v in fields if v)
    meta = " · ".join(x for x in (_text(p[f"type_name_{lang}"]), _text(p[f"country_{lang}"]),
                                  f"{t('founded', lang)} {_text(p['founded'])}") if x)
    return (f"<div class='biomfg-card' style='--biomfg-accent:{PLATFORM_TYPE_COLOURS.get(p['type_id'], '#555')}'>"
            f"<h3>{escape(_text(p[f'name_{lang}']))}</h3><div class='meta'>{escape(meta)}</div><dl>{dl}</dl>"
            f"{facts_table(facts_for([platform_id, *inside]), lang, subject=platform_id)}"
            f"<div class='src'>{escape(t('source', lang))}: {escape(_text(p['source']))} — "
            f"“{escape(_text(p['quote']))}”</div></div>")


def folded(summary: str, body_html: str, open_: bool = False) -> str:
    """A <details> block: readable without JavaScript, in reports as in notebooks."""
    return (f"<details class='biomfg-fold'{' open' if open_ else ''}><summary>{escape(summary)}</summary>"
            f"{body_html}</details>")


def page(*parts: str) -> str:
    """Card HTML with the card styles included once."""
    return CSS + "".join(parts)
