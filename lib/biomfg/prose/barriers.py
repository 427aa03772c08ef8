"""Prose for 01_three_barriers: the chain from research to market and the barriers on it."""

from __future__ import annotations

from html import escape

import pandas as pd

from .. import data, fmt
from ..htmlout import HTML
from ..i18n import check_lang, t
from ..model.barriers import chain_stages, intro_policy_events
from ..model.facts import fact
from .base import paragraph, source_note, year_in_sentence


def chain_overview(lang: str = "en") -> HTML:
    """The chain, its barriers and the platform type bridging each, with the number of exemplars."""
    check_lang(lang)
    barriers = data.table("barriers")
    types = data.table("platform_types").set_index("type_id")
    counts = data.platforms().groupby("type_id").size()
    stages = chain_stages(barriers)
    arrow = " → "
    chain = arrow.join(escape(t(f"stage_{s}", lang)) for s in stages)
    parts = []
    for _, b in barriers.iterrows():
        link = f"{t(f'stage_{b.stage_from}', lang)}{arrow}{t(f'stage_{b.stage_to}', lang)}"
        n = fmt.number(int(counts.get(b.type_id, 0)), "count", lang)
        parts.append(t("barriers_chain_link", lang, barrier=escape(b[f"name_{lang}"]), stages=escape(link),
                       type=escape(types.loc[b.type_id, f"name_{lang}"]), n=n))
    return paragraph(t("barriers_chain", lang, chain=chain, n=fmt.number(len(barriers), "count", lang),
                       links=t("clause_sep", lang).join(parts)))


def incubator_gap(lang: str = "en") -> HTML:
    """The Darwinian sea in China: how few national incubators serve the life sciences."""
    check_lang(lang)
    total = fact("china", "national_incubator_count")
    bio = fact("china", "bio_related_incubator_count")
    share = fmt.percent(bio["value"], total["value"])
    park_fact = fact("china", "biomedical_park_count")
    parks = escape(fmt.fact(park_fact, lang))
    return paragraph(t("barriers_incubator_gap", lang, total=fmt.fact(total, lang), bio=fmt.fact(bio, lang),
                       share=share, parks=parks, year=escape(fmt.year(park_fact, "en").split(" ")[0])))


def barrier_cards(lang: str = "en") -> HTML:
    """Each barrier with its definition and the verbatim quote it rests on."""
    check_lang(lang)
    from ..theme import BARRIER_COLOURS
    from . import cards

    types = data.table("platform_types").set_index("type_id")
    parts = []
    for _, b in data.table("barriers").iterrows():
        bridge = escape(str(types.loc[b["type_id"], f"name_{lang}"]))
        parts.append(
            f"<div class='biomfg-card' style='--biomfg-accent:{BARRIER_COLOURS[b['barrier_id']]}'>"
            f"<h3>{escape(b['name_zh'])} · {escape(b['name_en'])}</h3>"
            f"<p>{escape(b[f'definition_{lang}'])}</p>"
            f"<div class='meta'>{t('barriers_bridged_by', lang, type=bridge)}</div>"
            f"<div class='src'>{escape(t('source', lang))}{cards.colon(lang)}{escape(b['source'])} — "
            f"<span class='quote'>“{escape(b['quote'])}”</span></div></div>")
    return HTML(cards.page(*parts))


def introduction(lang: str = "en") -> HTML:
    """The article's introduction: its definition of biomanufacturing and the policy context it cites,
    country by country, each step dated where the article dates it."""
    check_lang(lang)
    term = data.table("glossary").set_index("term_id").loc["biomanufacturing"]
    definition = str(term[f"definition_{lang}"])
    definition = definition[:1].lower() + definition[1:] if lang == "en" else definition  # en: 'as an advanced ...'
    events = intro_policy_events()
    facts = data.table("facts")
    items, used = [], [pd.DataFrame([term]), events]
    for _, e in events.iterrows():
        name = str(e[f"name_{lang}"])
        year = year_in_sentence(e, lang)
        if not year:
            item = t("barriers_intro_item_undated", lang, event=escape(name))
        elif year.split("年")[0].split(" ")[0] in name:  # the name dates itself ('2023年底…'): no second year
            item = escape(name)
        else:
            item = t("barriers_intro_item_year", lang, event=escape(name), year=escape(year))
        duration = facts[(facts["entity_id"] == e["entity_id"]) & (facts["indicator"] == "plan_duration")]
        if len(duration) == 1:
            years = int(duration["value"].iloc[0])
            n = fmt.zh_numeral(years) if lang == "zh" else str(years)  # 十年战略计划, a 10-year strategic plan
            item = t("barriers_intro_plan_duration", lang, item=item, n=n)
            used.append(duration)
        items.append(f"<li>{item}</li>")
    return HTML(paragraph(t("barriers_intro_definition", lang, definition=escape(definition))).data
                + paragraph(t("barriers_intro_policy_head", lang)).data
                + f"<ul class='biomfg-prose'>{''.join(items)}</ul>" + source_note(pd.concat(used), lang))
