"""Exercises of 04_incubation_platforms."""

from __future__ import annotations

from .. import data
from .base import Question, register
from .q01 import code_solution, number_judge, pick_judge


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
