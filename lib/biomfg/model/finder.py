"""The platform finder, in the spirit of Pilots4U's matching service: pure functions, no widgets.

You state a stage (lab / pilot / scale-up / market), a scale in litres, a sector, a need and a
region; `find(...)` returns the exemplar platforms ranked by fit, each with the reasons for its rank.
Every answer comes from data/: what a platform serves is `platform_capabilities.csv` (each row with
a verbatim quote), the volumes it runs are the facts in litres about it or its facilities.

Stage, need and region are requirements: a platform that does not serve them is left out. Kind,
sector and scale rank the rest: a platform of the kind the source names for the stage asked (its
Table 2 "scale-up platforms", 中试放大平台, for pilot and scale-up) counts 1; a stated sector or a scale
within the stated volumes counts 1, a near match (a scale below the smallest stated vessel, or a stage
served where no volume is stated) 0.5, nothing stated 0. Without the kind, the four pilot-scale
platforms, which the source describes with fewer capability rows, fell below the others for a pilot
query; the kind is the source's own classification, so it ranks first among equals of evidence.
"""

from __future__ import annotations

import functools
import math
import numbers
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .. import data
from ..choices import check_choice

STAGES = ("lab", "pilot", "scale_up", "market")
SECTORS = ("pharma", "food", "materials", "chemicals", "energy")
NEEDS = ("equipment", "funding", "incubation", "talent")
REGIONS = ("north_america", "europe")
CHOICES = {"stage": STAGES, "sector": SECTORS, "need": NEEDS, "region": REGIONS}
REQUIRED = ("stage", "need", "region")  # hard filters; kind, sector and scale only rank
# The platform kind (platform_types.csv) the source names for a stage: pilot-scale platforms provide the
# facilities between R&D and volume production. Lab and market are served by more than one kind (the
# technology-innovation and incubation platforms both run labs), so no kind is preferred for them.
STAGE_TYPE = {"pilot": "pilot_scale", "scale_up": "pilot_scale"}
# Scale bands of the scale ladder (litres): bench < 10 <= pilot < 1,000 <= demonstration < 10,000 <= production
BANDS = (("bench", 0.0, 10.0), ("pilot", 10.0, 1_000.0), ("demonstration", 1_000.0, 10_000.0),
         ("production", 10_000.0, math.inf))
BAND_STAGE = {"bench": "lab", "pilot": "pilot", "demonstration": "scale_up", "production": "scale_up"}
MAX_SCALE_L = 10_000_000.0  # ten million litres: far beyond any bioreactor; larger is a typo

@dataclass(frozen=True)
class Reason:
    """One reason for a rank: which criterion, how it fared, and the evidence."""
    criterion: str          # stage | need | region | kind | sector | scale
    status: str             # met | near | missed | unknown
    value: str = ""         # the value asked for (or the scale band)
    detail: str = ""        # for scale: the stated volumes, formatted later
    quote: str = ""
    low: float | None = None
    high: float | None = None


@dataclass
class Match:
    platform_id: str
    score: float
    reasons: list[Reason] = field(default_factory=list)


@dataclass(frozen=True)
class Index:
    """Everything the finder needs, read once from data/."""
    order: tuple[str, ...]                                   # platform ids in the data's order
    serves: dict[str, dict[str, dict[str, str]]]             # pid -> dimension -> value -> quote
    volumes: dict[str, tuple[float, float, str]]             # pid -> (smallest L, largest L, quote)
    kinds: dict[str, str] = field(default_factory=dict)      # pid -> type_id
    kind_quotes: dict[str, str] = field(default_factory=dict)  # type_id -> the quote saying what it does


def platform_of(entity_id: str, parents: dict, platform_ids) -> str | None:
    """The exemplar platform an entity belongs to: itself, or the first platform up its parent chain
    (parents: facility_id -> parent_id)."""
    seen = set()
    while entity_id is not None and entity_id is not pd.NA and entity_id not in seen:
        if entity_id in platform_ids:
            return entity_id
        seen.add(entity_id)
        entity_id = parents.get(entity_id)
    return None


def platform_facts(facts: pd.DataFrame | None = None) -> pd.DataFrame:
    """Facts about the exemplars and their facilities, with the owning `platform_id` added."""
    facts = data.facts() if facts is None else facts
    pids = set(data.table("platforms")["platform_id"])
    fac = data.table("facilities")
    parents = dict(zip(fac["facility_id"], fac["parent_id"], strict=True))
    owner = {e: platform_of(e, parents, pids) for e in facts["entity_id"].unique()}
    out = facts.assign(platform_id=facts["entity_id"].map(owner))
    return out[out["platform_id"].notna()].reset_index(drop=True)


def volume_facts() -> pd.DataFrame:
    """The volumes in litres stated for each exemplar or one of its facilities."""
    f = platform_facts()
    return f[f["unit"] == "L"].reset_index(drop=True)


