"""Lettered-choice exercises, the one mechanism: options A, B, C …; a student answers with the letter (A, a, Ａ,
"(B)", "选C", "答案是C", "C项", "C 达尔文死海") or with the option's words or another name of it, and every option
gets its own reply. A part of an option's words counts only if it is more than half of them and more than one
word; a single word names an option only where it is one of its names (OPTION_NAMES, data/aliases.csv). An answer
that names no one option is told why in one line (read_choice, unsure): too little to tell, fits several, yes or
no where two options say it, or a letter and words that disagree.

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
from ..model.names import aliases, fold, name_key
from .base import LETTERS, Question


@dataclass(frozen=True)
class Choice:
    key: str                         # what the option stands for: a row id or a reason code (never shown)
    label: Callable[[str], str]      # lang -> the option's words, as the prompt prints them (plain text)
    why: Callable[[str], str] | None = None  # lang -> its own reply, why it is right or wrong (HTML)
    names: tuple[str, ...] = ()      # other spellings accepted (its number, its bare name), besides aliases.csv


# Short paraphrases of an option that a student writes, in both languages, by the option's message key (its
# words) or row id: its names (Choice.names, never shown). One word that merely occurs in an option's words does
# not name it (read_choice); a paraphrase listed here does. A row's other names in the seeds are data/aliases.csv.
OPTION_NAMES = {
    "ex_reason_currency": ("currency", "currencies", "different currencies", "the currencies differ",
                           "currencies differ", "different currency", "货币", "币种", "币种不同", "货币种类不同",
                           "货币单位不同", "不同货币"),
    "ex_reason_year": ("different years", "the years differ", "years differ", "年份不同", "不同年份"),
    "ex_reason_target": ("one is a target", "a target and a result", "target", "目标", "一个是目标", "目标和结果"),
    "ex_reason_scope": ("different units", "different unit", "different scope", "different scopes", "different things",
                        "scope", "口径不同", "范围不同", "单位不同", "统计口径不同", "对象不同", "衡量对象不同"),
    "ex_05_q4_at_most": ("upper bound", "an upper bound", "it is an upper bound", "at most", "上限", "最多", "是上限"),
    "ex_05_q4_at_least": ("lower bound", "a lower bound", "it is a lower bound", "at least", "下限", "至少", "是下限"),
    "ex_05_q4_exactly": ("exactly", "恰好", "正好"),
    "ex_05_q4_roughly": ("roughly", "approximately", "大约", "大概"),
    "ex_04_q5_examples": ("only examples", "just examples", "examples only", "they are only examples",
                          "they are just examples", "只是例子", "只是举例", "例子而已", "仅为举例", "只是举例而已",
                          "只是几个例子"),
    "ex_08_q4_opt_period": ("one is cumulative", "cumulative", "cumulative and annual", "different periods",
                            "一个是累计数", "一个是累计", "累计", "累计数", "时期不同", "累计与当年"),
    "gap_pilot_private_closed": ("closed", "they are closed", "closed to outsiders", "closed platforms",
                                 "不对外开放", "封闭", "封闭自守", "不开放"),
    "tf_talent_reserve": ("talent", "talent pool", "talent training", "talent cultivation", "training talent",
                          "人才", "人才培养", "培养人才"),
}


def named(key: str) -> tuple[str, ...]:
    """The paraphrases OPTION_NAMES lists for an option (its message key or row id); () if none."""
    return OPTION_NAMES.get(key, ())


def row_choices(table: str, key: str, ids: list[str] | None = None,
                why: Callable[[str, str], str] | None = None) -> Callable[[], list[Choice]]:
    """Options that are rows of a table (in the table's order, or in the order of `ids`), labelled by name;
    `why(row_id, lang)`, if given, is each one's own reply."""
    def choices():
        rows = data.table(table).set_index(key)
        keep = list(rows.index) if ids is None else ids
        return [Choice(k, lambda lang, k=k: str(data.table(table).set_index(key).loc[k, f"name_{lang}"]),
                       None if why is None else lambda lang, k=k: why(k, lang), named(k))
                for k in keep if k in rows.index]
    return choices


def said(key: str, **fields) -> Callable[[str], str]:
    """lang -> the message `key` with `fields`, each a value or a function of lang (computed at answer time)."""
    return lambda lang: t(key, lang, **{k: v(lang) if callable(v) else v for k, v in fields.items()})


def _norm(text) -> str:
    """As the one name matcher reads a name (model.names.name_key: half-width, lower case, no quotes, article
    or country in front), then letters and digits only."""
    return "".join(ch for ch in name_key(text) if ch.isalnum())


# --- reading an answer: a letter, yes or no, an option's words or another name of it ---------------------------

# the letter a student gave, with what stands around it: 'b', 'Ｂ', '(B)', 'B. …', '选C', '答案是C', 'C项', 'C选项',
# 'option C', 'C达尔文死海', 'C Darwinian sea'; group 1 the letter, group 2 the words after it
LETTER = re.compile(
    r"^\s*(?:(?:the\s+)?(?:answer|option|choice)(?:\s+is)?|i\s+(?:choose|pick)|答案(?:是|为|选)?|选项|我选|应选|选择|选)?"
    r"\s*[:：]?\s*[(\[（【]?\s*([a-z])\s*[)\]）】]?\s*(?:选项|项)?"
    r"(?:$|(?:[.．。、,，:：;；)）\-—]|\s|(?=[^\x00-\x7f]))\s*(.*))$", re.IGNORECASE | re.DOTALL)
STOP_EN = frozenset("the a an of to in on for and or is are was were be been it its they them their this that these "
                    "those as by with from at than which".split())
# an answer that is yes or no, and an option that begins with one ('no, the article names …', '不能，原文只…')
YES_NO_EN = {"yes": "yes", "yeah": "yes", "yep": "yes", "no": "no", "nope": "no"}
YES_NO_ZH = (("不可以", "no"), ("不能", "no"), ("不是", "no"), ("不对", "no"), ("不行", "no"), ("否", "no"),
             ("可以", "yes"), ("能", "yes"), ("是的", "yes"), ("是", "yes"), ("对", "yes"))
_AFTER_YES_NO = re.compile(r"^[\s,，.。、:：;；!！—-]*")


@dataclass(frozen=True)
class Reading:
    """What an answer to a lettered question says: `key`, the option it names; else `problem` ('unknown';
    'short': too little of an option's words to tell which; 'several': it fits more than one; 'yes_no': yes or
    no fits several options, or none says it; 'conflict': the letter names one option and the words another)
    and `keys`, the options concerned (for 'conflict', the letter's, then the words')."""
    key: str | None = None
    problem: str = ""
    keys: tuple[str, ...] = ()
    word: str = ""  # 'yes_no': the answer's yes or no


def _stem(word: str) -> str:
    """An English word without its plural: currencies -> currency, years -> year (process stays)."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _content(text) -> tuple[str, frozenset[str]]:
    """A text as the part-matching reads it: its letters and digits (Chinese) or its words, plural and small
    words (the, of, in …) left off (English)."""
    folded = fold(text)
    words = frozenset(_stem(w) for w in folded.split() if w not in STOP_EN and w.isalnum())
    return _norm(text), words


def _is_cjk(text: str) -> bool:
    return bool(re.search(r"[\u3400-\u9fff]", text))


def _fits(answer, text) -> tuple[bool, bool]:
    """(the answer is a substantial part of an option's words `text`: in one piece, more than half of its
    characters (Chinese) or content words (English), and more than one word (three characters or more, two
    English words or more); the answer is a part of it, of any size). One word alone is never enough: only an
    option's names (Choice.names, data/aliases.csv) are."""
    (a_chars, a_words), (t_chars, t_words) = _content(answer), _content(text)
    if not a_chars:
        return False, False
    if _is_cjk(a_chars) or _is_cjk(t_chars):
        inside = a_chars in t_chars
        return inside and len(a_chars) >= 3 and 2 * len(a_chars) > len(t_chars), inside
    inside = bool(a_words) and a_words <= t_words
    return inside and len(a_words) >= 2 and 2 * len(a_words) > len(t_words), inside


def _labels(choice: Choice) -> list[str]:
    return [choice.label("en"), choice.label("zh")]


def _by_words(given, choices: list[Choice], also: Callable[[object], str | None] | None) -> Reading:
    """The option `given` names by its words: all of an option's words or another name of it (Choice.names,
    data/aliases.csv, or `also`), else a substantial part of one option's words (see _fits); else what is wrong
    with it ('several', 'short', 'unknown')."""
    text, other = _norm(given), aliases()
    if not text:
        return Reading(problem="unknown")
    keys = [c.key for c in choices]
    names = {c.key: {_norm(n) for n in (*_labels(c), *c.names, *other.get(c.key, ()))} for c in choices}
    whole = [k for k in keys if text in names[k]]
    if len(whole) == 1:
        return Reading(whole[0])
    fits = {c.key: [_fits(given, label) for label in _labels(c)] for c in choices}
    part = [k for k in keys if any(big for big, _ in fits[k])]
    inside = [k for k in keys if any(small for _, small in fits[k])]
    hit = also(given) if also is not None else None
    if hit in keys and (hit in part or not inside):  # `also` may match a part of a name: not a word of one
        return Reading(hit)
    if len(whole) > 1:
        return Reading(problem="several", keys=tuple(whole))
    if text.isdigit() or len(text) < (3 if text.isascii() else 2):
        return Reading(problem="unknown")
    if len(part) == 1:
        return Reading(part[0])
    if part:
        return Reading(problem="several", keys=tuple(part))
    return Reading(problem="short", keys=tuple(inside)) if inside else Reading(problem="unknown")


def _letter(given, n: int) -> tuple[str, str] | None:
    """(the letter a student gave, if one of the first n, and the words after it) — see LETTER."""
    m = LETTER.match(unicodedata.normalize("NFKC", str(given)))
    if m and m[1].upper() in LETTERS[:n]:
        return m[1].upper(), (m[2] or "").strip()
    return None


def _yes_no(text: str) -> tuple[str, str] | None:
    """('yes' or 'no', the rest) if a text begins with yes or no (能, 不能, 不是 …); None if it does not."""
    text = unicodedata.normalize("NFKC", text).strip()
    m = re.match(r"([a-z]+)\b", text.casefold())
    if m and m[1] in YES_NO_EN:
        return YES_NO_EN[m[1]], _AFTER_YES_NO.sub("", text[m.end():])
    for word, said_ in YES_NO_ZH:
        rest = text[len(word):]
        if text.startswith(word) and (not rest or _AFTER_YES_NO.match(rest)[0] or len(word) > 1 and word[0] == "不"):
            return said_, _AFTER_YES_NO.sub("", rest)
    return None


def _says(choice: Choice) -> str | None:
    """'yes' or 'no' if an option begins with it (in either language), else None."""
    for lang in ("en", "zh"):
        label = choice.label(lang)
        found = _yes_no(label)
        if found and found[1]:
            return found[0]
    return None


def read_choice(given, choices: list[Choice], also: Callable[[object], str | None] | None = None) -> Reading:
    """What a student's answer to a lettered question says (see Reading), in turn: a letter alone; an option's
    words or another name of it (Choice.names, data/aliases.csv, `also`, e.g. a name or abbreviation of a
    table's row); yes or no, where an option begins with it; a letter with words after it (they must name the
    same option); more than half of one option's words (a single word that happens to be in an option is not
    enough, unless it is one of the option's names)."""
    if given is None or isinstance(given, bool | dict | list | tuple | set):
        return Reading(problem="unknown")
    keys = [c.key for c in choices]
    letter = _letter(given, len(choices))
    if letter is not None and not letter[1]:
        return Reading(keys[LETTERS.index(letter[0])])
    words = _by_words(given, choices, also)
    if words.key is not None:
        return words
    said_ = _yes_no(str(given))
    if said_ is not None:
        saying = [c for c in choices if _says(c) == said_[0]]
        if said_[1] and len(saying) > 1:
            rest = _by_words(said_[1], saying, also)
            if rest.key is not None:
                return rest
        if len(saying) == 1:
            return Reading(saying[0].key)
        if saying or not said_[1]:
            return Reading(problem="yes_no", keys=tuple(c.key for c in saying), word=said_[0])
    if letter is not None:
        by_letter = keys[LETTERS.index(letter[0])]
        rest = _by_words(letter[1], choices, also)
        article = letter[0] == "A" and re.match(r"\s*a\s+\w", str(given), re.IGNORECASE)  # 'a pilot plant'
        if rest.key is None or rest.key == by_letter:
            if not article or rest.key == by_letter:
                return Reading(by_letter)
        elif article:
            return rest
        else:
            return Reading(problem="conflict", keys=(by_letter, rest.key))
    return words


def resolve(given, choices: list[Choice], also: Callable[[object], str | None] | None = None) -> str | None:
    """The key of the option a student meant (read_choice), or None."""
    return read_choice(given, choices, also).key


def show(choices: list[Choice], key: str, lang: str) -> str:
    """'B) pilot-scale platform' / 'B．中试放大平台' (escaped)."""
    i = [c.key for c in choices].index(key)
    return t("ex_letter_option", lang, letter=LETTERS[i], label=escape(choices[i].label(lang)))


def _letters(opts: list[Choice], keys, lang: str) -> str:
    """'B and C' / 'B、C': the letters of the options `keys`."""
    from ..prose.base import join

    return join([LETTERS[[c.key for c in opts].index(k)] for k in keys], lang)


def unsure(given, read: Reading, opts: list[Choice], lang: str) -> str:
    """One line for an answer that names no one option (read_choice): what is wrong with it, and what to write."""
    letters = t("list_sep", lang).join(LETTERS[:len(opts)])
    given = escape(str(given).strip())
    if read.problem == "conflict":
        return t("ex_letter_conflict", lang, letter=show(opts, read.keys[0], lang), words=show(opts, read.keys[1], lang))
    if read.problem == "several":
        return t("ex_letter_several", lang, given=given, which=_letters(opts, read.keys, lang), letters=letters)
    if read.problem == "short":
        return t("ex_letter_short", lang, given=given, letters=letters)
    if read.problem == "yes_no" and read.keys:
        label = next(c for c in opts if c.key == read.keys[0]).label(lang)
        word = escape(re.match(r"\s*([^\s,，、:：;；。.]+)", label)[1])  # the options' own word: no, 不能
        return t("ex_letter_yes_no", lang, which=_letters(opts, read.keys, lang), word=word)
    if read.problem == "yes_no":
        return t("ex_letter_yes_no_none", lang, given=given, letters=letters)
    listed = t("ex_letter_sep", lang).join(show(opts, c.key, lang) for c in opts)
    return t("ex_letter_unknown", lang, given=given, letters=letters, options=listed)


def lettered(prompt: str, choices: Callable[[], list[Choice]], right: Callable[[], str],
             why_right: Callable[[str], str] | None = None, why_wrong: Callable[[str, str], str] | None = None, *,
             kind: str = "reason", marking: str | None = None, code: str | None = None,
             also: Callable[[object], str | None] | None = None,
             details: Callable[[str], str] | None = None, hint: str = "ex_letter_hint") -> Question:
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
        read = read_choice(given, opts, also)
        if read.key is None:
            return False, unsure(given, read, opts, lang)
        key = read.key
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

    return Question(prompt, answer, judge, solution, kind=kind, marking=marking, options=options, hint=hint)
