"""Charts for the static reports, interactive with Altair's own params (they work with no kernel)."""

from __future__ import annotations

from html import escape

import altair as alt
import pandas as pd

from .. import data as _data
from .. import fmt as _fmt
from ..htmlout import HTML
from ..i18n import check_lang, messages, t
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


def headline_measure(facts: pd.DataFrame, skip: tuple[str, ...] = (), limit: int | None = None
                     ) -> tuple[str | None, pd.DataFrame]:
    """The measure (`chart_key`) with most reported figures that one chart can compare (`comparable`), at
    least two, and those figures, largest first (at most `limit`); of two with as many, money before
    shares before counts (`_rank`), then the one whose bars differ less, then the one the sources give
    first. `skip`: measures already shown. A total whose parts are among the figures (facts.part_of) is
    not one of them: it is never drawn beside its parts (see `totals_left_out`)."""
    from .facts import NO_BARS, axis_key, totals_of_parts

    actual = facts[(facts["kind"] == "actual") & ~facts["unit"].isin(NO_BARS)]
    # figures the data cannot tell apart (one entity, indicator and year: batches, ranges) are not bars
    actual = actual[~actual.duplicated(["entity_id", "indicator", "year"], keep=False)]
    if actual.empty:
        return None, actual
    totals = totals_of_parts(actual, actual.apply(axis_key, axis=1))
    actual = actual[~totals]
    keys = actual.apply(chart_key, axis=1) if not actual.empty else pd.Series(dtype=str)
    best, best_rows = None, actual.iloc[0:0]
    for key in dict.fromkeys(keys):
        if key in skip:
            continue
        rows = comparable(actual[keys == key], limit)
        if len(rows) >= 2 and (best is None or _rank(rows) > _rank(best_rows)):
            best, best_rows = key, rows
    return best, best_rows


def _rank(rows: pd.DataFrame) -> tuple:
    """Of two measures: more figures first; on a tie, scale before detail (model.brief.HEADLINE_UNITS:
    money, then shares, then counts), then the bars that differ less."""
    from ..model.brief import HEADLINE_UNITS

    return len(rows), -HEADLINE_UNITS.get(str(rows.iloc[0]["unit"]), 9), -_spread(rows)


def _spread(rows: pd.DataFrame) -> float:
    values = rows["value"].astype(float)
    return float(values.max() / values.min()) if values.min() > 0 else float("inf")


# units of time: like a count, a duration is one measure only of one thing (a plan's term, a grant's,
# a drug's development are not one axis)
DURATIONS = ("years", "months", "weeks", "days")
SPREAD = 100  # largest bar over smallest: past this the small bars are slivers and the chart shows nothing


def chart_key(row) -> str:
    """What one chart's axis compares: one measure (the indicator) in one unit (facts.axis_key); for
    percentages, the kind of percentage (its indicator family): a growth rate and a share of the world are
    not one axis, two shares of the world are."""
    from .facts import axis_key

    unit = str(row["unit"])
    if unit in ("percent", "fraction"):
        return f"{unit}|{row.get('family')}"
    # one measure across its holders: GDP and budget revenue and an industry's gross output are all yuan,
    # but not one axis (value added is not output); a rotor's diameter is not a hub's height
    return f"{axis_key(row)}|{row['indicator']}"


def comparable(rows: pd.DataFrame, limit: int | None = None) -> pd.DataFrame:
    """The rows of one measure one chart can draw, largest first (at most `limit`); empty when fewer than
    two are left or they do not make a readable bar chart:
    - one kind of subject: a place's aggregates (a region, a park, an industry or cluster) or bodies
      (firms, facilities, platforms, products …), never both (`subject_kind`); the kind with more figures
      stays, the first given on a tie;
    - never a whole beside its part: of two figures of one indicator where one entity lies within the
      other (`within`: a zone's 33 projects beside the 4 of them in one of its parks), the part goes; and
      of one entity's count with no year and its count in one year, the year's;
    - a spread a bar chart shows: the largest over the smallest at most SPREAD (200 L beside 75,000 L is a
      sliver; the prose gives the range), and bars that differ (two bars of 'nearly 30%' compare nothing)."""
    if len(rows) < 2:
        return rows.iloc[0:0]
    kinds = rows["entity_id"].map(subject_kind)
    counts = kinds.value_counts()
    top = min(counts.index, key=lambda k: (-counts[k], list(kinds).index(k)))
    rows = rows[kinds == top]
    ents = set(rows["entity_id"])
    parts = [any(e != o and o in ents and _within(e, o) and
                 ((rows["entity_id"] == o) & (rows["indicator"] == ind)).any() for o in ents)
             for e, ind in zip(rows["entity_id"], rows["indicator"], strict=True)]
    rows = rows[[not x for x in parts]]
    # a count with no year (a running total, 获批1类新药超20个) beside the same entity's count in one year
    # (2024年获批2个) is a whole beside its part too: the year's goes
    if (rows["unit"] == "count").all():
        no_year = rows["year"].isna()
        yearless = set(zip(rows.loc[no_year, "entity_id"], rows.loc[no_year, "indicator"], strict=True))
        pairs = pd.Series(list(zip(rows["entity_id"], rows["indicator"], strict=True)), index=rows.index)
        rows = rows[no_year | ~pairs.isin(yearless)]
    rows = rows.sort_values("value", ascending=False, kind="stable")
    rows = rows if limit is None else rows.head(limit)
    values = rows["value"].astype(float)
    if len(rows) < 2 or values.max() == values.min() or (values.min() > 0 and values.max() / values.min() > SPREAD):
        return rows.iloc[0:0]
    return rows


