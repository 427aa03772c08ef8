"""Exercises of 09_other_parks: why two parks' investment totals cannot be ranked, two look-ups, an estimate of
the city's chain-leader firms from a share, and which barrier the Hetao zone's innovation centre works at; its
open question and discussion prompts."""

from __future__ import annotations

from html import escape

import pandas as pd

from .. import data, fmt
from ..i18n import t
from ..model.cases import cases
from .base import OpenQuestion, Question, register, register_discussion, register_open
from .judges import as_int, code_solution, match_name, unclear, whole_number
from .lettered import Choice
from .reasoning import fact_line, number_given, one_decimal, project_count, reason_options, regional_barrier, why_apart

# --- q1: two investment totals that cannot be ranked (reason) ----------------------------------------

def _investment(entity_id: str) -> pd.Series:
    return data.facts(entity_id, "total_investment").iloc[0]


def _pair() -> tuple[pd.Series, pd.Series]:
    # each total is its projects' (the 33 brought in since 2023; the 7 that broke ground together)
    return _investment("zhaoqing_nev_projects_since_2023"), _investment("xiangyang_groundbreaking_projects")


def _since(row: pd.Series) -> str:
    """The year a running total starts from, as its quote states it ('2023年至今 … 计划投资总额约…')."""
    start = fmt.since_year(row["quote"])
    if start is None:
        raise data.DataError(f"facts.csv: the quote of {row['fact_id']} does not say since when its total runs "
                             "('…年至今'); 09-q1's reply names that year")
    return start


def _invest_fields(lang: str) -> dict[str, str]:
    zq, xy = _pair()
    return {"zq": escape(fmt.fact(zq, lang)), "xy": escape(fmt.fact(xy, lang)), "since": _since(zq),
            "zq_n": fmt.plain(project_count("zhaoqing_hitech")), "xy_n": fmt.plain(project_count("xiangyang_hitech")),
            "ratio": one_decimal(float(zq["value"]) / float(xy["value"]))}


def _invest_options() -> list[Choice]:
    return reason_options(_invest_fields, ("about", "ex_09_q1_opt_about", "ex_09_q1_about"),
                          ("scope", "ex_09_q1_opt_scope", "ex_09_q1_scope"),
                          ("unit", "ex_09_q1_opt_unit", "ex_09_q1_unit"),
                          ("kind", "ex_09_q1_opt_kind", "ex_09_q1_kind"))


def _invest_worked(lang: str) -> str:
    zq, xy = _pair()
    counts = data.facts(indicator="project_count")
    counts = counts[counts["entity_id"].isin([zq["entity_id"], xy["entity_id"]])]
    lines = "".join(fact_line(r, lang) for r in (zq, *[r for _, r in counts.iterrows()], xy))
    park = _investment("fujian_three_gorges_wind_park")
    third = t("ex_09_q1_third", lang)
    return f"<ul>{lines}</ul><p>{third}</p><ul>{fact_line(park, lang)}</ul>"


# --- q2: furthest south (look-up) ---------------------------------------------------------------

def _south() -> str:
    c = cases()
    return c.loc[c["lat"].idxmin(), "region_id"]


def _south_judge(given, right, lang):
    c = cases()
    rid = match_name(given, c, "region_id")
    if rid is None:
        return False, unclear(given, c, "region_id", lang) or t(
            "ex_09_case_unknown", lang, names=escape(t("ex_choice_sep", lang).join(c[f"name_{lang}"])))
    row = c.set_index("region_id").loc[rid]
    name = escape(str(row[f"name_{lang}"]))
    if rid == right:
        return True, t("ex_09_q2_right", lang, name=name)
    further = int((c["lat"] < row["lat"]).sum())
    key = "ex_09_q2_hint_one" if further == 1 else "ex_09_q2_hint"  # 'one case lies', '2 cases lie'
    return False, t(key, lang, name=name, lat=fmt.plain(row["lat"]), n=further)


def _south_solution(lang):
    code = "c = model.cases.cases()\nc.loc[c['lat'].idxmin(), ['name_en', 'lat']]"
    c = cases().set_index("region_id")
    return f"<pre>{escape(code)}</pre><p>{escape(c.loc[_south(), f'name_{lang}'])}</p>"


# --- q3: Zhengzhou's chain leaders approved to date (look-up) ------------------------------------------

BATCHES = ("second_batch_chain_leader_firm_count", "reexamined_chain_leader_firm_count")  # the two batches


def _zz(indicator: str) -> float:
    return float(data.facts("zhengzhou_hitech", indicator)["value"].iloc[0])


