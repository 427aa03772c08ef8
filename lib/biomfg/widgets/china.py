"""Widgets for China's status (growth projection) and the recommendations (policy mix).

Each returns an Explorer: live controls in JupyterLab and Voilà, a static view for reports and
nbval. Where the data lacks what a widget needs it shows a message, never an exception.
"""

from __future__ import annotations

from html import escape

import ipywidgets as w
import pandas as pd

from .. import data, fmt
from ..charts.base import TITLE_WIDTH, source_line, source_lines, wrap_px
from ..charts.china import growth_projection
from ..htmlout import HTML
from ..i18n import check_lang, t
from ..model.china import COUNTRY
from ..model.facts import fact
from ..prose import chartdata
from ..prose import china as prose_china
from .base import Explorer, message, show
from .fast import Spec

HORIZON = 10          # years shown by the illustration (a teaching choice, printed with the chart)
RATE_RANGE = (0.0, 30.0)


def growth_inputs(facts: pd.DataFrame | None = None) -> tuple[pd.Series, pd.Series] | None:
    """China's output value and stated growth rate, or None when either is missing."""
    facts = data.facts("china") if facts is None else facts
    try:
        return fact(COUNTRY, "key_products_output_value", facts=facts), fact(COUNTRY, "annual_growth_rate", facts=facts)
    except data.DataError:
        return None


def growth_template(base: pd.Series, stated: pd.Series, lang: str) -> dict:
    """The projection chart's spec, built and validated once; its `rate` parameter is set per change."""
    rows = pd.DataFrame([base, stated])
    chart = growth_projection(base, float(stated["value"]), HORIZON, lang, interactive=True, bind=False,
                              source_rows=rows)
    spec = chart.to_dict()
    spec["_data"] = chartdata.block(chart)  # the rows behind it (the base and the stated rate), whatever the rate
    # the source lines under the subtitle (the subtitle, wrapped, is rewritten at each rate)
    spec["_source_lines"] = source_lines(source_line(rows, lang))
    return spec


def growth_view(template: dict, base: pd.Series, stated: pd.Series, rate: float, lang: str):
    """What the callback shows: the assumption, then the chart at `rate` (only numbers change)."""
    title = dict(template["title"])
    subtitle = t("growth_subtitle", lang).format(base=fmt.fact(base, lang), years=HORIZON,
                                                 rate=fmt.number(rate, "percent", lang))
    title["subtitle"] = [*wrap_px(subtitle, TITLE_WIDTH, 14), *template["_source_lines"]]
    template = {k: v for k, v in template.items() if k not in ("_source_lines", "_data")}
    spec = {**template, "title": title, "params": [{**template["params"][0], "value": float(rate)}]}
    return HTML(prose_china.growth_assumption(base, rate, HORIZON, stated, lang)), Spec(spec)


def growth_projection_explorer(lang: str = "en", facts: pd.DataFrame | None = None) -> Explorer:
    """A slider for the growth rate, starting at the article's rate; the projected output below."""
    check_lang(lang)
    inputs = growth_inputs(facts)
    if inputs is None:
        return message("growth_no_data", lang)
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
        show(plot, chart, template["_data"])

    slider.observe(update, names="value")
    update()
    static = (f"<p><b>{escape(t('growth_static', lang))}</b></p>"
              + prose_china.growth_assumption(base, start, HORIZON, stated, lang))
    explorer = Explorer([slider, text, plot], static,
                        f"[{t('growth_widget', lang)}] {t('interactive_needs_kernel', lang)}")
    explorer.slider = slider  # for tests and for notebooks that set the rate
    return explorer


