"""The concept map: platform type -> barrier -> China's gap -> recommendation -> regional example.

Pure logic, no words: the nodes and links as tidy rows, every link derived from a table of data/:

- type -> barrier: `barriers.csv` type_id (the barrier each platform type bridges, seed 002);
- barrier -> gap: `gaps.csv` barrier_id (only the gaps the data ties to a barrier; its note says how);
- gap -> recommendation and barrier -> recommendation: `recommendation_links.csv`, each with its quote;
- recommendation -> regional example: derived, not stated by any seed: an example (`regional_platforms.csv`,
  classified editorially) is linked to every recommendation that addresses its barrier, or a gap the data
  ties to that barrier.

Node keys are `<column>:<id>` (never shown); names come in both languages from the tables.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from .. import data
from ..choices import ChoiceError, check_choice
from . import cases

COLUMNS = ("type", "barrier", "gap", "recommendation", "example")
LINK_KINDS = ("type_barrier", "barrier_gap", "gap_recommendation", "barrier_recommendation",
              "recommendation_example")
TYPE_ORDER = ("technology_innovation", "pilot_scale", "industry_incubation")


def key(column: str, entity_id: str) -> str:
    return f"{column}:{entity_id}"


def region_order() -> list[str]:
    """The cases in the lessons' order: those with a notebook of their own (06-08), then the others (09)."""
    own = list(cases.own_notebook())
    return own + [r for r in cases.case_ids() if r not in own]


def examples() -> pd.DataFrame:
    """The regional examples, grouped by case (in the lessons' order), then by platform type."""
    ex = data.table("regional_platforms").copy()
    regions = region_order()
    ex["_r"] = ex["region_id"].map({r: i for i, r in enumerate(regions)}).fillna(len(regions))
    ex["_t"] = ex["type_id"].map({t: i for i, t in enumerate(TYPE_ORDER)})
    ex["_i"] = range(len(ex))
    return ex.sort_values(["_r", "_t", "_i"], kind="stable").drop(columns=["_r", "_t", "_i"]).reset_index(drop=True)


def _gap_order(gaps: pd.DataFrame, links: pd.DataFrame, recs: pd.DataFrame) -> pd.DataFrame:
    """Gaps tied to a barrier first (in the barriers' order), then the rest by the first recommendation
    that addresses them, so that links cross as little as possible."""
    bar = {b: i for i, b in enumerate(data.table("barriers")["barrier_id"])}
    order = recs.set_index("rec_id")["order"]
    first = links.assign(o=links["rec_id"].map(order)).groupby("target_id")["o"].min()
    g = gaps.copy()
    g["_b"] = g["barrier_id"].map(bar).fillna(len(bar))
    g["_f"] = g["gap_id"].map(first)
    g["_i"] = range(len(g))
    return g.sort_values(["_b", "_f", "_i"], kind="stable").drop(columns=["_b", "_f", "_i"])


