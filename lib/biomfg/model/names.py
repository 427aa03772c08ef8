"""The one name matcher: what a student typed, matched to a row's id.

A name is matched as a reader means it, not as it is spelled: in either language, in any case, full- or
half-width, with or without quotes (“死亡谷”), an article ("the Darwinian sea"), trailing punctuation, extra
spaces, hyphens or a country in front (美国, 英国, US, UK, Danish ...); with a parenthesis after it ('QB3 (2000)',
和黄医药（HUTCHMED）) or a place before or after it (杭州市西湖区, 加州QB3, 'Xihu District, Hangzhou'); as a short name or
an abbreviation; and as any other name a seed uses for the row (data/aliases.csv). What is linguistic (case, width, articles,
countries, 加州 for 加利福尼亚, centre/center) is here; which names a row has is data.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import pandas as pd

from .. import data

CJK_WORD = re.compile(r"[\u3400-\u9fff]+")
# a country (or a union) in front of a name, as a reader writes it: 美国敏捷生物工厂, the UK's SynbiCITE, Danish ...
COUNTRIES = {
    "us": ("美国", "united states", "the united states", "usa", "us", "u s", "u s a", "american", "america"),
    "uk": ("英国", "united kingdom", "the united kingdom", "uk", "u k", "british", "britain"),
    "dk": ("丹麦", "denmark", "danish"),
    "nl": ("荷兰", "netherlands", "the netherlands", "dutch"),
    "de": ("德国", "germany", "german"),
    "eu": ("欧盟", "european union", "the european union", "eu", "欧洲", "europe", "european"),
    "be": ("比利时", "belgium", "belgian"),
    "cn": ("中国", "我国", "china", "chinese"),
}
COUNTRY_OF = {word: code for code, words in COUNTRIES.items() for word in words}
COUNTRIES_ZH = tuple(w for w in COUNTRY_OF if CJK_WORD.fullmatch(w))
COUNTRIES_EN = tuple(sorted((w for w in COUNTRY_OF if w.isascii()), key=len, reverse=True))
ARTICLES = ("the", "a", "an")
# spellings and short forms that mean the same word
SAME = (("加州", "加利福尼亚"), ("centre", "center"), ("programme", "program"), ("&", " and "))
# a name's generic head, left off when nothing else matches: 孵化基地 -> 孵化, 'incubation base' -> 'incubation'
HEADS_ZH = ("平台", "基地", "设施", "机构", "地区", "问题", "挑战")
HEADS_EN = ("platform", "facility", "base", "area", "region", "problem", "issue", "challenge")
QUOTES = "\"'“”‘’「」『』《》〈〉`"
CJK = re.compile(r"[\u3400-\u9fff]")


@dataclass(frozen=True)
class Match:
    """What a name answer names: `id` when exactly one row fits; else `candidates`, the ids of the rows it
    could mean (empty when it names none)."""
    id: str | None
    candidates: tuple[str, ...] = ()


def fold(text) -> str:
    """Lower case, half-width, no quotes, no trailing punctuation, one space between words, hyphens and
    slashes as spaces, a possessive 's dropped, 加州 read as 加利福尼亚."""
    text = unicodedata.normalize("NFKC", str(text)).casefold()
    for a, b in SAME:
        text = text.replace(a, b)
    text = re.sub(r"(?<=[\u3400-\u9fff])[和与](?=[\u3400-\u9fff])", "及", text)  # 生物医药和大健康 = 生物医药及大健康
    text = re.sub(f"[{re.escape(QUOTES)}]", " ", text.replace("'s ", " ").replace("’s ", " "))
    text = re.sub(r"[-‐‑–—/_·・.,;:!?()\[\]，。；：！？、（）]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def _words(text: str) -> list[str]:
    """English words, a plural s dropped (platforms -> platform, not process); CJK is one word."""
    return [w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in text.split()]


def _strip_front(text: str) -> str:
    """The folded text without a leading article and country: 'the us agile biofoundry' -> 'agile biofoundry'."""
    for _ in range(2):
        for a in ARTICLES:
            if text.startswith(a + " "):
                text = text[len(a) + 1:]
        for c in COUNTRIES_EN:
            if text.startswith(c + " "):
                text = text[len(c) + 1:]
        for c in COUNTRIES_ZH:
            if text.startswith(c) and len(text) > len(c):
                text = text[len(c):].lstrip(" 的")
    return text


def name_key(text) -> str:
    """The form two names are compared in: folded, article and country off, plurals off, no spaces."""
    return "".join(_words(_strip_front(fold(text))))


def _keys(text) -> set[str]:
    folded = fold(text)
    return {k for k in ("".join(_words(folded)), name_key(text)) if k}


TRAILING_PAREN = re.compile(r"^(.+?)\s*[(（]([^()（）]+)[)）]\s*$")


def _places() -> list[str]:
    """Place names a reader may put before or after a name (杭州市西湖区, 加州QB3, 'Xihu District, Hangzhou'), folded,
    longest first: the regions' names in both languages, a Chinese one also without 市 or 省."""
    try:
        regions = data.table("regions")
    except (KeyError, data.DataError):
        return []
    out = set()
    for col in ("name_zh", "name_en"):
        for name in regions[col].dropna():
            f = fold(name)
            out.update({f, re.sub(r"[市省]$", "", f)} if CJK.search(f) else {f})
    return sorted((p for p in out if len(p) >= 2), key=len, reverse=True)


def variants(given) -> list[str]:
    """Other ways to read an answer when it names nothing as written: without a trailing parenthesis ('QB3 (2000)',
    'BioMADE (US)', 和黄医药（HUTCHMED）) or with only what it holds (HUTCHMED); without a place in front
    (杭州市西湖区, 加州QB3, 'Hangzhou Xihu District') or after a comma ('Xihu District, Hangzhou')."""
    text = unicodedata.normalize("NFKC", str(given)).strip()
    out = []
    m = TRAILING_PAREN.match(text)
    if m:
        out += [m[1], m[2]]
    places = _places()
    for t in [text, *out]:
        head, _, tail = t.rpartition(",")
        if head and fold(tail) in places:
            out.append(head)
        f = fold(t)
        for place in places:
            rest = f[len(place):].strip()
            if f.startswith(place) and len(rest) >= 2 and (CJK.search(place) or f[len(place)] == " "):
                out.append(rest)
                break
    return [v for v in dict.fromkeys(out) if v.strip() and v != text]


def country(text) -> str | None:
    """The country a text is, and nothing else ('英国', 'the UK', 'British' -> 'uk'); None if it is not one."""
    f = fold(text)
    return COUNTRY_OF.get(f) or COUNTRY_OF.get(re.sub(r"^(the|a|an) ", "", f))


def aliases() -> dict[str, list[str]]:
    """id -> the other names a seed uses for it (data/aliases.csv); empty if the table is absent."""
    try:
        table = data.table("aliases")
    except (KeyError, data.DataError):
        return {}
    return table.groupby("id")["alias"].apply(list).to_dict()


def _texts(row, cols) -> list[str]:
    out = []
    for c in cols:
        v = row.get(c)
        if v is None or (not isinstance(v, str) and pd.isna(v)):
            continue
        if isinstance(v, float) and v.is_integer():
            v = int(v)
        out.append(str(v))
    return out


def _is_subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def resolve(given, table: pd.DataFrame, key_col: str, also: tuple[str, ...] = (), partial: bool = False) -> Match:
    """The row of `table` a student's answer names, matched on its id, Chinese or English name, the columns
    `also` (an abbreviation, a number) and its aliases, as `fold` and `name_key` read them.

    With `partial`, when no name equals the answer, in turn: a name containing it (two characters or more,
    three for Latin letters); a Chinese name holding its characters in order (中试平台 in 中试放大平台) or a row's
    English names holding all its words (Fraunhofer CBP); the same after a generic head (平台, 基地, platform)
    is left off. The first step any row fits decides: one row is the match, several are `candidates`. A bare
    country (英国, UK) names no row: its rows in the table (country_zh / country_en) are the candidates."""
    if isinstance(given, dict | list | tuple | set):
        return Match(None)
    given_keys = _keys(given)
    if not given_keys:
        return Match(None)
    extra = aliases()
    cols = [key_col, *(c for c in also if c in table.columns), "name_en", "name_zh"]
    names: dict[str, list[str]] = {}
    for _, r in table.iterrows():
        names.setdefault(r[key_col], []).extend([*_texts(r, cols), *extra.get(r[key_col], [])])

    def pick(hits) -> Match | None:
        hits = list(dict.fromkeys(hits))
        if len(hits) == 1:
            return Match(hits[0])
        return Match(None, tuple(hits)) if hits else None

    found = pick(i for i, ns in names.items() if any(given_keys & _keys(n) for n in ns))
    if found:
        return found
    other = {k for v in variants(given) for k in _keys(v)}  # 'QB3 (2000)', 杭州市西湖区, 'Xihu District, Hangzhou'
    found = pick(i for i, ns in names.items() if any(other & _keys(n) for n in ns)) if other else None
    if found:
        return found
    if country(given):
        where = [c for c in ("country_zh", "country_en") if c in table.columns]
        hits = [r[key_col] for _, r in table.iterrows()
                if any(pd.notna(r[c]) and country(r[c]) == country(given) for c in where)]
        return Match(None, tuple(dict.fromkeys(hits)))
    if not partial:
        return Match(None)
    texts = {i: [n for n in ns if not re.fullmatch(r"[\d.]+", n)] for i, ns in names.items()}
    for g in (given, _headless(given)):
        if not g:
            continue
        found = _partial(g, texts)
        if found is not None:
            return pick(found) or Match(None)
    return Match(None)


def _headless(given) -> str:
    """The answer without its generic head noun, or '' if it has none (or is nothing else)."""
    f = fold(given)
    for h in HEADS_ZH:
        if f.endswith(h) and len(f) > len(h) + 1:
            return f[:-len(h)]
    words = f.split()
    if len(words) > 1 and _words(words[-1])[0] in HEADS_EN:
        return " ".join(words[:-1])
    return ""


def _partial(given, texts: dict[str, list[str]]) -> list[str] | None:
    """The rows the first partial step fits (see resolve), or None if none does."""
    k = name_key(given)
    if len(k) < (2 if CJK.search(k) else 3):
        return None
    steps = [
        lambda n: any(k in nk for nk in _keys(n)),
        lambda n: len(k) >= 3 and CJK.search(k) and _is_subsequence(k, name_key(n)),
    ]
    for step in steps:
        hits = [i for i, ns in texts.items() if any(step(n) for n in ns)]
        if hits:
            return hits
    words = set(_words(_strip_front(fold(given))))
    if len(words) > 1 and not CJK.search(k):
        hits = [i for i, ns in texts.items() if words <= {w for n in ns for w in _words(fold(n))}]
        if hits:
            return hits
    return None


def match_name(given, table: pd.DataFrame, key: str, also: tuple[str, ...] = (), partial: bool = False) -> str | None:
    """The `key` of the row a student's answer names (see resolve); None when it names none, or more than
    one row fits."""
    return resolve(given, table, key, also, partial).id