def volume_spans(volumes: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per exemplar with a stated volume: its smallest and largest stated volume in litres,
    its facilities' included (platform_id, low, high, quote). The one computation of a platform's
    volumes: the finder judges a scale by it and the scale ladder draws it, so the two always agree."""
    volumes = volume_facts() if volumes is None else volumes
    out = []
    for pid, rows in volumes.groupby("platform_id", sort=False):
        lo, hi = rows.loc[rows["value"].idxmin()], rows.loc[rows["value"].idxmax()]
        quote = lo["quote"] if lo["fact_id"] == hi["fact_id"] else f"{lo['quote']} … {hi['quote']}"
        out.append({"platform_id": pid, "low": float(lo["value"]), "high": float(hi["value"]), "quote": str(quote)})
    return pd.DataFrame(out, columns=["platform_id", "low", "high", "quote"])


def _build_index() -> Index:
    plats = data.table("platforms")
    caps = data.table("platform_capabilities")
    serves: dict[str, dict[str, dict[str, str]]] = {p: {d: {} for d in CHOICES} for p in plats["platform_id"]}
    for pid, dim, val, quote in caps[["platform_id", "dimension", "value", "quote"]].itertuples(index=False):
        serves[pid][dim][val] = str(quote)
    volumes = {pid: (lo, hi, quote) for pid, lo, hi, quote in volume_spans().itertuples(index=False)}
    types = data.table("platform_types")
    return Index(tuple(plats["platform_id"]), serves, volumes, dict(zip(plats["platform_id"], plats["type_id"], strict=True)),
                 dict(zip(types["type_id"], types["quote"].astype(str), strict=True)))


@functools.cache
def _index_for(folder: Path) -> Index:
    return _build_index()


def index() -> Index:
    """The finder's view of data/ (read once per data folder)."""
    return _index_for(data.data_dir())


def check_scale(scale_l) -> float | None:
    """A scale in litres, or None for 'any'. Anything else raises a one-line ValueError."""
    if scale_l is None:
        return None
    rng = f"give litres as a number greater than 0 and at most {MAX_SCALE_L:,.0f}"
    if isinstance(scale_l, bool) or not isinstance(scale_l, numbers.Real):
        raise ValueError(f"scale_l={scale_l!r} is not a number: {rng}")
    value = float(scale_l)
    if not math.isfinite(value) or value <= 0 or value > MAX_SCALE_L:
        raise ValueError(f"scale_l={scale_l!r} is out of range: {rng}")
    return value


def band(scale_l: float) -> str:
    """The scale band of a volume: bench, pilot, demonstration or production."""
    value = check_scale(scale_l)
    return next(name for name, lo, hi in BANDS if lo <= value < hi)


def _check_choice(name: str, value) -> str | None:
    """The value, None for 'any'; a ChoiceError naming the choices otherwise."""
    return None if value is None or value == "any" else check_choice(name, value, CHOICES[name], also=("any",))


def find(stage=None, scale_l=None, sector=None, need=None, region=None, idx: Index | None = None) -> list[Match]:
    """Platforms ranked by fit, best first; an empty list when none serves the stated requirements."""
    query = {"stage": _check_choice("stage", stage), "need": _check_choice("need", need),
             "region": _check_choice("region", region), "sector": _check_choice("sector", sector)}
    scale = check_scale(scale_l)
    idx = idx or index()
    matches = []
    for pid in idx.order:
        serves = idx.serves[pid]
        reasons, ok = [], True
        for crit in REQUIRED:
            want = query[crit]
            if want is None:
                continue
            if want in serves[crit]:
                reasons.append(Reason(crit, "met", want, quote=serves[crit][want]))
            else:
                ok = False
                break
        if not ok:
            continue
        score = 0.0
        kind = STAGE_TYPE.get(query["stage"])
        if kind is not None and idx.kinds.get(pid) == kind:
            score += 1
            reasons.append(Reason("kind", "met", kind, quote=idx.kind_quotes.get(kind, "")))
        if query["sector"] is not None:
            want = query["sector"]
            if want in serves["sector"]:
                score += 1
                reasons.append(Reason("sector", "met", want, quote=serves["sector"][want]))
            elif serves["sector"]:
                reasons.append(Reason("sector", "missed", want, detail=", ".join(serves["sector"])))
            else:
                reasons.append(Reason("sector", "unknown", want))
        if scale is not None:
            reason = _scale_reason(scale, pid, idx)
            score += {"met": 1.0, "near": 0.5}.get(reason.status, 0.0)
            reasons.append(reason)
        matches.append(Match(pid, score, reasons))
    evidence = {pid: sum(len(v) for v in idx.serves[pid].values()) for pid in idx.order}
    return sorted(matches, key=lambda m: (-m.score, -evidence[m.platform_id], idx.order.index(m.platform_id)))


def _scale_reason(scale: float, pid: str, idx: Index) -> Reason:
    name = band(scale)
    if pid in idx.volumes:
        lo, hi, quote = idx.volumes[pid]
        if lo <= scale <= hi:
            return Reason("scale", "met", name, quote=quote, low=lo, high=hi)
        if scale < lo:
            return Reason("scale", "near", name, quote=quote, low=lo, high=hi)
        return Reason("scale", "missed", name, quote=quote, low=lo, high=hi)
    stage = BAND_STAGE[name]
    if stage in idx.serves[pid]["stage"]:
        return Reason("scale", "near", name, detail=stage, quote=idx.serves[pid]["stage"][stage])
    return Reason("scale", "unknown", name)


# --- words ---------------------------------------------------------------------------------------


