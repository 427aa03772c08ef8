"""What a briefing says, decided once from data/ and in no language: which figures open it, which
measure its headline chart compares, which targets it sets against which results, and what each
section of its story holds. The prose and charts layers write it out in zh or en."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from .. import data
from .facts import case_figures, facts_about, one_row_per_range, type_figures

KINDS = ("overview", "platform_type", "region")
MONEY = ("CNY", "USD", "EUR", "GBP", "DKK")
# Page one is for scale, not detail: money, shares and counts lead; ranks follow; durations, distances
# and areas (a walk of 100 m, a 2-month wait) stay in the appendix unless nothing else is there.
HEADLINE_UNITS = {**{u: 0 for u in MONEY}, "percent": 1, "count": 2, "t": 3, "MW": 3, "streak": 4, "rank": 5}
KEY_FIGURES = {"region": 6, "platform_type": 6, "overview": 5}
MIN_KEY_FIGURES = 4


def key_figures(facts: pd.DataFrame, subject: str | None = None, n: int = 6) -> pd.DataFrame:
    """The `n` figures of page one, by one editorial rule: figures about the subject itself (for a region at
    most OWN_TILES, one per unit) and its industries and clusters (bio first) before those about firms or
    programmes in it; reported results before targets (targets at most a third of the
    tiles when there are results); one per indicator; by HEADLINE_UNITS (units outside it, and counts
    of kinds (indicators.counts: tiers, types, list entries), only when fewer than MIN_KEY_FIGURES
    remain, kinds last); within a rank, the sources' order. A stated range is one figure: the low end's
    row with the high end in `value_high` (NaN elsewhere). `same_label`: another tile measures the same
    thing, so each must say whose figure it is."""
    if facts.empty:
        return facts
    df = one_row_per_range(facts)
    df["_own"] = 0 if subject is None else df["entity_id"].map(lambda e: _nearness(e, subject))
    if "part_of" in df:  # a total of several industries is not one of them: its bio part says more
        df.loc[df["fact_id"].isin(df["part_of"].dropna()) & df["_own"].eq(1), "_own"] = 2
    df = _cap_the_places_own(df, n)
    kinds = df["indicator"].isin(kinds_counts())
    df["_unit"] = df["unit"].map(HEADLINE_UNITS).where(~kinds)
    headline = df[df["_unit"].notna()]
    if len(headline.drop_duplicates(["entity_id", "indicator"])) < min(MIN_KEY_FIGURES, n):
        headline = df.assign(_unit=df["_unit"].fillna(9).where(~kinds, 10))
    df = headline.assign(_pos=headline.index)
    df = df.sort_values(["_own", "_unit", "_pos"]).drop_duplicates(["entity_id", "indicator"])
    actual, targets = df[df["kind"] != "target"], df[df["kind"] == "target"]
    room = n - min(len(targets), max(n // 3, n - len(actual)))
    chosen = pd.concat([actual.head(room), targets.head(n - min(room, len(actual)))])
    order = chosen.sort_values(["kind", "_own", "_unit", "_pos"], key=lambda s: s.eq("target") if s.name == "kind" else s)
    order = order.assign(same_label=order["indicator"].duplicated(keep=False))
    return order.drop(columns=["_own", "_unit", "_pos"]).reset_index(drop=True)


# A region's key figures are about the place and what the collection is about: its own economy first, but
# at most OWN_TILES of it when its industries have figures; then the industries and clusters the sources
# name in it (facilities of kind network), those of the bio economy (生物 in the name) first.
OWN_TILES = 2
BIO = "生物"


def _nearness(entity_id: str, subject: str) -> int:
    """0: the subject; 1: a bio industry or cluster in the subject's region; 2: another of its industries or
    clusters; 3: anything else (a firm, a programme, a plan). Subjects that are not regions: 0 or 3."""
    if entity_id == subject:
        return 0
    fac = _industries()
    if entity_id in fac.index and fac.loc[entity_id, "region_id"] == subject:
        return 1 if BIO in str(fac.loc[entity_id, "name_zh"]) else 2
    return 3


_industries = data.derived(lambda: data.table("facilities").query("kind == 'network'").set_index("facility_id"),
                           shared=True)


def _cap_the_places_own(df: pd.DataFrame, n: int) -> pd.DataFrame:
    """The subject's own reported figures beyond OWN_TILES (one per unit, the best ranked first) sink below
    its industries' when those have figures, so page one is not a page of general-economy numbers."""
    own = df[(df["_own"] == 0) & (df["kind"] != "target")]
    if df["_own"].isin([1, 2]).sum() == 0 or len(own) <= OWN_TILES or n <= OWN_TILES:
        return df
    rank = own["unit"].map(HEADLINE_UNITS).fillna(9)
    keep = own.assign(_r=rank, _p=own.index).sort_values(["_r", "_p"]).drop_duplicates("unit").head(OWN_TILES).index
    sink = own.index.difference(keep)
    return df.assign(_own=df["_own"].where(~df.index.isin(sink), 2.5))


