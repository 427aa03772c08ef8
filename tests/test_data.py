"""The data package: valid, fully quoted, and every corruption rejected with a message naming the file."""

from __future__ import annotations

import csv
import io
import json
import re

import pandas as pd
import pytest

from biomfg import data
from biomfg.__main__ import main
from biomfg.tools import validate

from conftest import DATA, PY, ROOT, SEEDS, run

pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="seed texts not beside the project (../shared/seeds)")


def test_validate_command_passes_with_one_line_summary():
    result = run(PY, "-m", "biomfg", "validate", "--seeds", SEEDS)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    tables = len(data.package(DATA)["resources"])
    assert tables >= 19
    assert len(lines) == 1 and lines[0].startswith(f"data package valid: {tables} tables")


def test_every_quote_is_verified_against_its_seed():
    problems, summary = validate.check(DATA, SEEDS)
    assert problems == []
    quoted_rows = 0
    for res in data.package(DATA)["resources"]:
        names = [f["name"] for f in res["schema"]["fields"]]
        if "quote" in names:
            quoted_rows += len(data.table(res["name"]))
    assert summary.quotes == quoted_rows > 800


def test_frictionless_validates_the_package():
    result = run(ROOT / ".venv" / "bin" / "frictionless", "validate", "--json", DATA / "datapackage.json")
    assert result.returncode == 0, result.stdout[-2000:]
    assert '"valid": true' in result.stdout


def test_coverage_of_the_topics():
    facts = data.table("facts")
    by_seed = facts.groupby("source").size()
    assert set(by_seed.index) == {p.name for p in SEEDS.glob("*.txt")}
    assert len(facts) >= 180
    assert len(data.table("platforms")) == 12
    assert len(data.table("recommendations")) == 7
    assert (data.table("gaps")["kind"] == "pilot_challenge").sum() == 5
    assert set(data.table("barriers")["barrier_id"]) == {"broken_bridge", "valley_of_death", "darwinian_sea"}
    regions = data.table("regions").set_index("region_id")
    for rid in ("suzhou_sip", "hangzhou", "shanghai_zhangjiang", "jinan_hitech", "luoyang", "zhaoqing_hitech",
                "zhengzhou", "hetao_shenzhen_hk", "xiangyang_hitech", "fujian_three_gorges_wind_park"):
        assert pd.notna(regions.loc[rid, "lat"]) and pd.notna(regions.loc[rid, "lon"]), rid
        assert "public geographic fact" in regions.loc[rid, "coord_basis"]


def test_key_figures_to_the_last_digit():
    f = data.table("facts").set_index(["entity_id", "indicator"])
    incubators = data.table("facts")
    values = set(incubators.loc[incubators["entity_id"] == "china", "value"])
    assert {1953.0, 56.0} <= values
    sip = data.table("facts")
    sip = sip[(sip["entity_id"] == "suzhou_sip") & (sip["year"] == 2023)]
    assert {368600000000.0, 41110000000.0, 5.16} <= set(sip["value"])
    assert len(f) > 0


def test_loader_returns_typed_frames():
    facts = data.table("facts")
    assert facts["value"].dtype == "float64"
    assert str(facts["year"].dtype) == "Int64"
    assert str(data.table("platforms")["founded"].dtype) == "Int64"
    assert data.table("platforms") is not data.table("platforms")  # callers get copies of the cache


def test_seed_texts_are_not_copied_into_the_project():
    seeds = {p.read_text(encoding="utf-8")[:200] for p in SEEDS.glob("*.txt")}
    for path in ROOT.rglob("*"):
        if ".venv" in path.parts or ".git" in path.parts or not path.is_file() or path.stat().st_size > 2_000_000:
            continue
        if path.suffix in {".txt", ".md", ".csv", ".json"}:
            text = path.read_text(encoding="utf-8", errors="ignore")
            assert not any(s in text for s in seeds), path


# --- corruptions --------------------------------------------------------------------------------

def _rows(path):
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))


def _write(path, rows):
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")


def _set(folder, table, row, column, value):
    rows = _rows(folder / f"{table}.csv")
    rows[row - 1][rows[0].index(column)] = value
    _write(folder / f"{table}.csv", rows)


def _drop_column(folder, table, column):
    rows = _rows(folder / f"{table}.csv")
    i = rows[0].index(column)
    _write(folder / f"{table}.csv", [r[:i] + r[i + 1:] for r in rows])


def _duplicate_row(folder, table, row):
    rows = _rows(folder / f"{table}.csv")
    _write(folder / f"{table}.csv", rows + [rows[row - 1]])


def _fact_row(folder, predicate):
    rows = _rows(folder / "facts.csv")
    head = rows[0]
    return next(i + 1 for i, r in enumerate(rows[1:], start=1) if predicate(dict(zip(head, r, strict=True))))


