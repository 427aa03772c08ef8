"""Exercises of 07_hangzhou_synbio_plan."""

from __future__ import annotations

import re
from html import escape

from .. import data, fmt
from ..i18n import t
from ..model import targets
from .base import Question, register
from .judges import as_int, match_name, whole_number

PLAN = "hz_synbio_plan_2024_2026"


def _grouped():
    rows = targets.tracker_rows()
    rows = rows[rows["entity_id"] == PLAN]
    return rows, targets.action_of(rows, PLAN)


# --- q1: targets of the tiered-enterprise action ---------------------------------------------------

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


def _action3_solution(lang):
    code = ("rows = model.targets.tracker_rows()\nrows = rows[rows['entity_id'] == 'hz_synbio_plan_2024_2026']\n"
            "links = model.targets.action_of(rows, 'hz_synbio_plan_2024_2026')\n(links['group_id'] == 'hz_action_3').sum()")
    return f"<pre>{escape(code)}</pre><p>{_action3()}</p>"


# --- q2: the 'one centre' ------------------------------------------------------------------------

def _centre() -> str:
    return str(data.table("plan_items").set_index("item_id").loc["hz_layout_yixin", "region_id"])


def _centre_judge(given, right, lang):
    regions = data.table("regions")
    districts = regions[regions["parent_id"] == "hangzhou"]
    rid = match_name(given, districts, "region_id")
    names = districts.set_index("region_id")[f"name_{lang}"]
    if rid is None:
        return False, t("ex_07_q2_unknown", lang)
    if rid == right:
        return True, t("ex_07_q2_right", lang, name=escape(names[rid]))
    return False, t("ex_07_q2_wrong", lang, name=escape(names[rid]))


def _centre_solution(lang):
    code = "data.table('plan_items').set_index('item_id').loc['hz_layout_yixin', 'region_id']"
    name = data.table("regions").set_index("region_id").loc[_centre(), f"name_{lang}"]
    return f"<pre>{escape(code)}</pre><p>{escape(name)}</p>"


# --- q3: the output-value target -------------------------------------------------------------------

def _output() -> float:
    rows, _ = _grouped()
    return float(rows.loc[rows["indicator"] == "manufacturing_output_value", "value"].iloc[0])


def _read_money(given) -> float | None:
    text = str(given).strip()
    try:
        return float(text.replace(",", ""))
    except ValueError:
        pass
    try:
        return fmt.parse_zh(text)[0]
    except ValueError:
        pass
    m = re.fullmatch(r"(?i)(?:cny|rmb|yuan)?\s*([\d.]+)\s*(bn|billion|b)\s*(?:cny|yuan)?", text)
    return float(m[1]) * 1e9 if m else None


def _output_judge(given, right, lang):
    value = _read_money(given)
    said = fmt.number(right, "CNY", lang)
    if value is None:
        return False, t("ex_07_q3_format", lang)
    if abs(value - right) < 1e-6 * right:
        return True, t("ex_07_q3_right", lang, value=said)
    if abs(value * 1e8 - right) < 1e-6 * right:
        return False, t("ex_07_q3_yi", lang)
    return False, t("ex_07_q3_hint", lang)


def _output_solution(lang):
    code = "data.facts('hz_synbio_plan_2024_2026', 'manufacturing_output_value')"
    return f"<pre>{escape(code)}</pre><p>{escape(fmt.number(_output(), 'CNY', lang))}</p>"


register("07-q1", Question(
    "ex_07_q1",
    _action3, _action3_judge, _action3_solution))
register("07-q2", Question(
    "ex_07_q2",
    _centre, _centre_judge, _centre_solution))
register("07-q3", Question(
    "ex_07_q3",
    _output, _output_judge, _output_solution))
