"""The closing list of every lesson: the seeds it draws on, with their titles."""

from __future__ import annotations

from html import escape

from .. import data
from ..htmlout import HTML
from ..i18n import check_lang, t


def listing(lang: str = "en", source_ids: list[str] | None = None) -> HTML:
    """The seeds a notebook draws on, with titles in `lang`."""
    check_lang(lang)
    src = data.sources()
    if source_ids is not None:
        src = src[src["source_id"].isin(source_ids)]
    colon = t("colon", lang)
    items = "".join(f"<li><code>{escape(r['source_id'])}</code>{colon}{escape(r[f'name_{lang}'])}</li>"
                    for _, r in src.iterrows())
    return HTML(f"<p><b>{escape(t('sources', lang))}</b></p><ul>{items}</ul>")