def kinds_counts() -> set[str]:
    """Indicators that count kinds, tiers, types or list entries (indicators.counts == 'kinds'): they say
    how something is organised, not how big it is."""
    ind = data.table("indicators")
    if "counts" not in ind:
        return set()
    return set(ind.loc[ind["counts"].fillna("").eq("kinds"), "indicator_id"])


# facilities whose figures are their owner's: a fund, a centre, a network … (not a member laboratory, a
# funder or a university placed under a platform, which are not the platform's)
OWNED_KINDS = frozenset({"fund", "facility", "centre", "network", "programme", "platform", "incubator"})


def _build_links() -> dict:
    fac = data.table("facilities")
    return {str(f): (k, None if pd.isna(p) else str(p))
            for f, k, p in zip(fac["facility_id"], fac["kind"], fac["parent_id"], strict=True)}


_links = data.derived(_build_links, shared=True)  # facility_id -> (kind, parent_id): plain dicts, looked up per entity


def owner_of(entity_id: str) -> str | None:
    """Whose a facility, fund, centre or programme is (facilities.parent_id, followed up through owned
    kinds to a platform or an organisation): CPI for its National Biologics Manufacturing Centre, ABF for
    its seed funding; None for anything else."""
    links = _links()
    owner, seen, here = None, {entity_id}, entity_id
    while here in links and links[here][0] in OWNED_KINDS:
        parent = links[here][1]
        if parent is None or parent in seen:
            break
        owner = here = parent
        seen.add(here)
    return owner


@dataclass(frozen=True)
class Subject:
    """One briefing's subject: its kind, id (None for the overview), the figures it holds and the
    entity its own figures are about."""
    kind: str
    id: str | None
    figures: pd.DataFrame = field(repr=False, compare=False)
    own: str | None = None
    # what is worked out once per briefing and asked for by several parts (its page one measure, its
    # targets beside their results): kept here, so a page that makes both languages works it out once
    memo: dict = field(default_factory=dict, repr=False, compare=False, hash=False)

    def once(self, key: str, make):
        if key not in self.memo:
            self.memo[key] = make()
        return self.memo[key]

    @property
    def tracked(self) -> pd.DataFrame:
        """Every stated target beside its reported result (targets_and_results of the figures)."""
        return self.once("tracked", lambda: targets_and_results(self.figures))


def subject(kind: str, id_: str | None = None) -> Subject:
    if kind == "region":
        return Subject(kind, id_, case_figures(id_), own=id_)
    if kind == "platform_type":
        return Subject(kind, id_, type_figures(id_))
    platforms = list(data.platforms()["platform_id"])
    return Subject(kind, None, facts_about([*platforms, "china"]), own="china")


def targets_and_results(facts: pd.DataFrame) -> pd.DataFrame:
    """Every stated target beside the reported result for the same entity and measure, if the sources
    give one (the latest dated no later than the deadline): columns of the target, plus result_* columns,
    empty where there is none."""
    from .targets import tracker_rows

    return tracker_rows(one_row_per_range(facts))  # a stated range is one target: 12—15个
