"""Widgets for the exemplar platforms."""

from __future__ import annotations

import ipywidgets as w
from IPython.display import HTML

from .. import cards, data
from ..i18n import check_lang, t
from .base import Explorer, show


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
