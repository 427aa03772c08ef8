"""Validate the whole data package: schema, keys, foreign keys, domain rules, quotes in seeds.

`check(data, seeds)` returns a list of one-line problems (empty = valid), each naming the file,
row and column. `python -m biomfg validate` prints them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .. import figures, fmt
from ..data import ENTITY_TABLES, DataError, data_dir, package, read_rows, seeds_dir

QUOTE_SEPARATOR = " … "
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")  # incl. tab and newline: cells are one line
NAME_COLUMN = re.compile(r"(name|short|abbr|title|term)(_zh|_en)?$")
MAX_NAME = 300
# columns that may point at any entity table (Frictionless foreign keys reach only one table)
ANY_ENTITY = {("facts", "entity_id"), ("facilities", "parent_id"), ("events", "entity_id"),
              ("recommendation_links", "target_id"), ("aliases", "id")}
# sources.csv: each detail of a document (its headline, kind, author, outlet, date, the earliest date it can have
# appeared) and the column quoting it from that seed (the row's source_id); a detail and its quote come together
SOURCE_DETAILS = {"headline_quote": ("headline_lang",), "kind_quote": ("kind_zh", "kind_en"),
                  "author_quote": ("author_zh", "author_en"),
                  "outlet_quote": ("outlet_zh", "outlet_en", "outlet_kind"),
                  "date_quote": ("date",), "not_before_quote": ("not_before",)}
# source_items.csv, the items of a seed that is a newspaper page holding several: the same rule for an item's
# byline and its kind (where it differs from the seed's); its headline and the words its text starts with are
# quoted too (an empty headline_quote: the item has no headline, headline_zh/_en describe it)
ITEM_DETAILS = {"author_quote": ("author_zh", "author_en"), "kind_quote": ("kind_zh", "kind_en")}
# regions.csv: what a regional case is (a briefing's summary opens with it), in zh and en, quoted from the row's
# seed (its `source`); every case (a region with lat and lon) has one
REGION_DETAILS = {"description_quote": ("description_zh", "description_en")}
DETAIL_QUOTES = {"sources": tuple(SOURCE_DETAILS),
                 "source_items": ("headline_quote", "author_quote", "kind_quote", "start_quote"),
                 "regions": tuple(REGION_DETAILS)}
SEED_COLUMN = {"regions": "source"}  # the column naming the seed a detail is quoted from (else source_id)


@dataclass
class Summary:
    tables: int
    rows: int
    facts: int
    quotes: int
    detail_quotes: int = 0  # quotes of sources' details (sources.csv *_quote columns)

    def line(self) -> str:
        return (f"data package valid: {self.tables} tables, {self.rows} rows, {self.facts} facts, "
                f"{self.quotes} quotes verified, and {self.detail_quotes} quotes of the sources' details")


# what a target's note says when its source sets no deadline (then its year stays empty)
NO_DEADLINE = "the source states no deadline"


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _figures_match_quotes(tables: dict, where) -> list[str]:
    """A figure must be one its quote states (a typo in a value or a quote shows up here). Exempt: a rank
    ('全球首个' = first), a count derived from named items (note starting 'derived'), and a year the
    note explains (one the text gives as 今年 or 同年)."""
    problems = []
    for row in tables.get("facts", []):
        if row["unit"] == "rank" or (row["note"] or "").startswith("derived") or figures.states(row["quote"], row["value"]):
            continue
        problems.append(f"{where('facts', row, 'value')}: {fmt.plain(row['value'])} is not a figure its quote states; "
                        f"fix the value or the quote, or start the note with 'derived' and say how it was derived")
    for name, cols in (("platforms", ["founded"]), ("plans", ["start_year", "end_year"]), ("events", ["year"])):
        for row in tables.get(name, []):
            for col in cols:
                if row[col] is None or not row.get("quote") or figures.states(row["quote"], row[col]):
                    continue
                if "year" not in (row.get("note") or ""):
                    problems.append(f"{where(name, row, col)}: {row[col]} is not in the quote and the note does not say "
                                    f"where the year comes from")
    return problems


def _source_details(tables: dict, where) -> list[str]:
    """What sources.csv says of a document, and source_items.csv of an item on a newspaper page, is what the
    seed states: every detail with its quote (and no quote without its detail), an author in pinyin for each
    Chinese name, and a note saying how an earliest date (not_before, an inference) was inferred. An item
    reports on a case (a region with coordinates), and a seed has at most one item per case, so each figure
    finds its item (model.cases.item_of). regions.csv: each case says what it is (description_zh and _en,
    with the seed's words for it in description_quote)."""
    problems = []
    for name, details in (("sources", SOURCE_DETAILS), ("source_items", ITEM_DETAILS), ("regions", REGION_DETAILS)):
        for row in tables.get(name, []):
            for quote, cols in details.items():
                given = [c for c in cols if row.get(c)]
                if given and len(given) < len(cols):
                    missing = ", ".join(c for c in cols if c not in given)
                    problems.append(f"{where(name, row, missing)}: {', '.join(given)} given without {missing}")
                if given and not row.get(quote):
                    problems.append(f"{where(name, row, quote)}: {given[0]} is given without the seed's words for it; "
                                    f"quote them verbatim")
                if row.get(quote) and not given:
                    problems.append(f"{where(name, row, quote)}: a quote for no value; fill {', '.join(cols)} "
                                    f"or remove the quote")
            if row.get("author_zh") and row.get("author_en") and \
                    len(row["author_zh"].split("、")) != len(row["author_en"].split(", ")):
                problems.append(f"{where(name, row, 'author_en')}: {row['author_en']!r} does not name each of "
                                f"{row['author_zh']!r} (Chinese names joined by 、, their pinyin by ', ')")
            if row.get("not_before") and not row.get("date_note"):
                problems.append(f"{where(name, row, 'date_note')}: not_before is an inference; say how it was inferred")
    cases = {r["region_id"] for r in tables.get("regions", []) if r.get("lat") is not None and r.get("lon") is not None}
    for row in tables.get("regions", []):
        if row["region_id"] in cases and not (row.get("description_zh") and row.get("description_en")):
            problems.append(f"{where('regions', row, 'description_zh')}: a regional case needs description_zh and "
                            f"description_en (what it is, as its seed says: a briefing's summary opens with it)")
    seen: dict[tuple, int] = {}
    for row in tables.get("source_items", []):
        region = row.get("region_id")
        if region is None:
            continue
        if "regions" in tables and region not in cases:
            problems.append(f"{where('source_items', row, 'region_id')}: {region!r} is not a case (a region with lat "
                            f"and lon), so no figure would be cited to this item; name the case it lies in")
        key = (row["source_id"], region)
        if key in seen:
            problems.append(f"{where('source_items', row, 'region_id')}: row {seen[key]} of the same seed already "
                            f"reports on {region!r}; a figure would not know its item")
        seen.setdefault(key, row["_row"])
    return problems


def _aliases(tables: dict, where) -> list[str]:
    """aliases.csv: an alias names a row of the table it says, and is a name its quote uses, unless its note
    says it is an editorial translation (of a name the quote uses)."""
    problems = []
    ids = {name: {r[key] for r in tables.get(name, [])} for name, key in ENTITY_TABLES.items()}
    for row in tables.get("aliases", []):
        if row["table"] in tables and row["id"] not in ids.get(row["table"], ()):
            problems.append(f"{where('aliases', row, 'id')}: {row['id']!r} is not a row of {row['table']}")
        if _squash(row["alias"]) not in _squash(row["quote"] or "") and "editorial" not in (row.get("note") or ""):
            problems.append(f"{where('aliases', row, 'alias')}: {row['alias']!r} is not in its quote; quote the seed's "
                            f"words that use it, or say in the note that it is an editorial translation")
    return problems


def check(folder: Path | None = None, seeds: Path | None = None) -> tuple[list[str], Summary]:
    """All problems in the package at `folder` (default: data_dir()), quotes checked against `seeds`."""
    folder = Path(folder or data_dir())
    problems: list[str] = []
    try:
        pkg = package(folder)
    except DataError as exc:
        return [str(exc)], Summary(0, 0, 0, 0)
    tables: dict[str, list[dict]] = {}
    for res in pkg["resources"]:
        try:
            tables[res["name"]] = read_rows(res["name"], folder)
        except DataError as exc:
            problems.append(str(exc))
    files = {r["name"]: r["path"] for r in pkg["resources"]}

    def where(name, row, column):
        return f"{files[name]} row {row['_row']}, column {column}"

    # text that reaches readers: no control characters, names of a sane length (issue 9)
    for name, rows in tables.items():
        for row in rows:
            for col, value in row.items():
                if not isinstance(value, str) or col == "_row":
                    continue
                bad = CONTROL.search(value)
                if bad:
                    problems.append(f"{where(name, row, col)}: contains the control character "
                                    f"U+{ord(bad.group()):04X}; remove it")
                if NAME_COLUMN.match(col) and len(value) > MAX_NAME:
                    problems.append(f"{where(name, row, col)}: a name of {len(value)} characters; "
                                    f"names may have at most {MAX_NAME}")

    # foreign keys declared in the package
    for res in pkg["resources"]:
        name = res["name"]
        for fk in res["schema"].get("foreignKeys", []):
            col, target = fk["fields"], fk["reference"]
            if name not in tables or target["resource"] not in tables:
                continue
            valid = {r[target["fields"]] for r in tables[target["resource"]]}
            for row in tables[name]:
                if row[col] is not None and row[col] not in valid:
                    problems.append(f"{where(name, row, col)}: {row[col]!r} is not a {target['fields']} "
                                    f"in {files[target['resource']]}")

    # one id space across entity tables, which entity_id-like columns point into
    ids: dict[str, str] = {}
    for name, key in ENTITY_TABLES.items():
        for row in tables.get(name, []):
            if row[key] in ids:
                problems.append(f"{where(name, row, key)}: id {row[key]!r} is also used in {ids[row[key]]}")
            ids.setdefault(row[key], f"{files[name]} row {row['_row']}")
    # an entity table that failed to load is reported already; checking against the rest would only echo it
    entity_tables_loaded = all(name in tables for name in ENTITY_TABLES)
    for name, col in sorted(ANY_ENTITY) if entity_tables_loaded else ():
        for row in tables.get(name, []):
            if row[col] is not None and row[col] not in ids:
                problems.append(f"{where(name, row, col)}: {row[col]!r} is not an id in any entity table")

    # domain rules on facts
    families = {r["indicator_id"]: r["family"] for r in tables.get("indicators", [])}
    measures = {r["indicator_id"]: r.get("measure_zh") for r in tables.get("indicators", [])}
    for row in tables.get("facts", []):
        if row["unit"] == "count" and row["indicator"] in measures and not measures[row["indicator"]]:
            problems.append(f"{where('facts', row, 'indicator')}: a count; indicators.csv gives "
                            f"{row['indicator']!r} no measure_zh (家, 个, 件 …) for Chinese readers")
        # a target's year is its deadline; a target whose source sets none (BioMADE's 旨在 12—15 sites) leaves
        # it empty and says so in its note, never borrowing a year from context
        if row["kind"] == "target" and row["year"] is None and NO_DEADLINE not in (row["note"] or ""):
            problems.append(f"{where('facts', row, 'year')}: a target needs its deadline year, or, where the "
                            f"source sets none, a note saying '{NO_DEADLINE}'")
        if row["unit"] == "percent" and families.get(row["indicator"]) == "share" and not 0 <= row["value"] <= 100:
            problems.append(f"{where('facts', row, 'value')}: a share must be between 0 and 100, not {row['value']}")
        if row["unit"] in ("count", "L", "m2", "km2", "mu", "t", "doses", "years", "months", "weeks", "days",
                           "rank", "CNY", "USD", "GBP", "EUR", "DKK", "MW", "kW") and row["value"] < 0:
            problems.append(f"{where('facts', row, 'value')}: a {row['unit']} value cannot be negative "
                            f"({row['value']})")
    for row in tables.get("plans", []):
        if row["start_year"] and row["end_year"] and row["start_year"] > row["end_year"]:
            problems.append(f"{where('plans', row, 'end_year')}: ends before it starts")
    problems += _figures_match_quotes(tables, where)
    problems += _source_details(tables, where)
    problems += _aliases(tables, where)

    # quotes verbatim in their seeds (whitespace ignored)
    quotes = detail_quotes = 0
    seeds = Path(seeds) if seeds else seeds_dir()
    if seeds is not None:
        texts = {p.name: _squash(p.read_text(encoding="utf-8")) for p in seeds.glob("*.txt")}
        for name, rows in tables.items():
            for row in rows:
                if not row.get("quote") or not row.get("source"):
                    continue
                seed = texts.get(row["source"])
                if seed is None:
                    problems.append(f"{where(name, row, 'source')}: seed {row['source']!r} not found in the seeds folder")
                    continue
                for part in row["quote"].split(QUOTE_SEPARATOR):
                    if _squash(part) not in seed:
                        problems.append(f"{where(name, row, 'quote')}: not found verbatim in {row['source']}: "
                                        f"{part[:50]!r}")
                quotes += 1
        # a detail's quote (sources.csv kind_quote, author_quote …; source_items.csv headline_quote …) is checked
        # against the seed the row names
        for name, columns in DETAIL_QUOTES.items():
            for row in tables.get(name, []):
                source = row[SEED_COLUMN.get(name, "source_id")]
                seed = texts.get(source)
                for col in columns:
                    if not row.get(col):
                        continue
                    if seed is None:
                        problems.append(f"{where(name, row, col)}: seed {source!r} not found in the seeds folder")
                        continue
                    for part in row[col].split(QUOTE_SEPARATOR):
                        if _squash(part) not in seed:
                            problems.append(f"{where(name, row, col)}: not found verbatim in {source}: "
                                            f"{part[:50]!r}")
                    detail_quotes += 1
    rows_total = sum(len(r) for r in tables.values())
    return problems, Summary(len(tables), rows_total, len(tables.get("facts", [])), quotes, detail_quotes)
