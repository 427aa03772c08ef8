"""Issue 16: every chart says what it shows in words too, in its own language: the Vega-Lite top-level
`description` (vega-embed makes it the SVG's ARIA label), computed from the rows the chart plots."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from biomfg import charts, data, fmt
from biomfg.charts.base import description

import reader

ID = re.compile(r"\b[a-z0-9]+(?:_[a-z0-9]+)+\b")  # a snake_case token: an id, never a name
ENGLISH = re.compile(r"[A-Za-z]{3,}(?:[ ,'-]+[A-Za-z]+){3,}")  # four Latin words in a row: an English sentence
HAN = re.compile(r"[\u4e00-\u9fff]")


def _charts(lang: str):
    for index in range(len(reader.PAGES)):
        bundles, _ = reader.shown(index, lang)
        for where, bundle in bundles:
            key = next((k for k in bundle if k.startswith(reader.CHART)), None)
            if key:
                yield where, bundle[key]


def _latin_names() -> list[str]:
    """Names data/ writes in Latin letters in Chinese too (BioPilots UK): not English sentences."""
    return sorted((n for n in reader.data_names()["names"] if not HAN.search(n)), key=len, reverse=True)


@pytest.mark.parametrize("lang", reader.LANGS)
def test_every_chart_the_lessons_and_briefings_draw_says_what_it_shows(lang):
    seen, bad = 0, []
    names = _latin_names()
    for where, spec in _charts(lang):
        seen += 1
        text = spec.get("description")
        if not isinstance(text, str) or len(text.strip()) < 12:
            bad.append(f"{where}: no description")
            continue
        if ID.search(text):
            bad.append(f"{where}: an id in {text!r}")
        if lang == "zh":
            plain = text
            for n in names:
                plain = plain.replace(n, "")
            if not HAN.search(text) or ENGLISH.search(plain):
                bad.append(f"{where}: English in the Chinese description {text!r}")
        elif HAN.search(text):
            bad.append(f"{where}: Chinese in the English description {text!r}")
    assert seen > 20, f"only {seen} charts harvested in {lang}"
    assert not bad, "\n".join(bad)


def _rows() -> pd.DataFrame:
    """Three facts of one measure about three entities, as data.facts() gives them."""
    facts = data.facts()
    counts = facts[(facts["unit"] == "CNY") & (facts["kind"] == "actual") & facts["qualifier"].isna()]
    rows = counts.drop_duplicates("entity_id").head(3).copy()
    assert len(rows) == 3
    return rows.assign(indicator=rows["indicator"].iloc[0], indicator_en=rows["indicator_en"].iloc[0],
                       indicator_zh=rows["indicator_zh"].iloc[0], value=[3e9, 7e9, 5e9])


@pytest.mark.parametrize("lang", reader.LANGS)
def test_the_description_names_the_largest_and_smallest_figure_as_the_chart_labels_them(lang):
    rows = _rows()
    chart = charts.facts.facts_by_unit(rows, lang, "T")
    text = chart.to_dict()["description"]
    names = data.entity_names().drop_duplicates("entity_id").set_index("entity_id")[f"name_{lang}"]
    top, bottom = rows.iloc[1], rows.iloc[0]
    assert text.startswith({"en": "Bar chart: T.", "zh": "条形图：T。"}[lang])
    assert str(names[top["entity_id"]]) in text and str(names[bottom["entity_id"]]) in text
    assert fmt.fact(top, lang) in text and fmt.fact(bottom, lang) in text
    assert text.index(str(names[top["entity_id"]])) < text.index(str(names[bottom["entity_id"]]))  # largest first
    assert ("3 figures" if lang == "en" else "共3个数值") in text
    assert not ID.search(text)


def test_the_description_follows_the_rows_and_refuses_an_unknown_kind():
    rows = _rows()
    one = description("bar", "T", rows.head(2), "en")
    assert "2 figures" in one and description("bar", "T", rows, "en") != one
    assert description("table", "T", rows.head(1), "zh").startswith("数值表：T。1个数值：")
    with pytest.raises(ValueError, match="kind"):
        description("pie", "T", rows, "en")
