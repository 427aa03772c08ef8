"""Load each table of data/ once, validated against data/datapackage.json.

Errors name the file, row and column, e.g.
`facts.csv row 12, column value: 'abc' is not a number`.
Rows are counted as in the file: the header is row 1.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import os
import re
import sys
from pathlib import Path

import pandas as pd

PACKAGE_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DATA = PACKAGE_ROOT / "data"
DEFAULT_SEEDS = PACKAGE_ROOT.parent / "shared" / "seeds"


class DataError(ValueError):
    """A problem in data/: the message names the file, row and column."""


def data_dir() -> Path:
    """The data folder: $BIOMFG_DATA if set (tests point it at a copy), else the project's data/."""
    return Path(os.environ.get("BIOMFG_DATA") or DEFAULT_DATA)


def seeds_dir() -> Path | None:
    """The seed texts, if at hand: $BIOMFG_SEEDS, else ../shared/seeds beside the project."""
    path = Path(os.environ.get("BIOMFG_SEEDS") or DEFAULT_SEEDS)
    return path if path.is_dir() else None


@functools.cache
def _package(folder: Path) -> dict:
    path = folder / "datapackage.json"
    if not path.is_file():
        raise DataError(f"{path.name}: file is missing in the data folder; restore it from git")
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise DataError(f"datapackage.json line {exc.lineno}: not valid JSON ({exc.msg})") from None


def package(folder: Path | None = None) -> dict:
    return _package(folder or data_dir())


def versions(folder: Path | None = None) -> dict:
    """The collection's version, the data package's version and its date: what a reader cites."""
    pkg = package(folder)
    # the root package is loaded before any of its modules; read from it, not imported (it sits above every layer)
    return {"version": sys.modules[__package__].__version__, "data_version": str(pkg.get("version", "")),
            "date": str(pkg.get("created", ""))[:10]}


def resource_names(folder: Path | None = None) -> list[str]:
    return [r["name"] for r in package(folder)["resources"]]


def _resource(name: str, folder: Path) -> dict:
    for res in package(folder)["resources"]:
        if res["name"] == name:
            return res
    raise DataError(f"no table {name!r} in datapackage.json; valid choices: {', '.join(resource_names(folder))}")


def _cast(value: str, field: dict, where: str):
    """Parse one cell by its schema field; raise DataError naming where."""
    kind = field.get("type", "string")
    cons = field.get("constraints", {})
    if value == "":
        if cons.get("required"):
            raise DataError(f"{where}: a value is required")
        return None
    if kind == "integer":
        if not re.fullmatch(r"-?\d+", value):
            raise DataError(f"{where}: {value!r} is not a whole number")
        out = int(value)
    elif kind == "number":
        try:
            out = float(value)
        except ValueError:
            raise DataError(f"{where}: {value!r} is not a number") from None
        if out != out or out in (float("inf"), float("-inf")):
            raise DataError(f"{where}: {value!r} is not a finite number")
    else:
        out = value
    if "enum" in cons and out not in cons["enum"]:
        raise DataError(f"{where}: {value!r} is not allowed; valid choices: {', '.join(map(str, cons['enum']))}")
    if "minimum" in cons and out < cons["minimum"]:
        raise DataError(f"{where}: {value} is below the minimum {cons['minimum']}")
    if "maximum" in cons and out > cons["maximum"]:
        raise DataError(f"{where}: {value} is above the maximum {cons['maximum']}")
    if "pattern" in cons and not re.fullmatch(cons["pattern"], value):
        raise DataError(f"{where}: {value!r} does not match the pattern {cons['pattern']}")
    return out


def read_rows(name: str, folder: Path | None = None) -> list[dict]:
    """Parse and check one CSV against its schema; return rows as dicts of typed values."""
    folder = folder or data_dir()
    res = _resource(name, folder)
    fname = res["path"]
    path = folder / fname
    if not path.is_file():
        raise DataError(f"{fname}: file is missing (datapackage.json lists it); restore it from git")
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        raise DataError(f"{fname}: starts with a byte-order mark (BOM); save it as UTF-8 without BOM")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DataError(f"{fname}: not UTF-8 (byte {exc.start}); save it as UTF-8") from None
    fields = res["schema"]["fields"]
    names = [f["name"] for f in fields]
    if not text.strip():
        raise DataError(f"{fname}: file is empty; expected the header {','.join(names)}")
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader)
    missing = [n for n in names if n not in header]
    extra = [h for h in header if h not in names]
    if missing or extra:
        parts = ([f"missing column(s) {', '.join(missing)}"] if missing else []) + (
            [f"unexpected column(s) {', '.join(extra)}"] if extra else [])
        raise DataError(f"{fname} row 1: {'; '.join(parts)}; expected {','.join(names)}")
    if header != names:
        raise DataError(f"{fname} row 1: columns out of order; expected {','.join(names)}")
    rows = []
    for line_no, cells in enumerate(reader, start=2):
        if not cells:
            continue
        if len(cells) != len(names):
            raise DataError(f"{fname} row {line_no}: {len(cells)} cells, expected {len(names)}")
        rows.append({f["name"]: _cast(c, f, f"{fname} row {line_no}, column {f['name']}")
                     for f, c in zip(fields, cells, strict=True)} | {"_row": line_no})
    key = res["schema"].get("primaryKey", [])
    key = [key] if isinstance(key, str) else key
    seen: dict[tuple, int] = {}
    for row in rows:
        k = tuple(row[c] for c in key)
        if k in seen:
            raise DataError(f"{fname} row {row['_row']}, column {','.join(key)}: duplicate key "
                            f"{'/'.join(map(str, k))} (first at row {seen[k]})")
        seen[k] = row["_row"]
    return rows


