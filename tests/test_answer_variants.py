"""What a student naturally writes is accepted (issue 17): a name in zh or en, with or without a country, an
article, quotes or trailing punctuation, full- or half-width, a short name or an alias a seed uses; a figure
with a Chinese or English magnitude (2000万, 1.2亿, 20 million, $20m, 2.5 bn) and with or without its unit.
What is wrong stays wrong, and is told why, in the student's language, naming things and never an id; an
answer that could mean several rows is told which."""

from __future__ import annotations

import csv
import functools
import re
import shutil
import unicodedata
from html import escape, unescape

import pytest

from biomfg import data, exercises, fmt, i18n
from biomfg.exercises import judges, lettered
from biomfg.exercises.base import LETTERS
from biomfg.model.names import aliases, fold, resolve
from biomfg.tools import validate

from conftest import DATA, SEEDS

CJK = re.compile(r"[\u3400-\u9fff]")
SNAKE = re.compile(r"\b[a-z0-9]+_[a-z0-9_]+\b")


KEYS = {"platforms": "platform_id", "platform_types": "type_id", "barriers": "barrier_id"}


HINT = {"en": "Look at the chart again.", "zh": "再看一遍图中的数据。"}  # a topic's hint, as the judges take it (lang -> text)


def _pick(table: str, right: str):
    """The shared judge of a name question on `table` whose right answer is the row `right`."""
    judge = judges.pick_judge(table, KEYS[table], HINT.get)
    return lambda given, lang: judge(given, right, lang)


def _number(unit: str, right: float):
    """The shared judge of a figure in `unit` whose right answer is `right` (base units)."""
    judge = judges.number_judge(unit, HINT.get, scales=(1e6, 1e4))
    return lambda given, lang: judge(given, right, lang)


# what a question asks -> its judge; the exercises asking it today are found by their answer (_asking), so
# a question that is renumbered, or added by another lesson, is checked the same way
JUDGES = {
    "QB3": (lambda: _pick("platforms", "qb3"), "qb3"),
    "DTU Biosustain": (lambda: _pick("platforms", "dtu_biosustain"), "dtu_biosustain"),
    "CPI": (lambda: _pick("platforms", "cpi"), "cpi"),
    "pilot-scale type": (lambda: _pick("platform_types", "pilot_scale"), "pilot_scale"),
    "incubation type": (lambda: _pick("platform_types", "industry_incubation"), "industry_incubation"),
    "technology type": (lambda: _pick("platform_types", "technology_innovation"), "technology_innovation"),
    "Darwinian sea": (lambda: _pick("barriers", "darwinian_sea"), "darwinian_sea"),
    "valley of death": (lambda: _pick("barriers", "valley_of_death"), "valley_of_death"),
    "USD 20,000,000": (lambda: _number("USD", 20_000_000), None),
    "USD 2.5 bn": (lambda: _number("USD", 2.5e9), None),
    "CNY 120,000,000": (lambda: _number("CNY", 1.2e8), None),
    "CNY 40 bn": (lambda: _number("CNY", 4e10), None),
    "CNY 1.2 tn": (lambda: _number("CNY", 1.2e12), None),
    "USD 5 m": (lambda: _number("USD", 5e6), None),
    "GBP 28 m": (lambda: _number("GBP", 2.8e7), None),
    "count 1,200": (lambda: _number("count", 1200), None),
    "count 56": (lambda: _number("count", 56), None),
    "litres 75,000": (lambda: _number("L", 75_000), None),
    "months 4": (lambda: _number("months", 4), None),
}


def _row_name(row_id: str) -> str | None:
    for table, key in KEYS.items():
        frame = data.table(table).set_index(key)
        if row_id in frame.index:
            return str(frame.loc[row_id, "name_en"])
    return None


@functools.cache
def _asking(answer) -> list[str]:
    """The registered exercises whose right answer is `answer`: a row id (also a lettered choice whose right
    option is that row: its judge accepts the row's full name), or a figure."""
    out = []
    for qid, q in exercises.QUESTIONS.items():
        right = q.answer()
        if isinstance(answer, str) and right == answer:
            out.append(qid)
        elif isinstance(answer, str) and isinstance(right, str) and len(right) == 1 and _row_name(answer) \
                and q.judge(_row_name(answer), right, "en")[0]:
            out.append(qid)
        elif isinstance(answer, float) and isinstance(right, int | float) and not isinstance(right, bool) \
                and abs(right - answer) <= 1e-9 * abs(answer):
            out.append(qid)
    return out


