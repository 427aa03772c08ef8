"""The one name matcher: what a student typed, matched to a row's id."""

from __future__ import annotations

import pandas as pd


def _texts(row, cols) -> set[str]:
    out = set()
    for c in cols:
        v = row.get(c)
        if v is None or pd.isna(v):
            continue
        if isinstance(v, float) and v.is_integer():
            v = int(v)
        out.add(str(v).strip().lower())
    return out


def match_name(given, table: pd.DataFrame, key: str, also: tuple[str, ...] = (), partial: bool = False) -> str | None:
    """The `key` of the row whose id, Chinese or English name, or one of the columns `also` (an
    abbreviation, a number) equals `given`, in any case; with `partial`, else the one row whose name
    contains it (two characters or more). None when nothing, or more than one row, fits."""
    text = str(given).strip().lower()
    if not text:
        return None
    cols = [key, *(c for c in also if c in table.columns), "name_en", "name_zh"]
    for _, r in table.iterrows():
        if text in _texts(r, cols):
            return r[key]
    if not partial or len(text) < 2:
        return None
    hits = [r[key] for _, r in table.iterrows() if any(text in n for n in _texts(r, ("name_zh", "name_en")))]
    return hits[0] if len(hits) == 1 else None
