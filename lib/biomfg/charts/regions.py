"""Charts of the regional cases (notebooks 06-09): figures by unit, the value chain, track columns,
the MAH reform steps, the targets by plan action, and a dot map drawn from city coordinates only.

Rule kept everywhere here: one measure per axis (see charts.facts): figures in several units, or
counts of different things, get one panel and axis each or are written out; currencies are never
converted, summed or put together.
"""

from __future__ import annotations

import textwrap

import altair as alt
import pandas as pd

from .. import fmt
from ..i18n import check_lang, t
from ..theme import INK, MUTED
from .base import titled
from .facts import axis_for, fact_bars, facts_by_unit  # noqa: F401  (re-exported by charts)

CASE_COLOURS = ("#0072B2", "#D55E00")


def wrap(text: str, lang: str, width: int | None = None) -> list[str]:
    """Break a long name into lines that fit a label (CJK text wraps by characters)."""
    width = width or (12 if lang == "zh" else 26)
    return textwrap.wrap(str(text), width) or [""]


def columns_diagram(rows: pd.DataFrame, lang: str, title: str, subtitle: str | None,
                    column_labels: list[str], arrows: bool = True, empty_text: str | None = None,
                    width: int = 660):
    """Named items in ordered columns (e.g. upstream → midstream → downstream): `rows` has
    columns `column` (an index into column_labels) and `item` (the text), plus `source`.
    Long names wrap; positions are counted in text lines so wrapped items never overlap."""
    check_lang(lang)
    n = len(column_labels)
    heads = [wrap(h, lang, 9 if lang == "zh" else 18) for h in column_labels]
    head_depth = max(len(h) for h in heads)
    items, ends = [], []
    for c in range(n):
        mine = list(rows.loc[rows["column"] == c, "item"].astype(str))
        if not mine and empty_text:
            mine = [empty_text]
        y = head_depth + 0.7
        for name in mine:
            lines = wrap(name, lang, 12 if lang == "zh" else 22)
            items.append({"x": c, "y": y, "item": lines, "muted": name == empty_text})
            y += len(lines) + 0.7
        ends.append(y)
    depth = max(ends + [head_depth + 1.5]) - 0.4
    line_px = 22
    x_scale = alt.Scale(domain=[-0.5, n - 0.5])
    y_scale = alt.Scale(domain=[depth + 0.2, -0.6])
    boxes = pd.DataFrame({"x": [c - 0.44 for c in range(n)], "x2": [c + 0.44 for c in range(n)],
                          "xc": list(range(n)), "head": heads, "hy": [0.0] * n})
    box = alt.Chart(boxes).mark_rect(cornerRadius=10, fill="#f1f5f9", stroke="#9aa5b1").encode(
        x=alt.X("x:Q", scale=x_scale, axis=None), x2="x2:Q",
        y=alt.datum(-0.4, scale=y_scale, axis=None), y2=alt.datum(depth))
    head = alt.Chart(boxes).mark_text(fontSize=18, fontWeight="bold", lineHeight=line_px, baseline="top",
                                      color=INK).encode(
        x=alt.X("xc:Q", scale=x_scale, axis=None), y=alt.Y("hy:Q", scale=y_scale, axis=None), text="head:N")
    body = alt.Chart(pd.DataFrame(items)).mark_text(fontSize=15, lineHeight=line_px, baseline="top").encode(
        x=alt.X("x:Q", scale=x_scale, axis=None), y=alt.Y("y:Q", scale=y_scale, axis=None), text="item:N",
        color=alt.condition("datum.muted", alt.value(MUTED), alt.value(INK)))
    layers = [box, head, body]
    if arrows and n > 1:
        arr = pd.DataFrame({"x": [c + 0.5 for c in range(n - 1)], "a": ["➜"] * (n - 1)})
        layers.append(alt.Chart(arr).mark_text(fontSize=30, color="#D55E00").encode(
            x=alt.X("x:Q", scale=x_scale, axis=None), y=alt.datum(depth / 2 - 0.5, scale=y_scale, axis=None),
            text="a:N"))
    chart = alt.layer(*layers, width=width, height=int(round(line_px * (depth + 0.8))))
    columns = [t("desc_column", lang, name=h, n=int((rows["column"] == c).sum()))
               for c, h in enumerate(column_labels)]
    summary = t("desc_columns", lang, n=len(rows), m=fmt.set_phrase(n, "栏", lang, "columns"),
                columns=t("list_sep", lang).join(columns))
    table = rows.assign(column=[column_labels[c] for c in rows["column"]])  # the data behind it, columns named
    return titled(chart, title, rows, lang, subtitle, summary=summary, kind="diagram", table=table)


