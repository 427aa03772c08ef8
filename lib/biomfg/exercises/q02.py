"""Exercises of 02_technology_innovation_platforms."""

from __future__ import annotations

from .. import data, finder
from .base import Question, register
from .q01 import code_solution, number_judge, pick_judge


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
    code_solution("from biomfg import finder\nfinder.volume_facts()['value'].max()", _largest_volume)))

register("02-q3", Question(
    {"en": "Which technology-innovation platform has a data-driven, information-management strategy?",
     "zh": "哪个技术创新平台采用数据驱动和信息管理策略？"},
    _data_driven,
    pick_judge("platforms", "platform_id", {"en": "Find the row 'Data-driven and information management' in the matrix.",
                                            "zh": "在矩阵中找到“数据驱动与信息管理”这一行。"}),
    code_solution("pf = data.table('platform_factors')\npf[pf.factor_id == 'data_driven_management']", _data_driven,
                  named=("platforms", "platform_id"))))
