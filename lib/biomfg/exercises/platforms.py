"""Exercises of 02-04: the three platform types (technology innovation, pilot scale-up, incubation)."""

from __future__ import annotations

from .. import data
from ..model import finder
from ..prose.platforms import finder_label
from .base import Question, register
from .judges import code_solution, number_judge, pick_judge


def _abf_funding() -> float:
    return float(data.facts("abf", "annual_funding")["value"].iloc[0])


def _largest_volume() -> float:
    v = finder.volume_facts()
    return float(v["value"].max())


def _data_driven() -> str:
    pf = data.table("platform_factors")
    tech = set(data.table("platforms").query("type_id == 'technology_innovation'")["platform_id"])
    hit = pf[(pf["factor_id"] == "data_driven_management") & pf["platform_id"].isin(tech)]
    return hit["platform_id"].iloc[0]


register("02-q1", Question(
    {"en": "How much funding does the Agile BioFoundry receive each year, in US dollars? (the full number)",
     "zh": "美国敏捷生物工厂每年获得多少美元资助？（写出完整的数）"},
    _abf_funding,
    number_judge("USD", {"en": "Look at the funding chart's USD panel: the annual funding bar.",
                         "zh": "看资金图中美元一栏的“年度资助金额”。"}, scales=(1e6, 1e4)),
    code_solution("data.facts('abf', 'annual_funding')[['value', 'unit', 'quote']]", _abf_funding)))

register("02-q2", Question(
    {"en": "What is the largest volume, in litres, that the sources state for any exemplar's facilities?",
     "zh": "来源中写明的代表性平台设施容积，最大是多少升？"},
    _largest_volume,
    number_judge("L", {"en": "Read the scale ladder: the right-most dot.", "zh": "看规模阶梯中最右边的点。"},
                 scales=(1e3, 1e4)),
    code_solution("model.finder.volume_facts()['value'].max()", _largest_volume)))

register("02-q3", Question(
    {"en": "Which technology-innovation platform has a data-driven, information-management strategy?",
     "zh": "哪个技术创新平台采用数据驱动和信息管理策略？"},
    _data_driven,
    pick_judge("platforms", "platform_id", {"en": "Find the row 'Data-driven and information management' in the matrix.",
                                            "zh": "在矩阵中找到“数据驱动与信息管理”这一行。"}),
    code_solution("pf = data.table('platform_factors')\npf[pf.factor_id == 'data_driven_management']", _data_driven,
                  named=("platforms", "platform_id"))))


# --- 03_pilot_scale_platforms -----------------------------------------------------------------
def _assets() -> float:
    return float(data.facts("pilots4u_database", "asset_count")["value"].iloc[0])


def _states() -> float:
    return float(data.facts("biomade", "state_count")["value"].iloc[0])


def _top_scale_up_na() -> str:
    return finder.find(stage="scale_up", region="north_america")[0].platform_id


register("03-q1", Question(
    {"en": "How many asset entries does the Pilots4U database hold?", "zh": "Pilots4U 数据库收录了多少个资产条目？"},
    _assets,
    number_judge("count", {"en": "Read the network chart: Pilots4U database, asset entries.",
                           "zh": "看网络规模图中 Pilots4U 数据库的资产条目。"}),
    code_solution("data.facts('pilots4u_database', 'asset_count')[['value', 'quote']]", _assets)))

register("03-q2", Question(
    {"en": "In how many US states had BioMADE extended its building plans by 2024?",
     "zh": "截至2024年，BioMADE 已把建设计划扩展到美国多少个州？"},
    _states,
    number_judge("count", {"en": "Not the number of planned sites: count the states.",
                           "zh": "不是计划中的站点数，而是州的数量。"}),
    code_solution("data.facts('biomade', 'state_count')[['value', 'year', 'quote']]", _states)))

register("03-q3", Question(
    {"en": "Use the finder: which platform ranks first for stage 'scale-up' in North America?",
     "zh": "使用查找器：在北美、阶段为“放大”时，排名第一的是哪个平台？"},
    _top_scale_up_na,
    pick_judge("platforms", "platform_id", {
        "en": f"In the finder, set the stage to “{finder_label('scale_up', 'en')}” and the region to "
              f"“{finder_label('north_america', 'en')}”, leave the rest at “{finder_label('any', 'en')}”, "
              "and read the first row.",
        "zh": f"在查找器中把阶段设为“{finder_label('scale_up', 'zh')}”、地区设为“{finder_label('north_america', 'zh')}”，"
              f"其余设为“{finder_label('any', 'zh')}”，看排在第一行的平台。"}),
    code_solution("model.finder.find(stage='scale_up', region='north_america')[0].platform_id",
                  _top_scale_up_na, named=("platforms", "platform_id"))))


# --- 04_incubation_platforms --------------------------------------------------------------------
def _indiebio_months() -> float:
    return float(data.facts("indiebio", "programme_duration")["value"].iloc[0])


def _first_incubator() -> str:
    p = data.platforms()
    p = p[p["type_id"] == "industry_incubation"]
    return p.loc[p["founded"].idxmin(), "platform_id"]


def _synbicite_gbp() -> float:
    return float(data.facts("synbicite", "investment_amount")["value"].iloc[0])


register("04-q1", Question(
    {"en": "How many months does IndieBio's incubation programme last?", "zh": "IndieBio 的孵化期有几个月？"},
    _indiebio_months,
    number_judge("months", {"en": "See the support-instruments chart, Duration column.",
                            "zh": "看支持工具对比图的“期限”一栏。"}),
    code_solution("data.facts('indiebio', 'programme_duration')[['value', 'unit', 'quote']]", _indiebio_months)))

register("04-q2", Question(
    {"en": "Which industry-incubation platform was founded first?", "zh": "哪个产业孵化平台成立最早？"},
    _first_incubator,
    pick_judge("platforms", "platform_id", {"en": "Compare the founding years of the incubation platforms only.",
                                            "zh": "只比较产业孵化平台的成立年份。"}),
    code_solution("p = data.platforms()\np = p[p.type_id == 'industry_incubation']\np.loc[p.founded.idxmin(), 'name_en']",
                  _first_incubator, named=("platforms", "platform_id"))))

register("04-q3", Question(
    {"en": "How much co-investment did SynbiCITE receive, in pounds sterling? (the full number; do not convert)",
     "zh": "SynbiCITE 获得了多少英镑的共同投资？（写出完整的数，不要换算）"},
    _synbicite_gbp,
    number_judge("GBP", {"en": "It is in the GBP panel of the funding chart (notebook 02), not the USD one.",
                         "zh": "在资金图（笔记本02）的英镑一栏，而不是美元一栏。"}, scales=(1e6, 1e4)),
    code_solution("data.facts('synbicite', 'investment_amount')[['value', 'unit', 'quote']]", _synbicite_gbp)))
