"""Issue 16: a briefing reads as a brief. Page one holds a summary of three to five sentences computed from
data/, four to six key figures chosen by one rule (scale before detail), a headline chart and a box of
targets against results; then a story of three sections, each a few sentences and at most one chart."""

from __future__ import annotations

import re

import pytest

from biomfg import data
from biomfg.i18n import LANGS
from biomfg.model import brief as model
from biomfg.prose import brief as prose
from biomfg.tools import brief as tool
from biomfg.tools.briefings import catalogue

SUBJECTS = [("overview", None)] + [
    ("region" if "region" in dict(r.params) else "platform_type", next(iter(dict(r.params).values())))
    for r in catalogue() if r.params]
TRIVIA_UNITS = {"m", "m2", "mu", "km", "months", "weeks", "years", "days", "grade"}


def _text(html: str) -> str:
    import html as h

    return h.unescape(re.sub(r"<style.*?</style>|<[^>]+>", " ", str(getattr(html, "data", html)), flags=re.S))


def sentences(text: str, lang: str) -> list[str]:
    parts = re.split(r"(?<=。)" if lang == "zh" else r"(?<=[.])\s+(?=[A-Z“])", text.strip())
    return [p for p in (x.strip() for x in parts) if p]


@pytest.mark.parametrize("kind, id_", SUBJECTS)
@pytest.mark.parametrize("lang", LANGS)
def test_summary_is_three_to_five_sentences_with_no_placeholder_or_id(kind, id_, lang):
    s = model.subject(kind, id_)
    html = prose.summary(s, lang).data
    body = _text(re.search(r"<p>(.*?)</p>", html, flags=re.S).group(1))
    said = sentences(body, lang)
    assert 3 <= len(said) <= 5, said
    assert "{" not in body and not re.search(r"\bNone\b(?! of| has)|\bnan\b|<NA>", body), body
    if id_:
        assert id_ not in body
    if lang == "zh":
        assert not re.search(r"[\u4e00-\u9fff] \d|\d [\u4e00-\u9fff]", body), body


def test_summary_says_scale_plans_and_what_is_missing():
    """SIP's summary gives the place's own scale (its GDP, not the sum of some industries' output) in words
    about the place, not about the data ('largest reported money figure'), and its three targets; how many years are inferred is
    said with the figures, in the appendix (test_briefing_story)."""
    s = model.subject("region", "suzhou_sip")
    en = _text(prose.summary(s, "en").data)
    assert "gross domestic product" in en and "CNY 368.6 bn (2023)" in en and "money figure" not in en
    assert "By 2027, the SIP biomanufacturing industry aims for" in en and "no results are reported yet" in en
    note = _text(prose.sources_note(s, "en").data)
    assert re.search(r"Of its 59 figures, the year is inferred from the context for (\d+|one) ", note)  # 今年: one
    zh = _text(prose.summary(s, "zh").data)
    assert "地区生产总值为3686亿元（2023年）" in zh and "到2027年，苏州工业园区生物制造产业的目标为" in zh
    assert "金额" not in zh
    assert "59项数据" in _text(prose.sources_note(s, "zh").data)
    assert "它" not in zh and "的的" not in zh


@pytest.mark.parametrize("kind, id_", SUBJECTS)
def test_key_figures_are_four_to_six_and_scale_before_trivia(kind, id_):
    s = model.subject(kind, id_)
    rows = s.figures[s.figures["entity_id"] == "china"] if kind == "overview" else s.figures
    chosen = model.key_figures(rows, s.own, model.KEY_FIGURES[kind])
    distinct = len(rows.drop_duplicates(["entity_id", "indicator"]))
    # counts of kinds (3 membership tiers) and units outside HEADLINE_UNITS only fill in below MIN_KEY_FIGURES
    scale = rows[rows["unit"].isin(model.HEADLINE_UNITS) & ~rows["indicator"].isin(model.kinds_counts())]
    scale = len(scale.drop_duplicates(["entity_id", "indicator"]))
    assert len(chosen) == min(model.KEY_FIGURES[kind], scale if scale >= model.MIN_KEY_FIGURES else distinct)
    if distinct >= model.MIN_KEY_FIGURES:
        assert len(chosen) >= model.MIN_KEY_FIGURES
    headline = rows[rows["unit"].isin(model.HEADLINE_UNITS)].drop_duplicates(["entity_id", "indicator"])
    if len(headline) >= model.MIN_KEY_FIGURES:
        assert not set(chosen["unit"]) & TRIVIA_UNITS, chosen[["indicator", "unit"]]
    kinds = list(chosen["kind"])
    assert kinds == sorted(kinds, key=lambda k: k == "target"), "results before targets"


def test_sip_page_one_leads_with_results_not_walking_distance():
    s = model.subject("region", "suzhou_sip")
    chosen = model.key_figures(s.figures, s.own)
    assert list(chosen["indicator"][:2]) == ["gdp", "rd_intensity"]  # the place: two figures, one per unit
    assert "walking_distance" not in set(chosen["indicator"])
    # then the bio economy the sources name in it (biomedicine: 超1500亿元, 超2000家), not more of the place's
    # economy (budget revenue) nor the total of three industries (超4000亿元, a part of which is shown)
    reported = chosen[chosen["kind"] != "target"]
    assert set(reported["entity_id"]) == {"suzhou_sip", "sip_biomed_industry"}, list(reported["fact_id"])
    assert {"h3-057", "h3-058"} <= set(reported["fact_id"])
    assert "general_budget_revenue" not in set(chosen["indicator"]) and "h3-050" not in set(chosen["fact_id"])


def test_a_places_key_figures_are_its_own_only_where_it_names_no_industry():
    """A region whose sources name no industry or cluster of it keeps all its own figures on page one."""
    s = model.subject("region", "jinan_hitech")
    chosen = model.key_figures(s.figures, s.own, model.KEY_FIGURES["region"])
    assert len(chosen) > model.OWN_TILES and set(chosen["entity_id"]) == {"jinan_hitech"}


@pytest.mark.parametrize("kind, id_", SUBJECTS)
@pytest.mark.parametrize("lang", LANGS)
def test_story_sections_hold_two_or_three_sentences(kind, id_, lang):
    s = model.subject(kind, id_)
    for key, words, _chart in tool.STORIES[kind]:
        html = prose.section(key, words(s, lang), lang, plural=kind == "platform_type").data
        text = _text(re.search(r"<p[^>]*>(.*?)</p>", html, flags=re.S).group(1))
        assert 1 <= len(sentences(text, lang)) <= 3, (key, text)
        assert "{" not in text and " it " not in f" {text} ".replace("it,", "it ") or kind != "platform_type", text


def test_the_targets_box_sets_every_target_against_a_result_or_says_there_is_none():
    s = model.subject("region", "hangzhou")
    html = prose.targets_box(s, "en").data
    assert html.count("<tr>") == 1 + prose.BOX_ROWS and "none reported" in html
    assert f"{16 - prose.BOX_ROWS} more targets" in html
    luoyang = prose.targets_box(model.subject("region", "luoyang"), "en").data
    assert "The sources state no target for Luoyang Hi-tech Zone." in luoyang


def test_every_region_has_a_kind_phrase():
    kinds = set(data.table("regions").set_index("region_id").loc[[i for k, i in SUBJECTS if k == "region"], "kind"])
    from biomfg.i18n import messages

    assert {f"bf_kind_{k}" for k in kinds} <= set(messages())
