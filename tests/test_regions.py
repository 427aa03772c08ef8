"""The regional cases (notebooks 06-09): charts, the target tracker's logic, the region comparer's
'no value' path, widget callback speed, and figures that follow data/ into the notebooks."""

from __future__ import annotations

import csv
import json
import random
import statistics
import threading
import time

import nbformat
import pandas as pd
import pytest

from biomfg import charts, data, fmt, model, prose, widgets
from biomfg.i18n import t
from biomfg.tools import notebooks as nbtools
from biomfg.tools import timing

from conftest import DATA, NOTEBOOKS, copy_data, spec_dicts

LANGS = ("en", "zh")


def _spec(chart) -> dict:
    return chart.to_dict()


_walk = spec_dicts


def _source_line(spec: dict) -> str:
    return spec["title"]["subtitle"][-1]


def _all_charts(lang):
    firms = data.table("firms")
    items = data.table("plan_items")
    plan = "hz_synbio_plan_2024_2026"
    events = data.table("events")
    return {
        "industry_figures": charts.sip.industry_figures(prose.sip.industry_rows(lang), lang),
        "value_chain": charts.sip.value_chain(firms[firms["region_id"] == "suzhou_sip"], lang),
        "consortium": charts.zhangjiang.consortium_results(model.cases.count_rows("suzhou_interventional_med_consortium"), lang),
        "targets": charts.regions.targets_by_group(prose.targets.grouped_rows(plan, plan, lang), lang),
        "tracks": charts.hangzhou.track_columns(items[(items["plan_id"] == plan) & (items["kind"] == "track")], lang),
        "districts": charts.hangzhou.district_platforms(prose.hangzhou.layout_rows(lang), lang),
        "zhangjiang": charts.zhangjiang.counts(model.cases.count_rows("shanghai_zhangjiang"), lang),
        "mah": charts.zhangjiang.reform_timeline(events[events["name_en"].str.contains("MAH")], lang),
        "map": charts.regions.case_map(model.cases.cases(), lang, model.cases.own_notebook()),
    }


# --- charts ------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_every_chart_carries_its_source_line(lang):
    word = "来源" if lang == "zh" else "Source"
    for name, chart in _all_charts(lang).items():
        spec = _spec(chart)
        subtitle = spec["title"]["subtitle"]
        assert any(line.startswith(word) for line in subtitle), name
        assert any(".txt" in line for line in subtitle), name


def _panels(spec: dict) -> list[dict]:
    return spec.get("vconcat", [spec])


def _texts(rows: list[dict]) -> list[str]:
    return [x for r in rows if r.get("role") == "row" for x in r["text"] if x]


def test_facts_in_several_units_get_one_axis_each():
    f = model.cases.case_facts()
    mixed = f[f["case_id"].isin(["zhaoqing_hitech", "suzhou_sip"])]
    assert mixed["unit"].nunique() >= 3  # CNY, count, percent, ... : the test must see a mix
    spec = _spec(charts.facts.facts_by_unit(mixed, "en", "t"))
    datasets = spec["datasets"]
    measure_of = {}  # formatted value -> the measures (unit; for a count, the thing counted) it can be
    for _, r in mixed.iterrows():
        key = f"count:{r['indicator']}" if r["unit"] == "count" else r["unit"]
        measure_of.setdefault(charts.facts.value_text(r, "en"), set()).add(key)
    bar_panels = [p for p in _panels(spec) if p["layer"][0]["mark"]["type"] == "bar"]
    drawn = []
    for panel in bar_panels:
        keys = [measure_of[t] for t in _texts(datasets[panel["data"]["name"]])]
        assert len(keys) >= 2 and set.intersection(*keys), keys  # one measure per axis, two bars or more
        drawn.append(set.intersection(*keys))
    comparable = {k for k in mixed.apply(lambda r: f"count:{r['indicator']}" if r["unit"] == "count" else r["unit"],
                                         axis=1).value_counts().loc[lambda c: c >= 2].index if not k.endswith("rank")}
    assert {"CNY", "percent", "count:firm_count"} <= comparable
    assert all(len(d) == 1 for d in drawn) and len(drawn) == len({next(iter(d)) for d in drawn})
    assert spec["resolve"]["scale"]["x"] == "independent"
    titles = [p["layer"][0]["encoding"]["x"]["title"] for p in bar_panels]
    assert len({json.dumps(x) for x in titles}) == len(titles)  # each axis names its own measure
    shown = {t for rows in datasets.values() for x in _texts(rows) for t in x.split("; ")}
    assert set(measure_of) <= shown  # every figure is drawn or written out, none dropped


