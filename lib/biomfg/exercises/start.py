"""Exercises of 00_start_here."""

from __future__ import annotations

from html import escape

from .. import data
from ..i18n import t
from ..model.names import match_name
from .base import Question, register
from .judges import whole_number


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
            return False, whole_number(lang)
        total = len(data.platforms())
        name = escape(_type_name(type_id, lang))
        if n == right:
            return True, t("ex_00_q1_right", lang, n=right, type=name)
        if n == total:
            return False, t("ex_00_q1_all", lang)
        return False, t("ex_00_q1_hint", lang, type=name)
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
        valid = t("list_sep", lang).join(p["abbr"].fillna(p[f"name_{lang}"]))
        return False, t("ex_00_q2_unknown", lang, given=escape(str(given)), valid=escape(valid))
    year = p.loc[pid, "founded"]
    name = escape(p.loc[pid, f"name_{lang}"])
    if pid == right:
        return True, t("ex_00_q2_right", lang, name=name, year=year)
    return False, t("ex_00_q2_wrong", lang, name=name, year=year)


def _earliest_solution(lang):
    p = data.platforms().sort_values("founded")
    first = p.iloc[0]
    code = "p = data.platforms()\np.loc[p['founded'].idxmin(), ['name_en', 'founded']]"
    shown = t("ex_00_q2_solution", lang, name=escape(first[f"name_{lang}"]), year=first["founded"])
    return f"<pre>{escape(code)}</pre><p>{shown}</p>"


def _pilot_solution(lang):
    code = "p = data.platforms()\n(p['type_id'] == 'pilot_scale').sum()"
    return f"<pre>{escape(code)}</pre><p>{_pilot_count()}</p>"


register("00-q1", Question(
    "ex_00_q1",
    _pilot_count, _count_judge("pilot_scale"), _pilot_solution))
register("00-q2", Question(
    "ex_00_q2",
    _earliest, _earliest_judge, _earliest_solution))
