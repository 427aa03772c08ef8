"""What the reasoning exercises share: why two figures cannot be set side by side (read from their rows in
facts.csv, one function for every comparison question), the regional platforms classified to a barrier
(regional_platforms.csv), and estimates judged within a stated tolerance.

Every question here is a lettered choice (exercises.lettered): a comparison either lists the four reasons
with replies computed from the two rows (`comparison`, 02-05) or its own options with their own replies
(`why_apart`, 06-09); either way the right option is the one `differences` finds in the data.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from html import escape

import pandas as pd

from .. import data, fmt
from ..i18n import t
from .base import Question
from .judges import in_sentence, platform_name
from .lettered import Choice, lettered, named, row_choices, said

# --- why two figures cannot be set side by side -------------------------------------------------------

TIME_UNITS = frozenset({"years", "months", "weeks", "days"})  # convert into one another exactly


def _dimension(unit: str) -> str:
    return "time" if unit in TIME_UNITS else unit


def _year(row) -> int | None:
    y = row.get("year")
    return None if fmt.text(y) == "" else int(y)


def project_count(entity_id: str) -> float | None:
    """How many projects a place counts; for a set of its projects (a programme placed in it, such as the
    33 Zhaoqing has brought in since 2023), the count its place gives."""
    f = data.facts(entity_id, "project_count")
    if len(f):
        return float(f["value"].iloc[0])
    fac = data.table("facilities").set_index("facility_id")
    if entity_id in fac.index and fac.loc[entity_id, "kind"] == "programme" and isinstance(fac.loc[entity_id, "region_id"], str):
        return project_count(fac.loc[entity_id, "region_id"])
    return None


def differences(a, b) -> set[str]:
    """Every reason, read from their columns, that two fact rows cannot be compared as they stand:
    'kind'     a target against a result;
    'currency' amounts in two currencies (never converted: the sources give no exchange rate);
    'unit'     other units that do not convert into each other (yuan and a count, a share and a count).
               Weeks and years convert exactly, so they are no reason;
    'year'     two different years;
    'to_date'  one year against a figure with no year (a count to date);
    'measure'  different indicators: the figures measure different things;
    'scope'    the same total for two places over sets of projects that the sources define differently (each
               place's own project count, and the two counts differ)."""
    out = set()
    if (a["kind"] == "target") != (b["kind"] == "target"):
        out.add("kind")
    money = a["unit"] in fmt.CURRENCIES and b["unit"] in fmt.CURRENCIES
    if money and a["unit"] != b["unit"]:
        out.add("currency")
    if not money and _dimension(a["unit"]) != _dimension(b["unit"]):
        out.add("unit")
    ya, yb = _year(a), _year(b)
    if ya is not None and yb is not None and ya != yb:
        out.add("year")
    if (ya is None) != (yb is None):
        out.add("to_date")
    if a["indicator"] != b["indicator"]:
        out.add("measure")
    elif a.get("entity_id") != b.get("entity_id"):
        na, nb = project_count(a["entity_id"]), project_count(b["entity_id"])
        if na is not None and nb is not None and na != nb:
            out.add("scope")
    return out


def the_reason(a, b, among: Mapping[str, str] | None = None) -> str:
    """The one reason the two rows differ by (a comparison question is built on a pair with exactly one).
    `among` maps `differences`' reasons to a question's options; a reason it leaves out is none for it."""
    found = {among[r] for r in differences(a, b) if r in among} if among is not None else differences(a, b)
    if len(found) != 1:
        raise data.DataError(f"facts.csv: {a['fact_id']} and {b['fact_id']} differ by {sorted(found) or 'nothing'}, "
                             "not by one reason: the exercise comparing them no longer has one right answer")
    return found.pop()


def fact_line(row: pd.Series, lang: str) -> str:
    """'<li>name — indicator, year: figure; the source says “quote”</li>' for a worked solution (escaped)."""
    from ..prose.base import entity_name, year_in_sentence

    year = year_in_sentence(row, lang)
    line = t("ex_fact_line", lang, name=escape(entity_name(row["entity_id"], lang)),
             indicator=escape(str(row[f"indicator_{lang}"])), value=escape(fmt.fact(row, lang)),
             year=escape(t("ex_fact_year", lang, year=year)) if year else "", quote=escape(str(row["quote"])))
    return f"<li>{line}</li>"


# --- a comparison with its own options (06-09): each option its own reply ----------------------------------

# the options' keys: different units (two currencies among them), a target against a result, a different
# period (a year against another, or against a count to date), a different measure, a different set of
# projects; other options ('place', 'about') are never the reason
OWN_OPTIONS = {"currency": "unit", "unit": "unit", "kind": "kind", "year": "period", "to_date": "period",
               "measure": "measure", "scope": "scope"}


def reason_options(fields: Callable[[str], dict], *options: tuple[str, str, str]) -> list[Choice]:
    """A comparison's own options, each (key, message of its words, message of its reply), every reply
    filled with `fields(lang)` (the two figures and what else it quotes)."""
    return [Choice(key, said(words), lambda lang, reply=reply: t(reply, lang, **fields(lang)), named(words))
            for key, words, reply in options]


def why_apart(prompt: str, rows: Callable[[], tuple[pd.Series, pd.Series]], options: Callable[[], list[Choice]],
              marking: str, worked: Callable[[str], str] | None = None) -> Question:
    """'Why can these two figures not be set side by side?' with the question's own options (OWN_OPTIONS),
    the right one the reason the two rows give; the solution lists the two rows, or `worked(lang)`."""
    def both(lang: str) -> str:
        return "<ul>" + "".join(fact_line(r, lang) for r in rows()) + "</ul>"

    return lettered(prompt, options, lambda: the_reason(*rows(), among=OWN_OPTIONS), marking=marking,
                    details=worked or both)


# --- a comparison with the four reasons (02-05): replies computed from the two rows ------------------------

REASONS = ("currency", "year", "target", "scope")
REASON_LABELS = {"currency": "ex_reason_currency", "year": "ex_reason_year", "target": "ex_reason_target",
                 "scope": "ex_reason_scope"}
# `differences`' reasons as the four options; a missing year is none (ex_cmp_year_one says why)
AS_REASONS = {"currency": "currency", "year": "year", "kind": "target", "unit": "scope", "measure": "scope",
              "scope": "scope"}


def _fact(fact_id: str):
    f = data.facts()
    return f[f["fact_id"] == fact_id].iloc[0]


def _entity(entity_id: str, lang: str) -> str:
    """A fact's entity in a sentence (not escaped): an exemplar as platform_name gives it; in English a
    facility takes 'the' (the Pilots4U database), a country or region does not."""
    from ..prose.base import entity_name

    names = data.entity_names().drop_duplicates("entity_id").set_index("entity_id")
    table = names.loc[entity_id, "table"] if entity_id in names.index else ""
    if table == "platforms":
        return platform_name(entity_id, lang)
    name = entity_name(entity_id, lang)
    return f"the {name}" if lang == "en" and table == "facilities" else name


def _what(row, lang: str) -> str:
    """An entity's indicator in words (escaped): 'the Integrated Biorefinery Research Facility's investment
    amount', 'BioMADE's number of states', '中国的生物基材料产能占全球比重'."""
    ind = in_sentence(str(row[f"indicator_{lang}"]), lang)
    return t("ex_cmp_what", lang, entity=escape(_entity(row["entity_id"], lang)), indicator=escape(ind))


def _unit_word(row, lang: str) -> str:
    u = row["unit"]
    return t(f"currency_{u}", lang) if u in fmt.CURRENCIES else ""


def _why_reason(reason: str, a, b, lang: str, right: bool) -> str:
    """Why `reason` does (right) or does not (wrong) keep facts a and b apart, from their rows."""
    wa, wb = _what(a, lang), _what(b, lang)
    if right:
        if reason == "currency":
            return t("ex_cmp_currency_right", lang, a=wa, b=wb, ua=_unit_word(a, lang), ub=_unit_word(b, lang))
        if reason == "year":
            return t("ex_cmp_year_right", lang, a=wa, b=wb, ya=_year(a), yb=_year(b))
        if reason == "target":
            goal, done = (a, b) if a["kind"] == "target" else (b, a)
            return t("ex_cmp_target_right", lang, goal=_what(goal, lang), done=_what(done, lang), year=_year(goal))
        return t("ex_cmp_scope_right", lang, a=wa, b=wb)
    if reason == "currency":
        money = [r["unit"] in fmt.CURRENCIES for r in (a, b)]
        if all(money):
            return t("ex_cmp_currency_same", lang, unit=_unit_word(a, lang))
        return t("ex_cmp_currency_one" if any(money) else "ex_cmp_currency_none", lang)
    if reason == "year":
        ya, yb = _year(a), _year(b)
        if ya is None and yb is None:
            return t("ex_cmp_year_none", lang)
        if ya is None or yb is None:
            return t("ex_cmp_year_one", lang, year=ya or yb)
        return t("ex_cmp_year_same", lang, year=ya)
    if reason == "target":
        if a["kind"] == b["kind"] == "target":
            return t("ex_cmp_target_both", lang)
        return t("ex_cmp_target_none" if a["kind"] == b["kind"] == "actual" else "ex_cmp_target_neither", lang)
    return t("ex_cmp_scope_same", lang, a=wa, b=wb)


def reason_choices(reasons: tuple[str, ...] = REASONS) -> list[Choice]:
    return [Choice(r, lambda lang, r=r: t(REASON_LABELS[r], lang), names=named(REASON_LABELS[r])) for r in reasons]


def two_currencies(given) -> str | None:
    """'currency' for an answer naming two currencies ('USD and GBP', '一个是美元一个是英镑'), else None."""
    return "currency" if isinstance(given, str) and len(fmt.currencies(given)) >= 2 else None


def comparison(prompt: str, fact_a: str, fact_b: str, *, extra: str | None = None,
               marking: str | None = None, reasons: tuple[str, ...] = REASONS,
               own: Mapping[str, str] | None = None) -> Question:
    """'Why can these two figures not be compared?', with the four reasons as options A-D, or those of
    `reasons` (leave out one that is also true of the pair but not in its rows). The right one is the reason
    the two rows of facts.csv give (AS_REASONS); `extra` is a message key adding what the rows cannot say
    (what each share is a share of); `own` maps a wrong reason to a message key of the question's own reply,
    where the one computed from the rows would say too little (a plan's reach reported as a fact)."""
    among = {k: v for k, v in AS_REASONS.items() if v in reasons}

    def rows():
        return _fact(fact_a), _fact(fact_b)

    def right() -> str:
        return the_reason(*rows(), among=among)

    def why_right(lang):
        text = _why_reason(right(), *rows(), lang, right=True)
        return text + (" " if lang == "en" else "") + t(extra, lang) if extra else text

    def why_wrong(key, lang):
        if own and key in own:
            return t(own[key], lang)
        return _why_reason(key, *rows(), lang, right=False)

    def solution_rows(lang):
        items = []
        for r in rows():
            year = _year(r)
            what = _what(r, lang)
            items.append(t("ex_cmp_row", lang, what=what[:1].upper() + what[1:], value=escape(fmt.fact(r, lang)),
                           year=t("ex_cmp_year", lang, year=year) if year is not None else t("ex_cmp_no_year", lang),
                           kind=t(f"ex_cmp_kind_{r['kind']}", lang)))
        return "<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"

    return lettered(prompt, lambda: reason_choices(reasons), right, why_right, why_wrong, marking=marking,
                    details=solution_rows, also=two_currencies,
                    code=f"f = data.facts()\nf[f.fact_id.isin(['{fact_a}', '{fact_b}'])][['entity_id', 'indicator', "
                         "'value', 'unit', 'year', 'kind']]")


# --- the regional platforms classified to a barrier -----------------------------------------------

def regional(example_id: str) -> pd.Series:
    return data.table("regional_platforms").set_index("example_id").loc[example_id]


def regional_name(example_id: str, lang: str) -> str:
    return str(regional(example_id)[f"name_{lang}"])


def barrier_name(barrier_id: str, lang: str) -> str:
    return str(data.table("barriers").set_index("barrier_id").loc[barrier_id, f"name_{lang}"])


def platforms_at(region_id: str, barrier_id: str, lang: str) -> list[str]:
    """The names of a region's platforms the data places at a barrier, in data order."""
    rp = data.table("regional_platforms")
    return list(rp[(rp["region_id"] == region_id) & (rp["barrier_id"] == barrier_id)][f"name_{lang}"])


def names_list(names: list[str], lang: str) -> str:
    """Names joined by a semicolon: the names themselves hold commas and 、 (专业孵化器、众创空间、“双创”示范基地)."""
    return t("ex_names_sep", lang).join(names)


def where_else(region_id: str, barrier_id: str, lang: str) -> str:
    """Where barrier `barrier_id` lies, and which of the region's platforms the data places there (or none)."""
    from ..prose.base import entity_name

    names = platforms_at(region_id, barrier_id, lang)
    region = escape(entity_name(region_id, lang))
    there = (t("ex_barrier_there", lang, region=region, names=escape(names_list(names, lang))) if names
             else t("ex_barrier_none_there", lang, region=region))
    return t("ex_barrier_where", lang, lies=t(f"ex_barrier_lies_{barrier_id}", lang), there=there)


def regional_barrier(prompt: str, example_id: str, right: str, wrong: Callable[[str], str], marking: str,
                     worked: Callable[[str], str] | None = None) -> Question:
    """'Which barrier does this regional platform work at?', the three barriers as options. The right one is
    the barrier regional_platforms.csv gives (reply `right`: {name}, {barrier}); each wrong barrier has its own
    reply, `wrong(barrier_id)` (a key missing means the data reclassified the platform), told where that
    barrier lies and which of the region's platforms the data places there ({there})."""
    def barrier() -> str:
        return str(regional(example_id)["barrier_id"])

    def reply(barrier_id: str, lang: str) -> str:
        if barrier_id == barrier():
            return t(right, lang, name=escape(regional_name(example_id, lang)),
                     barrier=escape(barrier_name(barrier_id, lang)))
        region = str(regional(example_id)["region_id"])
        return t(wrong(barrier_id), lang, there=where_else(region, barrier_id, lang))

    return lettered(prompt, row_choices("barriers", "barrier_id", why=reply), barrier, marking=marking,
                    details=worked)


# --- estimates ------------------------------------------------------------------------------------

def number_given(given) -> float | None:
    """A number from what a student typed (17, '16.7', '约17家', '133 firms'), or None."""
    if isinstance(given, dict | list | tuple | set):
        return None
    r = fmt.read(given)
    return r.value if r is not None and math.isfinite(r.value) else None


def one_decimal(value: float) -> str:
    """A computed estimate to one decimal place (the one place we round, and the reply says so)."""
    return f"{value:.1f}"
