"""fmt: numbers as people read them, never rounded, qualifiers kept; Chinese units round-trip."""

import pytest

from biomfg import fmt


@pytest.mark.parametrize(
    ("value", "unit", "qualifier", "zh", "en"),
    [
        (368600000000, "CNY", "", "3686亿元", "CNY 368.6 bn"),
        (41110000000, "CNY", "", "411.1亿元", "CNY 41.11 bn"),
        (20000000, "USD", "", "2000万美元", "USD 20 m"),
        (20000000, "USD", "nearly", "近2000万美元", "nearly USD 20 m"),
        (500000, "USD", "", "50万美元", "USD 500,000"),
        (28000000, "GBP", "", "2800万英镑", "GBP 28 m"),
        (10000000000000, "CNY", "more_than", "超10万亿元", "more than CNY 10 tn"),
        (5.16, "percent", "", "5.16%", "5.16%"),
        (1953, "count", "", "1953", "1,953"),
        (100, "count", "or_more", "100以上", "100 or more"),
        (9000, "L", "", "9000升", "9,000 L"),
        (100000000, "doses", "up_to", "最高1亿剂", "up to 100 million doses"),
        (70, "percent", "about", "约70%", "about 70%"),
        (4, "rank", "", "第四", "4th"),
        (23, "rank", "", "第23", "23rd"),
        (4, "rank", "up_to", "前四", "among the top four"),  # 居全国前四 (issue 15: never "up to 4th")
        (5, "rank", "up_to", "前五", "among the top five"),  # 全球五大…之一
        (10000, "t", "class", "万吨级", "10,000-tonne class"),  # 万吨级 (issue 15: never a bare "10,000 t")
        (10, "count", "per_year", "每年10个", "10 a year"),  # 每年力争10个项目: a yearly figure, not a total
        (12, "count", "range_low", "12（区间下限）", "12 (low end of a range)"),
        (6, "months", "range_high", "6个月（区间上限）", "6 months (high end of a range)"),
        (2 / 3, "fraction", "", "2/3", "2/3"),
        (17, "grade", "", "17级", "grade 17"),
    ],
)
def test_number_in_both_languages(value, unit, qualifier, zh, en):
    assert fmt.number(value, unit, "zh", qualifier) == zh
    assert fmt.number(value, unit, "en", qualifier) == en


@pytest.mark.parametrize("text", ["3686亿元", "411.1亿元", "5.16%", "超2000万美元", "近2000万美元", "约1.2万亿元",
                                  "9000升", "100以上", "最高1亿剂", "1953", "不足5%", "2.5万"])
def test_chinese_units_round_trip(text):
    value, unit, qualifier = fmt.parse_zh(text)
    assert fmt.number(value, unit, "zh", qualifier) == text


def test_parse_ignores_extraction_spaces_and_normalises_units():
    assert fmt.parse_zh("2 000万美元") == (20000000.0, "USD", "")
    assert fmt.parse_zh("3686亿元") == (368600000000.0, "CNY", "")
    assert fmt.parse_zh("逾56家"[:-1]) == (56.0, "count", "more_than")


def test_no_rounding_and_no_float_noise():
    assert fmt.number(123456789, "CNY", "zh") == "1.23456789亿元"
    assert fmt.number(0.1 + 0.2, "percent", "en") == "0.30000000000000004%"  # shows what is stored
    assert fmt.percent(56, 1953) == "2.9%"


@pytest.mark.parametrize(("call", "needle"), [
    (lambda: fmt.number(1, "parsecs", "en"), "unit='parsecs'"),
    (lambda: fmt.number(1, "count", "fr"), "lang='fr'"),
    (lambda: fmt.number(1, "count", "en", "roughly"), "qualifier='roughly'"),
    (lambda: fmt.parse_zh("很多"), "很多"),
    (lambda: fmt.number(None, "count", "en"), "missing"),
])
def test_bad_input_gets_one_clear_line(call, needle):
    with pytest.raises(ValueError) as err:
        call()
    message = str(err.value)
    assert needle in message and "\n" not in message