def targets_by_group(rows: pd.DataFrame, lang: str = "en"):
    """Every numeric target, written out under the plan group (goal or action) that sets it. A table
    of text, not bars: the targets count different things (parks, platforms, firms, projects), which
    no single axis could carry. `rows` needs group_label, group_order."""
    check_lang(lang)
    rows = rows.sort_values("group_order", kind="stable")
    return facts_by_unit(rows, lang, t("rg_targets_title", lang), t("rg_targets_sub", lang),
                         group_col="group_label", bars=False)


def _label_sides(lat, lon) -> list[str]:
    """For each dot, the side its name goes: away from its nearest neighbour ('right' or 'left')."""
    sides = []
    for i in range(len(lat)):
        d = [((lat[j] - lat[i]) ** 2 + (lon[j] - lon[i]) ** 2, j) for j in range(len(lat)) if j != i]
        j = min(d)[1] if d else i
        sides.append("right" if lon[j] < lon[i] or abs(lon[j] - lon[i]) < 0.3 else "left")
    return sides


def case_map(regions: pd.DataFrame, lang: str = "en", own_notebook: tuple[str, ...] | None = None):
    """A dot map of the regional cases from their city coordinates: points and names only, no
    boundaries, tiles or downloaded geometry. Labels sit on the side away from the nearest dot.
    In a lesson (`own_notebook` given) the colour tells the cases with a notebook of their own from
    those notebook 09 covers; elsewhere (a briefing, whose reader has no notebooks) every dot is one
    colour and there is no legend."""
    check_lang(lang)
    rows = regions.dropna(subset=["lat", "lon"]).copy()
    lat, lon = rows["lat"].astype(float).to_numpy(), rows["lon"].astype(float).to_numpy()
    sides = _label_sides(lat, lon)
    plot = pd.DataFrame({"lat": lat, "lon": lon, "name": rows[f"name_{lang}"].astype(str).to_numpy(),
                         "label": [wrap(n, lang, 10 if lang == "zh" else 22) for n in rows[f"name_{lang}"]],
                         "side": sides})
    lesson = own_notebook is not None
    if lesson:
        plot["kind"] = [t("rg_own_notebook" if r in own_notebook else "rg_other_park", lang) for r in rows["region_id"]]
    base = alt.Chart(plot).encode(longitude="lon:Q", latitude="lat:Q")
    colour = alt.Color("kind:N", title=t("rg_case_kind", lang),
                       scale=alt.Scale(domain=[t("rg_own_notebook", lang), t("rg_other_park", lang)],
                                       range=list(CASE_COLOURS)),
                       legend=alt.Legend(orient="top-left", direction="vertical", fillColor="white", padding=6)) \
        if lesson else alt.value(CASE_COLOURS[0])
    # invisible corner points widen the fitted projection so that names beside the dots have room
    pad = pd.DataFrame({"lat": [lat.min() - 1.0, lat.max() + 0.6], "lon": [lon.min() - 4.5, lon.max() + 4.5]})
    room = alt.Chart(pad).mark_point(opacity=0).encode(longitude="lon:Q", latitude="lat:Q")
    dots = base.mark_circle(size=320, opacity=0.95, stroke="white", strokeWidth=1.5).encode(
        color=colour, tooltip=[alt.Tooltip("name:N", title=t("crit_region", lang))])
    right = base.transform_filter("datum.side == 'right'").mark_text(
        align="left", dx=13, fontSize=14, lineHeight=16, baseline="middle", color=INK).encode(text="label:N")
    left = base.transform_filter("datum.side == 'left'").mark_text(
        align="right", dx=-13, fontSize=14, lineHeight=16, baseline="middle", color=INK).encode(text="label:N")
    chart = alt.layer(room, dots, right, left).project(type="equirectangular").properties(width=680, height=640)
    summary = t("desc_map", lang, n=len(plot), names=t("list_sep", lang).join(plot["name"]))
    return titled(chart, t("rg_map_title", lang), rows, lang, t("rg_map_sub", lang), summary=summary)




