"""The explorer pattern every widget uses.

Each explorer is a widget for live use (JupyterLab, Voilà) that also carries a static view: its
display bundle holds `text/html` beside the widget view, so a report or a notebook opened without
a kernel shows the static view, and nbval compares it.
"""

from __future__ import annotations

from html import escape

import ipywidgets as w

from ..htmlout import no_math
from ..i18n import t


class Explorer(w.VBox):
    """A VBox whose static fallback is real content, not a widget repr."""

    def __init__(self, children, static_html: str, label: str):
        super().__init__(children)
        self._static_html = static_html
        self._label = label

    def _repr_mimebundle_(self, **kwargs):
        bundle = super()._repr_mimebundle_(**kwargs) or {}
        bundle["text/html"] = no_math(self._static_html)
        bundle["text/plain"] = self._label
        return bundle

    def __repr__(self) -> str:
        return self._label


def show(out: w.Output, *objs) -> None:
    """Replace an Output's content (each object given, in order; None skipped) without clear_output(), which
    nbval cannot compare stably."""
    out.outputs = ()
    for obj in objs:
        if obj is not None:
            out.append_display_data(obj)


def message(key: str, lang: str) -> Explorer:
    """An explorer that only says why it cannot run (e.g. the data it needs is missing)."""
    html = f"<div class='biomfg-check'>{escape(t(key, lang))}</div>"
    return Explorer([w.HTML(html)], html, t(key, lang))
