"""Exercises of 01_three_barriers, and the reasoning questions 00 and 02-04 build the same way: which platform
type a described project needs, which barrier an exemplar bridges, which success factor or which of the
article's elements a description shows."""

from __future__ import annotations

from html import escape

from .. import data
from ..i18n import t
from ..model.barriers import platform_traits
from .base import OpenQuestion, Question, register, register_discussion, register_open
from .judges import code_solution, in_sentence, match_name, pick_judge, platform_name
from .lettered import Choice, lettered, named, row_choices


def _row(table: str, key: str, row_id: str):
    return data.table(table).set_index(key).loc[row_id]


def _stage(stage: str, lang: str) -> str:
    """A stage of the chain as a reply names it: what a project has reached there, in the source's words
    (research, a working technology, a product, the market: the Darwinian sea lies 从产品到市场)."""
    return t(f"ex_stage_{stage}", lang)


def span_of(barrier_id: str, lang: str) -> dict[str, str]:
    """The barrier's name and the two stages it lies between, in `lang` (escaped)."""
    b = _row("barriers", "barrier_id", barrier_id)
    return {"barrier": escape(str(b[f"name_{lang}"])), "start": escape(_stage(b["stage_from"], lang)),
            "end": escape(_stage(b["stage_to"], lang))}


def bridged_by(type_id: str) -> str:
    """The barrier a platform type bridges (barriers.csv)."""
    b = data.table("barriers")
    return b.loc[b["type_id"] == type_id, "barrier_id"].iloc[0]


def type_question(prompt: str, barrier_id: str, why: str, wrong: dict[str, str], marking: str) -> Question:
    """'Which platform type does this project need?' The scenario (teaching text in `prompt`) is stuck at
    `barrier_id`; the right type is the one barriers.csv says bridges it. `wrong`: type id -> message key of
    why that type does not fit this scenario."""
    def right() -> str:
        return str(_row("barriers", "barrier_id", barrier_id)["type_id"])

    def why_right(lang):
        return t("ex_type_right", lang, **span_of(barrier_id, lang), why=t(why, lang))

    def why_wrong(type_id, lang):
        return t("ex_type_wrong", lang, **span_of(bridged_by(type_id), lang), why=t(wrong[type_id], lang))

    return lettered(prompt, row_choices("platform_types", "type_id"), right, why_right, why_wrong, marking=marking,
                    also=lambda given: match_name(given, data.table("platform_types"), "type_id"),
                    code=f"data.table('barriers').set_index('barrier_id').loc['{barrier_id}', 'type_id']")


def barrier_question(prompt: str, platform_id: str, why: str, wrong: dict[str, str], marking: str) -> Question:
    """'Which barrier does this exemplar help firms cross?' The right barrier is the one its platform type
    bridges (platforms.csv, then barriers.csv); `wrong`: barrier id -> why it is not that one."""
    def type_of() -> str:
        return str(_row("platforms", "platform_id", platform_id)["type_id"])

    def why_right(lang):
        kind = _row("platform_types", "type_id", type_of())[f"name_{lang}"]
        return t(why, lang, name=escape(platform_name(platform_id, lang)), type=escape(str(kind)),
                 **span_of(bridged_by(type_of()), lang))

    def why_wrong(barrier_id, lang):
        return t("ex_barrier_wrong", lang, **span_of(barrier_id, lang), why=t(wrong[barrier_id], lang))

    return lettered(prompt, row_choices("barriers", "barrier_id"), lambda: bridged_by(type_of()), why_right, why_wrong,
                    marking=marking, also=lambda given: match_name(given, data.table("barriers"), "barrier_id"),
                    code=f"p = data.platforms().set_index('platform_id')\nb = data.table('barriers')\n"
                         f"b[b.type_id == p.loc['{platform_id}', 'type_id']]")


def credited(platform_id: str) -> set[str]:
    """The success factors the source credits a platform with (platform_factors.csv)."""
    pf = data.table("platform_factors")
    return set(pf.loc[pf["platform_id"] == platform_id, "factor_id"])


