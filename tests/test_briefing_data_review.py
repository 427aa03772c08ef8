"""The review of the rendered briefings (rev23), its data and label items: a target the source sets no deadline
for (BioMADE's 旨在 12—15 sites) is a target with no year, not a reported fact; Hangzhou's CNY 40 bn is the
synthetic-biology industry's output, not the city's manufacturing; a yearly target shows no year; China's
figures say whose they are and which products; the header's years take in a period a quote states; no
appendix quote is a row of bare table cells or a word cut across a page break; a chart's data README says how
the Value column is written and carries the chart's own note."""

from __future__ import annotations

import base64
import io
import re
import zipfile

import pandas as pd
import pytest

from biomfg import data, model, prose
from biomfg.i18n import t
from biomfg.prose import chartdata
from biomfg.render import data_of
from biomfg.tools import brief
from biomfg.tools.validate import NO_DEADLINE

LANGS = ("zh", "en")
BARE_YEARS = re.compile(r"(\d{4}年\s*){3,}")  # 成立时间 2016年 2004年 2012年 2011年: a table's column, not a quote


def _plain(html) -> str:
    html = getattr(html, "data", html)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", re.sub(r"<style.*?</style>", "", str(html), flags=re.S)))


def _tiles(kind, id_, lang) -> str:
    b = brief.Briefing(kind, id_, lang)
    return " ".join(_plain(x) for part in (1, 2) for x in (b.key_figures(part) or []))


# --- item 1: an aim with no deadline is a target with no year ------------------------------------------------

def test_biomades_sites_are_a_target_with_no_year_and_a_note_saying_so():
    rows = data.facts("biomade_facility_network", "site_count")
    assert len(rows) == 2 and set(rows["kind"]) == {"target"} and rows["year"].isna().all()
    assert all(NO_DEADLINE in n for n in rows["note"]) and all("旨在" in q for q in rows["quote"])


def test_pilot_scale_tracks_biomades_sites_as_a_target():
    s = model.brief.subject("platform_type", "pilot_scale")
    assert "biomade_facility_network" in set(s.tracked["entity_id"])
    assert not (s.figures["kind"].eq("actual") & s.figures["indicator"].eq("site_count")).any()


@pytest.mark.parametrize(("lang", "span", "when"), [("zh", "12至15个", "未定期限"), ("en", "12–15", "no deadline set")])
def test_a_target_with_no_deadline_reads_as_one_on_its_tile(lang, span, when):
    tiles = _tiles("platform_type", "pilot_scale", lang)
    assert span in tiles and when in tiles and t("target", lang) in tiles
    assert "None" not in tiles and t("year_inferred", lang) not in tiles


@pytest.mark.parametrize(("lang", "span", "ends"), [("zh", "12至15个", ("区间下限", "区间上限")),
                                                      ("en", "12–15", ("low end of a range", "high end of a range"))])
def test_the_appendix_prints_a_range_as_its_span(lang, span, ends):
    s = model.brief.subject("platform_type", "pilot_scale")
    text = _plain(prose.briefing.sources_with_quotes(s.figures, lang))
    assert span in text and not any(e in text for e in ends)


def test_validate_still_wants_a_deadline_from_a_target_whose_note_does_not_say_it_has_none(data_copy, capsys):
    from biomfg.__main__ import main

    path = data_copy / "facts.csv"
    text = path.read_text(encoding="utf-8")
    text = text.replace(",2026,target,,004_d0f988d17e3f55ba.txt", ",,target,,004_d0f988d17e3f55ba.txt", 1)
    path.write_text(text, encoding="utf-8")
    assert main(["validate", "--data", str(data_copy), "--seeds", str(data.seeds_dir())]) == 1
    assert "a target needs its deadline year" in capsys.readouterr().err


# --- items 2 and 4: Hangzhou ---------------------------------------------------------------------------------

def test_hangzhous_output_target_is_the_synthetic_biology_industrys():
    row = model.facts.fact("hz_synbio_plan_2024_2026", "manufacturing_output_value")
    assert "合成生物" in row["indicator_zh"] and "ynthetic-biology" in row["indicator_en"]
    assert "合成生物制造业总产值" in row["quote"]
    assert (data.facts(indicator="manufacturing_output_value")["entity_id"] == "hz_synbio_plan_2024_2026").all()


