"""Seed 002's passages that issue 15 brought from data/ to the lessons: the introduction (01), what a
successful platform needs and how pilot platforms are run (01, 03), and where China stands and how its
policy got there (05). Each view is read from data/: change a row in a copy and the text follows."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import nbformat
import pytest

from biomfg import data, fmt, model, prose
from biomfg.model.facts import fact

ROOT = Path(__file__).resolve().parents[1]


def _text(html) -> str:
    html = getattr(html, "data", html)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", re.sub(r"<style>.*?</style>", "", html, flags=re.S)))


@pytest.mark.parametrize(("type_id", "kind", "indicator"), [("technology_innovation", "core_function", "core_function_count"),
                                                             ("pilot_scale", "key_element", "success_element_count")])
def test_each_counted_list_has_as_many_rows_as_the_article_counts(type_id, kind, indicator):
    rows = model.barriers.platform_traits(type_id, kind)
    assert len(rows) == fact(type_id, indicator)["value"]
    assert rows["name_zh"].notna().all() and rows["detail_en"].notna().all()  # glossary fills the rows that point at a term


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_trait_and_standing_item_reaches_the_text(lang):
    traits = _text(prose.platforms.traits(None, lang)) + _text(prose.platforms.operating_models(lang))
    for name in model.barriers.platform_traits()[f"name_{lang}"]:
        assert name[1:] in traits  # the first letter is capitalised in English
    standing = _text(prose.china.standing(lang))
    for name in data.table("china_standing")[f"name_{lang}"]:
        assert name[1:] in standing
    assert ("全球首个" if lang == "zh" else "the world’s first") in standing


def test_the_introduction_states_the_plan_length_as_the_article_writes_it():
    years = int(fact("uk_national_vision_engineering_biology", "plan_duration")["value"])
    assert f"{fmt.zh_numeral(years)}年战略计划" in _text(prose.barriers.introduction("zh"))
    assert f"a {years}-year strategic plan" in _text(prose.barriers.introduction("en"))


def test_the_policy_history_puts_dated_steps_first_in_order():
    ev = model.china.policy_history()
    years = [int(y) for y in ev["year"].dropna()]
    assert years == sorted(years) and years[0] == 2007
    assert ev["year"].isna().tolist() == sorted(ev["year"].isna().tolist())  # undated ones last
    text = _text(prose.china.policy_history("en"))
    assert text.index("2007") < text.index("no date given")


def test_a_changed_row_reaches_the_text(tmp_path, monkeypatch):
    copy = tmp_path / "data"
    shutil.copytree(data.data_dir(), copy)
    facts = (copy / "facts.csv").read_text(encoding="utf-8")
    row = next(line for line in facts.splitlines() if ",uk_national_vision_engineering_biology,plan_duration,10," in line)
    (copy / "facts.csv").write_text(facts.replace(row, row.replace(",plan_duration,10,", ",plan_duration,12,")),
                                    encoding="utf-8")
    standing = (copy / "china_standing.csv").read_text(encoding="utf-8")
    (copy / "china_standing.csv").write_text(standing.replace(",industrial enzymes,", ",speciality enzymes,"),
                                             encoding="utf-8")
    monkeypatch.setenv("BIOMFG_DATA", str(copy))
    assert "a 12-year strategic plan" in _text(prose.barriers.introduction("en"))
    assert "十二年战略计划" in _text(prose.barriers.introduction("zh"))
    assert "speciality enzymes" in _text(prose.china.standing("en"))


@pytest.mark.parametrize(("notebook", "calls"), [
    ("01_three_barriers", ["prose.barriers.introduction(lang)", "prose.platforms.traits(None, lang)"]),
    ("03_pilot_scale_platforms", ['prose.platforms.traits("pilot_scale", lang)', "prose.platforms.operating_models(lang)"]),
    ("05_china_status_and_gaps", ["prose.china.policy_history(lang)", "prose.china.standing(lang)"]),
])
def test_the_lessons_that_own_the_passages_call_the_views(notebook, calls):
    nb = nbformat.read(ROOT / "notebooks" / f"{notebook}.ipynb", 4)
    sources = [c.source for c in nb.cells if c.cell_type == "code"]
    for call in calls:
        assert call in sources
