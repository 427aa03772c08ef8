"""Which charts a briefing draws, and their titles (review rev23, items 5 and 8), over every briefing in
both languages: one chart compares like with like (a place's aggregates or firms and facilities, never
both; never a whole beside a part of it; never a growth rate beside shares); a bar chart whose largest bar
is more than SPREAD times its smallest is not drawn (the bars would be slivers); a title says what is
compared, not how many figures of which unit; a section with no chart never says 'the chart below'."""

from __future__ import annotations

import re

import altair as alt
import pytest
from test_briefing_content import SUBJECTS

from biomfg import data
from biomfg.charts import briefing as cb
from biomfg.i18n import LANGS
from biomfg.model import brief as model
from biomfg.render import data_of
from biomfg.tools import brief


def _drawn(kind, id_, lang):
    """(where, title, rows) for each chart of reported figures a briefing draws: page one's and the story's."""
    s = model.subject(kind, id_)
    out = []
    if kind != "overview":
        page_one = cb.headline_chart(s.figures, lang, limit=brief.HEADLINE_BARS, none=None)
        if page_one is not None:
            out.append(("page one", page_one))
    for i, (_, _, chart) in enumerate(brief.STORIES[kind], 1):
        if chart in (brief._scale_chart, brief._capacity_chart, brief._figures_chart, brief._china_chart):
            drawn, _ = chart(s, lang)
            if drawn is not None:
                out.append((f"section {i}", drawn))
    found = []
    for where, chart in out:
        assert isinstance(chart, alt.TopLevelMixin), (id_, where)
        found.append((where, data_of(chart).title, data_of(chart).rows))
    return found


ALL = [(kind, id_, lang) for kind, id_ in SUBJECTS for lang in LANGS]


def _charts():
    return [(kind, id_, lang, where, title, rows) for kind, id_, lang in ALL for where, title, rows in _drawn(kind, id_, lang)]


@pytest.fixture(scope="module")
def charts():
    found = _charts()
    assert len(found) >= 10  # the rules leave charts to draw
    return found


def test_no_chart_draws_a_firm_beside_a_place(charts):
    tables = data.entity_index()["table"]
    for _kind, id_, lang, where, title, rows in charts:
        kinds = {cb.subject_kind(e) for e in rows["entity_id"]}
        assert len(kinds) == 1, (id_, lang, where, title, kinds)
        if "place" in kinds:
            assert not set(tables[list(rows["entity_id"])]) & {"firms", "products"}, (id_, where, title)


def test_sip_money_chart_leaves_out_the_firm_financing():
    figs = model.subject("region", "suzhou_sip").figures
    _, rows = cb.headline_measure(figs, limit=brief.HEADLINE_BARS)
    assert "shize_bio" not in set(rows["entity_id"])
    # one measure: the three industries' output; GDP (value added) and budget revenue are not that measure
    assert set(rows["fact_id"]) == {"h3-054", "h3-058", "h3-060"}


def test_no_chart_draws_an_entity_beside_one_it_lies_within(charts):
    for _kind, id_, lang, where, title, rows in charts:
        for ind, part in rows.groupby("indicator"):
            ents = set(part["entity_id"])
            assert not any(cb._within(a, b) for a in ents for b in ents if a != b), (id_, lang, where, title, ind)
            assert not (set(part["fact_id"]) & set(rows["part_of"].dropna())), (id_, lang, where, ind)


def test_zhaoqing_draws_no_zone_count_beside_its_park():
    figs = model.subject("region", "zhaoqing_hitech").figures
    _, rows = cb.headline_measure(figs, limit=brief.HEADLINE_BARS)
    assert not {"zhaoqing_hitech", "xpeng_parts_park_west"} <= set(rows["entity_id"])


def test_no_chart_puts_percentages_of_different_kinds_on_one_axis(charts):
    for _kind, id_, lang, where, title, rows in charts:
        pct = rows[rows["unit"].isin(["percent", "fraction"])]
        assert pct["family"].nunique() <= 1, (id_, lang, where, title, set(pct["family"]))
    china = model.subject("overview", None).figures
    _, rows = cb.headline_measure(china[china["entity_id"] == "china"])
    assert not ({"growth", "share"} <= set(rows["family"]))


