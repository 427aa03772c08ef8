"""Exercises of 01_three_barriers, and the judges shared by q02-q04."""

from __future__ import annotations

from .. import data
from .base import Question, register
from .judges import code_solution, number_judge, pick_judge

# --- 01-q1: which barrier lies between pilot and market? ---------------------------------------

def _barrier_between(a: str, b: str) -> str:
    bars = data.table("barriers")
    return bars.loc[(bars["stage_from"] == a) & (bars["stage_to"] == b), "barrier_id"].iloc[0]


register("01-q1", Question(
    {"en": "Which barrier lies between the pilot stage and the market? (its name)",
     "zh": "中试与市场之间是哪一道障碍？（填名称）"},
    lambda: _barrier_between("pilot", "market"),
    pick_judge("barriers", "barrier_id", {"en": "Read the diagram from left to right: the last link ends at the market.",
                                          "zh": "从左到右读图：最后一环通向市场。"}),
    code_solution("b = data.table('barriers')\nb[(b.stage_from == 'pilot') & (b.stage_to == 'market')]",
                  lambda: _barrier_between("pilot", "market"), named=("barriers", "barrier_id"))))


# --- 01-q2: which platform type bridges the valley of death? -----------------------------------

def _bridge(barrier_id: str) -> str:
    return data.table("barriers").set_index("barrier_id").loc[barrier_id, "type_id"]


register("01-q2", Question(
    {"en": "Which platform type bridges the valley of death? (its name)",
     "zh": "哪一类平台跨越“死亡谷”？（填类型名称）"},
    lambda: _bridge("valley_of_death"),
    pick_judge("platform_types", "type_id", {"en": "The valley of death is where pilots and mass production fail.",
                                             "zh": "死亡谷出现在中试和量产阶段。"}),
    code_solution("data.table('barriers').set_index('barrier_id').loc['valley_of_death', 'type_id']",
                  lambda: _bridge("valley_of_death"), named=("platform_types", "type_id"))))


# --- 01-q3: how many national incubators are bioscience-related? -------------------------------

def _bio_incubators() -> float:
    return float(data.facts("china", "bio_related_incubator_count")["value"].iloc[0])


register("01-q3", Question(
    {"en": "How many of China's national science and technology business incubators are bioscience-related?",
     "zh": "中国国家级科技企业孵化器中，生物科学相关的有多少家？"},
    _bio_incubators,
    number_judge("count", {"en": "The number is in the paragraph on the Darwinian sea; the total is the larger one.",
                           "zh": "数字在“达尔文死海”一段中；较大的那个数是孵化器总数。"}),
    code_solution("data.facts('china', 'bio_related_incubator_count')[['value', 'quote']]", _bio_incubators)))
