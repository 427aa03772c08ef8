"""Prose for 05_china_status_and_gaps: China's scale, platforms, incubators and pilot-platform challenges.

Every figure is read from data/ and formatted by fmt; every string from data is escaped.
"""

from __future__ import annotations

from html import escape

import pandas as pd

from .. import data, fmt
from ..htmlout import HTML
from ..i18n import check_lang, t
from ..model.china import COUNTRY, LAB_INDICATORS, new_platforms
from ..model.facts import fact
from .base import figure, source_note
from .cards import CSS
from .recommendations import addressed_by


def _f(indicator: str, lang: str) -> str:
    return figure(COUNTRY, indicator, lang)


def scale_summary(lang: str = "en") -> HTML:
    """Growth, production, output value and downstream scale, as the article states them."""
    check_lang(lang)
    rows = data.facts(COUNTRY)
    rows = rows[rows["indicator"].isin(["annual_growth_rate", "annual_production", "output_value",
                                        "downstream_industry_scale"])]
    if lang == "zh":
        text = (f"近年来，我国生物制造产业年增长率{_f('annual_growth_rate', lang)}；生物发酵制品、生物基精细化学品和"
                f"生物基材料等关键产品的年产量{_f('annual_production', lang)}，产值{_f('output_value', lang)}"
                f"（不含传统酿造业），带动下游产业规模{_f('downstream_industry_scale', lang)}。原文未注明这些数字的年份。")
    else:
        text = (f"In recent years China's biomanufacturing industry has grown by {_f('annual_growth_rate', lang)} a "
                f"year. Its key products (bio-fermentation products, bio-based fine chemicals and bio-based "
                f"materials) reach an annual production of {_f('annual_production', lang)} and an output value of "
                f"{_f('output_value', lang)} (excluding traditional brewing), and they drive downstream industries of "
                f"{_f('downstream_industry_scale', lang)}. The article gives no year for these figures.")
    return HTML(f"<p class='biomfg-prose'>{text}</p>{source_note(rows, lang)}")


def shares_detail(lang: str = "en") -> HTML:
    """What each share covers, with the quote: the two shares are of different things."""
    check_lang(lang)
    items = []
    for ind in ("global_production_share", "global_capacity_share"):
        f = fact(COUNTRY, ind)
        colon = "：" if lang == "zh" else ": "
        items.append(f"<li>{escape(str(f[f'indicator_{lang}']))}{colon}<b>{escape(fmt.fact(f, lang))}</b> — "
                     f"{escape(t('quote', lang))}{colon}“{escape(str(f['quote']))}”</li>")
    head = ("两个比重衡量的对象不同：一个是产量，一个是产能，不能相加。" if lang == "zh" else
            "The two shares measure different things (output of some products, capacity of others): "
            "they cannot be added.")
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
    if lang == "zh":
        head = (f"截至“十三五”末，{kinds}类国家级平台合计 <b>{total}</b> 个。近年来，政府又建立了多个新的技术创新平台，"
                f"原文列举了 {fmt.number(len(plats), 'count', lang)} 个（并以“等”结尾）：")
    else:
        head = (f"At the end of the 13th Five-Year Plan the {kinds} kinds of national platform numbered <b>{total}</b> "
                f"in all. Since then the government has set up several new technology-innovation platforms; the "
                f"article names {fmt.number(len(plats), 'count', lang)} (and ends its list with “etc.”):")
    return HTML(f"<p class='biomfg-prose'>{head}</p><ul>{items}</ul>{source_note(pd.concat([rows, plats]), lang)}")


