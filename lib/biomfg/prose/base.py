"""Building blocks of the prose modules: a paragraph, a bold figure, the one fact a sentence quotes, an
entity's name and a list joined the way each language joins one. Text from data/ is escaped here, so a
sentence never carries raw data into HTML."""

from __future__ import annotations

from html import escape

import pandas as pd

from .. import data, figures, fmt
from ..fmt import text as _text
from ..htmlout import HTML
from ..i18n import t
from ..model.facts import fact


def paragraph(html_text: str) -> HTML:
    """A paragraph of prose; `html_text` is already escaped where it holds data."""
    return HTML(f"<p class='biomfg-prose'>{html_text}</p>")


def bold(text: str) -> str:
    return f"<b>{escape(text)}</b>"


def figure(entity_id: str, indicator: str, lang: str, year=None, kind: str | None = None) -> str:
    """The fact formatted for `lang`, in bold: '<b>3686亿元</b>'."""
    return bold(fmt.fact(fact(entity_id, indicator, year, kind), lang))


def entity_name(entity_id: str, lang: str) -> str:
    """An entity's name in `lang` (not escaped), or its id if no table names it."""
    names = data.entity_index()
    return _text(names.loc[entity_id, f"name_{lang}"]) if entity_id in names.index else entity_id


def join(items, lang: str) -> str:
    """'a, b and c' in English, 'a、b、c' in Chinese."""
    items = list(items)
    if lang == "en" and len(items) > 1:
        return t("list_sep", lang).join(items[:-1]) + t("china_list_last_sep", lang) + items[-1]
    return t("list_sep", lang).join(items)


# Country names that take "the" inside an English sentence (a label standing alone keeps the bare name)
THE_NAMES = frozenset({"United States", "United Kingdom", "Netherlands", "European Union"})


def place_in_sentence(name: str, lang: str) -> str:
    """A country's name inside a sentence: en 'the United States', 'Germany'; zh unchanged (not escaped)."""
    return f"the {name}" if lang == "en" and name in THE_NAMES else name


def year_text(row, lang: str, col: str = "year") -> str:
    """A row's year, marked '(inferred)' / '（推断）' when its quote does not state it; a period its quote
    states ('since 2023' / '2023年至今'); '' if none."""
    return fmt.year(row, lang, col) or fmt.since(row, lang, col)


def year_in_sentence(row, lang: str, col: str = "year") -> str:
    """A year inside a sentence: en '2024' / '2024 (inferred)', zh '2024年' / '2024年（推断）' (not escaped)."""
    text = fmt.year(row, "en", col).split(" ")[0]
    if not text:
        return ""
    if lang == "zh":
        text += "年"
    return text + t("paren", lang, text=t("year_inferred", lang)) if fmt.year_inferred(row, col) else text


def any_inferred(rows: pd.DataFrame, col: str = "year") -> bool:
    """Whether any row's year is inferred (then a table adds the one-line explanation)."""
    return any(figures.year_inferred(q, y) for q, y in zip(rows["quote"], rows[col], strict=True))


def source_note(rows: pd.DataFrame, lang: str) -> str:
    """The source files behind some rows, as a small line under a paragraph or table."""
    used = ", ".join(sorted({escape(str(s)) for s in rows["source"].dropna()}))
    return (f"<div class='src' style='color:#666;font-size:.85em'>{escape(t('source', lang))}{t('colon', lang)}"
            f"{used}</div>")


def in_sentence(label: str, lang: str) -> str:
    """A capitalised label ('Stage') as it reads inside a sentence: lower case in English; Chinese has no
    case, so the label stays as it is (a choice of code, not of words)."""
    return label.lower() if lang == "en" else label
