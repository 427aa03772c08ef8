"""The "policy mix": weight the recommendations, see which barriers and gaps are covered.

Pure logic, no display: `mix(weights)` takes a mapping rec_id (or the recommendation's number) -> weight (a number ≥ 0) and, from
`recommendation_links.csv`, returns every target (the three barriers, then every gap and pilot
challenge) with the total weight of the recommendations that address it. A target is *covered*
when that total is above `threshold` (default 0), otherwise it is *open*. Targets no
recommendation addresses at all stay open whatever the weights: the mix says so (`reachable`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from .. import data


class PolicyError(ValueError):
    """A weight that cannot be used: the message is one line and names the valid choices."""


@dataclass(frozen=True)
class Mix:
    weights: dict[str, float]    # every recommendation, in the article's order (missing ones = 0)
    targets: pd.DataFrame        # target_id, kind, name_zh, name_en, score, covered, reachable, by
    threshold: float

    @property
    def covered(self) -> list[str]:
        return list(self.targets.loc[self.targets["covered"], "target_id"])

    @property
    def open(self) -> list[str]:
        return list(self.targets.loc[~self.targets["covered"], "target_id"])

    @property
    def unreachable(self) -> list[str]:
        """Targets that no recommendation addresses in the data: open under every mix."""
        return list(self.targets.loc[~self.targets["reachable"], "target_id"])


def recommendation_ids(recs: pd.DataFrame | None = None) -> list[str]:
    recs = data.table("recommendations") if recs is None else recs
    return list(recs.sort_values("order")["rec_id"])


def targets_frame() -> pd.DataFrame:
    """Every possible target: barriers (kind 'barrier'), then gaps and pilot challenges (their kind)."""
    bar = data.table("barriers")
    gaps = data.table("gaps")
    return pd.concat([
        pd.DataFrame({"target_id": bar["barrier_id"], "kind": "barrier", "name_zh": bar["name_zh"],
                      "name_en": bar["name_en"]}),
        pd.DataFrame({"target_id": gaps["gap_id"], "kind": gaps["kind"], "name_zh": gaps["name_zh"],
                      "name_en": gaps["name_en"]}),
    ], ignore_index=True).astype({"target_id": str, "kind": str, "name_zh": str, "name_en": str})


def check_weights(weights: Mapping, valid: list[str]) -> dict[str, float]:
    """Every recommendation with its weight (0 where not given); one-line errors otherwise. A key is a
    recommendation id or its number in the article's order (1 for the first of `valid`): {2: 2, 6: 1}."""
    if not isinstance(weights, Mapping):
        raise PolicyError(f"weights must be a dict of recommendation number or id -> number, not "
                          f"{type(weights).__name__}; valid ids: {', '.join(valid)}")
    numbered = {n: rid for n, rid in enumerate(valid, start=1)}
    unknown = [k for k in weights if k not in valid and (isinstance(k, bool) or k not in numbered)]
    if unknown:
        raise PolicyError(f"unknown recommendation {unknown[0]!r}; valid choices: 1 to {len(valid)} or "
                          f"{', '.join(valid)}")
    given = [numbered.get(k, k) if not isinstance(k, str) else k for k in weights]
    if len(set(given)) < len(given):
        raise PolicyError("a recommendation is given twice (by its number and by its id); give it once")
    weights = dict(zip(given, weights.values(), strict=True))
    out = {}
    for rid in valid:
        w = weights.get(rid, 0)
        if isinstance(w, bool) or not isinstance(w, int | float) or w != w:
            raise PolicyError(f"weight for {rid!r} must be a number ≥ 0, not {w!r}")
        if w < 0:
            raise PolicyError(f"weight for {rid!r} must be ≥ 0, not {w}")
        out[rid] = float(w)
    return out


def mix(weights: Mapping, threshold: float = 0.0, links: pd.DataFrame | None = None,
        targets: pd.DataFrame | None = None, recs: pd.DataFrame | None = None) -> Mix:
    """Score every target by the total weight of the recommendations addressing it.

    `links`, `targets` and `recs` default to the data package (tests pass their own frames).
    """
    valid = recommendation_ids(recs)
    w = check_weights(weights, valid)
    links = data.table("recommendation_links") if links is None else links
    targets = targets_frame() if targets is None else targets.copy()
    by: dict[str, list[str]] = {tid: [] for tid in targets["target_id"]}
    for rid, tid in zip(links["rec_id"], links["target_id"], strict=True):
        if tid in by and rid in w:
            by[tid].append(rid)
    targets["by"] = [tuple(sorted(by[tid], key=valid.index)) for tid in targets["target_id"]]
    targets["score"] = [sum(w[r] for r in rids) for rids in targets["by"]]
    targets["covered"] = targets["score"] > threshold
    targets["reachable"] = targets["by"].map(bool)
    return Mix(w, targets.reset_index(drop=True), threshold)


def equal_weights(value: float = 1.0) -> dict[str, float]:
    """Every recommendation with the same weight."""
    return dict.fromkeys(recommendation_ids(), value)