def incubator_gap(lang: str = "en") -> HTML:
    """The bio-related share of national incubators, computed (the article gives only the counts)."""
    check_lang(lang)
    total, bio = fact(COUNTRY, "national_incubator_count"), fact(COUNTRY, "bio_related_incubator_count")
    share = fmt.percent(bio["value"], total["value"])
    if lang == "zh":
        text = (f"在 <b>{escape(fmt.fact(total, lang))}</b> 家国家级科技企业孵化器中，生物科学相关的仅有 "
                f"<b>{escape(fmt.fact(bio, lang))}</b> 个，占 <b>{share}</b>（由两个数字计算得出，原文未给出比例）。")
    else:
        text = (f"Of <b>{escape(fmt.fact(total, lang))}</b> national-level science and technology business incubators, "
                f"only <b>{escape(fmt.fact(bio, lang))}</b> are bioscience-related: <b>{share}</b> (computed from the two "
                f"counts; the article does not state the share).")
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
    if lang == "zh":
        left = (f"<h4>生物医药产业园区</h4><p><b>{escape(fmt.fact(parks, lang))}</b> 家（截至 {year} 年）。</p>"
                f"<p>{escape(str(gaps.loc['gap_biomed_parks_mismatch', 'description_zh']))}</p>"
                f"<p>{escape(str(gaps.loc['gap_biomed_parks_planning', 'description_zh']))}</p>")
        right = ("<h4>专门的生物制造产业园区</h4><p>原文未给出数量，只说“数量有限”，并举出以下例子；"
                 "这些平台大多处于运营初期或建设阶段：</p>" f"<ul>{items}</ul>")
    else:
        left = (f"<h4>Biomedical industrial parks</h4><p><b>{escape(fmt.fact(parks, lang))}</b> (as of {year}).</p>"
                f"<p>{escape(str(gaps.loc['gap_biomed_parks_mismatch', 'description_en']))}</p>"
                f"<p>{escape(str(gaps.loc['gap_biomed_parks_planning', 'description_en']))}</p>")
        right = ("<h4>Dedicated biomanufacturing parks</h4><p>The article gives no count, only that they are "
                 "&quot;limited in number&quot;, and names these examples, most in early operation or under construction:</p>"
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
    n = fmt.number(len(g), "count", lang)
    items = "".join(f"<li><b>{escape(str(r[f'name_{lang}']))}</b> — <i>{addressed_by(r['gap_id'], lang)}</i></li>"
                    for _, r in g.iterrows())
    head = (f"原文指出我国中试平台的运营面临 {n} 大挑战：" if lang == "zh"
            else f"The article lists {n} challenges in operating China's pilot platforms:")
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
    heads = ("平台类型", "障碍", "国际代表性平台", "我国现状与短板") if lang == "zh" else \
        ("Platform type", "Barrier", "International exemplars", "China's situation and gaps")
    body, colon = [], "：" if lang == "zh" else ": "
    for _, ty in types.iterrows():
        ex = plats[plats["type_id"] == ty["type_id"]]
        ex_html = "<br>".join(
            f"{escape(str(p[f'name_{lang}']))}（{escape(str(p['country_zh']))}，{escape(str(p['founded']))}）"
            if lang == "zh" else
            f"{escape(str(p['name_en']))} ({escape(str(p['country_en']))}, {escape(str(p['founded']))})"
            for _, p in ex.iterrows())
        ids = list(gaps.loc[gaps["barrier_id"] == ty["barrier_id"], "gap_id"]) + extra.get(ty["type_id"], [])
        g = gaps.set_index("gap_id").loc[ids]
        cn = "".join(f"<li>{escape(str(r[f'name_{lang}']))}</li>" for _, r in g.iterrows())
        if ty["type_id"] == "technology_innovation":
            f = data.facts(COUNTRY)
            labs = fmt.number(f.loc[f["indicator"].isin(LAB_INDICATORS), "value"].sum(), "count", lang)
            plats_n = fmt.number(len(new_platforms()), "count", lang)
            lab_label = ("国家级实验室与中心（“十三五”末）" if lang == "zh"
                         else "national labs and centres (end of the 13th Five-Year Plan)")
            cn = (f"<li>{lab_label}{colon}{labs}</li>"
                  f"<li>{'新建技术创新平台（原文举例）' if lang == 'zh' else 'newer platforms named'}{colon}{plats_n}</li>"
                  + cn)
        if ty["type_id"] == "industry_incubation":
            cn = (f"<li>{'生物科学相关孵化器占比' if lang == 'zh' else 'bio-related share of national incubators'}"
                  f"{colon}{share}</li>" + cn)
        bar = barriers.loc[ty["barrier_id"]]
        td = "<td class='name'>"
        body.append(f"<tr>{td}<b>{escape(str(ty[f'name_{lang}']))}</b></td>{td}{escape(str(bar[f'name_{lang}']))}</td>"
                    f"{td}{ex_html}</td>{td}<ul style='margin:0;padding-left:1.1em'>{cn}</ul></td></tr>")
    head = "".join(f"<th>{escape(h)}</th>" for h in heads)
    return HTML(f"{CSS}<div class='biomfg-card' style='max-width:64em'><table class='biomfg-table'><thead><tr>{head}</tr></thead>"
                f"<tbody>{''.join(body)}</tbody></table>{source_note(pd.concat([plats, gaps]), lang)}</div>")


def growth_assumption(base: pd.Series, rate: float, years: int, stated: pd.Series, lang: str = "en") -> str:
    """The assumption behind the growth illustration, as HTML: base, rate, years, and what is stated."""
    check_lang(lang)
    b, r = escape(fmt.fact(base, lang)), escape(fmt.number(rate, "percent", lang))
    s = escape(fmt.fact(stated, lang))
    end = escape(fmt.number(round(float(base["value"]) * (1 + rate / 100) ** years, -8), base["unit"], lang))
    if lang == "zh":
        return (f"<p class='biomfg-prose'><b>示意，并非预测。</b>假设：以产值 {b}（原文未注明年份）为起点，"
                f"每年按 {r} 的固定增长率增长，共 {years} 年，约达 <b>{end}</b>。"
                f"原文所述年增长率为 {s}；实际增长不会恒定。</p>")
    return (f"<p class='biomfg-prose'><b>An illustration, not a forecast.</b> Assumption: output value starts at {b} "
            f"(the article gives no year) and grows at a constant {r} a year for {years} years, reaching about "
            f"<b>{end}</b>. The article states growth of {s} a year; real growth is never constant.</p>")