@pytest.mark.parametrize(("n", "zh"), [(0, "零"), (3, "三"), (7, "七"), (10, "十"), (11, "十一"), (20, "二十"),
                                       (23, "二十三"), (100, "一百"), (105, "一百零五"), (110, "一百一十"),
                                       (2025, "二千零二十五"), (1953, "一千九百五十三")])
def test_chinese_numerals_as_set_phrases_write_them(n, zh):
    assert fmt.zh_numeral(n) == zh


def test_two_before_a_measure_word_is_liang_and_bad_input_is_named():
    assert fmt.zh_numeral(2) == "二" and fmt.zh_numeral(2, before_measure=True) == "两"
    with pytest.raises(ValueError, match="n=-1"):
        fmt.zh_numeral(-1)
    with pytest.raises(ValueError, match="n=2.5"):
        fmt.zh_numeral(2.5)


@pytest.mark.parametrize(("value", "measure", "qualifier", "zh", "en"), [
    (20, "家", "or_more", "20家以上", "20 or more"),
    (60, "个", "more_than", "超60个", "more than 60"),
    (5, "项", "about", "约5项", "about 5"),
    (15000, "家", "", "1.5万家", "15,000"),
])
def test_counts_carry_their_measure_word_before_the_qualifier_suffix(value, measure, qualifier, zh, en):
    assert fmt.count(value, measure, "zh", qualifier) == zh
    assert fmt.count(value, measure, "en", qualifier) == en


def test_set_phrases_in_chinese_use_numerals():
    assert fmt.set_phrase(3, "大产业", "zh") == "三大产业"
    assert fmt.set_phrase(7, "条建议", "zh") == "七条建议"
    assert fmt.set_phrase(3, "大产业", "en", "industries") == "3 industries"


@pytest.mark.parametrize(("low", "high", "unit", "zh", "en"), [
    (12, 15, "count", "12至15", "12–15"),  # BioMADE: 12—15个 sites
    (3, 6, "months", "3至6个月", "3–6 months"),  # Paxlovid: 提前3至6个月
    (1e9, 2e9, "CNY", "10至20亿元", "CNY 1–2 bn"),
    (200, 75000, "L", "200至7.5万升", "200–75,000 L"),
])
def test_a_range_is_one_figure_with_its_unit_once(low, high, unit, zh, en):
    assert fmt.span(low, high, unit, "zh") == zh
    assert fmt.span(low, high, unit, "en") == en


def test_a_streak_of_first_places_reads_as_the_source_writes_it():
    """八连冠 is eight first places in a row, not a multiple ('8倍' / '8×' read as 'eight times as much')."""
    assert fmt.number(8, "streak", "zh") == "八连冠"
    assert fmt.number(8, "streak", "en") == "first 8 times in a row"
    assert fmt.number(3, "times", "zh") == "3倍"


# --- issue 15: a count fact in Chinese takes its indicator's measure word -----------------------------

@pytest.mark.parametrize(("row", "zh", "en"), [
    ({"value": 25000, "unit": "count", "qualifier": "more_than", "measure_zh": "件"}, "超2.5万件", "more than 25,000"),
    ({"value": 22, "unit": "count", "qualifier": None, "measure_zh": "个"}, "22个", "22"),
    ({"value": 4, "unit": "count", "qualifier": "", "measure_zh": "家"}, "4家", "4"),
    ({"value": 20, "unit": "count", "qualifier": "or_more", "measure_zh": "家"}, "20家以上", "20 or more"),
    ({"value": 10, "unit": "count", "qualifier": "per_year", "measure_zh": "个"}, "每年10个", "10 a year"),
    ({"value": 7, "unit": "count", "qualifier": ""}, "7", "7"),  # no measure word known: the bare figure
    ({"value": 5.16, "unit": "percent", "qualifier": "", "measure_zh": "个"}, "5.16%", "5.16%"),  # not a count
])
def test_a_count_fact_carries_its_measure_word_in_chinese_only(row, zh, en):
    assert fmt.fact(row, "zh") == zh
    assert fmt.fact(row, "en") == en


def test_a_counted_range_writes_its_measure_word_once_in_chinese():
    assert fmt.span(12, 15, "count", "zh", "个") == "12至15个"
    assert fmt.span(12, 15, "count", "en", "个") == "12–15"
    assert fmt.span(12, 15, "count", "zh") == "12至15"  # no measure word known
