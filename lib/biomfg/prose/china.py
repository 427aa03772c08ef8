"""Prose for 05_china_status_and_gaps: China's scale, platforms, incubators and pilot-platform challenges.

Every figure is read from data/ and formatted by fmt; every string from data is escaped.
"""

from __future__ import annotations

from html import escape

import pandas as pd

from .. import data, fmt
from ..htmlout import HTML
from ..i18n import check_lang, t
from ..model import china as model_china
from ..model.china import COUNTRY, LAB_INDICATORS, new_platforms
from ..model.facts import fact
from ..model.projection import projected
from .base import figure, join, source_note, year_text
from .cards import CSS
from .recommendations import addressed_by


def _f(indicator: str, lang: str) -> str:
    return figure(COUNTRY, indicator, lang)


def scale_summary(lang: str = "en") -> HTML:
    """Growth, production, output value and downstream scale, as the article states them."""
    check_lang(lang)
    rows = data.facts(COUNTRY)
    rows = rows[rows["indicator"].isin(["annual_growth_rate", "key_products_annual_production", "key_products_output_value",
                                        "downstream_industry_scale"])]
    text = t("china_scale", lang, growth=_f("annual_growth_rate", lang), production=_f("key_products_annual_production", lang),
             value=_f("key_products_output_value", lang), downstream=_f("downstream_industry_scale", lang))
    return HTML(f"<p class='biomfg-prose'>{text}</p>{source_note(rows, lang)}")


def shares_detail(lang: str = "en") -> HTML:
    """What each share covers, with the quote: the two shares are of different things."""
    check_lang(lang)
    items = []
    for ind in ("global_production_share", "global_capacity_share"):
        f = fact(COUNTRY, ind)
        items.append("<li>" + t("china_share_item", lang, indicator=escape(str(f[f"indicator_{lang}"])),
                                value=escape(fmt.fact(f, lang)), label=escape(t("quote", lang)),
                                quote=escape(str(f["quote"]))) + "</li>")
    head = t("china_shares_head", lang)
    return HTML(f"<p class='biomfg-prose'>{head}</p><ul>{''.join(items)}</ul>")


def lab_summary(lang: str = "en") -> HTML:
    """The total of national labs and centres, and the newer platforms with their cities."""
    check_lang(lang)
    f = data.facts(COUNTRY)
    rows = f[f["indicator"].isin(LAB_INDICATORS)]
    total = fmt.number(rows["value"].sum(), "count", lang)
    kinds = fmt.number(len(rows), "count", lang)
    regions = data.table("regions").set_index("region_id")[f"name_{lang}"]
    plats = new_platforms()
    items = "".join(f"<li>{escape(str(r[f'name_{lang}']))} — {escape(str(regions.get(r['region_id'], '')))}</li>"
                    for _, r in plats.iterrows())
    head = t("china_labs_head", lang, kinds=kinds, total=total, n=fmt.number(len(plats), "count", lang))
    return HTML(f"<p class='biomfg-prose'>{head}</p><ul>{items}</ul>{source_note(pd.concat([rows, plats]), lang)}")


def incubator_gap(lang: str = "en") -> HTML:
    """The bio-related share of national incubators, computed (the article gives only the counts)."""
    check_lang(lang)
    total, bio = fact(COUNTRY, "national_incubator_count"), fact(COUNTRY, "bio_related_incubator_count")
    share = fmt.percent(bio["value"], total["value"])
    text = t("china_incubator_gap", lang, total=escape(fmt.fact(total, lang)), bio=escape(fmt.fact(bio, lang)),
             share=share)
    return HTML(f"<p class='biomfg-prose'>{text}</p>{source_note(pd.DataFrame([total, bio]), lang)}")