# facilities of these kinds with no owner are a place's aggregates (an industry, a cluster, a park)
AGGREGATE_KINDS = ("network", "park")


def subject_kind(entity_id: str) -> str:
    """'place' for a region or a place's aggregate (an industry, a cluster or park with no owner: its
    figures add up what many firms do); 'body' for one firm, facility, platform, product or programme."""
    return _kinds().get(entity_id, "body")


def _within(part: str, whole: str) -> bool:
    """Whether entity `part` lies within entity `whole`: `whole` is among its owners or regions, up the chain."""
    return whole in _ancestors().get(part, ())


def _build_kinds() -> dict:
    out = {}
    fac = _data.table("facilities").set_index("facility_id")
    for eid, table in _data.entity_index()["table"].items():
        if table == "regions" or (table == "facilities" and eid in fac.index and fac.loc[eid, "kind"] in AGGREGATE_KINDS
                                  and not _fmt.text(fac.loc[eid, "parent_id"])):
            out[eid] = "place"
    return out


def _build_ancestors() -> dict:
    up: dict[str, list[str]] = {}
    for name, key, cols in (("regions", "region_id", ("parent_id",)),
                            ("facilities", "facility_id", ("parent_id", "region_id")),
                            ("platforms", "platform_id", ("region_id",)),
                            ("firms", "firm_id", ("region_id",)),
                            ("products", "product_id", ("region_id", "part_of")),
                            ("plans", "plan_id", ("region_id",))):
        df = _data.table(name)
        for r in df.to_dict("records"):
            up.setdefault(r[key], []).extend(_fmt.text(r.get(c)) for c in cols if _fmt.text(r.get(c)))
    out = {}
    for eid, above in up.items():
        seen, stack = set(), list(above)
        while stack:
            cur = stack.pop()
            if cur not in seen:
                seen.add(cur)
                stack.extend(up.get(cur, ()))
        out[eid] = frozenset(seen)
    return out


_kinds = _data.derived(_build_kinds, shared=True)  # entity_id -> 'place' (the others are bodies)
_ancestors = _data.derived(_build_ancestors, shared=True)  # entity_id -> every owner and region above it


def totals_left_out(facts: pd.DataFrame, rows: pd.DataFrame) -> pd.DataFrame:
    """The totals in `facts` that some of `rows` are part of (facts.part_of), left out of a chart of them."""
    if "part_of" not in rows or "fact_id" not in facts:
        return facts.iloc[0:0]
    return facts[facts["fact_id"].isin(set(rows["part_of"].dropna()))]


def headline_chart(facts: pd.DataFrame, lang: str = "en", limit: int = 8, skip: tuple[str, ...] = (),
                   none: str | None = "no_headline_chart"):
    """One chart for the front of a briefing (or a section of its story): the reported figures of the one
    measure the sources give most often that one chart can compare (`headline_measure`; `skip`: not
    these), at most `limit` of them, largest first, titled by what they measure and whose (`chart_title`);
    a total of some of them is said under the title, not drawn beside its parts; the sentence `none` when
    no measure has two (None: nothing)."""
    from .base import titled
    from .facts import fact_bars, value_text

    best, rows = headline_measure(facts, skip, limit)
    if best is None:
        return None if none is None else HTML(f"<p>{escape(t(none, lang))}</p>")
    notes = []
    for _, total in totals_left_out(facts, rows).iterrows():
        notes.append(t("headline_total", lang, value=value_text(total, lang),
                       year=_fmt.year_paren(total, lang), n=int((rows["part_of"] == total["fact_id"]).sum())))
    return titled(fact_bars(rows, lang, width=520), chart_title(rows, lang), rows, lang, " ".join(notes) or None)


TITLE_CHARS = {"zh": 28, "en": 70}  # a title is read at a glance


