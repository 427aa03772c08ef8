"""Exercises of 02-04: the three platform types (technology innovation, pilot scale-up, incubation)."""

from __future__ import annotations

from .. import data
from ..i18n import t
from ..model import finder
from ..prose.platforms import finder_label
from .base import Question, register
from .judges import code_solution, number_judge, pick_judge


def _abf_funding() -> float:
    return float(data.facts("abf", "annual_funding")["value"].iloc[0])


def _largest_volume() -> float:
    v = finder.volume_facts()
    return float(v["value"].max())


def _data_driven() -> str:
    pf = data.table("platform_factors")
    tech = set(data.table("platforms").query("type_id == 'technology_innovation'")["platform_id"])
    hit = pf[(pf["factor_id"] == "data_driven_management") & pf["platform_id"].isin(tech)]
    return hit["platform_id"].iloc[0]


register("02-q1", Question(
    "ex_02_q1",
    _abf_funding,
    number_judge("USD", "ex_02_q1_hint", scales=(1e6, 1e4)),
    code_solution("data.facts('abf', 'annual_funding')[['value', 'unit', 'quote']]", _abf_funding)))

register("02-q2", Question(
    "ex_02_q2",
    _largest_volume,
    number_judge("L", "ex_02_q2_hint",
                 scales=(1e3, 1e4)),
    code_solution("model.finder.volume_facts()['value'].max()", _largest_volume)))

register("02-q3", Question(
    "ex_02_q3",
    _data_driven,
    pick_judge("platforms", "platform_id", "ex_02_q3_hint"),
    code_solution("pf = data.table('platform_factors')\npf[pf.factor_id == 'data_driven_management']", _data_driven,
                  named=("platforms", "platform_id"))))


# --- 03_pilot_scale_platforms -----------------------------------------------------------------
def _assets() -> float:
    return float(data.facts("pilots4u_database", "asset_count")["value"].iloc[0])


def _states() -> float:
    return float(data.facts("biomade", "state_count")["value"].iloc[0])


def _top_scale_up_na() -> str:
    return finder.find(stage="scale_up", region="north_america")[0].platform_id


register("03-q1", Question(
    "ex_03_q1",
    _assets,
    number_judge("count", "ex_03_q1_hint"),
    code_solution("data.facts('pilots4u_database', 'asset_count')[['value', 'quote']]", _assets)))

register("03-q2", Question(
    "ex_03_q2",
    _states,
    number_judge("count", "ex_03_q2_hint"),
    code_solution("data.facts('biomade', 'state_count')[['value', 'year', 'quote']]", _states)))

register("03-q3", Question(
    "ex_03_q3",
    _top_scale_up_na,
    pick_judge("platforms", "platform_id", lambda lang: t(
        "ex_03_q3_hint", lang, stage=finder_label("scale_up", lang), region=finder_label("north_america", lang),
        any=finder_label("any", lang))),
    code_solution("model.finder.find(stage='scale_up', region='north_america')[0].platform_id",
                  _top_scale_up_na, named=("platforms", "platform_id"))))


# --- 04_incubation_platforms --------------------------------------------------------------------
def _indiebio_months() -> float:
    return float(data.facts("indiebio", "programme_duration")["value"].iloc[0])


def _first_incubator() -> str:
    p = data.platforms()
    p = p[p["type_id"] == "industry_incubation"]
    return p.loc[p["founded"].idxmin(), "platform_id"]


def _synbicite_gbp() -> float:
    return float(data.facts("synbicite", "investment_amount")["value"].iloc[0])


register("04-q1", Question(
    "ex_04_q1",
    _indiebio_months,
    number_judge("months", "ex_04_q1_hint"),
    code_solution("data.facts('indiebio', 'programme_duration')[['value', 'unit', 'quote']]", _indiebio_months)))

register("04-q2", Question(
    "ex_04_q2",
    _first_incubator,
    pick_judge("platforms", "platform_id", "ex_04_q2_hint"),
    code_solution("p = data.platforms()\np = p[p.type_id == 'industry_incubation']\np.loc[p.founded.idxmin(), 'name_en']",
                  _first_incubator, named=("platforms", "platform_id"))))

register("04-q3", Question(
    "ex_04_q3",
    _synbicite_gbp,
    number_judge("GBP", "ex_04_q3_hint", scales=(1e6, 1e4)),
    code_solution("data.facts('synbicite', 'investment_amount')[['value', 'unit', 'quote']]", _synbicite_gbp)))
