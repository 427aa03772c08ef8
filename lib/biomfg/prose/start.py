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
    parts = [t("start_type_count", lang, type=escape(name), n=fmt.count(n, "个", lang)) for name, n in by_type.items()]
    first = p.loc[p["founded"].idxmin()]
    last = p.loc[p["founded"].idxmax()]
    n_countries = p[f"country_{lang}"].nunique()
    return paragraph(t("start_platform_overview", lang, total=len(p), types=join(parts, lang), countries=n_countries,
                       first_year=first["founded"], first_name=escape(first[f"name_{lang}"]),
                       last_year=last["founded"], last_name=escape(last[f"name_{lang}"])))


def data_overview(lang: str = "en") -> HTML:
    """The size of the evidence base: figures, entities, quotes, per seed."""
    check_lang(lang)
    facts = data.table("facts")
    src = data.sources().set_index("source_id")
    per = facts.groupby("source").size()
    items = "".join("<li>" + t("start_source_figures", lang, short=escape(src.loc[s, f"short_{lang}"]), source=escape(s),
                               n=fmt.number(n, "count", lang)) + "</li>" for s, n in per.items())
    entities = len(data.entity_names())
    head = t("start_data_overview", lang, figures=fmt.number(len(facts), "count", lang),
             entities=fmt.number(entities, "count", lang))
    return HTML(f"<p class='biomfg-prose'>{head}</p><ul>{items}</ul>")




HEADERS = ("start_col_notebook", "start_col_topic", "start_col_covers")


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
    head = "".join(f"<th>{escape(t(k, lang))}</th>" for k in HEADERS)
    return HTML(f"{TABLE_CSS}<table class='biomfg-table biomfg-map'><caption>{escape(t('collection_title', lang))}</caption>"
                f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>")
