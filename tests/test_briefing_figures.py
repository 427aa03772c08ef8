"""A briefing's key figures and charts as an official reads them (review of issue 16, items 6, 9, 10, 17):
a stated range is one figure, never one end of it; counts of kinds (tiers, types, list entries) are not
key figures; a figure about a facility or fund names its owner; a total is never drawn beside its own
parts; a chart's title says what it shows and whose, not its unit; the success-factor chart says the
factors are the project's coding and names the platforms on paper; a group heading stands clear of the
top axis."""

from __future__ import annotations

import json
import re

import pytest
from test_briefing_content import SUBJECTS

from biomfg import charts, data, fmt
from biomfg.charts import briefing as cb
from biomfg.charts import facts as cf
from biomfg.i18n import LANGS, messages, t
from biomfg.model import brief as model
from biomfg.model import facts as model_facts

from conftest import DATA


def _chosen(kind, id_, n=None):
    s = model.subject(kind, id_)
    rows = s.figures[s.figures["entity_id"] == "china"] if kind == "overview" else s.figures
    return model.key_figures(rows, s.own, n or model.KEY_FIGURES[kind])


def _texts(spec) -> list[str]:
    """Every string in a chart's spec (titles, subtitles, data values)."""
    out = []

    def walk(x):
        if isinstance(x, str):
            out.append(x)
        elif isinstance(x, dict):
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)
    walk(spec)
    return out


def _title(spec) -> tuple[str, str]:
    title = spec["title"]
    text = title["text"] if isinstance(title["text"], str) else "".join(title["text"])
    return text, " ".join(title.get("subtitle", []))


# --- A: key figures ------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_a_stated_range_is_one_key_figure_shown_as_its_span(lang):
    chosen = _chosen("platform_type", "pilot_scale")
    sites = chosen[chosen["indicator"] == "site_count"]
    assert len(sites) == 1 and sites.iloc[0]["value_high"] == 15
    shown = model_facts.figure_text(sites.iloc[0], lang)
    assert shown == fmt.span(12, 15, "count", lang, "个") and ("12–15" if lang == "en" else "12至15个") == shown
    assert not any(re.search("low end|区间下限", model_facts.figure_text(r, lang)) for _, r in chosen.iterrows())


def test_counts_of_kinds_are_declared_in_the_data():
    pkg = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    fields = next(r for r in pkg["resources"] if r["name"] == "indicators")["schema"]["fields"]
    assert "counts" in [f["name"] for f in fields]
    assert {"member_tier_count", "asset_count", "funding_type_count", "action_count"} <= model.kinds_counts()
    assert not {"firm_count", "lab_count", "site_count", "state_count"} & model.kinds_counts()


def test_counts_of_kinds_rank_below_figures_of_scale_in_every_briefing():
    kinds = model.kinds_counts()
    for kind, id_ in SUBJECTS:
        chosen = _chosen(kind, id_)
        s = model.subject(kind, id_)
        rows = s.figures[s.figures["entity_id"] == "china"] if kind == "overview" else s.figures
        scale = rows[rows["unit"].isin(model.HEADLINE_UNITS) & ~rows["indicator"].isin(kinds)]
        if len(scale.drop_duplicates(["entity_id", "indicator"])) >= model.MIN_KEY_FIGURES:
            assert not set(chosen["indicator"]) & kinds, (id_, chosen["indicator"].tolist())


def test_pilot_scale_and_technology_innovation_lead_with_scale_not_trivia():
    pilot = set(_chosen("platform_type", "pilot_scale")["indicator"])
    assert not pilot & {"member_tier_count", "asset_count"} and "site_count" in pilot
    tech = set(_chosen("platform_type", "technology_innovation")["indicator"])
    assert "funding_type_count" not in tech and "annual_funding" in tech