def test_one_panel_refuses_two_units():
    f = data.facts("suzhou_sip")
    with pytest.raises(ValueError, match="one unit per axis"):
        charts.facts.fact_bars(f[f["unit"].isin(["CNY", "percent"])], "en")


def test_currencies_are_never_converted():
    f = model.cases.case_facts()
    f = f[f["unit"] == "CNY"]
    f = f[~charts.facts.totals_of_parts(f)]  # a total beside its parts (facts.part_of) is written out, not a bar
    spec = _spec(charts.facts.facts_by_unit(f, "en", "t"))
    assert "vconcat" not in spec  # one currency: one panel, one axis
    rows = [r for d in spec["datasets"].values() for r in d if r.get("role") == "row"]  # not a heading's band
    assert all(t.startswith(("CNY ", "about CNY ", "more than CNY ")) for r in rows for t in r["text"])
    assert any("CNY 368.6 bn" in r["text"] for r in rows)  # the exact figure, as the data has it
    assert {round(r["value"] * 1e9) for r in rows} == {round(v) for v in f["value"]}  # drawn in bn, not converted


@pytest.mark.parametrize("lang", LANGS)
def test_the_map_is_points_only(lang):
    spec = _spec(charts.regions.case_map(model.cases.cases(), lang, model.cases.own_notebook()))
    text = json.dumps(spec)
    drawn = {k: v for k, v in spec.items() if k != "config"}
    marks = {d["mark"].get("type") if isinstance(d["mark"], dict) else d["mark"] for d in _walk(drawn) if "mark" in d}
    assert marks == {"point", "circle", "text"}
    assert "geoshape" not in marks and "geoshape" not in text
    assert not {"graticule", "sphere", "topojson", "url"} & {k for d in _walk(spec) for k in d}
    assert spec["projection"]["type"] in ("equirectangular", "mercator")
    dots = [r for rows in spec["datasets"].values() for r in rows if "name" in r]
    assert len(dots) == len(model.cases.cases()) == 10
    names = set(model.cases.cases()[f"name_{lang}"])
    assert {r["name"] for r in dots} == names


def test_value_chain_reads_upstream_to_downstream():
    spec = _spec(charts.sip.value_chain(data.table("firms"), "en"))
    heads = [r["head"] for rows in spec["datasets"].values() for r in rows if "head" in r]
    assert heads == [["Upstream"], ["Midstream"], ["Downstream"]]
    items = [r for rows in spec["datasets"].values() for r in rows if "item" in r]
    assert any(r["muted"] and r["x"] == 2 for r in items)  # no downstream firm named: said, not invented


# --- target tracker --------------------------------------------------------------------------------

def test_every_target_has_its_deadline():
    rows = model.targets.tracker_rows()
    facts = data.table("facts")
    assert len(rows) == (facts["kind"] == "target").sum() > 0
    # a target has its year, unless its note says its source sets no deadline (BioMADE's 旨在 12—15 sites)
    undated = rows[rows["year"].isna()]
    assert undated["note"].str.contains("the source states no deadline").all() and len(undated) < len(rows)
    html = prose.targets.table_html(rows, "en")
    for year in rows["year"].dropna().unique():  # a deadline the quote does not state is marked as inferred
        assert f">{year}</td>" in html or f">{year} (inferred)</td>" in html
    assert html.count(">no deadline set</td>") == len(undated) and "<NA>" not in html


def test_no_baseline_says_so_and_shows_no_progress():
    rows = model.targets.tracker_rows()
    assert (rows["status"] == "no_baseline").all()  # the sources give no baseline for any target
    assert rows["progress"].isna().all()
    for lang, words in (("en", "No baseline"), ("zh", "没有基线")):
        assert words in prose.targets.baseline_text(rows.iloc[0], lang)
        assert words in widgets.regions.tracker_view("hz_synbio_plan_2024_2026", lang)


