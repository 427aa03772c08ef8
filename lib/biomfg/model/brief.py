"""What a briefing says, decided once from data/ and in no language: which figures open it, which
measure its headline chart compares, which targets it sets against which results, and what each
section of its story holds. The prose and charts layers write it out in zh or en."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from .. import data
from .facts import case_figures, facts_about, type_figures

KINDS = ("overview", "platform_type", "region")
MONEY = ("CNY", "USD", "EUR", "GBP", "DKK")
# Page one is for scale, not detail: money, shares and counts lead; ranks follow; durations, distances
# and areas (a walk of 100 m, a 2-month wait) stay in the appendix unless nothing else is there.
HEADLINE_UNITS = {**{u: 0 for u in MONEY}, "percent": 1, "count": 2, "t": 3, "MW": 3, "streak": 4, "rank": 5}
KEY_FIGURES = {"region": 6, "platform_type": 6, "overview": 5}
MIN_KEY_FIGURES = 4


def key_figures(facts: pd.DataFrame, subject: str | None = None, n: int = 6) -> pd.DataFrame:
    """The `n` figures of page one, by one editorial rule: figures about the subject itself before those
    about firms or programmes in it; reported results before targets (targets at most a third of the
    tiles when there are results); one per indicator; by HEADLINE_UNITS (units outside it only when
    fewer than MIN_KEY_FIGURES remain); within a rank, the sources' order."""
    if facts.empty:
        return facts
    df = facts.copy()
    df["_own"] = 0 if subject is None else (df["entity_id"] != subject).astype(int)
    df["_unit"] = df["unit"].map(HEADLINE_UNITS)
    headline = df[df["_unit"].notna()]
    if len(headline.drop_duplicates(["entity_id", "indicator"])) < min(MIN_KEY_FIGURES, n):
        headline = df.assign(_unit=df["_unit"].fillna(9))
    df = headline.assign(_pos=headline.index)
    df = df.sort_values(["_own", "_unit", "_pos"]).drop_duplicates(["entity_id", "indicator"])
    actual, targets = df[df["kind"] != "target"], df[df["kind"] == "target"]
    room = n - min(len(targets), max(n // 3, n - len(actual)))
    chosen = pd.concat([actual.head(room), targets.head(n - min(room, len(actual)))])
    order = chosen.sort_values(["kind", "_own", "_unit", "_pos"], key=lambda s: s.eq("target") if s.name == "kind" else s)
    return order.drop(columns=["_own", "_unit", "_pos"]).reset_index(drop=True)


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

    return tracker_rows(facts)