def case_locator(regions: pd.DataFrame, region_id: str, lang: str = "en"):
    """Where one case is among the regional cases: a small dot map for a briefing's page one, the case's dot
    in the accent colour with its name, the others grey and unnamed (city-centre coordinates only, no
    boundaries). For a case whose sources give no two figures of one measure to compare."""
    check_lang(lang)
    rows = regions.dropna(subset=["lat", "lon"]).copy()
    if region_id not in set(rows["region_id"]):
        raise ValueError(f"region {region_id!r} has no coordinates; valid: {', '.join(rows['region_id'])}")
    name = str(rows.set_index("region_id").loc[region_id, f"name_{lang}"])
    plot = pd.DataFrame({"lat": rows["lat"].astype(float).to_numpy(), "lon": rows["lon"].astype(float).to_numpy(),
                         "name": rows[f"name_{lang}"].astype(str).to_numpy(),
                         "here": (rows["region_id"] == region_id).to_numpy()})
    pad = pd.DataFrame({"lat": [plot["lat"].min() - 1.0, plot["lat"].max() + 0.6],
                        "lon": [plot["lon"].min() - 3.0, plot["lon"].max() + 6.5]})
    room = alt.Chart(pad).mark_point(opacity=0).encode(longitude="lon:Q", latitude="lat:Q")
    base = alt.Chart(plot).encode(longitude="lon:Q", latitude="lat:Q")
    others = base.transform_filter("!datum.here").mark_circle(size=140, color=MUTED, opacity=0.55).encode(
        tooltip=[alt.Tooltip("name:N", title=t("crit_region", lang))])
    here = base.transform_filter("datum.here").mark_circle(size=420, color=CASE_COLOURS[1], stroke="white",
                                                             strokeWidth=1.5).encode(tooltip=[alt.Tooltip("name:N")])
    # the name on the side away from its nearest neighbour (Zhengzhou is east of Luoyang), as case_map does
    here_at = int(plot["here"].to_numpy().argmax())
    right = _label_sides(plot["lat"].to_numpy(), plot["lon"].to_numpy())[here_at] == "right"
    label = base.transform_filter("datum.here").mark_text(align="left" if right else "right", dx=14 if right else -14,
                                                          fontSize=16, fontWeight="bold", baseline="middle",
                                                          color=INK).encode(
        text=alt.value(wrap(name, lang, 12 if lang == "zh" else 24)))
    chart = alt.layer(room, others, here, label).project(type="equirectangular").properties(width=380, height=230)
    summary = t("desc_locator", lang, name=name, n=len(plot))
    n = len(plot)
    words = (fmt.EN_NUMBER_WORDS[n] if n < len(fmt.EN_NUMBER_WORDS) else str(n)) if lang == "en" else \
        (fmt.zh_numeral(n) if n < 100 else str(n))
    # the case's own row, cited to the news item that reports it (a region is its own entity)
    mine = rows[rows["region_id"] == region_id].assign(entity_id=region_id)
    return titled(chart, t("rg_locator_title", lang, name=name, n=words), mine, lang,
                  t("rg_map_sub", lang), summary=summary)


def park_figures(rows: pd.DataFrame, lang: str = "en"):
    """Every figure about one regional case (rows: model.facts.case_figures(region)), one panel per
    measure, titled with the case's name: a new park needs only its data rows."""
    check_lang(lang)
    if rows.empty or rows["case_id"].nunique() != 1:
        raise ValueError("park_figures draws one case: pass model.facts.case_figures(region_id)")
    return facts_by_unit(rows, lang, t("rg_park_figures_title", lang, park=str(rows[f"case_{lang}"].iloc[0])))
