"""Widgets for China's status (growth projection) and the recommendations (policy mix).

Each returns an Explorer: live controls in JupyterLab and Voilà, a static view for reports and
nbval. Where the data lacks what a widget needs it shows a message, never an exception.
"""

from __future__ import annotations

from html import escape

import ipywidgets as w
import pandas as pd

from .. import data, fmt, i18n, policy, prose_china, render
from ..charts.china import growth_projection
from ..charts.recommendations import coverage_rows, policy_coverage, rec_labels
from ..htmlout import HTML
from ..i18n import check_lang, t
from .base import Explorer, show

i18n.register({
    "growth_widget": {"en": "Growth projection (illustration)", "zh": "增长示意"},
    "growth_rate_label": {"en": "Growth rate", "zh": "年增长率"},
    "growth_no_data": {"en": "No projection: the data holds no output value or growth rate for China "
                             "(facts with indicators output_value and annual_growth_rate).",
                       "zh": "无法示意：数据中没有我国的产值或年增长率（指标 output_value 与 annual_growth_rate）。"},
    "growth_static": {"en": "Static view: the projection at the article's stated rate",
                      "zh": "静态视图：按原文所述增长率的示意"},
    "mix_widget": {"en": "Policy mix", "zh": "政策组合"},
    "mix_no_data": {"en": "No policy mix: the data holds no recommendations or no links to barriers and gaps "
                          "(recommendations.csv, recommendation_links.csv).",
                    "zh": "无法组合：数据中没有建议，或没有建议与障碍、短板的对应关系"
                          "（recommendations.csv、recommendation_links.csv）。"},
    "mix_static": {"en": "Static view: every recommendation with weight one",
                   "zh": "静态视图：每条建议的权重均为一"},
    "mix_weight": {"en": "weight", "zh": "权重"},
})

HORIZON = 10          # years shown by the illustration (a teaching choice, printed with the chart)
RATE_RANGE = (0.0, 30.0)


class Spec:
    """A ready Vega-Lite spec shown like a chart. Callbacks build the chart once, validated, and
    then change only the numbers in its dict: a few milliseconds instead of rebuilding it."""

    def __init__(self, spec: dict):
        self.spec = spec

    def _repr_mimebundle_(self, **kwargs):
        return render._mimebundle(self.spec)


def _message(key: str, lang: str) -> Explorer:
    html = f"<div class='biomfg-check'>{escape(t(key, lang))}</div>"
    return Explorer([w.HTML(html)], html, t(key, lang))


def growth_inputs(facts: pd.DataFrame | None = None) -> tuple[pd.Series, pd.Series] | None:
    """China's output value and stated growth rate, or None when either is missing."""
    facts = data.facts("china") if facts is None else facts
    try:
        return prose_china.china_fact("output_value", facts), prose_china.china_fact("annual_growth_rate", facts)
    except data.DataError:
        return None


def growth_template(base: pd.Series, stated: pd.Series, lang: str) -> dict:
    """The projection chart's spec, built and validated once; its `rate` parameter is set per change."""
    rows = pd.DataFrame([base, stated])
    return growth_projection(base, float(stated["value"]), HORIZON, lang, interactive=True, bind=False,
                             source_rows=rows).to_dict()


def growth_view(template: dict, base: pd.Series, stated: pd.Series, rate: float, lang: str):
    """What the callback shows: the assumption, then the chart at `rate` (only numbers change)."""
    title = dict(template["title"])
    title["subtitle"] = [t("growth_subtitle", lang).format(base=fmt.fact(base, lang), years=HORIZON,
                                                          rate=fmt.number(rate, "percent", lang)),
                         *template["title"]["subtitle"][1:]]
    spec = {**template, "title": title, "params": [{**template["params"][0], "value": float(rate)}]}
    return HTML(prose_china.growth_assumption(base, rate, HORIZON, stated, lang)), Spec(spec)


def growth_projection_explorer(lang: str = "en", facts: pd.DataFrame | None = None) -> Explorer:
    """A slider for the growth rate, starting at the article's rate; the projected output below."""
    check_lang(lang)
    inputs = growth_inputs(facts)
    if inputs is None:
        return _message("growth_no_data", lang)
    base, stated = inputs
    start = float(stated["value"])
    slider = w.FloatSlider(value=start, min=RATE_RANGE[0], max=max(RATE_RANGE[1], start), step=0.5,
                           description=t("growth_rate_label", lang), readout_format=".1f",
                           style={"description_width": "initial"}, layout=w.Layout(width="36em"))
    text, plot = w.Output(), w.Output()
    template = growth_template(base, stated, lang)

    def update(change=None):
        note, chart = growth_view(template, base, stated, float(slider.value), lang)
        show(text, note)
        show(plot, chart)

    slider.observe(update, names="value")
    update()
    static = (f"<p><b>{escape(t('growth_static', lang))}</b></p>"
              + prose_china.growth_assumption(base, start, HORIZON, stated, lang))
    explorer = Explorer([slider, text, plot], static,
                        f"[{t('growth_widget', lang)}] {t('interactive_needs_kernel', lang)}")
    explorer.slider = slider  # for tests and for notebooks that set the rate
    return explorer


MAX_WEIGHT = 3


def policy_mix_explorer(lang: str = "en", links: pd.DataFrame | None = None,
                        recs: pd.DataFrame | None = None) -> Explorer:
    """One slider per recommendation; the coverage chart and the covered / open lists below."""
    check_lang(lang)
    links = data.table("recommendation_links") if links is None else links
    recs = data.table("recommendations") if recs is None else recs
    if links.empty or recs.empty:
        return _message("mix_no_data", lang)
    labels = rec_labels(recs, lang)
    targets = policy.targets_frame()
    sliders = {rid: w.IntSlider(value=1, min=0, max=MAX_WEIGHT, description=label,
                                style={"description_width": "16em"}, layout=w.Layout(width="34em"))
               for rid, label in labels.items()}
    lists, plot = w.Output(), w.Output()
    first = policy.mix(dict.fromkeys(labels, 1), links=links, targets=targets, recs=recs)
    x_max = float(MAX_WEIGHT * max(1, int(first.targets["by"].map(len).max())))
    template = policy_coverage(first, links, lang, x_max=x_max).to_dict()
    (dataset,) = template["datasets"]

    def view(weights):
        m = policy.mix(weights, links=links, targets=targets, recs=recs)
        spec = {**template, "datasets": {dataset: coverage_rows(m, lang).to_dict("records")}}
        return prose_china.mix_summary(m, lang), Spec(spec)

    def update(change=None):
        summary, chart = view({rid: s.value for rid, s in sliders.items()})
        show(plot, chart)
        show(lists, summary)

    for s in sliders.values():
        s.observe(update, names="value")
    update()
    static = f"<p><b>{escape(t('mix_static', lang))}</b></p>{prose_china.mix_summary(first, lang).data}"
    explorer = Explorer([*sliders.values(), plot, lists], static,
                        f"[{t('mix_widget', lang)}] {t('interactive_needs_kernel', lang)}")
    explorer.sliders = sliders
    return explorer
