"""Charts comparing the twelve exemplars number by number (notebooks 02-04).

Each function takes the rows it draws (from biomfg.data / biomfg.finder) and `lang`, embeds only the
columns it draws, and ends with `titled(...)`, so the source line names the seeds of those rows.
Money is never converted: each currency gets its own panel and axis.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from .. import data as _data
from .. import fmt
from ..i18n import check_lang, t
from ..model.finder import BANDS, volume_spans
from ..theme import MUTED
from .base import lines_px, titled, type_colour, wrap_px
from .start import short_names

MONEY = tuple(fmt.CURRENCIES)
NETWORK_INDICATORS = ("lab_count", "biosafety_lab_count", "site_count", "state_count", "asset_count", "country_count",
                      "organisation_count", "member_count", "member_institution_count")
INSTRUMENT_COLUMNS = {"grant_amount": "col_amount", "grant_duration": "col_duration",
                      "programme_duration": "col_duration", "member_tier_count": "col_tiers"}


def _wrapped_axis(**kw) -> alt.Axis:
    """A band axis whose labels are whole names wrapped into lines ('|' between lines)."""
    return alt.Axis(labelLimit=0, labelExpr="split(datum.label, '|')", labelLineHeight=17, **kw)


def _wrap_items(items, lang: str, en_px: float = 320, zh_px: float = 260) -> tuple[list[str], int]:
    lines = [wrap_px(i, en_px if lang == "en" else zh_px) for i in items]
    return ["|".join(x) for x in lines], max((len(x) for x in lines), default=1)


def _labels(lang: str) -> tuple[pd.Series, pd.Series, pd.DataFrame]:
    plats = _data.platforms().set_index("platform_id", drop=False)
    return short_names(plats, lang), plats[f"type_name_{lang}"].astype(str), _data.table("platform_types")


def _names(lang: str) -> pd.Series:
    return _data.entity_names().set_index("entity_id")[f"name_{lang}"]


def _who(row, short: pd.Series, names: pd.Series) -> str:
    """A platform by its short name; a facility by itself, after its platform unless its name
    already says which platform it belongs to."""
    plat = short[row["platform_id"]]
    if row["entity_id"] == row["platform_id"]:
        return plat
    own = str(names.get(row["entity_id"], row["entity_id"]))
    return own if (plat in own or str(row["platform_id"]).split("_")[0] in own.lower()) else f"{plat} · {own}"


def _fact_item(row, short: pd.Series, lang: str, names: pd.Series) -> str:
    """'Agile BioFoundry: annual funding', the platform or facility named as `_who` names it."""
    who = _who(row, short, names)
    what = str(row[f"indicator_{lang}"])
    what = what if lang == "zh" else what[:1].lower() + what[1:]
    year = fmt.year_paren(row, lang)  # an inferred year is marked
    return f"{who}{t('colon', lang)}{what}{year}"


def funding_amounts(facts: pd.DataFrame, lang: str = "en") -> alt.VConcatChart:
    """Money facts about platforms (from finder.platform_facts), one panel and axis per currency."""
    check_lang(lang)
    rows = facts[facts["unit"].isin(MONEY)]
    if rows.empty:
        raise ValueError("funding_amounts needs facts in a currency (unit one of " + ", ".join(MONEY) + ")")
    short, type_label, types = _labels(lang)
    names = _names(lang)
    scale = 1e6 if lang == "en" else 1e4
    panels = []
    for cur in [c for c in MONEY if c in set(rows["unit"])]:
        part = rows[rows["unit"] == cur]
        plot = pd.DataFrame({
            "item": [_fact_item(r, short, lang, names) for _, r in part.iterrows()],
            "amount": (part["value"] / scale).round(6).tolist(),
            "label": [fmt.fact(r, lang) for _, r in part.iterrows()],
            "type_label": [type_label[p] for p in part["platform_id"]],
        }).sort_values("amount", ascending=False)
        plot["item"] = ["|".join(wrap_px(i, 380 if lang == "en" else 300)) for i in plot["item"]]
        depth = max(len(i.split("|")) for i in plot["item"])
        cur_word = t(f"currency_{cur}", lang)
        base = alt.Chart(plot).encode(
            y=alt.Y("item:N", sort=None, title=None, axis=_wrapped_axis()),
            x=alt.X("amount:Q", title=t("amount_axis", lang).format(cur=cur_word),
                    scale=alt.Scale(domainMax=float(plot["amount"].max()) * 1.3)))
        bars = base.mark_bar(height=26).encode(color=type_colour(types, lang))
        text = base.mark_text(align="left", dx=6, fontSize=15, color=MUTED).encode(text="label:N")
        panels.append(alt.layer(bars, text).properties(width=400, height=alt.Step(max(40, 17 * depth + 12))))
    chart = alt.vconcat(*panels, spacing=28).resolve_scale(x="independent")
    return titled(chart, t("funding_title", lang), rows, lang, t("funding_subtitle", lang))


def funding_models(platforms: pd.DataFrame, lang: str = "en") -> alt.LayerChart:
    """Each platform's main funding source (Tables 1-3) as a labelled list, coloured by type."""
    check_lang(lang)
    types = _data.table("platform_types")
    names = types.set_index("type_id")[f"name_{lang}"]
    text = platforms[f"funding_{lang}"].astype("string").fillna(t("no_data", lang))
    plot = pd.DataFrame({"platform": short_names(platforms, lang).tolist(), "funding": text.astype(str).tolist(),
                         "type_label": platforms["type_id"].map(names).astype(str).tolist()})
    lines = [wrap_px(f, 600, 15) for f in plot["funding"]]
    plot["funding"] = lines
    depth = max(len(x) for x in lines)
    width = int(max(lines_px(x) for x in lines)) + 40  # as wide as the longest text, no wider
    base = alt.Chart(plot).encode(y=alt.Y("platform:N", sort=None, title=None, axis=alt.Axis(labelLimit=0)))
    dots = base.mark_circle(size=220, opacity=1).encode(x=alt.value(10), color=type_colour(types, lang))
    words = base.mark_text(align="left", fontSize=15, lineHeight=17).encode(x=alt.value(26), text="funding:N")
    chart = alt.layer(dots, words).properties(width=width, height=alt.Step(max(34, 17 * depth + 12)))
    summary = t("desc_funding_models", lang, n=len(plot), first=plot["platform"].iloc[0], last=plot["platform"].iloc[-1])
    return titled(chart, t("models_title", lang), platforms, lang, t("models_subtitle", lang), summary=summary)


