"""Chart rendering set-up: the offline decision lives here.

Charts are emitted as the `application/vnd.vegalite.v5+json` mimetype (Altair 5.5 emits Vega-Lite
5 natively). JupyterLab and Voilà render that mimetype with their built-in vega5 extension: no
script, no CDN, and it still draws when a saved notebook is reopened. nbval compares the spec
dict exactly (data included). Static HTML gets the same spec drawn by a Vega bundle inlined once
(see biomfg.tools.export). The text/plain fallback names the chart instead of Altair's troubleshooting
link.
"""

from __future__ import annotations

import altair as alt

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


def register() -> None:
    if RENDERER not in alt.renderers.names():
        alt.renderers.register(RENDERER, _mimebundle)
    alt.renderers.enable(RENDERER)