def factor_question(prompt: str, platform_id: str, options: list[str], wrong: dict[str, str], marking: str) -> Question:
    """'Which success factor does this description of an exemplar show?' The options are success factors;
    the right one is the only option the source credits the platform with (platform_factors.csv), and the
    reply quotes the source's evidence for it. `wrong`: factor id -> why the description is not that."""
    def right() -> str:
        hits = [f for f in options if f in credited(platform_id)]
        if len(hits) != 1:
            raise data.DataError(f"platform_factors.csv: {platform_id} has {len(hits)} of the options {options}, not one")
        return hits[0]

    def why_right(lang):
        pf = data.table("platform_factors")
        row = pf[(pf["platform_id"] == platform_id) & (pf["factor_id"] == right())].iloc[0]
        return t("ex_factor_right", lang, name=escape(platform_name(platform_id, lang)),
                 evidence=escape(str(row[f"evidence_{lang}"])))

    return lettered(prompt, row_choices("success_factors", "factor_id", options), right, why_right,
                    lambda key, lang: t(wrong[key], lang), marking=marking,
                    also=lambda given: match_name(given, data.table("success_factors"), "factor_id"),
                    code=f"pf = data.table('platform_factors')\npf[pf.platform_id == '{platform_id}']")


def trait_question(prompt: str, type_id: str, kind: str, answer: str, why: str, wrong: dict[str, str],
                   marking: str) -> Question:
    """'Which of the article's core functions / key elements is this platform failing?' The options are the
    platform type's traits of `kind` (platform_traits.csv, named from the glossary); the described platform
    lacks `answer`, and the reply gives the article's own purpose for it."""
    def traits():
        return platform_traits(type_id, kind).set_index("trait_id")

    def choices() -> list[Choice]:
        return [Choice(k, lambda lang, k=k: str(traits().loc[k, f"name_{lang}"]), names=named(k)) for k in traits().index]

    def right() -> str:
        if answer not in traits().index:
            raise data.DataError(f"platform_traits.csv: no {kind} {answer!r} of {type_id}")
        return answer

    def why_right(lang):
        return t(why, lang, detail=escape(in_sentence(str(traits().loc[answer, f"detail_{lang}"]), lang)))

    return lettered(prompt, choices, right, why_right, lambda key, lang: t(wrong[key], lang), marking=marking,
                    code=f"model.barriers.platform_traits('{type_id}', '{kind}')[['name_en', 'detail_en']]")


# --- 01-q1: which barrier lies between a product and the market? (a look-up on the chain diagram) --

def _barrier_between(a: str, b: str) -> str:
    bars = data.table("barriers")
    return bars.loc[(bars["stage_from"] == a) & (bars["stage_to"] == b), "barrier_id"].iloc[0]


register("01-q1", Question(
    "ex_01_q1",
    lambda: _barrier_between("pilot", "market"),
    pick_judge("barriers", "barrier_id", "ex_01_q1_hint"),
    code_solution("b = data.table('barriers')\nb[(b.stage_from == 'pilot') & (b.stage_to == 'market')]",
                  lambda: _barrier_between("pilot", "market"), named=("barriers", "barrier_id")),
    kind="lookup", marking="ex_01_q1_marking"))

# --- 01-q2: a team stuck between bench and scale: which platform type? -----------------------------
register("01-q2", type_question(
    "ex_01_q2", "valley_of_death", "ex_01_q2_why",
    {"technology_innovation": "ex_01_q2_no_tech", "industry_incubation": "ex_01_q2_no_incubation"},
    marking="ex_01_q2_marking"))

# --- 01-q3: which barrier does IndieBio help firms cross? ------------------------------------------
register("01-q3", barrier_question(
    "ex_01_q3", "indiebio", "ex_01_q3_why",
    {"broken_bridge": "ex_01_q3_no_bridge", "valley_of_death": "ex_01_q3_no_valley"},
    marking="ex_01_q3_marking"))

# --- 01-q4: BioMADE's rules: which success factor? -------------------------------------------------
register("01-q4", factor_question(
    "ex_01_q4", "biomade", ["seed_funding", "governance_ip", "startup_acceleration", "data_driven_management"],
    {"seed_funding": "ex_01_q4_no_seed", "startup_acceleration": "ex_01_q4_no_accelerator",
     "data_driven_management": "ex_01_q4_no_data"},
    marking="ex_01_q4_marking"))

register_open("01", OpenQuestion("ex_01_open", "ex_01_open_model", "ex_01_open_marking"))
register_discussion("01", "ex_01_discuss_1", "ex_01_discuss_2", "ex_01_discuss_3")