def parks_comparison(lang: str = "en") -> HTML:
    """Biomedical parks (a count) beside dedicated biomanufacturing parks (named, not counted)."""
    check_lang(lang)
    parks = fact(COUNTRY, "biomedical_park_count")
    gaps = data.table("gaps").set_index("gap_id")
    regions = data.table("regions")
    dedicated = regions[(regions["kind"] == "park") & (regions["source"] == "002_2345a6461b2e6a43.txt")]
    year = "" if pd.isna(parks["year"]) else str(int(parks["year"]))
    items = "".join(f"<li>{escape(str(r[f'name_{lang}']))}</li>" for _, r in dedicated.iterrows())
    left = (f"<h4>{t('china_biomed_parks', lang)}</h4>"
            f"<p>{t('china_biomed_parks_count', lang, n=escape(fmt.fact(parks, lang)), year=year)}</p>"
            f"<p>{escape(str(gaps.loc['gap_biomed_parks_mismatch', f'description_{lang}']))}</p>"
            f"<p>{escape(str(gaps.loc['gap_biomed_parks_planning', f'description_{lang}']))}</p>")
    right = (f"<h4>{t('china_dedicated_parks', lang)}</h4><p>{t('china_dedicated_parks_intro', lang)}</p>"
             f"<ul>{items}</ul>")
    style = "display:grid;grid-template-columns:1fr 1fr;gap:1.2em;max-width:60em"
    rows = pd.concat([pd.DataFrame([parks]), dedicated])
    return HTML(f"{CSS}<div style='{style}'><div class='biomfg-card'>{left}</div>"
                f"<div class='biomfg-card' style='--biomfg-accent:#009E73'>{right}</div></div>{source_note(rows, lang)}")


def pilot_challenges(lang: str = "en") -> HTML:
    """The five challenges of China's pilot platforms, each with the recommendation that answers it."""
    check_lang(lang)
    g = data.table("gaps")
    g = g[g["kind"] == "pilot_challenge"]
    n = fmt.zh_numeral(len(g)) if lang == "zh" else fmt.number(len(g), "count", lang)  # 五大挑战
    items = "".join(f"<li><b>{escape(str(r[f'name_{lang}']))}</b> — <i>{addressed_by(r['gap_id'], lang)}</i></li>"
                    for _, r in g.iterrows())
    head = t("china_pilot_head", lang, n=n)
    return HTML(f"<p class='biomfg-prose'>{head}</p><ol>{items}</ol>{source_note(g, lang)}")


def type_comparison(lang: str = "en") -> HTML:
    """Per platform type: the international exemplars beside China's situation (gaps on that barrier)."""
    check_lang(lang)
    types = data.table("platform_types")
    barriers = data.table("barriers").set_index("barrier_id")
    plats = data.platforms()
    gaps = data.table("gaps")
    extra = {"technology_innovation": [], "pilot_scale": list(gaps.loc[gaps["kind"] == "pilot_challenge", "gap_id"]),
             "industry_incubation": ["gap_incubation_funding"]}
    share = fmt.percent(fact(COUNTRY, "bio_related_incubator_count")["value"], fact(COUNTRY, "national_incubator_count")["value"])
    heads = [t(k, lang) for k in ("platform_type", "china_col_barrier", "china_col_exemplars", "china_col_china")]
    body = []
    for _, ty in types.iterrows():
        ex = plats[plats["type_id"] == ty["type_id"]]
        ex_html = "<br>".join(
            t("china_exemplar", lang, name=escape(str(p[f"name_{lang}"])), country=escape(str(p[f"country_{lang}"])),
              founded=escape(str(p["founded"])))
            for _, p in ex.iterrows())
        ids = list(gaps.loc[gaps["barrier_id"] == ty["barrier_id"], "gap_id"]) + extra.get(ty["type_id"], [])
        g = gaps.set_index("gap_id").loc[ids]
        cn = "".join(f"<li>{escape(str(r[f'name_{lang}']))}</li>" for _, r in g.iterrows())
        if ty["type_id"] == "technology_innovation":
            f = data.facts(COUNTRY)
            labs = fmt.number(f.loc[f["indicator"].isin(LAB_INDICATORS), "value"].sum(), "count", lang)
            plats_n = fmt.number(len(new_platforms()), "count", lang)
            cn = (f"<li>{t('china_tc_labs', lang, n=labs)}</li>"
                  f"<li>{t('china_tc_new_platforms', lang, n=plats_n)}</li>" + cn)
        if ty["type_id"] == "industry_incubation":
            cn = f"<li>{t('china_bio_share', lang, share=share)}</li>" + cn
        bar = barriers.loc[ty["barrier_id"]]
        td = "<td class='name'>"
        body.append(f"<tr>{td}<b>{escape(str(ty[f'name_{lang}']))}</b></td>{td}{escape(str(bar[f'name_{lang}']))}</td>"
                    f"{td}{ex_html}</td>{td}<ul style='margin:0;padding-left:1.1em'>{cn}</ul></td></tr>")
    head = "".join(f"<th>{escape(h)}</th>" for h in heads)
    return HTML(f"{CSS}<div class='biomfg-card' style='max-width:64em'><table class='biomfg-table'><thead><tr>{head}</tr></thead>"
                f"<tbody>{''.join(body)}</tbody></table>{source_note(pd.concat([plats, gaps]), lang)}</div>")