def _with_baseline(value: float, year: int, unit: str = "count") -> pd.DataFrame:
    facts = data.facts()
    target = facts[facts["fact_id"] == "h4-055"].iloc[0]  # more than 20 'little giant' firms by 2026
    extra = target.copy()
    extra["fact_id"], extra["kind"], extra["value"], extra["year"], extra["unit"] = "t-1", "actual", value, year, unit
    extra["qualifier"] = pd.NA
    return pd.concat([facts, extra.to_frame().T], ignore_index=True)


def test_a_baseline_gives_progress():
    rows = model.targets.tracker_rows(_with_baseline(8, 2024)).set_index("fact_id")
    r = rows.loc["h4-055"]
    assert r["status"] == "progress" and r["baseline_fact_id"] == "t-1"
    assert r["progress"] == pytest.approx(40.0)
    assert "40.0%" in prose.targets.baseline_text(r, "en") and "2024" in prose.targets.baseline_text(r, "en")
    assert rows.drop("h4-055")["status"].eq("no_baseline").all()  # only the target with a baseline moves


def test_a_baseline_after_the_deadline_or_in_another_unit_is_not_progress():
    after = model.targets.tracker_rows(_with_baseline(8, 2030)).set_index("fact_id").loc["h4-055"]
    assert after["status"] == "no_baseline"
    other = model.targets.tracker_rows(_with_baseline(8, 2024, "percent")).set_index("fact_id").loc["h4-055"]
    assert other["status"] == "not_comparable" and pd.isna(other["progress"])
    assert "not comparable" in prose.targets.baseline_text(other, "en")


def test_targets_are_grouped_under_the_actions_that_set_them():
    plan = "hz_synbio_plan_2024_2026"
    rows = prose.targets.grouped_rows(plan, plan, "en").set_index("fact_id")
    assert rows["group_id"].notna().all()
    assert rows.loc["h4-047", "group_id"] == "hz_goal_1354"   # the '1' of 1354
    assert rows.loc["h4-050", "group_id"] == "hz_action_1"    # task 2
    assert rows.loc["h4-053", "group_id"] == "hz_action_3"    # task 8
    assert rows.loc["h4-060", "group_id"] == "hz_action_4"    # task 11
    # a target stated twice (the '3' of 1354, restated by task 12) is one row, placed by its first mention
    assert "到2026年" in rows.loc["h4-048", "quote"] and rows.loc["h4-048", "group_id"] == "hz_goal_1354"
    html = prose.targets.grouped_html(plan, plan, "en")
    assert html.count("No numeric target in the sources") == 1  # the ecosystem action sets none


# --- region comparer: no value is a message ---------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_comparer_no_value_gives_a_message_not_an_exception(lang):
    chart, msg = widgets.regions.comparer_view(["luoyang"], "economy", lang)
    assert chart is None
    assert ("No value" in msg) if lang == "en" else ("没有" in msg)
    assert "洛阳" in msg or "Luoyang" in msg
    chart, msg = widgets.regions.comparer_view([], "economy", lang)
    assert chart is None and msg
    chart, msg = widgets.regions.comparer_view(["suzhou_sip", "luoyang"], "economy", lang)
    assert chart is not None and ("Luoyang" in msg or "洛阳" in msg)
    box = widgets.regions.comparer(lang, region_ids=["luoyang"])
    pick, fam = box._controls
    pick.value = ()
    pick.value = ("luoyang",)
    fam.value = "ranking"


# --- callback speed --------------------------------------------------------------------------------



@pytest.mark.timing
@pytest.mark.parametrize("lang", LANGS)
def test_region_comparer_callback_p95_under_50ms(lang):
    box = widgets.regions.comparer(lang)
    box._warming.join(timeout=30)  # a presenter clicks once the page is drawn and the kernel idle
    assert not box._warming.is_alive()
    pick, fam = box._controls
    ids = [o[1] for o in pick.options]
    fams = [o[1] for o in fam.options]
    rng = random.Random(5)
    times = []
    for i in range(60):
        start = time.perf_counter()
        if i % 2:
            fam.value = rng.choice([f for f in fams if f != fam.value])
        else:
            pick.value = tuple(rng.sample(ids, rng.randint(0, len(ids))))
        times.append(time.perf_counter() - start)
    assert len(times) >= 50
    assert timing.p95(times) <= 0.050, f"p95 {timing.p95(times) * 1000:.1f} ms, median {statistics.median(times) * 1000:.1f} ms"


