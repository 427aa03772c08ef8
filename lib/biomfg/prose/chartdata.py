"""The data behind every chart, offered the way Our World in Data's chart pages offer it: under the chart, a
folded "Data" block with a table view of the rows the chart was drawn from and three downloads, all inside
the page (data: addresses, so they work offline, in a saved notebook and in a static report):

- a CSV of those rows: names in the reader's language, each figure's value, unit, qualifier, year (and
  whether it is inferred), whether it is a target, the figure as the chart writes it, its source in full and
  the quotation behind it;
- a small metadata file (a Frictionless data package descriptor: title, description, sources, licence,
  the data's version and date, each column);
- a ZIP of both with a README in the reader's language: what the chart shows, its columns, how to cite it,
  its licence and its caveats.

Ids and curators' notes stay in data/; readers see names. Everything here is computed from the chart's own
rows (render.data_of), so the same data gives byte-identical outputs (nbval compares them).
"""

from __future__ import annotations

import base64
import csv
import io
import json
import re
import zipfile
from html import escape

import pandas as pd

from .. import data, fmt
from ..htmlout import HTML
from ..i18n import check_lang, messages, t
from ..model.cases import item_of, source_names
from ..render import ChartData, data_of
from .cards import TABLE_CSS
from .sources import citation

# What a row of another table shows, in this order: its names (the reader's language), the things its ids
# name, and a few plain columns. Anything else (codes, the other language, notes) stays in data/.
NAMED = ("name", "type_name", "country", "definition", "evidence", "step", "column", "item", "district", "group",
         "platforms", "focus", "from", "to")
IDS = {"type_id": "type", "barrier_id": "barrier", "platform_id": "platform", "factor_id": "factor",
       "rec_id": "rec", "target_id": "target", "region_id": "region", "entity_id": "entity"}
PLAIN = ("founded", "date", "year", "n_platforms", "lat", "lon")
FACT = ("entity", "indicator", "shown", "value", "unit", "qualifier", "year", "year_inferred", "kind")
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"


def _text(value) -> str:
    """fmt.text, a whole float written as an integer (a year or count read as 2000.0)."""
    return str(int(value)) if isinstance(value, float) and value.is_integer() else fmt.text(value)


def _unit(unit: str, lang: str) -> str:
    """A unit as a reader names it: 元 / CNY, 吨 / tonnes, 名次 / rank; '' for a count (the indicator says what
    is counted)."""
    if unit in fmt.CURRENCIES:
        return fmt.CURRENCIES[unit] if lang == "zh" else unit
    if unit == "count":
        return ""
    key = f"fx_unit_{unit}"
    if key in messages():
        return t(key, lang)
    zh, en = fmt.UNITS.get(unit, ("", ""))
    return (zh if lang == "zh" else en).strip()


def qualifier_words(code, lang: str) -> str:
    code = _text(code)
    if not code:
        return ""
    zpre, zsuf, epre, esuf = fmt.QUALIFIERS[code]
    words = (zpre + zsuf) if lang == "zh" else (epre + esuf)
    return words.strip().strip("（）()")


def _citations(rows: pd.DataFrame, lang: str) -> list[str]:
    """Each row's source in full (the item of a newspaper page that reports it, where data/ knows it)."""
    items = item_of(rows)
    pairs = [(_text(s), _text(i) or None) for s, i in zip(rows["source"], items, strict=True)]
    said = {(s, i): citation(s, lang, i) for s, i in dict.fromkeys(pairs) if s}  # a few sources, many rows
    return [said.get(pair, "") for pair in pairs]


def _fact_table(rows: pd.DataFrame, lang: str) -> dict[str, list[str]]:
    names = data.entity_index()[f"name_{lang}"]
    yes, no = t("cd_yes", lang), t("cd_no", lang)
    cols: dict[str, list[str]] = {k: [] for k in FACT}
    for r in rows.to_dict("records"):
        cols["entity"].append(_text(names.get(r["entity_id"], "")))
        cols["indicator"].append(_text(r[f"indicator_{lang}"]))
        cols["shown"].append(fmt.shown(r, lang))
        cols["value"].append(fmt.plain(r["value"]))
        cols["unit"].append(_unit(r["unit"], lang) or (_text(r.get("measure_zh")) if lang == "zh" else t("cd_unit_count", lang)))
        cols["qualifier"].append(qualifier_words(r.get("qualifier"), lang))
        year = _text(r.get("year"))
        cols["year"].append(year or fmt.since(r, lang))
        cols["year_inferred"].append((yes if fmt.year_inferred(r) else no) if year else "")
        cols["kind"].append(t(f"cd_kind_{r.get('kind') or 'actual'}", lang))
    return cols


