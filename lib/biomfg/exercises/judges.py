"""Judges the exercises share: numbers read as people write them, names matched to ids, worked code shown.

Every reply is in the student's language and names things, never ids. A number is read by `fmt.read`
(2000万, 1.2亿元, USD 20 million, $20m, 2.5 bn, 1,200, 两千万), the one reader every numeric judge uses; a name
by `model.names.resolve` (either language, any case or width, with or without an article, a country or
quotes, short names, abbreviations and the aliases in data/aliases.csv); an answer that could mean several
rows is told which.
"""

from __future__ import annotations

from html import escape

import pandas as pd

from .. import data, fmt
from ..i18n import t
from ..model.names import Match, country, resolve


def match_name(given, table, key: str) -> str | None:
    """A name, an id, or a unique part of a name (see model.names.resolve)."""
    return resolve(given, table, key, also=("abbr",), partial=True).id


def _hint(hint, lang: str) -> str:
    """A hint: a message key, or a function of lang for a hint with fields."""
    return hint(lang) if callable(hint) else t(hint, lang)


def display_name(row, lang: str) -> str:
    """A row's name in `lang`, its abbreviation after it where it has one the name does not hold:
    美国敏捷生物工厂（ABF）, Agile BioFoundry (ABF)."""
    name = str(row[f"name_{lang}"])
    abbr = row.get("abbr")
    if isinstance(abbr, str) and abbr and abbr.lower() not in name.lower():
        return name + t("paren", lang, text=abbr)
    return name


def platform_name(platform_id: str, lang: str) -> str:
    """An exemplar as a sentence names it (not escaped): en its abbreviation where it has one (BioMADE),
    zh its name with the abbreviation after it (美国生物工业制造和设计生态系统（BioMADE）)."""
    row = data.platforms().set_index("platform_id").loc[platform_id]
    if lang == "en":
        return str(row["abbr"]) if fmt.text(row["abbr"]) else str(row["name_en"])
    return display_name(row, lang)


def in_sentence(text: str, lang: str) -> str:
    """A name or phrase from data/ set inside an English sentence: 'Training versatile …' -> 'training
    versatile …' (an initial capital only; 'IP policy' and Chinese are left alone)."""
    if lang == "en" and len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def choices(table: pd.DataFrame, lang: str, ids=None, key: str | None = None) -> str:
    """The rows' names (or those of `ids`, by the column `key`) in `lang`, as a list to choose from."""
    rows = table if ids is None else table.set_index(key).loc[list(ids)].reset_index()
    return t("ex_choice_sep", lang).join(display_name(r, lang) for _, r in rows.iterrows())


def ambiguous(given, match: Match, table: pd.DataFrame, key: str, lang: str) -> str:
    """One line: the answer (a short name, or a country) could mean these rows (names in `lang`); write the
    name in full."""
    return t("ex_name_country" if country(given) else "ex_name_ambiguous", lang, given=escape(str(given).strip()),
             names=escape(choices(table, lang, match.candidates, key)))


def unclear(given, table: pd.DataFrame, key: str, lang: str) -> str | None:
    """The reply for an answer that could mean several rows of `table` (see ambiguous); None if it does not."""
    m = resolve(given, table, key, also=("abbr",), partial=True)
    return ambiguous(given, m, table, key, lang) if m.id is None and m.candidates else None


def pick_judge(table: str, key: str, hint):
    """A judge for 'name one platform / barrier / type', explaining a wrong pick with `hint` (a message
    key, or lang -> text)."""
    def judge(given, right, lang):
        frame = data.table(table)
        m = resolve(given, frame, key, also=("abbr",), partial=True)
        if m.id is None:
            if m.candidates:
                return False, ambiguous(given, m, frame, key, lang)
            return False, t("ex_pick_unknown", lang, given=escape(str(given)), valid=escape(choices(frame, lang)))
        name = escape(str(frame.set_index(key).loc[m.id, f"name_{lang}"]))
        if m.id == right:
            return True, t("ex_pick_right", lang, name=name)
        return False, t("ex_pick_wrong", lang, name=name, hint=_hint(hint, lang))
    return judge


def read_number(given, unit: str | None = None) -> float | None:
    """The value of a figure a student typed (fmt.read), in base units; None if there is none, or if it
    names a unit other than `unit` (a measure word such as 个 names none)."""
    r = fmt.read(given)
    if r is None or (unit is not None and r.unit not in (None, unit)):
        return None
    return r.value


def unit_problem(given, unit: str, lang: str) -> str | None:
    """A reply when the answer names another unit than the question's (英镑 for US dollars, % for a count)."""
    r = fmt.read(given)
    if r is None or r.unit is None or r.unit == unit:
        return None
    return t("ex_number_unit", lang, unit=t(f"ex_unit_{unit}" if unit in UNIT_WORDS else "ex_unit_other", lang))


UNIT_WORDS = ("USD", "GBP", "CNY", "L", "months", "count")  # units a numeric judge asks for, with ex_unit_<unit>


def number_judge(unit: str, hint, scales: tuple[float, ...] = ()):
    """A judge for a number in base units; `scales` are slips it recognises (e.g. 1e6: answered in millions);
    `hint` (a message key, or lang -> text) explains a wrong number."""
    def judge(given, right, lang):
        if fmt.read(given) is None:
            return False, give_number(unit, lang)
        wrong_unit = unit_problem(given, unit, lang)
        if wrong_unit:
            return False, wrong_unit
        value = fmt.read(given).value
        shown = escape(fmt.number(right, unit, lang))
        if _same(value, right) and fmt.read(given).converted:  # 75 m3 for 75,000 L: right, and the reply says so
            return True, t("ex_number_right_converted", lang, given=escape(str(given).strip()), value=shown)
        if _same(value, right):
            return True, t("ex_number_right", lang, value=shown)
        for s in scales:
            if _same(value * s, right):
                return False, t("ex_number_scale", lang, value=shown)
        return False, _hint(hint, lang)
    return judge


def give_number(unit: str, lang: str) -> str:
    """'Give a number', with examples in the question's unit (months, litres, a count; money otherwise)."""
    return t(f"ex_give_number_{unit}" if unit in ("months", "L", "count") else "ex_give_number", lang)


def _same(a: float, b: float) -> bool:
    """Equal but for float noise (1.2亿 read as 1.2 × 10^8)."""
    return abs(a - b) <= 1e-9 * max(abs(a), abs(b), 1)


def name_of(table: str, key: str, row_id: str, lang: str) -> str:
    """The name in `lang` of the row `row_id` of `table` (what a reader sees instead of the id)."""
    return str(data.table(table).set_index(key).loc[row_id, f"name_{lang}"])


def code_solution(code: str, answer, named: tuple[str, str] | None = None):
    """The code, then the answer it gives: a number, or, for an answer that is a row of `named`
    (table, key), that row's name in the reader's language, never its id."""
    def solution(lang):
        shown = answer() if callable(answer) else answer
        if named is not None:
            shown = name_of(*named, shown, lang)
        elif isinstance(shown, float) and shown.is_integer():
            shown = f"{int(shown):,}" if lang == "en" else str(int(shown))  # zh writes 20000000, never 20,000,000
        return f"<pre>{escape(code)}</pre><p>{escape(str(shown))}</p>"
    return solution


def as_int(given) -> int | None:
    """A whole number from what a student typed (fmt.read: 56, '56个', '2,011', '2011年', '五十六'); None if
    there is none or it is not whole."""
    r = fmt.read(given)
    if r is None or not r.value.is_integer():
        return None
    return int(r.value)


def whole_number(lang: str) -> str:
    return t("ex_give_whole_number", lang)
