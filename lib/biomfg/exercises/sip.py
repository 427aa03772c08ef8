"""Exercises of 06_suzhou_industrial_park (and the name-matching helpers q07-q09 share)."""

from __future__ import annotations

from html import escape

import pandas as pd

from .. import data, fmt
from ..i18n import t
from ..prose.base import entity_name
from .base import Question, register
from .judges import as_int, match_name, whole_number


def _value(entity, indicator) -> float:
    return float(data.facts(entity, indicator)["value"].iloc[0])


# --- q1: public technology platforms -------------------------------------------------------------

def _platforms() -> int:
    return int(_value("suzhou_sip", "public_tech_platform_count")
               + _value("suzhou_sip", "public_tech_platform_under_construction_count"))


def _platforms_judge(given, right, lang):
    n = as_int(given)
    if n is None:
        return False, whole_number(lang)
    built = int(_value("suzhou_sip", "public_tech_platform_count"))
    if n == right:
        return True, t("ex_06_q1_right", lang, built=built, total=right)
    if n == built:
        return False, t("ex_06_q1_built", lang)
    sip = escape(entity_name("suzhou_sip", lang))
    a, b = (escape(_indicator(i, lang)) for i in ("public_tech_platform_count",
                                                 "public_tech_platform_under_construction_count"))
    return False, t("ex_06_q1_hint", lang, park=sip, built=a, building=b)


def _indicator(indicator_id: str, lang: str) -> str:
    """An indicator's label in `lang` (indicators.csv), never its id."""
    return str(data.table("indicators").set_index("indicator_id").loc[indicator_id, f"name_{lang}"])


def _platforms_solution(lang):
    code = ("f = data.facts('suzhou_sip')\n"
            "f[f['indicator'].str.startswith('public_tech_platform')]['value'].sum()")
    return f"<pre>{escape(code)}</pre><p>{_platforms()}</p>"


# --- q2: the strategic industry with the most firms ----------------------------------------------

INDUSTRIES = ["sip_biomed_industry", "sip_nano_industry", "sip_ai_industry"]


def _industries() -> pd.DataFrame:
    fac = data.table("facilities")
    return fac[fac["facility_id"].isin(INDUSTRIES)]


def _most_firms() -> str:
    f = data.facts(indicator="firm_count")
    f = f[f["entity_id"].isin(INDUSTRIES)]
    return f.loc[f["value"].idxmax(), "entity_id"]


def _most_firms_judge(given, right, lang):
    ind = _industries()
    fid = match_name(given, ind, "facility_id")
    names = ind.set_index("facility_id")[f"name_{lang}"]
    if fid is None:
        return False, t("ex_06_q2_unknown", lang, valid=escape(t("ex_choice_sep", lang).join(names)))
    f = data.facts(fid, "firm_count").iloc[0]
    said = escape(fmt.fact(f, lang))
    if fid == right:
        return True, t("ex_06_q2_right", lang, name=escape(names[fid]), n=said)
    return False, t("ex_06_q2_wrong", lang, name=escape(names[fid]), n=said)


def _most_firms_solution(lang):
    code = ("f = data.facts(indicator='firm_count')\n"
            "f = f[f['entity_id'].str.startswith('sip_')]\nf.loc[f['value'].idxmax(), 'entity_id']")
    return f"<pre>{escape(code)}</pre><p>{escape(_industries().set_index('facility_id').loc[_most_firms(), f'name_{lang}'])}</p>"


# --- q3: the tier of a firm ----------------------------------------------------------------------

# data for matching an answer in either language at once (en, zh); the word shown is the catalogue's (_tier_word)
TIER_WORDS = {"upstream": ("upstream", "上游"), "midstream": ("midstream", "中游"), "downstream": ("downstream", "下游")}


def _tier_word(tier: str, lang: str) -> str:
    """The tier as a word inside a sentence: the chart's label (rg_upstream, ...) in lower case."""
    return t(f"rg_{tier}", lang).lower()


def _tier() -> str:
    return str(data.table("firms").set_index("firm_id").loc["yinhang_bio", "tier"])


def _tier_judge(given, right, lang):
    text = str(given).strip().lower()
    tier = next((k for k, words in TIER_WORDS.items() if text in words or text == k), None)
    if tier is None:
        return False, t("ex_06_q3_unknown", lang)
    if tier == right:
        return True, t("ex_06_q3_right", lang, tier=_tier_word(right, lang))
    return False, t("ex_06_q3_hint", lang)


def _tier_solution(lang):
    code = "data.table('firms').set_index('firm_id').loc['yinhang_bio', 'tier']"
    return f"<pre>{escape(code)}</pre><p>{escape(_tier_word(_tier(), lang))}</p>"


register("06-q1", Question(
    "ex_06_q1",
    _platforms, _platforms_judge, _platforms_solution))
register("06-q2", Question(
    "ex_06_q2",
    _most_firms, _most_firms_judge, _most_firms_solution))
register("06-q3", Question(
    "ex_06_q3",
    _tier, _tier_judge, _tier_solution))

