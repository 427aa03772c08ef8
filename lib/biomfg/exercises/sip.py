"""Exercises of 06_suzhou_industrial_park: two look-ups, which scheme works at which barrier, and why the
emerging industries' output value may exceed the park's GDP; its open question and discussion prompts."""

from __future__ import annotations

from html import escape

import pandas as pd

from .. import data, fmt
from ..i18n import t
from ..prose.base import entity_name
from .base import LETTERS, OpenQuestion, Question, register, register_discussion, register_open
from .judges import as_int, code_solution, match_name, unclear, whole_number
from .lettered import Choice, lettered, said
from .reasoning import barrier_name, reason_options, regional, regional_name, why_apart


def _value(entity, indicator) -> float:
    return float(data.facts(entity, indicator)["value"].iloc[0])


# --- q1: public technology platforms (look-up) ------------------------------------------------------

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
    if n == right - built:
        return False, t("ex_06_q1_building", lang)
    sip = escape(entity_name("suzhou_sip", lang))
    a, b = (escape(_indicator(i, lang)) for i in ("public_tech_platform_count",
                                                 "public_tech_platform_under_construction_count"))
    return False, t("ex_06_q1_hint", lang, park=sip, built=a, building=b)


def _indicator(indicator_id: str, lang: str) -> str:
    """An indicator's label in `lang` (indicators.csv), never its id."""
    return str(data.table("indicators").set_index("indicator_id").loc[indicator_id, f"name_{lang}"])


# --- q2: the strategic industry the source reports the most firms for (look-up) ----------------------

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
        return False, unclear(given, ind, "facility_id", lang) or t(
            "ex_06_q2_unknown", lang, valid=escape(t("ex_choice_sep", lang).join(names)))
    f = data.facts(fid, "firm_count").iloc[0]
    n = escape(fmt.fact(f, lang))
    if fid == right:
        return True, t("ex_06_q2_right", lang, name=escape(names[fid]), n=n)
    out = data.facts(indicator="output_value")
    out = out[out["entity_id"].isin(INDUSTRIES)].set_index("entity_id")
    if fid == out["value"].idxmax():  # the longest bar of the other panel: yuan read as firms
        value = escape(fmt.fact(out.loc[fid], lang))
        return False, t("ex_06_q2_output", lang, name=escape(names[fid]), value=value, n=n)
    return False, t("ex_06_q2_wrong", lang, name=escape(names[fid]), n=n)


def _most_firms_solution(lang):
    code = ("f = data.facts(indicator='firm_count')\n"
            "f = f[f['entity_id'].str.startswith('sip_')]\nf.loc[f['value'].idxmax(), 'entity_id']")
    name = escape(_industries().set_index('facility_id').loc[_most_firms(), f'name_{lang}'])
    return f"<pre>{escape(code)}</pre><p>{name}</p><p>{t('ex_06_q2_bounds', lang)}</p>"


# --- q3: which of the park's schemes works at the valley of death (reason) ------------------------------

# The three schemes, in the order shown: each option describes what the scheme does (its name would give the
# barrier away: "pilot"), and its reply names it. Which barrier is read from regional_platforms.csv, so a
# reclassification there changes the answer and the replies with it.
SCHEMES = {"ex_sip_poc_fund": "fund", "ex_sip_interventional_consortium": "consortium",
           "ex_sip_poc_pilot_platforms": "pilot"}
Q3_BARRIER = "valley_of_death"
CENTRE = "ex_sip_biomed_subcentre"


def _scheme_reply(example_id: str, lang: str) -> str:
    """Which scheme the option describes, what it does, and the barrier the data places it at."""
    centre = escape(regional_name(CENTRE, lang))  # the fund invests while this sub-centre assesses a project
    barrier, does = str(regional(example_id)["barrier_id"]), t(f"ex_06_q3_does_{SCHEMES[example_id]}", lang, centre=centre)
    key = "ex_06_q3_right" if barrier == Q3_BARRIER else "ex_06_q3_wrong"
    return t(key, lang, name=escape(regional_name(example_id, lang)), does=does,
             barrier=escape(barrier_name(barrier, lang)))


def _scheme_options() -> list[Choice]:
    return [Choice(e, said(f"ex_06_q3_opt_{SCHEMES[e]}"), lambda lang, e=e: _scheme_reply(e, lang),
                   (regional_name(e, "zh"), regional_name(e, "en")))
            for e in SCHEMES]


def _scheme_at_valley() -> str:
    return next(e for e in SCHEMES if regional(e)["barrier_id"] == Q3_BARRIER)


def _schemes_worked(lang: str) -> str:
    """Each option's letter, the scheme it describes and the barrier the data places that scheme at."""
    rows = [t("ex_06_q3_worked_row", lang, letter=LETTERS[i], name=escape(regional_name(e, lang)),
              barrier=escape(barrier_name(regional(e)["barrier_id"], lang))) for i, e in enumerate(SCHEMES)]
    return f"<p>{t('ex_06_q3_worked', lang)}</p><ul>{''.join(f'<li>{r}</li>' for r in rows)}</ul>"


# --- q4: output value above GDP: why the two cannot be set side by side (reason) -----------------------

def _gdp() -> pd.Series:
    return data.facts("suzhou_sip", "gdp").iloc[0]


def _output() -> pd.Series:
    return data.facts("sip_emerging_industries", "output_value").iloc[0]


def _both(lang: str) -> dict[str, str]:
    g, o = _gdp(), _output()
    return {"gdp": escape(fmt.fact(g, lang)), "output": escape(fmt.fact(o, lang)), "year": str(int(g["year"]))}


def _reason_options() -> list[Choice]:
    return reason_options(_both, ("unit", "ex_06_q4_opt_unit", "ex_06_q4_unit"),
                          ("measure", "ex_06_q4_opt_measure", "ex_06_q4_measure"),
                          ("kind", "ex_06_q4_opt_kind", "ex_06_q4_kind"),
                          ("period", "ex_06_q4_opt_period", "ex_06_q4_period"))


register("06-q1", Question(
    "ex_06_q1",
    _platforms, _platforms_judge,
    code_solution("f = data.facts('suzhou_sip')\n"
                  "f[f['indicator'].str.startswith('public_tech_platform')]['value'].sum()", _platforms),
    kind="lookup", marking="ex_06_q1_marking"))
register("06-q2", Question(
    "ex_06_q2",
    _most_firms, _most_firms_judge, _most_firms_solution, kind="lookup", marking="ex_06_q2_marking"))
register("06-q3", lettered("ex_06_q3", _scheme_options, _scheme_at_valley, marking="ex_06_q3_marking",
                          details=_schemes_worked))
register("06-q4", why_apart("ex_06_q4", lambda: (_gdp(), _output()), _reason_options, "ex_06_q4_marking"))

register_open("06", OpenQuestion("ex_06_open", "ex_06_open_model", "ex_06_open_marking"))
register_discussion("06", "ex_06_discuss_near", "ex_06_discuss_pilot", "ex_06_discuss_targets")