def scale_ladder(volumes: pd.DataFrame, lang: str = "en") -> alt.LayerChart:
    """Stated volumes (facts in L, from finder.volume_facts) over the bench / pilot / demonstration /
    production bands on a log axis, with a slider (an Altair param: it works in static HTML too)."""
    check_lang(lang)
    if volumes.empty or set(volumes["unit"]) != {"L"}:
        raise ValueError("scale_ladder needs facts in litres (unit 'L'); see finder.volume_facts()")
    short, type_label, types = _labels(lang)
    # one line per platform, its facilities included: the span the finder judges a scale by
    # (model.finder.volume_spans), so the chart and the finder's reasons give the same figures
    items = [{"item": short[pid], "lo": lo, "hi": hi, "label": fmt.span(lo, hi, "L", lang),
              "type_label": type_label[pid]} for pid, lo, hi, _ in volume_spans(volumes).itertuples(index=False)]
    plot = pd.DataFrame(items)
    plot["item"], depth = _wrap_items(plot["item"], lang, 300, 240)
    top = 10 ** 6
    shades = ("#f0f0f0", "#fbe7c4", "#f7d29f", "#f0b77a")
    bands = pd.DataFrame([{"band": t(f"opt_{name}", lang), "b_lo": max(lo, 1.0), "b_hi": min(hi, top), "shade": shade}
                          for (name, lo, hi), shade in zip(BANDS, shades, strict=True)])
    x_scale = alt.Scale(type="log", domain=[1, top])
    x = alt.X("lo:Q", scale=x_scale, title=t("volume_axis", lang), axis=alt.Axis(format="~s", grid=False))
    shade = alt.Chart(bands).mark_rect(opacity=0.6).encode(
        x=alt.X("b_lo:Q", scale=x_scale), x2="b_hi:Q",
        color=alt.Color("shade:N", scale=None))
    band_names = alt.Chart(bands).mark_text(fontSize=15, color=MUTED, baseline="top", dy=4).encode(
        x=alt.X("mid:Q", scale=x_scale), y=alt.value(0), text="band:N").transform_calculate(
        mid="sqrt(datum.b_lo * datum.b_hi)")
    base = alt.Chart(plot).encode(y=alt.Y("item:N", sort=None, title=None, axis=_wrapped_axis()))
    span = base.mark_rule(strokeWidth=6).encode(x=x, x2="hi:Q", color=type_colour(types, lang))
    ends = base.mark_circle(size=220, opacity=1).encode(x=x, color=type_colour(types, lang))
    ends_hi = base.mark_circle(size=220, opacity=1).encode(x=alt.X("hi:Q", scale=x_scale),
                                                           color=type_colour(types, lang))
    text = base.mark_text(align="left", dx=12, fontSize=15).encode(x=alt.X("hi:Q", scale=x_scale), text="label:N")
    exponent = alt.param(name="your_scale", value=1.5, bind=alt.binding_range(min=0, max=6, step=0.25,
                                                                            name=t("your_scale", lang) + " "))
    you = alt.Chart(pd.DataFrame({"mark": [t("your_scale_mark", lang)]})).transform_calculate(
        v="pow(10, your_scale)", shown="datum.mark + ': ' + format(pow(10, your_scale), ',.0f') + ' L'")
    rule = you.mark_rule(color="#D55E00", strokeWidth=3, strokeDash=[6, 4]).encode(
        x=alt.X("v:Q", scale=x_scale)).add_params(exponent)
    rule_text = you.mark_text(color="#D55E00", align="left", dx=6, fontSize=15, fontWeight="bold",
                              baseline="bottom").encode(x=alt.X("v:Q", scale=x_scale), y=alt.value(-6), text="shown:N")
    chart = alt.layer(shade, band_names, span, ends, ends_hi, text, rule, rule_text).properties(
        width=560, height=alt.Step(max(56, 17 * depth + 14)))
    # the data behind it: the two ends drawn of each platform's line (a volume between them is not drawn)
    spans = volume_spans(volumes).set_index("platform_id")
    ends = volumes[[v in (spans.loc[p, "low"], spans.loc[p, "high"]) for p, v in zip(volumes["platform_id"], volumes["value"],
                                                                                      strict=True)]]
    return titled(chart, t("ladder_title", lang), volumes, lang, t("ladder_subtitle", lang), table=ends)


