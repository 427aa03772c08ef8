"""Sentences with computed figures for notebooks 01-04 (the barriers and the three platform types).

Every figure comes from data/ through biomfg.fmt; every string from data is escaped.
"""

from __future__ import annotations

import re
from html import escape

import pandas as pd

from .. import data, fmt
from ..choices import check_choice
from ..htmlout import HTML
from ..i18n import check_lang, t
from ..model import finder
from ..model.barriers import platform_traits
from ..model.facts import fact
from ..model.finder import CHOICES, REQUIRED, Reason
from .base import in_sentence, join, paragraph, place_in_sentence, source_note, year_in_sentence


def type_profile(type_id: str, lang: str = "en") -> HTML:
    """The exemplars of one type: how many, founded when, in which countries."""
    check_lang(lang)
    p = data.platforms()
    check_choice("type_id", type_id, sorted(set(p["type_id"])))
    p = p[p["type_id"] == type_id]
    first, last = p.loc[p["founded"].idxmin()], p.loc[p["founded"].idxmax()]
    names = join((escape(n) for n in p[f"name_{lang}"]), lang)
    countries = join((escape(place_in_sentence(c, lang)) for c in dict.fromkeys(p[f"country_{lang}"])), lang)
    role = str(data.table("platform_types").set_index("type_id").loc[type_id, f"role_{lang}"])
    role = escape(role[:1].lower() + role[1:] if lang == "en" else role)  # en: 'Each provides ...'

    return paragraph(t("platforms_type_profile", lang, n=len(p), type=escape(first[f"type_name_{lang}"]), names=names,
                       countries=countries, first_year=first["founded"], first_name=escape(first[f"name_{lang}"]),
                       last_year=last["founded"], last_name=escape(last[f"name_{lang}"]), role=role))


def type_rule(type_id: str, lang: str = "en") -> HTML | None:
    """What the source says a successful platform of this type needs (a counted list), if it says so."""
    check_lang(lang)
    indicator = {"technology_innovation": "core_function_count", "pilot_scale": "success_element_count"}.get(type_id)
    if indicator is None:
        return None
    f = fact(type_id, indicator)
    what = t(f"platforms_type_rule_{indicator}", lang)  # the sentence names what is counted, not the indicator
    # an English reader gets the quoted sentence's sense too; a Chinese reader has the sentence itself
    gloss = t("platforms_type_rule_gloss", lang, text=t(f"platforms_type_rule_says_{indicator}", lang,
                                                         n=fmt.fact(f, lang))) if lang == "en" else ""
    return paragraph(t("platforms_type_rule", lang, n=fmt.fact(f, lang), what=what, quote=escape(f["quote"]),
                       gloss=gloss))


def key_figures(type_id: str, lang: str = "en") -> HTML:
    """Every figure the source gives on this type's exemplars and their facilities, platform by platform."""
    check_lang(lang)
    facts = finder.platform_facts()
    plats = data.platforms().set_index("platform_id")
    names = data.entity_names().set_index("entity_id")[f"name_{lang}"]
    items = []
    for pid in plats.index[plats["type_id"] == type_id]:
        rows = facts[facts["platform_id"] == pid]
        if rows.empty:
            items.append(f"<li><b>{escape(plats.loc[pid, f'name_{lang}'])}</b>{t('colon', lang)}"
                         f"{escape(t('no_data', lang))}</li>")
            continue
        figs = []
        for _, r in rows.iterrows():
            what = str(r[f"indicator_{lang}"])
            if r["entity_id"] != pid:
                what += t("paren", lang, text=names.get(r["entity_id"], r["entity_id"]))
            value = escape(fmt.fact(r, lang))
            if r["year"] is None or str(r["year"]) == "<NA>":
                figs.append(t("platforms_figure", lang, what=escape(what), value=value))
            else:
                year = escape(year_in_sentence(r, lang))  # an inferred year is marked
                figs.append(t("platforms_figure_year", lang, what=escape(what), value=value, year=year))
        items.append(f"<li><b>{escape(plats.loc[pid, f'name_{lang}'])}</b> — {t('clause_sep', lang).join(figs)}</li>")
    return HTML(f"<ul class='biomfg-prose'>{''.join(items)}</ul>")


