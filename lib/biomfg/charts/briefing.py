"""Charts for the static reports, interactive with Altair's own params (they work with no kernel)."""

from __future__ import annotations

from html import escape

import altair as alt
import pandas as pd

from .. import data as _data
from ..htmlout import HTML
from ..i18n import check_lang, t
from ..render import carry, data_of
from .start import founding_timeline


def timeline_with_type_picker(platforms: pd.DataFrame, lang: str = "en") -> alt.LayerChart:
    """The founding timeline with a drop-down (bound to a Vega param) that highlights one platform type."""
    check_lang(lang)
    chart = founding_timeline(platforms, lang)
    types = _data.table("platform_types")
    labels = [str(x) for x in types[f"name_{lang}"]]
    pick = alt.param(name="type_pick", value="", bind=alt.binding_select(
        options=["", *labels], labels=[t("all", lang), *labels], name=t("highlight_type", lang)))
    test = "type_pick == '' || datum.type_label == type_pick"
    chart.layer[0] = chart.layer[0].encode(opacity=alt.condition(test, alt.value(1.0), alt.value(0.12)))
    chart.layer[1] = chart.layer[1].encode(opacity=alt.condition(test, alt.value(1.0), alt.value(0.2)))
    return carry(chart.add_params(pick), data_of(chart))


def headline_measure(facts: pd.DataFrame, skip: tuple[str, ...] = ()) -> tuple[str | None, pd.DataFrame]:
    """The measure (axis key) the sources give most often among reported figures, at least twice, and
    its figures; ties go to the measure the sources give first. `skip`: measures already shown."""
    from .facts import NO_BARS, axis_key

    actual = facts[(facts["kind"] == "actual") & ~facts["unit"].isin(NO_BARS)]
    # figures the data cannot tell apart (one entity, indicator and year: batches, ranges) are not bars
    actual = actual[~actual.duplicated(["entity_id", "indicator", "year"], keep=False)]
    keys = actual.apply(axis_key, axis=1) if not actual.empty else pd.Series(dtype=str)
    counts = keys.value_counts()
    counts = counts[(counts >= 2) & ~counts.index.isin(skip)]
    if counts.empty:
        return None, actual.iloc[0:0]
    best = min(counts.index, key=lambda k: (-counts[k], list(keys).index(k)))
    return best, actual[keys == best]


def headline_chart(facts: pd.DataFrame, lang: str = "en", limit: int = 8, skip: tuple[str, ...] = (),
                   none: str | None = "no_headline_chart"):
    """One chart for the front of a briefing (or a section of its story): the reported figures of the one
    measure the sources give most often (at least two, so there is something to compare; `skip`: not
    these), at most `limit` of them, largest first; the sentence `none` when no measure has two (None:
    nothing)."""
    from .base import titled
    from .facts import fact_bars, measure

    best, rows = headline_measure(facts, skip)
    if best is None:
        return None if none is None else HTML(f"<p>{escape(t(none, lang))}</p>")
    rows = rows.sort_values("value", ascending=False).head(limit)
    _, words = measure(rows, lang)
    if rows["indicator"].nunique() > 1:  # several indicators in one unit: say what unit they share
        if lang == "en" and words[1:2].islower():  # a unit word inside a title: 'metres', not 'Metres'
            words = words[:1].lower() + words[1:]
        words = t("headline_title", lang).format(unit=words)
    return titled(fact_bars(rows, lang, width=520), words, rows, lang)


def figures_chart(facts: pd.DataFrame, lang: str = "en"):
    """Every reported (actual) figure: bars for each measure with figures to compare, the rest written
    out; a sentence when there are none."""
    from .facts import facts_by_unit

    actual = facts[facts["kind"] == "actual"]
    if actual.empty:
        return HTML(f"<p>{escape(t('no_data', lang))}</p>")
    return facts_by_unit(actual, lang, t("figures_title", lang))


def targets_chart(facts: pd.DataFrame, lang: str = "en"):
    """Targets with their deadlines, by measure; says so when the sources state none."""
    from .facts import facts_by_unit

    targets = facts[facts["kind"] == "target"]
    if targets.empty:
        return HTML(f"<p>{escape(t('no_targets', lang))}</p>")
    return facts_by_unit(targets, lang, t("targets_title", lang))