ACCEPTED = {
    # QB3: the seed and data say 美国加利福尼亚定量生物科学研究所 (The California Institute for Quantitative Biosciences)
    "QB3": {"zh": ["加利福尼亚定量生物科学研究所", "加州定量生物科学研究所", "美国加利福尼亚定量生物科学研究所", "ＱＢ３",
                   "“QB3”", "美国 加州定量生物科学研究所。"],
            "en": ["The California Institute for Quantitative Biosciences", "qb3",
                   "California Institute for Quantitative Biosciences",
                   "the US's California Institute for Quantitative Biosciences."]},
    "pilot-scale type": {"zh": ["中试平台", "中试放大平台", "中试基地", "中试", "放大平台", "中试设施", "中试工厂",
                                "「中试平台」。"],
                         "en": ["pilot-scale platform", "pilot plant", "scale-up platform", "pilot/scale-up platforms",
                                "the pilot platform", "Pilot Scale", "a pilot plant."]},
    "incubation type": {"zh": ["孵化器", "孵化平台", "产业孵化平台", "孵化基地"],
                        "en": ["incubator", "an incubator", "industry incubation platforms", "incubation platform"]},
    "technology type": {"zh": ["技术创新平台", "创新平台", "技术创新"],
                        "en": ["technology innovation platform", "innovation platform", "the technology-innovation platform"]},
    "DTU Biosustain": {"en": ["Novo Nordisk Foundation Center for Biosustainability", "DTU Biosustain", "Biosustain",
                              "The Novo Nordisk Foundation Centre for Biosustainability",
                              "Danish Novo Nordisk Foundation Center for Biosustainability"],
                       "zh": ["诺和诺德基金会生物可持续发展中心", "丹麦诺和诺德基金会生物可持续发展中心", "DTU Biosustain"]},
    "CPI": {"zh": ["工艺创新中心", "过程创新研究中心", "CPI"], "en": ["Center for Process Innovation", "UK CPI"]},
    "Darwinian sea": {"en": ["the Darwinian sea", "a Darwinian Sea!", "Darwinian sea.", "  darwinian   SEA ",
                             "ＤＡＲＷＩＮＩＡＮ ＳＥＡ", "“Darwinian sea”", "Darwinian dead sea"],
                      "zh": ["达尔文死海", "“达尔文死海”", "「达尔文死海」。", "达尔文死海！", " 达尔文死海 ", "『达尔文死海』"]},
    "valley of death": {"zh": ["“死亡谷”", "死亡谷。"], "en": ["the valley of death", "Death Valley"]},
    "USD 20,000,000": {"zh": ["2000万", "2000万美元", "2 000万美元", "0.2亿美元", "两千万", "2千万", "２０００万",
                              "每年2000万美元", 20_000_000, "20000000"],
                       "en": ["20 million", "$20m", "20 M", "USD 20 million", "20,000,000", "US$20 million a year",
                              "2e7", "20 million dollars", 2e7]},
    "USD 2.5 bn": {"en": ["2.5 bn", "$2.5 billion", "2,500 million"], "zh": ["25亿美元", "25亿"]},
    "CNY 120,000,000": {"zh": ["1.2亿", "1.2亿元", "一亿二千万"], "en": ["CNY 120 million", "120 m yuan"]},
    "CNY 40 bn": {"zh": ["400亿", "400亿元", "4百亿元"], "en": ["40 bn", "CNY 40 billion", "40 billion yuan"]},
    "CNY 1.2 tn": {"zh": ["1.2万亿", "约1.2万亿元"], "en": ["1.2 trillion yuan", "CNY 1.2 tn"]},
    "USD 5 m": {"zh": ["5百万美元", "500万美元"], "en": ["$5m", "5 million"]},
    "GBP 28 m": {"zh": ["2800万英镑", "2800万"], "en": ["£28m", "28 million pounds", "GBP 28 million"]},
    "count 1,200": {"en": ["1,200", "1 200", "1200"], "zh": ["1200个", "1200"]},
    "count 56": {"zh": ["56个", "五十六", "56家"], "en": ["56", "56 incubators"]},
    "litres 75,000": {"zh": ["7.5万升", "75000升"], "en": ["75,000 L", "75000 litres"]},
    "months 4": {"zh": ["4个月", "四个月"], "en": ["4 months", "four months"]},
}
# the figures whose exercises are found by their answer (another exercise with the same figure may ask for
# another currency or unit, so they are checked with the answers that name no unit)
FIGURES = {"USD 20,000,000": 2e7, "CNY 40 bn": 4e10, "GBP 28 m": 2.8e7, "count 56": 56.0, "litres 75,000": 75_000.0}


def _cases(table: dict) -> list[tuple]:
    out = []
    for what, by_lang in table.items():
        for lang, answers in by_lang.items():
            for given in answers:
                out.append((what, lang, given))
    return out


