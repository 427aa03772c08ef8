"""biomfg.figures: the figures a Chinese quote states, so validate can hold every value to its words."""

from __future__ import annotations

from decimal import Decimal

import pytest

from biomfg import figures


@pytest.mark.parametrize("text, value", [
    ("十", 10), ("十二", 12), ("二十", 20), ("二十三", 23), ("百", 100), ("三千万", 30_000_000),
    ("千亿", 100_000_000_000), ("十亿", 1_000_000_000), ("一亿二千万", 120_000_000), ("万亿", 10**12), ("两", 2),
])
def test_chinese_numerals(text, value):
    assert figures.chinese_number(text) == value


def test_not_a_numeral_is_refused():
    with pytest.raises(ValueError, match="not a Chinese numeral"):
        figures.chinese_number("十年")


@pytest.mark.parametrize("quote, value", [
    ("地区生产总值达3686亿元", 368_600_000_000),
    ("年产量超过 7 000 … 万吨", 70_000_000),  # the quote separator falls between number and magnitude
    ("资助超2 000万美元", 20_000_000),
    ("国家级孵化器1,953家", 1953),
    ("增长5.16%", 5.16),
    ("为合成生物制造产业设定了十年战略计划", 10),
    ("产值首次突破千亿元", 100_000_000_000),
    ("2/3的全球药械20强企业", 2 / 3),
    ("宣布完成逾亿元B1 轮市场化融资", 100_000_000),
])
def test_a_quote_states_its_figure(quote, value):
    assert figures.states(quote, value)


@pytest.mark.parametrize("quote, value", [
    ("地区生产总值达3686亿元", 368_700_000_000),  # one digit off
    ("地区生产总值达3686亿元", 3_686_000_000),  # the wrong magnitude
    ("增长5.16%", 5.61),
    ("2/3的全球药械20强企业", 0.67),  # rounded
])
def test_a_quote_does_not_state_a_wrong_figure(quote, value):
    assert not figures.states(quote, value)


def test_stated_lists_numbers_with_and_without_magnitude():
    assert {Decimal(3686), Decimal(368_600_000_000)} <= figures.stated("3686亿元")
