"""Widgets for 10_recommendations: weigh the recommendations and see which barriers and gaps they cover."""

from __future__ import annotations

from html import escape

import ipywidgets as w
import pandas as pd

from .. import data
from ..charts.recommendations import coverage_rows, policy_coverage, rec_labels
from ..i18n import check_lang, t
from ..model import policy
from ..prose import chartdata
from ..prose import recommendations as prose_recommendations
from .base import Explorer, message, show
from .fast import Spec


def policy_mix_explorer(lang: str = "en", links: pd.DataFrame | None = None,
                        recs: pd.DataFrame | None = None) -> Explorer:
    """One slider per recommendation; the coverage chart and the covered / open lists below."""
    check_lang(lang)
    links = data.table("recommendation_links") if links is None else links
    recs = data.table("recommendations") if recs is None else recs
    if links.empty or recs.empty:
        return message("mix_no_data", lang)
    labels = rec_labels(recs, lang)
    targets = policy.targets_frame()
    sliders = {rid: w.IntSlider(value=1, min=0, max=MAX_WEIGHT, description=label,
                                style={"description_width": "16em"}, layout=w.Layout(width="34em"))
               for rid, label in labels.items()}
    lists, plot = w.Output(), w.Output()
    first = policy.mix(dict.fromkeys(labels, 1), links=links, targets=targets, recs=recs)
    x_max = float(MAX_WEIGHT * max(1, int(first.targets["by"].map(len).max())))
    chart = policy_coverage(first, links, lang, x_max=x_max)
    template, behind = chart.to_dict(), chartdata.block(chart)  # the links behind it, whatever the weights
    (dataset,) = template["datasets"]

    def view(weights):
        m = policy.mix(weights, links=links, targets=targets, recs=recs)
        spec = {**template, "datasets": {dataset: coverage_rows(m, lang).to_dict("records")}}
        return prose_recommendations.mix_summary(m, lang), Spec(spec)

    def update(change=None):
        summary, chart = view({rid: s.value for rid, s in sliders.items()})
        show(plot, chart, behind)
        show(lists, summary)

    for s in sliders.values():
        s.observe(update, names="value")
    update()
    static = f"<p><b>{escape(t('mix_static', lang))}</b></p>{prose_recommendations.mix_summary(first, lang).data}"
    explorer = Explorer([*sliders.values(), plot, lists], static,
                        f"[{t('mix_widget', lang)}] {t('interactive_needs_kernel', lang)}")
    explorer.sliders = sliders
    return explorer


MAX_WEIGHT = 3