def _exercise_cases(table: dict) -> list[tuple]:
    """(qid, lang, answer) for every exercise asking what a row of `table` asks."""
    out = []
    for what, lang, given in _cases(table):
        right = JUDGES[what][1] or FIGURES.get(what)
        if right is None or (isinstance(right, float) and (fmt.read(given) is None or fmt.read(given).unit)):
            continue
        out += [(qid, lang, given) for qid in _asking(right)]
    return out


@pytest.mark.parametrize(("what", "lang", "given"), _cases(ACCEPTED), ids=[f"{w}|{lang}|{g}" for w, lang, g in _cases(ACCEPTED)])
def test_natural_answers_are_accepted(what, lang, given):
    ok, why = JUDGES[what][0]()(given, lang)
    assert ok, f"{given!r} rejected: {why}"


EXERCISE_ACCEPTED = _exercise_cases(ACCEPTED)


@pytest.mark.parametrize(("qid", "lang", "given"), EXERCISE_ACCEPTED, ids=[f"{q}|{lang}|{g}" for q, lang, g in EXERCISE_ACCEPTED])
def test_every_exercise_asking_it_accepts_them(qid, lang, given):
    html = exercises.check(qid, given, lang).data
    assert "biomfg-check ok" in html, f"{qid}: {given!r} rejected: {html[-400:]}"


def test_the_issue_examples_reach_an_exercise():
    """The issue's examples are not only judged in the abstract: some exercise asks each of them today."""
    for right in ("qb3", "pilot_scale", "darwinian_sea", 2e7):
        assert _asking(right), f"no exercise has the answer {right!r} any more; choose another example"


def _names(table: str, lang: str, ids) -> list[str]:
    return [judges.name_of(table, KEYS[table], i, lang) for i in ids]


TYPES = ("platform_types", ("technology_innovation", "pilot_scale", "industry_incubation"))
UK = ("platforms", ("cpi", "biopilots_uk", "synbicite"))
US = ("platforms", ("abf", "biomade", "qb3", "indiebio"))
# what -> lang -> [(answer, the kind of reply, for an ambiguous answer the rows it could mean)]
REJECTED = {
    "QB3": {"en": [("IndieBio", "wrong", ()), ("the UK", "ambiguous", UK), ("US", "ambiguous", US),
                   ("Bio", "ambiguous", ("platforms", ("abf", "biomade", "qb3"))), ("nonsense", "unknown", ())],
            "zh": [("美国IndieBio", "wrong", ()), ("英国", "ambiguous", UK), ("美国", "ambiguous", US),
                   ("不知道", "unknown", ())]},
    "pilot-scale type": {"zh": [("孵化器", "wrong", ()), ("研发平台", "unknown", ()), ("平台", "ambiguous", TYPES)],
                         "en": [("incubator", "wrong", ()), ("accelerator", "unknown", ()), ("platform", "ambiguous", TYPES)]},
    "DTU Biosustain": {"zh": [("工艺创新中心", "wrong", ()),
                              ("中心", "ambiguous", ("platforms", ("cpi", "fraunhofer_cbp", "dtu_biosustain", "synbicite")))],
                       "en": [("Fraunhofer", "wrong", ())]},
    "Darwinian sea": {"en": [("the valley of death", "wrong", ())], "zh": [("“死亡谷”", "wrong", ())]},
    "USD 20,000,000": {"zh": [("200万", "wrong", ()), ("2亿", "wrong", ()), ("2000", "scale", ()),
                              ("2000万英镑", "unit", ()), ("2000万或3000万", "number", ()), ("很多", "number", ())],
                       "en": [("2 million", "wrong", ()), ("200 million", "wrong", ()), ("20", "scale", ()),
                              ("£20m", "unit", ()), ("twenty", "scale", ()), ("12.5%", "unit", ())]},
    "CNY 40 bn": {"zh": [("40亿", "wrong", ()), ("400亿美元", "unit", ())], "en": [("4 bn", "wrong", ())]},
    "count 56": {"zh": [("56%", "unit", ()), ("560", "wrong", ())], "en": [("5.6", "wrong", ())]},
    "months 4": {"zh": [("4年", "unit", ())], "en": [("40 months", "wrong", ())]},
    "GBP 28 m": {"zh": [("280万英镑", "wrong", ())], "en": [("$28m", "unit", ())]},
    "count 1,200": {"en": [("12,00", "wrong", ())]},
    "USD 2.5 bn": {"en": [("2.5 m", "wrong", ())]},
    "CNY 120,000,000": {"zh": [("12亿", "wrong", ())]},
}
REPLY = {  # words each kind of reply holds, by language
    "ambiguous": {"en": "could mean", "zh": "可能指"}, "unit": {"en": "unit", "zh": "单位"},
    "scale": {"en": "wrong size", "zh": "数量级"}, "number": {"en": "Give a number", "zh": "请给出一个数"},
    "unknown": {"en": "try one of", "zh": "可填"},
}