@pytest.mark.parametrize("lang", LANGS)
def test_hangzhous_yearly_target_shows_no_deadline_year(lang):
    row = model.facts.fact("hz_synbio_plan_2024_2026", "key_rd_programme_projects_selected")
    assert row["qualifier"] == "per_year" and pd.isna(row["year"]) and NO_DEADLINE in row["note"]
    tiles = _tiles("region", "hangzhou", lang)
    shown = "每年10个" if lang == "zh" else "10 a year"
    assert shown in tiles
    after = tiles[tiles.index(shown):][:120]
    assert t("year_inferred", lang) not in after and "2026" not in after.split(t("target", lang))[1][:30]


# --- items 3 and 5: Zhaoqing and the overview ---------------------------------------------------------------

@pytest.mark.parametrize(("lang", "when"), [("zh", "截至2023年底"), ("en", "end of 2023")])
def test_zhaoqings_firm_count_is_as_of_the_end_of_2023(lang, when):
    assert when in _tiles("region", "zhaoqing_hitech", lang)


def test_chinas_growth_rate_says_whose_and_the_key_products_are_named():
    growth = model.facts.fact("china", "annual_growth_rate")
    assert growth["indicator_zh"] == "生物制造产业年增长率" and "biomanufacturing industry" in growth["indicator_en"]
    assert "生物制造产业" in growth["quote"]
    value = model.facts.fact("china", "key_products_output_value")
    for name in ("生物发酵制品", "生物基精细化学品", "生物基材料"):
        assert name in value["indicator_zh"] and name in value["quote"]


@pytest.mark.parametrize(("lang", "years"), [("zh", "2018—2024年"), ("en", "2018–2024")])
def test_the_overview_header_takes_in_the_2018_2022_period(lang, years):
    b = brief.Briefing("overview", None, lang)
    assert years in _plain(b.header()[0])


# --- item 6: quotes that read ---------------------------------------------------------------------------------

def test_no_quote_is_a_run_of_bare_years():
    for table in ("facts", "events", "platforms"):
        quotes = data.table(table)["quote"].dropna().astype(str)
        assert not [q for q in quotes if BARE_YEARS.search(q)], table


@pytest.mark.parametrize("kind,id_", [("platform_type", "technology_innovation"), ("platform_type", "pilot_scale"),
                                       ("platform_type", "industry_incubation"), ("overview", None)])
def test_no_appendix_quote_is_a_run_of_bare_years_or_a_cut_word(kind, id_):
    for lang in LANGS:
        text = " ".join(_plain(x) for x in brief.Briefing(kind, id_, lang).appendix())
        assert not BARE_YEARS.search(text) and "包括威 … 尔士" not in text


def test_luoyangs_card_source_is_a_sentence():
    quote = data.table("regions").set_index("region_id").loc["luoyang", "quote"]
    assert quote.startswith("近日，从洛阳高新区获悉，") and quote.endswith("海上风电机组")


# --- item 7: the data download ---------------------------------------------------------------------------------

def _sip_chart(lang):
    return next(p for p in brief.Briefing("region", "suzhou_sip", lang).headline_chart() if hasattr(p, "to_dict"))


@pytest.mark.parametrize(("lang", "said", "unsaid"), [
    ("zh", "“数值”一栏按“单位”一栏展开（超1550亿元记为155000000000元），未作取整", "未经取整或换算"),
    ("en", "(more than CNY 155 bn = 155000000000 CNY); nothing is rounded", "neither rounded nor converted")])
def test_the_readme_says_how_the_value_column_is_written(lang, said, unsaid):
    chart = _sip_chart(lang)
    readme = chartdata.files(data_of(chart), note=chartdata.note_of(chart, lang))["README.md"].decode()
    assert said in readme and unsaid not in readme


@pytest.mark.parametrize(("lang", "heading", "total"),
                         [("zh", "## 图注", "超4000亿元"), ("en", "## About this chart", "CNY 400 bn")])
def test_the_readme_and_metadata_carry_the_charts_note(lang, heading, total):
    chart = _sip_chart(lang)
    note = chartdata.note_of(chart, lang)
    assert total in note and not note.startswith(t("source", lang))
    html = chartdata.block(chart).data  # the block under the chart: its ZIP's README has the note too
    packed = re.search(r"href='data:application/zip;base64,([^']+)'", html).group(1)
    with zipfile.ZipFile(io.BytesIO(base64.b64decode(packed))) as z:
        assert total in z.read("README.md").decode()
    parts = chartdata.files(data_of(chart), note=note)
    assert heading in parts["README.md"].decode() and total in parts["datapackage.json"].decode()


def test_the_en_title_of_seed_001_is_idiomatic():
    name = data.sources().set_index("source_id").loc["001_06382234265d09a9.txt", "name_en"]
    assert name.endswith("an innovation city reinvents itself") and "towards the new" not in name
