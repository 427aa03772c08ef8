"""Issue 16, the reviewer's faults in the rendered briefings (rev16), each fixed at its root: a summary that
said "no money figure" beside a money target; a planned investment shown as a reported one; figures with a
stated period counted as undated; years marked inferred that the seed states in the same sentence; the
overview dropping a period and an exclusion; and the briefing's map legend pointing to notebooks."""

from __future__ import annotations

import json
import re

import pytest
from test_briefing_content import SUBJECTS, _text

from biomfg import charts, data, fmt
from biomfg.i18n import LANGS
from biomfg.model import brief as model
from biomfg.model import cases
from biomfg.prose import brief as prose
from biomfg.prose.base import year_text
from biomfg.tools import brief as tool

NO_MONEY = {"en": "the sources give no money figure", "zh": "原文未给出金额数据"}


def _summary(kind, id_, lang) -> str:
    return _text(prose.summary(model.subject(kind, id_), lang).data)


# --- 1. "no money figure" only where the sources give none, as a result or as a target ----------------

@pytest.mark.parametrize("kind, id_", SUBJECTS)
@pytest.mark.parametrize("lang", LANGS)
def test_a_summary_says_no_money_figure_only_when_there_is_none(kind, id_, lang):
    s = model.subject(kind, id_)
    if (s.figures["unit"].isin(model.MONEY)).any():
        assert NO_MONEY[lang] not in _summary(kind, id_, lang)


def test_hangzhou_gives_money_only_as_a_target_and_says_so():
    en, zh = _summary("region", "hangzhou", "en"), _summary("region", "hangzhou", "zh")
    # Hangzhou's only results count the plan's parts (its actions): no scale to lead with, so the summary
    # says it gives targets only, and names the money target
    assert "no figure for its present scale" in en and "CNY 40 bn" in en and "no money figure" not in en
    assert "现有规模" in zh and "目标" in zh and "400亿元" in zh and "未给出金额数据" not in zh
    assert en.count("no result") <= 1 and zh.count("未报告") <= 1  # said once


# --- 2. a planned investment is not a reported result ------------------------------------------------

def test_planned_investment_is_not_recorded_as_a_result():
    facts = data.table("facts")
    planned = facts[facts["quote"].str.contains("计划投资")]
    assert not planned.empty and set(planned["kind"]) <= {"estimate", "target"}, planned[["fact_id", "kind"]]


def test_zhaoqing_summary_does_not_call_its_planned_investment_reported():
    en, zh = _summary("region", "zhaoqing_hitech", "en"), _summary("region", "zhaoqing_hitech", "zh")
    assert "largest reported money figure" not in en and "已报告金额中最大" not in zh
    assert "Since 2023" in en and "about CNY 12.343 bn" in en  # the exact figure, never rounded
    assert "2023年以来" in zh and "约123.43亿元" in zh and "已报告" not in zh  # review 23: no 'no reported money' apology


# --- 3. a stated period (2023年至今) is a year, in the count of figures without one ------------------

@pytest.mark.parametrize("kind, id_", [(k, i) for k, i in SUBJECTS if k != "overview"])
def test_the_undated_count_is_the_figures_shown_without_a_year(kind, id_):
    s = model.subject(kind, id_)
    shown_undated = sum(not year_text(r, "en") for _, r in s.figures.iterrows())
    key, fields = prose._unsaid(s.figures, "en")
    if key in ("bf_unsaid_both", "bf_unsaid_undated"):
        assert fields["undated"] == prose.count(shown_undated, "en", "项")
    elif key == "bf_unsaid_all_undated":
        assert shown_undated == len(s.figures)
    else:
        assert shown_undated == 0, key


def test_zhaoqing_has_one_figure_without_a_year():
    """Said with the figures in the appendix, not in the summary (test_briefing_story)."""
    s = model.subject("region", "zhaoqing_hitech")
    assert "no year is given for one" in _text(prose.sources_note(s, "en").data)
    assert "1项未注明年份" in _text(prose.sources_note(s, "zh").data)


# --- 4. a year the seed states in the quote's own sentence is not inferred ----------------------------

def _sentence(seed: str, part: str) -> str:
    """The sentence of the seed (between 。 and 。) that holds a quote's part."""
    at = seed.find(part)
    start = max(seed.rfind("。", 0, at), seed.rfind("\n", 0, at)) + 1
    ends = [i for i in (seed.find("。", at), seed.find("\n", at)) if i >= 0]
    return seed[start:min(ends) if ends else len(seed)]


def test_no_year_is_marked_inferred_when_the_quotes_sentence_states_it():
    seeds = data.seeds_dir()
    if seeds is None:
        pytest.skip("the seeds are not at hand")
    wrong = []
    for _, r in data.table("facts").iterrows():
        if not fmt.year_inferred(r):
            continue
        seed = (seeds / r["source"]).read_text(encoding="utf-8")
        said = [_sentence(seed, p) for p in str(r["quote"]).split(" … ") if p in seed]
        if any(re.search(rf"{int(r['year'])}\s*年", s) for s in said):
            wrong.append(r["fact_id"])
    assert not wrong, f"the year is in the quote's own sentence; extend the quote to state it: {wrong}"


def test_hangzhou_2026_targets_stated_in_the_seed_are_not_inferred():
    facts = data.table("facts").set_index("fact_id")
    for fid in ("h4-047", "h4-052", "h4-054", "h4-055", "h4-058", "h4-059"):
        assert not fmt.year_inferred(facts.loc[fid]), fid
        assert fmt.year(facts.loc[fid], "zh") == "2026"


# --- 5. the overview keeps the period of the incubator count and the brewing exclusion ---------------

def test_overview_keeps_the_incubator_period_and_the_brewing_exclusion():
    en, zh = _summary("overview", None, "en"), _summary("overview", None, "zh")
    assert "1,953 national-level incubators (2018–2022)" in en and "excluding traditional brewing" in en
    assert "1953家（2018—2022年）" in zh and "不含传统酿造业" in zh
    incubators = model.subject("overview").figures.set_index("indicator").loc["national_incubator_count"]
    assert year_text(incubators, "zh") == "2018—2022年" and year_text(incubators, "en") == "2018–2022"  # its card
    output = data.facts("china", "key_products_output_value").iloc[0]
    assert "不含传统酿造业" in output["quote"]  # the seed says so, so the indicator's name may
    assert "不含传统酿造业" in output["indicator_zh"] and "excluding traditional brewing" in output["indicator_en"]


# --- 6. a briefing's map does not point its reader to notebooks ---------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_the_briefing_map_legend_names_no_notebook_and_the_lessons_keeps_it(lang):
    brief, _ = tool._cases_chart(model.subject("overview"), lang)
    text = json.dumps(brief.to_dict(), ensure_ascii=False)
    assert not re.search(r"notebook|笔记本", text, flags=re.I), "a briefing's reader has no notebooks"
    lesson = json.dumps(charts.regions.case_map(cases.cases(), lang, cases.own_notebook()).to_dict(), ensure_ascii=False)
    assert re.search(r"notebook 09|笔记本09", lesson) and re.search(r"own notebook|单独的笔记本", lesson)
