"""The explanatory diagram-chart of 01_three_barriers: the chain research → technology → pilot →
market, the barrier on each link, and the platform type that bridges it."""

from __future__ import annotations

import altair as alt
import pandas as pd

from .. import data as _data
from ..i18n import check_lang, t
from ..model.barriers import chain_stages
from ..theme import BARRIER_COLOURS, INK, MUTED, PLATFORM_TYPE_COLOURS
from .base import titled


def barrier_chain(barriers: pd.DataFrame, lang: str = "en") -> alt.LayerChart:
    """Stages as nodes on a line; each link labelled with its barrier and its bridging platform type."""
    check_lang(lang)
    stages = chain_stages(barriers)
    pos = {s: i for i, s in enumerate(stages)}
    types = _data.table("platform_types").set_index("type_id")
    counts = _data.table("platforms").groupby("type_id").size()
    nodes = pd.DataFrame({"x": [float(i) for i in range(len(stages))],
                          "stage": [t(f"stage_{s}", lang) for s in stages]})
    links = pd.DataFrame({
        "x": [pos[a] + 0.12 for a in barriers["stage_from"]],
        "x2": [pos[b] - 0.12 for b in barriers["stage_to"]],
        "mid": [(pos[a] + pos[b]) / 2 for a, b in zip(barriers["stage_from"], barriers["stage_to"], strict=True)],
        "barrier": [str(n) for n in barriers[f"name_{lang}"]],
        "bridge": [types.loc[ty, f"name_{lang}"] + t("paren", lang, text=int(counts.get(ty, 0))) for ty in barriers["type_id"]],
        "barrier_colour": [BARRIER_COLOURS[b] for b in barriers["barrier_id"]],
        "type_colour": [PLATFORM_TYPE_COLOURS[ty] for ty in barriers["type_id"]],
    })
    x_scale = alt.Scale(domain=[-0.45, len(stages) - 0.55])

    def xs(col: str) -> alt.X:
        return alt.X(f"{col}:Q", axis=None, scale=x_scale)

    x = xs("x")
    y_mid = alt.value(125)  # the chain runs across the middle of the drawing
    arrows = alt.Chart(links).mark_rule(strokeWidth=14, opacity=0.9).encode(
        x=x, x2="x2:Q", y=y_mid, color=alt.Color("barrier_colour:N", scale=None))
    heads = alt.Chart(links).mark_point(shape="triangle-right", size=420, filled=True, opacity=1).encode(
        x=xs("x2"), y=y_mid, color=alt.Color("barrier_colour:N", scale=None))
    barrier_text = alt.Chart(links).mark_text(fontSize=20, fontWeight="bold", dy=-34).encode(
        x=xs("mid"), y=y_mid, text="barrier:N", color=alt.Color("barrier_colour:N", scale=None))
    bridge_text = alt.Chart(links).mark_text(fontSize=15, dy=36).encode(
        x=xs("mid"), y=y_mid, text="bridge:N", color=alt.Color("type_colour:N", scale=None))
    dots = alt.Chart(nodes).mark_circle(size=900, color=INK, opacity=1).encode(x=x, y=y_mid)
    names = alt.Chart(nodes).mark_text(fontSize=18, fontWeight="bold", dy=-88, color=MUTED).encode(
        x=x, y=y_mid, text="stage:N")
    chart = alt.layer(arrows, heads, dots, names, barrier_text, bridge_text).properties(width=900, height=230)
    summary = t("desc_chain", lang, n=len(nodes), first=nodes["stage"].iloc[0], last=nodes["stage"].iloc[-1],
                barriers=t("list_sep", lang).join(links["barrier"]))
    return titled(chart, t("chain_title", lang), barriers, lang, t("chain_subtitle", lang), summary=summary,
                  kind="diagram")