def _rejected() -> list[tuple]:
    return [(what, lang, given, kind, could) for what, by_lang in REJECTED.items()
            for lang, rows in by_lang.items() for given, kind, could in rows]


def _ids() -> set[str]:
    """The ids of the rows these answers name (qb3, abf, pilot_scale ...): none is an English word."""
    return {i for table, key in KEYS.items() for i in data.table(table)[key]}


def _latin_names() -> set[str]:
    """Latin words a Chinese reply may hold: those in the data's Chinese names and abbreviations (欧盟Pilots4U, QB3)."""
    words = set()
    for name in KEYS:
        frame = data.table(name)
        for col in ("name_zh", "abbr"):
            if col in frame:
                words.update(w for v in frame[col].dropna() for w in re.findall(r"[A-Za-z][A-Za-z0-9]*", str(v)))
    return words


def assert_told_why(why: str, given, lang: str):
    """A rejection's reply: one line, in the student's language, names and never ids, and more than a verdict."""
    text = re.sub(r"<[^>]+>", "", why).replace(str(given).strip(), " ")
    assert "\n" not in why, why
    assert not SNAKE.findall(text), f"an id in the reply: {why}"
    assert not set(re.findall(r"\b[a-z][a-z0-9_]*\b", text)) & _ids(), f"an id in the reply: {why}"
    if lang == "zh":
        assert CJK.search(text), why
        latin = set(re.findall(r"[A-Za-z][A-Za-z0-9]*", text)) - _latin_names() - set("ABCDEFGH")  # option letters
        assert not latin, f"English in a Chinese reply: {sorted(latin)} in {why}"
    else:
        assert not CJK.search(text.replace("亿", "")), f"Chinese in an English reply: {why}"
    assert len(text.strip()) >= (8 if lang == "zh" else 20), why


@pytest.mark.parametrize(("what", "lang", "given", "kind", "could"), _rejected(),
                         ids=[f"{r[0]}|{r[1]}|{r[2]}" for r in _rejected()])
def test_wrong_answers_stay_wrong_and_are_told_why_in_the_students_language(what, lang, given, kind, could):
    ok, why = JUDGES[what][0]()(given, lang)
    assert not ok, f"{given!r} accepted"
    assert_told_why(why, given, lang)
    if kind in REPLY:
        assert REPLY[kind][lang] in why, why
    if could:
        table, ids = could
        for name in _names(table, lang, ids):
            assert name in why, f"{name} missing from: {why}"


EXERCISE_REJECTED = _exercise_cases({w: {lang: [g for g, _, _ in rows] for lang, rows in by.items()}
                                     for w, by in REJECTED.items()})


@pytest.mark.parametrize(("qid", "lang", "given"), EXERCISE_REJECTED, ids=[f"{q}|{lang}|{g}" for q, lang, g in EXERCISE_REJECTED])
def test_every_exercise_asking_it_rejects_them_and_says_why(qid, lang, given):
    q = exercises.QUESTIONS[qid]
    ok, why = q.judge(given, q.answer(), lang)
    assert not ok, f"{qid}: {given!r} accepted"
    assert_told_why(why, given, lang)
    assert "biomfg-check no" in exercises.check(qid, given, lang).data


# every exercise whose answer is a row these tables name, or a large figure, accepts the name without its
# country, with an article and a full stop, full-width, in quotes; and the figure with its magnitude word
def _sweep() -> list[tuple]:
    out = []
    for qid, q in exercises.QUESTIONS.items():
        right = q.answer()
        for table, key in KEYS.items():
            frame = data.table(table).set_index(key)
            if isinstance(right, str) and right in frame.index:
                zh, en = str(frame.loc[right, "name_zh"]), str(frame.loc[right, "name_en"])
                bare = re.sub(r"^(美国|英国|丹麦|荷兰|德国|欧盟|欧洲|比利时)\s*", "", zh)
                out += [(qid, "zh", bare), (qid, "zh", f"“{zh}”。"), (qid, "en", f"the {en}."),
                        (qid, "en", unicodedata.normalize("NFKC", en).upper().translate(FULL_WIDTH)), (qid, "en", f"  {en}  ")]
        if isinstance(right, int | float) and not isinstance(right, bool) and right >= 1e4:
            out += [(qid, "zh", fmt.scaled(right, "zh")), (qid, "en", fmt.scaled(right, "en"))]
    return out


