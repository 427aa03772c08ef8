"""Charts of China's status and gaps (05_china_status_and_gaps) and the growth projection.

Every chart draws rows of `data.facts()`; each axis carries one unit (a chart refuses rows in
several units), money is never converted, and the labels keep the sources' qualifiers.
"""

from __future__ import annotations

import math

import altair as alt
import pandas as pd

from .. import fmt
from ..i18n import check_lang, t
from ..model.china import LAB_INDICATORS
from ..model.projection import precision, projected, projection, rounded
from ..theme import INK, MUTED
from .base import titled, vega_text, wrap_px
from .facts import axis_for

# Money on an axis: one currency, shown in a magnitude people read (亿元 in zh, bn in en).
MONEY_SCALE = {"zh": 1e8, "en": 1e9}


def one_unit(rows: pd.DataFrame) -> str:
    """The single unit of the rows; a clear error if a chart would mix units on one axis."""
    units = sorted(set(rows["unit"].dropna()))
    if len(units) != 1:
        raise ValueError(f"a chart axis takes one unit; these rows have {len(units)}: {', '.join(units) or 'none'}")
    return units[0]


def short_label(indicator_name: str, lang: str) -> str:
    """An indicator name as a bar label: the axis already says 'Number', so 'number of' goes."""
    if lang == "zh":
        return indicator_name.removesuffix("数量").replace("数量（", "（")
    text = indicator_name.removeprefix("number of ").removeprefix("Number of ")
    return text[:1].upper() + text[1:]


def _names(rows: pd.DataFrame, lang: str) -> list[str]:
    """Each row's indicator as a bar says it: its short name where the full one is too long (indicators.csv)."""
    short = rows.get(f"indicator_short_{lang}", pd.Series([""] * len(rows), index=rows.index))
    return [fmt.text(s) or str(n) for s, n in zip(short, rows[f"indicator_{lang}"], strict=True)]


def _bars(rows: pd.DataFrame, lang: str, x_title: str, scale: float = 1.0, width: int = 560,
          colour: str = "#0072B2", x_max: float | None = None, whole: bool = False) -> alt.Chart:
    plot = pd.DataFrame({
        "label": ["|".join(wrap_px(short_label(s, lang), 380 if lang == "en" else 300)) for s in _names(rows, lang)],
        "v": rows["value"].astype(float) / scale,
        "text": [fmt.fact(r, lang) for _, r in rows.iterrows()],
    })
    order = list(plot.sort_values("v", ascending=False)["label"])
    x = alt.X("v:Q", title=x_title, scale=alt.Scale(domain=[0, x_max]) if x_max else alt.Undefined,
              axis=alt.Axis(labelFlush=False, format="d", values=list(range(int(x_max) + 1)))
              if whole and x_max else alt.Axis(labelFlush=False))
    depth = max(len(x.split("|")) for x in plot["label"])
    base = alt.Chart(plot).encode(y=alt.Y("label:N", sort=order, title=None, axis=alt.Axis(
        labelLimit=0, labelExpr="split(datum.label, '|')", labelLineHeight=17)), x=x)
    bars = base.mark_bar(color=colour, height={"band": 0.7})
    text = base.mark_text(align="left", dx=6, fontSize=16, color=INK, fontWeight="bold").encode(text="text:N")
    return alt.layer(bars, text).properties(width=width, height=alt.Step(max(52, 17 * depth + 14)))


def scale_money(facts: pd.DataFrame, lang: str = "en") -> alt.Chart:
    """Output value and downstream scale (both CNY) as bars with their qualified figures."""
    check_lang(lang)
    rows = facts[facts["indicator"].isin(["key_products_output_value", "downstream_industry_scale"])]
    if rows.empty:
        raise ValueError("no key_products_output_value or downstream_industry_scale facts to draw")
    unit = one_unit(rows)
    scale, x_title = (MONEY_SCALE[lang], t("cn_money_axis", lang)) if unit == "CNY" else \
        axis_for(unit, lang, rows["value"])
    chart = _bars(rows, lang, x_title, scale, width=520, x_max=float(rows["value"].max()) / scale * 1.35)
    return titled(chart, t("cn_scale_title", lang), rows, lang, t("cn_scale_subtitle", lang))