def network_sizes(facts: pd.DataFrame, lang: str = "en") -> alt.FacetChart:
    """Counts of labs, sites, states, assets, countries and organisations (from finder.platform_facts):
    one block per thing counted, each with its own (log) axis, since labs and countries are not one
    unit; one row per platform or facility; a stated range (e.g. 12-15 sites) is a line."""
    check_lang(lang)
    rows = facts[facts["indicator"].isin(NETWORK_INDICATORS) & (facts["unit"] == "count")]
    short, type_label, types = _labels(lang)
    names = _names(lang)
    items = []
    for (_, _, _), grp in rows.groupby(["platform_id", "entity_id", "indicator"], sort=False):
        r = grp.iloc[0]
        lo, hi = float(grp["value"].min()), float(grp["value"].max())
        label = fmt.span(lo, hi, "count", lang)
        year = fmt.year_paren(r, lang)  # an inferred year is marked
        what = str(r[f"indicator_{lang}"])
        items.append({"item": _who(r, short, names) + year, "measure": what[:1].upper() + what[1:],
                      "lo": lo, "hi": hi, "label": label, "type_label": type_label[r["platform_id"]]})
    plot = pd.DataFrame(items)
    plot["item"], depth = _wrap_items(plot["item"], lang, 340, 280)
    x_scale = alt.Scale(type="log", domain=[1, 1000])
    base = alt.Chart().encode(y=alt.Y("item:N", sort=None, title=None, axis=_wrapped_axis()))
    x = alt.X("lo:Q", scale=x_scale, title=None, axis=alt.Axis(values=[1, 10, 100, 1000], format="~s"))
    span = base.mark_rule(strokeWidth=5).encode(x=x, x2="hi:Q", color=type_colour(types, lang))
    lo_dot = base.mark_circle(size=200, opacity=1).encode(x=x, color=type_colour(types, lang))
    hi_dot = base.mark_circle(size=200, opacity=1).encode(x=alt.X("hi:Q", scale=x_scale),
                                                          color=type_colour(types, lang))
    text = base.mark_text(align="left", dx=10, fontSize=15).encode(x=alt.X("hi:Q", scale=x_scale), text="label:N")
    chart = alt.layer(span, lo_dot, hi_dot, text, data=plot).properties(
        width=360, height=alt.Step(max(34, 17 * depth + 10))).facet(
        row=alt.Row("measure:N", title=None, sort=list(dict.fromkeys(plot["measure"])),
                    header=alt.Header(labelAngle=0, labelAlign="left", labelAnchor="start", labelOrient="top",
                                      labelFontSize=16, labelFontWeight="bold", labelLimit=0)),
        spacing=16).resolve_scale(y="independent", x="independent")
    return titled(chart, t("network_title", lang), rows, lang, t("network_subtitle", lang))