@pytest.mark.parametrize("lang", LANGS)
def test_tiles_of_one_label_are_flagged_and_a_facility_names_its_owner(lang):
    chosen = _chosen("platform_type", "technology_innovation")
    # ABF's 7 member national laboratories and the 13 BSL-1/2 laboratories of CPI's centre are two measures,
    # not one label twice (the review read them as compared)
    labs = chosen[chosen["indicator"].isin(["lab_count", "biosafety_lab_count"])]
    assert labs["indicator"].is_unique and not labs["same_label"].any()
    assert chosen["same_label"].tolist() == chosen["indicator"].duplicated(keep=False).tolist()
    grants = _chosen("platform_type", "technology_innovation", n=20)
    twice = grants[grants["same_label"]]
    assert len(twice) >= 2  # the grant amounts of ABF's seed and full funding share a label: each says whose
    names = {e: cf.whose(e, lang) for e in twice["entity_id"]}
    assert len(set(names.values())) == len(names)
    assert model.owner_of("cpi_national_biologics_manufacturing_centre") == "cpi"
    assert "CPI" in cf.whose("cpi_national_biologics_manufacturing_centre", lang)
    assert "ABF" in cf.whose("abf_seed_funding", lang)
    assert model.owner_of("lawrence_berkeley_national_lab") is None  # a member laboratory is not ABF's own
    zh = cf.whose("cpi_rna_centre_of_excellence", "zh")
    assert "CPIRNA" not in zh


def test_a_chart_row_of_a_fund_or_centre_names_its_owner():
    s = model.subject("platform_type", "technology_innovation")
    for lang in LANGS:  # en names say 'ABF seed funding' already; zh 种子资金 does not
        rows = s.figures[s.figures["indicator"] == "grant_amount"]
        whos = [w for w, _ in cf.row_labels(rows, lang)]
        assert all("ABF" in w for w in whos), whos
        rows = s.figures[s.figures["indicator"].isin(["lab_count", "biosafety_lab_count"])]  # two holders
        assert any("CPI" in w for w, _ in cf.row_labels(rows, lang))


# --- B: totals and their parts; titles -----------------------------------------------------------

def test_the_parts_of_a_total_are_recorded_with_the_seed_words():
    facts = data.table("facts").set_index("fact_id")
    assert "part_of" in facts.columns
    parts = facts[facts["part_of"] == "h3-050"]
    assert set(parts.index) == {"h3-054", "h3-058", "h3-060"}
    assert "等新兴产业总产值突破 4000 亿元" in facts.loc["h3-050", "quote"]
    assert all("part_of h3-050" in n for n in parts["note"])


@pytest.mark.parametrize("lang", LANGS)
def test_sip_headline_chart_draws_no_total_beside_its_parts(lang):
    figs = model.subject("region", "suzhou_sip").figures
    _, rows = cb.headline_measure(figs)
    assert "h3-050" not in set(rows["fact_id"]) and {"h3-054", "h3-058", "h3-060"} <= set(rows["fact_id"])
    spec = cb.headline_chart(figs, lang, limit=6).to_dict()
    title, sub = _title(spec)
    total = fmt.fact(data.facts().set_index("fact_id").loc["h3-050"], lang)
    assert total in sub  # said under the title, not drawn
    drawn = [x for x in _texts(spec.get("datasets", {})) if x == total]
    assert not drawn


@pytest.mark.parametrize("lang", LANGS)
def test_a_total_goes_to_the_written_panel_in_any_chart_of_figures(lang):
    figs = model.subject("region", "suzhou_sip").figures
    rows = figs[figs["indicator"] == "output_value"]
    mask = cf.totals_of_parts(rows.reset_index(drop=True))
    assert mask.sum() == 1
    spec = cf.facts_by_unit(rows, lang, "t").to_dict()
    total = fmt.fact(data.facts().set_index("fact_id").loc["h3-050"], lang)
    panels = []
    for p in spec["vconcat"]:
        name = p.get("data", {}).get("name") or p["layer"][0]["data"]["name"]
        marks = {x["mark"]["type"] if isinstance(x["mark"], dict) else x["mark"] for x in p["layer"]}
        panels.append(("bar" in marks, ["".join(c["text"]) for c in spec["datasets"][name] if c["role"] == "row"]))
    assert [texts for bars, texts in panels if not bars] == [[total]]  # written out
    assert all(total not in texts for bars, texts in panels if bars) and any(bars for bars, _ in panels)