def _chain() -> int:
    return int(_zz("approved_chain_leader_firm_count"))


def _chain_judge(given, right, lang):
    n = as_int(given)
    if n is None:
        return False, whole_number(lang)
    batches = sorted(int(_zz(i)) for i in BATCHES)
    if n == right:
        return True, t("ex_09_q3_right", lang, n=right)
    if n in batches:
        return False, t("ex_09_q3_batch", lang)
    return False, t("ex_09_q3_hint", lang)


# --- q4: the city's chain leaders, estimated from the zone's share (reason) --------------------------------

SHARES = {"approved_chain_leader_firm_count": "share_of_city_chain_leader_firms",
          "second_batch_chain_leader_firm_count": "share_of_city_second_batch_chain_leader_firms",
          "reexamined_chain_leader_firm_count": "share_of_city_reexamined_chain_leader_firms"}


def _city(count: str) -> float:
    """The city's number implied by the zone's count and its stated share of the city's."""
    return _zz(count) / (_zz(SHARES[count]) / 100)


def _city_total() -> float:
    return _city("approved_chain_leader_firm_count")


def _city_fields(lang: str) -> dict:
    second, first = _city("second_batch_chain_leader_firm_count"), _city("reexamined_chain_leader_firm_count")
    return {"n": fmt.plain(_zz("approved_chain_leader_firm_count")),
            "share": fmt.number(_zz("share_of_city_chain_leader_firms"), "percent", lang),
            "est": one_decimal(_city_total()), "whole": round(_city_total()),
            "second": one_decimal(second), "first": one_decimal(first), "sum": one_decimal(second + first)}


def _city_judge(given, right, lang):
    v = number_given(given)
    if v is None or v <= 0:
        return False, whole_number(lang)
    f = _city_fields(lang)
    n, share = _zz("approved_chain_leader_firm_count"), _zz("share_of_city_chain_leader_firms")
    if abs(v - round(right)) <= 1:  # one firm either side of the whole number: the share itself is rounded
        return True, t("ex_09_q4_right", lang, **f)
    if abs(v - n * share / 100) < 0.5:
        return False, t("ex_09_q4_multiplied", lang, **f)
    if abs(v - n / share) < 0.05:
        return False, t("ex_09_q4_percent", lang, **f)
    if v == n:
        return False, t("ex_09_q4_zone", lang, **f)
    if abs(v - _city("second_batch_chain_leader_firm_count")) <= 1:
        return False, t("ex_09_q4_second", lang, **f)
    if abs(v - _city("reexamined_chain_leader_firm_count")) <= 1:
        return False, t("ex_09_q4_first", lang, **f)
    return False, t("ex_09_q4_hint", lang, **f)


def _city_solution(lang):
    code = ("n = data.facts('zhengzhou_hitech', 'approved_chain_leader_firm_count')['value'].iloc[0]\n"
            "share = data.facts('zhengzhou_hitech', 'share_of_city_chain_leader_firms')['value'].iloc[0]\n"
            "n / (share / 100)")
    return f"<pre>{escape(code)}</pre><p>{t('ex_09_q4_solution', lang, **_city_fields(lang))}</p>"


# --- q5: which barrier the Hetao zone's innovation centre works at (reason) --------------------------------

CENTRE = "ex_hetao_gba_ntic_hq"


register("09-q1", why_apart("ex_09_q1", _pair, _invest_options, "ex_09_q1_marking", worked=_invest_worked))
register("09-q2", Question(
    "ex_09_q2",
    _south, _south_judge, _south_solution, kind="lookup", marking="ex_09_q2_marking"))
register("09-q3", Question(
    "ex_09_q3",
    _chain, _chain_judge,
    code_solution("data.facts('zhengzhou_hitech', 'approved_chain_leader_firm_count')[['value', 'quote']]", _chain),
    kind="lookup", marking="ex_09_q3_marking"))
register("09-q4", Question(
    "ex_09_q4",
    _city_total, _city_judge, _city_solution, kind="reason", marking="ex_09_q4_marking"))
register("09-q5", regional_barrier("ex_09_q5", CENTRE, "ex_09_q5_right", lambda b: f"ex_09_q5_not_{b}",
                                   "ex_09_q5_marking"))

register_open("09", OpenQuestion("ex_09_open", "ex_09_open_model", "ex_09_open_marking"))
register_discussion("09", "ex_09_discuss_comparer", "ex_09_discuss_chain", "ex_09_discuss_planned")
