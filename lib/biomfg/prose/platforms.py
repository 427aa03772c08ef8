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
from .base import paragraph


def type_profile(type_id: str, lang: str = "en") -> HTML:
    """The exemplars of one type: how many, founded when, in which countries."""
    check_lang(lang)
    p = data.platforms()
    check_choice("type_id", type_id, sorted(set(p["type_id"])))
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
    f = fact(type_id, indicator)
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


def litres(value: float, lang: str) -> str:
    return fmt.number(value, "L", lang)


def finder_label(key: str, lang: str = "en") -> str:
    """The word for a criterion (stage, need, ...) or an option (pilot, energy, ...) in `lang`."""
    return t(f"crit_{key}" if key in (*CHOICES, "scale_l", "any") else f"opt_{key}", lang)


def reason_text(r: Reason, lang: str = "en") -> str:
    """One reason as a plain sentence in `lang` (not escaped: callers escape)."""
    check_lang(lang)
    zh = lang == "zh"
    val = finder_label(r.value, lang) if r.value else ""
    if r.criterion in REQUIRED:
        crit = finder_label(r.criterion, lang)
        return f"服务{crit}“{val}”" if zh else f"serves {crit.lower()} “{val}”"
    if r.criterion == "sector":
        if r.status == "met":
            return f"领域“{val}”有据可查" if zh else f"sector “{val}” is stated"
        if r.status == "missed":
            others = "、".join(finder_label(v, lang) for v in r.detail.split(", ")) if zh else \
                ", ".join(finder_label(v, lang) for v in r.detail.split(", "))
            return f"来源写明的领域是{others}，不含“{val}”" if zh else f"sectors stated are {others}, not “{val}”"
        return "来源未写明服务领域" if zh else "no sector stated in the source"
    # scale
    band_word = finder_label(r.value, lang)
    if r.low is not None:
        span = litres(r.low, lang) if r.low == r.high else \
            f"{litres(r.low, lang)}{'至' if zh else ' to '}{litres(r.high, lang)}"
        if r.status == "met":
            return f"所述容积{span}覆盖你的规模" if zh else f"its stated volumes, {span}, cover your scale"
        if r.status == "near":
            return f"你的规模小于所述容积{span}" if zh else f"your scale is below its stated volumes, {span}"
        return f"你的规模超出所述容积{span}" if zh else f"your scale exceeds its stated volumes, {span}"
    if r.status == "near":
        return (f"未写明容积，但服务{band_word}规模对应的“{finder_label(r.detail, lang)}”阶段" if zh else
                f"no volume stated, but it serves the {finder_label(r.detail, lang)} stage that {band_word} scale needs")
    return f"未写明容积，也不服务{band_word}规模" if zh else f"no volume stated, nor the stage {band_word} scale needs"


def no_match_message(lang: str = "en", **query) -> str:
    """The plain answer when no platform serves the stated requirements."""
    check_lang(lang)
    asked = [(k, v) for k, v in query.items() if k in REQUIRED and v not in (None, "any")]
    if lang == "zh":
        what = "、".join(f"{finder_label(k, lang)}“{finder_label(v, lang)}”" for k, v in asked) or "所选条件"
        return f"数据中没有平台同时满足{what}。请放宽一个条件（设为“不限”）再试。"
    what = ", ".join(f"{finder_label(k, lang).lower()} “{finder_label(v, lang)}”" for k, v in asked) or "these requirements"
    return f"No platform in the data serves {what} together. Widen one of them (set it to Any) and try again."
