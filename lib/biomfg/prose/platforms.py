"""Sentences with computed figures for notebooks 01-04 (the barriers and the three platform types).

Every figure comes from data/ through biomfg.fmt; every string from data is escaped.
"""

from __future__ import annotations

from html import escape

from .. import data, fmt
from ..choices import check_choice
from ..htmlout import HTML
from ..i18n import check_lang, t
from ..model import finder
from ..model.facts import fact
from ..model.finder import CHOICES, REQUIRED, Reason
from .base import in_sentence, join, paragraph, place_in_sentence, year_in_sentence


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
    return paragraph(t("platforms_type_rule", lang, n=fmt.fact(f, lang), what=what, quote=escape(f["quote"])))


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
