"""Charts for the static reports, interactive with Altair's own params (they work with no kernel)."""

from __future__ import annotations

from html import escape

import altair as alt
import pandas as pd

from .. import data as _data
from .. import fmt as _fmt
from ..htmlout import HTML
from ..i18n import check_lang, t
from ..render import carry, data_of
from .start import founding_timeline


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
    return carry(chart.add_params(pick), data_of(chart))


def headline_measure(facts: pd.DataFrame, skip: tuple[str, ...] = ()) -> tuple[str | None, pd.DataFrame]:
    """The measure (axis key) the sources give most often among reported figures, at least twice, and
    its figures; ties go to the measure the sources give first. `skip`: measures already shown. A total
    whose parts are among the figures (facts.part_of) is not one of them: it is never drawn beside its
    parts (see `totals_left_out`)."""
    from .facts import NO_BARS, axis_key, totals_of_parts

    actual = facts[(facts["kind"] == "actual") & ~facts["unit"].isin(NO_BARS)]
    # figures the data cannot tell apart (one entity, indicator and year: batches, ranges) are not bars
    actual = actual[~actual.duplicated(["entity_id", "indicator", "year"], keep=False)]
    keys = actual.apply(axis_key, axis=1) if not actual.empty else pd.Series(dtype=str)
    totals = totals_of_parts(actual, keys)
    actual, keys = actual[~totals], keys[~totals]
    counts = keys.value_counts()
    counts = counts[(counts >= 2) & ~counts.index.isin(skip)]
    if counts.empty:
        return None, actual.iloc[0:0]
    best = min(counts.index, key=lambda k: (-counts[k], list(keys).index(k)))
    return best, actual[keys == best]


def totals_left_out(facts: pd.DataFrame, rows: pd.DataFrame) -> pd.DataFrame:
    """The totals in `facts` that some of `rows` are part of (facts.part_of), left out of a chart of them."""
    if "part_of" not in rows or "fact_id" not in facts:
        return facts.iloc[0:0]
    return facts[facts["fact_id"].isin(set(rows["part_of"].dropna()))]


def headline_chart(facts: pd.DataFrame, lang: str = "en", limit: int = 8, skip: tuple[str, ...] = (),
                   none: str | None = "no_headline_chart"):
    """One chart for the front of a briefing (or a section of its story): the reported figures of the one
    measure the sources give most often (at least two, so there is something to compare; `skip`: not
    these), at most `limit` of them, largest first, titled by what they measure and whose (`chart_title`);
    a total of some of them is said under the title, not drawn beside its parts; the sentence `none` when
    no measure has two (None: nothing)."""
    from .base import titled
    from .facts import fact_bars, fact_names, value_text

    best, rows = headline_measure(facts, skip)
    if best is None:
        return None if none is None else HTML(f"<p>{escape(t(none, lang))}</p>")
    rows = rows.sort_values("value", ascending=False).head(limit)
    notes = []
    for _, total in totals_left_out(facts, rows).iterrows():
        one = total.to_frame().T.reset_index(drop=True)
        notes.append(t("headline_total", lang, name=fact_names(one, lang)[0], value=value_text(total, lang),
                       year=_fmt.year_paren(total, lang), n=int((rows["part_of"] == total["fact_id"]).sum())))
    return titled(fact_bars(rows, lang, width=520), chart_title(rows, lang), rows, lang, " ".join(notes) or None)


def chart_title(rows: pd.DataFrame, lang: str) -> str:
    """What a chart of figures of one measure shows, from its rows: what each figure measures and whose,
    the figures of one entity (or of one set of entities) said together, then the unit:
    苏州工业园区地区生产总值与一般公共预算收入、3个产业产值（亿元） / Gross domestic product and general
    public budget revenue of Suzhou Industrial Park, output value of three industries (CNY bn). A figure
    about its regional case names the case; more than three groups end 'and other figures'."""
    from .facts import axis_for

    check_lang(lang)
    groups: dict[tuple, list[str]] = {}
    for _, part in rows.groupby("indicator", sort=False):
        whos = tuple(dict.fromkeys(part["entity_id"]))
        what = str(part.iloc[0][f"indicator_{lang}"])
        groups.setdefault(whos, [])
        if what not in groups[whos]:
            groups[whos].append(what)
    texts = []
    for whos, whats in groups.items():
        if lang == "en":
            whats = [w[:1].lower() + w[1:] if w[1:2].islower() else w for w in whats]
        what = _and(whats, lang)
        texts.append(t("desc_name", lang, what=what, who=_who(whos, lang)))
    sep = t("headline_groups", lang)  # groups apart from the 'and' inside one: a、b与c / a; b and c
    title = sep.join(texts) if len(texts) <= 3 else t("headline_more", lang, what=sep.join(texts[:2]))
    unit = str(rows.iloc[0]["unit"])
    short = len(title) > TITLE_CHARS[lang]  # a title is read at a glance: past that, whose figures of what kind
    title = _short_title(rows, unit, lang) if short else title
    title = title[:1].upper() + title[1:] if lang == "en" else title
    if unit == "count" or (short and unit == "percent"):  # 'percentages' says it
        return title
    words = "%" if unit == "percent" else axis_for(unit, lang, rows["value"])[1]
    return t("headline_in", lang, title=title, unit=words) if short else title + t("paren", lang, text=words)


