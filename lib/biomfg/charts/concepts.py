"""The concept map (10_recommendations, and the regional lessons 06-09 with `region=`): five columns of
boxes, platform type -> barrier -> China's gap -> recommendation -> regional example, joined by the links
of `model.concepts`. Clicking a box highlights every path through it (Vega-Lite selection params, so it
works in static HTML with no kernel); `region=` outlines that region's examples and their paths.

The layout is computed here, in pixels, once: boxes stacked in their columns, each label wrapped to its
box (`base.wrap_px`), recommendations and barriers placed at the centre of what they link to."""

from __future__ import annotations

from collections.abc import Iterable

import altair as alt
import pandas as pd

from .. import data as _data
from .. import fmt
from ..i18n import check_lang, t
from ..model import concepts as cm
from ..theme import BARRIER_COLOURS, INK, MUTED, PLATFORM_TYPE_COLOURS
from .base import TITLE_WIDTH, _greedy, _pieces, titled, wrap_px
from .recommendations import rec_labels

FONT, LINE, PAD_X, PAD_Y = 13, 16, 6, 5      # node labels: px size, line height, padding inside a box
HEAD_FONT, HEAD_LINE = 14, 17               # column headings; region headings are FONT, bold
WIDTHS = {"type": 116, "barrier": 100, "gap": 196, "recommendation": 128, "example": 214}
GUTTER = 44                                  # room for the links between two columns
SPACE = {"type": 10, "barrier": 10, "gap": 7, "recommendation": 10, "example": 6}
GREY, REC = "#8c8c8c", "#666666"
PICK, HOVER = "cm_pick", "cm_hover"


def _x0() -> dict[str, float]:
    out, x = {}, 0.0
    for c in cm.COLUMNS:
        out[c] = x
        x += WIDTHS[c] + GUTTER
    return out


WIDTH = sum(WIDTHS.values()) + GUTTER * (len(cm.COLUMNS) - 1)


