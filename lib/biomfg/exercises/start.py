"""Exercises of 00_start_here."""

from __future__ import annotations

from html import escape

from .. import data
from ..i18n import t
from .barriers import type_question
from .base import OpenQuestion, Question, register, register_discussion, register_open
from .judges import as_int, choices, code_solution, match_name, unclear, whole_number


def _platform_id(given) -> str | None:
    """A platform's id, abbreviation, English or Chinese name, short name or alias (judges.match_name)."""
    return match_name(given, data.platforms(), "platform_id")


def _type_name(type_id: str, lang: str) -> str:
    return str(data.table("platform_types").set_index("type_id").loc[type_id, f"name_{lang}"])


def _count_judge(type_id: str):
    def judge(given, right, lang):
        n = as_int(given)
        if n is None:
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
        return False, unclear(given, data.platforms(), "platform_id", lang) or t(
            "ex_00_q2_unknown", lang, given=escape(str(given)), valid=escape(choices(data.platforms(), lang)))
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


register("00-q1", Question(
    "ex_00_q1",
    _pilot_count, _count_judge("pilot_scale"),
    code_solution("p = data.platforms()\n(p['type_id'] == 'pilot_scale').sum()", _pilot_count),
    kind="lookup", marking="ex_00_q1_marking"))
register("00-q2", Question(
    "ex_00_q2",
    _earliest, _earliest_judge, _earliest_solution, kind="lookup", marking="ex_00_q2_marking"))

# --- 00-q3, 00-q4: which type of platform does a described firm or team need? -----------------------
register("00-q3", type_question(
    "ex_00_q3", "darwinian_sea", "ex_00_q3_why",
    {"technology_innovation": "ex_00_q3_no_tech", "pilot_scale": "ex_00_q3_no_pilot"},
    marking="ex_00_q3_marking"))
register("00-q4", type_question(
    "ex_00_q4", "broken_bridge", "ex_00_q4_why",
    {"pilot_scale": "ex_00_q4_no_pilot", "industry_incubation": "ex_00_q4_no_incubation"},
    marking="ex_00_q4_marking"))

register_open("00", OpenQuestion("ex_00_open", "ex_00_open_model", "ex_00_open_marking"))
register_discussion("00", "ex_00_discuss_1", "ex_00_discuss_2", "ex_00_discuss_3")
