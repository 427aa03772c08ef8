"""Sentences whose figures come from data/: notebooks never type a number into prose.

Every function returns an IPython HTML object; every value from data is escaped.
"""

from __future__ import annotations

from html import escape

from .. import data, fmt, toc
from ..htmlout import HTML
from ..i18n import check_lang, t
from .base import join, paragraph
from .cards import TABLE_CSS


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




HEADERS = {"zh": ("笔记本", "主题", "内容"), "en": ("Notebook", "Topic", "What it covers")}


def notebook_map(lang: str = "en") -> HTML:
    """The lessons as notebooks/toc.yml lists them, each linked; a lesson that names its cases instead of
    a summary lists their names from data/."""
    check_lang(lang)
    names = data.table("regions").set_index("region_id")[f"name_{lang}"]
    rows = []
    for e in toc.lessons():
        stem = e["file"].removesuffix(".ipynb")
        summary = e["summary"][lang] if "summary" in e else join([str(names[c]) for c in e["cases"]], lang)
        link = f"<a href='{escape(e['file'])}'>{escape(stem)}</a>"
        rows.append(f"<tr><td><code>{link}</code></td><td>{escape(e['title'][lang])}</td><td>{escape(summary)}</td></tr>")
    head = "".join(f"<th>{escape(h)}</th>" for h in HEADERS[lang])
    return HTML(f"{TABLE_CSS}<table class='biomfg-table biomfg-map'><caption>{escape(t('collection_title', lang))}</caption>"
                f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>")