def global_shares(facts: pd.DataFrame, lang: str = "en") -> alt.Chart:
    """China's shares of world production and capacity, on a 0-100 % axis."""
    check_lang(lang)
    rows = facts[facts["indicator"].isin(["global_production_share", "global_capacity_share"])]
    if rows.empty:
        raise ValueError("no global share facts to draw")
    if one_unit(rows) != "percent":
        raise ValueError("global shares must be in percent")
    chart = _bars(rows, lang, t("cn_share_axis", lang), width=520, colour="#009E73", x_max=100)
    return titled(chart, t("cn_shares_title", lang), rows, lang, t("cn_shares_subtitle", lang))


def lab_inventory(facts: pd.DataFrame, lang: str = "en") -> alt.Chart:
    """How many national labs and centres of each kind, at the end of the 13th Five-Year Plan."""
    check_lang(lang)
    rows = facts[facts["indicator"].isin(LAB_INDICATORS)]
    if rows.empty:
        raise ValueError("no national lab or centre counts to draw")
    one_unit(rows)
    years = sorted({int(y) for y in rows["year"].dropna()})
    inferred = any(fmt.year_inferred(r) for _, r in rows.iterrows())  # 十三五末: the plan period's last year
    year = t("year_paren_inferred" if inferred else "year_paren", lang, year="–".join(map(str, years)) if years else "?")
    chart = _bars(rows, lang, t("cn_count_axis", lang), width=420, x_max=float(rows["value"].max()) + 1, whole=True)
    return titled(chart, t("cn_labs_title", lang), rows, lang, t("cn_labs_subtitle", lang).format(year=year))


def incubator_gap(facts: pd.DataFrame, lang: str = "en") -> alt.Chart:
    """National incubators: the bio-related ones against all the others, one stacked bar."""
    check_lang(lang)
    total = facts[facts["indicator"] == "national_incubator_count"]
    bio = facts[facts["indicator"] == "bio_related_incubator_count"]
    if total.empty or bio.empty:
        raise ValueError("need both national_incubator_count and bio_related_incubator_count facts")
    rows = pd.concat([total.iloc[[0]], bio.iloc[[0]]])
    one_unit(rows)
    n_total, n_bio = float(total.iloc[0]["value"]), float(bio.iloc[0]["value"])
    share = fmt.percent(n_bio, n_total)
    other = total.iloc[0].copy()  # the others, counted as the total is (1897家 in zh)
    other["value"] = n_total - n_bio
    plot = pd.DataFrame({
        "part": [t("cn_bio_related", lang), t("cn_other_incubators", lang)],
        "n": [n_bio, n_total - n_bio],
        "order": [0, 1],
        "text": [t("cn_bio_related", lang) + t("colon", lang) + fmt.fact(bio.iloc[0], lang) + t("paren", lang, text=share),
                 t("cn_other_incubators", lang) + t("colon", lang) + fmt.fact(other, lang)],
    })
    colours = alt.Scale(domain=list(plot["part"]), range=["#D55E00", "#cfcfcf"])
    base = alt.Chart(plot).encode(
        x=alt.X("n:Q", stack="zero", title=t("cn_incubators_axis", lang), axis=alt.Axis(tickMinStep=1)),
        order=alt.Order("order:Q"))
    bar = base.mark_bar(height=56).encode(color=alt.Color("part:N", scale=colours, title=None,
                                                          legend=alt.Legend(orient="bottom", direction="horizontal")))
    labels = alt.Chart(plot.iloc[[0]]).mark_text(align="left", baseline="bottom", dy=-34, fontSize=16,
                                                 fontWeight="bold", color="#D55E00").encode(x=alt.value(0),
                                                                                           text="text:N")
    chart = alt.layer(bar, labels).properties(width=600, height=110)
    return titled(chart, t("cn_incubators_title", lang).format(share=share), rows, lang,
                  t("cn_incubators_subtitle", lang))


