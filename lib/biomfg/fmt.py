"""Numbers as people read them: 3686亿元 (zh) / CNY 368.6 bn (en), 5.16%, with qualifiers kept.

Nothing is rounded: a value is shown with exactly the digits it has in the data.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

import pandas as pd

from . import figures
from .i18n import check_lang, t

CURRENCIES = {"CNY": "元", "USD": "美元", "GBP": "英镑", "EUR": "欧元", "DKK": "丹麦克朗"}
ZH_MAGNITUDES = (("万亿", Decimal(10) ** 12), ("亿", Decimal(10) ** 8), ("万", Decimal(10) ** 4))
EN_MAGNITUDES = (("tn", Decimal(10) ** 12), ("bn", Decimal(10) ** 9), ("m", Decimal(10) ** 6))
EN_MAGNITUDE_WORDS = {"tn": "trillion", "bn": "billion", "m": "million"}
# Units other than money and percent: (zh suffix, en suffix)
UNITS = {
    "count": ("", ""), "L": ("升", " L"), "m2": ("平方米", " m²"), "km2": ("平方公里", " km²"),
    "km": ("公里", " km"), "mu": ("亩", " mu"), "t": ("吨", " t"), "MW": ("兆瓦", " MW"),
    "kW": ("千瓦", " kW"), "doses": ("剂", " doses"), "years": ("年", " years"),
    "months": ("个月", " months"), "weeks": ("周", " weeks"), "days": ("天", " days"),
    "rank": ("", ""), "times": ("倍", "×"), "m": ("米", " m"), "ft2": ("平方英尺", " sq ft"),
}
QUALIFIERS = {  # qualifier: (zh prefix, zh suffix, en prefix, en suffix)
    "": ("", "", "", ""),
    "more_than": ("超", "", "more than ", ""),
    "or_more": ("", "以上", "", " or more"),
    "about": ("约", "", "about ", ""),
    "nearly": ("近", "", "nearly ", ""),
    "less_than": ("不足", "", "less than ", ""),
    "up_to": ("最高", "", "up to ", ""),
    # 万吨级: of the 10,000-tonne class (an order of magnitude, not an exact output); see number()
    "class": ("", "级", "", " class"),
    # 每年力争10个: a figure for each year, never a total over the plan
    "per_year": ("每年", "", "", " a year"),
    # one end of a stated range (12—15个, 3至6个月): a row alone says which end; span() shows both
    "range_low": ("", "（区间下限）", "", " (low end of a range)"),
    "range_high": ("", "（区间上限）", "", " (high end of a range)"),
}
# English names of units in a compound adjective: a 10,000-tonne class
EN_UNIT_ADJECTIVES = {"t": "tonne", "L": "litre", "km": "kilometre", "m": "metre", "MW": "MW", "kW": "kW"}
EN_NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def _plain(d: Decimal) -> str:
    """Decimal without exponent or trailing zeros: 368.60 -> '368.6', 2E+1 -> '20'."""
    s = format(d.normalize(), "f")
    return s.rstrip("0").rstrip(".") if "." in s else s


def _grouped(d: Decimal) -> str:
    whole, _, frac = _plain(d).partition(".")
    sign = "-" if whole.startswith("-") else ""
    whole = f"{int(whole.lstrip('-')):,}"
    return sign + whole + (f".{frac}" if frac else "")


def _decimal(value) -> Decimal:
    if _missing(value):
        raise ValueError("cannot format a missing value; check the fact row")
    return Decimal(repr(float(value))) if not isinstance(value, Decimal) else value


def plain(value) -> str:
    """A value as written in a CSV: 368600000000.0 -> '368600000000', 5.16 -> '5.16' (never 3.686e+11)."""
    return _plain(_decimal(value))


def scaled(value, lang: str) -> str:
    """A bare number with a magnitude word: zh 3686亿 / 2000万, en 368.6 bn / 20 m."""
    d = _decimal(value)
    mags = ZH_MAGNITUDES if check_lang(lang) == "zh" else EN_MAGNITUDES
    for word, size in mags:
        if abs(d) >= size:
            num = _plain(d / size)
            return f"{num}{word}" if lang == "zh" else f"{num} {word}"
    return _plain(d) if lang == "zh" else _grouped(d)


def number(value, unit: str = "count", lang: str = "en", qualifier: str = "") -> str:
    """Format a value in its unit, keeping its qualifier. Money is never converted."""
    check_lang(lang)
    if qualifier not in QUALIFIERS:
        raise ValueError(f"qualifier={qualifier!r} is not known; valid choices: {', '.join(q or '(none)' for q in QUALIFIERS)}")
    zpre, zsuf, epre, esuf = QUALIFIERS[qualifier]
    d = _decimal(value)
    if unit == "rank" and qualifier == "up_to":  # 居全国前四: among the top four, not "up to 4th"
        return top_rank(d, lang)
    if qualifier == "class" and lang == "en" and unit in EN_UNIT_ADJECTIVES:  # a 10,000-tonne class
        return f"{scaled(d, 'en')}-{EN_UNIT_ADJECTIVES[unit]} class"
    if unit in CURRENCIES:
        body = f"{scaled(d, 'zh')}{CURRENCIES[unit]}" if lang == "zh" else f"{unit} {scaled(d, 'en')}"
    elif unit == "percent":
        body = f"{_plain(d)}%"
    elif unit == "fraction":
        body = str(Fraction(float(d)).limit_denominator(1000))
    elif unit == "streak":  # 八连冠: first place so many times in a row, never '8 times as much'
        body = f"{zh_numeral(int(d))}连冠" if lang == "zh" else f"first {_plain(d)} times in a row"
    elif unit == "grade":
        body = f"{_plain(d)}级" if lang == "zh" else f"grade {_plain(d)}"
    elif unit == "rank":
        if lang == "zh":  # 第一 (列苏州市第一), as the sources write a place; 第23 above ten
            body = f"第{zh_numeral(int(d))}" if d == int(d) and 0 < d <= 10 else f"第{_plain(d)}"
        else:
            body = _ordinal(d)
    elif unit in UNITS:
        zh, en = UNITS[unit]
        if lang == "en":  # a physical quantity spells its magnitude: 70 million tonnes, never '70 m t'
            num = re.sub(r" (m|bn|tn)$", lambda m: " " + EN_MAGNITUDE_WORDS[m.group(1)], scaled(d, "en"))
            en = " tonnes" if unit == "t" and num != scaled(d, "en") else en
        body = f"{scaled(d, 'zh')}{zh}" if lang == "zh" else f"{num}{en}"
    else:
        choices = [*CURRENCIES, "percent", "fraction", "grade", "streak", *UNITS]
        raise ValueError(f"unit={unit!r} is not known; valid choices: {', '.join(choices)}")
    if lang == "zh" and qualifier == "class":
        body = re.sub(r"^1(?=[千万亿])", "", body)  # 万吨级, as the sources write it, not 1万吨级
    if lang == "zh" and qualifier == "per_year" and unit == "count":
        zsuf = "个"  # 每年10个 (项目): a count a year takes its measure word
    if lang == "zh" and qualifier == "up_to" and unit in ("m", "km"):
        zpre = "不超过"  # 步行不过百米: a distance at most so far reads 不超过100米, never 最高100米
    return f"{zpre}{body}{zsuf}" if lang == "zh" else f"{epre}{body}{esuf}"


def top_rank(value, lang: str = "en") -> str:
    """A rank stated as a place among the first few: zh 前四 (居全国前四), en 'among the top four'."""
    check_lang(lang)
    n = int(_decimal(value))
    if lang == "zh":
        return f"前{zh_numeral(n)}"
    return f"among the top {EN_NUMBER_WORDS[n] if n < len(EN_NUMBER_WORDS) else f'{n:,}'}"


def span(low, high, unit: str = "count", lang: str = "en", measure: str = "") -> str:
    """A stated range as one figure, the unit written once: zh 3至6个月 / 12至15 (12至15个 with a count's
    `measure` word), en 3–6 months / 12–15."""
    check_lang(lang)
    if unit == "count" and measure and lang == "zh":
        a, b = count(low, measure, lang), count(high, measure, lang)
    else:
        a, b = number(low, unit, lang), number(high, unit, lang)
    if a == b:
        return a
    head = 0  # shared words before the numbers (CNY ) and after them (个月,  months,  bn)
    while head < min(len(a), len(b)) and a[head] == b[head] and not a[head].isdigit():
        head += 1
    tail = 0
    while tail < min(len(a), len(b)) - head and a[-1 - tail] == b[-1 - tail] and not a[-1 - tail].isdigit():
        tail += 1
    low_part = a[:len(a) - tail] if tail else a
    high_part = b[head:]
    return f"{low_part}{'至' if lang == 'zh' else '–'}{high_part}"


def _ordinal(d: Decimal) -> str:
    n = int(d)
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _missing(x) -> bool:
    return x is None or x is pd.NA or (isinstance(x, float) and math.isnan(x))


def text(value) -> str:
    """A cell as display text: missing (None, NaN, pd.NA) becomes ''."""
    return "" if _missing(value) else str(value)


def fact(row, lang: str = "en") -> str:
    """Format one fact row (value, unit, qualifier). In Chinese a count takes its indicator's measure
    word (`measure_zh`, joined by `data.facts()`): 超2.5万件, 22个, 4家; English is unchanged."""
    q = row.get("qualifier", "")
    q = "" if _missing(q) else str(q)
    measure = row.get("measure_zh", "")
    if lang == "zh" and row["unit"] == "count" and not _missing(measure) and str(measure):
        return count(row["value"], str(measure), lang, q)
    return number(row["value"], row["unit"], lang, q)


def shown(row, lang: str = "en") -> str:
    """A fact as a chart's label writes it: `fact` (qualifier kept), a target or an estimate marked as one."""
    kind = "" if row.get("kind", "actual") in ("actual", None) else t(row["kind"], lang)  # facts.kind: target, estimate
    text = fact(row, lang)
    return text + t("paren", lang, text=kind) if kind else text


