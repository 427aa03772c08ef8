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

from ..i18n import check_lang, register, t
from ..theme import INK, MUTED
from .base import titled
from .facts import axis_for, fact_bars, facts_by_unit  # noqa: F401  (re-exported by charts)

register({
    "rg_region": {"en": "Region", "zh": "地区"},
    "rg_upstream": {"en": "Upstream", "zh": "上游"},
    "rg_midstream": {"en": "Midstream", "zh": "中游"},
    "rg_downstream": {"en": "Downstream", "zh": "下游"},
    "rg_no_firm_named": {"en": "(no firm named in the sources)", "zh": "（来源中未点名企业）"},
    "rg_chain_title": {"en": "The value chain, firm by firm", "zh": "产业链上的企业"},
    "rg_chain_sub": {"en": "Firms the sources place in each tier, read upstream → midstream → downstream",
                     "zh": "来源中归入各环节的企业，自上游 → 中游 → 下游"},
    "rg_map_title": {"en": "Where the regional cases are", "zh": "区域案例的位置"},
    "rg_map_sub": {"en": "Dots at city-centre coordinates (public geographic facts, not from the sources); "
                          "no boundaries drawn",
                   "zh": "圆点位于城市中心坐标（公开地理信息，非来源数据）；不绘制任何边界"},
    "rg_case_kind": {"en": "Case", "zh": "案例"},
    "rg_own_notebook": {"en": "Has its own notebook", "zh": "有单独的笔记本"},
    "rg_other_park": {"en": "Other parks (notebook 09)", "zh": "其他园区（笔记本 09）"},
    "rg_mah_title": {"en": "The MAH reform, step by step", "zh": "MAH制度改革的步骤"},
    "rg_mah_sub": {"en": "First proposed → pilot → nationwide; a step without a date says so",
                   "zh": "率先提出 → 试点 → 覆盖全国；来源未给出日期的步骤如实标注"},
    "rg_reform_proposed": {"en": "First proposed", "zh": "率先提出"},
    "rg_reform_pilot": {"en": "Pilot", "zh": "试点"},
    "rg_reform_nationwide": {"en": "Nationwide", "zh": "覆盖全国"},
    "rg_no_date": {"en": "no date in the source", "zh": "来源未给出日期"},
    "rg_targets_title": {"en": "Numeric targets, by plan action", "zh": "各项行动的数值目标"},
    "rg_targets_sub": {"en": "Under the goal or action that sets it; the year is the deadline",
                       "zh": "按设定目标的总体目标或行动分列；括号内为目标年份"},
    "rg_industries_title": {"en": "SIP's three strategic industries", "zh": "园区三大战略性新兴产业"},
    "rg_industries_sub": {"en": "Output value and number of firms, as the sources state them; year in brackets where given",
                          "zh": "产值与企业数，按来源原文；括号内为来源给出的年份"},
    "rg_consortium_title": {"en": "What one innovation consortium has produced", "zh": "一个创新联合体的成果"},
    "rg_zj_title": {"en": "Zhangjiang Science City in numbers", "zh": "数字中的张江科学城"},
    "rg_districts_title": {"en": "Platforms and bases the plan names, district by district",
                           "zh": "行动计划在各区（市）点名的平台与载体"},
    "rg_districts_sub": {"en": "Counted from the facilities the plan names in each district; colour = layout role",
                         "zh": "按行动计划在各区点名的机构计数；颜色表示布局定位"},
    "rg_layout_role": {"en": "Layout role", "zh": "布局定位"},
    "rg_districts_axis": {"en": "Platforms and bases named", "zh": "点名的平台与载体数"},
    "rg_tracks_title": {"en": "The tracks of Hangzhou's plan", "zh": "杭州行动计划的赛道"},
    "rg_tracks_sub": {"en": "Three kinds of track, each with its fields", "zh": "三类赛道及其细分领域"},
    "rg_estimate": {"en": "estimate", "zh": "预计"},
})

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
    return titled(chart, title, rows, lang, subtitle)


def value_chain(firms: pd.DataFrame, lang: str = "en"):
    """The value-chain diagram: firms by tier, upstream → midstream → downstream."""
    check_lang(lang)
    tiers = ["upstream", "midstream", "downstream"]
    rows = firms[firms["tier"].isin(tiers)]
    plot = pd.DataFrame({"column": rows["tier"].map(tiers.index).to_numpy(),
                         "item": rows[f"name_{lang}"].astype(str).to_numpy(), "source": rows["source"].to_numpy()})
    return columns_diagram(plot, lang, t("rg_chain_title", lang), t("rg_chain_sub", lang),
                           [t(f"rg_{x}", lang) for x in tiers], arrows=True, empty_text=t("rg_no_firm_named", lang))


