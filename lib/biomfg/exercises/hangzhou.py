"""Exercises of 07_hangzhou_synbio_plan: two look-ups, an estimate with its assumption stated (start-ups a year
at an even pace) and which barrier the plan's pilot base bridges; its open question and discussion prompts."""

from __future__ import annotations

import math
from html import escape

from .. import data, fmt
from ..i18n import t
from ..model import targets
from .base import OpenQuestion, Question, register, register_discussion, register_open
from .judges import as_int, code_solution, match_name, unclear, whole_number
from .reasoning import barrier_name, names_list, number_given, one_decimal, platforms_at, regional_barrier

PLAN = "hz_synbio_plan_2024_2026"


def _grouped():
    rows = targets.tracker_rows()
    rows = rows[rows["entity_id"] == PLAN]
    return rows, targets.action_of(rows, PLAN)


# --- q1: targets of the tiered-enterprise action (look-up) -------------------------------------------

def _action3() -> int:
    _, links = _grouped()
    return int((links["group_id"] == "hz_action_3").sum())


def _action3_judge(given, right, lang):
    n = as_int(given)
    if n is None:
        return False, whole_number(lang)
    items = data.table("plan_items")
    tasks = int((items["parent_id"] == "hz_action_3").sum())
    if n == right:
        return True, t("ex_07_q1_right", lang, tasks=tasks, n=right)
    if n == tasks:
        return False, t("ex_07_q1_tasks", lang)
    return False, t("ex_07_q1_hint", lang)


# --- q2: the 'one centre' (look-up) ------------------------------------------------------------------

def _centre() -> str:
    return str(data.table("plan_items").set_index("item_id").loc["hz_layout_yixin", "region_id"])


def _centre_judge(given, right, lang):
    regions = data.table("regions")
    districts = regions[regions["parent_id"] == "hangzhou"]
    rid = match_name(given, districts, "region_id")
    names = districts.set_index("region_id")[f"name_{lang}"]
    if rid is None:
        return False, unclear(given, districts, "region_id", lang) or t("ex_07_q2_unknown", lang)
    if rid == right:
        return True, t("ex_07_q2_right", lang, name=escape(names[rid]))
    items = data.table("plan_items")
    layout = items[(items["plan_id"] == PLAN) & (items["kind"] == "layout_area")].set_index("item_id")
    own = layout[layout["region_id"] == rid]
    if len(own) and own["parent_id"].notna().iloc[0]:  # one of the 'two cores' or the 'many areas'
        group = layout.loc[own["parent_id"].iloc[0], f"name_{lang}"]
        return False, t("ex_07_q2_group", lang, name=escape(names[rid]), group=escape(str(group)))
    return False, t("ex_07_q2_wrong", lang, name=escape(names[rid]))


# --- q3: start-ups a year at an even pace (reason: an estimate with its assumption stated) ---------------

def _startups():
    return data.facts(PLAN, "incubated_startup_count").iloc[0]


def _years() -> tuple[int, int, int]:
    """The plan's first and last year, and how many calendar years it covers (both ends counted)."""
    plan = data.table("plans").set_index("plan_id").loc[PLAN]
    start, end = int(plan["start_year"]), int(plan["end_year"])
    return start, end, end - start + 1


def _per_year() -> float:
    return float(_startups()["value"]) / _years()[2]


def _pace_fields(lang: str) -> dict:
    start, end, years = _years()
    row = _startups()
    return {"start": start, "end": end, "years": years, "total": escape(fmt.fact(row, lang)),
            "n": fmt.plain(row["value"]), "per_year": one_decimal(_per_year()), "need": math.ceil(_per_year())}


def _pace_judge(given, right, lang):
    v = number_given(given)
    if v is None or v <= 0:
        return False, t("ex_07_q3_format", lang)
    f = _pace_fields(lang)
    total = float(_startups()["value"])
    start, end, years = _years()
    if abs(v - right) <= 0.5:
        return True, t("ex_07_q3_right", lang, **f)
    if v == total:
        return False, t("ex_07_q3_total", lang, **f)
    if v < right and v == math.floor(right):
        return False, t("ex_07_q3_floor", lang, short=fmt.plain(v * years), **f)
    spread = total / v
    if abs(spread - round(spread)) < 0.05 and round(spread) == end - start:
        return False, t("ex_07_q3_fencepost", lang, gap=end - start, **f)
    if abs(spread - round(spread)) < 0.05 and round(spread) >= 1:
        return False, t("ex_07_q3_spread", lang, k=round(spread), **f)
    return False, t("ex_07_q3_hint", lang, **f)


def _pace_solution(lang):
    code = ("plan = data.table('plans').set_index('plan_id').loc['hz_synbio_plan_2024_2026']\n"
            "years = plan['end_year'] - plan['start_year'] + 1\n"
            "data.facts('hz_synbio_plan_2024_2026', 'incubated_startup_count')['value'].iloc[0] / years")
    return f"<pre>{escape(code)}</pre><p>{t('ex_07_q3_solution', lang, **_pace_fields(lang))}</p>"


# --- q4: which barrier the pilot base bridges (reason) -----------------------------------------------

BASE = "ex_hz_synbio_pilot_base"


def _base_worked(lang: str) -> str:
    rows = "".join(f"<li>{escape(barrier_name(b, lang))}{escape(t('colon', lang))}"
                   f"{escape(names_list(platforms_at('hangzhou', b, lang), lang) or t('ex_none_named', lang))}</li>"
                   for b in data.table("barriers")["barrier_id"])
    return f"<p>{t('ex_07_q4_worked', lang)}</p><ul>{rows}</ul>"


register("07-q1", Question(
    "ex_07_q1",
    _action3, _action3_judge,
    code_solution("rows = model.targets.tracker_rows()\nrows = rows[rows['entity_id'] == 'hz_synbio_plan_2024_2026']\n"
                  "links = model.targets.action_of(rows, 'hz_synbio_plan_2024_2026')\n"
                  "(links['group_id'] == 'hz_action_3').sum()", _action3),
    kind="lookup", marking="ex_07_q1_marking"))
register("07-q2", Question(
    "ex_07_q2",
    _centre, _centre_judge,
    code_solution("data.table('plan_items').set_index('item_id').loc['hz_layout_yixin', 'region_id']", _centre,
                  named=("regions", "region_id")),
    kind="lookup", marking="ex_07_q2_marking"))
register("07-q3", Question(
    "ex_07_q3",
    _per_year, _pace_judge, _pace_solution, kind="reason", marking="ex_07_q3_marking"))
register("07-q4", regional_barrier("ex_07_q4", BASE, "ex_07_q4_right", lambda b: f"ex_07_q4_not_{b}", "ex_07_q4_marking",
                                   worked=_base_worked))

register_open("07", OpenQuestion("ex_07_open", "ex_07_open_model", "ex_07_open_marking"))
register_discussion("07", "ex_07_discuss_balance", "ex_07_discuss_wording", "ex_07_discuss_layout")