def percent(part, whole, digits: int = 1) -> str:
    """A computed share, e.g. 56 of 1953 -> '2.9%'. Computed shares are the one place we round,
    and `digits` says how much."""
    if not whole:
        raise ValueError("cannot compute a share of zero")
    return f"{float(part) / float(whole) * 100:.{digits}f}%"


# --- reading a figure as a person types it: 2000万, 1.2亿元, USD 20 million, $20m, 2.5 bn, 1,200, 12.5% --------

@dataclass(frozen=True)
class Reading:
    """A figure read from text: its value in base units (2000万 -> 20000000), the unit it names (None when it
    names none; a measure word such as 个 or 家 names none) and its qualifier (a key of QUALIFIERS)."""
    value: float
    unit: str | None = None
    qualifier: str = ""
    converted: str = ""  # the unit as written, where the value was converted (75 m3 read as 75,000 L)


_ARABIC = re.compile(r"(?<![\d.])[-+]?(?:\d+,\d{1,2}(?![\d,])|\d{1,3}(?:[,\s]\d{3})+(?![\d,])|\d+|(?=\.\d))(?:\.\d+)?")
_ZH_NUMERAL = re.compile(f"[{''.join(figures.DIGITS)}十百千万亿]+")
_ZH_MAGNITUDE = re.compile(r"\s*(万亿|[十百千]亿|亿|[十百千]万|万|千(?!瓦)|百)")
_EN_MAGNITUDE = re.compile(r"\s*(thousand|k|millions?|mn|mln|m|billions?|bn|b|trillions?|tn)(?![a-z0-9])")
# English number words below a thousand (twenty-two, nineteen, one hundred and five); a magnitude word after them
# (twenty million) is read as after a figure
_EN_ONES = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
            "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
_EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_EN_WORD = rf"(?:{'|'.join(_EN_ONES)}|{'|'.join(_EN_TENS)}|hundred)"
_EN_RUN = re.compile(rf"\b{_EN_WORD}(?:(?:[\s-]+|\s+and\s+){_EN_WORD})*\b")
# volumes converted into litres, the one volume unit a question asks for
_TO_LITRES = {"m3": 1000, "kL": 1000}
_EN_SIZE = {"t": 10 ** 3, "k": 10 ** 3, "m": 10 ** 6, "b": 10 ** 9}  # by first letter; trillion, tn: 10 ** 12
# words before a figure (zh, en), longest first: qualifiers and fillers (一共, 'the answer is') the figure ignores
_QUALIFIER_WORDS = (("超过", "more_than"), ("超", "more_than"), ("逾", "more_than"), ("大约", "about"),
                    ("约", "about"), ("近", "nearly"), ("不足", "less_than"), ("最高", "up_to"),
                    ("more than", "more_than"), ("over", "more_than"), ("about", "about"), ("around", "about"),
                    ("approximately", "about"), ("approx", "about"), ("~", "about"), ("≈", "about"),
                    ("nearly", "nearly"), ("almost", "nearly"), ("less than", "less_than"), ("up to", "up_to"))
