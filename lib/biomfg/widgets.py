"""ipywidgets explorers built on charts and cards.

Each explorer is a widget for live use (JupyterLab, Voilà) that also carries a static view: its
display bundle holds `text/html` beside the widget view, so a report or a notebook opened without
a kernel shows the static view, and nbval compares it.
"""

from __future__ import annotations

import ipywidgets as w
from IPython.display import HTML

from . import cards, data
from .i18n import check_lang, t


class Explorer(w.VBox):
    """A VBox whose static fallback is real content, not a widget repr."""

    def __init__(self, children, static_html: str, label: str):
        super().__init__(children)
        self._static_html = static_html
        self._label = label

    def _repr_mimebundle_(self, **kwargs):
        bundle = super()._repr_mimebundle_(**kwargs) or {}
        bundle["text/html"] = self._static_html
        bundle["text/plain"] = self._label
        return bundle

    def __repr__(self) -> str:
        return self._label


def show(out: w.Output, obj) -> None:
    """Replace an Output's content without clear_output(), which nbval cannot compare stably."""
    out.outputs = ()
    out.append_display_data(obj)


def platform_explorer(lang: str = "en", platform_id: str | None = None) -> Explorer:
    """Pick a platform; see a card with all its figures and their sources."""
    check_lang(lang)
    plats = data.platforms()
    options = [(f"{r[f'name_{lang}']} ({r[f'type_name_{lang}']})", r["platform_id"]) for _, r in plats.iterrows()]
    first = platform_id or options[0][1]
    pick = w.Dropdown(options=options, value=first, description=t("choose_platform", lang),
                      style={"description_width": "initial"}, layout=w.Layout(width="36em"))
    out = w.Output()

    def update(change=None):
        show(out, HTML(cards.page(cards.platform_card(pick.value, lang))))

    pick.observe(update, names="value")
    update()
    static = cards.page(*(cards.folded(label, cards.platform_card(pid, lang), open_=(i == 0))
                          for i, (label, pid) in enumerate(options)))
    return Explorer([pick, out], static, f"[{t('choose_platform', lang)}] {t('interactive_needs_kernel', lang)}")
