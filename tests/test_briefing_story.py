"""Issue 16, a briefing tells its subject's story (rev16 items 4, 7, 13, 14, 19): the summary opens with
what the case is, from regions.csv's quoted description, not with how many source documents hold its
figures; a story section with nothing to say is not shown; chart descriptions, the header and the English
frames read as an editor writes them; a case's events are listed in date order, dated to the month."""

from __future__ import annotations

import re

import pytest
from test_briefing_content import SUBJECTS, _text, sentences

from biomfg import charts, data
from biomfg.i18n import LANGS, t
from biomfg.model import brief as model
from biomfg.model import cases
from biomfg.prose import brief as prose
from biomfg.prose import briefing as prose_briefing
from biomfg.tools import brief as tool
from biomfg.tools import validate

from conftest import NOTEBOOKS, SEEDS, edit_table

REGIONS = [i for k, i in SUBJECTS if k == "region"]


def _summary(kind, id_, lang) -> str:
    html = prose.summary(model.subject(kind, id_), lang).data
    return _text(re.search(r"<p>(.*?)</p>", html, flags=re.S).group(1)).strip()


def _shown(parts) -> str:
    return " ".join(_text(p) for p in parts if not hasattr(p, "to_dict"))


# --- A. the summary says what the case is -----------------------------------------------------------

def test_every_case_says_what_it_is_in_both_languages_from_its_seed():
    regions = data.table("regions").set_index("region_id")
    for r in cases.case_ids():
        row = regions.loc[r]
        assert row["description_zh"] and row["description_en"] and row["description_quote"], r
        if SEEDS.is_dir():
            seed = validate._squash((SEEDS / row["source"]).read_text(encoding="utf-8"))
            for part in row["description_quote"].split(validate.QUOTE_SEPARATOR):
                assert validate._squash(part) in seed, (r, part)
        assert not re.search(r"[\u4e00-\u9fff] \d|\d [\u4e00-\u9fff]|[,;:()]", row["description_zh"]), r  # house style
        assert re.match(r"(a|an|the|China's) ", row["description_en"]), r  # completes '<name> is …'


def test_validate_checks_a_description_against_its_seed(data_copy):
    def change(row):
        if row["region_id"] == "luoyang":
            row["description_quote"] = "洛阳轴研科技有限公司自主研制的风电心脏"
        if row["region_id"] == "zhaoqing_hitech":
            row["description_zh"] = row["description_en"] = row["description_quote"] = ""
        if row["region_id"] == "hangzhou":
            row["description_quote"] = ""
        return row

    edit_table(data_copy, "regions", change)
    problems, _ = validate.check(data_copy, SEEDS)
    text = "\n".join(problems)
    assert re.search(r"regions\.csv row \d+, column description_quote: not found verbatim in 000_", text), text
    assert re.search(r"column description_zh: a regional case needs description_zh", text), text
    assert re.search(r"column description_quote: description_zh is given without the seed's words", text), text


@pytest.mark.parametrize("region", REGIONS)
@pytest.mark.parametrize("lang", LANGS)
def test_a_case_summary_opens_with_what_the_case_is_not_with_document_counts(region, lang):
    regions = data.table("regions").set_index("region_id")
    said = sentences(_summary("region", region, lang), lang)
    first = t("bf_region_what", lang, name=regions.loc[region, f"name_{lang}"],
              description=regions.loc[region, f"description_{lang}"])
    assert said[0] == first, said[0]
    assert len(said) <= 5
    body = " ".join(said)
    assert not re.search(r"来源文档|source documents?|未注明年份|no year is given|year is inferred|系据上下文推断", body), body


@pytest.mark.parametrize("lang", LANGS)
def test_the_three_cases_the_reviewer_named_say_what_they_are(lang):
    words = {"suzhou_sip": {"zh": "生物制造全链生态", "en": "complete biomanufacturing chain"},
             "zhaoqing_hitech": {"zh": "新能源汽车", "en": "new-energy vehicle"},
             "luoyang": {"zh": "主轴轴承", "en": "main-shaft bearing"}}
    for region, said in words.items():
        assert said[lang] in sentences(_summary("region", region, lang), lang)[0], region
    assert ("国外垄断" if lang == "zh" else "supplied only by foreign makers") in _summary("region", "luoyang", lang)


@pytest.mark.parametrize("kind, id_", SUBJECTS)
@pytest.mark.parametrize("lang", LANGS)
def test_the_appendix_says_how_many_documents_and_undated_figures_lie_behind_it(kind, id_, lang):
    s = model.subject(kind, id_)
    note = _text(prose.sources_note(s, lang))
    assert t("bf_appendix_sources", lang, n=prose.figures(len(s.figures), lang),
             **prose._sources_count(s.figures, lang)) in note
    parts = tool.Briefing(kind, id_, lang).appendix()
    assert note.strip() in _shown(parts)


def test_zhaoqing_s_one_undated_figure_is_said_in_the_appendix():
    assert "no year is given for one" in _text(prose.sources_note(model.subject("region", "zhaoqing_hitech"), "en"))
    assert "1项未注明年份" in _text(prose.sources_note(model.subject("region", "zhaoqing_hitech"), "zh"))