@pytest.mark.parametrize("lang", LANGS)
def test_region_comparer_answers_a_click_before_it_is_warm(lang, monkeypatch):
    """A click on a family not yet built (the reader was quicker than the warming thread) builds
    that family alone, never every family at once, and shows its chart."""
    monkeypatch.setattr(widgets.fast.FastComparer, "warm", lambda self, families: threading.Thread(target=None))
    box = widgets.regions.comparer(lang)
    pick, fam = box._controls
    first = fam.value
    assert set(box._fast.full) == {first}  # only the chart on screen was built
    other = [o[1] for o in fam.options if o[1] != first][-1]
    fam.value = other
    assert set(box._fast.full) == {first, other}
    chart_out = box.children[2]
    assert chart_out.outputs and "application/vnd.vegalite.v5+json" in chart_out.outputs[0]["data"]


def test_comparer_warms_only_while_the_kernel_is_idle():
    """In a kernel the warming thread waits for a quiet spell between cells: a lesson run top to
    bottom never pays for charts no one asks for, and a live reader finds them built."""
    from IPython.core.events import EventManager

    from biomfg.widgets.fast import KernelIdle

    class Shell:
        events = EventManager(None, {"pre_run_cell": None, "post_run_cell": None})

    idle = KernelIdle(Shell())  # made in a running cell
    done = threading.Event()
    waiter = threading.Thread(target=lambda: (idle.wait(settle=0.2), done.set()), daemon=True)
    waiter.start()
    assert not done.wait(0.4)  # a cell is running
    Shell.events.trigger("post_run_cell", None)
    Shell.events.trigger("pre_run_cell", None)  # the next cell at once, as nbclient runs them
    assert not done.wait(0.4)
    Shell.events.trigger("post_run_cell", None)
    assert done.wait(2)  # the kernel went quiet


@pytest.mark.timing
@pytest.mark.parametrize("lang", LANGS)
def test_target_tracker_callback_p95_under_50ms(lang):
    box = widgets.regions.target_tracker(lang)
    (pick,) = box._controls
    options = [o[1] for o in pick.options]
    times = []
    for i in range(60):
        start = time.perf_counter()
        pick.value = options[(i + 1) % len(options)]
        times.append(time.perf_counter() - start)
    assert timing.p95(times) <= 0.050, f"p95 {timing.p95(times) * 1000:.1f} ms"


# --- figures follow data/ into the notebooks ----------------------------------------------------------

def _copy_with(tmp_path, fact_id: str, value: str):
    folder = tmp_path / "data"
    copy_data(folder)
    path = folder / "facts.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    col = rows[0].index("value")
    hits = [r for r in rows if r[0] == fact_id]
    assert len(hits) == 1
    hits[0][col] = value
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)
    return folder


@pytest.mark.parametrize(("notebook", "fact_id", "value", "old", "new"), [
    ("06_suzhou_industrial_park", "h3-020", "368700000000", "CNY 368.6 bn", "CNY 368.7 bn"),
    ("07_hangzhou_synbio_plan", "h4-046", "41000000000", "CNY 40 bn", "CNY 41 bn"),
    ("08_shanghai_zhangjiang", "h4-011", "29", "<b>23</b> innovative medical devices", "<b>29</b> innovative medical devices"),
    ("09_other_parks", "h4-042", "4500000000", "CNY 4 bn", "CNY 4.5 bn"),
])
def test_a_changed_figure_reaches_the_notebook(tmp_path, monkeypatch, notebook, fact_id, value, old, new):
    path = NOTEBOOKS / f"{notebook}.ipynb"
    stored = json.dumps([c.get("outputs", []) for c in json.loads(path.read_text(encoding="utf-8"))["cells"]])
    assert old in stored and new not in stored
    monkeypatch.setenv("BIOMFG_DATA", str(_copy_with(tmp_path, fact_id, value)))
    nb = nbtools.execute(nbformat.read(path, as_version=4), cwd=NOTEBOOKS)
    text = json.dumps([c.get("outputs", []) for c in nb.cells])
    assert new in text