def growth_projection(base: pd.Series, rate: float, years: int, lang: str = "en",
                      interactive: bool = False, rate_min: float = 0, rate_max: float = 30,
                      source_rows: pd.DataFrame | None = None, bind: bool = True) -> alt.Chart:
    """Projected output value from a base fact at a constant growth rate: an illustration.

    With `interactive=True` the rate is an Altair parameter bound to a slider in the chart itself,
    so the chart reacts in static HTML with no kernel; otherwise the values are computed here.
    `bind=False` keeps the parameter but drops the in-chart slider (a widget sets the value).
    """
    check_lang(lang)
    if base["unit"] not in fmt.CURRENCIES:
        raise ValueError(f"the projection draws money; the base fact is in {base['unit']!r}")
    scale = MONEY_SCALE[lang]
    base_text = fmt.fact(base, lang)
    # the labels are rounded to the place the base is stated to (8 000亿元: the nearest 1 000亿): the
    # sources round, so more digits would be false precision (model.projection.projected)
    step = precision(float(base["value"])) / scale
    places = max(0, -math.floor(math.log10(step)))
    rows = source_rows if source_rows is not None else pd.DataFrame([base])
    y_title = t("growth_value_axis", lang) if base["unit"] == "CNY" else \
        t("chart_money_bn", lang, currency=t(f"currency_{base['unit']}", lang))
    x = alt.X("year:Q", title=t("growth_years_axis", lang), scale=alt.Scale(domain=[0, years]),
              axis=alt.Axis(format="d", tickMinStep=1, values=list(range(years + 1))))
    y = alt.Y("v:Q", title=y_title, axis=alt.Axis(format=",.0f"))
    if interactive:
        slider = alt.binding_range(min=rate_min, max=rate_max, step=0.5, name=t("growth_rate_slider", lang))
        param = alt.param(name="rate", value=float(rate), bind=slider if bind else alt.Undefined)
        plot = pd.DataFrame({"year": range(years + 1)})
        b = float(base["value"]) / scale
        chart = (alt.Chart(plot)
                 .transform_calculate(v=f"{b!r} * pow(1 + rate / 100, datum.year)")
                 .transform_calculate(label=f"format(round(datum.v / {step!r}) * {step!r}, ',.{places}f')"))
        line = chart.mark_line(point={"size": 90, "filled": True}, strokeWidth=3, color="#0072B2").encode(x=x, y=y)
        last = chart.transform_filter(f"datum.year == {years}").mark_text(
            align="right", dy=-16, fontSize=16, fontWeight="bold", color="#0072B2").encode(x=x, y=y, text="label:N")
        rate_text = chart.transform_filter("datum.year == 0").transform_calculate(
            note=vega_text("cn_rate_note", lang, "rate", "format(rate, '.1f')")).mark_text(
            align="left", baseline="top", fontSize=18, fontWeight="bold", color=MUTED).encode(
            x=alt.value(10), y=alt.value(8), text="note:N")
        layered = alt.layer(line, last, rate_text).add_params(param).properties(width=600, height=340)
        subtitle = (t("growth_subtitle_live", lang).format(base=base_text, years=years) if bind else
                    t("growth_subtitle", lang).format(base=base_text, rate=fmt.number(rate, "percent", lang),
                                                      years=years))
        return titled(layered, t("growth_title", lang), rows, lang, subtitle, summary=_growth(base, rate, years, lang))
    plot = projection(float(base["value"]), rate, years)
    plot = pd.DataFrame({"year": plot["year"], "v": plot["value"] / scale})
    plot["label"] = [f"{rounded(v, step):,.{places}f}" for v in plot["v"]]
    line = alt.Chart(plot).mark_line(point={"size": 90, "filled": True}, strokeWidth=3, color="#0072B2").encode(x=x, y=y)
    last = alt.Chart(plot.tail(1)).mark_text(align="right", dy=-16, fontSize=16, fontWeight="bold",
                                             color="#0072B2").encode(x=x, y=y, text="label:N")
    subtitle = t("growth_subtitle", lang).format(base=base_text, rate=fmt.number(rate, "percent", lang), years=years)
    return titled(alt.layer(line, last).properties(width=600, height=340), t("growth_title", lang), rows, lang,
                  subtitle, summary=_growth(base, rate, years, lang))


def _growth(base: pd.Series, rate: float, years: int, lang: str) -> str:
    """The projection in a sentence: its base as the source states it, the rate (the slider's starting
    value on an interactive chart) and the value it reaches, rounded to the base's precision."""
    end, _ = projected(float(base["value"]), rate, years)
    return t("desc_growth", lang, base=fmt.fact(base, lang), rate=fmt.number(rate, "percent", lang), years=years,
             end=fmt.number(end, base["unit"], lang))
