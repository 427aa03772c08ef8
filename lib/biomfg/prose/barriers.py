"""Prose for 01_three_barriers: the chain from research to market and the barriers on it."""

from __future__ import annotations

from html import escape

from .. import data, fmt
from ..htmlout import HTML
from ..i18n import check_lang, t
from ..model.barriers import chain_stages
from ..model.facts import fact
from .base import paragraph


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
        if lang == "zh":
            parts.append(f"<b>{escape(b.name_zh)}</b>（{escape(link)}）由{escape(types.loc[b.type_id, 'name_zh'])}跨越，"
                         f"原文介绍了 {n} 个代表案例")
        else:
            parts.append(f"the <b>{escape(b.name_en)}</b> ({escape(link)}) is bridged by the "
                         f"{escape(types.loc[b.type_id, 'name_en'])}s, with {n} exemplars")
    if lang == "zh":
        return paragraph(f"链条是 {chain}，共 {fmt.number(len(barriers), 'count', 'zh')} 道障碍：" + "；".join(parts) + "。")
    return paragraph(f"The chain runs {chain}, with {fmt.number(len(barriers), 'count', 'en')} barriers on it: "
                     + "; ".join(parts) + ".")


def incubator_gap(lang: str = "en") -> HTML:
    """The Darwinian sea in China: how few national incubators serve the life sciences."""
    check_lang(lang)
    total = fact("china", "national_incubator_count")
    bio = fact("china", "bio_related_incubator_count")
    share = fmt.percent(bio["value"], total["value"])
    parks = escape(fmt.fact(fact("china", "biomedical_park_count"), lang))
    if lang == "zh":
        return paragraph(f"在中国，{fmt.fact(total, 'zh')}家国家级科技企业孵化器中，生物科学相关的仅有 "
                         f"<b>{fmt.fact(bio, 'zh')}</b> 家（{share}）；尽管生物医药产业园区有{parks}家，"
                         f"它们主要服务于医疗器械和制药，难以满足生物制造的需求。")
    return paragraph(f"In China, only <b>{fmt.fact(bio, 'en')}</b> of {fmt.fact(total, 'en')} national science and "
                     f"technology business incubators ({share}) are bioscience-related; there are {parks} biomedical "
                     f"industrial parks, but they mainly serve medical devices and pharmaceuticals, not biomanufacturing.")


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
            f"<div class='meta'>{'跨越它的平台：' if lang == 'zh' else 'Bridged by: '}<b>{bridge}</b></div>"
            f"<div class='src'>{escape(t('source', lang))}{cards.colon(lang)}{escape(b['source'])} — "
            f"<span class='quote'>“{escape(b['quote'])}”</span></div></div>")
    return HTML(cards.page(*parts))