TITLE_CHARS = {"zh": 32, "en": 90}


def _short_title(rows: pd.DataFrame, unit: str, lang: str) -> str:
    """'苏州工业园区的6项金额数据' / 'Six money figures for Suzhou Industrial Park (SIP)': how many figures of
    which kind, and whose when they all belong to one regional case (model.cases)."""
    from ..model.cases import case_of_entity
    from .facts import MONEY_AXIS

    kind = "money" if unit in MONEY_AXIS else "percent" if unit == "percent" else "other"
    names = _data.entity_index()[f"name_{lang}"]
    owners = set(rows["entity_id"])  # one entity's figures name it; else the one case they all belong to
    owners = owners if len(owners) == 1 else {case_of_entity().get(e) for e in owners}
    n = len(rows)
    count = _fmt.EN_NUMBER_WORDS[n] if lang == "en" and n <= 10 else str(n)
    if len(owners) == 1 and None not in owners:
        return t("headline_short", lang, n=count, kind=t(f"headline_kind_{kind}", lang), who=names[next(iter(owners))])
    return t("headline_short_all", lang, n=count, kind=t(f"headline_kind_{kind}", lang))


def _and(items: list[str], lang: str) -> str:
    """a、b与c / a, b and c."""
    if len(items) == 1:
        return items[0]
    return t("list_sep", lang).join(items[:-1]) + t("headline_and", lang) + items[-1]


def _who(entity_ids: tuple, lang: str) -> str:
    """Whose figures these are, in a title: one name (with its owner, facts.whose); two names; or several
    by what their names share (3个产业 / three industries), else the first two 'and others'."""
    from .facts import whose

    names = [whose(e, lang) for e in entity_ids]
    if len(names) <= 2:
        return _and(names, lang)
    noun = _common_noun(names, lang)
    if noun:
        n = len(names)
        count = _fmt.EN_NUMBER_WORDS[n] if lang == "en" and n < len(_fmt.EN_NUMBER_WORDS) else str(n)
        return t("headline_several", lang, n=count, noun=noun)
    return t("headline_others", lang, names=t("list_sep", lang).join(names[:2]))


def _common_noun(names: list[str], lang: str) -> str:
    """The noun every name ends in (产业 / industries), or ''."""
    if lang == "zh":
        tail = 0
        while tail < min(map(len, names)) and len({n[-1 - tail] for n in names}) == 1:
            tail += 1
        noun = names[0][len(names[0]) - tail:] if tail else ""
        noun = noun.lstrip("及和与、的")
        return noun if len(noun) >= 2 else ""
    last = {n.split()[-1].lower() for n in names if n.split()}
    if len(last) != 1:
        return ""
    word = last.pop()
    if not word.isalpha():
        return ""
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + ("es" if word.endswith(("s", "x", "ch", "sh")) else "s")


def figures_chart(facts: pd.DataFrame, lang: str = "en"):
    """Every reported (actual) figure: bars for each measure with figures to compare, the rest written
    out; a sentence when there are none."""
    from .facts import facts_by_unit

    actual = facts[facts["kind"] == "actual"]
    if actual.empty:
        return HTML(f"<p>{escape(t('no_data', lang))}</p>")
    return facts_by_unit(actual, lang, t("figures_title", lang))


def targets_chart(facts: pd.DataFrame, lang: str = "en"):
    """Targets with their deadlines, by measure; says so when the sources state none."""
    from .facts import facts_by_unit

    targets = facts[facts["kind"] == "target"]
    if targets.empty:
        return HTML(f"<p>{escape(t('no_targets', lang))}</p>")
    return facts_by_unit(targets, lang, t("targets_title", lang))
