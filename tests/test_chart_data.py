"""Issue 19: every chart offers the data behind it, as Our World in Data's chart pages do: a CSV of exactly the
rows drawn (names in the reader's language, units, years, qualifiers, each figure's source and quotation), a
metadata file and a README in the reader's language, and a table view (prose.chartdata).

Every chart the lessons and briefings draw is checked in both languages: it carries its rows; its CSV holds
every figure the chart writes and nothing the chart does not draw; readers see names, never ids; the metadata
is a valid Frictionless data package, and the README says how to cite it, its licence and its caveats."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile

import pytest

from biomfg import fmt
from biomfg.i18n import t
from biomfg.prose import chartdata
from biomfg.render import data_of

import reader

ID = re.compile(r"\b[a-z0-9]+(?:_[a-z0-9]+)+\b")  # a snake_case token: an id, never a name
SPACE = re.compile(r"\s+")
# Charts that also draw figures computed from their rows (the CSV holds the rows, the chart says how): a
# projection's future years from a base and a rate; the incubators other than the life-science ones.
COMPUTED = ("growth_projection", "incubator_gap", "growth_explorer")


def _number(value: str, lang: str) -> str:
    return fmt.number(float(value), "count", lang)


def _charts(lang: str):
    for index in range(len(reader.PAGES)):
        yield from reader.charts(index, lang)


def _flat(value) -> str:
    return "".join(value) if isinstance(value, list) else str(value)


def _drawn(spec: dict, figures: bool = False) -> list[str]:
    """The strings a chart draws from its data: every dataset value of a field an encoding shows as text or
    a label (text, tooltip, description, a nominal axis), lines of a wrapped label joined. `figures`: only
    the fields that write figures (a bar's value text), not labels (which name a year)."""
    fields = set()

    def walk(node, key=""):
        if isinstance(node, dict):
            enc = node.get("encoding")
            if isinstance(enc, dict):
                for channel, e in enc.items():
                    for item in e if isinstance(e, list) else [e]:
                        if isinstance(item, dict) and isinstance(item.get("field"), str) and (
                                channel in ("text", "tooltip", "description", "detail") or item.get("type") == "nominal"):
                            fields.add(item["field"].split(".")[0])
            for k, v in node.items():
                if k not in ("datasets", "config"):
                    walk(v, k)
        elif isinstance(node, list):
            for v in node:
                walk(v, key)

    walk(spec)
    out = []
    for rows in (spec.get("datasets") or {}).values():
        for row in rows:
            out += [_flat(v) for k, v in row.items() if k in fields and v not in (None, "")
                    and (not figures or k in ("text", "value_text"))]
    return out


def _norm(text: str) -> str:
    return SPACE.sub("", str(text)).replace("|", "").casefold()


def _titles(spec: dict) -> list[str]:
    """The chart's title and subtitle lines: drawn too (a projection states its inputs there)."""
    title = spec.get("title") or {}
    out = []
    for part in ("text", "subtitle"):
        value = title.get(part) if isinstance(title, dict) else None
        out += [value] if isinstance(value, str) else list(value or [])
    return out


def _read_csv(raw: bytes) -> list[dict]:
    assert raw.startswith(b"\xef\xbb\xbf"), "the CSV starts with a byte-order mark (Excel reads Chinese then)"
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))


