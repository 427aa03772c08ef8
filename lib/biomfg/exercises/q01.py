"""Exercises of 01_three_barriers, and the judges shared by q02-q04."""

from __future__ import annotations

from html import escape

from .. import data, fmt
from .base import Question, register


def _ident(table: str, key: str, given) -> str | None:
    """The id of the row named by `given`: its id, abbreviation, English or Chinese name, any case."""
    text = str(given).strip().lower()
    for _, r in data.table(table).iterrows():
        names = {r[key], r.get("abbr"), r["name_en"], r["name_zh"]}
        if text in {str(n).strip().lower() for n in names if n is not None and str(n) != "<NA>"}:
            return r[key]
    return None


def pick_judge(table: str, key: str, hint: dict[str, str]):
    """A judge for 'name one platform / barrier / type', explaining a wrong pick with `hint`."""
    def judge(given, right, lang):
        rows = data.table(table).set_index(key)
        pid = _ident(table, key, given)
        if pid is None:
            valid = rows["abbr"].fillna(rows[f"name_{lang}"]) if "abbr" in rows else rows[f"name_{lang}"]
            return False, (f"不认识“{escape(str(given))}”；可填名称或缩写，例如：{escape('、'.join(valid))}"
                           if lang == "zh" else
                           f"“{escape(str(given))}” is not a name here; try one of: {escape(', '.join(valid))}")
        name = escape(str(rows.loc[pid, f"name_{lang}"]))
        if pid == right:
            return True, (f"对，是{name}。" if lang == "zh" else f"Yes: {name}.")
        return False, (f"{name}不对。{hint['zh']}" if lang == "zh" else f"{name} is not it. {hint['en']}")
    return judge


def number_judge(unit: str, hint: dict[str, str], scales: tuple[float, ...] = ()):
    """A judge for a number in base units; `scales` are slips it recognises (e.g. 1e6: answered in millions)."""
    def judge(given, right, lang):
        try:
            value = float(str(given).replace(",", "").replace(" ", ""))
        except ValueError:
            return False, ("请给出一个数字。" if lang == "zh" else "Give a number.")
        shown = escape(fmt.number(right, unit, lang))
        if value == right:
            return True, (f"对：{shown}。" if lang == "zh" else f"Right: {shown}.")
        for s in scales:
            if value * s == right:
                return False, (f"差一个数量级：数据以基本单位保存（{shown}），请写出完整的数。" if lang == "zh" else
                               f"Off by a factor: data/ stores base units ({shown}); write the full number.")
        return False, (hint["zh"] if lang == "zh" else hint["en"])
    return judge


def name_of(table: str, key: str, row_id: str, lang: str) -> str:
    """The name in `lang` of the row `row_id` of `table` (what a reader sees instead of the id)."""
    return str(data.table(table).set_index(key).loc[row_id, f"name_{lang}"])


def code_solution(code: str, answer, named: tuple[str, str] | None = None):
    """The code, then the answer it gives: a number, or, for an answer that is a row of `named`
    (table, key), that row's name in the reader's language, never its id."""
    def solution(lang):
        shown = answer() if callable(answer) else answer
        if named is not None:
            shown = name_of(*named, shown, lang)
        elif isinstance(shown, float) and shown.is_integer():
            shown = f"{int(shown):,}"
        return f"<pre>{escape(code)}</pre><p>{escape(str(shown))}</p>"
    return solution


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
