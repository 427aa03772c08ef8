"""Exercises of 07_hangzhou_synbio_plan."""

from __future__ import annotations

import re
from html import escape

from .. import data, fmt
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
        return True, (f"该行动下的{tasks}项任务共设{right}个数值目标。" if lang == "zh"
                      else f"Its {tasks} tasks set {right} numeric targets between them.")
    if n == tasks:
        return False, ("这是任务的数量；一项任务可以有多个目标。" if lang == "zh"
                       else "That is the number of tasks; one task can set several targets.")
    return False, ("数一数目标表中“企业梯次培育行动”下的行。" if lang == "zh"
                   else "Count the rows under the tiered enterprise cultivation action in the targets table.")


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
        return False, ("请填写杭州的一个区（市）名称。" if lang == "zh" else "Name one of Hangzhou's districts.")
    if rid == right:
        return True, (f"{escape(names[rid])}是创新策源中心，即“一心”。" if lang == "zh"
                      else f"{escape(names[rid])} is the innovation source centre, the 'one centre'.")
    return False, (f"{escape(names[rid])}不是“一心”；看布局表的第一行。" if lang == "zh"
                   else f"{escape(names[rid])} is not the 'one centre'; look at the first row of the layout table.")


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
        return False, ("请写成“120亿元”这样的形式，或以元为单位的数字。" if lang == "zh"
                       else "Write it like '12 bn' or '120亿元', or as a number of yuan.")
    if abs(value - right) < 1e-6 * right:
        return True, (f"目标是到期限时制造业总产值达{said}。" if lang == "zh"
                      else f"The target is a manufacturing output value of {said}.")
    if abs(value * 1e8 - right) < 1e-6 * right:
        return False, ("数字对了，但单位是亿元：请写“亿元”或换算成元。" if lang == "zh"
                       else "Right digits, but they count 亿 (100 million): add the unit 亿元, or give yuan.")
    return False, ("看“1354”中的“4”。" if lang == "zh" else "Look at the '4' of the '1354' goal.")


def _output_solution(lang):
    code = "data.facts('hz_synbio_plan_2024_2026', 'manufacturing_output_value')"
    return f"<pre>{escape(code)}</pre><p>{escape(fmt.number(_output(), 'CNY', lang))}</p>"


register("07-q1", Question(
    {"en": "How many numeric targets does the tiered enterprise cultivation action set?",
     "zh": "“企业梯次培育行动”一共设定了多少个数值目标？"},
    _action3, _action3_judge, _action3_solution))
register("07-q2", Question(
    {"en": "Which district is the 'one centre' of Hangzhou's layout?", "zh": "杭州空间布局中的“一心”是哪个区？"},
    _centre, _centre_judge, _centre_solution))
register("07-q3", Question(
    {"en": "What manufacturing output value does the plan target? (e.g. '12 bn' or a number of yuan)",
     "zh": "行动计划设定的制造业总产值目标是多少？（如“120亿元”，或以元为单位的数字）"},
    _output, _output_judge, _output_solution))
