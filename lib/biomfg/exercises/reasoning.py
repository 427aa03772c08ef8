"""What the reasoning exercises of 06-10 share: lettered choices with a reason for every wrong one, why two
figures cannot be set side by side (read from their rows in facts.csv), the regional platforms classified to
a barrier (regional_platforms.csv), and estimates judged within a stated tolerance.

A choice question shows its options lettered A, B, C ... (`Question.options`); the student answers with the
letter (A, a, full-width Ａ, "(B)") or with the option's text or name, and every option carries its own
reply, so a wrong pick is told why *that* pick is wrong.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from html import escape

import pandas as pd

from .. import data, fmt
from ..i18n import t
from .base import LETTERS, Question


# --- lettered choices ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Option:
    key: str                      # what the option stands for (an id or a reason code; never shown)
    text: Callable[[str], str]    # lang -> the option as the student reads it (plain text, escaped when shown)
    why: Callable[[str], str]     # lang -> the reply when a student picks it: why it is right or wrong (HTML)
    names: tuple[str, ...] = ()   # other spellings accepted: its name in each language, its number


_EDGES = r"\s\"'“”‘’()\[\]【】「」《》.。:,;!?、"  # NFKC has already turned （）：，；！？ into ASCII


def _norm(text) -> str:
    s = unicodedata.normalize("NFKC", str(text)).strip().lower()
    return re.sub(rf"^[{_EDGES}]+|[{_EDGES}]+$", "", s)


def _letter(text: str) -> int | None:
    m = re.fullmatch(r"(?:option|choice|选项|选|答案)?\s*([a-h])", text)
    return LETTERS.lower().index(m[1]) if m else None


def pick(given, options: list[Option]) -> int | None:
    """The index of the option a student means: a letter, or the option's text or one of its names in
    either language, whole or (two characters or more) a part only one option holds."""
    if given is None or isinstance(given, dict | list | tuple | set):
        return None
    text = _norm(given)
    if not text:
        return None
    i = _letter(text)
    if i is not None:
        return i if i < len(options) else None
    spellings = [{_norm(o.text("en")), _norm(o.text("zh")), *(_norm(n) for n in o.names)} for o in options]
    exact = [k for k, s in enumerate(spellings) if text in s]
    if len(exact) == 1:
        return exact[0]
    part = [k for k, s in enumerate(spellings) if len(text) >= 2 and any(text in x for x in s)]
    return part[0] if len(part) == 1 else None


def choice(prompt: str, options: Callable[[], list[Option]], right: Callable[[], str], marking: str,
           kind: str = "reason", worked: Callable[[str], str] | None = None) -> Question:
    """A lettered choice question: `right()` is the key of the right option, computed from data; the answer
    is its letter. `worked(lang)` (HTML) adds the rows behind the answer to the folded solution."""
    def answer() -> str:
        keys = [o.key for o in options()]
        return LETTERS[keys.index(right())]

    def judge(given, right_letter, lang):
        opts = options()
        i = pick(given, opts)
        if i is None:
            return False, t("ex_choice_letters", lang, last=LETTERS[len(opts) - 1], given=escape(str(given)))
        return LETTERS[i] == right_letter, t("ex_choice_read", lang, letter=LETTERS[i], why=opts[i].why(lang))

    def solution(lang):
        opts = options()
        i = LETTERS.index(answer())
        extra = worked(lang) if worked is not None else ""
        return f"<p><b>{LETTERS[i]}</b> {escape(opts[i].text(lang))}</p><p>{opts[i].why(lang)}</p>{extra}"

    return Question(prompt, answer, judge, solution, kind=kind, marking=marking,
                    options=lambda lang: [escape(o.text(lang)) for o in options()])


def said(key: str, **fields) -> Callable[[str], str]:
    """lang -> the message `key` with `fields`, each a value or a function of lang (computed at answer time)."""
    return lambda lang: t(key, lang, **{k: v(lang) if callable(v) else v for k, v in fields.items()})


# --- why two figures cannot be set side by side -------------------------------------------------------

TIME_UNITS = frozenset({"years", "months", "weeks", "days"})  # convert into one another exactly
REASONS = ("unit", "kind", "period", "measure", "scope")


def _dimension(unit: str) -> str:
    return "time" if unit in TIME_UNITS else unit


def project_count(entity_id: str) -> float | None:
    f = data.facts(entity_id, "project_count")
    return float(f["value"].iloc[0]) if len(f) else None


def differences(a: pd.Series, b: pd.Series) -> set[str]:
    """Why two fact rows cannot be compared as they stand, read from their columns:
    'unit'    units that do not convert into each other (two currencies; yuan and a count). Weeks and years
              convert exactly, so they are no reason;
    'kind'    a target against a result;
    'period'  different years, or one year against a count with no year (to date);
    'measure' different indicators: the figures measure different things;
    'scope'   the same total for two places over sets of projects that the sources define differently (each
              place's own project count, and the two counts differ)."""
    out = set()
    if _dimension(a["unit"]) != _dimension(b["unit"]):
        out.add("unit")
    if (a["kind"] == "target") != (b["kind"] == "target"):
        out.add("kind")
    ya, yb = a["year"], b["year"]
    if not (pd.isna(ya) and pd.isna(yb)) and (pd.isna(ya) or pd.isna(yb) or ya != yb):
        out.add("period")
    if a["indicator"] != b["indicator"]:
        out.add("measure")
    elif a["entity_id"] != b["entity_id"]:
        na, nb = project_count(a["entity_id"]), project_count(b["entity_id"])
        if na is not None and nb is not None and na != nb:
            out.add("scope")
    return out


def the_reason(a: pd.Series, b: pd.Series) -> str:
    """The one reason the two rows differ by (a comparison question is built on a pair with exactly one)."""
    found = differences(a, b)
    if len(found) != 1:
        raise ValueError(f"{a['fact_id']} and {b['fact_id']} differ by {sorted(found) or 'nothing'}, not by one reason")
    return found.pop()


def fact_line(row: pd.Series, lang: str) -> str:
    """'<li>name, indicator: figure (year) — “quote”</li>' for a worked solution (escaped)."""
    from ..prose.base import entity_name, year_text

    year = year_text(row, lang)
    what = t("ex_fact_line", lang, name=entity_name(row["entity_id"], lang), indicator=row[f"indicator_{lang}"],
             value=fmt.fact(row, lang), year=t("paren", lang, text=year) if year else "")
    return f"<li>{escape(what)}{escape(t('colon', lang))}“{escape(str(row['quote']))}”</li>"


# --- the regional platforms classified to a barrier -----------------------------------------------

def regional(example_id: str) -> pd.Series:
    return data.table("regional_platforms").set_index("example_id").loc[example_id]


def regional_name(example_id: str, lang: str) -> str:
    return str(regional(example_id)[f"name_{lang}"])


def barrier_name(barrier_id: str, lang: str) -> str:
    return str(data.table("barriers").set_index("barrier_id").loc[barrier_id, f"name_{lang}"])


def platforms_at(region_id: str, barrier_id: str, lang: str) -> list[str]:
    """The names of a region's platforms the data places at a barrier, in data order."""
    rp = data.table("regional_platforms")
    return list(rp[(rp["region_id"] == region_id) & (rp["barrier_id"] == barrier_id)][f"name_{lang}"])


def barrier_options(why: Callable[[str, str], str]) -> list[Option]:
    """The three barriers as options, in barriers.csv order; `why(barrier_id, lang)` is each one's reply."""
    return [Option(r["barrier_id"], lambda lang, r=r: str(r[f"name_{lang}"]),
                   lambda lang, b=r["barrier_id"]: why(b, lang), (str(r["name_zh"]), str(r["name_en"])))
            for _, r in data.table("barriers").iterrows()]


def where_else(region_id: str, barrier_id: str, lang: str) -> str:
    """Where barrier `barrier_id` lies, and which of the region's platforms the data places there (or none)."""
    from ..prose.base import entity_name, join

    names = platforms_at(region_id, barrier_id, lang)
    region = escape(entity_name(region_id, lang))
    there = (t("ex_barrier_there", lang, region=region, names=escape(join(names, lang))) if names
             else t("ex_barrier_none_there", lang, region=region))
    return f"{t(f'ex_barrier_lies_{barrier_id}', lang)}{t('ex_sentence_gap', lang)}{there}"


# --- estimates ------------------------------------------------------------------------------------

def number_given(given) -> float | None:
    """A number from what a student typed (17, '16.7', '约17家', '133 firms'), or None."""
    if isinstance(given, dict | list | tuple | set):
        return None
    r = fmt.read(given)
    return r.value if r is not None and math.isfinite(r.value) else None


def one_decimal(value: float) -> str:
    """A computed estimate to one decimal place (the one place we round, and the reply says so)."""
    return f"{value:.1f}"
