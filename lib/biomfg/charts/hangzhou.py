"""Charts for the hangzhou case."""

from __future__ import annotations

import altair as alt
import pandas as pd

from ..i18n import check_lang, t
from ..theme import INK
from .base import extremes, titled
from .regions import columns_diagram


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
    order = plot.sort_values("value", ascending=False, kind="stable")
    ends = extremes(order["label"], order["value"], lang)  # a tie names every district in it
    summary = t("desc_districts", lang, n=len(plot), **ends) if ends else \
        t("desc_districts_equal", lang, n=len(plot), k=int(order["value"].iloc[0]))
    return titled(chart, t("rg_districts_title", lang), rows, lang, t("rg_districts_sub", lang), summary=summary)


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
