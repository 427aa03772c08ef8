"""Exercises of 09_other_parks."""

from __future__ import annotations

from html import escape

from .. import data, fmt
from ..i18n import t
from ..model.cases import own_notebook
from ..prose import regions as prose_regions
from .base import Question, register
from .judges import as_int, match_name, unclear, whole_number


def _others():
    c = prose_regions.cases()
    return c[~c["region_id"].isin(own_notebook())]


def _case_judge(pick_fn, why_right, why_wrong):
    def judge(given, right, lang):
        cases = prose_regions.cases()
        rid = match_name(given, cases, "region_id")
        if rid is None and unclear(given, cases, "region_id", lang):
            return False, unclear(given, cases, "region_id", lang)
        if rid is None:
            names = t("ex_choice_sep", lang).join(cases[f"name_{lang}"])
            return False, t("ex_09_case_unknown", lang, names=escape(names))
        name = escape(str(cases.set_index("region_id").loc[rid, f"name_{lang}"]))
        return (True, why_right(name, lang)) if rid == right else (False, why_wrong(name, rid, lang))
    return judge


# --- q1: largest stated total investment (CNY only) ----------------------------------------------

def _investments():
    f = prose_regions.case_facts()
    f = f[(f["indicator"] == "total_investment") & (f["unit"] == "CNY") & f["case_id"].isin(_others()["region_id"])]
    return f[f["entity_id"] == f["case_id"]]


def _invest() -> str:
    f = _investments()
    return f.loc[f["value"].idxmax(), "case_id"]


def _invest_wrong(name, rid, lang):
    f = _investments().set_index("case_id")
    if rid not in f.index:
        return t("ex_09_q1_no_investment", lang)
    said = escape(fmt.fact(f.loc[rid], lang))
    return t("ex_09_q1_wrong", lang, name=name, value=said)


def _invest_solution(lang):
    f = _investments()
    colon = t("colon", lang)
    lines = "".join(f"<li>{escape(str(r[f'case_{lang}']))}{colon}{escape(fmt.fact(r, lang))}</li>" for _, r in f.iterrows())
    what = str(data.table("indicators").set_index("indicator_id").loc["total_investment", f"name_{lang}"])
    # escaped after filling, as the whole sentence always was (the apostrophe of "parks'" becomes &#x27;)
    return f"<p>{escape(t('ex_09_q1_solution', lang, what=what))}</p><ul>{lines}</ul>"


# --- q2: furthest south --------------------------------------------------------------------------

def _south() -> str:
    c = prose_regions.cases()
    return c.loc[c["lat"].idxmin(), "region_id"]


def _south_solution(lang):
    code = "c = model.cases.cases()\nc.loc[c['lat'].idxmin(), ['name_en', 'lat']]"
    c = prose_regions.cases().set_index("region_id")
    return f"<pre>{escape(code)}</pre><p>{escape(c.loc[_south(), f'name_{lang}'])}</p>"


# --- q3: Zhengzhou's cumulative chain leaders ------------------------------------------------------

BATCHES = ("second_batch_chain_leader_firm_count", "reexamined_chain_leader_firm_count")  # the two batches


def _chain() -> int:
    return int(data.facts("zhengzhou_hitech", "approved_chain_leader_firm_count")["value"].iloc[0])


def _chain_judge(given, right, lang):
    n = as_int(given)
    if n is None:
        return False, whole_number(lang)
    batches = sorted(int(data.facts("zhengzhou_hitech", i)["value"].iloc[0]) for i in BATCHES)
    if n == right:
        return True, t("ex_09_q3_right", lang, n=right)
    if n in batches:
        return False, t("ex_09_q3_batch", lang)
    return False, t("ex_09_q3_hint", lang)


def _chain_solution(lang):
    code = "data.facts('zhengzhou_hitech', 'approved_chain_leader_firm_count')[['value', 'quote']]"
    return f"<pre>{escape(code)}</pre><p>{_chain()}</p>"


register("09-q1", Question(
    "ex_09_q1",
    _invest, _case_judge(_invest, lambda n, lang: t("ex_09_q1_right", lang, name=n), _invest_wrong),
    _invest_solution))
register("09-q2", Question(
    "ex_09_q2",
    _south, _case_judge(_south, lambda n, lang: t("ex_09_q2_right", lang, name=n),
                        lambda n, rid, lang: t("ex_09_q2_hint", lang)),
    _south_solution))
register("09-q3", Question(
    "ex_09_q3",
    _chain, _chain_judge, _chain_solution))