CORRUPTIONS = {
    "missing column": (lambda d: _drop_column(d, "facts", "unit"), "facts.csv row 1: missing column(s) unit"),
    "non-number": (lambda d: _set(d, "facts", 2, "value", "lots"), "facts.csv row 2, column value: 'lots' is not a number"),
    "duplicate key": (lambda d: _duplicate_row(d, "platforms", 2), "platforms.csv row 14, column platform_id: duplicate key abf"),
    "unknown foreign key": (lambda d: _set(d, "facts", 3, "indicator", "no_such_indicator"),
                            "facts.csv row 3, column indicator: 'no_such_indicator' is not a indicator_id in indicators.csv"),
    "unknown entity": (lambda d: _set(d, "facts", 4, "entity_id", "atlantis"),
                       "facts.csv row 4, column entity_id: 'atlantis' is not an id in any entity table"),
    "unknown seed file": (lambda d: _set(d, "facts", 5, "source", "999_unknown.txt"),
                          "facts.csv row 5, column source: '999_unknown.txt' is not a source_id in sources.csv"),
    "quote not in seed": (lambda d: _set(d, "facts", 6, "quote", "这句话不在任何来源中"),
                          "facts.csv row 6, column quote: not found verbatim in"),
    "negative count": (lambda d: _set(d, "facts", _fact_row(d, lambda r: r["unit"] == "count"), "value", "-3"),
                       "a count value cannot be negative"),
    "year out of range": (lambda d: _set(d, "platforms", 2, "founded", "1800"),
                          "platforms.csv row 2, column founded: 1800 is below the minimum 1900"),
    "target without deadline": (lambda d: _set(d, "facts", _fact_row(d, lambda r: r["kind"] == "target" and r["year"]),
                                               "year", ""),
                                "a target needs its deadline year"),
    "share above 100": (lambda d: _set(d, "facts", _fact_row(
        d, lambda r: r["unit"] == "percent" and r["indicator"].startswith("share")), "value", "140"),
        "a share must be between 0 and 100"),
    "unknown category": (lambda d: _set(d, "facts", 7, "kind", "guess"),
                         "facts.csv row 7, column kind: 'guess' is not allowed; valid choices: actual, estimate, target"),
    "value not in its quote": (lambda d: _set(d, "facts", _fact_row(d, lambda r: r["value"] == "368600000000"), "value",
                                              "368700000000"),
                               "column value: 368700000000 is not a figure its quote states; fix the value or the quote"),
    "founding year not in its quote": (lambda d: _set(d, "platforms", 2, "founded", "2061"),
                                       "platforms.csv row 2, column founded: 2061 is not in the quote"),
    "unknown product kind": (lambda d: _set(d, "products", 2, "kind", "gadget"),
                             "products.csv row 2, column kind: 'gadget' is not allowed; valid choices: drug, cell_therapy, "
                             "vaccine,"),
    "empty file": (lambda d: (d / "regions.csv").write_text("", encoding="utf-8"),
                   "regions.csv: file is empty; expected the header region_id,"),
    "BOM": (lambda d: (d / "glossary.csv").write_bytes(b"\xef\xbb\xbf" + (d / "glossary.csv").read_bytes()),
            "glossary.csv: starts with a byte-order mark (BOM)"),
    "missing file": (lambda d: (d / "events.csv").unlink(), "events.csv: file is missing"),
    "broken row": (lambda d: (d / "plans.csv").write_text((d / "plans.csv").read_text(encoding="utf-8") + "x,y\n",
                                                          encoding="utf-8"),
                   "plans.csv row"),
}


@pytest.mark.parametrize("name", list(CORRUPTIONS))
def test_corruption_is_rejected_naming_the_file(name, data_copy, capsys):
    corrupt, expected = CORRUPTIONS[name]
    corrupt(data_copy)
    code = main(["validate", "--data", str(data_copy), "--seeds", str(SEEDS)])
    err = capsys.readouterr().err
    assert code == 1
    assert expected in err, err
    assert err.strip().splitlines()[-1].endswith("problem(s) in the data package")


def test_loading_corrupt_data_raises_one_line_error(data_copy, monkeypatch):
    monkeypatch.setenv("BIOMFG_DATA", str(data_copy))
    _set(data_copy, "platforms", 3, "founded", "soon")
    data.clear_cache()
    with pytest.raises(data.DataError) as err:
        data.platforms()
    assert str(err.value) == "platforms.csv row 3, column founded: 'soon' is not a whole number"


def test_validate_names_a_missing_seeds_folder(tmp_path):
    result = run(PY, "-m", "biomfg", "validate", "--seeds", tmp_path / "nope")
    assert result.returncode == 2 and "--seeds" in result.stderr