FULL_WIDTH = {c: c + 0xFEE0 for c in range(0x21, 0x7F)}
SWEEP = _sweep()


@pytest.mark.parametrize(("qid", "lang", "given"), SWEEP, ids=[f"{q}|{lang}|{g}" for q, lang, g in SWEEP])
def test_every_name_and_figure_exercise_reads_answers_as_written(qid, lang, given):
    html = exercises.check(qid, given, lang).data
    assert "biomfg-check ok" in html, f"{qid}: {given!r} rejected: {html[-400:]}"


def test_a_bare_country_with_one_platform_is_still_not_a_name():
    m = resolve("丹麦", data.platforms(), "platform_id", also=("abbr",), partial=True)
    assert m.id is None and m.candidates == ("dtu_biosustain",)


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("2000万", 2e7, None), ("2 000万美元", 2e7, "USD"), ("400亿", 4e10, None), ("2000万美元", 2e7, "USD"),
    ("1.2亿", 1.2e8, None), ("1.2万亿元", 1.2e12, "CNY"), ("5百万", 5e6, None), ("2千万英镑", 2e7, "GBP"),
    ("7.5万升", 75_000, "L"), ("20 million", 2e7, None), ("$20m", 2e7, "USD"), ("20 M", 2e7, None),
    ("2.5 bn", 2.5e9, None), ("1,200", 1200, None), ("2,9", 2.9, None), ("12.5%", 12.5, "percent"),
    ("两千万", 2e7, None), ("四个月", 4, "months"), ("£28m", 2.8e7, "GBP"), ("40 billion yuan", 4e10, "CNY"),
])
def test_one_reader_for_every_figure(text, value, unit):
    r = fmt.read(text)
    assert r is not None and abs(r.value - value) <= 1e-9 * value and r.unit == unit


@pytest.mark.parametrize("text", ["nonsense", "", "2000万或3000万", "1,2345", True, {"nope": 1}, None, "twenty or thirty",
                                  "nan"])
def test_the_reader_finds_no_figure_where_there_is_none_or_two(text):
    assert fmt.read(text) is None


def test_every_numeric_judge_reads_magnitudes():
    """The topic modules' own judges read figures with the one reader: a whole number with its measure word and
    a magnitude, and an amount in 亿."""
    assert judges.as_int("2000万") == 20_000_000 and judges.as_int("56个") == 56 and judges.as_int("2.5") is None
    assert judges.read_number("400亿元", "CNY") == 4e10 and judges.read_number("400亿美元", "CNY") is None


def _copy(tmp_path):
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    return copy


def test_an_alias_is_a_name_its_quote_uses_or_a_stated_translation(tmp_path):
    copy = _copy(tmp_path)
    path = copy / "aliases.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    fields = list(rows[0])
    rows.append({**rows[0], "alias": "中试大平台", "note": "made up"})  # not in its quote, not said to be editorial
    rows.append({**rows[0], "table": "barriers", "alias": "中试平台2"})  # pilot_scale is not a barrier
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fields)
        w.writeheader()
        w.writerows(rows)
    problems, _ = validate.check(copy, SEEDS)
    assert any("aliases.csv" in p and "'中试大平台' is not in its quote" in p for p in problems), problems
    assert any("aliases.csv" in p and "'pilot_scale' is not a row of barriers" in p for p in problems), problems
    assert not [p for p in validate.check(DATA, SEEDS)[0] if "aliases.csv" in p]


# --- what students naturally write, from a walk-through (R3), and what must stay wrong ---------------------------

def _check(qid: str, given, lang: str) -> tuple[bool, str]:
    html = exercises.check(qid, given, lang).data
    return "biomfg-check ok" in html, re.sub(r"<[^>]+>", "", html.split("</style>", 1)[1])


def _right_letter_form(form: str):
    """`form` with the question's right letter in it ('答案是{}' -> '答案是C'), for questions whose letter varies."""
    return lambda qid: form.format(exercises.QUESTIONS[qid].answer())