def _frame(name: str, rows: list[dict], folder: Path) -> pd.DataFrame:
    fields = _resource(name, folder)["schema"]["fields"]
    dtypes = {"integer": "Int64", "number": "float64"}
    data = {f["name"]: pd.Series([r[f["name"]] for r in rows], dtype=dtypes.get(f.get("type"), "string"))
            for f in fields}
    return pd.DataFrame(data)


@functools.cache
def _table(name: str, folder: Path) -> pd.DataFrame:
    return _frame(name, read_rows(name, folder), folder)


def table(name: str) -> pd.DataFrame:
    """One table as a DataFrame (loaded and checked once, then cached). Returns a copy."""
    return _table(name, data_dir()).copy()


_DERIVED: list = []


def derived(build, *, shared: bool = False):
    """`build()` -> DataFrame computed from the tables, made once per data folder and handed out as a
    copy (for frames several views ask for, such as the target tracker's rows); clear_cache forgets it.
    shared=True hands out the object itself, for lookups read in a loop that no caller changes."""
    once = functools.cache(lambda folder: build())
    _DERIVED.append(once)

    @functools.wraps(build)
    def get() -> pd.DataFrame:
        made = once(data_dir())
        return made if shared else made.copy()
    return get


def clear_cache() -> None:
    """Forget loaded tables (after data/ changed on disk)."""
    _table.cache_clear()
    _package.cache_clear()
    for frame in (_platforms, _facts, _entity_names, *_DERIVED):
        frame.cache_clear()


# --- friendly accessors used by notebooks and charts -------------------------------------

# The joined frames below are built once per data folder (cards and widgets ask for them per platform)
# and handed out as copies, like table().

@functools.cache
def _platforms(folder: Path) -> pd.DataFrame:
    types = _table("platform_types", folder)[["type_id", "name_zh", "name_en"]].rename(
        columns={"name_zh": "type_name_zh", "name_en": "type_name_en"})
    return _table("platforms", folder).merge(types, on="type_id", how="left")


def platforms() -> pd.DataFrame:
    """The twelve exemplars with their type's names (type_name_zh / type_name_en)."""
    return _platforms(data_dir()).copy()


@functools.cache
def _facts(folder: Path) -> pd.DataFrame:
    ind = _table("indicators", folder)
    ind = ind[["indicator_id", "name_zh", "name_en", "family", "measure_zh"]
              + [c for c in ("short_zh", "short_en") if c in ind]].rename(
        columns={"indicator_id": "indicator", "name_zh": "indicator_zh", "name_en": "indicator_en",
                 "short_zh": "indicator_short_zh", "short_en": "indicator_short_en"})
    return _table("facts", folder).merge(ind, on="indicator", how="left")


def facts(entity_id: str | None = None, indicator: str | None = None) -> pd.DataFrame:
    """Facts joined with indicator names, family and Chinese measure word (`measure_zh`: 家, 个, 件 …
    for a count), optionally filtered."""
    out = _facts(data_dir())
    if entity_id is not None:
        out = out[out["entity_id"] == entity_id]
    if indicator is not None:
        out = out[out["indicator"] == indicator]
    return out.reset_index(drop=True)  # a new frame (copy) even when unfiltered


def fact(fact_id: str) -> pd.Series:
    """One fact by id; a clear error if it is not there."""
    df = table("facts")
    hit = df[df["fact_id"] == fact_id]
    if hit.empty:
        raise DataError(f"facts.csv: no fact with fact_id {fact_id!r}")
    return hit.iloc[0]


def entity_names() -> pd.DataFrame:
    """Every entity id across all entity tables with its names and table: the target of entity_id."""
    return _entity_names(data_dir()).copy()


@functools.cache
def _entity_names(folder: Path) -> pd.DataFrame:
    frames = []
    for name, key in ENTITY_TABLES.items():
        df = _table(name, folder)
        if "name_zh" in df:
            frames.append(pd.DataFrame({"entity_id": df[key], "name_zh": df["name_zh"],
                                        "name_en": df["name_en"], "table": name}))
    return pd.concat(frames, ignore_index=True)


def entity_index() -> pd.DataFrame:
    """`entity_names()` indexed by entity_id, one row per id (the first table that names it)."""
    return _entity_index()


_entity_index = derived(lambda: entity_names().drop_duplicates("entity_id").set_index("entity_id"))


def sources() -> pd.DataFrame:
    return table("sources")


ENTITY_TABLES = {
    "platform_types": "type_id", "barriers": "barrier_id", "platforms": "platform_id",
    "facilities": "facility_id", "regions": "region_id", "firms": "firm_id", "products": "product_id",
    "plans": "plan_id", "plan_items": "item_id", "gaps": "gap_id", "recommendations": "rec_id",
    "glossary": "term_id", "success_factors": "factor_id",
}
