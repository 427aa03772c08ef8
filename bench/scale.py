"""A synthetic registry of 10,000 facilities with Pilots4U-like fields, drawn by the collection's own
chart functions: the spec must stay small (aggregate before charting) and fast to build."""

from __future__ import annotations

import json
import random
import time

import pandas as pd

SECTORS = ["food", "chemicals", "pharma", "energy", "materials", "agriculture"]
COUNTRIES = [("China", "中国"), ("Germany", "德国"), ("United States", "美国"), ("Netherlands", "荷兰"),
             ("Belgium", "比利时"), ("Denmark", "丹麦"), ("France", "法国"), ("Japan", "日本")]
CHARTS = ("founding_timeline", "platforms_by_type")
TYPES = ["technology_innovation", "pilot_scale", "industry_incubation"]


def registry(n: int = 10_000, seed: int = 8) -> pd.DataFrame:
    """Pilots4U-like rows: id, names (zh/en), platform type, country, founded, sector, TRL, scale (L), source."""
    from biomfg import data

    rng = random.Random(seed)
    source = str(data.table("sources")["source_id"].iloc[0])
    rows = []
    for i in range(n):
        en, zh = COUNTRIES[rng.randrange(len(COUNTRIES))]
        lo = 10 ** rng.uniform(0, 6)
        rows.append({"platform_id": f"f{i:05d}", "entity_id": f"f{i:05d}", "name_en": f"Facility {i:05d}",
                     "name_zh": f"设施{i:05d}", "abbr": f"F{i:05d}", "type_id": TYPES[rng.randrange(3)],
                     "country_en": en, "country_zh": zh, "founded": rng.randrange(1985, 2025),
                     "sector": SECTORS[rng.randrange(len(SECTORS))], "trl": rng.randrange(3, 9),
                     "value": round(lo, 1), "unit": "L", "source": source})
    return pd.DataFrame(rows)


def charts_for(reg: pd.DataFrame, lang: str = "en") -> dict:
    """The chart functions the notebooks call on the platform registry (00_start_here: data.platforms()),
    fed the synthetic registry. (scale_ladder and the fact charts label rows by the platforms in data/, so
    they take facts about those, not a registry of unknown facilities.)"""
    return {name: charts_for_one(name, reg, lang) for name in CHARTS}


def measure(n: int = 10_000, runs: int = 5, lang: str = "en") -> dict:
    """Per chart: spec bytes (compact JSON of to_dict) and median build ms (function call + to_dict)."""
    reg = registry(n)
    out = {}
    for name in charts_for(reg.head(5), lang):  # warm imports and caches
        times, size = [], 0
        for _ in range(runs):
            start = time.perf_counter()
            spec = charts_for_one(name, reg, lang).to_dict()
            times.append((time.perf_counter() - start) * 1000)
            size = len(json.dumps(spec, separators=(",", ":"), ensure_ascii=False).encode())
        times.sort()
        out[name] = {"bytes": size, "ms": times[len(times) // 2]}
    return out


def charts_for_one(name: str, reg: pd.DataFrame, lang: str):
    from biomfg import charts

    return getattr(charts.start, name)(reg, lang)


def floor(runs: int = 5) -> dict:
    """A one-bar Altair chart: the smallest spec and build time any chart can have."""
    import altair as alt

    times, size = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        spec = alt.Chart(pd.DataFrame({"a": ["x"], "n": [1]})).mark_bar().encode(x="n:Q", y="a:N").to_dict()
        times.append((time.perf_counter() - start) * 1000)
        size = len(json.dumps(spec, separators=(",", ":")).encode())
    times.sort()
    return {"bytes": size, "ms": times[len(times) // 2]}