def _other_table(rows: pd.DataFrame, lang: str) -> dict[str, list[str]]:
    names = data.entity_index()[f"name_{lang}"]
    factors = data.table("success_factors").set_index("factor_id")[f"name_{lang}"]
    cols: dict[str, list[str]] = {}
    own = rows[f"name_{lang}"].astype(str).tolist() if f"name_{lang}" in rows else None
    for base in NAMED:
        col = next((c for c in (f"{base}_{lang}", base) if c in rows), None)
        if col is not None:
            cols[base] = [_text(v) for v in rows[col]]
    for col, base in IDS.items():
        if col not in rows or base in cols or (base == "type" and "type_name" in cols):
            continue
        lookup = factors if col == "factor_id" else names
        named = [_text(lookup.get(v, "")) for v in rows[col]]
        if named != own and any(named):  # a table's own key names what its name column says already
            cols[base] = named
    for base in PLAIN:
        if base in rows:
            cols[base] = [_text(v) for v in rows[base]]
    return cols


def _columns(chart: ChartData) -> dict[str, list[str]]:
    """The CSV's columns by their own names (cd_col_<name> heads them in the reader's language)."""
    rows, lang = chart.rows, chart.lang
    check_lang(lang)
    cols = _fact_table(rows, lang) if "fact_id" in rows else _other_table(rows, lang)
    if "source" in rows:
        cols["source"] = _citations(rows, lang)
    if "quote" in rows:
        cols["quote"] = [_text(q) for q in rows["quote"]]
    if "type_name" in cols:
        cols["type"] = cols.pop("type_name")
    return cols


def table(chart: ChartData, cols: dict[str, list[str]] | None = None) -> pd.DataFrame:
    """The rows behind a chart as a reader reads them: headed in the chart's language, names for ids, every
    row's source in full and its quotation (where the table keeps one). `cols`: `_columns`, if made already."""
    return pd.DataFrame({t(f"cd_col_{k}", chart.lang): v for k, v in (cols or _columns(chart)).items()})


LONG = {"definition", "evidence", "item", "platforms", "focus", "from", "to"}  # a sentence: room to wrap


def view(chart: ChartData, cols: dict[str, list[str]] | None = None) -> list[tuple[str, str, list[str]]]:
    """The table view under the chart: (heading, cards.TABLE_CSS cell class, cells) per column. Fewer, shorter
    columns than the CSV, so that it fits the page without squeezing a word: a figure is named in one cell
    ('who: what'), its year says if it is inferred, its source is named as the chart's source line names it
    (the CSV has the citation in full, the plain value, unit and qualifier)."""
    lang = chart.lang
    cols = cols or _columns(chart)
    if "shown" in cols:
        sep = t("colon", lang)
        inferred = t("paren", lang, text=t("year_inferred", lang))
        out = [(t("cd_view_figure", lang), "text",
                [f"{w}{sep}{i}" if w else i for w, i in zip(cols["entity"], cols["indicator"], strict=True)]),
               (t("cd_view_shown", lang), "nowrap", cols["shown"]),
               (t("cd_view_year", lang), "nowrap",
                [f"{y}{inferred}" if f == t("cd_yes", lang) else y
                 for y, f in zip(cols["year"], cols["year_inferred"], strict=True)]),
               (t("cd_view_kind", lang), "nowrap", cols["kind"])]
    else:
        out = [(t(f"cd_col_{k}", lang), "text" if k in LONG else "name", v) for k, v in cols.items()
               if k not in ("source", "quote")]
    if "quote" in cols:
        out.append((t("cd_view_quote", lang), "cite", [f"“{q}”" if q else "" for q in cols["quote"]]))
    if "source" in cols:
        out.append((t("cd_view_source", lang), "text", source_names(chart.rows, lang)))
    return out


def slug(title: str) -> str:
    """A file name from a chart's title: its letters and digits (Chinese kept), dashes between words."""
    words = re.findall(r"[0-9A-Za-z\u4e00-\u9fff]+", title)
    name = "-".join(words).lower()
    return (name[:48].rstrip("-") if name.isascii() else name[:24].rstrip("-")) or "chart"


