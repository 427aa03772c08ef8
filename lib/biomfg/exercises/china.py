"""Exercises of 05_china_status_and_gaps."""

from __future__ import annotations

import math
import re
from html import escape

from .. import fmt
from ..charts.china import LAB_INDICATORS
from ..model.china import COUNTRY
from ..model.facts import fact
from .base import Question, register


def _number(given) -> float | None:
    """A number from 2.9, '2.9', '2.9%' or '2,9'; None if there is none."""
    if isinstance(given, bool):
        return None
    if isinstance(given, int | float):
        return float(given)
    m = re.fullmatch(r"\s*([-+]?\d+(?:[.,]\d+)?)\s*%?\s*", str(given))
    return float(m[1].replace(",", ".")) if m else None


def _zh(lang):
    return lang == "zh"


# --- q1: the bio-related share of national incubators --------------------------------------

def _share() -> float:
    total = fact(COUNTRY, "national_incubator_count")["value"]
    bio = fact(COUNTRY, "bio_related_incubator_count")["value"]
    return float(bio) / float(total) * 100


def _share_judge(given, right, lang):
    x = _number(given)
    if x is None:
        return False, ("请给出一个百分数，例如12.3或“12.3%”。" if _zh(lang) else
                       "Give a percentage, e.g. 12.3 or \"12.3%\".")
    text = fmt.percent(right, 100)
    if abs(x - right) <= 0.06:
        return True, (f"{_ratio_text(lang)} ≈ {text}：生物科学相关的孵化器只占很小一部分。" if _zh(lang) else
                      f"{_ratio_text(lang)} ≈ {text}: the bio-related incubators are a small minority.")
    if abs(x - right / 100) <= 0.0006:
        return False, ("这是比值（小数），题目要的是百分数：再乘以100。" if _zh(lang) else
                       "That is the ratio as a fraction; the question asks for a percentage: multiply by 100.")
    if right and abs(x - 10000 / right) / (10000 / right) < 0.01:
        return False, ("分子分母颠倒了：用生物科学相关的孵化器数除以全部国家级孵化器数。" if _zh(lang) else
                       "Numerator and denominator are swapped: divide the bio-related incubators by all of them.")
    return False, (f"计算 {_ratio_text(lang)}，再乘以100（保留一位小数）。" if _zh(lang) else
                   f"Compute {_ratio_text(lang)} and multiply by 100 (one decimal place).")


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
    {"en": "What percentage of China's national-level incubators are bioscience-related? (one decimal place)",
     "zh": "我国国家级科技企业孵化器中，生物科学相关的占百分之几？（保留一位小数）"},
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
        return False, ("请给出一个整数。" if _zh(lang) else "Give a whole number.")
    x = int(x)
    rows = _labs()
    if x == right:
        return True, (f"{len(rows)}类平台合计{right}个。" if _zh(lang)
                      else f"The {len(rows)} kinds add up to {right}.")
    if x == len(rows):
        return False, ("这是平台的种类数；要把每一类的数量加起来。" if _zh(lang)
                       else "That is the number of kinds; add up the count of each kind.")
    missing = [int(v) for v in rows["value"] if x == right - int(v)]
    if missing:
        return False, (f"少加了一类（数量为{missing[0]}的那一类）。" if _zh(lang)
                       else f"One kind is missing from your sum (the one with {missing[0]}).")
    return False, ("把图中各根柱子的数量相加。" if _zh(lang) else "Add up the bars of the chart.")


def _lab_solution(lang):
    code = ("f = data.facts('china')\n"
            "f[f['indicator'].isin(model.china.LAB_INDICATORS)]['value'].sum()")
    parts = " + ".join(str(int(v)) for v in _labs()["value"])
    return f"<pre>{escape(code)}</pre><p>{parts} = <b>{_lab_total()}</b></p>"


register("05-q2", Question(
    {"en": "At the end of the 13th Five-Year Plan, how many national labs and centres did China's "
           "biomanufacturing field have in all (every kind together)?",
     "zh": "截至“十三五”末，我国生物制造领域各类国家级实验室和中心合计有多少个？"},
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
        return False, ("请给出年数（整数）。" if _zh(lang) else "Give a number of years (a whole number).")
    exact = math.log(2) / math.log(1 + _rate() / 100)
    r = fmt.number(_rate(), "percent", lang)
    if x == right:
        return True, (f"按每年{r}增长，{right - 1}年后是{(1 + _rate() / 100) ** (right - 1):.2f}倍，"
                      f"{right}年后是{(1 + _rate() / 100) ** right:.2f}倍。" if _zh(lang) else
                      f"At {r} a year output is {(1 + _rate() / 100) ** (right - 1):.2f}× after {right - 1} years and "
                      f"{(1 + _rate() / 100) ** right:.2f}× after {right}.")
    if abs(x - exact) < 0.05 or x == math.floor(exact):
        return False, (f"精确值约为{exact:.2f}年；题目问的是第几个整年后首次翻倍，要向上取整。" if _zh(lang) else
                       f"The exact value is about {exact:.2f} years; the question asks for the first whole year, so "
                       "round up.")
    if abs(x - 100 / _rate()) < 0.05 or abs(x - 72 / _rate()) < 0.05:
        return False, ("经验法则只是近似；把增长率代入 (1 + r)^n ≥ 2 逐年计算。" if _zh(lang) else
                       "A rule of thumb is only an approximation; find the smallest n with (1 + r)^n ≥ 2.")
    return False, ("移动增长示意的滑块，或计算满足 (1 + r)^n ≥ 2 的最小整数 n。" if _zh(lang) else
                   "Use the growth illustration, or find the smallest whole n with (1 + r)^n ≥ 2.")


def _doubling_solution(lang):
    code = ("import math\nrate = data.facts('china', 'annual_growth_rate')['value'].iloc[0] / 100\n"
            "math.ceil(math.log(2) / math.log(1 + rate))")
    return f"<pre>{escape(code)}</pre><p><b>{_doubling_years()}</b></p>"


register("05-q3", Question(
    {"en": "If output value grew at exactly the article's stated rate every year, after how many whole years "
           "would it first be at least double its starting value?",
     "zh": "如果产值每年恰好按原文所述的增长率增长，第几个整年后首次达到起点的两倍或以上？"},
    _doubling_years, _doubling_judge, _doubling_solution))
