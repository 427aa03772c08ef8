"""The target tracker's logic, kept pure: every target with its deadline, a baseline where the data
has one, progress only where a baseline exists, and the plan action each target belongs to.

A baseline is an *actual* value for the same entity and indicator in the same unit, dated no later
than the deadline (or undated). Where there is none, the tracker says so; it never invents one.
"""

from __future__ import annotations

import re

import pandas as pd

from .. import data
from ..fmt import text as _text


def tracker_rows(facts: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every target fact with its deadline, baseline (if any), progress and status.

    status: 'progress' (a baseline exists), 'no_baseline', or 'not_comparable' (baseline in another unit).
    progress is baseline / target in percent, only where status is 'progress'.
    """
    return _all_rows() if facts is None else _rows(facts)


def _rows(facts: pd.DataFrame) -> pd.DataFrame:
    names = data.entity_index()
    targets = facts[facts["kind"] == "target"].copy()
    actuals = facts[facts["kind"] == "actual"]
    out = []
    for _, r in targets.iterrows():
        same = actuals[(actuals["entity_id"] == r["entity_id"]) & (actuals["indicator"] == r["indicator"])]
        dated = same[same["year"].notna()]
        dated = dated[dated["year"] <= r["year"]] if pd.notna(r["year"]) else dated
        pool = dated.sort_values("year") if not dated.empty else same[same["year"].isna()]
        row = {c: r[c] for c in ("fact_id", "entity_id", "indicator", "value", "unit", "year", "qualifier",
                                 "source", "quote", "note", "indicator_zh", "indicator_en", "measure_zh")}
        row["value_high"] = r.get("value_high", float("nan"))  # a range's high end (model.facts.one_row_per_range)
        ent = names.loc[r["entity_id"]] if r["entity_id"] in names.index else None
        row["entity_zh"] = _text(ent["name_zh"]) if ent is not None else r["entity_id"]
        row["entity_en"] = _text(ent["name_en"]) if ent is not None else r["entity_id"]
        row.update(baseline_fact_id=None, baseline_value=float("nan"), baseline_year=pd.NA,
                   baseline_unit=None, baseline_qualifier=None, progress=float("nan"), status="no_baseline")
        if not pool.empty:
            b = pool.iloc[-1]
            row.update(baseline_fact_id=b["fact_id"], baseline_value=float(b["value"]), baseline_year=b["year"],
                       baseline_unit=b["unit"], baseline_qualifier=b["qualifier"])
            if b["unit"] == r["unit"] and r["value"]:
                row.update(progress=float(b["value"]) / float(r["value"]) * 100, status="progress")
            else:
                row["status"] = "not_comparable"
        out.append(row)
    cols = ["fact_id", "entity_id", "entity_zh", "entity_en", "indicator", "indicator_zh", "indicator_en",
            "value", "value_high", "unit", "qualifier", "year", "baseline_fact_id", "baseline_value", "baseline_year",
            "baseline_unit", "baseline_qualifier", "progress", "status", "source", "quote", "note", "measure_zh"]
    return pd.DataFrame(out, columns=cols)


_all_rows = data.derived(lambda: _rows(data.facts()))  # a lesson asks for them from several views


# --- which plan action a target belongs to -------------------------------------------------------

def _norm(text) -> str:
    """Whitespace out, full-width punctuation to ASCII: the seed and the summaries differ only there."""
    s = re.sub(r"\s+", "", _text(text))
    return s.translate(str.maketrans("，：；（）", ",:;()"))


def action_of(targets: pd.DataFrame, plan_id: str) -> pd.DataFrame:
    """For each target, the plan item (task or goal) whose text contains the target's quote, and the
    top-level group (an action, or a goal) it sits under. Computed from plan_items, not typed.

    Returns columns fact_id, item_id, group_id (None where no item matches)."""
    items = data.table("plan_items")
    items = items[(items["plan_id"] == plan_id) & items["kind"].isin(["task", "goal", "action"])]
    parent = {i: _text(p) or None for i, p in zip(items["item_id"], items["parent_id"], strict=True)}
    texts = {i: (_norm(n), _norm(d)) for i, n, d in zip(items["item_id"], items["name_zh"], items["detail_zh"],
                                                         strict=True)}
    def specific(parts):
        hits = [i for i, (name, detail) in texts.items()
                if any(p and (p in name or p in detail or (len(name) >= 4 and name in p)) for p in parts)]
        # the most specific item: drop a hit whose child is also a hit
        return [h for h in hits if not any(parent.get(o) == h for o in hits)]

    rows = []
    for _, r in targets.iterrows():
        parts = [_norm(p) for p in _text(r["quote"]).split(" … ") if p.strip()]
        hits = specific(parts)
        if len(hits) > 1:  # one target stated twice (a goal, and the task restating it): its first mention places it
            hits = next((h for h in (specific([p]) for p in parts) if len(h) == 1), hits)
        item = hits[0] if len(hits) == 1 else None
        group = item
        while group is not None and parent.get(group):
            group = parent[group]
        rows.append({"fact_id": r["fact_id"], "item_id": item, "group_id": group})
    return pd.DataFrame(rows, columns=["fact_id", "item_id", "group_id"])


def groups(plan_id: str) -> pd.DataFrame:
    """The plan's top-level goals and actions in order: the groups targets are shown under."""
    items = data.table("plan_items")
    top = items[(items["plan_id"] == plan_id) & items["parent_id"].isna() & items["kind"].isin(["goal", "action"])]
    # goals with children (e.g. "1354") first, then the actions in their order
    has_children = set(items["parent_id"].dropna())
    top = top[(top["kind"] == "action") | top["item_id"].isin(has_children)]
    return top.assign(_k=top["kind"].map({"goal": 0, "action": 1})).sort_values(["_k", "order"]).drop(columns="_k")



