"""The regional cases and which entities, and so which facts, belong to each.

A case is a region the data places on the map (it carries city coordinates). An entity belongs to
the case its region lies in: the region itself or the nearest case above it.
"""

from __future__ import annotations

import pandas as pd

from .. import data, toc
from ..fmt import text as _text
from ..i18n import t


def own_notebook() -> tuple[str, ...]:
    """The cases with a lesson of their own (notebooks/toc.yml); notebook 09 covers the others."""
    return toc.own_notebook_cases()


def case_ids() -> list[str]:
    """The regional cases' region ids, in data order."""
    return list(cases()["region_id"])



def cases() -> pd.DataFrame:
    """The regional cases: regions with city coordinates, in data order."""
    r = data.table("regions")
    return r[r["lat"].notna() & r["lon"].notna()].reset_index(drop=True)


def case_of_region() -> dict[str, str]:
    """region_id -> the case it lies in (itself, or the nearest case above it)."""
    r = data.table("regions")
    parent = {i: _text(p) for i, p in zip(r["region_id"], r["parent_id"], strict=True)}
    ids = set(cases()["region_id"])
    out = {}
    for rid in parent:
        cur, seen = rid, set()
        while cur and cur not in ids and cur not in seen:
            seen.add(cur)
            cur = parent.get(cur, "")
        if cur in ids:
            out[rid] = cur
    return out


def case_of_entity() -> dict[str, str]:
    """entity_id -> case, through the entity's region."""
    by_region = case_of_region()
    out = dict(by_region)
    for name, key in (("facilities", "facility_id"), ("firms", "firm_id"), ("products", "product_id"),
                      ("plans", "plan_id"), ("plan_items", "item_id")):
        df = data.table(name)
        for eid, rid in zip(df[key], df["region_id"], strict=True):
            if _text(rid) in by_region:
                out.setdefault(eid, by_region[_text(rid)])
    # a product with no case of its own belongs to the case of a component placed in one (products.part_of:
    # the Luoyang main-shaft bearing brings the 17 MW turbine it is fitted to, built in Fuqing)
    products = data.table("products")
    if "part_of" in products.columns:
        for eid, whole in zip(products["product_id"], products["part_of"], strict=True):
            if _text(whole) and eid in out:
                out.setdefault(_text(whole), out[eid])
    return out


def case_facts() -> pd.DataFrame:
    """Facts about the cases, with case_id and the case's names (case_zh / case_en)."""
    f = data.facts()
    f = f.assign(case_id=f["entity_id"].map(case_of_entity()))
    f = f[f["case_id"].notna()]
    names = cases().set_index("region_id")
    return f.assign(case_zh=f["case_id"].map(names["name_zh"]), case_en=f["case_id"].map(names["name_en"]))


def count_rows(entity_id: str) -> pd.DataFrame:
    """An entity's count-unit figures (one unit, so one axis)."""
    f = data.facts(entity_id)
    return f[f["unit"] == "count"]


def item_of(facts: pd.DataFrame) -> pd.Series:
    """The item (data/source_items.csv item_id) each fact is cited to, aligned with `facts`: on a seed that
    holds several items, the item reporting on the case the fact's entity belongs to (model.cases); None where
    the seed has no items, or none of them reports on that case: the seed's own citation (its lead story's)."""
    if "entity_id" not in facts:  # rows of a table that names no entity: each cites its seed
        return pd.Series([None] * len(facts), index=facts.index, dtype=object)
    items = data.table("source_items")
    items = items[items["region_id"].notna()]
    by_case = {(s, c): i for s, c, i in zip(items["source_id"], items["region_id"], items["item_id"], strict=True)}
    cases = facts["entity_id"].map(case_of_entity())
    return pd.Series([by_case.get((s, _text(c))) for s, c in zip(facts["source"], cases, strict=True)],
                     index=facts.index, dtype=object)


def source_names(rows: pd.DataFrame, lang: str) -> list[str]:
    """Each row's source as a chart's source line names it (no file name): a newspaper item's headline (《》 in
    Chinese; the item's description where the seed prints no headline) on a page holding several items, else
    the seed's short title; '' for a row with no source."""
    items = item_of(rows)
    pairs = [(s if isinstance(s, str) else "", i if isinstance(i, str) else "") for s, i in zip(rows["source"], items,
                                                                                             strict=True)]
    src = data.sources().set_index("source_id")
    heads = data.table("source_items").set_index("item_id")
    named = {}
    for s, i in dict.fromkeys(pairs):  # a few sources behind many rows (a 10,000-row registry: one)
        if i:
            head = heads.loc[i]
            quoted = isinstance(head["headline_quote"], str) and head["headline_quote"]
            named[s, i] = t("cite_title", lang, title=head[f"headline_{lang}"]) if quoted else str(head[f"headline_{lang}"])
        else:
            named[s, i] = str(src.loc[s, f"short_{lang}"]) if s in src.index else ""
    return [named[p] for p in pairs]
