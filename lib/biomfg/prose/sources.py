"""The closing list of every lesson: the seeds it draws on, each as a full citation (author, title, kind,
outlet, date: what data/sources.csv records of it), the seed's file name a secondary detail. A seed that is a
newspaper page holding several items (000, 003) has them in data/source_items.csv, each with its own headline
and byline, and a figure is cited to the item that reports it (model.cases.item_of), not to the page's lead story.

House styles (the cite_* messages): English, author-title-outlet in the manner of Chicago, an original-language
title first and its translation in brackets, ISO dates as the briefing header dates the data;
Chinese, the 作者：《题名》，类型，出处，日期 form of Chinese footnotes, with full-width punctuation."""

from __future__ import annotations

from html import escape

import pandas as pd

from .. import data
from ..choices import check_choice
from ..htmlout import HTML
from ..i18n import check_lang, t
from .base import join

FILE_STYLE = "color:#666;font-size:.85em"  # the seed's file name: a small secondary detail under the citation


def _text(value) -> str:
    return "" if value is None or pd.isna(value) else str(value)


def _date(iso: str, lang: str) -> str:
    """2025 → 2025年 / 2025; 2024-08 → 2024年8月 / 2024-08; 2024-08-12 → 2024年8月12日 / 2024-08-12 (English
    keeps the ISO form of data/, as the briefing header gives the data's date: unambiguous in any country)."""
    y, *rest = iso.split("-")
    parts = rest if lang == "en" else [str(int(p)) for p in rest]
    if not rest:
        return t("cite_year", lang, y=y)
    if len(rest) == 1:
        return t("cite_month", lang, y=y, m=parts[0])
    return t("cite_day", lang, y=y, m=parts[0], d=parts[1])


def _source(source_id: str) -> pd.Series:
    src = data.sources().set_index("source_id")
    check_choice("source_id", source_id, src.index)
    return src.loc[source_id]


def _item(item_id: str) -> pd.Series:
    items = data.table("source_items").set_index("item_id")
    check_choice("item_id", item_id, items.index)
    return items.loc[item_id]


def _author(names_zh: str, names_en: str, lang: str) -> str:
    """The byline: en in pinyin, 'Wei Lu and Wang Chun'; zh '魏路、王春'; '' where the seed names no author."""
    if not names_zh:
        return ""
    names = names_en.split(", ") if lang == "en" else names_zh.split("、")
    return t("cite_author", lang, names=join(names, lang))


def _title(name_zh: str, name_en: str, headline_lang: str, lang: str) -> str:
    """The title as the seed gives it; in the other language the original first, the translation after it in
    brackets; no headline in the seed: the description, marked untitled."""
    names = {"zh": name_zh, "en": name_en}
    if not headline_lang:
        return t("cite_untitled", lang, title=names[lang])
    if headline_lang == lang:
        return t("cite_title", lang, title=names[lang])
    return t("cite_title_translated", lang, original=names[headline_lang], title=t("cite_title", lang, title=names[lang]))


def citation(source_id: str, lang: str = "en", item_id: str | None = None) -> str:
    """One source in full, in the house style of `lang` (plain text, not escaped): author where the seed gives
    one, title, outlet, kind of document, date; what the seed does not state is said to be not stated, and an
    earliest date is shown as the inference it is. `item_id` (data/source_items.csv, an item of this seed):
    the item's own author, headline and kind instead of the seed's, with the page's outlet and date.

    en: Wei Lu and Wang Chun. 张江科学城：原创新药从这里走向世界 [Zhangjiang Science City: …]. Science and
        Technology Daily, news report, n.d. [not before 2024-08-12; inferred].
    zh: 魏路、王春：《张江科学城：原创新药从这里走向世界》，新闻报道，《科技日报》，日期未注明（据原文推断，
        不早于2024年8月12日）。
    """
    check_lang(lang)
    r = _source(source_id)
    author = _author(_text(r["author_zh"]), _text(r["author_en"]), lang)
    title = _title(_text(r["name_zh"]), _text(r["name_en"]), _text(r["headline_lang"]), lang)
    kind = _text(r[f"kind_{lang}"])
    if item_id is not None:
        i = _item(item_id)
        if i["source_id"] != source_id:
            raise ValueError(f"item {item_id!r} is on {i['source_id']}, not on {source_id}")
        author = _author(_text(i["author_zh"]), _text(i["author_en"]), lang)
        # an item's headline is in its seed's headline language; with no headline quoted, it is a description
        title = _title(_text(i["headline_zh"]), _text(i["headline_en"]),
                       _text(r["headline_lang"]) if _text(i["headline_quote"]) else "", lang)
        kind = _text(i[f"kind_{lang}"]) or kind
    outlet = _text(r[f"outlet_{lang}"])
    if not outlet:
        outlet = t("cite_outlet_unstated", lang)
    else:
        outlet = t("cite_credited" if _text(r["outlet_kind"]) == "credited_source" else "cite_periodical", lang, name=outlet)
    if _text(r["date"]):
        date = _date(_text(r["date"]), lang)
    elif _text(r["not_before"]):
        date = t("cite_not_before", lang, date=_date(_text(r["not_before"]), lang))
    else:
        date = t("cite_undated", lang)
    text = t("cite_full", lang, author=author, title=title, kind=kind, outlet=outlet, date=date)
    end = t("cite_end", lang)
    return text if text.endswith(end) else text + end  # 'n.d.' closes an English citation with its own full stop


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