_FILLERS = re.compile(r"一共|总共|共计|合计|累计|总计|答案是|答案为|答案|是|为|共")
# unit words after (or, for money, before) a figure; measure words (个, 家, 项 …) name no unit
_UNIT_WORDS = sorted({
    **{zh: code for code, zh in CURRENCIES.items()}, **{zh: code for code, (zh, _) in UNITS.items() if zh},
    "人民币": "CNY", "块": "CNY", "cny": "CNY", "rmb": "CNY", "yuan": "CNY", "¥": "CNY", "usd": "USD", "us$": "USD",
    "$": "USD", "us dollars": "USD", "dollars": "USD", "dollar": "USD", "gbp": "GBP", "£": "GBP",
    "pounds sterling": "GBP", "pounds": "GBP", "pound": "GBP", "sterling": "GBP", "eur": "EUR", "€": "EUR",
    "euros": "EUR", "euro": "EUR", "dkk": "DKK", "%": "percent", "percent": "percent", "per cent": "percent",
    "litres": "L", "liters": "L", "litre": "L", "liter": "L", "l": "L", "months": "months", "month": "months",
    "years": "years", "year": "years", "weeks": "weeks", "week": "weeks", "days": "days", "day": "days",
    "tonnes": "t", "tons": "t", "立方米": "m3", "立方": "m3", "m3": "m3", "cubic metres": "m3", "cubic meters": "m3",
    "cubic metre": "m3", "cubic meter": "m3", "千升": "kL", "kl": "kL", "kilolitres": "kL", "kiloliters": "kL",
}.items(), key=lambda kv: -len(kv[0]))
_AFTER = (("以上", "or_more"), ("左右", "about"), ("or more", "or_more"), ("+", "or_more"))


def _unit_at(text: str, start: bool) -> tuple[str | None, str]:
    """The unit word at the start (or end) of `text`, and the text without it."""
    for word, code in _UNIT_WORDS:
        if text.startswith(word) if start else text.endswith(word):
            rest = text[len(word):] if start else text[:-len(word)]
            edge = rest[:1] if start else rest[-1:]
            if not (word.isascii() and word.isalpha() and edge.isalpha() and edge.isascii()):  # 'l' is not 'lab'
                return code, rest.strip()
    return None, text