# --- categories in both languages ----------------------------------------------------------------------

def test_every_product_kind_has_a_label_in_both_languages():
    package = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    fields = next(r for r in package["resources"] if r["name"] == "products")["schema"]["fields"]
    allowed = next(f for f in fields if f["name"] == "kind")["constraints"]["enum"]
    assert set(allowed) == set(prose.regions.PRODUCT_KINDS)
    assert set(data.table("products")["kind"]) <= set(allowed)
    for labels in prose.regions.PRODUCT_KINDS.values():
        assert labels["zh"] and labels["en"] and labels["zh"] != labels["en"]


def _visible(html: str) -> str:
    """Text a reader sees, less the verbatim quotes, source names and English-only notes."""
    import re

    html = re.sub(r"<span class='(src|quote)'>.*?</span>", " ", html, flags=re.S)
    return re.sub(r"<[^>]+>", "|", html)


def test_chinese_cards_show_kinds_in_chinese():
    ids = list(model.cases.cases()["region_id"])
    products = data.table("products").dropna(subset=["region_id"])
    where = sorted(set(products["region_id"]))
    zh = _visible("".join(prose.regions.region_card(r, "zh") for r in ids)
                  + prose.regions.products_table(where, "zh").data)
    en = _visible("".join(prose.regions.region_card(r, "en") for r in ids)
                  + prose.regions.products_table(where, "en").data)
    for kind in ("target", "estimate"):  # facts.kind, as readers read it: (target), (projected)
        assert f"({t(kind, 'en')})" in en and f"({t(kind, 'en')})" not in zh
        assert f"（{t(kind, 'zh')}）" in zh  # full-width brackets in Chinese (house style)
    shown = set(products["kind"])
    for kind in shown:
        en_label, zh_label = (prose.regions.PRODUCT_KINDS[kind][x] for x in ("en", "zh"))
        assert f"|{en_label}|" in en and f"|{en_label}|" not in zh, kind
        assert f"|{zh_label}|" in zh, kind


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_park_figures_draws_any_case_titled_with_its_name(lang):
    """A new park needs only data rows: charts.regions.park_figures draws every case from its figures."""
    names = model.cases.cases().set_index("region_id")[f"name_{lang}"]
    for region in model.cases.case_ids():
        rows = model.facts.case_figures(region)
        if rows.empty:
            continue
        title = charts.regions.park_figures(rows, lang).to_dict()["title"]["text"]
        title = "".join(title if isinstance(title, list) else [title]).replace(" ", "")
        assert str(names[region]).replace(" ", "") in title, (region, title)
    with pytest.raises(ValueError, match="one case"):
        charts.regions.park_figures(model.cases.case_facts(), lang)


# --- issue 15: what a case reaches, years marked as inferred, wording true to the sources ---------------

TURBINE = ("rated_power", "rotor_diameter", "hub_height", "wave_height_withstood", "typhoon_grade_withstood")


@pytest.mark.parametrize("lang", LANGS)
def test_luoyang_reaches_the_turbine_its_bearing_is_fitted_to(lang):
    """The Luoyang bearing is fitted to the 17 MW turbine (products.part_of): the turbine's figures are the
    case's, in its figures, its card, the comparer and its briefing, each labelled with what it measures."""
    figs = model.facts.case_figures("luoyang")
    assert set(TURBINE) <= set(figs["indicator"])
    names = dict(zip(figs["indicator"], figs[f"indicator_{lang}"], strict=True))
    card = str(prose.regions.region_card("luoyang", lang))
    tiles = prose.briefing.key_figures(model.brief.key_figures(figs, "luoyang"), lang).data
    for ind in TURBINE:  # a label opening a table cell is capitalised in English
        assert names[ind].casefold() in card.casefold()
    assert names["rated_power"].casefold() in tiles.casefold()
    for family in ("capacity", "scale", "other"):
        chart, msg = widgets.regions.comparer_view(["luoyang"], family, lang)
        assert chart is not None and not msg, family
    charts.regions.park_figures(figs, lang)  # draws, no "no value"


