"""Exercises of 06_suzhou_industrial_park (and the name-matching helpers q07-q09 share)."""

from __future__ import annotations

from html import escape

import pandas as pd

from .. import data, fmt
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
        return True, (f"建成{built}个，加上在建的，共{right}个。" if lang == "zh"
                      else f"{built} built plus those under construction: {right}.")
    if n == built:
        return False, ("这只是已建成的数量；还要加上在建的平台。" if lang == "zh"
                       else "That counts only the built ones; add those under construction.")
    sip = escape(entity_name("suzhou_sip", lang))
    a, b = (escape(_indicator(i, lang)) for i in ("public_tech_platform_count",
                                                 "public_tech_platform_under_construction_count"))
    return False, (f"把{sip}的“{a}”与“{b}”相加。" if lang == "zh"
                   else f"Add {sip}'s “{a}” and “{b}”.")


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
        valid = "、".join(names) if lang == "zh" else "; ".join(names)
        return False, (f"请从这三个产业中选一个：{escape(valid)}" if lang == "zh"
                       else f"Name one of the three: {escape(valid)}")
    f = data.facts(fid, "firm_count").iloc[0]
    said = escape(fmt.fact(f, lang))
    if fid == right:
        return True, (f"{escape(names[fid])}：{said}家企业，最多。" if lang == "zh"
                      else f"{escape(names[fid])}: {said} firms, the most.")
    return False, (f"{escape(names[fid])}只有{said}家；看看条形图上最长的那根。" if lang == "zh"
                   else f"{escape(names[fid])} has {said}; look for the longest bar.")


def _most_firms_solution(lang):
    code = ("f = data.facts(indicator='firm_count')\n"
            "f = f[f['entity_id'].str.startswith('sip_')]\nf.loc[f['value'].idxmax(), 'entity_id']")
    return f"<pre>{escape(code)}</pre><p>{escape(_industries().set_index('facility_id').loc[_most_firms(), f'name_{lang}'])}</p>"


# --- q3: the tier of a firm ----------------------------------------------------------------------

TIER_WORDS = {"upstream": ("upstream", "上游"), "midstream": ("midstream", "中游"), "downstream": ("downstream", "下游")}


def _tier() -> str:
    return str(data.table("firms").set_index("firm_id").loc["yinhang_bio", "tier"])


def _tier_judge(given, right, lang):
    text = str(given).strip().lower()
    tier = next((k for k, words in TIER_WORDS.items() if text in words or text == k), None)
    if tier is None:
        return False, ("请回答上游、中游或下游。" if lang == "zh" else "Answer upstream, midstream or downstream.")
    word = TIER_WORDS[right][1 if lang == "zh" else 0]
    if tier == right:
        return True, (f"数据把引航生物列为{word}企业：以原材料生物制造为主。" if lang == "zh"
                      else f"The data places Yinhang Biotech in the {word}: raw-material biomanufacturing.")
    return False, ("在价值链图中找到引航生物所在的那一列。" if lang == "zh"
                   else "Find the column of the value-chain diagram that holds Yinhang Biotech.")


def _tier_solution(lang):
    code = "data.table('firms').set_index('firm_id').loc['yinhang_bio', 'tier']"
    return f"<pre>{escape(code)}</pre><p>{escape(TIER_WORDS[_tier()][1 if lang == 'zh' else 0])}</p>"


register("06-q1", Question(
    {"en": "How many public technology platforms has SIP built or got under construction, in total?",
     "zh": "苏州工业园区已建成和在建的公共技术平台一共有多少个？"},
    _platforms, _platforms_judge, _platforms_solution))
register("06-q2", Question(
    {"en": "Which of SIP's three strategic industries has gathered the most firms? (its name)",
     "zh": "园区三大战略性新兴产业中，哪个产业集聚的企业最多？（填产业名称）"},
    _most_firms, _most_firms_judge, _most_firms_solution))
register("06-q3", Question(
    {"en": "In which tier of the value chain does the data place Yinhang Biotech? (upstream, midstream or downstream)",
     "zh": "数据把引航生物归入产业链的哪个环节？（上游、中游或下游）"},
    _tier, _tier_judge, _tier_solution))

