"""Exercises of 05_china_status_and_gaps."""

from __future__ import annotations

import math
from html import escape

from .. import fmt
from ..charts.china import LAB_INDICATORS
from ..i18n import t
from ..model.china import COUNTRY
from ..model.facts import fact
from .base import OpenQuestion, Question, register, register_discussion, register_open
from .judges import read_number, whole_number
from .lettered import Choice, lettered, named
from .reasoning import comparison


def _number(given) -> float | None:
    """A number from 2.9, '2.9', '2.9%', '2,9', '22个' or '七年' (judges.read_number); None if there is none."""
    return read_number(given)


# --- q1: the bio-related share of national incubators --------------------------------------

def _share() -> float:
    total = fact(COUNTRY, "national_incubator_count")["value"]
    bio = fact(COUNTRY, "bio_related_incubator_count")["value"]
    return float(bio) / float(total) * 100


def _share_judge(given, right, lang):
    x = _number(given)
    if x is None:
        return False, t("ex_05_q1_give_percent", lang)
    text = fmt.percent(right, 100)
    if abs(x - right) <= 0.06:
        return True, t("ex_05_q1_right", lang, ratio=_ratio_text(lang), share=text)
    if abs(x - right / 100) <= 0.0006:
        return False, t("ex_05_q1_fraction", lang)
    if right and abs(x - 10000 / right) / (10000 / right) < 0.01:
        return False, t("ex_05_q1_swapped", lang)
    return False, t("ex_05_q1_hint", lang, ratio=_ratio_text(lang))


def _ratio_text(lang: str) -> str:
    """'56 ÷ 1,936' (escaped), each figure formatted for `lang`, without measure words: the source counts the one
    with 个 and the other with 家, and a ratio needs neither."""
    total = fact(COUNTRY, "national_incubator_count")
    bio = fact(COUNTRY, "bio_related_incubator_count")
    return escape(f"{fmt.number(bio['value'], 'count', lang)} ÷ {fmt.number(total['value'], 'count', lang)}")


def _share_solution(lang):
    code = ("f = data.facts('china').set_index('indicator')['value']\n"
            "f['bio_related_incubator_count'] / f['national_incubator_count'] * 100")
    return f"<pre>{escape(code)}</pre><p>{_ratio_text(lang)} × 100 ≈ <b>{fmt.percent(_share(), 100)}</b></p>"


register("05-q1", Question(
    "ex_05_q1",
    _share, _share_judge, _share_solution, kind="lookup", marking="ex_05_q1_marking"))


# --- q2: national labs and centres in total -------------------------------------------------

def _labs():
    from .. import data

    f = data.facts("china")
    return f[f["indicator"].isin(LAB_INDICATORS)]


def _lab_total() -> int:
    return int(_labs()["value"].sum())


def _lab_judge(given, right, lang):
    x = _number(given)
    if x is None or x != int(x):
        return False, whole_number(lang)
    x = int(x)
    rows = _labs()
    if x == right:
        return True, t("ex_05_q2_right", lang, kinds=len(rows), total=right)
    if x == len(rows):
        return False, t("ex_05_q2_kinds", lang)
    missing = [int(v) for v in rows["value"] if x == right - int(v)]
    if missing:
        return False, t("ex_05_q2_missing", lang, n=missing[0])
    return False, t("ex_05_q2_hint", lang)


def _lab_solution(lang):
    code = ("f = data.facts('china')\n"
            "f[f['indicator'].isin(model.china.LAB_INDICATORS)]['value'].sum()")
    parts = " + ".join(str(int(v)) for v in _labs()["value"])
    return f"<pre>{escape(code)}</pre><p>{parts} = <b>{_lab_total()}</b></p>"


register("05-q2", Question(
    "ex_05_q2",
    _lab_total, _lab_judge, _lab_solution, kind="lookup", marking="ex_05_q2_marking"))


# --- q3: doubling time at the stated growth rate --------------------------------------------

def _rate() -> float:
    return float(fact(COUNTRY, "annual_growth_rate")["value"])