WALK_ACCEPTED = [
    # 1: a recommendation as the lesson prints it
    *[("10-q1", "zh", g) for g in ("（2）平台支撑", "2 · 平台支撑", "第2条", "第二条", "2号", "建议2", "（2）", "2", "平台支撑")],
    *[("10-q1", "en", g) for g in ("2 platform support", "2 · platform support", "recommendation 2", "#2", "platform support")],
    ("10-q4", "zh", "第5条"), ("10-q5", "zh", "第一条"), ("10-q4", "en", "recommendation 5"), ("10-q5", "en", "#1"),
    # 5: letters as students write them
    *[(q, "zh", _right_letter_form("答案是{}")) for q in ("00-q3", "00-q4", "01-q2", "04-q4")],
    *[("01-q3", "zh", g) for g in ("C项", "C选项", "C达尔文死海", "C 达尔文死海", "选C，达尔文死海", "选项C", "C、达尔文死海",
                                    "C：达尔文死海")],
    ("01-q3", "en", "C Darwinian sea"), ("01-q3", "en", "answer C"), ("01-q2", "en", "a pilot-scale platform"),
    # 6: short paraphrases of the right option (its names)
    *[("02-q3", "zh", g) for g in ("币种不同", "一个是美元一个是英镑", "货币")],
    *[("02-q3", "en", g) for g in ("USD and GBP", "the currencies differ", "currency")],
    *[(q, "zh", g) for q in ("03-q5", "05-q5") for g in ("口径不同", "范围不同")],
    *[(q, "en", "different units") for q in ("03-q5", "05-q5")],
    ("05-q4", "zh", "上限"), ("05-q4", "en", "it is an upper bound"),
    ("08-q4", "zh", "一个是累计数"), ("08-q4", "en", "one is cumulative"),
    ("02-q4", "zh", "人才培养"), ("02-q4", "zh", "人才"), ("02-q4", "en", "talent pool"), ("02-q4", "en", "talent"),
    ("03-q2", "zh", "不对外开放"), ("03-q2", "en", "they are closed"),
    ("04-q5", "zh", "只是例子"), ("04-q5", "zh", "不能，只是举例"), ("04-q5", "en", "no, only examples"),
    ("04-q5", "en", "only examples"),
    # 7: names
    *[(q, "zh", g) for q in ("01-q1", "01-q3", "08-q5") for g in ("达尔文之海", "达尔文海")],
    *[(q, "en", "Darwin sea") for q in ("01-q1", "01-q3", "08-q5")],
    ("07-q4", "zh", "死亡之谷"),
    *[("06-q2", "zh", g) for g in ("生物医药和大健康", "生物医药与大健康产业", "生物医药产业")],
    ("06-q2", "en", "biopharma"), ("06-q2", "en", "biomedical"),
    ("07-q2", "en", "West Lake District"), ("07-q2", "zh", "杭州市西湖区"), ("07-q2", "en", "Xihu district, Hangzhou"),
    ("07-q2", "en", "Hangzhou Xihu District"),
    ("09-q2", "zh", "深圳"), ("09-q2", "zh", "河套地区"), ("09-q2", "en", "Shenzhen"),
    ("08-q3", "en", "Chi-Med"), ("08-q3", "zh", "和黄医药（HUTCHMED）"), ("08-q3", "en", "Hutchmed (China)"),
    ("00-q2", "en", "QB3 (2000)"), ("00-q2", "zh", "加州QB3"), ("00-q2", "zh", "QB3（2000年）"), ("03-q3", "en", "BioMADE (US)"),
    # 8: 10-q3 keys as the lesson writes them
    ("10-q3", "en", {"1 innovation leadership": 1, "2 platform support": 1, "4 capability enhancement": 1}),
    ("10-q3", "zh", {"（1）创新引领": 1, "（2）平台支撑": 1, "（4）能力提升": 1}),
    ("10-q3", "zh", {"第1条": 1, "第二条": 1, "建议4": 1}),
    # 9: both open gaps at once; a paraphrase of one
    ("10-q2", "en", "overcapacity in bulk products, environmental challenges"), ("10-q2", "zh", "产能过剩和环保"),
    ("10-q2", "en", "environmental problems"), ("10-q2", "zh", "环保问题"),
    # 10: English number words (and the Chinese that already passed)
    ("05-q2", "en", "twenty-two"), ("09-q3", "en", "thirty-four"), ("06-q1", "en", "nineteen"),
    ("02-q1", "en", "twenty million"), ("06-q1", "zh", "十九个"), ("09-q3", "zh", "三十四家"),
    # 11: a volume in cubic metres
    ("02-q2", "en", "75 cubic metres"), ("02-q2", "en", "75 m3"), ("02-q2", "en", "75 m³"), ("02-q2", "zh", "75立方米"),
    # 12: shown working
    ("06-q1", "en", "12 + 7 = 19"), ("05-q2", "en", "6 + 5 + … = 22"), ("05-q2", "zh", "6+5+4+7=22"),
    ("00-q1", "en", "4 (BioMADE, Pilots4U, …)"), ("00-q1", "zh", "4个（BioMADE、Pilots4U等）"),
]


def _walk_ids(rows):
    return [f"{q}|{lang}|{g if isinstance(g, str) else getattr(g, '__name__', g)}" for q, lang, g in rows]