@pytest.mark.parametrize("lang", LANGS)
def test_years_inferred_from_this_year_are_marked_where_they_are_shown(lang):
    mark = {"en": "inferred", "zh": "推断"}[lang]
    # notebook 08: the Shanghai approvals of 今年
    zj = prose.zhangjiang.figures(lang).data
    assert f"2024 ({mark})" in zj if lang == "en" else f"2024年（{mark}）" in zj
    assert "今年" in zj  # and from what
    # notebook 06: the consortium's call of 今年8月
    spec = json.dumps(charts.zhangjiang.consortium_results(
        model.cases.count_rows("suzhou_interventional_med_consortium"), lang).to_dict(), ensure_ascii=False)
    assert ("2024, inferred)" if lang == "en" else "2024年，推断）") in spec
    assert "今年" in spec
    # events on a case's card: SIP's plan published 今年年初
    card = str(prose.regions.region_card("suzhou_sip", lang))
    assert f"{'2025年' if lang == 'zh' else '2025'}{t('paren', lang, text=mark)}" in card
    # every facts chart label of a row whose quote does not state its year says so
    f = data.facts()
    inferred = f[[fmt.year_inferred(r) for _, r in f.iterrows()]]
    assert len(inferred) and all(mark in what for _, what in charts.facts.row_labels(inferred, lang))


def _markdown(name: str, lang: str) -> str:
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    return "\n".join(c.source for c in nb.cells if c.cell_type == "markdown" and f"lang-{lang}" in c.metadata.get("tags", []))


def test_the_news_cases_are_not_called_the_articles():
    """SIP (seeds 000, 001) and Zhangjiang (003) come from news reports; the journal article (002) names neither."""
    for name in ("06_suzhou_industrial_park.ipynb", "08_shanghai_zhangjiang.ipynb"):
        assert "the article's" not in _markdown(name, "en") and "原文中" not in _markdown(name, "zh")
    assert "news reports" in _markdown("06_suzhou_industrial_park.ipynb", "en")
    assert "新闻报道" in _markdown("06_suzhou_industrial_park.ipynb", "zh")
    # 步行不过百米 is said of the upstream firms only, not of the whole chain
    assert "within walking distance" not in _markdown("06_suzhou_industrial_park.ipynb", "en")
    assert "下游临床步行可达" not in _markdown("06_suzhou_industrial_park.ipynb", "zh")


def test_notebook_09_states_no_unsourced_finding_about_parks():
    assert "still rare" not in _markdown("09_other_parks.ipynb", "en")
    assert "仍然很少" not in _markdown("09_other_parks.ipynb", "zh")


def test_the_other_parks_overview_names_no_park_by_hand():
    """Notebook 09's overview leaves the list of parks to the cell that reads it from data/ (a new park
    then needs no prose edit there): no lesson text names one of its cases."""
    nb = nbformat.read(NOTEBOOKS / "09_other_parks.ipynb", as_version=4)
    heads = [i for i, c in enumerate(nb.cells) if c.cell_type == "markdown" and c.source.startswith("## ")]
    overview = nb.cells[heads[0] + 1: heads[1]]
    regions = pd.read_csv(DATA / "regions.csv")
    cases = regions[regions["lat"].notna()]
    found = []
    for _, r in cases.iterrows():
        for short in (str(r["name_en"]).split()[0], str(r["name_zh"])[:2]):
            found += [short for c in overview if short in c.source]
    assert not found, found


@pytest.mark.parametrize("lang", ("en", "zh"))
def test_a_case_whose_seeds_name_no_province_has_no_empty_location_line(lang):
    """Issue 15: a park whose parent is the country read 'in China' / 位于中国; it shows no location line."""
    regions = data.table("regions").set_index("region_id")
    country = set(regions.index[regions["kind"] == "country"])
    under_country = [r for r in model.cases.case_ids() if regions.loc[r, "parent_id"] in country]
    assert under_country, "no case sits directly under the country"
    for r in under_country:
        card = str(prose.regions.region_card(r, lang))
        assert "class='meta'" not in card
        assert t("rg_in_region", lang, region=regions.loc["china", f"name_{lang}"]) not in card
    card = str(prose.regions.region_card("jinan_hitech", lang))  # a province still shows
    parent = regions.loc["jinan_hitech", "parent_id"]
    assert t("rg_in_region", lang, region=regions.loc[parent, f"name_{lang}"]) in card
