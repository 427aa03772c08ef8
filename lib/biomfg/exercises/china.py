"""Exercises of 05_china_status_and_gaps."""

from __future__ import annotations

import math
import re
from html import escape

from .. import fmt
from ..charts.china import LAB_INDICATORS
from ..i18n import t
from ..model.china import COUNTRY
from ..model.facts import fact
from .base import Question, register
from .judges import whole_number


def _number(given) -> float | None:
    """A number from 2.9, '2.9', '2.9%' or '2,9'; None if there is none."""
    if isinstance(given, bool):
        return None
    if isinstance(given, int | float):
        return float(given)
    m = re.fullmatch(r"\s*([-+]?\d+(?:[.,]\d+)?)\s*%?\s*", str(given))
    return float(m[1].replace(",", ".")) if m else None


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
    """'56 ÷ 1,936' (escaped), each figure formatted for `lang`."""
    total = fact(COUNTRY, "national_incubator_count")
    bio = fact(COUNTRY, "bio_related_incubator_count")
    return escape(f"{fmt.fact(bio, lang)} ÷ {fmt.fact(total, lang)}")


def _share_solution(lang):
    code = ("f = data.facts('china').set_index('indicator')['value']\n"
            "f['bio_related_incubator_count'] / f['national_incubator_count'] * 100")
    return f"<pre>{escape(code)}</pre><p>{_ratio_text(lang)} × 100 ≈ <b>{fmt.percent(_share(), 100)}</b></p>"


register("05-q1", Question(
    "ex_05_q1",
    _share, _share_judge, _share_solution))


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
    _lab_total, _lab_judge, _lab_solution))


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
    _doubling_years, _doubling_judge, _doubling_solution))
