"""The house Altair theme, registered once: CJK-capable fonts, one colour per platform type,
sizes that read on a projector."""

from __future__ import annotations

import altair as alt

THEME_NAME = "biomfg"
# Noto CJK first: Debian's fonts-noto-cjk, and what the PDF printer has; then common OS fonts.
FONT = ('"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", '
        '"Helvetica Neue", Arial, sans-serif')
# Okabe-Ito colours: distinguishable with colour-blindness and on a washed-out projector.
PLATFORM_TYPE_COLOURS = {
    "technology_innovation": "#0072B2",
    "pilot_scale": "#E69F00",
    "industry_incubation": "#009E73",
}
BARRIER_COLOURS = {"broken_bridge": "#56B4E9", "valley_of_death": "#D55E00", "darwinian_sea": "#CC79A7"}
INK = "#1a1a1a"
MUTED = "#555555"
WIDTH = 640


def _config() -> dict:
    return {
        "config": {
            "font": FONT,
            "view": {"continuousWidth": WIDTH, "continuousHeight": 360, "stroke": None},
            "title": {"fontSize": 22, "subtitleFontSize": 14, "subtitleColor": MUTED, "color": INK,
                      "anchor": "start", "offset": 12, "subtitlePadding": 6},
            "axis": {"labelFontSize": 15, "labelLimit": 0, "titleFontSize": 16, "labelColor": INK, "titleColor": INK,
                     "gridColor": "#e6e6e6", "domainColor": "#888888", "tickColor": "#888888"},
            "legend": {"labelFontSize": 15, "titleFontSize": 16, "orient": "bottom", "symbolSize": 160,
                       "labelLimit": 0},
            "header": {"labelFontSize": 16, "titleFontSize": 16, "labelLimit": 0},
            "text": {"fontSize": 15, "color": INK},
            "mark": {"tooltip": False},
            "range": {"category": list(PLATFORM_TYPE_COLOURS.values()) + list(BARRIER_COLOURS.values())},
        }
    }


def register() -> None:
    """Register and enable the theme. Idempotent: re-importing does not re-register."""
    if THEME_NAME not in alt.theme.names():
        alt.theme.register(THEME_NAME, enable=False)(_config)
    alt.theme.enable(THEME_NAME)