@pytest.mark.parametrize(("qid", "lang", "given"), WALK_ACCEPTED, ids=_walk_ids(WALK_ACCEPTED))
def test_what_students_naturally_write_is_accepted(qid, lang, given):
    given = given(qid) if callable(given) else given
    ok, why = _check(qid, given, lang)
    assert ok, f"{qid}: {given!r} rejected: {why}"


# (qid, lang, answer, words the reply holds): a single word of an option, or a yes or no that fits two options,
# is never taken for an option; the reply asks for more, in the student's language
MORE = {"en": "Be more specific", "zh": "请写得更具体些"}
WALK_REJECTED = [
    # 2: one word of the right option's words
    *[("06-q4", "en", g, MORE["en"]) for g in ("what", "only", "value")],
    *[("06-q4", "zh", g, MORE["zh"]) for g in ("价值",)],
    ("08-q1", "en", "drug", MORE["en"]), ("08-q1", "en", "step", MORE["en"]), ("08-q4", "en", "year", MORE["en"]),
    ("05-q4", "en", "most", MORE["en"]), ("03-q2", "en", "firms", MORE["en"]), ("03-q2", "zh", "企业", MORE["zh"]),
    ("00-q3", "en", "industry", MORE["en"]), ("00-q3", "zh", "产业", MORE["zh"]),
    ("09-q1", "en", "projects", MORE["en"]), ("09-q1", "zh", "项目", MORE["zh"]),
    ("04-q5", "en", "examples", MORE["en"]), ("04-q5", "zh", "例子", MORE["zh"]),
    ("10-q4", "en", "building", MORE["en"]), ("10-q4", "zh", "生态", MORE["zh"]),
    ("01-q2", "en", "platform", "is not one of the options"),
    # 3: the letter and the words disagree
    ("01-q3", "en", "C) valley of death", "disagree"), ("01-q3", "en", "B) Darwinian sea", "disagree"),
    ("00-q3", "zh", "C．中试放大平台", "不一致"), ("01-q3", "zh", "B．达尔文死海", "不一致"),
    # 4: yes or no
    ("04-q5", "en", "no", "B and C both say “no”"), ("04-q5", "zh", "不能", "B、C都说“不能”"),
    ("04-q5", "zh", "不是", "B、C都说“不能”"),
    ("06-q4", "en", "no", "alone does not answer"), ("06-q4", "zh", "不是", "还不够"),
    # 1: a number and a name that disagree
    ("10-q1", "en", "2 policy guidance", "is not a recommendation"), ("10-q1", "zh", "第九条", "请填建议的编号或名称"),
    # 8: a list is no mix
    ("10-q3", "en", [1, 2, 4], "a mix gives each recommendation a weight"),
    ("10-q3", "zh", [1, 2, 4], "给每条建议一个权重"), ("10-q3", "en", (1, 2), "{1: 1, 2: 1}"),
    # 9: two gaps, one of them addressed
    ("10-q2", "en", "overcapacity in bulk products, broken bridge", "one at a time"),
    ("10-q2", "zh", "产能过剩和断桥", "一次只填一项"),
    # 11: a question in months gives examples in months
    ("04-q1", "zh", "半年", "6个月"), ("04-q1", "en", "half a year", "months"),
]


@pytest.mark.parametrize(("qid", "lang", "given", "said"), WALK_REJECTED, ids=_walk_ids([r[:3] for r in WALK_REJECTED]))
def test_a_stray_word_a_bare_no_or_a_disagreement_is_not_accepted_and_the_reply_says_why(qid, lang, given, said):
    ok, why = _check(qid, given, lang)
    assert not ok, f"{qid}: {given!r} accepted: {why}"
    assert said in why, why
    assert "\n" not in why and (CJK.search(why) if lang == "zh" else not CJK.search(why)), why


def test_yes_or_no_is_read_alike_in_both_languages():
    """Where one option says yes, yes takes it in either language; where none says yes or no, neither does."""
    for lang, yes in (("en", "yes"), ("zh", "能"), ("zh", "是")):
        ok, why = _check("04-q5", yes, lang)
        assert not ok and why.split("——" if lang == "zh" else " — ", 1)[1].startswith("A"), why
    replies = {lang: _check("06-q4", no, lang)[1] for lang, no in (("en", "no"), ("zh", "不是"))}
    assert "(A, B, C, D)" in replies["en"] and "（A、B、C、D）" in replies["zh"], replies