def volume_gaps(type_id: str, lang: str = "en") -> HTML:
    """Which exemplars of a type have a stated volume in litres, and which do not."""
    check_lang(lang)
    p = data.platforms()
    p = p[p["type_id"] == type_id]
    with_volume = set(finder.volume_facts()["platform_id"])
    missing = [escape(n) for pid, n in zip(p["platform_id"], p[f"name_{lang}"], strict=True) if pid not in with_volume]
    having = [escape(n) for pid, n in zip(p["platform_id"], p[f"name_{lang}"], strict=True) if pid in with_volume]
    none = t("platforms_none", lang)
    return paragraph(t("platforms_volumes", lang, having=join(having, lang) or none, missing=join(missing, lang) or none,
                       n=len(missing)))


def litres(value: float, lang: str) -> str:
    return fmt.number(value, "L", lang)


def finder_label(key: str, lang: str = "en") -> str:
    """The word for a criterion (stage, need, ...) or an option (pilot, energy, ...) in `lang`."""
    return t(f"crit_{key}" if key in (*CHOICES, "scale_l", "any") else f"opt_{key}", lang)


def reason_text(r: Reason, lang: str = "en") -> str:
    """One reason as a plain sentence in `lang` (not escaped: callers escape)."""
    check_lang(lang)
    if r.criterion == "kind":  # the platform's kind, named as platform_types.csv names it
        kind = data.table("platform_types").set_index("type_id").loc[r.value, f"name_{lang}"]
        return t("platforms_reason_kind_met", lang, kind=str(kind))
    val = finder_label(r.value, lang) if r.value else ""
    if r.criterion in REQUIRED:
        return t("platforms_reason_serves", lang, criterion=in_sentence(finder_label(r.criterion, lang), lang), value=val)
    if r.criterion == "sector":
        if r.status == "met":
            return t("platforms_reason_sector_met", lang, value=val)
        if r.status == "missed":
            others = join((finder_label(v, lang) for v in r.detail.split(", ")), lang)
            return t("platforms_reason_sector_missed", lang, sectors=others, value=val)
        return t("platforms_reason_sector_unknown", lang)
    # scale
    band_word = finder_label(r.value, lang)
    if r.low is not None:
        span = fmt.span(r.low, r.high, "L", lang)  # as the scale ladder labels the platform's line
        if r.status == "met":
            return t("platforms_reason_scale_met", lang, span=span)
        if r.status == "near":
            return t("platforms_reason_scale_near", lang, span=span)
        return t("platforms_reason_scale_missed", lang, span=span)
    if r.status == "near":
        return t("platforms_reason_stage_near", lang, stage=finder_label(r.detail, lang), band=band_word)
    return t("platforms_reason_scale_unknown", lang, band=band_word)


def no_match_message(lang: str = "en", **query) -> str:
    """The plain answer when no platform serves the stated requirements."""
    check_lang(lang)
    asked = [(k, v) for k, v in query.items() if k in REQUIRED and v not in (None, "any")]
    what = join((t("platforms_asked", lang, criterion=in_sentence(finder_label(k, lang), lang), value=finder_label(v, lang))
                 for k, v in asked), lang) or t("platforms_asked_none", lang)
    return t("platforms_no_match", lang, asked=what)


def _descendants(root: str) -> set[str]:
    """A platform and every facility placed under it (facilities.parent_id, followed down)."""
    fac = data.table("facilities")
    out, grew = {root}, True
    while grew:
        kids = set(fac.loc[fac["parent_id"].isin(out), "facility_id"]) - out
        out |= kids
        grew = bool(kids)
    return out


def launched(lang: str = "en") -> HTML:
    """What the incubation platforms launched (platform_firms.csv) and what they did later (their events,
    and those of the facilities under them, other than their founding), one row per platform."""
    from . import cards

    check_lang(lang)
    p = data.platforms()
    p = p[p["type_id"] == "industry_incubation"]
    links = data.table("platform_firms")
    links = links[(links["relation"] == "incubated") & links["platform_id"].isin(p["platform_id"])]
    firms = data.table("firms").set_index("firm_id")
    ev = data.table("events")
    rows, none = [], []
    for _, r in p.iterrows():
        pid, name = r["platform_id"], str(r[f"name_{lang}"])
        mine = links[links["platform_id"] == pid]
        if mine.empty:
            none.append(escape(name))
        made = "<br>".join(f"<b>{escape(str(firms.loc[f, f'name_{lang}']))}</b>"
                           f"{escape(t('paren', lang, text=str(firms.loc[f, f'role_{lang}'])))}"
                           for f in mine["firm_id"]) or escape(t("rg_card_none", lang))
        later = ev[ev["entity_id"].isin(_descendants(pid)) & ~((ev["entity_id"] == pid) & (ev["kind"] == "founded"))]
        later = later.assign(_y=later["year"].fillna(9999)).sort_values("_y", kind="stable")
        moves = "<br>".join(escape(str(e[f"name_{lang}"]) + _when(e, ev, lang))
                            for _, e in later.iterrows()) or escape(t("rg_card_none", lang))
        rows.append(f"<tr><td class='name'><b>{escape(name)}</b></td><td class='text'>{made}</td>"
                    f"<td class='text'>{moves}</td></tr>")
    n_with = len(p) - len(none)
    intro = paragraph(t("platforms_launched", lang, firms=len(links), n=n_with, platforms=len(p), none=join(none, lang)))
    head = "".join(f"<th>{escape(t(k, lang))}</th>" for k in
                   ("platforms_launched_platform", "platforms_launched_firms", "platforms_launched_later"))
    return HTML(cards.page(intro.data + f"<div class='biomfg-card'><table class='biomfg-table'><thead><tr>{head}</tr>"
                           f"</thead><tbody>{''.join(rows)}</tbody></table></div>"))