def success_matrix(platform_factors: pd.DataFrame, lang: str = "en") -> alt.Chart:
    """Platform × success factor: a filled square where the source names the factor (with its evidence)."""
    check_lang(lang)
    short, type_label, types = _labels(lang)
    factors = _data.table("success_factors").set_index("factor_id")
    plats = _data.table("platforms")["platform_id"].tolist()
    rows = platform_factors.sort_values("platform_id", key=lambda s: s.map(plats.index))
    plot = pd.DataFrame({
        "platform": [short[p] for p in rows["platform_id"]],
        "factor": [str(factors.loc[f, f"name_{lang}"]) for f in rows["factor_id"]],
        "type_label": [type_label[p] for p in rows["platform_id"]],
        "evidence": rows[f"evidence_{lang}"].astype(str).tolist(),
    })
    # whole names, wrapped ('|' joins the lines): no label is cut and the matrix fits ~950 px
    plot["factor_lines"] = ["|".join(wrap_px(f, 330 if lang == "en" else 240, 14)) for f in plot["factor"]]
    names = dict(zip(plot["factor"], plot["factor_lines"], strict=False))
    factor_order = [names[str(factors.loc[f, f"name_{lang}"])] for f in factors.index if f in set(rows["factor_id"])]
    depth = max(len(x.split("|")) for x in plot["factor_lines"])
    chart = alt.Chart(plot).mark_square(size=480, opacity=1).encode(
        x=alt.X("platform:N", sort=list(dict.fromkeys(plot["platform"])), title=None,
                axis=alt.Axis(orient="top", labelAngle=-35, labelAlign="left", labelLimit=0)),
        y=alt.Y("factor_lines:N", sort=factor_order, title=None,
                axis=alt.Axis(labelLimit=0, labelFontSize=14, labelExpr="split(datum.label, '|')", labelLineHeight=17)),
        color=type_colour(types, lang),
        tooltip=[alt.Tooltip("platform:N", title=t("platform", lang)), alt.Tooltip("factor:N", title=t("factor", lang)),
                 alt.Tooltip("evidence:N", title=t("evidence", lang))],
    ).properties(width=alt.Step(40), height=alt.Step(max(40, 17 * depth + 10)))
    most = plot["factor"].value_counts(sort=True)
    summary = t("desc_matrix", lang, n=plot["platform"].nunique(), m=plot["factor"].nunique(), k=len(plot),
                top=most.index[0], top_n=int(most.iloc[0]))
    return titled(chart, t("matrix_title", lang), rows, lang, t("matrix_subtitle", lang), summary=summary,
                  kind="matrix")


FACTOR_BARS_PX = 260  # the bars' room; the platforms' names are written right of each bar, beyond it


