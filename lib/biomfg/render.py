"""Chart rendering set-up: the offline decision lives here.

Charts are emitted as the `application/vnd.vegalite.v5+json` mimetype (Altair 5.5 emits Vega-Lite
5 natively). JupyterLab and Voilà render that mimetype with their built-in vega5 extension: no
script, no CDN, and it still draws when a saved notebook is reopened. nbval compares the spec
dict exactly (data included). Static HTML gets the same spec drawn by a Vega bundle inlined once
(see biomfg.tools.export). The text/plain fallback names the chart instead of Altair's troubleshooting
link.
"""

from __future__ import annotations

from dataclasses import dataclass

import altair as alt
import pandas as pd

RENDERER = "biomfg"
MIMETYPE = "application/vnd.vegalite.v5+json"
# vega-embed actions: image export works offline; "Open in Vega Editor" would go online.
EMBED_OPTIONS = {"actions": {"export": True, "source": False, "compiled": False, "editor": False},
                 "renderer": "svg"}


def _title_of(spec: dict) -> str:
    title = spec.get("title")
    if isinstance(title, dict):
        title = title.get("text")
    if isinstance(title, list):
        title = " ".join(map(str, title))
    return str(title) if title else "chart"


def _mimebundle(spec: dict, **_):
    text = f"[{_title_of(spec)}] (a Vega-Lite chart: shown in JupyterLab, Voilà and the HTML reports)"
    return {MIMETYPE: spec, "text/plain": text}, {MIMETYPE: {"embed_options": EMBED_OPTIONS}}


@dataclass(frozen=True)
class ChartData:
    """What a chart was drawn from: its title and description, its language, and its rows (fact rows,
    or rows of another table, each with its source and, where the table has one, its quote)."""
    title: str
    description: str
    lang: str
    rows: pd.DataFrame


def carry(chart, found: ChartData | None):
    """`chart` with the data `found` behind it: a chart changed after `titled` (Altair returns a copy) keeps
    its data by `carry(changed, data_of(original))`."""
    # an attribute of the Python object, not a chart property: Altair's own setattr would put it in the spec
    object.__setattr__(chart, "_biomfg_data", found)
    return chart


def data_of(chart) -> ChartData | None:
    """The data a chart was drawn from (set by `titled`); None for a chart made another way."""
    return getattr(chart, "__dict__", {}).get("_biomfg_data")


def register() -> None:
    if RENDERER not in alt.renderers.names():
        alt.renderers.register(RENDERER, _mimebundle)
    alt.renderers.enable(RENDERER)


def bundle(chart: alt.TopLevelMixin) -> tuple[dict, dict]:
    """The chart's display bundle and metadata, as the house renderer makes them."""
    if data_of(chart) is None:  # a reader's own chart: Altair validates it and says what is wrong
        out = chart._repr_mimebundle_()
    else:  # the library's charts are validated by the tests (test_chart_data), not at each display
        out = alt.renderers.get()(chart.to_dict(validate=False, context={"pre_transform": False}))
    return out if isinstance(out, tuple) else (out, {})


def show_with(extra) -> None:
    """In a kernel, every Altair chart displayed (a cell's result or display()) is followed by
    `extra(chart)` when that is not None: the data behind the chart (prose.chartdata). A second output,
    because JupyterLab shows one mimetype of an output, the chart. Outside IPython it does nothing."""
    try:
        from IPython import get_ipython
    except ImportError:
        return
    shell = get_ipython()
    if shell is None:
        return

    def show(chart) -> bool:
        from IPython.display import display

        data, meta = bundle(chart)
        display(data, metadata=meta, raw=True)
        after = extra(chart)
        if after is not None:
            display(after)
        return True

    shell.display_formatter.ipython_display_formatter.for_type(alt.TopLevelMixin, show)
