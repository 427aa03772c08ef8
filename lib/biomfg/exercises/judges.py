"""Judges the exercises share: numbers read leniently, names matched to ids, worked code shown."""

from __future__ import annotations

from html import escape

from .. import data, fmt
from ..i18n import t
from ..model.names import match_name as _match


def match_name(given, table, key: str) -> str | None:
    """A name, an id, or a unique part of a name (see model.names.match_name)."""
    return _match(given, table, key, partial=True)


def _hint(hint, lang: str) -> str:
    """A hint: a message key, or a function of lang for a hint with fields."""
    return hint(lang) if callable(hint) else t(hint, lang)


def pick_judge(table: str, key: str, hint):
    """A judge for 'name one platform / barrier / type', explaining a wrong pick with `hint` (a message
    key, or lang -> text)."""
    def judge(given, right, lang):
        rows = data.table(table).set_index(key)
        pid = _match(given, data.table(table), key, also=("abbr",))
        if pid is None:
            valid = rows["abbr"].fillna(rows[f"name_{lang}"]) if "abbr" in rows else rows[f"name_{lang}"]
            return False, t("ex_pick_unknown", lang, given=escape(str(given)),
                            valid=escape(t("list_sep", lang).join(valid)))
        name = escape(str(rows.loc[pid, f"name_{lang}"]))
        if pid == right:
            return True, t("ex_pick_right", lang, name=name)
        return False, t("ex_pick_wrong", lang, name=name, hint=_hint(hint, lang))
    return judge


def number_judge(unit: str, hint, scales: tuple[float, ...] = ()):
    """A judge for a number in base units; `scales` are slips it recognises (e.g. 1e6: answered in millions);
    `hint` (a message key, or lang -> text) explains a wrong number."""
    def judge(given, right, lang):
        try:
            value = float(str(given).replace(",", "").replace(" ", ""))
        except ValueError:
            return False, t("ex_give_number", lang)
        shown = escape(fmt.number(right, unit, lang))
        if value == right:
            return True, t("ex_number_right", lang, value=shown)
        for s in scales:
            if value * s == right:
                return False, t("ex_number_scale", lang, value=shown)
        return False, _hint(hint, lang)
    return judge


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
    try:
        value = float(str(given).replace(",", "").strip())
    except ValueError:
        return None
    return int(value) if value == int(value) else None


def whole_number(lang: str) -> str:
    return t("ex_give_whole_number", lang)
