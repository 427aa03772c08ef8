"""Judges the exercises share: numbers read leniently, names matched to ids, worked code shown."""

from __future__ import annotations

from html import escape

from .. import data, fmt
from ..model.names import match_name as _match


def match_name(given, table, key: str) -> str | None:
    """A name, an id, or a unique part of a name (see model.names.match_name)."""
    return _match(given, table, key, partial=True)


def pick_judge(table: str, key: str, hint: dict[str, str]):
    """A judge for 'name one platform / barrier / type', explaining a wrong pick with `hint`."""
    def judge(given, right, lang):
        rows = data.table(table).set_index(key)
        pid = _match(given, data.table(table), key, also=("abbr",))
        if pid is None:
            valid = rows["abbr"].fillna(rows[f"name_{lang}"]) if "abbr" in rows else rows[f"name_{lang}"]
            return False, (f"不认识“{escape(str(given))}”；可填名称或缩写，例如：{escape('、'.join(valid))}"
                           if lang == "zh" else
                           f"“{escape(str(given))}” is not a name here; try one of: {escape(', '.join(valid))}")
        name = escape(str(rows.loc[pid, f"name_{lang}"]))
        if pid == right:
            return True, (f"对，是{name}。" if lang == "zh" else f"Yes: {name}.")
        return False, (f"{name}不对。{hint['zh']}" if lang == "zh" else f"{name} is not it. {hint['en']}")
    return judge


def number_judge(unit: str, hint: dict[str, str], scales: tuple[float, ...] = ()):
    """A judge for a number in base units; `scales` are slips it recognises (e.g. 1e6: answered in millions)."""
    def judge(given, right, lang):
        try:
            value = float(str(given).replace(",", "").replace(" ", ""))
        except ValueError:
            return False, ("请给出一个数字。" if lang == "zh" else "Give a number.")
        shown = escape(fmt.number(right, unit, lang))
        if value == right:
            return True, (f"对：{shown}。" if lang == "zh" else f"Right: {shown}.")
        for s in scales:
            if value * s == right:
                return False, (f"差一个数量级：数据以基本单位保存（{shown}），请写出完整的数。" if lang == "zh" else
                               f"Off by a factor: data/ stores base units ({shown}); write the full number.")
        return False, (hint["zh"] if lang == "zh" else hint["en"])
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
            shown = f"{int(shown):,}"
        return f"<pre>{escape(code)}</pre><p>{escape(str(shown))}</p>"
    return solution


def as_int(given) -> int | None:
    try:
        value = float(str(given).replace(",", "").strip())
    except ValueError:
        return None
    return int(value) if value == int(value) else None


def whole_number(lang: str) -> str:
    return "请给出一个整数。" if lang == "zh" else "Give a whole number."