def factor_counts(platform_factors: pd.DataFrame, lang: str = "en") -> alt.LayerChart:
    """How many of the exemplars shown have each success factor: one bar a factor, most shared first,
    the platforms written beside each bar (a printed page has no tooltip). The factors are this project's
    coding of the source's tables of exemplars and its text (success_factors), and the title says so."""
    check_lang(lang)
    short, _, _ = _labels(lang)
    factors = _data.table("success_factors").set_index("factor_id")
    n = platform_factors["platform_id"].nunique()
    groups = platform_factors.groupby("factor_id", sort=False)["platform_id"]
    plot = pd.DataFrame({
        "factor": [str(factors.loc[f, f"name_{lang}"]) for f in groups.groups],
        "platforms": [int(groups.get_group(f).nunique()) for f in groups.groups],
        "names": [t("list_sep", lang).join(short[p] for p in dict.fromkeys(groups.get_group(f))) for f in groups.groups],
    }).sort_values("platforms", ascending=False, kind="stable")
    plot["factor_lines"] = ["|".join(wrap_px(f, 380 if lang == "en" else 300, 14)) for f in plot["factor"]]
    plot["names_lines"] = [wrap_px(x, 220, 13) for x in plot["names"]]
    depth = max(max(len(x.split("|")), len(y)) for x, y in zip(plot["factor_lines"], plot["names_lines"], strict=True))
    names_px = max(lines_px(x, 13) for x in plot["names_lines"]) + 10
    # the scale runs past n so that the longest bar (n) leaves room for its names, inside the plot
    width = FACTOR_BARS_PX + int(names_px)
    domain = n * width / FACTOR_BARS_PX
    y = alt.Y("factor_lines:N", sort=list(plot["factor_lines"]), title=None, axis=_wrapped_axis(labelFontSize=14))
    x = alt.X("platforms:Q", title=t("factor_counts_axis", lang), scale=alt.Scale(domain=[0, domain], nice=False),
              axis=alt.Axis(values=list(range(n + 1)), format="d", grid=True))
    tip = [alt.Tooltip("factor:N", title=t("factor", lang)), alt.Tooltip("names:N", title=t("platform", lang))]
    bars = alt.Chart(plot).mark_bar(color="#0072B2").encode(x=x, y=y, tooltip=tip)
    names = alt.Chart(plot).mark_text(align="left", baseline="middle", dx=5, fontSize=13, lineHeight=15,
                                      color=MUTED).encode(x=x, y=y, text=alt.Text("names_lines:N"))
    chart = alt.layer(bars, names).properties(width=width, height=alt.Step(max(20, 15 * depth + 4)))
    top = plot.iloc[0]
    summary = t("desc_factor_counts", lang, m=len(plot), n=n, top=top["factor"], k=int(top["platforms"]))
    return titled(chart, t("factor_counts_title", lang), platform_factors, lang,
                  t("factor_counts_sub", lang, n=n, m=len(plot)), summary=summary)


def support_instruments(facts: pd.DataFrame, lang: str = "en") -> alt.LayerChart:
    """Seed grants, membership tiers and accelerator programmes side by side: one row per instrument
    with a stated figure (from finder.platform_facts), one column per measure."""
    check_lang(lang)
    rows = facts[facts["indicator"].isin(INSTRUMENT_COLUMNS)]
    short, type_label, types = _labels(lang)
    names = _names(lang)
    columns = list(dict.fromkeys(t(c, lang) for c in INSTRUMENT_COLUMNS.values()))
    plot = pd.DataFrame({
        "instrument": [str(names.get(r["entity_id"])) if r["entity_id"] != r["platform_id"]
                       else _fact_item(r, short, lang, names) for _, r in rows.iterrows()],
        "measure": [t(INSTRUMENT_COLUMNS[i], lang) for i in rows["indicator"]],
        "label": [fmt.fact(r, lang) for _, r in rows.iterrows()],
        "type_label": [type_label[p] for p in rows["platform_id"]],
    })
    plot["instrument"], depth = _wrap_items(plot["instrument"], lang, 320, 260)
    base = alt.Chart(plot).encode(
        x=alt.X("measure:N", sort=columns, title=None, scale=alt.Scale(domain=columns),
                axis=alt.Axis(orient="top", labelAngle=0, labelFontWeight="bold", domain=False, ticks=False)),
        y=alt.Y("instrument:N", sort=None, title=None, axis=_wrapped_axis(domain=False, ticks=False)))
    cells = base.mark_rect(opacity=0.25, stroke="white", strokeWidth=4).encode(color=type_colour(types, lang))
    text = base.mark_text(fontSize=17, fontWeight="bold").encode(text="label:N")
    chart = alt.layer(cells, text).properties(width=alt.Step(200), height=alt.Step(max(52, 17 * depth + 14)))
    return titled(chart, t("instruments_title", lang), rows, lang, t("instruments_subtitle", lang))


