"""What the reasoning exercises of 06-10 share: lettered choices with a reason for every wrong one, why two
figures cannot be set side by side (read from their rows in facts.csv), the regional platforms classified to
a barrier (regional_platforms.csv), and estimates judged within a stated tolerance.

A choice question shows its options lettered A, B, C ... (`Question.options`); the student answers with the
letter (A, a, full-width Ａ, "(B)") or with the option's words or name (exercises.lettered reads them), and
every option carries its own reply, so a wrong pick is told why *that* pick is wrong.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from html import escape

import pandas as pd

from .. import data, fmt
from ..i18n import t
from ..model.names import aliases, name_key
from .base import Question
from .lettered import Choice, lettered

# --- lettered choices (the mechanics are exercises.lettered's; these options carry their own replies) --------

@dataclass(frozen=True)
class Option:
    key: str                      # what the option stands for (an id or a reason code; never shown)
    text: Callable[[str], str]    # lang -> the option as the student reads it (plain text, escaped when shown)
    why: Callable[[str], str]     # lang -> the reply when a student picks it: why it is right or wrong (HTML)
    names: tuple[str, ...] = ()   # other spellings accepted: its name in each language, its number


def _norm(text) -> str:
    """As the one name matcher reads a name (model.names.name_key), letters and digits only."""
    return "".join(ch for ch in name_key(text) if ch.isalnum())


def choice(prompt: str, options: Callable[[], list[Option]], right: Callable[[], str], marking: str,
           kind: str = "reason", worked: Callable[[str], str] | None = None) -> Question:
    """A lettered choice question (exercises.lettered) whose options are computed from data, each with its
    own reply. `right()` is the key of the right option;
    `worked(lang)` (HTML) adds the rows behind the answer to the folded solution."""
    def find(key: str) -> Option:
        return next(o for o in options() if o.key == key)

    def by_name(given) -> str | None:
        text = _norm(given)
        hits = [o.key for o in options() if text and text in {_norm(n) for n in (*o.names, *aliases().get(o.key, ()))}]
        return hits[0] if len(hits) == 1 else None

    return lettered(prompt, lambda: [Choice(o.key, o.text) for o in options()], right,
                    lambda lang: find(right()).why(lang), lambda key, lang: find(key).why(lang),
                    kind=kind, marking=marking, also=by_name, details=worked)


def said(key: str, **fields) -> Callable[[str], str]:
    """lang -> the message `key` with `fields`, each a value or a function of lang (computed at answer time)."""
    return lambda lang: t(key, lang, **{k: v(lang) if callable(v) else v for k, v in fields.items()})


# --- why two figures cannot be set side by side -------------------------------------------------------

TIME_UNITS = frozenset({"years", "months", "weeks", "days"})  # convert into one another exactly


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
        raise data.DataError(f"facts.csv: {a['fact_id']} and {b['fact_id']} differ by {sorted(found) or 'nothing'}, "
                             "not by one reason: the exercise comparing them no longer has one right answer")
    return found.pop()


def fact_line(row: pd.Series, lang: str) -> str:
    """'<li>name — indicator, year: figure; the source says “quote”</li>' for a worked solution (escaped)."""
    from ..prose.base import entity_name, year_in_sentence

    year = year_in_sentence(row, lang)
    line = t("ex_fact_line", lang, name=escape(entity_name(row["entity_id"], lang)),
             indicator=escape(str(row[f"indicator_{lang}"])), value=escape(fmt.fact(row, lang)),
             year=escape(t("ex_fact_year", lang, year=year)) if year else "", quote=escape(str(row["quote"])))
    return f"<li>{line}</li>"


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


def names_list(names: list[str], lang: str) -> str:
    """Names joined by a semicolon: the names themselves hold commas and 、 (专业孵化器、众创空间、“双创”示范基地)."""
    return t("ex_names_sep", lang).join(names)


def barrier_options(why: Callable[[str, str], str]) -> list[Option]:
    """The three barriers as options, in barriers.csv order; `why(barrier_id, lang)` is each one's reply."""
    return [Option(r["barrier_id"], lambda lang, r=r: str(r[f"name_{lang}"]),
                   lambda lang, b=r["barrier_id"]: why(b, lang), (str(r["name_zh"]), str(r["name_en"])))
            for _, r in data.table("barriers").iterrows()]


def where_else(region_id: str, barrier_id: str, lang: str) -> str:
    """Where barrier `barrier_id` lies, and which of the region's platforms the data places there (or none)."""
    from ..prose.base import entity_name

    names = platforms_at(region_id, barrier_id, lang)
    region = escape(entity_name(region_id, lang))
    there = (t("ex_barrier_there", lang, region=region, names=escape(names_list(names, lang))) if names
             else t("ex_barrier_none_there", lang, region=region))
    return t("ex_barrier_where", lang, lies=t(f"ex_barrier_lies_{barrier_id}", lang), there=there)


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
