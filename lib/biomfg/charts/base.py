"""Shared pieces of every chart: the source line, the title block, the platform-type colours."""

from __future__ import annotations

import altair as alt
import pandas as pd

from .. import data as _data
from ..i18n import check_lang, t
from ..theme import MUTED, PLATFORM_TYPE_COLOURS


def source_line(rows: pd.DataFrame, lang: str = "en") -> str:
    """'Source: <short title> (<seed file>); ...' for the seeds the plotted rows cite."""
    check_lang(lang)
    used = sorted(set(rows["source"].dropna()))
    if not used:
        raise ValueError("cannot draw a chart without sourced rows: the rows have no `source`")
    src = _data.sources().set_index("source_id")
    parts = [f"{src.loc[s, f'short_{lang}']} ({s})" if s in src.index else s for s in used]
    sep = "；" if lang == "zh" else "; "
    return f"{t('source', lang)}{'：' if lang == 'zh' else ': '}{sep.join(parts)}"


def titled(chart: alt.TopLevelMixin, title: str, rows: pd.DataFrame, lang: str,
           subtitle: str | None = None) -> alt.TopLevelMixin:
    """Attach the title, an optional subtitle and the source line (always last)."""
    lines = ([subtitle] if subtitle else []) + [source_line(rows, lang)]
    return chart.properties(title=alt.TitleParams(text=title, subtitle=lines, subtitleColor=MUTED))


def type_colour(types: pd.DataFrame, lang: str) -> alt.Color:
    """Colour by platform type name in `lang`, each type keeping its house colour."""
    ordered = types.sort_values("type_id", key=lambda s: s.map(list(PLATFORM_TYPE_COLOURS).index))
    return alt.Color("type_label:N", title=t("platform_type", lang),
                     scale=alt.Scale(domain=list(ordered[f"name_{lang}"]),
                                     range=[PLATFORM_TYPE_COLOURS[i] for i in ordered["type_id"]]),
                     legend=alt.Legend(orient="bottom", direction="horizontal"))