def test_no_bar_chart_spreads_past_what_bars_show(charts):
    for _kind, id_, lang, where, title, rows in charts:
        values = rows["value"].astype(float)
        assert values.min() <= 0 or values.max() / values.min() <= cb.SPREAD, (id_, lang, where, title)
    for lang in LANGS:  # CPI's 200 L and 300 L beside 75,000 L: the prose gives the range
        assert all("L" not in set(rows["unit"]) for *_, rows in _drawn("platform_type", "technology_innovation", lang))


def test_titles_say_what_is_compared_not_how_many_figures(charts):
    count_title = {"zh": re.compile(r"\d+项.*数据"),
                   "en": re.compile(r"^(One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|\d+) "
                                    r"(money )?(figures|percentages)")}
    for _kind, id_, lang, where, title, rows in charts:
        assert not count_title[lang].search(title), (id_, lang, where, title)
        first = str(rows.iloc[0][f"indicator_{lang}"])
        squeeze = lambda x: re.sub(r"\s+", "", x.casefold())  # noqa: E731
        family = {"zh": "经济规模", "en": "economy"}[lang]
        assert squeeze(first) in squeeze(title) or family in title.casefold(), (id_, lang, where, title)


def test_titles_show_no_unit_code(charts):
    """A title's unit is one a reader knows (亿元, %, CNY bn); a fraction (2/3) and a count need none: the
    code 'fraction' once stood in Zhangjiang's title as '(fraction)' / '（比例）'."""
    for _kind, id_, lang, where, title, _rows in charts:
        assert not re.search(r"[(（](fraction|count|比例|percent)[)）]", title), (id_, lang, where, title)


def test_sip_money_title_names_the_measure_and_whose():
    figs = model.subject("region", "suzhou_sip").figures
    _, rows = cb.headline_measure(figs, limit=brief.HEADLINE_BARS)
    assert cb.chart_title(rows, "zh") == "三个产业产值（亿元）"  # 三个, not 3个, as the sources write it
    assert cb.chart_title(rows, "en") == "Output value of three industries (CNY bn)"


def test_a_chart_compares_one_measure_or_one_kind_of_share(charts):
    """GDP beside an industry's gross output, a rotor's diameter beside a hub's height: one unit, not one
    measure. Percentages of one kind (two shares of the world) may stand together."""
    for _kind, id_, lang, where, title, rows in charts:
        if not rows["unit"].isin(["percent", "fraction"]).all():
            assert rows["indicator"].nunique() == 1, (id_, lang, where, title, list(rows["indicator"]))


def test_a_title_gives_the_year_every_row_shares():
    figs = model.subject("region", "suzhou_sip").figures
    rows = figs[figs["fact_id"].isin(["h3-020", "h3-021"])]
    assert "2023年" in cb.chart_title(rows, "zh") and "2023" in cb.chart_title(rows, "en")
    rows = figs[figs["fact_id"].isin(["h3-058", "h3-060"])]  # 2023 and no year: none said
    assert "2023" not in cb.chart_title(rows, "zh") and "2023" not in cb.chart_title(rows, "en")


def test_a_section_says_the_chart_below_only_with_a_chart():
    """The story's chart sentence comes with the chart's rows: no rows, no chart; rows, a chart."""
    for kind, id_, lang in ALL:
        s = model.subject(kind, id_)
        for _, _, chart in brief.STORIES[kind]:
            if chart in (brief._scale_chart, brief._capacity_chart, brief._figures_chart):
                drawn, rows = chart(s, lang)
                assert (drawn is None) == (rows is None), (id_, lang, chart.__name__)
                if rows is not None:
                    assert set(rows["fact_id"]) == set(data_of(drawn).rows["fact_id"]), (id_, chart.__name__)
