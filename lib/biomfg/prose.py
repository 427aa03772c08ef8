"""Sentences whose figures come from data/: notebooks never type a number into prose.

Every function returns an IPython HTML object; every value from data is escaped.
"""

from __future__ import annotations

from html import escape

from . import data, fmt
from .htmlout import HTML
from .i18n import check_lang, t
from .sentences import paragraph


def platform_overview(lang: str = "en") -> HTML:
    """How many exemplars, of which types, founded when, in how many countries."""
    check_lang(lang)
    p = data.platforms()
    by_type = p.groupby(f"type_name_{lang}", sort=False).size()
    parts = [f"{escape(name)} {n}" for name, n in by_type.items()]
    first = p.loc[p["founded"].idxmin()]
    last = p.loc[p["founded"].idxmax()]
    n_countries = p[f"country_{lang}"].nunique()
    if lang == "zh":
        return paragraph(f"原文表1至表3共介绍了 <b>{len(p)}</b> 个国际代表性平台（{'、'.join(parts)}），"
                         f"分布在 {n_countries} 个国家或地区，成立时间从 {first['founded']} 年"
                         f"（{escape(first['name_zh'])}）到 {last['founded']} 年（{escape(last['name_zh'])}）。")
    return paragraph(f"Tables 1-3 of the source article profile <b>{len(p)}</b> international exemplars "
                     f"({', '.join(parts)}) in {n_countries} countries or regions, founded between "
                     f"{first['founded']} ({escape(first['name_en'])}) and {last['founded']} ({escape(last['name_en'])}).")


def data_overview(lang: str = "en") -> HTML:
    """The size of the evidence base: figures, entities, quotes, per seed."""
    check_lang(lang)
    facts = data.table("facts")
    src = data.sources().set_index("source_id")
    per = facts.groupby("source").size()
    cite = "（{}）：" if lang == "zh" else " ({}): "
    items = "".join(f"<li>{escape(src.loc[s, f'short_{lang}'])}{cite.format(f'<code>{escape(s)}</code>')}"
                    f"{fmt.number(n, 'count', lang)}</li>" for s, n in per.items())
    entities = len(data.entity_names())
    if lang == "zh":
        head = (f"数据包收录 <b>{fmt.number(len(facts), 'count', 'zh')}</b> 个数值、"
                f"{fmt.number(entities, 'count', 'zh')} 个命名实体，每条都附有来源文件和原文引文。各来源的数值条数：")
    else:
        head = (f"The data package holds <b>{fmt.number(len(facts), 'count', 'en')}</b> figures and "
                f"{fmt.number(entities, 'count', 'en')} named entities, each with its source file and a verbatim "
                f"quote. Figures per source:")
    return HTML(f"<p class='biomfg-prose'>{head}</p><ul>{items}</ul>")


def sources_list(lang: str = "en", source_ids: list[str] | None = None) -> HTML:
    """The seeds a notebook draws on, with titles in `lang`."""
    check_lang(lang)
    src = data.sources()
    if source_ids is not None:
        src = src[src["source_id"].isin(source_ids)]
    colon = "：" if lang == "zh" else ": "
    items = "".join(f"<li><code>{escape(r['source_id'])}</code>{colon}{escape(r[f'name_{lang}'])}</li>"
                    for _, r in src.iterrows())
    return HTML(f"<p><b>{escape(t('sources', lang))}</b></p><ul>{items}</ul>")
