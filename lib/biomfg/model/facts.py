"""The one way to look up figures: every fact about some entities, and the one fact a sentence quotes."""

from __future__ import annotations

import pandas as pd

from .. import data, fmt
from ..i18n import t


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


# --- a figure and whose it is, as tiles and chart labels say them -----------------------------------

def figure_text(row, lang: str) -> str:
    """A figure as a tile writes it: `fmt.fact`, or for a stated range merged into one row (its high
    end in `value_high`, model.brief.key_figures) the span, 12–15 / 12至15个, never one end alone."""
    high = row.get("value_high")
    if high is None or pd.isna(high):
        return fmt.fact(row, lang)
    return fmt.span(row["value"], high, row["unit"], lang, fmt.text(row.get("measure_zh")))


def whose(entity_id: str, lang: str) -> str:
    """An entity's name as a figure's label says whose it is: a facility, fund or centre with the name of
    its owner (model.brief.owner_of) unless its own name says it already: CPI国家生物制剂制造中心 /
    CPI's National Biologics Manufacturing Centre, ABF种子资金; 'ABF seed funding' stays as it is."""
    return whose_names(lang).get(entity_id, str(entity_id))


def whose_names(lang: str) -> dict:
    """entity_id -> its name as `whose` says it, for every entity (made once per data folder)."""
    return _whose_names()[lang]


def _build_whose() -> pd.DataFrame:
    from .brief import owner_of  # brief imports this module

    ents = data.entity_index()
    plats = data.platforms().set_index("platform_id")
    out = {}
    for lang in ("zh", "en"):
        col = []
        for eid, name in ents[f"name_{lang}"].items():
            name, owner = str(name), owner_of(eid)
            if owner is not None:
                full = str(ents[f"name_{lang}"].get(owner, owner))
                short = fmt.text(plats.loc[owner, "abbr"]) if owner in plats.index else ""
                if not ((short and short in name) or full in name):
                    if lang == "en" and name.startswith("The "):  # The Biorefinery Centre -> X's Biorefinery Centre
                        name = name[4:]
                    who = short or full
                    if lang == "zh" and who[-1:].isascii() and who[-1:].isalnum() and name[:1].isascii() \
                            and name[:1].isalnum():
                        who += " "  # two Latin names side by side keep a space: CPI RNA卓越中心
                    name = t("fx_owned", lang, owner=who, name=name)
            col.append(name)
        out[lang] = col
    return {lang: dict(zip(ents.index, col, strict=True)) for lang, col in out.items()}


_whose_names = data.derived(_build_whose)  # a dict of dicts: derived hands out a (shallow) copy


def one_row_per_range(facts: pd.DataFrame) -> pd.DataFrame:
    """The facts with each stated range as one row: the low end's row (qualifier range_low kept) with the
    high end's value in `value_high`, the high end's own row dropped; same entity, indicator, unit, kind
    and year. `value_high` is NaN for every other row."""
    df = facts.assign(value_high=float("nan"))
    q = df["qualifier"].astype("string").fillna("")
    years = df["year"].astype("string").fillna("")
    same = ["entity_id", "indicator", "unit", "kind"]
    drop = []
    for i in df.index[q.eq("range_low")]:
        high = df.index[q.eq("range_high") & (df[same] == df.loc[i, same]).all(axis=1) & years.eq(years[i])]
        high = [h for h in high if h not in drop]
        if high:
            df.loc[i, "value_high"] = float(df.loc[high[0], "value"])
            drop.append(high[0])
    return df.drop(index=drop)
