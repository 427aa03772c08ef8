"""Charts for the static reports, interactive with Altair's own params (they work with no kernel)."""

from __future__ import annotations

import altair as alt
import pandas as pd

from .. import data as _data
from ..i18n import check_lang, register, t
from .overview import founding_timeline

register({
    "highlight_type": {"en": "Highlight a platform type ", "zh": "突出显示平台类型 "},
    "all": {"en": "All", "zh": "全部"},
})


def timeline_with_type_picker(platforms: pd.DataFrame, lang: str = "en") -> alt.LayerChart:
    """The founding timeline with a drop-down (bound to a Vega param) that highlights one platform type."""
    check_lang(lang)
    chart = founding_timeline(platforms, lang)
    types = _data.table("platform_types")
    labels = [str(x) for x in types[f"name_{lang}"]]
    pick = alt.param(name="type_pick", value="", bind=alt.binding_select(
        options=["", *labels], labels=[t("all", lang), *labels], name=t("highlight_type", lang)))
    test = "type_pick == '' || datum.type_label == type_pick"
    chart.layer[0] = chart.layer[0].encode(opacity=alt.condition(test, alt.value(1.0), alt.value(0.12)))
    chart.layer[1] = chart.layer[1].encode(opacity=alt.condition(test, alt.value(1.0), alt.value(0.2)))
    return chart.add_params(pick)