def _build() -> tuple[pd.DataFrame, pd.DataFrame]:
    types = data.table("platform_types").set_index("type_id").loc[list(TYPE_ORDER)].reset_index()
    barriers = data.table("barriers")
    barriers = barriers.set_index("type_id").loc[list(TYPE_ORDER)].reset_index()
    gaps = data.table("gaps")
    recs = data.table("recommendations").sort_values("order")
    rlinks = data.table("recommendation_links")
    ex = examples()
    barrier_ids, gap_ids = set(barriers["barrier_id"]), set(gaps["gap_id"])

    link_rows: list[dict] = []

    def link(kind, src, dst, row):
        link_rows.append({"source_node": src, "target_node": dst, "kind": kind,
                          "source": row["source"], "quote": row["quote"]})

    for _, b in barriers.iterrows():
        link("type_barrier", key("type", b["type_id"]), key("barrier", b["barrier_id"]), b)
    for _, g in gaps[gaps["barrier_id"].notna()].iterrows():
        link("barrier_gap", key("barrier", g["barrier_id"]), key("gap", g["gap_id"]), g)
    for _, r in rlinks.iterrows():
        if r["target_id"] in barrier_ids:
            link("barrier_recommendation", key("barrier", r["target_id"]), key("recommendation", r["rec_id"]), r)
        elif r["target_id"] in gap_ids:
            link("gap_recommendation", key("gap", r["target_id"]), key("recommendation", r["rec_id"]), r)
    # recommendation -> example: the recommendations that address the example's barrier or one of its gaps
    gaps_of = gaps.dropna(subset=["barrier_id"]).groupby("barrier_id")["gap_id"].apply(set)
    for _, e in ex.iterrows():
        reached = {e["barrier_id"], *gaps_of.get(e["barrier_id"], set())}
        for rid in recs["rec_id"]:
            if set(rlinks.loc[rlinks["rec_id"] == rid, "target_id"]) & reached:
                link("recommendation_example", key("recommendation", rid), key("example", e["example_id"]), e)
    links = pd.DataFrame(link_rows, columns=["source_node", "target_node", "kind", "source", "quote"])

    linked_gaps = {n.split(":", 1)[1] for n in pd.concat([links["source_node"], links["target_node"]])
                   if n.startswith("gap:")}
    gaps = _gap_order(gaps[gaps["gap_id"].isin(linked_gaps)], rlinks, recs)
    parts = [
        pd.DataFrame({"column": "type", "id": types["type_id"], "name_zh": types["name_zh"], "name_en": types["name_en"],
                      "type_id": types["type_id"], "barrier_id": types["barrier_id"], "kind": "type",
                      "source": types["source"]}),
        pd.DataFrame({"column": "barrier", "id": barriers["barrier_id"], "name_zh": barriers["name_zh"],
                      "name_en": barriers["name_en"], "type_id": barriers["type_id"],
                      "barrier_id": barriers["barrier_id"], "kind": "barrier", "source": barriers["source"]}),
        pd.DataFrame({"column": "gap", "id": gaps["gap_id"], "name_zh": gaps["name_zh"], "name_en": gaps["name_en"],
                      "barrier_id": gaps["barrier_id"], "kind": gaps["kind"], "source": gaps["source"]}),
        pd.DataFrame({"column": "recommendation", "id": recs["rec_id"], "name_zh": recs["name_zh"],
                      "name_en": recs["name_en"], "order": recs["order"], "kind": "recommendation",
                      "source": recs["source"]}),
        pd.DataFrame({"column": "example", "id": ex["example_id"], "name_zh": ex["name_zh"], "name_en": ex["name_en"],
                      "type_id": ex["type_id"], "barrier_id": ex["barrier_id"], "region_id": ex["region_id"],
                      "kind": "example", "source": ex["source"]}),
    ]
    cols = ["column", "id", "name_zh", "name_en", "kind", "type_id", "barrier_id", "region_id", "order", "source"]
    nodes = pd.concat(parts, ignore_index=True).reindex(columns=cols)
    nodes.insert(0, "node", [key(c, i) for c, i in zip(nodes["column"], nodes["id"], strict=True)])
    return nodes.reset_index(drop=True), links


# built once per data folder, handed out as copies (data.clear_cache forgets them)
nodes = data.derived(lambda: _build()[0])
nodes.__doc__ = """One row per node: node (key), column, id, name_zh, name_en, kind, type_id, barrier_id,
region_id, order (recommendations), source; in drawing order, column by column."""
links = data.derived(lambda: _build()[1])
links.__doc__ = """One row per link: source_node, target_node, kind (LINK_KINDS), and the source and quote of the
row of data/ it comes from (for a recommendation -> example link: the example's own row)."""


def _reach(start: str, step: dict[str, set[str]]) -> set[str]:
    seen, todo = set(), [start]
    while todo:
        for nxt in step.get(todo.pop(), ()):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


