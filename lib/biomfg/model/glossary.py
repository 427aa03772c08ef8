"""The glossary's terms as data (data/glossary.csv): the forms a reader meets a term by, whether a text uses
it, the first lesson that does, and the order each language lists the terms in. No words, no HTML.

A term's `first_notebook` is derived, not curated: the first lesson in toc order whose own teaching, in
either language, uses one of the term's forms (`biomfg.tools.glossary` writes it; tests/test_glossary.py
checks it against the stored notebooks). A lesson's own teaching leaves out what points at other lessons:

- the start page (notebook 00, toc topic `start`) as a whole: it is the guide, and everything it names (the
  platform types and barriers in its overview, the lessons' summaries in its notebook map, every platform's
  card, its warm-up exercises) is a preview of the lesson that explains it;
- in every lesson, the "What's next" section (it names the next lesson) and the "Sources" section (the
  source documents' titles).

So a term is keyed to the lesson that explains it or first uses it in its own teaching, and a lesson's
terms box lists those terms.
"""

from __future__ import annotations

import re

import pandas as pd

from .. import data, toc
from .names import aliases

QUOTES = re.compile("[“”‘’「」『』\"']")
GLOSS = re.compile(r"\s*[（(][^()（）]*[)）]\s*")           # '(pilot scale)', '（省级）', '(MAH)'
ACRONYM = re.compile(r"[（(]\s*([A-Z]{2,})\s*[)）]")        # 'Good Manufacturing Practice (GMP)' -> GMP
LEADING_ACRONYM = re.compile(r"^([A-Z]{3,})\b")           # 'DBTL (design-build-test-learn) workflow' -> DBTL
ZH_CORE = re.compile(r"“([^“”]{2,})”")                      # '“链主”企业' -> 链主 (one character is too short)
CJK = re.compile(r"[\u3400-\u9fff]")
LATIN_EDGE = re.compile(r"[A-Za-z0-9]")
GUIDE_TOPIC = "start"                                      # the start page: a guide, not a lesson that teaches terms
LEFT_OUT_SECTIONS = ("What's next", "Sources")              # level-2 headings whose cells point at other lessons


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def normalise(text: str) -> str:
    """A text as the forms are matched against it: quote marks dropped, case folded, spaces collapsed."""
    return _squash(QUOTES.sub("", str(text))).casefold()


def forms(row) -> tuple[str, ...]:
    """The forms a reader meets a term by, normalised: each name without its quote marks, the name without
    a bracketed gloss, an acronym the name gives in brackets or opens with, and, in Chinese, a coined word the
    name quotes ('“链主”企业' -> 链主); and the term's other names in data/aliases.csv (the seed's short form
    中试平台 of 中试放大平台). 'pilot testing (pilot scale)' gives 'pilot testing (pilot scale)' and
    'pilot testing'; '药品上市许可持有人制度(MAH)' gives '药品上市许可持有人制度' and 'mah'."""
    out: list[str] = []
    term_id = row["term_id"] if "term_id" in row.index else row.name  # a row of terms(), or of it indexed by id
    others = [(a, "zh" if CJK.search(a) else "en") for a in aliases().get(term_id, [])]
    names = [(str(row[f"name_{lang}"]), lang, True) for lang in ("en", "zh")] + [(a, lang, False) for a, lang in others]
    for name, lang, own in names:
        plain = _squash(QUOTES.sub("", name))
        out += [plain, _squash(GLOSS.sub(" " if lang == "en" else "", plain))]
        out += ACRONYM.findall(name) + LEADING_ACRONYM.findall(name)
        if lang == "zh" and own:  # an alias is a form as it stands ('“捆绑”管理': not every 捆绑)
            out += [c for c in ZH_CORE.findall(name) if CJK.search(c)]
    return tuple(dict.fromkeys(f.casefold() for f in out if f))


def _pattern(form: str) -> str:
    """A form as a regular expression: a form that starts with a Latin letter or digit does not match inside a
    longer word ('mah' not in 'mahjong'); an acronym must end there too ('bsl' in 'bsl-1', not in
    'bsls'); an English word may take a plural ('incubator' in 'incubators')."""
    p = re.escape(form)
    if LATIN_EDGE.match(form[0]):
        p = r"(?<![a-z0-9])" + p
    if re.fullmatch(r"[a-z0-9]{1,5}", form):  # an acronym
        p += r"(?![a-z0-9])"
    return p


def uses(text: str, row) -> bool:
    """Whether `text` (any language, any case) uses the term: one of its forms occurs in it."""
    norm = normalise(text)
    return any(re.search(_pattern(f), norm) for f in forms(row))


def first_use(texts: list[tuple[str, str]], row) -> str | None:
    """The first (name, text) pair, in the order given, whose text uses the term; its name, or None."""
    return next((name for name, text in texts if uses(text, row)), None)


def lesson_stems() -> list[str]:
    """The lessons' file stems in toc order ('00_start_here', '01_three_barriers', ...)."""
    return [e["file"].removesuffix(".ipynb") for e in toc.lessons()]


def teaching_stems() -> list[str]:
    """The lessons whose text the first-use rule reads, in toc order: every lesson but the start page, the
    guide that previews them all."""
    return [e["file"].removesuffix(".ipynb") for e in toc.lessons() if e["topic"] != GUIDE_TOPIC]


def is_guide(stem: str) -> bool:
    """Whether `stem` is the start page, which introduces no terms of its own."""
    return stem in lesson_stems() and stem not in teaching_stems()


def left_out_section(heading: str) -> bool:
    """Whether a level-2 heading ('## 下一步 · What's next') opens a section the rule does not read."""
    return heading.split("\n", 1)[0].rstrip().split(" · ")[-1].strip() in LEFT_OUT_SECTIONS


def terms() -> pd.DataFrame:
    """Every term, in file order (data/glossary.csv)."""
    return data.table("glossary")


def _sort_key(name: str) -> str:
    return normalise(name)


def ordered(lang: str) -> list[tuple[str | None, pd.DataFrame]]:
    """The terms grouped as the glossary lists them: en, alphabetically by English name, grouped by its first
    character (a digit group first); zh, by the lesson where each term first appears (in toc order; the lesson
    stem is the group), then the terms no lesson uses yet (group None); within a group by the Chinese name in
    Unicode order, which for Chinese characters is the radical-and-stroke order of dictionaries."""
    g = terms()
    if lang == "en":
        g = g.assign(_k=g["name_en"].map(_sort_key)).sort_values("_k", kind="stable")
        first = g["_k"].str[:1].str.upper()
        return [(letter, rows.drop(columns="_k")) for letter, rows in g.groupby(first, sort=True)]
    g = g.assign(_k=g["name_zh"].map(_sort_key))
    groups: list[tuple[str | None, pd.DataFrame]] = []
    for stem in lesson_stems():
        rows = g[g["first_notebook"] == stem].sort_values("_k", kind="stable")
        if len(rows):
            groups.append((stem, rows.drop(columns="_k")))
    rest = g[g["first_notebook"].isna()].sort_values("_k", kind="stable")
    if len(rest):
        groups.append((None, rest.drop(columns="_k")))
    return groups


def in_lesson(stem: str, lang: str = "en") -> pd.DataFrame:
    """The terms whose first lesson is `stem`, in the order the glossary lists names in `lang` (en:
    alphabetical; zh: Unicode order of the Chinese names, as within a group of the Chinese glossary)."""
    g = terms()
    rows = g[g["first_notebook"] == stem]
    return rows.assign(_k=rows[f"name_{lang}"].map(_sort_key)).sort_values("_k", kind="stable").drop(columns="_k")
