"""Notebook -> one self-contained HTML file that draws every chart offline.

The lab template's CDN blocks (require.js, MathJax, mermaid, the widget manager) are emptied and
one Vega bundle, built by vl-convert for the Vega-Lite version Altair emits, is inlined once.
Widget views fall back to their text, since no kernel is there to drive them. The page's <html lang>
is the notebook's language (a screen reader reads a Chinese report in Chinese): the `lang` parameter
papermill ran it with, or the one given.
"""

from __future__ import annotations

import functools
from pathlib import Path

import altair as alt
import nbformat

from ..i18n import LANGS
from ..render import EMBED_OPTIONS, MIMETYPE

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


@functools.cache
def vega_bundle() -> str:
    """vegaEmbed + Vega + Vega-Lite in one script, for the Vega-Lite minor version Altair emits."""
    import vl_convert

    major_minor = ".".join(alt.VEGALITE_VERSION.split(".")[:2])
    # Closing script tags inside the bundle would end the inline <script> early.
    return vl_convert.javascript_bundle(vl_version=major_minor).replace("</script", "<\\/script")


def exporter(extra_css: str = ""):
    from nbconvert import HTMLExporter
    from traitlets.config import Config

    # Our spec first; widget views dropped so their text fallback shows (no kernel in a file).
    priority = [m for m in HTMLExporter().default_config.NbConvertBase.display_data_priority
                if m != WIDGET_VIEW]
    config = Config({"NbConvertBase": {"display_data_priority": [MIMETYPE, *priority]}})
    exp = HTMLExporter(config=config, template_name="biomfg_offline",
                       extra_template_basedirs=[str(TEMPLATES)])
    exp._biomfg_resources = {"vega_bundle": vega_bundle(), "vega_embed_options": EMBED_OPTIONS,
                             "extra_css": extra_css}
    return exp


def notebook_lang(nb: nbformat.NotebookNode) -> str | None:
    """The language an executed notebook was run in: its papermill `lang` parameter, if zh or en."""
    lang = nb.get("metadata", {}).get("papermill", {}).get("parameters", {}).get("lang")
    return lang if lang in LANGS else None


def to_html(nb: nbformat.NotebookNode, *, exclude_input: bool = False, title: str | None = None,
            extra_css: str = "", lang: str | None = None) -> str:
    """Render an executed notebook to a self-contained HTML string, in <html lang=`lang`> (default: the
    papermill `lang` parameter, else en)."""
    exp = exporter(extra_css)
    exp.language_code = lang or notebook_lang(nb) or "en"
    exp.exclude_input = exclude_input
    exp.exclude_input_prompt = exclude_input
    exp.exclude_output_prompt = exclude_input
    resources = {**exp._biomfg_resources}
    if title:  # the lab template prefers the notebook's own title
        nb = nbformat.from_dict(nb)
        nb.metadata["title"] = title
    body, _ = exp.from_notebook_node(nb, resources=resources)
    return body
