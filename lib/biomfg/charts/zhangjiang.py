"""Charts for the zhangjiang case."""

from __future__ import annotations

import altair as alt
import pandas as pd

from .. import fmt
from ..i18n import check_lang, t
from ..theme import INK
from .base import titled
from .facts import facts_by_unit
from .regions import wrap


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
        "when": [fmt.year(r, lang) or t("rg_no_date", lang) for _, r in rows.iterrows()],  # inferred: marked
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
    names = list(rows[f"name_{lang}"].astype(str))
    summary = t("desc_reform", lang, n=len(plot), first=names[0], first_when=plot["when"].iloc[0],
                last=names[-1], last_when=plot["when"].iloc[-1])
    return titled(chart, t("rg_mah_title", lang), rows, lang, t("rg_mah_sub", lang), summary=summary,
                  kind="diagram")


def consortium_results(rows: pd.DataFrame, lang: str = "en", title: str | None = None):
    """The results a consortium reports: counts of different things, so written out, not one axis."""
    return facts_by_unit(rows, lang, title or t("rg_consortium_title", lang))


def counts(rows: pd.DataFrame, lang: str = "en"):
    return facts_by_unit(rows, lang, t("rg_zj_title", lang))