def reform_timeline(events: pd.DataFrame, lang: str = "en"):
    """The reform steps in order (proposed → pilot → nationwide), each with its year or 'no date'."""
    check_lang(lang)
    kinds = ["reform_proposed", "reform_pilot", "reform_nationwide"]
    rows = events[events["kind"].isin(kinds)].copy()
    rows["step"] = rows["kind"].map(kinds.index)
    rows = rows.sort_values(["step", "year"], na_position="last")
    plot = pd.DataFrame({
        "step": rows["step"].to_numpy(),
        "stage": [t("rg_" + k, lang) for k in rows["kind"]],
        "when": [str(y) if pd.notna(y) else t("rg_no_date", lang) for y in rows["year"]],
        "what": [wrap(n, lang, 14 if lang == "zh" else 26) for n in rows[f"name_{lang}"]],
        "dated": rows["year"].notna().to_numpy(),
    })
    plot["row"] = plot.groupby("step").cumcount()
    x = alt.X("step:O", axis=alt.Axis(title=None, labels=False, ticks=False, domain=False))
    y = alt.Y("row:O", axis=None)
    dots = alt.Chart(plot).mark_circle(size=520, opacity=1).encode(
        x=x, y=y, color=alt.condition("datum.dated", alt.value("#0072B2"), alt.value("#bbbbbb")))
    stage = alt.Chart(plot).mark_text(dy=-58, fontSize=18, fontWeight="bold", color=INK).encode(
        x=x, y=y, text="stage:N")
    when = alt.Chart(plot).mark_text(dy=-34, fontSize=16, color="#D55E00").encode(x=x, y=y, text="when:N")
    what = alt.Chart(plot).mark_text(dy=30, fontSize=14, lineHeight=17, baseline="top", color=INK).encode(
        x=x, y=y, text="what:N")
    chart = alt.layer(dots, stage, when, what).properties(width=660, height=alt.Step(190))
    return titled(chart, t("rg_mah_title", lang), rows, lang, t("rg_mah_sub", lang))


def targets_by_group(rows: pd.DataFrame, lang: str = "en"):
    """Every numeric target, written out under the plan group (goal or action) that sets it. A table
    of text, not bars: the targets count different things (parks, platforms, firms, projects), which
    no single axis could carry. `rows` needs group_label, group_order."""
    check_lang(lang)
    rows = rows.sort_values("group_order", kind="stable")
    return facts_by_unit(rows, lang, t("rg_targets_title", lang), t("rg_targets_sub", lang),
                         group_col="group_label", bars=False)


def case_map(regions: pd.DataFrame, lang: str = "en", own_notebook: tuple[str, ...] = ()):
    """A dot map of the regional cases from their city coordinates: points and names only, no
    boundaries, tiles or downloaded geometry. Labels sit on the side away from the nearest dot."""
    check_lang(lang)
    rows = regions.dropna(subset=["lat", "lon"]).copy()
    lat, lon = rows["lat"].astype(float).to_numpy(), rows["lon"].astype(float).to_numpy()
    sides = []
    for i in range(len(rows)):
        d = [((lat[j] - lat[i]) ** 2 + (lon[j] - lon[i]) ** 2, j) for j in range(len(rows)) if j != i]
        j = min(d)[1] if d else i
        sides.append("right" if lon[j] < lon[i] or abs(lon[j] - lon[i]) < 0.3 else "left")
    kind = [t("rg_own_notebook", lang) if r in own_notebook else t("rg_other_park", lang) for r in rows["region_id"]]
    plot = pd.DataFrame({"lat": lat, "lon": lon, "name": rows[f"name_{lang}"].astype(str).to_numpy(),
                         "label": [wrap(n, lang, 10 if lang == "zh" else 22) for n in rows[f"name_{lang}"]],
                         "side": sides, "kind": kind})
    base = alt.Chart(plot).encode(longitude="lon:Q", latitude="lat:Q")
    colour = alt.Color("kind:N", title=t("rg_case_kind", lang),
                       scale=alt.Scale(domain=[t("rg_own_notebook", lang), t("rg_other_park", lang)],
                                       range=list(CASE_COLOURS)),
                       legend=alt.Legend(orient="top-left", direction="vertical", fillColor="white", padding=6))
    # invisible corner points widen the fitted projection so that names beside the dots have room
    pad = pd.DataFrame({"lat": [lat.min() - 1.0, lat.max() + 0.6], "lon": [lon.min() - 4.5, lon.max() + 4.5]})
    room = alt.Chart(pad).mark_point(opacity=0).encode(longitude="lon:Q", latitude="lat:Q")
    dots = base.mark_circle(size=320, opacity=0.95, stroke="white", strokeWidth=1.5).encode(
        color=colour, tooltip=[alt.Tooltip("name:N", title=t("rg_region", lang))])
    right = base.transform_filter("datum.side == 'right'").mark_text(
        align="left", dx=13, fontSize=14, lineHeight=16, baseline="middle", color=INK).encode(text="label:N")
    left = base.transform_filter("datum.side == 'left'").mark_text(
        align="right", dx=-13, fontSize=14, lineHeight=16, baseline="middle", color=INK).encode(text="label:N")
    chart = alt.layer(room, dots, right, left).project(type="equirectangular").properties(width=680, height=640)
    return titled(chart, t("rg_map_title", lang), rows, lang, t("rg_map_sub", lang))