def _build_paths() -> pd.DataFrame:
    """(node, member, side): `member` is on a path through `node`, upstream ('up'), downstream ('down') or
    the node itself ('self').

    A recommendation -> example link holds because of the example's barrier, so a path through an example
    runs only through that barrier, its platform type and its gaps (not through every gap of the
    recommendation), and a path from a type, barrier or gap reaches only the examples of its own barrier
    (a gap tied to no barrier reaches none). A recommendation reaches all it links."""
    nd, lk = nodes(), links()
    down: dict[str, set[str]] = {}
    up: dict[str, set[str]] = {}
    for s, d in zip(lk["source_node"], lk["target_node"], strict=True):
        down.setdefault(s, set()).add(d)
        up.setdefault(d, set()).add(s)
    barrier = {}
    for n, col, b in zip(nd["node"], nd["column"], nd["barrier_id"], strict=True):
        barrier[n] = b if col != "recommendation" and isinstance(b, str) else None
    rows = []
    for n, col in zip(nd["node"], nd["column"], strict=True):
        above, below = _reach(n, up), _reach(n, down)
        if col == "example":
            above = {m for m in above if m.startswith("recommendation:") or barrier[m] == barrier[n]}
        elif col != "recommendation":
            below = {m for m in below if not m.startswith("example:") or barrier[m] == barrier[n]}
        rows.append((n, n, "self"))
        rows += [(n, m, "up") for m in sorted(above)]
        rows += [(n, m, "down") for m in sorted(below)]
    return pd.DataFrame(rows, columns=["node", "member", "side"])


paths = data.derived(_build_paths)


def _side(node: str, side: str) -> set[str]:
    p = paths()
    return set(p.loc[(p["node"] == node) & (p["side"] == side), "member"])


def upstream(node: str) -> set[str]:
    return _side(node, "up")


def downstream(node: str) -> set[str]:
    return _side(node, "down")


def related(node: str) -> set[str]:
    """Every node on a path through `node` (itself, what leads to it, what it leads to)."""
    p = paths()
    return set(p.loc[p["node"] == node, "member"])


def on_path(up: set[str], down: set[str], node: str, source: str, target: str) -> bool:
    """Whether the link source -> target lies on a path through `node` (given its upstream and downstream)."""
    return (source in up and (target in up or target == node)) or ((source in down or source == node) and target in down)


def example_regions() -> list[str]:
    """The cases that have regional examples, in the cases' order."""
    used = set(data.table("regional_platforms")["region_id"])
    return [r for r in region_order() if r in used]


def check_regions(region: str | Iterable[str] | None) -> list[str]:
    """`region` as a list of case ids (None: []); a case with no regional example alone is an error
    naming the cases that have some."""
    if region is None:
        return []
    ids = [region] if isinstance(region, str) else list(region)
    for r in ids:
        check_choice("region", r, cases.case_ids())
    if ids and not set(ids) & set(example_regions()):
        raise ChoiceError(f"region={region!r} has no regional example in data/regional_platforms.csv; "
                          f"valid choices: {', '.join(example_regions())}")
    return ids


def region_nodes(region: str | Iterable[str] | None) -> set[str]:
    """The example nodes of `region`, and every node on a path through one of them."""
    ids = check_regions(region)
    ex = nodes()
    mine = ex.loc[(ex["column"] == "example") & ex["region_id"].isin(ids), "node"]
    out: set[str] = set()
    for n in mine:
        out |= related(n)
    return out


def example_paths(region: str | Iterable[str] | None = None) -> pd.DataFrame:
    """For each example (of `region`, or all): its type, barrier, the gaps the data ties to that barrier that a
    linked recommendation addresses, and those recommendations; ids in lists, in drawing order."""
    ids = check_regions(region)
    nd = nodes()
    lk = links()
    gaps_of = lk[lk["kind"] == "barrier_gap"].groupby("source_node")["target_node"].apply(list)
    rows = []
    for _, e in nd[nd["column"] == "example"].iterrows():
        if ids and e["region_id"] not in ids:
            continue
        above = upstream(e["node"])
        recs = [r for r in nd.loc[nd["column"] == "recommendation", "node"] if r in above]
        gaps = [g for g in gaps_of.get(key("barrier", e["barrier_id"]), []) if g in above]
        rows.append({"example_id": e["id"], "region_id": e["region_id"], "type_id": e["type_id"],
                     "barrier_id": e["barrier_id"], "gap_ids": [g.split(":", 1)[1] for g in gaps],
                     "rec_ids": [r.split(":", 1)[1] for r in recs]})
    return pd.DataFrame(rows, columns=["example_id", "region_id", "type_id", "barrier_id", "gap_ids", "rec_ids"])
