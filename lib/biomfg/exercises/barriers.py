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
    "ex_01_q1",
    lambda: _barrier_between("pilot", "market"),
    pick_judge("barriers", "barrier_id", "ex_01_q1_hint"),
    code_solution("b = data.table('barriers')\nb[(b.stage_from == 'pilot') & (b.stage_to == 'market')]",
                  lambda: _barrier_between("pilot", "market"), named=("barriers", "barrier_id"))))


# --- 01-q2: which platform type bridges the valley of death? -----------------------------------

def _bridge(barrier_id: str) -> str:
    return data.table("barriers").set_index("barrier_id").loc[barrier_id, "type_id"]


register("01-q2", Question(
    "ex_01_q2",
    lambda: _bridge("valley_of_death"),
    pick_judge("platform_types", "type_id", "ex_01_q2_hint"),
    code_solution("data.table('barriers').set_index('barrier_id').loc['valley_of_death', 'type_id']",
                  lambda: _bridge("valley_of_death"), named=("platform_types", "type_id"))))


# --- 01-q3: how many national incubators are bioscience-related? -------------------------------

def _bio_incubators() -> float:
    return float(data.facts("china", "bio_related_incubator_count")["value"].iloc[0])


register("01-q3", Question(
    "ex_01_q3",
    _bio_incubators,
    number_judge("count", "ex_01_q3_hint"),
    code_solution("data.facts('china', 'bio_related_incubator_count')[['value', 'quote']]", _bio_incubators)))
