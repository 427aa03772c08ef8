"""Review 23 (items 3, 4, 7–10), a briefing's words: a region's story says what carries it (its industry
chain, where firms.csv gives tiers) instead of counting what the sources name; the summary states targets
as a plan does, not 'the lead one'; a figure's value is not repeated when its own name already gives it;
no section only counts figures; the ends of a measure read as a range; an event dated by a stated range
shows both ends; every event says who acted."""

from __future__ import annotations

import re

import pytest
from test_briefing_content import SUBJECTS, _text, sentences

from biomfg import data, fmt
from biomfg.i18n import LANGS
from biomfg.model import brief as model
from biomfg.prose import brief as prose

REGIONS = [i for k, i in SUBJECTS if k == "region"]
COUNTING = re.compile(r"原文点名了|原文记载了|数据共\d+项|共\d+项|The sources (record|name|give) \d+|"
                      r"\d+ figures measure|figures? measure (its|their) scale| there\b|the lead one|"
                      r"首要数据是|headline figure is|数据覆盖|covering (all|\w+ of the)")


def _story(kind, id_, lang) -> list[str]:
    s = model.subject(kind, id_)
    sections = {"region": (prose.story_scale, prose.story_capacity, prose.story_plans),
                "platform_type": (prose.story_members, prose.story_factors, prose.story_figures)}[kind]
    return [_text(prose.section("bf_sec_scale", f(s, lang), lang)).split("\n", 1)[-1] for f in sections]


def _summary(kind, id_, lang) -> str:
    html = prose.summary(model.subject(kind, id_), lang).data
    return _text(re.search(r"<p>(.*?)</p>", html, flags=re.S).group(1)).strip()


@pytest.mark.parametrize("region", REGIONS)
@pytest.mark.parametrize("lang", LANGS)
def test_no_story_sentence_counts_what_the_sources_name(region, lang):
    for text in [*_story("region", region, lang), _summary("region", region, lang)]:
        for sentence in sentences(text, lang):
            assert not COUNTING.search(sentence), f"{region} {lang}: a sentence counts or is a template: {sentence!r}"


@pytest.mark.parametrize("type_id", [i for k, i in SUBJECTS if k == "platform_type"])
@pytest.mark.parametrize("lang", LANGS)
def test_a_platform_type_story_does_not_count_its_figures(type_id, lang):
    for text in _story("platform_type", type_id, lang):
        assert not COUNTING.search(text), f"{type_id} {lang}: {text!r}"
        assert "largest volume of" not in text and "Coded from" not in text, text


@pytest.mark.parametrize("lang", LANGS)
def test_sip_capacity_names_its_chain(lang):
    said = _story("region", "suzhou_sip", lang)[1]
    firms = data.table("firms").set_index("firm_id")
    for firm in ("genewiz_suzhou", "megarobo", "yinhang_bio"):
        assert fmt.text(firms.loc[firm, f"name_{lang}"]) in said, said
    assert ("上游有" if lang == "zh" else "Upstream are") in said and ("中游有" if lang == "zh" else "midstream") in said
    yinhang = data.facts().query("fact_id == 'h3-003'").iloc[0]  # 引航生物 万吨级, from facts.csv
    assert fmt.fact(yinhang, lang) in said, said


@pytest.mark.parametrize("lang", LANGS)
def test_sip_targets_read_as_a_plan(lang):
    text = _summary("region", "suzhou_sip", lang)
    assert ("到2027年" if lang == "zh" else "By 2027") in text, text
    targets = data.facts().query("entity_id == 'sip_biomfg_industry' and kind == 'target'")
    for _, r in targets.iterrows():
        assert prose.target_phrase(r, lang) in text, (prose.target_phrase(r, lang), text)
    assert "None has a reported result" not in text and "the lead one" not in text


@pytest.mark.parametrize("kind, id_", SUBJECTS)
@pytest.mark.parametrize("lang", LANGS)
def test_no_figure_value_repeated_in_its_own_clause(kind, id_, lang):
    """'… 17 MW turbine: 17 MW' / '…17兆瓦…机组的单机功率：17兆瓦': a value its own name gives is not said again."""
    text = _summary(kind, id_, lang)
    for clause in re.split(r"[；;。]|(?<=[.])\s", text):
        for value in re.findall(r"\d[\d,.]*\s?(?:MW|兆瓦|L|升|m|米)\b|\d[\d,.]*(?:兆瓦|升|米)", clause):
            assert clause.count(value) < 2, f"{id_} {lang}: {value!r} twice in {clause!r}"


@pytest.mark.parametrize("lang", LANGS)
def test_a_measures_two_ends_read_as_a_range(lang):
    said = " ".join(_story("platform_type", "technology_innovation", lang))
    cpi = data.facts().query("entity_id == 'cpi' and indicator in ('process_volume_min', 'process_volume_max')")
    low, high = (fmt.fact(r, lang) for _, r in cpi.sort_values("value").iterrows())
    assert f"{low}{'至' if lang == 'zh' else ' to '}{high}" in said, said


def test_zhaoqing_summary_is_not_machine_assembled():
    zh, en = _summary("region", "zhaoqing_hitech", "zh"), _summary("region", "zhaoqing_hitech", "en")
    assert "2023年以来，" in zh and "原文没有已报告的实际金额" not in zh and "首要数据" not in zh, zh
    assert "Since 2023" in en and "only a planned or projected one" not in en, en


@pytest.mark.parametrize("lang", LANGS)
def test_an_event_dated_by_a_stated_range_shows_both_ends(lang):
    ev = data.table("events").set_index("event_id").loc["biologics_tic_challenge_lists_2022"]
    assert prose.event_when(ev, lang) == ("2022—2023年" if lang == "zh" else "2022–2023")


def test_every_undated_event_of_a_case_names_who_acted():
    """'Takes on…', 'Invests alongside' / '同步追加投资…': an event's name is a sentence with its subject."""
    ev = data.table("events")
    for _, e in ev.iterrows():
        assert not re.match(r"(Takes|Invests|Goes|Signs) ", fmt.text(e["name_en"])), e["event_id"]
        assert not re.match(r"(同步|完成从|对接)", fmt.text(e["name_zh"])), e["event_id"]