def _doubling_years() -> int:
    """The first whole year in which output at a constant rate is at least twice the start."""
    return math.ceil(math.log(2) / math.log(1 + _rate() / 100))


def _doubling_judge(given, right, lang):
    x = _number(given)
    if x is None:
        return False, t("ex_05_q3_give_years", lang)
    exact = math.log(2) / math.log(1 + _rate() / 100)
    r = fmt.number(_rate(), "percent", lang)
    if x == right:
        return True, t("ex_05_q3_right", lang, rate=r, years_before=right - 1, years=right,
                       before=(1 + _rate() / 100) ** (right - 1), after=(1 + _rate() / 100) ** right)
    if abs(x - exact) < 0.05 or x == math.floor(exact):
        return False, t("ex_05_q3_exact", lang, exact=exact)
    if abs(x - 100 / _rate()) < 0.05 or abs(x - 72 / _rate()) < 0.05:
        return False, t("ex_05_q3_rule", lang)
    return False, t("ex_05_q3_hint", lang)


def _doubling_solution(lang):
    code = ("import math\nrate = data.facts('china', 'annual_growth_rate')['value'].iloc[0] / 100\n"
            "math.ceil(math.log(2) / math.log(1 + rate))")
    return f"<pre>{escape(code)}</pre><p><b>{_doubling_years()}</b></p>"


register("05-q3", Question(
    "ex_05_q3",
    _doubling_years, _doubling_judge, _doubling_solution, kind="reason", marking="ex_05_q3_marking"))


# --- q4: what the rate's qualifier means for the doubling time ------------------------------------

# The direction a qualifier gives the true rate, and so the doubling time: a rate that may be higher
# (more than) doubles sooner, so the doubling time found is an upper bound; one that may be lower, a lower bound.
BOUND = {"more_than": "at_most", "or_more": "at_most", "less_than": "at_least", "up_to": "at_least",
         "nearly": "at_least", "": "exactly"}
# option -> (its words, why it is right, why it is wrong)
_BOUNDS = {"at_most": ("ex_05_q4_at_most", "ex_05_q4_at_most_right", "ex_05_q4_at_most_wrong"),
           "at_least": ("ex_05_q4_at_least", "ex_05_q4_at_least_right", "ex_05_q4_at_least_wrong"),
           "exactly": ("ex_05_q4_exactly", "ex_05_q4_exactly_right", "ex_05_q4_exactly_wrong"),
           "roughly": ("ex_05_q4_roughly", "ex_05_q4_roughly_right", "ex_05_q4_roughly_wrong")}


def _bound() -> str:
    q = fmt.text(fact(COUNTRY, "annual_growth_rate")["qualifier"])
    return BOUND.get(q, "roughly")


def _rate_text(lang: str) -> str:
    """The rate as the article gives it, qualifier and all: 'more than 12%' / '超12%'."""
    return escape(fmt.fact(fact(COUNTRY, "annual_growth_rate"), lang))


register("05-q4", lettered(
    "ex_05_q4", lambda: [Choice(k, lambda lang, k=k: t(_BOUNDS[k][0], lang), names=named(_BOUNDS[k][0])) for k in _BOUNDS],
    _bound,
    lambda lang: t(_BOUNDS[_bound()][1], lang, rate=_rate_text(lang), years=_doubling_years()),
    lambda key, lang: t(_BOUNDS[key][2], lang, rate=_rate_text(lang)), marking="ex_05_q4_marking",
    code="data.facts('china', 'annual_growth_rate')[['value', 'unit', 'qualifier', 'quote']]"))


# --- q5: a share of production beside a share of capacity: why not add them? ---------------------
register("05-q5", comparison("ex_05_q5", "h2-005", "h2-006", extra="ex_05_q5_extra", marking="ex_05_q5_marking"))

register_open("05", OpenQuestion("ex_05_open", "ex_05_open_model", "ex_05_open_marking"))
register_discussion("05", "ex_05_discuss_1", "ex_05_discuss_2", "ex_05_discuss_3")