def growth_assumption(base: pd.Series, rate: float, years: int, stated: pd.Series, lang: str = "en") -> str:
    """The assumption behind the growth projection, as HTML: which rate (the industry's, from its fact)
    is applied to which base (the key products' output value), for how long, and the result rounded to
    the precision of the base (model.projection.projected says why)."""
    check_lang(lang)
    b, r = escape(fmt.fact(base, lang)), escape(fmt.number(rate, "percent", lang))
    s = escape(fmt.fact(stated, lang))
    value, step = projected(float(base["value"]), rate, years)
    end = escape(fmt.number(value, base["unit"], lang, "about"))
    text = t("china_growth_assumption", lang, base=b, rate=r, years=years, end=end, stated=s,
             step=escape(fmt.number(step, base["unit"], lang)))
    return f"<p class='biomfg-prose'>{text}</p>"




def _cap(name: str) -> str:
    """A name as the head of a list item or table cell: 'Bio-based ...' (Chinese has no case)."""
    return name[:1].upper() + name[1:]


def _series(rows: pd.DataFrame, lang: str) -> str:
    """The rows' names as a series in a sentence: 'a, b and c' in English, 'a、b、c' in Chinese (escaped)."""
    names = [escape(str(n)) for n in rows[f"name_{lang}"]]
    return join(names, lang)


def standing(lang: str = "en") -> HTML:
    """Where China stands: the segments where it competes, its breakthroughs with the level the article
    claims for each, and the fields where it still lags Europe and the United States."""
    check_lang(lang)
    seg, brk, lag = (model_china.standing(k) for k in ("strength_segment", "breakthrough", "lagging_field"))
    items = "".join(f"<li><b>{escape(_cap(str(r[f'name_{lang}'])))}</b> — {t(f'china_standing_level_{r.level}', lang)}</li>"
                    for _, r in brk.iterrows())
    gaps = data.table("gaps").set_index("gap_id")
    gap = escape(str(gaps.loc[lag["gap_id"].dropna().iloc[0], f"name_{lang}"]))
    return HTML(f"<p class='biomfg-prose'>{t('china_standing_segments', lang, segments=_series(seg, lang))}</p>"
                f"<p class='biomfg-prose'>{t('china_standing_breakthroughs_head', lang)}</p><ul>{items}</ul>"
                f"<p class='biomfg-prose'>{t('china_standing_lags', lang, fields=_series(lag, lang), gap=gap)}</p>"
                f"{source_note(pd.concat([seg, brk, lag]), lang)}")


def policy_history(lang: str = "en") -> HTML:
    """China's policy steps for biomanufacturing as the article names them: a table, dated steps first."""
    check_lang(lang)
    ev = model_china.policy_history()
    body = "".join(f"<tr><td class='name'>{escape(year_text(r, lang) or t('china_history_undated', lang))}</td>"
                   f"<td class='name'>{escape(_cap(str(r[f'name_{lang}'])))}</td></tr>" for _, r in ev.iterrows())
    head = "".join(f"<th>{escape(t(k, lang))}</th>" for k in ("year", "china_history_step"))
    return HTML(f"{CSS}<div class='biomfg-card' style='max-width:56em'><p class='biomfg-prose'>"
                f"{t('china_history_head', lang)}</p><table class='biomfg-table'><thead><tr>{head}</tr></thead>"
                f"<tbody>{body}</tbody></table>{source_note(ev, lang)}</div>")
