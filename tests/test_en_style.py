"""English style in every English text a reader sees (issue 15).

- doubled: the same word or name twice in a row (Suzhou Industrial Park Suzhou Industrial Park, the the).
- article: the places whose names take "the" (the United States, the United Kingdom, the Netherlands, the
  European Union)
  have it inside a sentence; a label standing alone (a table cell, a menu, "· United States ·") needs none.
- id: no snake_case id (suzhou_sip).
- unit: no "m t" for million tonnes (write "70 million tonnes").
- spelling: British, as the collection mostly writes (organisation, programme, centre, optimise): an
  American form (-ize, center, program, analyze, color) is flagged, except in a name data/ gives or any
  Title-Case proper name (Fraunhofer Center ..., as its holder writes it) and in quotes.
- fragment: "Their role: Provides ..." (a sentence start glued to a verb whose subject is missing).

Verbatim quotes “…” are the sources' own wording and are not linted.
"""

from __future__ import annotations

import functools
import re

import pytest

import reader

DETERMINERS = {"the", "The", "THE"}
ARTICLE_NAMES = ("United States", "United Kingdom", "Netherlands", "European Union")
AMERICAN = re.compile(
    r"\b(?![A-Za-z]*(?:size[sd]?|seize[sd]?|prize[sd]?|citizens?)\b)[A-Za-z]+iz(?:e|es|ed|ing|ation|ations|er|ers)\b"
    r"|\b(?:[Cc]enters?|[Pp]rograms?|[Aa]nalyz(?:e|es|ed|ing)|[Cc]olors?|[Ll]abor|[Ff]avor(?:s|ed|ite)?|"
    r"[Bb]ehavior|[Dd]efense|[Cc]atalog)\b"
)
RULES = {
    "doubled": re.compile(r"\b([A-Za-z][\w'’-]*(?:[ \t]+[A-Za-z][\w'’-]*){0,5})[ \t]+\1\b"),
    "id": re.compile(r"(?<![A-Za-z0-9_.\-/])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![A-Za-z0-9_.\-/])"),
    "unit": re.compile(r"\bm t\b|\bmn t\b|\bMt\b"),
    "fragment": re.compile(r"\b(?:[Tt]heir|[Ii]ts|[Hh]is|[Hh]er) \w+: [A-Z][a-z]+(?:es|s)\b"),
}


@functools.cache
def _names() -> tuple[str, ...]:
    """Names data/ gives things, longest first (as their holders write them)."""
    names = {n for n in reader.data_names()["names"] if re.search(r"[A-Za-z]{3}", n)}
    names |= {n[0].upper() + n[1:] for n in names}  # a name that starts a sentence or a list item
    return tuple(sorted(names, key=len, reverse=True))


def _snip(text: str, m: re.Match) -> str:
    start, end = text.rfind("\n", 0, m.start()) + 1, text.find("\n", m.end())
    end = len(text) if end < 0 else end
    return f"{text[max(start, m.start() - 20):m.start()]}⟦{m.group()}⟧{text[m.end():min(end, m.end() + 20)]}"


def lint_en(text: str) -> list[tuple[str, str]]:
    """(rule, offending text) for each fault in one English text a reader sees."""
    plain = reader.unquoted(text)
    out = []
    for rule, pattern in RULES.items():
        out += [(rule, _snip(plain, m)) for m in pattern.finditer(plain)]
    for name in ARTICLE_NAMES:
        for m in re.finditer(rf"(?<![\w-]){name}\b", plain):
            line = plain[plain.rfind("\n", 0, m.start()) + 1:m.start()]
            before = re.findall(r"[A-Za-z]+|[,;:·—(]", line)
            if before and before[-1] not in DETERMINERS and (before[-1].islower() or before[-1] == ","):
                out.append(("article", _snip(plain, m)))
    named = plain
    for name in _names():
        if name in named:
            named = named.replace(name, reader.CODE)
    for m in AMERICAN.finditer(named):
        before = re.findall(r"[A-Za-z&]+", named[:m.start()][-40:])
        if m.group()[0].isupper() and before and before[-1][0].isupper():
            continue  # inside a Title-Case proper name, as its holder spells it (… Innovation Center)
        out.append(("spelling", _snip(named, m)))
    return out


# --- the rules catch what they look for, and leave alone what they should ------------------------------

@pytest.mark.parametrize(("rule", "bad", "good"), [
    ("doubled", "Suzhou Industrial Park Suzhou Industrial Park builds", "Suzhou Industrial Park builds"),
    ("doubled", "the the park", "the park, the people"),
    ("article", "platforms in United States and Netherlands", "platforms in the United States and the Netherlands"),
    ("article", "from Germany, United Kingdom", "Technology innovation platform · United States · Founded 2016"),
    ("id", "Region: suzhou_sip", "See 002_2345a6461b2e6a43.txt"),
    ("unit", "China: more than 70 m t of bio-based materials", "China: more than 70 million tonnes"),
    ("spelling", "social organizations and programs", "social organisations and programmes"),
    ("spelling", "the transfer center", "Fraunhofer Center for Chemical-Biotechnological Processes, a sized plant"),
    ("spelling", "Center staff optimize it", "the ZJU Hangzhou Global Scientific and Technological Innovation Center"),
    ("fragment", "Their role: Provides equipment", "Their role: providing equipment; its role is to provide"),
])
def test_each_rule_flags_the_fault_and_passes_good_english(rule, bad, good):
    assert rule in {r for r, _ in lint_en(bad)}, lint_en(bad)
    assert lint_en(good) == [], lint_en(good)


def test_quotes_are_the_sources_own_and_are_not_linted():
    assert lint_en("Quote: “optimize the the center”") == []


# --- every English text a reader sees ------------------------------------------------------------------

def test_every_english_text_a_reader_sees_reads_right():
    texts = list(reader.texts("en"))
    kinds = {k for where, _ in texts for k in ("markdown", "exercise", "[chart]", "[control]", "region=", "cell") if k in where}
    assert len(texts) > 1000 and len(kinds) == 6, (len(texts), kinds)  # the harvest is whole, so zero means zero
    found = [f"{where}\n    [{rule}] {snip}" for where, text in texts for rule, snip in lint_en(text)]
    print("\n".join(found))
    assert found == [], f"{len(found)} findings:\n" + "\n".join(found)