@pytest.mark.parametrize("lang", reader.LANGS)
def test_every_chart_offers_exactly_the_figures_it_draws(lang):
    seen, bad = 0, []
    shown_col, value_col = t("cd_col_shown", lang), t("cd_col_value", lang)
    for where, chart in _charts(lang):
        seen += 1
        found = data_of(chart)
        if found is None:
            bad.append(f"{where}: the chart carries no data")
            continue
        parts = chartdata.files(found)
        name = next(n for n in parts if n.endswith(".csv"))
        rows = _read_csv(parts[name])
        if not rows:
            bad.append(f"{where}: an empty CSV")
            continue
        spec = chart.to_dict()
        drawn = _norm("".join(_drawn(spec) + _titles(spec)))
        if shown_col in rows[0]:  # figures: each one the CSV holds is written in the chart, and only those
            computed = any(c in where for c in COMPUTED)
            figures = _drawn(spec, figures=True) + [x for x in _drawn(spec) if re.fullmatch(r"[\d,.]+", x)]
            said = _norm(spec.get("description", ""))
            for r in rows:
                number = _norm(_number(r[value_col], lang))
                # 200–300 L / 200至7.5万升: a span drawn from two rows; a count on an axis of its own, bare
                in_span = re.search(f"{re.escape(number)}(?:[–-]|至)|(?:[–-]|至){re.escape(number)}", drawn)
                bare = number in {_norm(x) for x in figures}
                if _norm(r[shown_col]) not in drawn and not in_span and not bare and not (computed and number in said):
                    bad.append(f"{where}: the CSV's {r[shown_col]!r} is not drawn")
                if not re.fullmatch(r"-?\d+(\.\d+)?", r[value_col]):
                    bad.append(f"{where}: value {r[value_col]!r} is not a plain number")
            leftover = drawn  # what the chart writes as figures (its value texts) once the CSV's are taken out
            for r in sorted(rows, key=lambda r: -len(_norm(r[shown_col]))):
                leftover = leftover.replace(_norm(r[shown_col]), "")
            for x in _drawn(spec, figures=True):
                if any(c in where for c in COMPUTED):
                    continue
                if re.search(r"\d", x) and _norm(x) in leftover:
                    bad.append(f"{where}: the chart draws {x!r}, which the CSV does not hold")
        else:  # a chart of named things (or of counts of them): every row of the CSV is drawn by one of its cells
            skip = {t("cd_col_source", lang), t("cd_col_quote", lang)}
            for r in rows:
                cells = [v for k, v in r.items() if k not in skip and v and not re.fullmatch(r"[\d.\-]+", v)]
                if not any(_norm(v) in drawn for v in cells):
                    bad.append(f"{where}: no cell of the CSV row {cells!r} is drawn")
        quote = t("cd_col_quote", lang)
        for r in rows:
            for k, v in r.items():
                if k != quote and ID.search(v):
                    bad.append(f"{where}: an id in the CSV column {k!r}: {v!r}")
    assert seen > 20, f"only {seen} charts harvested in {lang}"
    assert not bad, "\n".join(dict.fromkeys(bad))


@pytest.mark.parametrize("lang", reader.LANGS)
def test_the_download_is_a_valid_data_package_with_a_readme_in_the_readers_language(lang, tmp_path):
    from frictionless import Package

    where, chart = next((w, c) for w, c in _charts(lang) if "region=suzhou_sip" in w)
    found = data_of(chart)
    parts = chartdata.files(found)
    archive = zipfile.ZipFile(io.BytesIO(chartdata.zipped(parts)))
    assert sorted(archive.namelist()) == sorted(parts)
    archive.extractall(tmp_path)
    report = Package(str(tmp_path / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    meta = json.loads(parts["datapackage.json"])
    assert meta["title"] == found.title and meta["licenses"][0]["name"] == "CC-BY-4.0"
    assert meta["version"] and meta["sources"], meta
    readme = parts["README.md"].decode()
    for key in ("cd_readme_cite", "cd_readme_licence", "cd_readme_caveats", "cd_caveat_targets"):
        assert t(key, lang) in readme, key
    han = len(re.findall(r"[\u4e00-\u9fff]", readme.split("## " + t("cd_readme_cite", lang))[0]))
    # before the citations (an English citation gives a Chinese original title first)
    assert (han > 100) if lang == "zh" else (han == 0), f"README not in {lang}"
    # every column is explained, and the note on written-out values shows one of these rows
    frame = chartdata.table(found)
    for col in frame.columns:
        assert re.search(rf"^- \*\*{re.escape(col)}\*\*(：|: )\S", readme, re.M), col
    example = t("cd_caveat_exact", lang, example="").split("{")[0][:12]
    assert example in readme and any(v in readme for v in frame[t("cd_col_value", lang)] if v)
    # the same data, the same bytes (nbval compares stored outputs)
    assert chartdata.zipped(chartdata.files(found)) == chartdata.zipped(parts)


def test_a_fact_row_reads_with_its_qualifier_year_kind_source_and_quote():
    where, chart = next((w, c) for w, c in _charts("zh") if "region=suzhou_sip" in w)
    rows = _read_csv(chartdata.files(data_of(chart))[next(n for n in chartdata.files(data_of(chart)) if n.endswith(".csv"))])
    cols = [t(f"cd_col_{k}", "zh") for k in (*chartdata.FACT, "source", "quote")]
    assert list(rows[0]) == cols
    assert all(r[t("cd_col_source", "zh")] and r[t("cd_col_quote", "zh")] for r in rows)
    assert {r[t("cd_col_kind", "zh")] for r in rows} <= {"实际", "目标", "预计"}


def test_the_block_under_a_chart_folds_a_table_and_three_downloads():
    where, chart = next((w, c) for w, c in _charts("en") if "01_three_barriers" in w)
    html = chartdata.block(chart).data
    assert html.count("<a href='data:") == 3 and "download=" in html
    assert "<details class='biomfg-chart-data'" in html and "<th scope='col'" in html
    assert "<script" not in html