def _plan_year(event, events: pd.DataFrame) -> int | None:
    """For an undated event a dated plan sets out (its quote continues the plan's quote in plans.csv,
    'according to the five-year plan drawn up in 2018, the centre will move ...'), the year that plan was
    drawn up (the plan's own dated event); else None."""
    said = re.sub(r"\s+", "", str(event["quote"]).split(" … ")[0])[:12]
    plans = data.table("plans")
    for _, p in plans[plans["source"] == event["source"]].iterrows():
        if said and said in re.sub(r"\s+", "", str(p["quote"])):
            drawn = events[(events["entity_id"] == p["plan_id"]) & events["year"].notna()]
            if not drawn.empty:
                return int(drawn["year"].iloc[0])
    return None


def _when(event, events: pd.DataFrame, lang: str) -> str:
    """' (2022)'; for an undated step of a dated plan ' (under its plan of 2018)'; else ' (year not stated)'."""
    if str(fmt.year(event, lang)):
        return fmt.year_paren(event, lang)
    year = _plan_year(event, events)
    text = t("platforms_launched_planned", lang, year=year) if year else t("tg_undated", lang)
    return t("paren", lang, text=text)


def _cap(name: str) -> str:
    """A glossary name ('process innovation') as the head of a list item ('Process innovation')."""
    return name[:1].upper() + name[1:]


def traits(type_id: str | None = None, lang: str = "en") -> HTML:
    """What the article says a successful platform needs: the core functions of technology-innovation
    platforms and the key elements of pilot-scale ones, each named and explained (all types with such a
    list when `type_id` is None)."""
    check_lang(lang)
    rows = platform_traits()
    rows = rows[rows["kind"].isin(["core_function", "key_element"])]
    if type_id is not None:
        check_choice("type_id", type_id, sorted(set(rows["type_id"])))
        rows = rows[rows["type_id"] == type_id]
    types = data.table("platform_types").set_index("type_id")
    parts = []
    for (tid, kind), group in rows.groupby(["type_id", "kind"], sort=False):
        items = "".join(f"<li><b>{escape(_cap(str(r[f'name_{lang}'])))}</b> — {escape(str(r[f'detail_{lang}']))}</li>"
                        for _, r in group.iterrows())
        head = t(f"platforms_traits_head_{kind}", lang, type=escape(str(types.loc[tid, f"name_{lang}"])))
        parts.append(f"<p class='biomfg-prose'>{head}</p><ol class='biomfg-prose'>{items}</ol>")
    return HTML("".join(parts) + source_note(rows, lang))


def operating_models(lang: str = "en") -> HTML:
    """For-profit versus public-interest pilot platforms, with what section four finds of each in China."""
    check_lang(lang)
    rows = platform_traits("pilot_scale", "operating_model")
    gaps = data.table("gaps").set_index("gap_id")
    items = []
    for _, r in rows.iterrows():
        china = ""
        if isinstance(r["gap_id"], str):
            china = (f"<br><i>{escape(t('platforms_operating_models_china', lang))}{t('colon', lang)}"
                     f"{escape(str(gaps.loc[r['gap_id'], f'name_{lang}']))}</i>")
        items.append(f"<li><b>{escape(_cap(str(r[f'name_{lang}'])))}</b> — {escape(str(r[f'detail_{lang}']))}{china}</li>")
    used = pd.concat([rows, gaps.loc[[g for g in rows["gap_id"] if isinstance(g, str)]].reset_index()])
    return HTML(f"<p class='biomfg-prose'>{t('platforms_operating_models_head', lang)}</p>"
                f"<ul class='biomfg-prose'>{''.join(items)}</ul>{source_note(used, lang)}")