def currencies(text: str) -> set[str]:
    """The currencies a text names, as codes: 'USD and GBP', '一个是美元一个是英镑' -> {'USD', 'GBP'}."""
    text = unicodedata.normalize("NFKC", str(text)).lower()
    found = set()
    for word, code in _UNIT_WORDS:  # longest first: 美元 before 元
        if code not in CURRENCIES:
            continue
        pattern = rf"(?<![a-z]){re.escape(word)}(?![a-z])" if word.isascii() and word[-1].isalpha() else re.escape(word)
        if re.search(pattern, text):
            found.add(code)
            text = re.sub(pattern, " ", text)
    return found


def _qualifier_at(text: str) -> tuple[str, str]:
    return next(((q, text[len(w):].strip()) for w, q in _QUALIFIER_WORDS if text.startswith(w)), ("", text))


def read(given) -> Reading | None:
    """A figure from what a person typed, or None if it holds none or more than one: a number (not a bool),
    or text with one figure, its magnitude in either language (2000万, 1.2亿, 2 000万, 20 million, $20m, 20 M,
    2.5 bn), Chinese numerals (两千万, 五十六) or English number words (twenty-two, twenty million), a unit (美元,
    元, 英镑, 升, 个月, %, USD, litres ...) before or after it and a qualifier (超, 约, 以上, about, more than).
    Spaces and thousands separators inside a number are ignored (1,200 and 2 000 are numbers; 2,9 is 2.9). A
    volume in cubic metres is read in litres (75 m3 -> 75,000 L, `converted`). Shown working is read for its
    result: the figure after the last '=' (12 + 7 = 19), or the figure before a parenthesis that lists what it
    counts (4 (BioMADE, Pilots4U, …))."""
    if isinstance(given, bool):
        return None
    if isinstance(given, int | float | Decimal):
        return Reading(float(given)) if math.isfinite(float(given)) else None
    if not isinstance(given, str):
        return None
    text = unicodedata.normalize("NFKC", given).strip().lower()
    found = _read_text(text)
    if found is None and re.search(r"[=≈]", text):  # shown working: its result
        found = _read_text(re.split(r"[=≈]", text)[-1])
    if found is None and re.search(r"[(（\[]", text):  # a figure, then what it counts in brackets
        found = _read_text(re.sub(r"\s*[(（\[][^()（）\[\]]*[)）\]]?", " ", text))
    return found


def _read_text(text: str) -> Reading | None:
    """read(), of normalised lower-case text."""
    text = re.sub(r"(?<![a-z])m3(?![a-z0-9])", " cubic metres", text)  # 75 m3 (m³): no second figure
    text = re.sub(r"^[\s\"'“”‘’「」『』]+|[\s\"'“”‘’「」『』.。!！?？;；,，]+$", "", text)
    try:
        value = float(text)  # 2e7; never with a comma (2,9 is 2.9, 1,200 is 1200: see _ARABIC)
        return Reading(value) if math.isfinite(value) else None
    except ValueError:
        pass
    found = list(_ARABIC.finditer(text))
    if len(found) > 1 or (found and re.search(r"\d", text[:found[0].start()] + text[found[0].end():])):
        return None
    if found:
        m, raw = found[0], found[0][0]
        number = Decimal(raw.replace(",", ".") if re.fullmatch(r"[-+]?\d+,\d{1,2}", raw) else re.sub(r"[,\s]", "", raw))
        head, tail = text[:m.start()], text[m.end():]
    else:
        cleaned = _FILLERS.sub(" ", text)  # 一共五十六个: the 一 of 一共 is no figure
        runs = [r for r in _ZH_NUMERAL.finditer(cleaned) if set(r[0]) & {*figures.DIGITS, "十"}]
        words = list(_EN_RUN.finditer(text))
        if len(runs) == 1:
            number = Decimal(figures.chinese_number(runs[0][0]))
            head, tail = cleaned[:runs[0].start()], cleaned[runs[0].end():]
        elif len(words) == 1 and not runs:
            number, head, tail = Decimal(_en_number(words[0][0])), text[:words[0].start()], text[words[0].end():]
        else:
            return None
    mag = _ZH_MAGNITUDE.match(tail) or _EN_MAGNITUDE.match(tail)
    if mag:
        word = mag[1]
        number *= figures.magnitude(word) if word[0] in "十百千万亿" else (
            10 ** 12 if word in ("tn", "trillion", "trillions") else _EN_SIZE[word[0]])
        tail = tail[mag.end():]
    head = _FILLERS.sub("", head).strip(" :：是为")
    qualifier, head = _qualifier_at(head)
    money, _ = _unit_at(head, start=False)
    money = money if money in CURRENCIES else None  # before a figure only money counts: 每年2000万 is no year
    tail = tail.strip()
    unit, tail = _unit_at(tail, start=True)
    for word, q in _AFTER:
        if tail.endswith(word):
            qualifier, tail = qualifier or q, tail[:-len(word)].strip()
    if unit in _TO_LITRES:
        return Reading(float(number * _TO_LITRES[unit]), "L", qualifier, converted=unit)
    return Reading(float(number), money or unit, qualifier)


