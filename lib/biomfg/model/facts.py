"""The one way to look up figures: every fact about some entities, and the one fact a sentence quotes."""

from __future__ import annotations

import pandas as pd

from .. import data


def fact(entity_id: str, indicator: str, year=None, kind: str | None = None,
         facts: pd.DataFrame | None = None) -> pd.Series:
    """The one fact about entity and indicator (optionally of a year or kind), from data/ or from
    `facts`; a one-line DataError naming what is missing otherwise."""
    f = data.facts(entity_id, indicator) if facts is None else \
        facts[(facts["entity_id"] == entity_id) & (facts["indicator"] == indicator)]
    if year is not None:
        f = f[f["year"] == year]
    if kind is not None:
        f = f[f["kind"] == kind]
    if f.empty:
        raise data.DataError(f"facts.csv: no fact for {entity_id} / {indicator}"
                             f"{'' if year is None else f' / {year}'}{'' if kind is None else f' ({kind})'}")
    return f.iloc[0]


def value(entity_id: str, indicator: str, **where) -> float:
    """The fact's value as a number."""
    return float(fact(entity_id, indicator, **where)["value"])


def facts_about(entity_ids: list[str]) -> pd.DataFrame:
    """Every fact about these entities, in the order of facts.csv."""
    facts = data.facts()
    return facts[facts["entity_id"].isin(entity_ids)].reset_index(drop=True)


def case_figures(region_id: str) -> pd.DataFrame:
    """Every fact about a regional case: about the region or anything placed in it."""
    from .cases import case_facts

    facts = case_facts()
    return facts[facts["case_id"] == region_id].reset_index(drop=True)


def type_figures(type_id: str) -> pd.DataFrame:
    """Every fact about the exemplars of one platform type and the facilities inside them."""
    platforms = data.platforms()
    members = list(platforms.loc[platforms["type_id"] == type_id, "platform_id"])
    facilities = data.table("facilities")
    inside = list(facilities.loc[facilities["parent_id"].isin(members), "facility_id"])
    return facts_about(members + inside)
