"""Exercises of 00_start_here."""

from __future__ import annotations

from html import escape

from .. import data
from .base import Question, register


def _platform_id(given) -> str | None:
    """Accept a platform's id, abbreviation, English or Chinese name, in any case."""
    text = str(given).strip().lower()
    for _, r in data.platforms().iterrows():
        names = {r["platform_id"], r["abbr"], r["name_en"], r["name_zh"]}
        if text in {str(n).strip().lower() for n in names if n is not None and str(n) != "<NA>"}:
            return r["platform_id"]
    return None


def _count_judge(kind: str):
    def judge(given, right, lang):
        try:
            n = int(given)
        except (TypeError, ValueError):
            return False, ("请给出一个整数。" if lang == "zh" else "Give a whole number.")
        total = len(data.platforms())
        if n == right:
            return True, (f"{kind}类平台在数据中共有 {right} 个。" if lang == "zh"
                          else f"There are {right} {kind} platforms in the data.")
        if n == total:
            return False, ("这是全部平台的数量；只数该类型的平台。" if lang == "zh"
                           else "That is the number of all platforms; count only this type.")
        return False, ("数一数 platforms 表中 type_id 为该类型的行。" if lang == "zh"
                       else "Count the rows of the platforms table whose type_id is this type.")
    return judge


def _pilot_count() -> int:
    return int((data.platforms()["type_id"] == "pilot_scale").sum())


def _earliest() -> str:
    p = data.platforms()
    return p.loc[p["founded"].idxmin(), "platform_id"]


def _earliest_judge(given, right, lang):
    p = data.platforms().set_index("platform_id")
    pid = _platform_id(given)
    if pid is None:
        valid = ", ".join(p["abbr"].fillna(p["name_en"]))
        return False, (f"不认识“{escape(str(given))}”；可用平台名或缩写：{escape(valid)}" if lang == "zh"
                       else f"{escape(str(given))!s} is not a platform name; try one of: {escape(valid)}")
    year = p.loc[pid, "founded"]
    name = escape(p.loc[pid, f"name_{lang}"])
    if pid == right:
        return True, (f"{name} 成立于 {year} 年，是最早的。" if lang == "zh"
                      else f"{name} was founded in {year}, the earliest of all.")
    return False, (f"{name} 成立于 {year} 年；时间轴上还有更靠左的点。" if lang == "zh"
                   else f"{name} was founded in {year}; the timeline has a dot further left.")


def _earliest_solution(lang):
    p = data.platforms().sort_values("founded")
    first = p.iloc[0]
    code = "p = data.platforms()\np.loc[p['founded'].idxmin(), ['name_en', 'founded']]"
    return (f"<pre>{escape(code)}</pre><p>{escape(first[f'name_{lang}'])}: {first['founded']}</p>")


def _pilot_solution(lang):
    code = "p = data.platforms()\n(p['type_id'] == 'pilot_scale').sum()"
    return f"<pre>{escape(code)}</pre><p>{_pilot_count()}</p>"


register("00-q1", Question(
    {"en": "How many of the exemplar platforms are pilot/scale-up platforms?",
     "zh": "国际代表性平台中有几个是中试放大平台？"},
    _pilot_count, _count_judge("pilot/scale-up"), _pilot_solution))
register("00-q2", Question(
    {"en": "Which exemplar platform was founded first? (name or abbreviation)",
     "zh": "哪个代表性平台成立最早？（填平台名称或缩写）"},
    _earliest, _earliest_judge, _earliest_solution))
