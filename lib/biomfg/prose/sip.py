"""Suzhou Industrial Park (notebook 06): its 2023 figures and rankings, the three strategic industries,
the value chain and the platforms, as sentences whose figures are computed from data/."""

from __future__ import annotations

from html import escape

import pandas as pd

from .. import data, fmt
from ..htmlout import HTML
from ..i18n import check_lang
from ..model.facts import fact
from .base import entity_name, figure, join, paragraph


def overview(lang: str = "en") -> HTML:
    """SIP's 2023 figures and its rankings."""
    check_lang(lang)
    year = fact("suzhou_sip", "gdp")["year"]
    g, rev, rd = (figure("suzhou_sip", i, lang, year) for i in ("gdp", "general_budget_revenue", "rd_intensity"))
    sip = escape(entity_name("suzhou_sip", lang))
    first = fact("suzhou_sip", "ndz_evaluation_consecutive_first_places")
    top = fact("suzhou_sip", "national_hitech_zone_evaluation_rank")
    n_first, n_top = fmt.number(first["value"], "count", lang), fmt.number(top["value"], "count", lang)
    if lang == "zh":
        return paragraph(f"{year} 年，{sip}地区生产总值 {g}，一般公共预算收入 {rev}，全社会研发投入占 GDP 比重 {rd}。"
                         f"园区在全国经开区综合考评中实现 <b>{n_first}</b> 连冠，在国家高新区综合评价中居全国前 <b>{n_top}</b>"
                         f"（来源未注明考评年份）。")
    return paragraph(f"In {year} {sip}'s gross domestic product reached {g}, its general public budget revenue {rev}, and "
                     f"society-wide R&amp;D spending {rd} of GDP. The park came first in the national evaluation of "
                     f"economic and technological development zones <b>{n_first}</b> times in a row and ranks in the top "
                     f"<b>{n_top}</b> of national high-tech zones (the sources give no evaluation years).")


def industries(lang: str = "en") -> HTML:
    check_lang(lang)
    inds = ["sip_biomed_industry", "sip_nano_industry", "sip_ai_industry"]
    n = fmt.number(fact("suzhou_sip", "strategic_emerging_industry_count")["value"], "count", lang)
    names = join([escape(entity_name(i, lang)) for i in inds], lang)
    total = figure("sip_emerging_industries", "output_value", lang)
    undated = [escape(entity_name(i, lang)) for i in inds
               if data.facts(i, "output_value")["year"].isna().all()]
    dated = join(sorted({str(y) for i in inds for y in data.facts(i, "output_value")["year"].dropna()}), lang)
    if lang == "zh":
        tail = f"注意：{join(undated, lang)}的数字来源未注明年份，其余为截至 {dated} 年，比较时需谨慎。" if undated else ""
        return paragraph(f"园区的 <b>{n}</b> 大战略性新兴产业是：{names}。新兴产业总产值 {total}。{tail}")
    tail = (f" Note: the figures for {join(undated, lang)} carry no year in the sources, the others are as of "
            f"{dated}, so compare with care." if undated else "")
    return paragraph(f"SIP's <b>{n}</b> strategic emerging industries are {names}. Together the emerging industries "
                     f"produce {total}.{tail}")


def chain(lang: str = "en") -> HTML:
    """Who the chain story names, and who it names without a tier."""
    check_lang(lang)
    firms = data.table("firms")
    sip = firms[(firms["region_id"] == "suzhou_sip") & (firms["source"] == "000_0f73dfafe09a0b58.txt")]
    tiered, untiered = sip[sip["tier"].notna()], sip[sip["tier"].isna()]
    loose = join([escape(n) for n in untiered[f"name_{lang}"]], lang)
    down = int((tiered["tier"] == "downstream").sum())
    if lang == "zh":
        extra = "来源没有点名任何下游企业，只说“下游临床”也在园区完成。" if down == 0 else ""
        return paragraph(f"来源把 <b>{len(tiered)}</b> 家园区企业归入产业链环节。{extra}"
                         f"同一报道还提到 {loose}，但没有说明它们属于哪一环节，因此图中不放入任何一列。")
    extra = ("The sources name no downstream firm; they only say the downstream (clinical) stage also happens "
             "in the park. " if down == 0 else "")
    return paragraph(f"The sources place <b>{len(tiered)}</b> SIP firms in a tier of the chain. {extra}The same report "
                     f"also names {loose} without saying which tier they belong to, so the diagram leaves them out.")


def platforms(lang: str = "en") -> HTML:
    check_lang(lang)
    built = figure("suzhou_sip", "public_tech_platform_count", lang)
    building = figure("suzhou_sip", "public_tech_platform_under_construction_count", lang)
    prov, city = (figure(e, "consortium_count", lang) for e in ("sip_jiangsu_level_consortia", "sip_suzhou_level_consortia"))
    sp, sc = figure("sip_jiangsu_level_consortia", "share_of_provincial_total", lang), \
        figure("sip_suzhou_level_consortia", "share_of_city_total", lang)
    measures = figure("sip_innovation_consortium_policy_2023", "policy_measure_count", lang)
    tic = entity_name("national_biologics_tic", lang)
    founded = data.table("events").set_index("event_id").loc["biologics_tic_settles_sip_2021", "year"]
    if lang == "zh":
        return paragraph(f"{escape(tic)}于 {founded} 年落户园区。园区建成公共技术平台 {built}，另有 {building}在建。"
                         f"园区有江苏省级创新联合体 {prov}（占全省{sp}）和苏州市级创新联合体 {city}（占全市{sc}），"
                         f"均列苏州市第一；支持创新联合体的政策提出 {measures}举措。")
    return paragraph(f"The {escape(tic)} settled in the park in {founded}. The park has built {built} public technology "
                     f"platforms, with {building} more under construction. It hosts {prov} Jiangsu provincial-level "
                     f"innovation consortia ({sp} of the province's) and {city} Suzhou municipal-level consortia ({sc} of "
                     f"the city's), both first in Suzhou; its consortium policy sets out {measures} measures.")


def industry_rows(lang: str = "en") -> pd.DataFrame:
    """Output value and firm counts of the three strategic industries, labelled for a chart."""
    inds = ["sip_biomed_industry", "sip_nano_industry", "sip_ai_industry"]
    f = data.facts()
    f = f[f["entity_id"].isin(inds) & f["indicator"].isin(["output_value", "firm_count"])]
    year = f["year"].map(lambda y: f" ({y})" if pd.notna(y) else "")
    return f.assign(label=f["entity_id"].map(lambda e: entity_name(e, lang)) + year)
