"""Sentences with computed figures for notebooks 01-04 (the barriers and the three platform types).

Every figure comes from data/ through biomfg.fmt; every string from data is escaped.
"""

from __future__ import annotations

from html import escape

from . import data, finder, fmt
from .charts.barriers import chain_stages
from .htmlout import HTML
from .i18n import check_lang, t
from .sentences import fact_row, paragraph


def _v(entity_id: str, indicator: str, lang: str) -> str:
    return escape(fmt.fact(fact_row(entity_id, indicator), lang))


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
    total = fact_row("china", "national_incubator_count")
    bio = fact_row("china", "bio_related_incubator_count")
    share = fmt.percent(bio["value"], total["value"])
    parks = _v("china", "biomedical_park_count", lang)
    if lang == "zh":
        return paragraph(f"在中国，{fmt.fact(total, 'zh')}家国家级科技企业孵化器中，生物科学相关的仅有 "
                         f"<b>{fmt.fact(bio, 'zh')}</b> 家（{share}）；尽管生物医药产业园区有{parks}家，"
                         f"它们主要服务于医疗器械和制药，难以满足生物制造的需求。")
    return paragraph(f"In China, only <b>{fmt.fact(bio, 'en')}</b> of {fmt.fact(total, 'en')} national science and "
                     f"technology business incubators ({share}) are bioscience-related; there are {parks} biomedical "
                     f"industrial parks, but they mainly serve medical devices and pharmaceuticals, not biomanufacturing.")


def type_profile(type_id: str, lang: str = "en") -> HTML:
    """The exemplars of one type: how many, founded when, in which countries."""
    check_lang(lang)
    p = data.platforms()
    if type_id not in set(p["type_id"]):
        raise ValueError(f"type_id={type_id!r} is not known; valid choices: {', '.join(sorted(set(p['type_id'])))}")
    p = p[p["type_id"] == type_id]
    first, last = p.loc[p["founded"].idxmin()], p.loc[p["founded"].idxmax()]
    sep = "、" if lang == "zh" else ", "
    names = sep.join(escape(n) for n in p[f"name_{lang}"])
    countries = sep.join(escape(c) for c in dict.fromkeys(p[f"country_{lang}"]))
    role = escape(str(data.table("platform_types").set_index("type_id").loc[type_id, f"role_{lang}"]))
    if lang == "zh":
        return paragraph(f"原文介绍了 <b>{len(p)}</b> 个{escape(first['type_name_zh'])}：{names}，分布在{countries}，"
                         f"成立于 {first['founded']} 年（{escape(first['name_zh'])}）至 {last['founded']} 年"
                         f"（{escape(last['name_zh'])}）之间。它们的作用：{role}。")
    return paragraph(f"The source profiles <b>{len(p)}</b> {escape(first['type_name_en'])}s: {names}, in {countries}, "
                     f"founded between {first['founded']} ({escape(first['name_en'])}) and {last['founded']} "
                     f"({escape(last['name_en'])}). Their role: {role}.")


def type_rule(type_id: str, lang: str = "en") -> HTML | None:
    """What the source says a successful platform of this type needs (a counted list), if it says so."""
    check_lang(lang)
    indicator = {"technology_innovation": "core_function_count", "pilot_scale": "success_element_count"}.get(type_id)
    if indicator is None:
        return None
    f = fact_row(type_id, indicator)
    what = escape(str(f[f"indicator_{lang}"]))
    if lang == "zh":
        return paragraph(f"原文为这类平台的成功列出了 <b>{fmt.fact(f, 'zh')}</b> 项要点（{what}）。原文：“{escape(f['quote'])}”")
    return paragraph(f"The source lists <b>{fmt.fact(f, 'en')}</b> things a platform of this type needs to succeed "
                     f"({what.lower()}). In its words: “{escape(f['quote'])}”")


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
            items.append(f"<li><b>{escape(plats.loc[pid, f'name_{lang}'])}</b>{'：' if lang == 'zh' else ': '}"
                         f"{escape(t('no_data', lang))}</li>")
            continue
        figs = []
        for _, r in rows.iterrows():
            what = str(r[f"indicator_{lang}"])
            if r["entity_id"] != pid:
                what += f" ({names.get(r['entity_id'], r['entity_id'])})" if lang == "en" else \
                    f"（{names.get(r['entity_id'], r['entity_id'])}）"
            year = "" if r["year"] is None or str(r["year"]) == "<NA>" else \
                (f"，{r['year']}年" if lang == "zh" else f", {r['year']}")
            figs.append(f"{escape(what)}{'：' if lang == 'zh' else ': '}<b>{escape(fmt.fact(r, lang))}</b>{escape(year)}")
        items.append(f"<li><b>{escape(plats.loc[pid, f'name_{lang}'])}</b> — {('；' if lang == 'zh' else '; ').join(figs)}</li>")
    return HTML(f"<ul class='biomfg-prose'>{''.join(items)}</ul>")


def barrier_cards(lang: str = "en") -> HTML:
    """Each barrier with its definition and the verbatim quote it rests on."""
    check_lang(lang)
    from . import cards
    from .theme import BARRIER_COLOURS

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


def volume_gaps(type_id: str, lang: str = "en") -> HTML:
    """Which exemplars of a type have a stated volume in litres, and which do not."""
    check_lang(lang)
    p = data.platforms()
    p = p[p["type_id"] == type_id]
    with_volume = set(finder.volume_facts()["platform_id"])
    missing = [escape(n) for pid, n in zip(p["platform_id"], p[f"name_{lang}"], strict=True) if pid not in with_volume]
    having = [escape(n) for pid, n in zip(p["platform_id"], p[f"name_{lang}"], strict=True) if pid in with_volume]
    sep = "、" if lang == "zh" else ", "
    if lang == "zh":
        text = (f"来源写明容积的：{sep.join(having) or '无'}。未写明容积的：{sep.join(missing) or '无'}"
                f"（共 {len(missing)} 个）——查找器对它们只能按所服务的阶段估计规模。")
    else:
        text = (f"Volumes stated in the source: {sep.join(having) or 'none'}. No volume stated: "
                f"{sep.join(missing) or 'none'} ({len(missing)} platforms), so the finder can only judge their scale "
                f"by the stages they serve.")
    return paragraph(text)