def industry_figures(rows: pd.DataFrame, lang: str = "en"):
    """SIP's strategic industries: output value and number of firms, one panel (and axis) each;
    each row names its industry (rows need `label`)."""
    return facts_by_unit(rows, lang, t("rg_industries_title", lang), t("rg_industries_sub", lang), label_col="label")


def consortium_results(rows: pd.DataFrame, lang: str = "en", title: str | None = None):
    """The results a consortium reports: counts of different things, so written out, not one axis."""
    return facts_by_unit(rows, lang, title or t("rg_consortium_title", lang))


def zhangjiang_counts(rows: pd.DataFrame, lang: str = "en"):
    return facts_by_unit(rows, lang, t("rg_zj_title", lang))


def district_platforms(rows: pd.DataFrame, lang: str = "en"):
    """Named platforms per district (rows: district, group, n_platforms, source)."""
    check_lang(lang)
    plot = pd.DataFrame({"label": rows["district"].astype(str).to_numpy(), "group": rows["group"].astype(str).to_numpy(),
                         "value": rows["n_platforms"].astype(int).to_numpy(),
                         "value_text": rows["n_platforms"].astype(int).astype(str).to_numpy()})
    base = alt.Chart(plot).encode(
        y=alt.Y("label:N", sort=list(plot["label"]), title=None),
        x=alt.X("value:Q", title=t("rg_districts_axis", lang), axis=alt.Axis(tickMinStep=1, format="d")))
    colour = alt.Color("group:N", title=t("rg_layout_role", lang), sort=list(dict.fromkeys(plot["group"])),
                       scale=alt.Scale(range=["#0072B2", "#D55E00", "#009E73"]),
                       legend=alt.Legend(orient="bottom", direction="vertical", labelLimit=0))
    chart = alt.layer(base.mark_bar(height={"band": 0.7}).encode(color=colour),
                      base.mark_text(align="left", dx=6, fontSize=14, color=INK).encode(text="value_text:N"),
                      width=420, height=alt.Step(32))
    return titled(chart, t("rg_districts_title", lang), rows, lang, t("rg_districts_sub", lang))


def track_columns(items: pd.DataFrame, lang: str = "en"):
    """Hangzhou's three kinds of track, each with its fields, as columns (no arrows: not a sequence)."""
    check_lang(lang)
    heads = items[items["parent_id"].isna()].sort_values("order")
    kids = items[items["parent_id"].notna()]
    pos = {i: k for k, i in enumerate(heads["item_id"])}
    plot = pd.DataFrame({"column": kids["parent_id"].map(pos).to_numpy(),
                         "order": kids["order"].to_numpy(),
                         "item": kids[f"name_{lang}"].astype(str).to_numpy(),
                         "source": kids["source"].to_numpy()}).sort_values(["column", "order"])
    return columns_diagram(plot, lang, t("rg_tracks_title", lang), t("rg_tracks_sub", lang),
                           list(heads[f"name_{lang}"].astype(str)), arrows=False)
