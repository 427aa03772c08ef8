"""Overview charts of the exemplar platforms (used by 00_start_here)."""

from __future__ import annotations

import altair as alt
import pandas as pd

from .. import data as _data
from .. import fmt
from ..i18n import check_lang, t
from ..theme import MUTED
from .base import extremes, titled, type_colour


def short_names(platforms: pd.DataFrame, lang: str) -> pd.Series:
    """Axis labels: Chinese names fit; long English names give way to the seed's abbreviation."""
    names = platforms[f"name_{lang}"].astype(str)
    if lang == "zh":
        return names
    abbr = platforms["abbr"].astype("string")
    return abbr.where(abbr.notna() & (names.str.len() > 24), names).astype(str)


TIMELINE_MAX_DOTS = 60  # beyond this a dot per platform is unreadable: count per year and type instead


def _founding_counts(rows: pd.DataFrame, types: pd.DataFrame, lang: str) -> alt.Chart:
    """A registry too large for one dot each: bars of platforms founded per year, stacked by type.
    Aggregated before charting, so the spec embeds one row per (year, type), not one per platform."""
    label = rows["type_id"].map(types.set_index("type_id")[f"name_{lang}"]).astype(str)
    plot = (pd.DataFrame({"founded": rows["founded"].astype(int), "type_label": label})
            .groupby(["founded", "type_label"]).size().rename("n").reset_index())
    chart = alt.Chart(plot).mark_bar().encode(
        x=alt.X("founded:O", title=t("founded_year", lang)),
        y=alt.Y("n:Q", title=t("count", lang), axis=alt.Axis(tickMinStep=1, format="d")),
        color=type_colour(types, lang),
        tooltip=[alt.Tooltip("founded:O", title=t("founded", lang)),
                 alt.Tooltip("type_label:N", title=t("platform_type", lang)),
                 alt.Tooltip("n:Q", title=t("count", lang), format="d")],
    ).properties(width=560, height=280)
    return titled(chart, t("timeline_title", lang), rows, lang, t("timeline_subtitle", lang), summary=_founded(rows, lang))


def founding_timeline(platforms: pd.DataFrame, lang: str = "en") -> alt.Chart:
    """Founding year of each platform on a time line, coloured by platform type."""
    check_lang(lang)
    rows = platforms.dropna(subset=["founded"])
    types = _data.table("platform_types")
    if len(rows) > TIMELINE_MAX_DOTS:
        return _founding_counts(rows, types, lang)
    plot = pd.DataFrame({
        "platform": short_names(rows, lang),
        "name": rows[f"name_{lang}"].astype(str),
        "founded": rows["founded"].astype(int),
        "type_label": rows["type_id"].map(types.set_index("type_id")[f"name_{lang}"]).astype(str),
    }).sort_values(["founded", "platform"])
    order = list(plot["platform"])
    base = alt.Chart(plot).encode(
        x=alt.X("founded:Q", title=t("founded_year", lang),
                scale=alt.Scale(domain=[int(plot["founded"].min()) - 2, int(plot["founded"].max()) + 2],
                                zero=False),
                # labels closer than 8 px are thinned out (Vega's parity), never run together
                axis=alt.Axis(format="d", tickMinStep=2, labelOverlap=True, labelSeparation=8)),
        y=alt.Y("platform:N", sort=order, title=None),
    )
    dots = base.mark_circle(size=260, opacity=1).encode(
        color=type_colour(types, lang),
        tooltip=[alt.Tooltip("name:N", title=t("platform", lang)),
                 alt.Tooltip("founded:Q", title=t("founded", lang), format="d"),
                 alt.Tooltip("type_label:N", title=t("platform_type", lang))])
    labels = base.mark_text(align="left", dx=14, fontSize=14, color=MUTED).encode(text="founded:Q")
    chart = alt.layer(dots, labels).properties(width=560, height=alt.Step(34))
    return titled(chart, t("timeline_title", lang), rows, lang, t("timeline_subtitle", lang), summary=_founded(rows, lang))


def _founded(rows: pd.DataFrame, lang: str) -> str:
    """How many platforms, the earliest and the latest founded, by name."""
    rows = rows.assign(_y=rows["founded"].astype(int)).sort_values("_y", kind="stable")
    first, last = rows.iloc[0], rows.iloc[-1]
    return t("desc_founded", lang, n=len(rows), first=first[f"name_{lang}"], first_year=first["_y"],
             last=last[f"name_{lang}"], last_year=last["_y"])


def platforms_by_type(platforms: pd.DataFrame, lang: str = "en") -> alt.Chart:
    """How many exemplars of each platform type the article profiles."""
    check_lang(lang)
    types = _data.table("platform_types")
    counts = platforms.groupby("type_id").size().rename("n").reset_index()
    counts["type_label"] = counts["type_id"].map(types.set_index("type_id")[f"name_{lang}"]).astype(str)
    counts = counts[["type_label", "n"]]
    chart = alt.Chart(counts).mark_bar().encode(
        y=alt.Y("type_label:N", title=None, sort="-x"),
        x=alt.X("n:Q", title=t("count", lang), axis=alt.Axis(tickMinStep=1, format="d")),
        color=type_colour(types, lang).legend(None),
    ).properties(width=480, height=alt.Step(48))
    order = counts.sort_values("n", ascending=False, kind="stable")
    ends = extremes(order["type_label"], order["n"], lang)  # a tie names every type in it
    m = fmt.zh_numeral(len(counts)) if lang == "zh" else len(counts)  # 三类平台
    summary = t("desc_by_type", lang, n=int(counts["n"].sum()), m=m, **ends) if ends else \
        t("desc_by_type_equal", lang, n=int(counts["n"].sum()), m=m, k=int(counts["n"].iloc[0]))
    return titled(chart, t("count_by_type_title", lang), platforms, lang, summary=summary)