def csv_text(frame: pd.DataFrame) -> str:
    buf = io.StringIO()
    frame.to_csv(buf, index=False, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    return buf.getvalue()


def _field(name: str, values: pd.Series) -> dict:
    kind = "string"
    filled = [v for v in values if v != ""]
    if filled and all(re.fullmatch(r"-?\d+", v) for v in filled):
        kind = "integer"
    elif filled and all(re.fullmatch(r"-?\d+(\.\d+)?", v) for v in filled):
        kind = "number"
    return {"name": name, "type": kind}


def _sources(frame: pd.DataFrame, lang: str) -> list[str]:
    """The sources the rows cite, each once, in full."""
    return sorted({c for c in frame.get(t("cd_col_source", lang), []) if c})


def metadata(chart: ChartData, frame: pd.DataFrame, name: str) -> dict:
    """A Frictionless data package descriptor of the chart's CSV: title, description, sources, licence,
    the data's version and date, and each column with its type."""
    lang = chart.lang
    v = data.versions()
    return {
        "profile": "tabular-data-package",
        "name": "chart-data",
        "title": chart.title,
        "description": chart.description,
        "version": v["data_version"],
        "created": f"{v['date']}T00:00:00Z" if v["date"] else None,
        "contributors": [{"title": t("cd_contributors", lang), "role": "author"}],
        "sources": [{"title": s} for s in _sources(frame, lang)],
        "licenses": [{"name": "CC-BY-4.0", "path": LICENCE_URL, "title": t("cd_licence_title", lang)}],
        "keywords": [t("collection_title", lang)],
        "resources": [{
            "name": "data", "path": name, "profile": "tabular-data-resource", "format": "csv",
            "mediatype": "text/csv", "encoding": "utf-8-sig",
            "schema": {"fields": [_field(c, frame[c]) for c in frame.columns]},
        }],
    }


def _example(frame: pd.DataFrame, lang: str) -> str:
    """How the Value column writes the chart's first figure whose written-out value differs from the chart's
    (3686亿元 → 368600000000元), taken from the rows themselves; '' when none does."""
    shown, value, unit = (t(f"cd_col_{k}", lang) for k in ("shown", "value", "unit"))
    if not {shown, value, unit} <= set(frame.columns):
        return ""
    found = [(s, v, u) for s, v, u in zip(frame[shown], frame[value], frame[unit], strict=True) if v and u and v not in s]
    found.sort(key=lambda x: any(p in x[0] for p in "（("))  # a figure with no mark (目标) reads best in brackets
    return t("cd_example", lang, shown=found[0][0], value=found[0][1], unit=found[0][2]) if found else ""


def readme(chart: ChartData, frame: pd.DataFrame, files: dict[str, str], note: str = "") -> str:
    """The README that goes with the download, in the reader's language (Markdown). `note`: what the chart
    says under its title (a total left out because some bars are its parts), said here too."""
    lang = chart.lang
    v = data.versions()
    keys = {t(f"cd_col_{k}", lang): k for k in (*FACT, *NAMED, "type", *IDS.values(), *PLAIN, "source", "quote")
            if k != "type_name"}
    helps = {c: f"cd_help_{keys[c]}" for c in frame.columns if c in keys}
    cols = "\n".join(f"- **{c}**" + (f"{t('colon', lang)}{t(helps[c], lang)}" if helps.get(c) in messages() else "")
                      for c in frame.columns)
    parts = [
        f"# {chart.title}", "",
        chart.description, "",
        *((f"## {t('cd_readme_note', lang)}", "", note, "") if note else ()),
        f"## {t('cd_readme_files', lang)}", "",
        *(f"- `{n}`{t('colon', lang)}{what}" for n, what in files.items()), "",
        f"## {t('cd_readme_columns', lang)}", "", cols, "",
        f"## {t('cd_readme_caveats', lang)}", "",
        f"- {t('cd_caveat_exact', lang, example=_example(frame, lang))}",
        *(f"- {t(k, lang)}" for k in ("cd_caveat_years", "cd_caveat_targets", "cd_caveat_money", "cd_caveat_rows")), "",
        f"## {t('cd_readme_cite', lang)}", "",
        t("cd_cite", lang, title=t("collection_title", lang), **v), "",
        f"{t('cd_readme_sources', lang)}{t('colon', lang)}", "",
        *(f"- {s}" for s in _sources(frame, lang)), "",
        f"## {t('cd_readme_licence', lang)}", "",
        t("cd_licence", lang, url=LICENCE_URL), "",
    ]
    return "\n".join(parts)


def files(chart: ChartData, frame: pd.DataFrame | None = None, note: str = "") -> dict[str, bytes]:
    """The download's files, by name: the CSV (UTF-8 with a byte-order mark, so Excel reads Chinese), the
    metadata and the README. `frame`: the chart's `table`, if made already; `note`: the chart's own note
    (`note_of`), in the README and the metadata's description."""
    lang = chart.lang
    frame = table(chart) if frame is None else frame
    name = slug(chart.title)
    csv_name, meta_name = f"{name}.csv", "datapackage.json"
    meta = metadata(chart, frame, csv_name)
    if note:
        meta["description"] = f"{meta['description']}{'' if lang == 'zh' else ' '}{note}"
    text = readme(chart, frame, {csv_name: t("cd_file_csv", lang), meta_name: t("cd_file_meta", lang),
                                 "README.md": t("cd_file_readme", lang)}, note)
    return {csv_name: csv_text(frame).encode("utf-8-sig"),
            meta_name: (json.dumps(meta, ensure_ascii=False, indent=2) + "\n").encode(),
            "README.md": text.encode()}


def zipped(parts: dict[str, bytes]) -> bytes:
    """The files as one ZIP, the same bytes for the same files (fixed dates and order)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in parts.items():
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, content)
    return buf.getvalue()


def _href(mediatype: str, content: bytes) -> str:
    return f"data:{mediatype};base64,{base64.b64encode(content).decode()}"


def block_html(chart: ChartData, note: str = "") -> str:
    """The folded block under a chart: the downloads, then the table view. `note`: the chart's own note."""
    lang = chart.lang
    cols = _columns(chart)  # once: the CSV and the table view are two readings of the same columns
    frame = table(chart, cols)
    parts = files(chart, frame, note)
    csv_name = next(n for n in parts if n.endswith(".csv"))
    zip_name = csv_name[:-4] + ".zip"
    links = [(_href("text/csv;charset=utf-8", parts[csv_name]), csv_name, t("cd_get_csv", lang)),
             (_href("application/json", parts["datapackage.json"]), csv_name[:-4] + ".datapackage.json",
              t("cd_get_meta", lang)),
             (_href("application/zip", zipped(parts)), zip_name, t("cd_get_zip", lang))]
    anchors = t("cd_sep", lang).join(
        f"<a href='{h}' download='{escape(n)}' data-biomfg-file='{escape(n)}'>{escape(w)}</a>" for h, n, w in links)
    # the house table (cards.TABLE_CSS: text left-aligned, headings whole, each cell as wide as its kind needs)
    columns = view(chart, cols)
    head = "".join(f"<th scope='col'>{escape(h)}</th>" for h, _, _ in columns)
    body = "".join("<tr>" + "".join(f"<td class='{k}'>{escape(cells[i])}</td>" for _, k, cells in columns) + "</tr>"
                   for i in range(len(frame)))
    summary = t("cd_summary", lang, n=len(frame))
    return (f"<details class='biomfg-chart-data' lang='{lang}' style='margin:.2em 0 1em;font-size:.9em;color:#333'>"
            f"<summary style='cursor:pointer;color:#444'>{escape(summary)}</summary>"
            f"<p style='margin:.5em 0'>{escape(t('cd_downloads', lang))}{escape(t('colon', lang))}{anchors}</p>"
            f"<div style='overflow-x:auto;max-height:28em;overflow-y:auto'>"
            f"{TABLE_CSS}<table class='biomfg-table' style='font-size:.9em;margin:0'>"
            f"<caption style='text-align:left;caption-side:top;color:#444'>{escape(chart.title)}</caption>"
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
            f"<p style='margin:.5em 0;color:#444'>{escape(t('cd_licence_line', lang))}</p></details>")


def block(chart) -> HTML | None:
    """What goes under a chart (an Altair chart made by charts.base.titled): its data block; None for a
    chart that carries no rows."""
    found = data_of(chart)
    return None if found is None else HTML(block_html(found, note_of(chart, found.lang)))


def note_of(chart, lang: str) -> str:
    """What a chart says under its title before its source line (charts.base.titled's subtitle: a total left
    out because some bars are its parts, what "inferred" means), its wrapped lines joined again; '' if none."""
    title = getattr(chart, "title", None)
    lines = getattr(title, "subtitle", None)
    if lines is None or isinstance(lines, str) or not hasattr(lines, "__iter__"):
        lines = [lines] if isinstance(lines, str) else []
    lines = [str(x) for x in lines]
    source = t("source", lang)
    cut = next((i for i, x in enumerate(lines) if x.startswith(source)), len(lines))
    return ("" if lang == "zh" else " ").join(x.strip() for x in lines[:cut]).strip()
