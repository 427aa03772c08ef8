"""Exercises of 08_shanghai_zhangjiang: why six weeks of AI cannot be set against ten years of drug development,
two look-ups, why a cumulative count cannot be set against one year's, and which barrier Zhangjiang's first
incubator works at; its open question and discussion prompts."""

from __future__ import annotations

from html import escape

import pandas as pd

from .. import data, fmt
from ..i18n import t
from .base import OpenQuestion, Question, register, register_discussion, register_open
from .judges import as_int, code_solution, match_name, unclear, whole_number
from .lettered import Choice
from .reasoning import reason_options, regional_barrier, why_apart

ZJ = "shanghai_zhangjiang"


def _event_year(kind: str) -> int:
    ev = data.table("events")
    ev = ev[(ev["kind"] == kind) & ev["year"].notna()].sort_values("year")
    return int(ev["year"].iloc[0])


# --- q1: six weeks against the usual years of drug development (reason) --------------------------------

def _weeks() -> pd.Series:
    return data.facts("xtalpi", "crystal_form_confirmation_duration").iloc[0]


def _years() -> pd.Series:
    return data.facts("traditional_new_drug_development", "drug_development_duration").iloc[0]


def _durations(lang: str) -> dict[str, str]:
    adv = data.facts("paxlovid", "time_to_market_advance").sort_values("value")
    return {"weeks": escape(fmt.fact(_weeks(), lang)), "years": escape(fmt.fact(_years(), lang)),
            "advance": escape(fmt.span(adv["value"].iloc[0], adv["value"].iloc[-1], "months", lang))}


def _ai_options() -> list[Choice]:
    return reason_options(_durations, ("unit", "ex_08_q1_opt_unit", "ex_08_q1_unit"),
                          ("kind", "ex_08_q1_opt_kind", "ex_08_q1_kind"),
                          ("measure", "ex_08_q1_opt_measure", "ex_08_q1_measure"),
                          ("period", "ex_08_q1_opt_period", "ex_08_q1_period"))


# --- q2: years from the call for the MAH reform to the first drug approved under the pilot (look-up) -----

def _gap() -> int:
    return _event_year("reform_pilot") - _event_year("reform_proposed")


def _gap_judge(given, right, lang):
    n = as_int(given)
    if n is None:
        return False, whole_number(lang)
    a, b = _event_year("reform_proposed"), _event_year("reform_pilot")
    if n == right:
        return True, t("ex_08_q2_right", lang, pilot=b, proposed=a, n=right)
    if n in (a, b):
        return False, t("ex_08_q2_year", lang)
    return False, t("ex_08_q2_hint", lang)


# --- q3: the maker the source names for pyrotinib (look-up) -----------------------------------------

def _maker() -> str:
    return str(data.table("products").set_index("product_id").loc["pyrotinib_capsule", "firm_id"])


def _maker_judge(given, right, lang):
    firms = data.table("firms")
    text = str(given).strip().lower()
    if "hengrui" in text or "恒瑞" in text:
        return False, t("ex_08_q3_hengrui", lang)
    fid = match_name(given, firms, "firm_id")
    if fid is None:
        return False, unclear(given, firms, "firm_id", lang) or t("ex_08_q3_unknown", lang)
    name = escape(str(firms.set_index("firm_id").loc[right, f"name_{lang}"]))
    if fid == right:
        return True, t("ex_08_q3_right", lang, name=name)
    return False, t("ex_08_q3_hint", lang)


def _maker_solution(lang):
    code = ("firm = data.table('products').set_index('product_id').loc['pyrotinib_capsule', 'firm_id']\n"
            "data.table('firms').set_index('firm_id').loc[firm, ['name_zh', 'name_en']]")
    name = escape(str(data.table("firms").set_index("firm_id").loc[_maker(), f"name_{lang}"]))
    why = t("ex_08_q3_solution", lang, name=name)
    return f"<pre>{escape(code)}</pre><p><b>{name}</b></p><p>{why}</p>"


# --- q4: a cumulative count against one year's (reason) -----------------------------------------------

def _approvals() -> tuple[pd.Series, pd.Series]:
    """Zhangjiang's class-1 approvals: the count to date (no year) and one year's."""
    f = data.facts(ZJ, "class1_new_drug_approval_count")
    return f[f["year"].isna()].iloc[0], f[f["year"].notna()].iloc[0]


def _approval_fields(lang: str) -> dict[str, str]:
    to_date, year = _approvals()
    city = data.facts("shanghai", "class1_new_drug_approval_count").iloc[0]
    return {"to_date": escape(fmt.fact(to_date, lang)), "this_year": escape(fmt.fact(year, lang)),
            "year": str(int(year["year"])), "city": escape(fmt.fact(city, lang))}


def _approval_options() -> list[Choice]:
    return reason_options(_approval_fields, ("unit", "ex_08_q4_opt_unit", "ex_08_q4_unit"),
                          ("place", "ex_08_q4_opt_place", "ex_08_q4_place"),
                          ("kind", "ex_08_q4_opt_kind", "ex_08_q4_kind"),
                          ("period", "ex_08_q4_opt_period", "ex_08_q4_period"))


# --- q5: which barrier Zhangjiang's first incubator works at (reason) --------------------------------

INCUBATOR = "ex_zj_yaogu_incubator"


register("08-q1", why_apart("ex_08_q1", lambda: (_weeks(), _years()), _ai_options, "ex_08_q1_marking"))
register("08-q2", Question(
    "ex_08_q2",
    _gap, _gap_judge,
    code_solution("ev = data.table('events').dropna(subset=['year'])\n"
                  "ev.loc[ev['kind'] == 'reform_pilot', 'year'].min() - ev.loc[ev['kind'] == 'reform_proposed', 'year'].min()",
                  _gap),
    kind="lookup", marking="ex_08_q2_marking"))
register("08-q3", Question(
    "ex_08_q3",
    _maker, _maker_judge, _maker_solution, kind="lookup", marking="ex_08_q3_marking"))
register("08-q4", why_apart("ex_08_q4", _approvals, _approval_options, "ex_08_q4_marking"))
register("08-q5", regional_barrier("ex_08_q5", INCUBATOR, "ex_08_q5_right", lambda b: f"ex_08_q5_not_{b}",
                                   "ex_08_q5_marking"))

register_open("08", OpenQuestion("ex_08_open", "ex_08_open_model", "ex_08_open_marking"))
register_discussion("08", "ex_08_discuss_reform", "ex_08_discuss_source", "ex_08_discuss_platforms")