def test_a_conversion_is_stated_and_a_wrong_size_is_still_told():
    assert "75 cubic metres is 75,000 L" in _check("02-q2", "75 cubic metres", "en")[1]
    assert "75立方米即7.5万升" in _check("02-q2", "75立方米", "zh")[1]
    assert "wrong size" in _check("02-q2", "75", "en")[1]  # the bare digits are still a slip of magnitude
    assert fmt.read("75 m3").converted == "m3" and fmt.read("75,000 L").converted == ""


@pytest.mark.parametrize(("text", "value"), [
    ("twenty million", 2e7), ("twenty-two", 22), ("nineteen", 19), ("thirty-four", 34), ("twenty", 20),
    ("one hundred and five", 105), ("about twenty-two firms", 22), ("12 + 7 = 19", 19), ("6 + 5 + … = 22", 22),
    ("4 (BioMADE, Pilots4U, …)", 4), ("75 m3", 75_000), ("75 cubic metres", 75_000), ("75立方米", 75_000),
])
def test_the_reader_reads_number_words_conversions_and_shown_working(text, value):
    r = fmt.read(text)
    assert r is not None and abs(r.value - value) <= 1e-9 * value, (text, r)


def test_the_give_a_number_reply_fits_the_questions_unit():
    months, litres = _check("04-q1", "半年", "zh")[1], _check("02-q2", "lots", "en")[1]
    assert "个月" in months and "万" not in months and "亿" not in months, months
    assert "litres" in litres and "bn" not in litres, litres


def test_mix_replies_have_no_space_before_their_full_stop():
    for lang in ("en", "zh"):
        for given in ("not a mix", [1, 2, 4], {"x": 1}):
            why = _check("10-q3", given, lang)[1]
            assert not re.search(r"\s[.。]", why), why
            if lang == "zh":
                assert not re.search(r"[\u3400-\u9fff] [{<A-Za-z0-9]", why), why  # no space between Chinese and Latin


def test_every_lettered_prompt_ends_with_the_hint_once_and_ids_read_alike():
    hint = {lang: i18n.t("ex_letter_hint", lang) for lang in ("en", "zh")}
    for qid, q in exercises.QUESTIONS.items():
        for lang in ("en", "zh"):
            html = exercises.ask(qid, lang).data
            assert html.startswith(f"<p><b>{qid}</b>{'：' if lang == 'zh' else ': '}"), html[:80]
            asked = i18n.t(q.prompt, lang)
            assert "Answer with a letter" not in asked and "填字母" not in asked, f"{qid}: the prompt carries the hint"
            if q.options is not None:
                prompt = html.split("</p>", 1)[0]
                assert prompt.endswith(escape(hint[lang])) and prompt.count(escape(hint[lang])) == 1, prompt[-120:]


def test_the_05_q1_ratio_counts_alike():
    why = _check("05-q1", exercises.QUESTIONS["05-q1"].answer(), "zh")[1]
    assert re.search(r"\d+ ÷ \d+", why) and not re.search(r"\d[个家] ÷|÷ \d+[个家]", why), why


def _single_words(label: str, lang: str) -> set[str]:
    """An option's single words: English words; Chinese two-character pieces (a word, most often)."""
    if lang == "en":
        return {w for w in fold(label).split() if len(w) > 1}
    chars = lettered._norm(label)
    return {chars[i:i + 2] for i in range(len(chars) - 1) if CJK.fullmatch(chars[i]) and CJK.fullmatch(chars[i + 1])}


def _listed() -> set[str]:
    """Every name an option may be listed under: OPTION_NAMES, data/aliases.csv, the recommendations' numbers and
    names (10-q4 and 10-q5 take those)."""
    names = [n for ns in lettered.OPTION_NAMES.values() for n in ns] + [n for ns in aliases().values() for n in ns]
    recs = data.table("recommendations")
    names += [str(x) for c in ("order", "name_zh", "name_en") for x in recs[c]]
    return {lettered._norm(n) for n in names}


LETTERED = [qid for qid, q in exercises.QUESTIONS.items() if q.options is not None]


@pytest.mark.parametrize("qid", LETTERED)
def test_no_single_word_of_the_right_option_is_taken_for_it(qid):
    """For every lettered question, in both languages: each single word of the right option's words, unless it is
    all of them or a listed name of an option, is not accepted, in either language."""
    q = exercises.QUESTIONS[qid]
    right, listed, taken = LETTERS.index(q.answer()), _listed(), []
    for lang in ("en", "zh"):
        label = unescape(q.options(lang)[right])
        for word in sorted(_single_words(label, lang)):
            if lettered._norm(word) in listed or lettered._norm(word) == lettered._norm(label):
                continue
            taken += [(lang, word) for reply_lang in ("en", "zh") if _check(qid, word, reply_lang)[0]]
    assert not taken, f"{qid}: single words accepted for the right option: {taken}"
