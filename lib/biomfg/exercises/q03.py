"""Exercises of 03_pilot_scale_platforms."""

from __future__ import annotations

from .. import data, finder
from .base import Question, register
from .q01 import code_solution, number_judge, pick_judge


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
        "en": f"In the finder, set the stage to “{finder.label('scale_up', 'en')}” and the region to "
              f"“{finder.label('north_america', 'en')}”, leave the rest at “{finder.label('any', 'en')}”, "
              "and read the first row.",
        "zh": f"在查找器中把阶段设为“{finder.label('scale_up', 'zh')}”、地区设为“{finder.label('north_america', 'zh')}”，"
              f"其余设为“{finder.label('any', 'zh')}”，看排在第一行的平台。"}),
    code_solution("from biomfg import finder\nfinder.find(stage='scale_up', region='north_america')[0].platform_id",
                  _top_scale_up_na, named=("platforms", "platform_id"))))