def _en_number(words: str) -> int:
    """The value of English number words below a thousand: 'twenty-two' -> 22, 'one hundred and five' -> 105."""
    total = 0
    for w in re.findall(r"[a-z]+", words):
        if w in _EN_ONES:
            total += _EN_ONES.index(w)
        elif w in _EN_TENS:
            total += _EN_TENS[w]
        elif w == "hundred":
            total = (total or 1) * 100
    return total


def parse_zh(text: str) -> tuple[float, str, str]:
    """Parse Chinese wording into (value in base units, unit, qualifier) with `read`, raising ValueError for
    text that holds no figure; a figure with no unit is a count.

    '3686亿元' -> (368600000000.0, 'CNY', ''); '超2 000万美元' -> (20000000.0, 'USD', 'more_than').
    Spaces and commas inside numbers are extraction artefacts and are ignored.
    """
    r = read(text)
    if r is None:
        raise ValueError(f"cannot read {text!r} as a Chinese figure (e.g. '3686亿元', '5.16%', '超100家')")
    return r.value, r.unit or "count", r.qualifier


# --- Chinese number grammar: measure words and numerals in set phrases ------------------------------

ZH_DIGITS = "零一二三四五六七八九"


def zh_numeral(n: int, before_measure: bool = False) -> str:
    """An integer from 0 to 9999 in Chinese numerals, as set phrases write it: 三大产业, 七条建议,
    十一个, 二十三; with `before_measure`, 2 is 两 (两个, 两家), as before a measure word."""
    if isinstance(n, bool) or not isinstance(n, int) or not 0 <= n <= 9999:
        raise ValueError(f"n={n!r} is not a whole number from 0 to 9999")
    if n == 2 and before_measure:
        return "两"
    if n < 10:
        return ZH_DIGITS[n]
    out, zero = "", False
    for value, word in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, n = divmod(n, value)
        if digit:
            if zero:
                out += "零"
            out += ("" if digit == 1 and word == "十" and not out else ZH_DIGITS[digit]) + word
            zero = False
        elif out:
            zero = True
    return out


def count(value, measure: str, lang: str = "en", qualifier: str = "") -> str:
    """A count with its Chinese measure word, the qualifier where each language puts it:
    zh 20家以上 / 超60个 / 约5项, en 20 or more / more than 60 / about 5 (the noun is the sentence's)."""
    check_lang(lang)
    if lang == "en":
        return number(value, "count", "en", qualifier)
    if qualifier not in QUALIFIERS:
        raise ValueError(f"qualifier={qualifier!r} is not known; valid choices: {', '.join(q or '(none)' for q in QUALIFIERS)}")
    zpre, zsuf, _, _ = QUALIFIERS[qualifier]
    return f"{zpre}{scaled(_decimal(value), 'zh')}{measure}{zsuf}"


