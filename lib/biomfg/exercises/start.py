"""Exercises of 00_start_here."""

from __future__ import annotations

from html import escape

from .. import data
from ..model.names import match_name
from .base import Question, register


def _platform_id(given) -> str | None:
    """A platform's id, abbreviation, English or Chinese name, in any case."""
    return match_name(given, data.platforms(), "platform_id", also=("abbr",))


def _type_name(type_id: str, lang: str) -> str:
    return str(data.table("platform_types").set_index("type_id").loc[type_id, f"name_{lang}"])


def _count_judge(type_id: str):
    def judge(given, right, lang):
        try:
            n = int(given)
        except (TypeError, ValueError):
            return False, ("请给出一个整数。" if lang == "zh" else "Give a whole number.")
        total = len(data.platforms())
        name = escape(_type_name(type_id, lang))
        if n == right:
            return True, (f"数据中共有{right}个{name}。" if lang == "zh"
                          else f"The data holds {right} exemplars of this type ({name}).")
        if n == total:
            return False, ("这是全部平台的数量；只数该类型的平台。" if lang == "zh"
                           else "That is the number of all platforms; count only this type.")
        return False, (f"只数类型为“{name}”的平台：看各类平台代表案例数的图。" if lang == "zh"
                       else f"Count only the exemplars of this type ({name}): see the chart of exemplars by "
                       "platform type.")
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
        valid = ("、" if lang == "zh" else ", ").join(p["abbr"].fillna(p[f"name_{lang}"]))
        return False, (f"不认识“{escape(str(given))}”；可用平台名或缩写：{escape(valid)}" if lang == "zh"
                       else f"“{escape(str(given))}” is not a platform name; try one of: {escape(valid)}")
    year = p.loc[pid, "founded"]
    name = escape(p.loc[pid, f"name_{lang}"])
    if pid == right:
        return True, (f"{name}成立于{year}年，是最早的。" if lang == "zh"
                      else f"{name} was founded in {year}, the earliest of all.")
    return False, (f"{name}成立于{year}年；时间轴上还有更靠左的点。" if lang == "zh"
                   else f"{name} was founded in {year}; the timeline has a dot further left.")


def _earliest_solution(lang):
    p = data.platforms().sort_values("founded")
    first = p.iloc[0]
    code = "p = data.platforms()\np.loc[p['founded'].idxmin(), ['name_en', 'founded']]"
    if lang == "zh":
        return f"<pre>{escape(code)}</pre><p>{escape(first['name_zh'])}（{first['founded']}年）</p>"
    return f"<pre>{escape(code)}</pre><p>{escape(first['name_en'])} ({first['founded']})</p>"


def _pilot_solution(lang):
    code = "p = data.platforms()\n(p['type_id'] == 'pilot_scale').sum()"
    return f"<pre>{escape(code)}</pre><p>{_pilot_count()}</p>"


register("00-q1", Question(
    {"en": "How many of the exemplar platforms are pilot/scale-up platforms?",
     "zh": "国际代表性平台中有几个是中试放大平台？"},
    _pilot_count, _count_judge("pilot_scale"), _pilot_solution))
register("00-q2", Question(
    {"en": "Which exemplar platform was founded first? (name or abbreviation)",
     "zh": "哪个代表性平台成立最早？（填平台名称或缩写）"},
    _earliest, _earliest_judge, _earliest_solution))
