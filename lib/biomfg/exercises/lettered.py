"""Lettered-choice exercises, the one mechanism: options A, B, C …; a student answers with the letter (A, a, Ａ,
"(B)", "选C") or with the option's words or another name of it, and every option gets its own reply.

`lettered(...)` builds the Question. `ask` lists the options under the prompt, lettered (`Question.options`);
their words come from data/ (a platform type's name, a success factor's) or from the catalogue (a reason).
An option's reply is either its own (`Choice.why`) or the question's (`why_right`, `why_wrong`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from .. import data
from ..i18n import t
from ..model.names import aliases, name_key
from .base import LETTERS, Question


@dataclass(frozen=True)
class Choice:
    key: str                         # what the option stands for: a row id or a reason code (never shown)
    label: Callable[[str], str]      # lang -> the option's words, as the prompt prints them (plain text)
    why: Callable[[str], str] | None = None  # lang -> its own reply, why it is right or wrong (HTML)
    names: tuple[str, ...] = ()      # other spellings accepted (its number, its bare name), besides aliases.csv


def row_choices(table: str, key: str, ids: list[str] | None = None,
                why: Callable[[str, str], str] | None = None) -> Callable[[], list[Choice]]:
    """Options that are rows of a table (in the table's order, or in the order of `ids`), labelled by name;
    `why(row_id, lang)`, if given, is each one's own reply."""
    def choices():
        rows = data.table(table).set_index(key)
        keep = list(rows.index) if ids is None else ids
        return [Choice(k, lambda lang, k=k: str(data.table(table).set_index(key).loc[k, f"name_{lang}"]),
                       None if why is None else lambda lang, k=k: why(k, lang)) for k in keep if k in rows.index]
    return choices


def said(key: str, **fields) -> Callable[[str], str]:
    """lang -> the message `key` with `fields`, each a value or a function of lang (computed at answer time)."""
    return lambda lang: t(key, lang, **{k: v(lang) if callable(v) else v for k, v in fields.items()})


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


def _by_name(text: str, choices: list[Choice]) -> str | None:
    """The one option whose other names (Choice.names, data/aliases.csv) include `text` (normalised)."""
    other = aliases()
    hits = [c.key for c in choices if text in {_norm(n) for n in (*c.names, *other.get(c.key, ()))}]
    return hits[0] if len(hits) == 1 else None


def resolve(given, choices: list[Choice], also: Callable[[object], str | None] | None = None) -> str | None:
    """The key of the option a student meant: by letter, by the option's words (either language, whole or a
    unique part of two characters or more), by `also` (e.g. a name or abbreviation of a table's row) or by
    another name of the option (Choice.names, data/aliases.csv)."""
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
    for hit in (also(given) if also is not None else None, _by_name(text, choices)):
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
             why_right: Callable[[str], str] | None = None, why_wrong: Callable[[str, str], str] | None = None, *,
             kind: str = "reason", marking: str | None = None, code: str | None = None,
             also: Callable[[object], str | None] | None = None,
             details: Callable[[str], str] | None = None) -> Question:
    """A lettered question. `right()` is the right option's key, computed from data; `why_right(lang)` and
    `why_wrong(key, lang)` say why (HTML, data escaped), or, where not given, each option's own `why`; the
    answer a student matches is the letter. The solution shows `code`, then `details(lang)` (HTML: the rows
    the answer comes from), then the answer."""
    def reply(opts: list[Choice], key: str, ok: bool, lang: str) -> str:
        if ok and why_right is not None:
            return why_right(lang)
        if not ok and why_wrong is not None:
            return why_wrong(key, lang)
        return next(c for c in opts if c.key == key).why(lang)

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
            return True, t("ex_letter_right", lang, option=shown, why=reply(opts, key, True, lang))
        return False, t("ex_letter_wrong", lang, option=shown, why=reply(opts, key, False, lang))

    def solution(lang):
        opts, key = choices(), right()
        shown = show(opts, key, lang)
        head = (f"<pre>{escape(code)}</pre>" if code else "") + (details(lang) if details else "")
        return f"{head}<p>{t('ex_letter_right', lang, option=f'<b>{shown}</b>', why=reply(opts, key, True, lang))}</p>"

    def options(lang) -> list[str]:
        return [escape(c.label(lang)) for c in choices()]

    return Question(prompt, answer, judge, solution, kind=kind, marking=marking, options=options)
