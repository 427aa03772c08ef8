"""Every figure a quote states, read the way a Chinese reader reads it, so that `validate` can check a
fact's value against the words it was taken from.

'3686亿元' states 368,600,000,000; '2 000万美元' 20,000,000; '十年' 10; '千亿元' 100,000,000,000;
'2/3' two thirds. A quote may state figures the fact does not use (years, other counts): the check is
only that the fact's value is among them.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
SMALL = {"十": 10, "百": 100, "千": 1000}
BIG = {"万": 10**4, "亿": 10**8}
_MAGNITUDE = "十百千万亿"
_CHINESE = re.compile(f"[{''.join(DIGITS)}{_MAGNITUDE}]+")
# an Arabic number, spaces/commas inside it being extraction artefacts, then an optional magnitude word;
# ' … ' (the quote separator) may fall between a number and its magnitude where the seed breaks a line
_ARABIC = re.compile(r"(\d(?:[\d,]|\s(?=\d))*(?:\.\d+)?)(?:\s*(?:…\s*)?([千万亿]+))?")
_FRACTION = re.compile(r"(\d+)\s*/\s*(\d+)")


def chinese_number(text: str) -> int:
    """'十' -> 10, '三千万' -> 30,000,000, '千亿' -> 100,000,000,000, '一亿二千万' -> 120,000,000."""
    if not text or any(ch not in DIGITS and ch not in SMALL and ch not in BIG for ch in text):
        raise ValueError(f"not a Chinese numeral: {text!r}")
    total = section = number = 0
    for ch in text:
        if ch in DIGITS:
            number = DIGITS[ch]
        elif ch in SMALL:
            section += (number or 1) * SMALL[ch]
            number = 0
        elif ch == "万":
            total += (section + number or 1) * BIG["万"]
            section = number = 0
        else:  # 亿 scales everything before it ('万亿' = 10^12)
            total = (total + section + number or 1) * BIG["亿"]
            section = number = 0
    return total + section + number


def magnitude(word: str) -> int:
    """'亿' -> 10^8, '万亿' -> 10^12, '千万' -> 10^7: what a magnitude word after a number multiplies it by."""
    factor = 1
    for ch in word:
        factor *= SMALL.get(ch) or BIG[ch]
    return factor


def stated(quote: str) -> set[Decimal]:
    """Every figure in the quote: Arabic numbers with and without their magnitude word, Chinese
    numerals, and fractions."""
    found: set[Decimal] = set()
    for m in _ARABIC.finditer(quote):
        try:
            n = Decimal(re.sub(r"[\s,]", "", m[1]))
        except InvalidOperation:
            continue
        found.add(n)
        if m[2]:
            found.add(n * magnitude(m[2]))
    for m in _CHINESE.finditer(quote):
        try:
            found.add(Decimal(chinese_number(m[0])))
        except ValueError:
            continue
    for m in _FRACTION.finditer(quote):
        if int(m[2]):
            found.add(Decimal(m[1]) / Decimal(m[2]))
    return found


def states(quote: str, value: float) -> bool:
    """Whether the quote states this value (to one part in a billion: fractions are stored as floats)."""
    v = Decimal(repr(float(value)))
    return any(abs(n - v) <= abs(v) * Decimal("1e-9") for n in stated(quote))


def year_inferred(quote, year) -> bool:
    """Whether a row's year is one its quote does not state (taken from the context, as `validate`
    allows): the reader is told so, in a word, beside the year."""
    try:
        if year is None or year != year or str(year) in ("", "<NA>"):
            return False
        return not states(str(quote or ""), float(year))
    except (TypeError, ValueError):
        return False
