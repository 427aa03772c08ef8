"""Exercises of 08_shanghai_zhangjiang."""

from __future__ import annotations

from html import escape

from .. import data
from ..i18n import t
from .base import Question, register
from .judges import as_int, match_name, whole_number


def _event_year(kind: str) -> int:
    ev = data.table("events")
    ev = ev[(ev["kind"] == kind) & ev["year"].notna()].sort_values("year")
    return int(ev["year"].iloc[0])


def _proposed() -> int:
    return _event_year("reform_proposed")


def _proposed_judge(given, right, lang):
    n = as_int(given)
    if n is None:
        return False, whole_number(lang)
    if n == right:
        return True, t("ex_08_q1_right", lang, year=right)
    if n == _event_year("reform_pilot"):
        return False, t("ex_08_q1_pilot", lang)
    return False, t("ex_08_q1_hint", lang)


def _proposed_solution(lang):
    code = "ev = data.table('events')\nev[ev['kind'] == 'reform_proposed'][['year', 'name_en']]"
    return f"<pre>{escape(code)}</pre><p>{_proposed()}</p>"


def _gap() -> int:
    return _event_year("reform_pilot") - _event_year("reform_proposed")


def _gap_judge(given, right, lang):
    n = as_int(given)
    if n is None:
        return False, whole_number(lang)
    a, b = _event_year("reform_proposed"), _event_year("reform_pilot")
    if n == right:
        return True, t("ex_08_q2_right", lang, pilot=b, proposed=a, n=right)
    return False, t("ex_08_q2_hint", lang)


def _gap_solution(lang):
    code = ("ev = data.table('events').dropna(subset=['year'])\n"
            "ev.loc[ev['kind'] == 'reform_pilot', 'year'].min() - ev.loc[ev['kind'] == 'reform_proposed', 'year'].min()")
    return f"<pre>{escape(code)}</pre><p>{_gap()}</p>"


def _maker() -> str:
    return str(data.table("products").set_index("product_id").loc["pyrotinib_capsule", "firm_id"])


def _maker_judge(given, right, lang):
    firms = data.table("firms")
    text = str(given).strip().lower()
    if "hengrui" in text or "恒瑞" in text:
        return False, t("ex_08_q3_hengrui", lang)
    fid = match_name(given, firms, "firm_id")
    if fid is None:
        return False, t("ex_08_q3_unknown", lang)
    name = escape(str(firms.set_index("firm_id").loc[right, f"name_{lang}"]))
    if fid == right:
        return True, t("ex_08_q3_right", lang, name=name)
    return False, t("ex_08_q3_hint", lang)


def _maker_solution(lang):
    code = ("firm = data.table('products').set_index('product_id').loc['pyrotinib_capsule', 'firm_id']\n"
            "data.table('firms').set_index('firm_id').loc[firm, ['name_zh', 'name_en']]")
    name = escape(str(data.table("firms").set_index("firm_id").loc[_maker(), f"name_{lang}"]))
    why = t("ex_08_q3_solution", lang)
    return f"<pre>{escape(code)}</pre><p><b>{name}</b></p><p>{why}</p>"


register("08-q1", Question(
    "ex_08_q1",
    _proposed, _proposed_judge, _proposed_solution))
register("08-q2", Question(
    "ex_08_q2",
    _gap, _gap_judge, _gap_solution))
register("08-q3", Question(
    "ex_08_q3",
    _maker, _maker_judge, _maker_solution))