def _tint(colour: str, share: float = 0.14) -> str:
    """`colour` mixed with white (an opaque fill, so that a link passing behind a box is hidden)."""
    rgb = [int(colour[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(255 - (255 - v) * share):02x}" for v in rgb)


def _colour(row) -> str:
    if row["column"] in ("type", "example"):
        return PLATFORM_TYPE_COLOURS[row["type_id"]]
    if row["column"] in ("barrier", "gap"):
        return BARRIER_COLOURS.get(row["barrier_id"], GREY) if isinstance(row["barrier_id"], str) else GREY
    return REC


def _label(row, lang: str, recs: dict[str, str]) -> str:
    if row["column"] == "recommendation":
        return recs[row["id"]]
    name = str(row[f"name_{lang}"])
    return name[:1].upper() + name[1:] if lang == "en" else name


def _wrap(text: str, width: float, size: float, bold: bool = False) -> list[str]:
    """`base.wrap_px`, unless its balancing broke a word ('Technology' / '-innovation'): then the plain
    greedy wrap, which breaks only where a line may break."""
    lines = wrap_px(text, width, size, bold)
    ends, pos = set(), 0
    for piece in _pieces(text):
        pos += len(piece.replace(" ", ""))
        ends.add(pos)
    pos = 0
    for line in lines[:-1]:
        pos += len(line.replace(" ", ""))
        if pos not in ends:
            return _greedy(text, width, size, bold)
    return lines


def _stack(heights: list[float], top: float, space: float, extra: list[float] | None = None) -> list[float]:
    ys, y = [], top
    for i, h in enumerate(heights):
        y += (extra[i] if extra else 0)
        ys.append(y)
        y += h + space
    return ys


def _settle(ideal: list[float], heights: list[float], top: float, bottom: float, space: float) -> list[float]:
    """Tops as near `ideal` as possible, in the given order, never overlapping, within [top, bottom]."""
    ys = []
    for y in ideal:
        ys.append(max(y, top, (ys[-1] + heights[len(ys) - 1] + space) if ys else top))
    for i in range(len(ys) - 1, -1, -1):
        limit = bottom - heights[i] if i == len(ys) - 1 else ys[i + 1] - space - heights[i]
        ys[i] = max(top, min(ys[i], limit))
    return ys


def layout(lang: str) -> tuple[pd.DataFrame, pd.DataFrame, float]:
    """Boxes (one row per node, with x0, x1, y0, y1, lines) and headings (column and region titles), in px;
    and the drawing's height."""
    nodes = cm.nodes()
    links = cm.links()
    recs = rec_labels(_data.table("recommendations"), lang)
    regions = _data.table("regions").set_index("region_id")[f"name_{lang}"]
    x0 = _x0()
    nodes["label"] = [_label(r, lang, recs) for _, r in nodes.iterrows()]
    nodes["lines"] = [_wrap(lab, WIDTHS[c] - 2 * PAD_X, FONT) for lab, c in zip(nodes["label"], nodes["column"],
                                                                                  strict=True)]
    nodes["h"] = [len(ls) * LINE + 2 * PAD_Y for ls in nodes["lines"]]
    nodes["x0"] = nodes["column"].map(x0)
    nodes["x1"] = nodes["x0"] + nodes["column"].map(WIDTHS)

    heads = []
    for c in cm.COLUMNS:
        lines = _wrap(t(f"cm_col_{c}", lang), WIDTHS[c] + GUTTER - 8, HEAD_FONT, bold=True)
        heads.append({"x": x0[c], "y": 0.0, "lines": lines, "size": HEAD_FONT, "kind": "column"})
    top = max(len(h["lines"]) for h in heads) * HEAD_LINE + 14

    y0: dict[str, float] = {}
    # the two long columns are stacked; the example column under a heading per region
    gap = nodes[nodes["column"] == "gap"]
    for n, y in zip(gap["node"], _stack(list(gap["h"]), top, SPACE["gap"]), strict=True):
        y0[n] = y
    ex = nodes[nodes["column"] == "example"]
    extra, region_heads, prev = [], [], None
    for r in ex["region_id"]:
        if r != prev:
            lines = _wrap(regions[r], WIDTHS["example"], FONT, bold=True)
            extra.append((10 if prev else 0) + len(lines) * LINE + 4)
            region_heads.append(lines)
        else:
            extra.append(0)
        prev = r
    ex_y = _stack(list(ex["h"]), top, SPACE["example"], extra)
    anchors = []  # (the first example of a region, its heading's lines)
    for n, y, add in zip(ex["node"], ex_y, extra, strict=True):
        y0[n] = y
        if add:
            anchors.append((n, region_heads[len(anchors)]))
    bottom = max(max(y0[n] + h for n, h in zip(gap["node"], gap["h"], strict=True)),
                 max(y0[n] + h for n, h in zip(ex["node"], ex["h"], strict=True)))
    # the shorter of the two spread over the full height
    for col in ("gap", "example"):
        part = nodes[nodes["column"] == col]
        end = max(y0[n] + h for n, h in zip(part["node"], part["h"], strict=True))
        if end < bottom - 1 and len(part) > 1:
            stretch = (bottom - end) / (len(part) - 1)
            for i, n in enumerate(part["node"]):
                y0[n] += stretch * i
    for n, lines in anchors:  # a region's heading sits just above its first example
        heads.append({"x": x0["example"], "y": y0[n] - len(lines) * LINE - 4, "lines": lines, "size": FONT,
                      "kind": "region"})
    h_of = dict(zip(nodes["node"], nodes["h"], strict=True))

    def centre(n):
        return y0[n] + h_of[n] / 2

    for col in ("recommendation", "barrier"):
        part = nodes[nodes["column"] == col]
        ideal = []
        for n, h in zip(part["node"], part["h"], strict=True):
            near = [m for m in pd.concat([links.loc[links["source_node"] == n, "target_node"],
                                          links.loc[links["target_node"] == n, "source_node"]]) if m in y0]
            ideal.append((sum(centre(m) for m in near) / len(near) - h / 2) if near else top)
        for n, y in zip(part["node"], _settle(ideal, list(part["h"]), top, bottom, SPACE[col]), strict=True):
            y0[n] = y
    types = nodes[nodes["column"] == "type"]
    barrier_of = {cm.key("type", ty): cm.key("barrier", b) for ty, b in zip(types["id"], types["barrier_id"],
                                                                             strict=True)}
    ideal = [centre(barrier_of[n]) - h / 2 for n, h in zip(types["node"], types["h"], strict=True)]
    for n, y in zip(types["node"], _settle(ideal, list(types["h"]), top, bottom, SPACE["type"]), strict=True):
        y0[n] = y
    nodes["y0"] = nodes["node"].map(y0)
    nodes["y1"] = nodes["y0"] + nodes["h"]
    return nodes, pd.DataFrame(heads), bottom


def _highlight(on: str, dim: float, base: str, hi: float = 1.0) -> dict:
    """Opacity: `hi` for items on a path through the active box (their `rel` field lists the boxes), `dim`
    for the others; with no active box, `base` (an expression)."""
    pick = f"(isValid({PICK}) && isValid({PICK}.k) && isValid({PICK}.k[0]))"
    hover = f"(isValid({HOVER}) && isValid({HOVER}.k) && isValid({HOVER}.k[0]))"
    active = f"({pick} ? {PICK}.k[0] : ({hover} ? {HOVER}.k[0] : -1))"
    return {"expr": f"{active} < 0 ? ({base}) : (indexof(datum.{on}, '|' + {active} + '|') >= 0 ? {hi} : {dim})"}


def concept_map(lang: str = "en", region: str | Iterable[str] | None = None) -> alt.LayerChart:
    """The five-column concept map in `lang`; with `region` (a case id, or several) that region's examples
    outlined and, until a box is clicked, only the paths through them in full colour."""
    check_lang(lang)
    chosen = cm.check_regions(region)
    nodes, heads, height = layout(lang)
    links = cm.links()
    paths = cm.paths()
    keys = {n: i for i, n in enumerate(nodes["node"])}
    members = paths.groupby("node")["member"].apply(set)
    ups = paths[paths["side"] == "up"].groupby("node")["member"].apply(set)
    downs = paths[paths["side"] == "down"].groupby("node")["member"].apply(set)
    lit = cm.region_nodes(chosen) if chosen else set(nodes["node"])
    mine = set(nodes.loc[(nodes["column"] == "example") & nodes["region_id"].isin(chosen), "node"])
    regions = _data.table("regions").set_index("region_id")[f"name_{lang}"]
    columns = {c: t(f"cm_col_{c}", lang) for c in cm.COLUMNS}
    # every box lists the boxes a click on which lights it: those whose paths it lies on
    lights: dict[str, list[str]] = {n: [] for n in nodes["node"]}
    for a in nodes["node"]:
        for m in members.get(a, {a}):
            lights[m].append(a)
    rel = {n: "|" + "|".join(str(keys[a]) for a in sorted(lights[n], key=keys.get)) + "|" for n in nodes["node"]}
    colour = {n: _colour(r) for n, r in zip(nodes["node"], (r for _, r in nodes.iterrows()), strict=True)}
    boxes = pd.DataFrame({
        "k": [keys[n] for n in nodes["node"]],
        "x0": nodes["x0"], "x1": nodes["x1"], "y0": nodes["y0"], "y1": nodes["y1"],
        "tx": nodes["x0"] + PAD_X, "ty": nodes["y0"] + PAD_Y,
        "lines": nodes["lines"],
        "name": nodes["label"],
        "column": nodes["column"].map(columns),
        "region": [regions.get(r, "") if isinstance(r, str) else "" for r in nodes["region_id"]],
        "stroke": [colour[n] for n in nodes["node"]],
        "fill": [_tint(colour[n]) for n in nodes["node"]],
        "width": [3.0 if n in mine else 1.2 for n in nodes["node"]],
        "rel": [rel[n] for n in nodes["node"]],
        "lit": [n in lit for n in nodes["node"]],
    })
    y_mid = dict(zip(nodes["node"], (nodes["y0"] + nodes["y1"]) / 2, strict=True))
    x_left = dict(zip(nodes["node"], nodes["x0"], strict=True))
    x_right = dict(zip(nodes["node"], nodes["x1"], strict=True))
    pts = []
    for e, (s, d, kind) in enumerate(zip(links["source_node"], links["target_node"], links["kind"], strict=True)):
        through = [v for v in nodes["node"] if cm.on_path(ups.get(v, set()), downs.get(v, set()), v, s, d)]
        on = "|" + "|".join(str(keys[v]) for v in through) + "|"
        lit_edge = bool(set(through) & mine) if chosen else True
        xa, xb, ya, yb = x_right[s], x_left[d], y_mid[s], y_mid[d]
        bend = GUTTER / 2
        hue = colour[d] if kind == "recommendation_example" else colour[s]
        for i, (x, y) in enumerate(((xa, ya), (xa + bend, ya), (xb - bend, yb), (xb, yb))):
            pts.append({"e": e, "i": i, "x": x, "y": y, "on": on, "hue": hue, "lit": lit_edge,
                        "dash": "direct" if kind == "barrier_recommendation" else "step"})
    edges = pd.DataFrame(pts)
    head = heads.assign(colour=[INK if k == "column" else MUTED for k in heads["kind"]])

    x = alt.X("x:Q", axis=None, scale=alt.Scale(domain=[0, WIDTH], nice=False, zero=False))
    y = alt.Y("y:Q", axis=None, scale=alt.Scale(domain=[height, 0], nice=False, zero=False))
    base_box = "datum.lit ? 1 : 0.25" if chosen else "1"
    base_edge = "datum.lit ? 0.85 : 0.08" if chosen else "0.45"
    pick = alt.selection_point(name=PICK, fields=["k"], on="click", clear="dblclick", empty=False)
    hover = alt.selection_point(name=HOVER, fields=["k"], on="pointerover", clear="pointerout", empty=False)
    lines = alt.Chart(edges).mark_line(interpolate="basis", strokeWidth=1.6, aria=False,
                                       strokeOpacity=_highlight("on", 0.06, base_edge, 0.9)).encode(
        x=x, y=y, detail="e:N", order="i:Q", color=alt.Color("hue:N", scale=None),
        strokeDash=alt.StrokeDash("dash:N", scale=alt.Scale(domain=["step", "direct"], range=[[1, 0], [5, 3]]),
                                  legend=None))
    tip = [alt.Tooltip("name:N", title=t("cm_tip_name", lang)), alt.Tooltip("column:N", title=t("cm_tip_column", lang)),
           alt.Tooltip("region:N", title=t("cm_tip_region", lang))]
    # named, so that the params' view is called the same in every build (Altair numbers unnamed views)
    rects = alt.Chart(boxes, name="cm_boxes").mark_rect(
        cornerRadius=4, cursor="pointer", opacity=_highlight("rel", 0.2, base_box)).encode(
        x=alt.X("x0:Q", axis=None, scale=alt.Scale(domain=[0, WIDTH], nice=False, zero=False)), x2="x1:Q",
        y=alt.Y("y0:Q", axis=None, scale=alt.Scale(domain=[height, 0], nice=False, zero=False)), y2="y1:Q",
        color=alt.Color("fill:N", scale=None), stroke=alt.Stroke("stroke:N", scale=None),
        strokeWidth=alt.StrokeWidth("width:Q", scale=None), tooltip=tip, description="name:N",
    ).add_params(pick, hover)
    texts = alt.Chart(boxes).mark_text(align="left", baseline="top", fontSize=FONT, lineHeight=LINE, color=INK,
                                       cursor="pointer", aria=False,  # the box says it (its description)
                                       opacity=_highlight("rel", 0.3, base_box)).encode(
        x=alt.X("tx:Q", axis=None, scale=alt.Scale(domain=[0, WIDTH], nice=False, zero=False)),
        y=alt.Y("ty:Q", axis=None, scale=alt.Scale(domain=[height, 0], nice=False, zero=False)),
        text="lines", tooltip=tip)
    heading = alt.Chart(head).mark_text(align="left", baseline="top", fontWeight="bold", lineHeight=HEAD_LINE).encode(
        x=x, y=y, text="lines", size=alt.Size("size:Q", scale=None), color=alt.Color("colour:N", scale=None))
    chart = alt.layer(lines, rects, texts, heading).properties(width=WIDTH, height=height)

    n = {c: int((nodes["column"] == c).sum()) for c in cm.COLUMNS}
    num = lambda v: fmt.number(v, "count", lang)  # noqa: E731
    kinds = (lambda v: fmt.zh_numeral(int(v))) if lang == "zh" else num  # noqa: E731  三类平台、三大障碍
    summary = t("cm_desc", lang, types=kinds(n["type"]), barriers=kinds(n["barrier"]), gaps=num(n["gap"]),
                recs=num(n["recommendation"]), examples=num(n["example"]),
                regions=num(nodes["region_id"].dropna().nunique()), links=num(len(links)))
    title, subtitle = t("cm_title", lang), t("cm_subtitle", lang)
    if chosen:
        names = t("list_sep", lang).join(regions[r] for r in chosen if r in set(nodes["region_id"].dropna()))
        title = t("cm_title_region", lang, region=names)
        subtitle = t("cm_subtitle_region", lang, region=names) + (" " if lang == "en" else "") + subtitle
        one = len(mine) == 1
        summary += t("cm_desc_region_one" if one else "cm_desc_region", lang, region=names,
                     **({} if one else {"n": num(len(mine))}))
    rows = pd.concat([nodes[["source"]], links[["source"]]], ignore_index=True)
    named = dict(zip(nodes["node"], nodes["label"], strict=True))
    table = pd.DataFrame({"from": links["source_node"].map(named), "to": links["target_node"].map(named),
                          "source": links["source"], "quote": links["quote"]})  # the data behind it: its links
    return titled(chart, title, rows, lang, subtitle, width=min(TITLE_WIDTH, WIDTH), summary=summary,
                  kind="diagram", table=table)