def chart_title(rows: pd.DataFrame, lang: str) -> str:
    """What a chart of figures of one measure compares, from its rows: what each figure measures and whose
    (the figures of one entity, or of one set of entities, said together), the year when every row has
    the same one, and the unit: 苏州工业园区经济规模与3个产业产值（亿元） / Economy of SIP and output value
    of three industries (CNY bn). Shortened to TITLE_CHARS step by step: a name by its abbreviation
    (SIP), an entity's several figures of one kind by that kind (经济规模 / economy), the first figure
    and 'and others'; then without whose when one entity holds them all."""
    from .facts import axis_for

    check_lang(lang)
    groups: dict[tuple, list] = {}
    for _, part in rows.groupby("indicator", sort=False):
        whos = tuple(dict.fromkeys(part["entity_id"]))
        first = part.iloc[0]
        groups.setdefault(whos, [])
        if all(str(first[f"indicator_{lang}"]) != str(x[f"indicator_{lang}"]) for x in groups[whos]):
            groups[whos].append(first)
    unit = str(rows.iloc[0]["unit"])
    # a count and a fraction (2/3) need no unit after the title
    words = "" if unit in ("count", "fraction") else "%" if unit == "percent" else axis_for(unit, lang, rows["value"])[1]
    years = {_fmt.text(y) for y in rows["year"]}
    year = next(iter(years)) if len(years) == 1 and "" not in years and \
        not any(_fmt.year_inferred(r) for _, r in rows.iterrows()) else ""
    tail = _title_tail(year, words, lang)
    made = []
    ents = list(dict.fromkeys(rows["entity_id"]))
    # the one entity every other lies within (ABF, its seed and its full funding): one group under its name
    root = next((e for e in ents if all(o == e or _within(o, e) for o in ents)), None)
    for who_step in ("full", "short", "owner", "none"):
        if (who_step == "none" and len(groups) > 1) or (who_step == "owner" and (len(groups) == 1 or root is None)):
            continue
        for what_step in ("full", "kind", "first"):
            parts = {(root,): [w for ws in groups.values() for w in ws]} if who_step == "owner" else groups
            texts = [_group_text(whos, whats, "short" if who_step == "owner" else who_step, what_step, lang)
                     for whos, whats in parts.items()]
            title = _and(texts, lang) if len(texts) <= 3 else t("headline_more", lang, what=_and(texts[:2], lang))
            title = title[:1].upper() + title[1:] if lang == "en" else title
            made.append(title + tail)
            if len(made[-1]) <= TITLE_CHARS[lang]:
                return made[-1]
    return min(made, key=len)


def _title_tail(year: str, words: str, lang: str) -> str:
    """（2023年，亿元） / , 2023 (CNY bn): the year all the rows share and the unit, either may be absent."""
    if year and words:
        return t("bc_title_year_unit", lang, year=year, unit=words)
    if year:
        return t("bc_title_year", lang, year=year)
    return t("paren", lang, text=words) if words else ""


def _group_text(whos: tuple, whats: list, who_step: str, what_step: str, lang: str) -> str:
    """One group of a title: what (its figures, their kind, or the first and others) of whom."""
    names = [str(w[f"indicator_{lang}"]) for w in whats]
    if lang == "en":
        names = [w[:1].lower() + w[1:] if w[1:2].islower() else w for w in names]
    families = {_fmt.text(w.get("family")) for w in whats}
    family = next(iter(families)) if len(families) == 1 else ""
    if len(names) == 1 or what_step == "full":
        what = _and(names, lang)
    elif what_step == "kind" and family not in ("", "other", "count") and f"rg_family_{family}" in messages() \
            and str(whats[0]["unit"]) not in ("percent", "fraction"):  # a share chart's kind is its key already
        what = t(f"rg_family_{family}", lang)
    else:
        what = t("bc_title_first", lang, what=names[0])
    if who_step == "none":
        return what
    return t("desc_name", lang, what=what, who=_who(whos, lang, short=who_step == "short"))


def _and(items: list[str], lang: str) -> str:
    """a、b与c / a, b and c."""
    if len(items) == 1:
        return items[0]
    return t("list_sep", lang).join(items[:-1]) + t("headline_and", lang) + items[-1]


def _who(entity_ids: tuple, lang: str, short: bool = False) -> str:
    """Whose figures these are, in a title: one name (with its owner, facts.whose); two names; or several
    by what their names share (3个产业 / three industries), else the first two 'and others'. `short`: a
    name that ends in its abbreviation in brackets by the abbreviation (Suzhou Industrial Park (SIP) -> SIP)."""
    import re

    from .facts import whose

    names = [whose(e, lang) for e in entity_ids]
    if short:
        abbr = _data.platforms().set_index("platform_id")["abbr"]
        names = [_fmt.text(abbr.get(e)) or n for e, n in zip(entity_ids, names, strict=True)]
        names = [m[1] if (m := re.search(r"[(（]([A-Z][A-Za-z0-9&-]{1,9})[)）]$", n)) else n for n in names]
    if len(names) <= 2:
        return _and(names, lang)
    noun = _common_noun(names, lang)
    if noun:
        n = len(names)
        count = (_fmt.EN_NUMBER_WORDS[n] if n < len(_fmt.EN_NUMBER_WORDS) else str(n)) if lang == "en" else \
            (_fmt.zh_numeral(n, before_measure=True) if n < 10 else str(n))  # 三个产业, as the sources write it
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