@pytest.mark.parametrize("lang", LANGS)
def test_type_and_overview_summaries_open_with_their_subject(lang):
    for type_id in data.table("platform_types")["type_id"]:
        name = str(data.table("platform_types").set_index("type_id").loc[type_id, f"name_{lang}"])
        first = sentences(_summary("platform_type", type_id, lang), lang)[0]
        assert first.lower().startswith(name.lower()), first
    first = sentences(_summary("overview", None, lang), lang)[0]
    assert first.startswith("平台设施" if lang == "zh" else "Platforms carry biomanufacturing"), first


# --- B. a story section with nothing to say is not shown ---------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_a_story_section_is_shown_only_with_a_chart_or_a_figure(lang):
    hidden = 0
    for kind, id_ in SUBJECTS:
        b = tool.Briefing(kind, id_, lang)
        for i in (1, 2, 3):
            _, words, chart = tool.STORIES[kind][i - 1]
            drawn, _ = chart(b.subject, lang)
            part = b.story(i)
            if drawn is None and not prose.says_something(words(b.subject, lang)):
                assert part is None, (kind, id_, i)
                hidden += 1
            else:
                assert part is not None and _text(part[0]).strip(), (kind, id_, i)
    assert hidden, "no briefing has an empty section: the rule is not exercised"


def test_the_empty_sections_the_reviewer_saw_are_gone_and_full_ones_stay():
    for lang in LANGS:
        # Luoyang: no scale and no plan to tell, but the firm that carries it (its bearing maker) is named
        assert [tool.region("luoyang", lang).story(i) is None for i in (1, 2, 3)] == [True, False, True]
        assert "洛阳轴研" in _text(tool.region("luoyang", "zh").story(2)[0])
        assert tool.region("hangzhou", lang).story(1) is None and tool.region("hangzhou", lang).story(2) is not None
        assert tool.region("hangzhou", lang).story(3) is not None  # its targets chart
        assert tool.platform_type("pilot_scale", lang).story(3) is None
        assert all(tool.region("suzhou_sip", lang).story(i) is not None for i in (1, 2, 3))


def test_the_region_notebook_shows_nothing_for_an_empty_section():
    from reader import run_cells

    shown = {src.strip(): value for _, src, value in run_cells(NOTEBOOKS / "briefings" / "region.ipynb",
                                                                   {"lang": "zh", "region": "luoyang"})}
    assert [shown[f"b.story({i})"] is None for i in (1, 2, 3)] == [True, False, True]
    assert shown["b.summary()"] is not None and shown["b.appendix()"] is not None


# --- C. wording ----------------------------------------------------------------------------------------

def test_a_chart_of_several_money_measures_names_the_currency_in_full():
    s = model.subject("region", "suzhou_sip")
    cny = s.figures[(s.figures["unit"] == "CNY") & (s.figures["kind"] == "actual")]
    assert cny["indicator"].nunique() > 1
    zh, en = charts.facts.fact_summary(cny, "zh"), charts.facts.fact_summary(cny, "en")
    assert "元金额" not in zh and zh.startswith("人民币金额："), zh
    assert re.match(r"\d+ figures in CNY\.", en), en


@pytest.mark.parametrize("lang", LANGS)
def test_a_header_says_once_that_no_figure_has_a_year(lang):
    s = model.subject("region", "luoyang")
    assert s.figures["year"].isna().all()
    meta = _text(prose_briefing.header("x", s.figures, lang))
    assert t("figures_undated", lang) in meta and t("figures_period", lang) not in meta, meta  # not 数据年份：未注明年份
    dated = _text(prose_briefing.header("x", model.subject("region", "suzhou_sip").figures, lang))
    assert t("figures_period", lang) in dated


def test_english_frames_read_as_an_editor_writes_them():
    sip = tool.region("suzhou_sip", "en")
    story = " ".join(_shown(sip.story(i)) for i in (1, 2, 3))
    summary = _summary("region", "suzhou_sip", "en")
    for wrong in ("They date", "In the rankings:", "among them,"):
        assert wrong not in story and wrong not in summary, wrong
    assert "It ranks first in the national comprehensive evaluation of economic and technological development zones." in story
    # review 23: no count of events 'there'; targets said as a plan says them, not 'the lead one'
    assert "The latest step came in" in story and " there " not in story
    assert ("By 2027, the SIP biomanufacturing industry aims for an industry scale of more than CNY 15 bn, five "
            "further chain-leader firms and 150 further high-growth companies; no results are reported yet.") in summary
    # a plan's target is set in the plan, not its own output
    hangzhou = _summary("region", "hangzhou", "en")
    assert "the Hangzhou Three-Year Action Plan" in hangzhou and "aims for a" in hangzhou


def test_every_english_sentence_of_a_story_starts_with_a_capital():
    for kind, id_ in SUBJECTS:
        s = model.subject(kind, id_)
        for key, words, _ in tool.STORIES[kind]:
            html = prose.section(key, words(s, "en"), "en", plural=kind == "platform_type").data
            text = _text(re.search(r"<p[^>]*>(.*?)</p>", html, flags=re.S).group(1))
            for said in re.split(r"(?<=[.])\s+", text.strip()):  # 'two figures measure …' started one
                assert not said[:1].islower(), (kind, id_, said)


