"""Lettered-choice exercises: options A, B, C …; a student answers with the letter (A, a, Ａ, "(B)", "选C")
or with the option's words, and every wrong option gets its own reason.

`lettered(...)` builds the Question; `comparison(...)` builds the one that asks why two figures of
data/facts.csv cannot be compared, the reason computed from the two rows (unit, year, kind, indicator).
`ask` lists the options under the prompt, lettered (`Question.options`); their words come from data/ (a
platform type's name, a success factor's) or from the catalogue (a reason).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from .. import data, fmt
from ..i18n import t
from ..model.names import name_key
from .base import LETTERS, Question


@dataclass(frozen=True)
class Choice:
    key: str                         # what the option stands for: a row id or a reason code
    label: Callable[[str], str]      # lang -> the option's words, as the prompt prints them (plain text)


def row_choices(table: str, key: str, ids: list[str] | None = None) -> Callable[[], list[Choice]]:
    """Options that are rows of a table (in the table's order, or in the order of `ids`), labelled by name."""
    def choices():
        rows = data.table(table).set_index(key)
        keep = list(rows.index) if ids is None else ids
        return [Choice(k, lambda lang, k=k: str(data.table(table).set_index(key).loc[k, f"name_{lang}"])) for k in keep
                if k in rows.index]
    return choices


def in_sentence(text: str, lang: str) -> str:
    """A name or phrase from data/ set inside an English sentence: 'Training versatile …' -> 'training
    versatile …' (an initial capital only; 'IP policy' and Chinese are left alone)."""
    if lang == "en" and len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def _norm(text) -> str:
    """As the one name matcher reads a name (model.names.name_key: half-width, lower case, no quotes, article
    or country in front), then letters and digits only."""
    return "".join(ch for ch in name_key(text) if ch.isalnum())


LETTER = re.compile(r"^\s*(?:option|choice|answer|选项|答案|选)?\s*[:：]?\s*[(\[（【]?\s*([a-z])\s*[)\]）】]?"
                    r"\s*(?:[.．。、:：)）\-—]\s*.*)?$", re.IGNORECASE | re.DOTALL)


def _letter(given, n: int) -> str | None:
    """The letter a student gave ('b', 'Ｂ', '(B)', 'B. …', '选B'), if it is one of the first n letters."""
    m = LETTER.match(unicodedata.normalize("NFKC", str(given)))
    if m and m[1].upper() in LETTERS[:n]:
        return m[1].upper()
    return None


def resolve(given, choices: list[Choice], also: Callable[[object], str | None] | None = None) -> str | None:
    """The key of the option a student meant: by letter, by the option's words (either language, whole or a
    unique part of two characters or more), or by `also` (e.g. a name or abbreviation of a table's row)."""
    if given is None or isinstance(given, bool | dict | list | tuple | set):
        return None
    letter = _letter(given, len(choices))
    if letter is not None:
        return choices[LETTERS.index(letter)].key
    text = _norm(given)
    if not text:
        return None
    labels = {c.key: {_norm(c.label(lang)) for lang in ("en", "zh")} for c in choices}
    whole = [k for k, ls in labels.items() if text in ls]
    if len(whole) == 1:
        return whole[0]
    if also is not None:
        hit = also(given)
        if hit in labels:
            return hit
    # a unique part of an option's words: two characters of Chinese, three of Latin; 'currency' finds
    # 'currencies' and 'years' 'year' (a final s or y dropped)
    if text.isdigit() or len(text) < (3 if text.isascii() else 2):
        return None
    stems = [text] + ([text[:-1]] if text.isascii() and len(text) > 4 and text[-1] in "sy" else [])
    for stem in stems:
        part = [k for k, ls in labels.items() if any(stem in label for label in ls)]
        if len(part) == 1:
            return part[0]
    return None


def show(choices: list[Choice], key: str, lang: str) -> str:
    """'B) pilot-scale platform' / 'B．中试放大平台' (escaped)."""
    i = [c.key for c in choices].index(key)
    return t("ex_letter_option", lang, letter=LETTERS[i], label=escape(choices[i].label(lang)))


def lettered(prompt: str, choices: Callable[[], list[Choice]], right: Callable[[], str],
             why_right: Callable[[str], str], why_wrong: Callable[[str, str], str], *, kind: str = "reason",
             marking: str | None = None, code: str | None = None,
             also: Callable[[object], str | None] | None = None,
             details: Callable[[str], str] | None = None) -> Question:
    """A lettered question. `right()` is the right option's key, computed from data; `why_right(lang)` and
    `why_wrong(key, lang)` say why (HTML, data escaped); the answer a student matches is the letter. The
    solution shows `code`, then `details(lang)` (HTML: the rows the answer comes from), then the answer."""
    def answer() -> str:
        keys = [c.key for c in choices()]
        return LETTERS[keys.index(right())]

    def judge(given, right_letter, lang):
        opts = choices()
        key = resolve(given, opts, also)
        if key is None:
            listed = t("ex_letter_sep", lang).join(show(opts, c.key, lang) for c in opts)
            return False, t("ex_letter_unknown", lang, given=escape(str(given)),
                            letters=t("list_sep", lang).join(LETTERS[:len(opts)]), options=listed)
        shown = show(opts, key, lang)
        if key == opts[LETTERS.index(right_letter)].key:
            return True, t("ex_letter_right", lang, option=shown, why=why_right(lang))
        return False, t("ex_letter_wrong", lang, option=shown, why=why_wrong(key, lang))

    def solution(lang):
        shown = show(choices(), right(), lang)
        head = (f"<pre>{escape(code)}</pre>" if code else "") + (details(lang) if details else "")
        return f"{head}<p>{t('ex_letter_right', lang, option=f'<b>{shown}</b>', why=why_right(lang))}</p>"

    def options(lang) -> list[str]:
        return [escape(c.label(lang)) for c in choices()]

    return Question(prompt, answer, judge, solution, kind=kind, marking=marking, options=options)


# --- why two figures cannot be compared -----------------------------------------------------------

REASONS = ("currency", "year", "target", "scope")
REASON_LABELS = {"currency": "ex_reason_currency", "year": "ex_reason_year", "target": "ex_reason_target",
                 "scope": "ex_reason_scope"}


def _year(row) -> int | None:
    y = row.get("year")
    return None if fmt.text(y) == "" else int(y)


def reasons(a, b) -> list[str]:
    """Every reason (of REASONS, in that order) that keeps two facts apart: a target beside a result, two
    currencies, two years, or two different measures (a different indicator, or units that are not both money)."""
    found = []
    kinds = {a["kind"], b["kind"]}
    if "target" in kinds and len(kinds) > 1:
        found.append("target")
    money = a["unit"] in fmt.CURRENCIES and b["unit"] in fmt.CURRENCIES
    if money and a["unit"] != b["unit"]:
        found.append("currency")
    ya, yb = _year(a), _year(b)
    if ya is not None and yb is not None and ya != yb:
        found.append("year")
    if a["indicator"] != b["indicator"] or (a["unit"] != b["unit"] and not money):
        found.append("scope")
    return found


def _fact(fact_id: str):
    f = data.facts()
    return f[f["fact_id"] == fact_id].iloc[0]


def platform_name(platform_id: str, lang: str) -> str:
    """An exemplar as a sentence names it (not escaped): en its abbreviation where it has one (BioMADE),
    zh its name with the abbreviation after it (美国生物工业制造和设计生态系统（BioMADE）)."""
    from .judges import display_name

    row = data.platforms().set_index("platform_id").loc[platform_id]
    if lang == "en":
        return str(row["abbr"]) if fmt.text(row["abbr"]) else str(row["name_en"])
    return display_name(row, lang)


def _entity(entity_id: str, lang: str) -> str:
    """A fact's entity in a sentence (not escaped): an exemplar as platform_name gives it; in English a
    facility takes 'the' (the Pilots4U database), a country or region does not."""
    from ..prose.base import entity_name

    names = data.entity_names().drop_duplicates("entity_id").set_index("entity_id")
    table = names.loc[entity_id, "table"] if entity_id in names.index else ""
    if table == "platforms":
        return platform_name(entity_id, lang)
    name = entity_name(entity_id, lang)
    return f"the {name}" if lang == "en" and table == "facilities" else name


def _what(row, lang: str) -> str:
    """An entity's indicator in words (escaped): 'the Integrated Biorefinery Research Facility's investment
    amount', 'BioMADE's number of states', '中国的生物基材料产能占全球比重'."""
    ind = in_sentence(str(row[f"indicator_{lang}"]), lang)
    return t("ex_cmp_what", lang, entity=escape(_entity(row["entity_id"], lang)), indicator=escape(ind))


def _unit_word(row, lang: str) -> str:
    u = row["unit"]
    return t(f"currency_{u}", lang) if u in fmt.CURRENCIES else ""


def _why_reason(reason: str, a, b, lang: str, right: bool) -> str:
    """Why `reason` does (right) or does not (wrong) keep facts a and b apart, from their rows."""
    wa, wb = _what(a, lang), _what(b, lang)
    if right:
        if reason == "currency":
            return t("ex_cmp_currency_right", lang, a=wa, b=wb, ua=_unit_word(a, lang), ub=_unit_word(b, lang))
        if reason == "year":
            return t("ex_cmp_year_right", lang, a=wa, b=wb, ya=_year(a), yb=_year(b))
        if reason == "target":
            goal, done = (a, b) if a["kind"] == "target" else (b, a)
            return t("ex_cmp_target_right", lang, goal=_what(goal, lang), done=_what(done, lang), year=_year(goal))
        return t("ex_cmp_scope_right", lang, a=wa, b=wb)
    if reason == "currency":
        money = [r["unit"] in fmt.CURRENCIES for r in (a, b)]
        if all(money):
            return t("ex_cmp_currency_same", lang, unit=_unit_word(a, lang))
        return t("ex_cmp_currency_one" if any(money) else "ex_cmp_currency_none", lang)
    if reason == "year":
        ya, yb = _year(a), _year(b)
        if ya is None and yb is None:
            return t("ex_cmp_year_none", lang)
        if ya is None or yb is None:
            return t("ex_cmp_year_one", lang, year=ya or yb)
        return t("ex_cmp_year_same", lang, year=ya)
    if reason == "target":
        if a["kind"] == b["kind"] == "target":
            return t("ex_cmp_target_both", lang)
        return t("ex_cmp_target_none" if a["kind"] == b["kind"] == "actual" else "ex_cmp_target_neither", lang)
    return t("ex_cmp_scope_same", lang, a=wa, b=wb)


def reason_choices() -> list[Choice]:
    return [Choice(r, lambda lang, r=r: t(REASON_LABELS[r], lang)) for r in REASONS]


def comparison(prompt: str, fact_a: str, fact_b: str, *, extra: str | None = None,
               marking: str | None = None) -> Question:
    """'Why can these two figures not be compared?', with the four reasons as options A-D. The right one is
    the reason the two rows of facts.csv give (the first, should the data ever give two); `extra` is a
    message key adding what the rows cannot say (what each share is a share of)."""
    def rows():
        return _fact(fact_a), _fact(fact_b)

    def right() -> str:
        found = reasons(*rows())
        if not found:
            raise data.DataError(f"facts.csv: nothing keeps {fact_a} and {fact_b} apart any more (same unit, measure, "
                                 "kind and year); the comparison question needs another pair")
        return found[0]

    def why_right(lang):
        text = _why_reason(right(), *rows(), lang, right=True)
        return text + (" " if lang == "en" else "") + t(extra, lang) if extra else text

    def why_wrong(key, lang):
        return _why_reason(key, *rows(), lang, right=False)

    def solution_rows(lang):
        items = []
        for r in rows():
            year = _year(r)
            what = _what(r, lang)
            items.append(t("ex_cmp_row", lang, what=what[:1].upper() + what[1:], value=escape(fmt.fact(r, lang)),
                           year=t("ex_cmp_year", lang, year=year) if year is not None else t("ex_cmp_no_year", lang),
                           kind=t(f"ex_cmp_kind_{r['kind']}", lang)))
        return "<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"

    return lettered(prompt, reason_choices, right, why_right, why_wrong, marking=marking, details=solution_rows,
                    code=f"f = data.facts()\nf[f.fact_id.isin(['{fact_a}', '{fact_b}'])][['entity_id', 'indicator', "
                         "'value', 'unit', 'year', 'kind']]")
