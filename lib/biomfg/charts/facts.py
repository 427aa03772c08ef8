"""Figures from `data.facts()` as charts (the regional cases, the briefings, the region comparer).

The rules kept here:
- one measure per axis: a money or physical unit is a measure (CNY, tonnes, years …); a count is a
  measure only of one thing (patents and lists are never on one axis). Currencies are never converted.
- a bar only where there is something to compare: two or more figures of one measure. A rank (a
  longer bar would be a worse rank), a figure with nothing alike, or several figures the data states
  for one label are written out as text in a table-like panel instead.
- every row says what it is about (who, what, year) and no two rows share a label; names are wrapped,
  never cut, and the whole chart stays within the width it is given.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from .. import data as _data
from .. import fmt
from ..i18n import check_lang, messages, t
from ..model.facts import whose, whose_names  # noqa: F401  (charts.briefing labels with whose too)
from ..theme import INK, MUTED
from .base import lines_px, text_px, titled, wrap_px

# Money on an axis, scaled as fmt.number scales it: unit -> magnitude; the words are the catalogue's
# chart_money_<magnitude> (亿元 / CNY bn) with currency_<unit>, the divisor is the magnitude's in each language
MONEY_AXIS = {"CNY": "bn", "USD": "bn", "GBP": "m", "EUR": "bn", "DKK": "bn"}
MAGNITUDES = {"bn": {"zh": 1e8, "en": 1e9}, "m": {"zh": 1e4, "en": 1e6}}
NO_BARS = {"rank", "grade"}  # ordinal: the length of a bar would mean nothing (or the opposite)
LABEL_PX = {"en": 340, "zh": 300}  # the row labels wrap at this width (15 px text)
LINE_PX = 18


def cap(text: str, lang: str) -> str:
    text = str(text)
    return text[:1].upper() + text[1:] if lang == "en" else text


def axis_for(unit: str, lang: str, values=None) -> tuple[float, str]:
    """(divisor, words) for a unit on an axis: money in 亿元 / CNY bn (as fmt scales it), or in 万 / m when
    the largest of `values` is below a 亿 / a billion (USD 20 m is never 'USD 0.02 bn'); other units by
    their name ("tonnes" / "吨"), counts as "number" / "数量" (say what is counted: see `measure`)."""
    check_lang(lang)
    if unit in MONEY_AXIS:
        magnitude = MONEY_AXIS[unit]
        sizes = [abs(float(v)) for v in (values if values is not None else []) if pd.notna(v)]
        if sizes:
            magnitude = "bn" if max(sizes) >= MAGNITUDES["bn"][lang] else "m"
        return MAGNITUDES[magnitude][lang], t(f"chart_money_{magnitude}", lang, currency=t(f"currency_{unit}", lang))
    if unit == "count":
        return 1.0, t("fx_axis_count", lang)
    key = f"fx_unit_{unit}"  # other units as an axis reads them ("tonnes" / "吨"); an unknown unit as it is
    return 1.0, t(key, lang) if key in messages() else unit


def axis_key(row) -> str:
    """What an axis measures: the unit, and for a count the thing counted (its indicator)."""
    return f"{row['unit']}|{row['indicator']}" if row["unit"] == "count" else str(row["unit"])


def totals_of_parts(rows: pd.DataFrame, keys=None) -> pd.Series:
    """For each row: is it a total that another row of the same measure is part of (facts.part_of)? Such
    a total is never drawn as a bar beside its parts (a reader would add them up)."""
    none = pd.Series(False, index=rows.index)
    if rows.empty or "part_of" not in rows or "fact_id" not in rows or rows["part_of"].isna().all():
        return none
    if keys is None:  # axis_key of each row, at once
        unit = rows["unit"].astype(str)
        keys = unit.where(unit != "count", unit + "|" + rows["indicator"].astype(str))
    parts = rows["part_of"].notna()
    wholes = set(zip(rows.loc[parts, "part_of"], keys[parts], strict=True))
    return pd.Series([(f, k) in wholes for f, k in zip(rows["fact_id"], keys, strict=True)], index=rows.index)


def measure(rows: pd.DataFrame, lang: str, scaled: bool = True) -> tuple[float, str]:
    """(divisor, axis title) for rows of one measure: 'Number of firms', 'Output value (CNY bn)',
    'CNY bn' when several indicators share the unit (the magnitude fitted to the rows' values). Refuses
    rows that mix measures. `scaled=False`: money named by its currency alone ('Grant amount per project
    (USD)', 'USD' / '美元金额'), for a sentence whose figures say their own magnitude."""
    check_lang(lang)
    units = sorted(set(rows["unit"]))
    if len(units) != 1:
        raise ValueError(f"one unit per axis: these rows mix {', '.join(units)}; use facts_by_unit()")
    whats = list(dict.fromkeys(rows[f"indicator_{lang}"].astype(str)))
    if units[0] == "count":
        if rows["indicator"].nunique() != 1:
            raise ValueError("one unit per axis: these rows count different things "
                             f"({'; '.join(whats)}); use facts_by_unit()")
        return 1.0, cap(whats[0], lang)
    if not scaled and units[0] in MONEY_AXIS:
        currency = t(f"currency_{units[0]}", lang)
        if len(whats) == 1:
            return 1.0, cap(whats[0], lang) + t("paren", lang, text=currency)
        return 1.0, t("chart_money_amounts", lang, currency=currency)
    divisor, words = axis_for(units[0], lang, rows["value"])
    if len(whats) == 1:
        return divisor, cap(whats[0], lang) + t("paren", lang, text=words)
    return divisor, cap(words, lang)


value_text = fmt.shown  # a figure as the charts write it


def row_labels(rows: pd.DataFrame, lang: str, label_col: str | None = None,
               grouped: bool = False) -> list[tuple[str, str]]:
    """(who, what (year)) for each fact; 'who' is '' when all the rows are about one entity, when the
    fact is about its case and the case is said already (one case, or `grouped` under case headings),
    or when `label_col` gives the whole label."""
    if label_col:
        return [("", str(x)) for x in rows[label_col]]
    who_of = whose_names(lang)
    case_said = "case_id" in rows and (grouped or rows["case_id"].nunique() == 1)
    # under a case's name a figure is the case's own only if it is about the case itself: an industry's,
    # a firm's or a zone's figure names its entity even when it is the only one (one row is one entity's
    # one indicator, never a bare 'output value' read as the case's)
    single = rows["entity_id"].nunique() == 1 and "case_id" not in rows
    out = []
    for _, r in rows.iterrows():
        own = single or (case_said and r["entity_id"] == r["case_id"])
        what = r[f"indicator_{lang}"]
        label = "fx_label_year_inferred" if fmt.year_inferred(r) else "fx_label_year"  # 今年: marked, never stated
        out.append(("" if own else who_of.get(r["entity_id"], str(r["entity_id"])),
                    f"{what}{fmt.year_paren(r, lang)}" if pd.isna(r["year"])  # a stated period: since 2023
                    else t(label, lang, what=what, year=int(r["year"]))))
    return out


def _plot_rows(rows: pd.DataFrame, lang: str, label_col: str | None, group_col: str | None) -> pd.DataFrame:
    """One plotted row per (group, who, what, measure): figures the data states for one label are
    merged into one row (their texts joined), so a row never hides another."""
    labels = row_labels(rows, lang, label_col, grouped=bool(group_col))
    plot = pd.DataFrame({
        "group": rows[group_col].astype(str).to_numpy() if group_col else "",
        "who": [w for w, _ in labels],
        "what": [x for _, x in labels],
        "value": rows["value"].astype(float).to_numpy(),
        "value_text": [value_text(r, lang) for _, r in rows.iterrows()],
        "span_text": [_span_text(rows, i, lang) for i in range(len(rows))],
        "unit": rows["unit"].astype(str).to_numpy(),
        "key": [axis_key(r) for _, r in rows.iterrows()],
        "_rows": [[i] for i in range(len(rows))],
    })
    return _merge(plot, ["group", "who", "what", "key"], lang)


def _span_text(rows: pd.DataFrame, i: int, lang: str) -> str:
    """For the low end of a stated range (qualifier range_low) whose high end is among the rows (same
    entity, indicator, unit, year and kind): the range as one figure, '3–6 months' / '3至6个月'; else ''."""
    r = rows.iloc[i]
    if fmt.text(r.get("qualifier")) != "range_low":
        return ""
    same = ["entity_id", "indicator", "unit", "kind"]
    high = rows[(rows[same] == r[same]).all(axis=1) & rows["qualifier"].eq("range_high").fillna(False)
                & rows["year"].astype("string").fillna("").eq(fmt.text(r["year"]))]
    if high.empty:
        return ""
    text = fmt.span(r["value"], high.iloc[0]["value"], r["unit"], lang, fmt.text(r.get("measure_zh")))
    kind = "" if r.get("kind", "actual") in ("actual", None) else t(r["kind"], lang)
    return text + t("paren", lang, text=kind) if kind else text


def _merge(plot: pd.DataFrame, by: list[str], lang: str) -> pd.DataFrame:
    sep = t("clause_sep", lang)
    merged = []
    for _, g in plot.groupby(by, sort=False):
        first = g.iloc[0].copy()
        spans = [x for x in g["span_text"] if x] if "span_text" in g else []
        if spans and len(g) == 2:  # the two ends of one stated range: one figure, 12–15
            first["value_text"] = spans[0]
            first["n"] = 2  # a range is written out, not drawn as one bar
            first["_rows"] = [i for rs in g["_rows"] for i in rs]
            merged.append(first)
            continue
        texts = list(dict.fromkeys(t for x in g["value_text"] for t in x.split(sep)))
        first["value_text"] = sep.join(texts)
        first["n"] = len(texts)
        first["_rows"] = [i for rs in g["_rows"] for i in rs]
        merged.append(first)
    return pd.DataFrame(merged).reset_index(drop=True)


HEAD_PX, HEAD_LINE, ROW_PAD, BAR_PX = 560, 21, 10, 22
HEAD_TOP = 8  # px between the top axis and a heading that opens a panel


def _cells(plot: pd.DataFrame, lang: str, heads: bool, text_width: float | None = None) -> list[dict]:
    """The panel's rows as drawn: a header before each group (if `heads`); under it the group's own
    figures, then figures labelled 'who: what', then those of an entity with several under its name."""
    colon = t("colon", lang)
    cells = []

    def cell(group, role, head=("",), label=("",), text=("",), value=0.0, who=""):
        cells.append({"group": group, "who": who, "role": role, "head": list(head), "label": list(label),
                      "text": list(text), "value": value})

    for g, part in plot.groupby("group", sort=False):
        if heads:
            cell(g, "head", head=wrap_px(g, HEAD_PX, 16, bold=True))
        blocks = list(part.groupby("who", sort=False))
        # the case's own figures first, then figures 'who: what', then blocks headed by their entity
        blocks.sort(key=lambda b: 0 if not b[0] else (1 if len(b[1]) == 1 else 2))
        for who, mine in blocks:
            sub = bool(who) and len(mine) > 1
            if sub:
                cell(g, "sub", head=wrap_px(who, HEAD_PX - 12, 15, bold=True))
            for _, r in mine.iterrows():
                label = cap(r["what"], lang) if sub or not who else f"{who}{colon}{r['what']}"
                text = wrap_px(r["value_text"], text_width, 15, bold=True) if text_width else [r["value_text"]]
                cell(g, "row", label=wrap_px(label, LABEL_PX[lang]), text=text, value=float(r["value"]),
                     who=who if sub else "")
    return cells


def layout(cells: list[dict]) -> int:
    """Place the rows top to bottom in pixels (each as tall as its most wrapped text); returns the
    panel's height. Pure arithmetic, so the region comparer re-runs it on the rows it keeps."""
    y = 0.0
    for c in cells:
        if c["role"] in ("head", "sub"):
            # a heading opening the panel stands HEAD_TOP below the top axis (its ticks end at the plot's edge)
            c["y"] = y + ((14 if c["role"] == "head" else 4) if y else HEAD_TOP)
            y = c["y"] + len(c["head"]) * (HEAD_LINE if c["role"] == "head" else LINE_PX) + 2
            c["yc"] = c["b0"] = c["b1"] = c["y"]
            c["band0"], c["y_end"] = c["y"] - 3, y  # the white band under it (see _bar_panel)
            continue
        h = max(len(c["label"]), len(c["text"])) * LINE_PX + ROW_PAD
        c["y"], c["yc"] = y + ROW_PAD / 2, y + h / 2
        c["b0"], c["b1"] = c["yc"] - BAR_PX / 2, c["yc"] + BAR_PX / 2
        y += h
    return int(round(y))


def _label_px(cells: list[dict]) -> float:
    return max((lines_px(c["label"]) for c in cells if c["role"] == "row"), default=0.0)


def _layers(cells: list[dict], heads: bool) -> tuple[alt.Chart, list]:
    """The chart holding the cells, and the layers every panel has: group headers and row labels
    (drawn left of the plot, right-aligned, never cut)."""
    base = alt.Chart(pd.DataFrame(cells))
    px = lambda f: alt.Y(f"{f}:Q", scale=None, axis=None)  # noqa: E731  (y in pixels, laid out above)
    label_px = _label_px(cells)
    labels = base.transform_filter("datum.role == 'row'").mark_text(
        align="right", baseline="top", fontSize=15, lineHeight=LINE_PX, color=INK).encode(
        x=alt.XValue(-10), y=px("y"), text=alt.Text("label:N"))
    layers = [labels]
    if heads:
        layers.append(base.transform_filter("datum.role == 'head'").mark_text(
            align="left", baseline="top", fontSize=16, fontWeight="bold", lineHeight=HEAD_LINE, color=INK).encode(
            x=alt.XValue(-10 - label_px), y=px("y"), text=alt.Text("head:N")))
    if any(c["role"] == "sub" for c in cells):
        layers.append(base.transform_filter("datum.role == 'sub'").mark_text(
            align="left", baseline="top", fontSize=15, fontWeight="bold", lineHeight=LINE_PX, color=MUTED).encode(
            x=alt.XValue(-10 - label_px + (12 if heads else 0)), y=px("y"), text=alt.Text("head:N")))
    return base, layers


def _bar_panel(plot: pd.DataFrame, rows: pd.DataFrame, lang: str, width: int, heads: bool):
    divisor, title = measure(rows, lang)
    plot = plot.assign(value=plot["value"] / divisor)
    # the domain leaves room right of every bar for its value text, inside the plot
    room = [width - text_px(s, 14) - 14 for s in plot["value_text"]]
    if min(room) < width / 4:
        raise ValueError(f"value labels too long for a {width} px panel: widen it")
    domain = max([float(plot["value"].max()) or 1.0] + [v * width / r for v, r in zip(plot["value"], room, strict=True)])
    cells = _cells(plot, lang, heads)
    height = layout(cells)
    base, layers = _layers(cells, heads)
    x = alt.X("value:Q", title=wrap_px(title, width, 16, bold=True), scale=alt.Scale(domain=[0, domain], nice=False),
              axis=alt.Axis(grid=True, tickCount=5, orient="top", titlePadding=8, labelFlush=True, domain=False))
    rows_only = base.transform_filter("datum.role == 'row'")
    # a heading runs across the plot: a white band under it keeps the gridlines out of its text
    # (the cells' own rows: the region comparer keeps some groups' cells and lays them out again, bands too)
    heads = any(c["role"] in ("head", "sub") for c in cells)
    band = base.transform_filter("datum.role == 'head' || datum.role == 'sub'").mark_rect(color="white").encode(
        x=alt.XValue(0), x2=alt.X2Value(width), y=alt.Y("band0:Q", scale=None, axis=None), y2=alt.Y2("y_end:Q"))
    bars = rows_only.mark_bar(color="#0072B2").encode(
        x=x, x2=alt.X2Datum(0), y=alt.Y("b0:Q", scale=None, axis=None), y2=alt.Y2("b1:Q"))
    text = rows_only.mark_text(align="left", baseline="middle", dx=6, fontSize=14, color=INK).encode(
        x=alt.X("value:Q", scale=alt.Scale(domain=[0, domain], nice=False)), y=alt.Y("yc:Q", scale=None, axis=None),
        text=alt.Text("text:N"))
    marks = [band] if heads else []
    return alt.layer(*marks, bars, text, *layers).properties(width=width, height=height)


def _text_panel(plot: pd.DataFrame, lang: str, width: int, heads: bool, title):
    cells = _cells(plot, lang, heads, text_width=width)
    height = layout(cells)
    base, layers = _layers(cells, heads)
    values = base.transform_filter("datum.role == 'row'").mark_text(
        align="left", baseline="top", fontSize=15, fontWeight="bold", lineHeight=LINE_PX, color=INK).encode(
        x=alt.XValue(4), y=alt.Y("y:Q", scale=None, axis=None), text=alt.Text("text:N"))
    used = max(lines_px(c["text"], 15, True) for c in cells if c["role"] == "row")
    chart = alt.layer(values, *layers).properties(width=int(used) + 12, height=height)
    return chart if title is None else chart.properties(title=title)


def fact_bars(rows: pd.DataFrame, lang: str = "en", label_col: str | None = None, width: int = 420):
    """One panel of horizontal bars for facts of ONE measure (a unit; for counts, one indicator),
    each bar labelled with its exact value (qualifier kept). Raises if the rows mix measures."""
    check_lang(lang)
    measure(rows, lang)
    if set(rows["unit"]) & NO_BARS:
        raise ValueError(f"a {', '.join(sorted(set(rows['unit']) & NO_BARS))} is not a quantity: "
                         "it is written out, not drawn as a bar (use facts_by_unit)")
    plot = _plot_rows(rows, lang, label_col, None)
    return _bar_panel(plot, rows, lang, width, heads=False)


def facts_by_unit(rows: pd.DataFrame, lang: str, title: str, subtitle: str | None = None,
                  label_col: str | None = None, group_col: str | None = None, width: int = 360,
                  bars: bool = True):
    """Facts in any mix of units and measures, under one title and one source line: a panel of
    bars (its own axis) for each measure with two or more figures to compare, then one text panel
    with the rest. `group_col` (e.g. the region) heads a block of rows per group in each panel;
    `bars=False` writes every figure out (one text panel)."""
    check_lang(lang)
    if rows.empty:
        raise ValueError("no rows to draw; say 'no value' instead of drawing an empty chart")
    rows = rows.reset_index(drop=True)
    plot = _plot_rows(rows, lang, label_col, group_col)
    totals = set(rows.index[totals_of_parts(rows)])  # a total beside its parts: written out, not a bar
    one = (plot["n"] == 1) & ~plot["_rows"].map(lambda rs: bool(set(rs) & totals))
    keys = list(dict.fromkeys(plot["key"]))
    bar_keys = [k for k in keys if bars and k not in NO_BARS and ((plot["key"] == k) & one).sum() >= 2]
    panels = []
    for k in bar_keys:
        part = plot[(plot["key"] == k) & one]
        used = rows.iloc[[i for rs in part["_rows"] for i in rs]]
        panels.append(_bar_panel(part, used, lang, width, heads=bool(group_col)))
    rest = plot[~plot.index.isin(plot[(plot["key"].isin(bar_keys)) & one].index)]
    if not rest.empty:
        rest = _merge(rest, ["group", "who", "what"], lang)  # one row per label in the text panel too
        head = alt.TitleParams(wrap_px(t("fx_other_title", lang), 700, 16, bold=True), fontSize=16,
                               anchor="start", offset=10) if panels else None
        panels.append(_text_panel(rest, lang, 320, bool(group_col), head))
    chart = panels[0] if len(panels) == 1 else alt.vconcat(*panels, spacing=36).resolve_scale(x="independent")
    if any(fmt.year_inferred(r) for _, r in rows.iterrows()):  # say what "inferred" means
        subtitle = " ".join(x for x in (subtitle, fmt.inferred_note(rows, lang)) if x)
    return titled(chart, title, rows, lang, subtitle)


def _lower(text: str, lang: str) -> str:
    """A name inside an English sentence: 'output value', but 'CNY bn' and 'SIP' stay as written."""
    text = str(text)
    return text[:1].lower() + text[1:] if lang == "en" and text[1:2].islower() else text


def fact_names(rows: pd.DataFrame, lang: str) -> list[str]:
    """Each fact row as a sentence names it, from data (never an id): its `label` if the chart labels it
    so, else what it measures and whose it is ('output value of Suzhou Industrial Park' / 苏州工业园区产值),
    with the year where two rows would read alike."""
    if "label" in rows:
        return [str(x) for x in rows["label"]]
    ents = _data.entity_index()[f"name_{lang}"]
    who_of = whose_names(lang)
    cases = "case_id" in rows and rows["case_id"].nunique() > 1
    several = rows["entity_id"].nunique() > 1
    out = []
    records = rows.to_dict("records")  # plain dicts: a comparer click describes its rows in a few ms
    for r in records:
        if "case_id" in rows and r["entity_id"] == r["case_id"]:
            who = str(r.get(f"case_{lang}", ents.get(r["entity_id"], ""))) if cases else ""
        else:
            who = who_of.get(r["entity_id"], "") if several or "case_id" in rows else ""
        what = _lower(r[f"indicator_{lang}"], lang)
        out.append(t("desc_name", lang, what=what, who=who) if who else what)
    if len(set(out)) < len(out):  # the same figure in several years: say which
        out = [f"{n}{fmt.year_paren(r, lang)}" for n, r in zip(out, records, strict=True)]
    return out



def fact_summary(rows: pd.DataFrame, lang: str) -> str:
    """The fact rows a chart plots in one or two sentences: how many figures (of how many measures); for
    the measure with most figures to compare, what it is and its unit, the largest and the smallest with
    their names; where nothing compares (ranks, single figures), the first and last. Figures as the
    chart's labels write them (`value_text`: qualifier and target marker kept)."""
    check_lang(lang)
    rows = rows.reset_index(drop=True)
    if rows.empty:
        return ""
    names, keys = fact_names(rows, lang), [axis_key(r) for r in rows[["unit", "indicator"]].to_dict("records")]
    n, m = len(rows), len(set(keys))
    compare = pd.Series([k for k, u in zip(keys, rows["unit"], strict=True) if u not in NO_BARS]).value_counts()
    compare = compare[compare >= 2]
    if compare.empty:
        first, last = rows.index[0], rows.index[-1]
        if n == 1:
            return t("desc_one", lang, name=names[first], value=value_text(rows.loc[first], lang))
        return t("desc_first_last", lang, n=n, first=names[first], first_value=value_text(rows.loc[first], lang),
                 last=names[last], last_value=value_text(rows.loc[last], lang))
    best = min(compare.index, key=lambda k: (-compare[k], keys.index(k)))
    part = rows[[k == best for k in keys]]
    values = part["value"].astype(float)
    top, bottom = values.idxmax(), values.idxmin()
    unit = part["unit"].iloc[0]
    # amounts of several measures in one currency: named by the currency in full (人民币金额, not 元金额)
    named = t(f"desc_money_{unit}", lang) if unit in MONEY_AXIS and part["indicator"].nunique() > 1 else \
        measure(part, lang, scaled=False)[1]
    fields = {"n": n, "m": m, "measure": _lower(named, lang), "count": len(part),
              "top": names[top], "top_value": value_text(rows.loc[top], lang),
              "bottom": names[bottom], "bottom_value": value_text(rows.loc[bottom], lang)}
    if top == bottom or values.max() == values.min():
        return t("desc_equal" if m == 1 else "desc_equal_some", lang, **fields)
    return t("desc_extremes" if m == 1 else "desc_extremes_some", lang, **fields)
