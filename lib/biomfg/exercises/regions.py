"""Exercises of 09_other_parks."""

from __future__ import annotations

from html import escape

from .. import data, fmt
from ..model.cases import own_notebook
from ..prose import regions as prose_regions
from .base import Question, register
from .judges import as_int, match_name, whole_number


def _others():
    c = prose_regions.cases()
    return c[~c["region_id"].isin(own_notebook())]


def _case_judge(pick_fn, why_right, why_wrong):
    def judge(given, right, lang):
        cases = prose_regions.cases()
        rid = match_name(given, cases, "region_id")
        if rid is None:
            names = "、".join(cases["name_zh"]) if lang == "zh" else "; ".join(cases["name_en"])
            return False, (f"请填写一个案例的名称：{escape(names)}" if lang == "zh"
                           else f"Name one of the cases: {escape(names)}")
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
        return "来源没有给出该园区的总投资。" if lang == "zh" else "The sources give no total investment for it."
    said = escape(fmt.fact(f.loc[rid], lang))
    return (f"{name}的总投资为{said}；还有更大的。" if lang == "zh" else f"{name} states {said}; one states more.")


def _invest_solution(lang):
    f = _investments()
    colon = "：" if lang == "zh" else ": "
    lines = "".join(f"<li>{escape(str(r[f'case_{lang}']))}{colon}{escape(fmt.fact(r, lang))}</li>" for _, r in f.iterrows())
    what = str(data.table("indicators").set_index("indicator_id").loc["total_investment", f"name_{lang}"])
    lead = (f"比较各园区的“{what}”（均以人民币计）：" if lang == "zh"
            else f"Compare the parks' figures for “{what}” (all in yuan):")
    return f"<p>{escape(lead)}</p><ul>{lines}</ul>"


# --- q2: furthest south --------------------------------------------------------------------------

def _south() -> str:
    c = prose_regions.cases()
    return c.loc[c["lat"].idxmin(), "region_id"]


def _south_solution(lang):
    code = "c = model.cases.cases()\nc.loc[c['lat'].idxmin(), ['name_en', 'lat']]"
    c = prose_regions.cases().set_index("region_id")
    return f"<pre>{escape(code)}</pre><p>{escape(c.loc[_south(), f'name_{lang}'])}</p>"


# --- q3: Zhengzhou's cumulative chain leaders ------------------------------------------------------

def _chain() -> int:
    return int(data.facts("zhengzhou_hitech", "chain_leader_firm_count")["value"].max())


def _chain_judge(given, right, lang):
    n = as_int(given)
    if n is None:
        return False, whole_number(lang)
    batches = sorted(int(v) for v in data.facts("zhengzhou_hitech", "chain_leader_firm_count")["value"] if v != right)
    if n == right:
        return True, (f"累计{right}家：两批相加。" if lang == "zh" else f"{right} in all: the two batches together.")
    if n in batches:
        return False, ("这只是其中一批；问题问的是累计数。" if lang == "zh"
                       else "That is one batch; the question asks for the total.")
    return False, ("看郑州卡片上的“链主”企业数。" if lang == "zh" else "Look at the chain-leader counts on Zhengzhou's card.")


def _chain_solution(lang):
    code = "data.facts('zhengzhou_hitech', 'chain_leader_firm_count')[['value', 'quote']]"
    return f"<pre>{escape(code)}</pre><p>{_chain()}</p>"


register("09-q1", Question(
    {"en": "Which of the other parks states the largest total investment? (all stated in CNY)",
     "zh": "其他园区中，哪一个给出的总投资最大？（均以人民币计）"},
    _invest, _case_judge(_invest, lambda n, lang: (f"{n}的总投资最大。" if lang == "zh"
                                                   else f"{n} states the largest total investment."), _invest_wrong),
    _invest_solution))
register("09-q2", Question(
    {"en": "Which regional case lies furthest south?", "zh": "哪个区域案例位置最靠南？"},
    _south, _case_judge(_south, lambda n, lang: (f"{n}纬度最低。" if lang == "zh" else f"{n} has the lowest latitude."),
                        lambda n, rid, lang: ("地图上还有更靠下的点。" if lang == "zh"
                                              else "The map has a dot further down.")),
    _south_solution))
register("09-q3", Question(
    {"en": "How many chain-leader firms has the Zhengzhou Hi-tech Zone had approved in all?",
     "zh": "郑州高新区累计获批的“链主”企业有多少家？"},
    _chain, _chain_judge, _chain_solution))