def set_phrase(n: int, word: str, lang: str = "en", en_word: str = "") -> str:
    """A counted set phrase: zh 三大产业 (numeral + word, as the sources write it), en 'three industries'
    style number words are the sentence's, so English gets the figure: '3 industries' with `en_word`."""
    check_lang(lang)
    if lang == "zh":
        return f"{zh_numeral(n)}{word}"
    return f"{n} {en_word}".strip()


def year_inferred(row, col: str = "year") -> bool:
    """Whether a row's year is one its quote does not state (今年 in a dated report, 同年 …)."""
    return figures.year_inferred(row.get("quote"), row.get(col))


def year(row, lang: str = "en", col: str = "year") -> str:
    """A row's year as a reader sees it: '2024', or '2024 (inferred)' / '2024（推断）' when its quote
    does not state it; '' when it has none. Charts and prose alike mark an inferred year this way."""
    check_lang(lang)
    value = row.get(col)
    if _missing(value) or str(value) in ("", "<NA>"):
        return ""
    text = str(int(float(value)))
    return text + t("paren", lang, text=t("year_inferred", lang)) if year_inferred(row, col) else text


SINCE = re.compile(r"(\d{4})\s*年\s*至今")  # 2023年至今: from 2023 to the date of the report
SPAN = re.compile(r"(\d{4})\s*[—–\-－]+\s*(\d{4})\s*年")  # 2018—2022年(的数据): a period with both ends


def since_year(quote) -> str | None:
    """The year a running total starts from, as a quote states it ('2023年至今 … 共引进…'); None if it does not."""
    found = SINCE.search(str(quote or ""))
    return found.group(1) if found else None


def span_years(quote) -> tuple[str, str] | None:
    """The first and last year of a period a quote states ('2018—2022年的数据，在1953家…'); None if it does not."""
    found = SPAN.search(str(quote or ""))
    return (found.group(1), found.group(2)) if found else None


def since(row, lang: str = "en", col: str = "year") -> str:
    """For a row with no year whose quote states a period: up to the report ('2023年至今 … 共引进…33个'):
    'since 2023' / '2023年至今'; with both ends ('2018—2022年的数据，在1953家…'): '2018–2022' / '2018—2022年';
    else ''. A figure with such a period is not an undated one."""
    check_lang(lang)
    value = row.get(col)
    if not (_missing(value) or str(value) in ("", "<NA>")):
        return ""
    start = since_year(row.get("quote"))
    if start:
        return t("year_since", lang, year=start)
    span = span_years(row.get("quote"))
    return t("year_span", lang, start=span[0], end=span[1]) if span else ""


def year_paren(row, lang: str = "en", col: str = "year") -> str:
    """A row's year after a label: ' (2023)' / '（2023年）', ' (2024, inferred)' / '（2024年，推断）'; for a
    period the quote states, ' (since 2023)' / '（2023年至今）'; '' when it has none."""
    check_lang(lang)
    plain = year(row, "en", col)
    if not plain:
        period = since(row, lang, col)
        return t("paren", lang, text=period) if period else ""
    key = "year_paren_inferred" if year_inferred(row, col) else "year_paren"
    return t(key, lang, year=plain.split(" ")[0])


def inferred_note(rows, lang: str = "en", col: str = "year") -> str:
    """What "inferred" beside a year means, for the rows shown: the report's 今年 (this year) where that
    is the reason, else the context; '' when no year shown is inferred."""
    inferred = [r for _, r in rows.iterrows() if year_inferred(r, col)]
    if not inferred:
        return ""
    this_year = any("今年" in f"{r.get('quote', '')} {r.get('note', '')}" for r in inferred)
    return t("year_inferred_this_year" if this_year else "year_inferred_note", lang)