def test_a_broken_entity_table_is_reported_once_not_echoed_by_every_reference(data_copy, capsys):
    _set(data_copy, "products", 2, "kind", "gadget")  # products then fails to load
    assert main(["validate", "--data", str(data_copy), "--seeds", str(SEEDS)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err[0].startswith("products.csv row 2, column kind: 'gadget' is not allowed")
    assert err[-1].startswith("1 problem(s)"), err


# --- data hygiene (issue 15): nothing recorded twice, every term defined, suspected errors noted ------------

def _squash(text) -> str:
    """A quote or name with whitespace, ellipses, quotation marks and punctuation removed, for comparing."""
    return "".join(ch for ch in str(text) if ch.isalnum()).casefold()


def _strs(frame):
    """A table as plain strings, an empty cell as ''."""
    return frame.astype(object).where(frame.notna(), "").astype(str)


def test_no_event_is_recorded_twice():
    ev = _strs(data.table("events"))
    key = ev["entity_id"] + "|" + ev["date"] + "|" + ev["year"] + "|" + ev["quote"].map(_squash)
    assert not key.duplicated().any(), ev.loc[key.duplicated(keep=False), "event_id"].tolist()
    named = ev["entity_id"] + "|" + ev["year"] + "|" + ev["name_zh"].map(_squash)
    assert not named.duplicated().any(), ev.loc[named.duplicated(keep=False), "event_id"].tolist()


def test_no_glossary_term_is_recorded_twice():
    g = data.table("glossary")
    for col in ("name_zh", "name_en"):
        names = g[col].map(_squash)
        assert not names.duplicated().any(), (col, g.loc[names.duplicated(keep=False), "term_id"].tolist())


def test_every_glossary_term_is_defined_in_both_languages():
    g = data.table("glossary")
    for col in ("definition_zh", "definition_en"):
        empty = g.loc[g[col].isna() | (g[col].astype(str).str.strip() == ""), "term_id"].tolist()
        assert empty == [], (col, empty)
    if SEEDS.is_dir():  # a definition the seed does not state word for word is marked as a paraphrase
        for _, r in g.iterrows():
            seed = _squash((SEEDS / r["source"]).read_text(encoding="utf-8"))
            if _squash(r["definition_zh"]) not in seed:
                assert "editorial" in str(r["note"]) or "paraphrase" in str(r["note"]), r["term_id"]


def test_no_fact_is_recorded_twice():
    f = _strs(data.table("facts"))
    key = f[["entity_id", "indicator", "value", "unit", "year", "kind"]].agg("|".join, axis=1)
    assert not key.duplicated().any(), f.loc[key.duplicated(keep=False), "fact_id"].tolist()
    # the '3' and '5' of Hangzhou's 1354, each restated by a task, are one row with both mentions
    one = f.set_index("fact_id")
    assert "到2026年" in one.loc["h4-048", "quote"] and "到2026年" in one.loc["h4-049", "quote"]
    assert one.loc["h4-049", "qualifier"] == "or_more"  # task 5's 以上 kept


def test_a_suspected_name_error_is_noted_not_corrected():
    """Seed 003 names an AAV firm in Zhangjiang 天津云泰; the firm is known as 天泽云泰 (as pyrotinib, noted)."""
    firm = data.table("firms").set_index("firm_id").loc["tianjin_yuntai"]
    assert firm["name_zh"] == "天津云泰" and "天津云泰" in firm["quote"]  # the quote stays verbatim
    assert "天泽云泰" in firm["note"] and "Not corrected" in firm["note"]
    facts = data.table("facts").set_index("fact_id")
    for fid in ("h4-008", "h4-009"):
        assert facts.loc[fid, "entity_id"] == "tianjin_yuntai" and "firms.csv note" in facts.loc[fid, "note"]


# --- issue 15: every count indicator has its Chinese measure word --------------------------------------

MEASURES = "家个件条项名人位所款台栋类种"


def test_every_count_indicator_has_the_measure_word_its_seed_uses():
    ind = data.table("indicators").set_index("indicator_id")
    facts = data.table("facts")
    counts = facts[facts["unit"] == "count"]
    assert "measure_zh" in ind.columns
    for indicator, rows in counts.groupby("indicator"):
        measure = ind.loc[indicator, "measure_zh"]
        assert isinstance(measure, str) and len(measure) == 1 and measure in MEASURES, indicator
        note = str(ind.loc[indicator, "note"])
        written = "".join(rows["quote"])
        if "measure word: editorial" not in note:  # the seed's own measure word, after a figure
            assert re.search(rf"[\d〇一二两三四五六七八九十百千万多]\s*(?:…\s*)?{measure}", written), (indicator, measure)
    other = ind.drop(index=counts["indicator"].unique())
    assert other["measure_zh"].isna().all(), list(other[other["measure_zh"].notna()].index)


def test_measure_zh_is_declared_and_documented():
    pkg = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    fields = next(r for r in pkg["resources"] if r["name"] == "indicators")["schema"]["fields"]
    assert "measure_zh" in [f["name"] for f in fields]
    assert "measure_zh" in (DATA / "README.md").read_text(encoding="utf-8")
    assert "measure_zh" in data.facts().columns  # the facts frame joins it


def test_validate_rejects_a_count_indicator_without_its_measure_word(data_copy, capsys):
    path = data_copy / "indicators.csv"
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    for r in rows:
        if r["indicator_id"] == "valid_invention_patent_count":
            r["measure_zh"] = ""
    out = io.StringIO()
    w = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    code = main(["validate", "--data", str(data_copy), "--seeds", str(SEEDS)])
    err = capsys.readouterr().err
    assert code == 1
    assert "'valid_invention_patent_count' no measure_zh" in err, err
