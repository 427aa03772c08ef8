"""Issue 15, "Figures shown wrongly": qualifiers that survive formatting (万吨级, 每年, a stated range),
rows that say what distinguishes them (batches, range ends, the entity a figure is about), a growth
projection rounded to the precision of its inputs and saying what it assumes, ranks as the sources
word them (前四), and a volume range that reads the same in the finder's prose and the chart beside it.

Every expected figure is read from data/ and formatted by fmt; each test fails on the old behaviour."""

from __future__ import annotations

import re

import pytest

from biomfg import charts, data, fmt, model, prose, widgets
from biomfg.charts import facts as chart_facts
from biomfg.prose import regions as prose_regions
from biomfg.widgets import regions as widget_regions

from conftest import spec_dicts

LANGS = ("en", "zh")


def _datasets(chart) -> list[dict]:
    spec = chart if isinstance(chart, dict) else chart.to_dict()
    return [row for rows in spec.get("datasets", {}).values() for row in rows]


def _cell_texts(chart) -> list[tuple[str, str]]:
    """(label, value text) of every drawn row of a facts_by_unit chart."""
    return [("".join(r["label"]), "".join(r["text"])) for r in _datasets(chart) if r.get("role") == "row"]


def _plain(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


# --- 7. qualifiers ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("lang", "shown"), [("en", "10,000-tonne class"), ("zh", "万吨级")])
def test_the_10000_tonne_class_keeps_its_class(lang, shown):
    row = model.facts.fact("yinhang_bio", "production_scale")
    assert row["qualifier"] == "class"
    assert fmt.fact(row, lang) == shown
    chart, _ = widget_regions.comparer_view(["suzhou_sip"], "capacity", lang)
    texts = [text for _, text in _cell_texts(chart)]
    assert shown in texts and fmt.number(row["value"], "t", lang) not in texts  # never a bare "10,000 t"


@pytest.mark.parametrize(("lang", "shown"), [("en", "10 a year"), ("zh", "每年10个")])
def test_a_yearly_target_reads_as_yearly(lang, shown):
    row = model.facts.fact("hz_synbio_plan_2024_2026", "key_rd_programme_projects_selected")
    assert fmt.fact(row, lang) == shown
    html = widgets.regions.tracker_view("hz_synbio_plan_2024_2026", lang)
    assert f"<b>{shown}</b>" in html


@pytest.mark.parametrize("lang", LANGS)
def test_a_stated_range_is_one_figure_in_a_chart(lang):
    rows = data.facts("paxlovid", "time_to_market_advance")
    assert set(rows["qualifier"]) == {"range_low", "range_high"}
    low, high = sorted(rows["value"])
    chart = chart_facts.facts_by_unit(rows, lang, "t")
    assert [text for _, text in _cell_texts(chart)] == [fmt.span(low, high, "months", lang)]
    sites = data.facts("biomade_facility_network", "site_count")
    network = charts.platforms.network_sizes(model.finder.platform_facts(), lang).to_dict()
    labels = {r["label"] for r in _datasets(network)}
    assert fmt.span(sites["value"].min(), sites["value"].max(), "count", lang) in labels


@pytest.mark.parametrize("lang", LANGS)
def test_each_end_of_a_range_says_which_end_it_is_where_rows_are_listed(lang):
    html = prose.platforms.key_figures("pilot_scale", lang).data
    for _, r in data.facts("biomade_facility_network", "site_count").iterrows():
        assert fmt.fact(r, lang) in html
    assert fmt.fact(data.facts("biomade_facility_network", "site_count").iloc[0], lang) != \
        fmt.number(12, "count", lang)  # not a bare "12" beside a bare "15"


@pytest.mark.parametrize("lang", LANGS)
def test_zhengzhous_batches_are_rows_that_say_which_batch(lang):
    rows = model.facts.case_figures("zhengzhou")
    counts = rows[rows["indicator"].str.contains("chain_leader_firm_count")]
    assert len(counts) == 3 and counts["indicator"].is_unique  # one row is one entity's one indicator
    chart = charts.regions.park_figures(rows, lang)
    cells = _cell_texts(chart)
    for _, r in counts.iterrows():
        squeeze = lambda s: re.sub(r"\s+", "", str(s)).lower()  # noqa: E731  (labels wrap at spaces)
        matching = [squeeze(label) for label, text in cells if text == fmt.fact(r, lang)]
        assert squeeze(r[f"indicator_{lang}"]) in matching
    assert not any(fmt.t("clause_sep", lang) in text for _, text in cells)  # no "15; 19; 34" row


# --- 8. the growth projection ----------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_the_projection_is_rounded_to_its_base_and_states_its_assumption(lang):
    base = model.facts.fact("china", "key_products_output_value")
    stated = model.facts.fact("china", "annual_growth_rate")
    rate = float(stated["value"])
    html = prose.china.growth_assumption(base, rate, 10, stated, lang)
    exact = float(base["value"]) * (1 + rate / 100) ** 10
    step = model.projection.precision(float(base["value"]))
    assert fmt.number(exact, "CNY", lang) not in html  # 2.4847万亿 claimed digits the sources never gave
    assert fmt.number(model.projection.rounded(exact, step), "CNY", lang, "about") in html
    assert fmt.number(step, "CNY", lang) in html  # says what it is rounded to
    words = {"en": ("projection", "growth rate", "industry", "key products", "output value"),
             "zh": ("推算", "增长率", "产业", "关键产品", "产值")}[lang]
    assert all(w in _plain(html) for w in words)
    assert fmt.fact(stated, lang) in html and fmt.fact(base, lang) in html


@pytest.mark.parametrize("lang", LANGS)
def test_the_projection_chart_labels_are_rounded_too(lang):
    base = model.facts.fact("china", "key_products_output_value")
    rate = float(model.facts.fact("china", "annual_growth_rate")["value"])
    labels = [r["label"] for r in _datasets(charts.china.growth_projection(base, rate, 10, lang))]
    scale = charts.china.MONEY_SCALE[lang]
    step = model.projection.precision(float(base["value"])) / scale
    exact = float(base["value"]) * (1 + rate / 100) ** 10 / scale
    assert f"{model.projection.rounded(exact, step):,.0f}" in labels and f"{exact:,.0f}" not in labels
    spec = charts.china.growth_projection(base, rate, 10, lang, interactive=True).to_dict()
    assert any("round(datum.v" in str(d.get("calculate", "")) for d in _walk(spec))


_walk = spec_dicts


# --- 9. the comparer's rows say whose figure they are ----------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_a_figure_about_an_industry_is_never_shown_as_the_parks(lang):
    facts = prose_regions.case_facts()
    names = data.entity_names().drop_duplicates("entity_id").set_index("entity_id")[f"name_{lang}"]
    for case in model.cases.case_ids():
        mine = facts[facts["case_id"] == case]
        for family in sorted(set(mine["family"])):
            rows = mine[mine["family"] == family].reset_index(drop=True)
            for (who, _), (_, r) in zip(chart_facts.row_labels(rows, lang, grouped=True), rows.iterrows(),
                                        strict=True):
                expected = "" if r["entity_id"] == case else str(names[r["entity_id"]])
                assert who == expected, (case, family, r["fact_id"], who)


@pytest.mark.parametrize("lang", LANGS)
def test_sip_industries_output_values_are_labelled_by_industry(lang):
    chart, _ = widget_regions.comparer_view(["suzhou_sip"], "economy", lang)
    cells = _cell_texts(chart)
    for ind in ("sip_biomed_industry", "sip_nano_industry", "sip_ai_industry"):
        row = model.facts.fact(ind, "output_value")
        name = prose.base.entity_name(ind, lang)
        assert any(text == fmt.fact(row, lang) and label.replace(" ", "").startswith(name.replace(" ", ""))
                   for label, text in cells), ind
    academicians, _ = widget_regions.comparer_view(["suzhou_sip"], "talent", lang)
    owner = model.facts.facts_about(["sip_nano_industry"])
    if (owner["family"] == "talent").any():  # the nano industry's talent figures name the industry
        nano = prose.base.entity_name("sip_nano_industry", lang).replace(" ", "")
        assert all(label.replace(" ", "").startswith(nano) or nano in "".join(
            "".join(r["head"]) for r in _datasets(academicians) if r.get("role") == "sub").replace(" ", "")
            for label, _ in _cell_texts(academicians))


# --- 10. ranks and the volume range -------------------------------------------------------------------

@pytest.mark.parametrize(("lang", "four", "five"), [("en", "among the top four", "among the top five"),
                                                    ("zh", "前四", "前五")])
def test_ranks_read_as_the_sources_word_them(lang, four, five):
    assert fmt.fact(model.facts.fact("suzhou_sip", "national_hitech_zone_evaluation_rank"), lang) == four
    assert fmt.fact(model.facts.fact("sip_nano_industry", "global_rank"), lang) == five
    text = _plain(prose.sip.overview(lang).data)
    assert four in text and "up to" not in text and "前 4" not in text and "前4" not in text
    if lang == "zh":
        assert "居全国前四" in text and "八连冠" in text


@pytest.mark.parametrize("lang", LANGS)
def test_the_finder_and_the_scale_ladder_give_the_same_volumes(lang):
    ladder = {r["item"]: r["label"] for r in _datasets(charts.platforms.scale_ladder(model.finder.volume_facts(), lang))
              if "label" in r and "item" in r}
    spans = model.finder.volume_spans()
    assert len(ladder) == len(spans)
    short = charts.start.short_names(data.platforms().set_index("platform_id", drop=False), lang)
    for pid, low, high, _ in spans.itertuples(index=False):
        label = fmt.span(low, high, "L", lang)
        assert ladder[short[pid]] == label
        match = next(m for m in model.finder.find(scale_l=low) if m.platform_id == pid)
        (reason,) = [r for r in match.reasons if r.criterion == "scale"]
        assert label in prose.platforms.reason_text(reason, lang)


# --- issue 15: counts keep their measure word in Chinese; China's key products say what they are ----------

def _count_row(entity, indicator):
    row = model.facts.fact(entity, indicator)
    assert row["unit"] == "count"
    return row


@pytest.mark.parametrize(("entity", "indicator", "zh"), [
    ("suzhou_sip", "valid_invention_patent_count", "超2.5万件"),
    ("sip_jiangsu_level_consortia", "consortium_count", "4家"),
    ("sip_innovation_consortium_policy_2023", "policy_measure_count", "17条"),
    ("shanghai_zhangjiang", "innovative_device_approval_count", "23个"),
])
def test_a_count_shown_in_chinese_carries_the_measure_word_its_seed_uses(entity, indicator, zh):
    row = _count_row(entity, indicator)
    assert zh.lstrip("超") in row["quote"].replace(" ", "")  # the seed writes it so
    assert fmt.fact(row, "zh") == zh
    assert fmt.fact(row, "en") == fmt.number(row["value"], "count", "en", fmt.text(row["qualifier"]))
    facts = data.facts(entity, indicator)
    table = prose.cards.facts_table(facts, "zh")
    assert f"<b>{zh}</b>" in table
    tiles = prose.briefing.key_figures(facts, "zh").data
    assert zh in _plain(tiles)


def test_count_bars_in_chinese_read_with_their_measure_word():
    f = data.facts("china")
    spec = charts.china.lab_inventory(f, "zh").to_dict()
    texts = {r["text"] for r in _datasets(spec) if "text" in r}
    assert "6个" in texts and "6" not in texts
    spec = charts.china.incubator_gap(f, "zh").to_dict()
    shown = " ".join(str(r.get("text", "")) for r in _datasets(spec))
    assert "56个" in shown and "1897家" in shown  # the others counted as the total is (1953家)


def test_no_chinese_sentence_doubles_a_measure_word():
    """Sentences that formatted a count and then wrote 家/个 themselves must not read 1953家家."""
    html = "".join(str(x.data) for x in (
        prose.china.incubator_gap("zh"), prose.china.parks_comparison("zh"), prose.barriers.incubator_gap("zh"),
        prose.zhangjiang.figures("zh"), prose.zhangjiang.platforms("zh"),
        prose.recommendations.recommendation_overview("zh"),
        prose.platforms.type_rule("technology_innovation", "zh"), prose.platforms.type_rule("pilot_scale", "zh")))
    text = _plain(html)
    assert not re.search(r"\d[万亿]?[家个件条项位所款台栋类][家个件条项位所款台栋类]", text), text
    assert "1953家" in text and "近200个" in text


@pytest.mark.parametrize(("indicator", "zh", "en"), [
    ("key_products_output_value", "生物发酵制品、生物基精细化学品和生物基材料等关键产品产值（不含传统酿造业）",
     "output value of key products such as bio-fermentation products, bio-based fine chemicals and bio-based materials "
     "(excluding traditional brewing)"),
    ("key_products_annual_production", "生物发酵制品、生物基精细化学品和生物基材料等关键产品年产量",
     "annual production of key products such as bio-fermentation products, bio-based fine chemicals and bio-based "
     "materials"),
])
def test_chinas_key_product_figures_say_they_are_the_key_products(indicator, zh, en):
    row = model.facts.fact("china", indicator)
    assert row["fact_id"] in ("h2-002", "h2-003")
    assert (row["indicator_zh"], row["indicator_en"]) == (zh, en)
    assert data.facts("china", "output_value").empty and data.facts("china", "annual_production").empty


def test_count_targets_and_ranges_in_chinese_keep_their_measure_word():
    html = widgets.regions.tracker_view("hz_synbio_plan_2024_2026", "zh")
    row = model.facts.fact("hz_synbio_plan_2024_2026", "firm_count_output_1bn_plus")
    assert row["quote"].endswith("不少于10家") and "<b>10家以上</b>" in html
    rows = data.facts("biomade_facility_network", "site_count")
    spec = chart_facts.facts_by_unit(rows, "zh", "BioMADE")
    assert "12至15个（目标）" in [text for _, text in _cell_texts(spec)]  # an aim of BioMADE's, with no deadline