# --- D. events in date order, with their month ------------------------------------------------------

def _events(region: str, lang: str) -> list[str]:
    card = prose.case_lists(region, lang).data
    block = card.split(f"<h4>{t('rg_card_events', lang)}</h4>", 1)[1].split("</ul>", 1)[0]
    return [_text(x).strip() for x in re.findall(r"<li>(.*?)</li>", block, flags=re.S)]


@pytest.mark.parametrize("lang", LANGS)
def test_sip_events_are_in_date_order_and_keep_their_months(lang):
    listed = _events("suzhou_sip", lang)
    months = {"zh": ["2021年6月：", "2022年10月：中天医疗", "2023年8月：引航生物", "2023年9月："],
              "en": ["June 2021: ", "October 2022: Zhongtian", "August 2023: Yinhang", "September 2023: "]}[lang]
    for m in months:
        assert any(x.startswith(m) for x in listed), (m, listed)
    years = [int(re.search(r"\d{4}", x).group()) for x in listed if re.match(r"^\D{0,12}\d{4}", x)]
    assert years == sorted(years), listed
    undated = t("tg_undated", lang)
    tail = [x.startswith(undated[:1].upper() + undated[1:]) for x in listed]
    assert tail == sorted(tail), "events without a year come last"


@pytest.mark.parametrize("region", REGIONS)
def test_every_case_s_events_are_dated_as_precisely_as_the_data_has_them(region):
    ev = data.table("events")
    mine = {e for e, c in cases.case_of_entity().items() if c == region}
    ev = ev[ev["entity_id"].isin(mine)]
    listed = _events(region, "en")
    assert len(listed) == len(ev) or (ev.empty and not listed)
    for _, e in ev.iterrows():
        if isinstance(e["date"], str) and len(e["date"]) >= 7:
            month = prose.EN_MONTHS[int(e["date"][5:7])]
            assert any(x.startswith(f"{month} ") and e["name_en"] in x for x in listed), (e["event_id"], listed)


# --- second reading (helper 46): page one says nothing of what it lacks; a briefing names no lesson ---

def _title(parts) -> str:
    import altair as alt

    chart = next(x for x in parts if isinstance(x, alt.TopLevelMixin))
    title = chart.to_dict()["title"]["text"]
    return "".join(title) if isinstance(title, list) else title


@pytest.mark.parametrize("kind, id_", SUBJECTS)
@pytest.mark.parametrize("lang", LANGS)
def test_page_one_has_one_chart_and_never_one_of_unlike_figures(kind, id_, lang):
    """Every briefing's page one has its chart (issue 16). Where no two figures measure one thing it is the
    story's first chart, moved up (the story then keeps its words only), and for a case with none the map
    of where it lies; never an apology, never bars of unlike figures."""
    from biomfg.tools.brief import Briefing, _promoted

    b = Briefing(kind, id_, lang)
    page_one = b.headline_chart()
    assert page_one is not None and _title(page_one)
    assert not any("no_headline_chart" in str(getattr(x, "data", "")) for x in page_one)
    moved = _promoted(b.subject)
    if moved is not None:
        again = b.story(moved)
        assert again is None or not any(hasattr(x, "to_dict") for x in again)  # not drawn twice


def test_which_chart_page_one_takes_when_nothing_compares():
    from biomfg.tools.brief import Briefing

    assert _title(Briefing("region", "hangzhou", "zh").headline_chart()) == "杭州市在十个区域案例中的位置"  # targets only
    assert "区域案例中的位置" in _title(Briefing("region", "luoyang", "zh").headline_chart())
    assert _title(Briefing("region", "luoyang", "en").headline_chart()).startswith("Where Luoyang Hi-tech Zone is")
    assert "founded" in _title(Briefing("platform_type", "pilot_scale", "en").headline_chart())
    assert "产值" in _title(Briefing("region", "suzhou_sip", "zh").headline_chart())


def test_a_locator_map_cites_the_news_item_of_its_case():
    """The map's row is the case's own: cited to the item that reports it on a page holding several (seed
    000 carries SIP's story and Luoyang's), not to the page's lead story."""
    from biomfg.model.cases import cases

    for lang, word in (("zh", "洛阳"), ("en", "Luoyang")):
        sub = charts.regions.case_locator(cases(), "luoyang", lang).to_dict()["title"]["subtitle"]
        line = sub[-1] if isinstance(sub, list) else sub
        assert word in line and "苏州" not in line and "SIP" not in line, line


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_overviews_cases_section_names_no_lesson_and_says_which_case_has_most_figures(lang):
    from biomfg.model import brief as model_brief
    from biomfg.prose import brief as prose_brief

    (key, fields), = prose_brief.story_cases(model_brief.subject("overview", None), lang)
    text = t(key, lang, **fields)
    assert not re.search(r"lesson|notebook|课程|笔记本", text), text
    assert ("苏州工业园区" if lang == "zh" else "Suzhou Industrial Park") in text, text