@pytest.mark.parametrize("lang", LANGS)
def test_headline_titles_say_what_they_show_not_their_unit_in_every_briefing(lang):
    unit_only = t("headline_title", lang).split("{unit}")
    drawn = 0
    for kind, id_ in SUBJECTS:
        s = model.subject(kind, id_)
        figs = s.figures[s.figures["entity_id"] == "china"] if kind == "overview" else s.figures
        best, rows = cb.headline_measure(figs, limit=6)
        if best is None:
            continue
        drawn += 1
        title, _ = _title(cb.headline_chart(figs, lang, limit=6).to_dict())
        assert not (title.startswith(unit_only[0]) and title.endswith(unit_only[1])), (id_, title)
        first = str(rows.sort_values("value", ascending=False).iloc[0][f"indicator_{lang}"])
        squeeze = lambda x: re.sub(r"\s+", "", x.casefold())  # noqa: E731  (wrapped lines joined)
        # what it measures, by name; or, past a glance's length, what kind of figures (经济规模 / economy)
        kinds = [str(m[lang]) for k, m in messages().items() if k.startswith("rg_family_")]
        assert squeeze(first) in squeeze(title) or any(squeeze(k) in squeeze(title) for k in kinds), (id_, title)
        assert len(squeeze(title)) <= {"zh": 40, "en": 110}[lang], (id_, title)
    assert drawn >= 4


@pytest.mark.parametrize("lang", LANGS)
def test_sip_headline_title_names_the_measures_and_whose(lang):
    figs = model.subject("region", "suzhou_sip").figures
    title, _ = _title(cb.headline_chart(figs, lang, limit=6).to_dict())
    # one measure (a chart compares one measure): what it is and whose, in the sources' words, and the unit
    if lang == "zh":
        assert title == "三个产业产值（亿元）", title
    else:
        assert title == "Output value of three industries (CNY bn)", title


# --- C: the success-factor chart -----------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_factor_chart_says_the_factors_are_coded_and_names_the_platforms_in_print(lang):
    members = data.platforms().query("type_id == 'technology_innovation'")["platform_id"]
    pf = data.table("platform_factors")
    spec = charts.platforms.factor_counts(pf[pf["platform_id"].isin(members)], lang).to_dict()
    title, sub = _title(spec)
    words = title + sub
    assert "tooltip" not in words and "悬停" not in words
    assert ("this project" in words) if lang == "en" else ("本项目" in words)
    marks = [layer["mark"]["type"] if isinstance(layer["mark"], dict) else layer["mark"] for layer in spec["layer"]]
    assert "text" in marks  # the platforms' names are drawn beside the bars
    short = charts.start.short_names(data.platforms().set_index("platform_id", drop=False), lang)
    drawn = " ".join(_texts(spec.get("datasets", {})))
    assert all(short[p] in drawn.replace(" ", "") or short[p] in drawn for p in members)


# --- D: group heads clear of the top axis --------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_a_group_head_stands_clear_of_the_top_axis_and_its_gridlines(lang):
    # Luoyang's one turbine's several measures are no longer one chart (one measure a chart): its figures
    # drawn under their holder's name, as the region comparer draws them
    figs = model.subject("region", "luoyang").figures
    spec = cf.facts_by_unit(figs[figs["unit"] == "m"], lang, "t").to_dict()
    cells = [c for d in spec["datasets"].values() for c in d if isinstance(c, dict) and c.get("role") in ("head", "sub")]
    assert cells, "the turbine's figures sit under its name"
    assert min(c["y"] for c in cells) >= cf.HEAD_TOP  # below the ticks of the top axis
    layers = spec["layer"]
    rects = [x for x in layers if (x["mark"]["type"] if isinstance(x["mark"], dict) else x["mark"]) == "rect"]
    assert rects and layers.index(rects[0]) == 0  # a band under the heading, drawn first, hides the gridlines
    for c in cells:
        assert c["band0"] <= c["y"] and c["y_end"] > c["y"]
