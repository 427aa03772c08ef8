"""The chain of stages and the barriers between them, read from barriers.csv."""

from __future__ import annotations

import pandas as pd


def chain_stages(barriers: pd.DataFrame) -> list[str]:
    """The stages in order, read from the barriers' stage_from → stage_to links."""
    nxt = dict(zip(barriers["stage_from"], barriers["stage_to"], strict=True))
    first = (set(nxt) - set(nxt.values())).pop()
    order = [first]
    while order[-1] in nxt:
        order.append(nxt[order[-1]])
    return order


# The article's introduction sets the industry in its policy context (seed 002, before section 1): these
# events, in the order the introduction gives them (a list of ids, like china.LAB_INDICATORS: which rows a
# passage covers is a choice of the lesson, the rows themselves are in events.csv).
INTRO_POLICY_EVENTS = ["us_bold_goals_2023_03", "uk_national_vision_2023_12_05", "ev_europe_platforms_pilot_bases",
                       "ev_14th_fyp_bioeconomy_plan", "china_cewc_2023_biomanufacturing"]


def intro_policy_events() -> pd.DataFrame:
    """The policy context of the article's introduction, in the introduction's order."""
    from .. import data

    ev = data.table("events").set_index("event_id")
    return ev.loc[[e for e in INTRO_POLICY_EVENTS if e in ev.index]].reset_index()


def platform_traits(type_id: str | None = None, kind: str | None = None) -> pd.DataFrame:
    """What the article says a platform type needs or how it is run (platform_traits.csv), with the name
    and definition taken from the glossary where a row points at a term; in file order."""
    from .. import data

    tr = data.table("platform_traits").copy()
    if type_id is not None:
        tr = tr[tr["type_id"] == type_id]
    if kind is not None:
        tr = tr[tr["kind"] == kind]
    terms = data.table("glossary").set_index("term_id")
    for lang in ("zh", "en"):
        for col, src in ((f"name_{lang}", f"name_{lang}"), (f"detail_{lang}", f"definition_{lang}")):
            from_term = tr["term_id"].map(lambda t, s=src: terms.loc[t, s] if isinstance(t, str) and t in terms.index
                                           else None)
            tr[col] = tr[col].where(tr[col].notna(), from_term)
    return tr.reset_index(drop=True)
