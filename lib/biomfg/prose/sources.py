"""The closing list of every lesson: the seeds it draws on, each as a full citation (author, title, kind,
outlet, date: what data/sources.csv records of it), the seed's file name a secondary detail."""

from __future__ import annotations

from html import escape

import pandas as pd

from .. import data
from ..choices import check_choice
from ..htmlout import HTML
from ..i18n import check_lang, t

FILE_STYLE = "color:#666;font-size:.85em"  # the seed's file name: a small secondary detail under the citation


def _text(value) -> str:
    return "" if value is None or pd.isna(value) else str(value)


def _date(iso: str, lang: str) -> str:
    """2025 → 2025年 / 2025; 2024-08 → 2024年8月 / August 2024; 2025-01-02 → 2025年1月2日 / 2 January 2025."""
    y, *rest = iso.split("-")
    if not rest:
        return t("cite_year", lang, y=y)
    month = t("cite_months", lang).split("|")[int(rest[0]) - 1]
    if len(rest) == 1:
        return t("cite_month", lang, y=y, month=month)
    return t("cite_day", lang, y=y, month=month, d=str(int(rest[1])))


def _source(source_id: str) -> pd.Series:
    src = data.sources().set_index("source_id")
    check_choice("source_id", source_id, src.index)
    return src.loc[source_id]


def citation(source_id: str, lang: str = "en") -> str:
    """One source in full, in the house style of `lang` (plain text, not escaped): author where the seed gives
    one, title, kind of document, outlet, date; what the seed does not state is said to be not stated, and an
    earliest date is shown as the inference it is. A title the seed gives in the other language is marked as
    translated, with the original; a seed with no headline is marked [untitled].

    zh: 肖瑶：《从“单点突破”走向“集群成势”：…》，新闻报道，出处未注明，日期未注明（据原文推断，不早于2025年）
    en: Xiao Yao (肖瑶), “From single breakthroughs to clusters: …” [translated title; original 《…》], news report;
        outlet not stated; undated (inferred from the text: not before 2025)
    """
    check_lang(lang)
    r = _source(source_id)
    author = ""
    if _text(r["author_zh"]):
        names = _text(r[f"author_{lang}"]).split(", ") if lang == "en" else [_text(r["author_zh"])]
        if lang == "en":  # pinyin with the Chinese name kept: Xiao Yao (肖瑶)
            names = [f"{n}{t('paren', lang, text=zh)}" for n, zh in zip(names, _text(r["author_zh"]).split("、"), strict=True)]
        author = t("cite_author", lang, names=t("list_sep", lang).join(names))
    name, headline = _text(r[f"name_{lang}"]), _text(r["headline_lang"])
    if not headline:
        title = t("cite_untitled", lang, title=name)
    elif headline == lang:
        title = t("cite_title", lang, title=name)
    else:  # an editorial translation of the seed's headline, with the original as the seed's language writes titles
        original = t("cite_title", headline, title=_text(r[f"name_{headline}"]))
        title = t("cite_title_translated", lang, title=t("cite_title", lang, title=name), original=original)
    outlet = _text(r[f"outlet_{lang}"])
    if not outlet:
        outlet = t("cite_outlet_unstated", lang)
    else:
        if lang == "en" and _text(r["outlet_zh"]):
            outlet += t("paren", lang, text=_text(r["outlet_zh"]))
        outlet = t("cite_credited" if _text(r["outlet_kind"]) == "credited_source" else "cite_periodical", lang, name=outlet)
    if _text(r["date"]):
        date = _date(_text(r["date"]), lang)
    else:
        date = t("cite_undated", lang)
        if _text(r["not_before"]):
            date += t("paren", lang, text=t("cite_not_before", lang, date=_date(_text(r["not_before"]), lang)))
    return t("cite_full", lang, author=author, title=title, kind=_text(r[f"kind_{lang}"]), outlet=outlet, date=date)


def file_note(source_id: str, lang: str = "en") -> str:
    """The seed's file name as a small secondary detail (HTML): <span class='file'>file: <code>000_….txt</code></span>."""
    check_lang(lang)
    return (f"<span class='file' style='{FILE_STYLE}'>{escape(t('cite_file', lang))}{escape(t('colon', lang))}"
            f"<code>{escape(source_id)}</code></span>")


def listing(lang: str = "en", source_ids: list[str] | None = None) -> HTML:
    """The seeds a notebook draws on, each as its full citation in `lang`, the file name under it."""
    check_lang(lang)
    src = data.sources()
    if source_ids is not None:
        src = src[src["source_id"].isin(source_ids)]
    items = "".join(f"<li>{escape(citation(sid, lang))}<br>{file_note(sid, lang)}</li>" for sid in src["source_id"])
    return HTML(f"<p><b>{escape(t('sources', lang))}</b></p><ul>{items}</ul>")
