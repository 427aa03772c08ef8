"""Notebooks 01-04's library: charts (sources, currencies, log scale, bands, plotted columns only),
the finder (typical and edge queries), the capabilities data, widget callback speed, exercises."""

from __future__ import annotations

import json
import time

import pandas as pd
import pytest

from biomfg import charts, data, exercises, model, prose, widgets
from biomfg.tools import timing
from biomfg.tools.validate import _squash

from conftest import SEEDS, copy_data

SEED = "002_2345a6461b2e6a43.txt"


def _spec(chart) -> dict:
    return chart.to_dict()


def _datasets(spec: dict) -> list[list[dict]]:
    return list(spec.get("datasets", {}).values())


def _fields(node) -> set[str]:
    """Every field name a spec refers to (encodings, calculate expressions, sorts)."""
    found: set[str] = set()
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "field" and isinstance(v, str):
                found.add(v)
            elif k in ("calculate", "expr", "text") and isinstance(v, str):
                found.update(part.split(".")[1] for part in v.split() if part.startswith("datum."))
            found |= _fields(v)
    elif isinstance(node, list):
        for v in node:
            found |= _fields(v)
    return found


def _all_charts(lang="en"):
    pf = model.finder.platform_facts()
    return {
        "barrier_chain": (charts.barriers.barrier_chain(data.table("barriers"), lang), data.table("barriers")),
        "funding_amounts": (charts.platforms.funding_amounts(pf, lang), pf[pf["unit"].isin(["USD", "GBP", "EUR", "CNY", "DKK"])]),
        "funding_models": (charts.platforms.funding_models(data.platforms(), lang), data.platforms()),
        "scale_ladder": (charts.platforms.scale_ladder(model.finder.volume_facts(), lang), model.finder.volume_facts()),
        "network_sizes": (charts.platforms.network_sizes(pf, lang), pf),
        "success_matrix": (charts.platforms.success_matrix(data.table("platform_factors"), lang), data.table("platform_factors")),
        "support_instruments": (charts.platforms.support_instruments(pf, lang), pf),
    }


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_chart_has_its_source_line_and_plots_only_its_columns(lang):
    for name, (chart, rows) in _all_charts(lang).items():
        spec = _spec(chart)
        subtitle = spec["title"]["subtitle"]
        assert subtitle[-1] == charts.base.source_line(rows, lang), name
        assert SEED in subtitle[-1], name
        used = _fields(spec)
        for rows_ in _datasets(spec):
            columns = set(rows_[0]) if rows_ else set()
            assert columns <= used, (name, columns - used)


def test_source_line_is_built_from_the_plotted_rows():
    rows = model.finder.platform_facts()
    money = rows[rows["unit"].isin(["USD", "GBP"])].copy()
    money["source"] = "000_0f73dfafe09a0b58.txt"  # pretend the rows came from another seed
    spec = _spec(charts.platforms.funding_amounts(money, "en"))
    assert "000_0f73dfafe09a0b58.txt" in spec["title"]["subtitle"][-1]
    assert SEED not in spec["title"]["subtitle"][-1]


def test_currencies_never_share_an_axis():
    pf = model.finder.platform_facts()
    spec = _spec(charts.platforms.funding_amounts(pf, "en"))
    panels = spec["vconcat"]
    assert spec["resolve"]["scale"]["x"] == "independent"
    units = sorted(set(pf.loc[pf["unit"].isin(["USD", "GBP", "EUR", "CNY", "DKK"]), "unit"]))
    assert len(panels) == len(units) >= 2
    seen = []
    for panel in panels:
        unit = panel["layer"][0]["encoding"]["x"]["title"].split(",")[0]
        rows = spec["datasets"][panel["data"]["name"]] if "data" in panel else \
            spec["datasets"][panel["layer"][0]["data"]["name"]]
        in_labels = {c for r in rows for c in ("USD", "GBP", "EUR", "CNY", "DKK") if c in r["label"]}
        assert in_labels == {unit}, (unit, in_labels)  # one currency per panel, the one on its axis
        seen.append(unit)
    assert sorted(seen) == units
    # the amounts drawn are the data's values, not converted
    usd = pf[(pf["unit"] == "USD") & (pf["entity_id"] == "abf") & (pf["indicator"] == "annual_funding")]
    assert any(r["amount"] * 1e6 == usd["value"].iloc[0] for rows in _datasets(spec) for r in rows)


def test_scale_ladder_is_log_with_the_four_bands_and_a_bound_slider():
    spec = _spec(charts.platforms.scale_ladder(model.finder.volume_facts(), "en"))
    text = json.dumps(spec)
    assert '"type": "log"' in text
    bands = next(rows for rows in _datasets(spec) if rows and "band" in rows[0])
    assert [b["band"] for b in bands] == ["bench", "pilot", "demonstration", "production"]
    assert [(b["b_lo"], b["b_hi"]) for b in bands][1:3] == [(10.0, 1000.0), (1000.0, 10000.0)]
    assert bands[0]["b_hi"] == 10.0 and bands[3]["b_lo"] == 10000.0
    params = spec.get("params", []) + [p for layer in spec["layer"] for p in layer.get("params", [])]
    assert params and params[0]["bind"]["input"] == "range"
    points = next(rows for rows in _datasets(spec) if rows and "lo" in rows[0])
    # one line per platform, its facilities included: CPI's 200 L platform and its 300-75,000 L processes
    # are one span, the one the finder judges by (tests/test_figures_shown.py)
    assert {(p["lo"], p["hi"]) for p in points} == {(200.0, 75000.0), (9000.0, 9000.0)}


def test_scale_ladder_refuses_rows_not_in_litres():
    pf = model.finder.platform_facts()
    with pytest.raises(ValueError, match="litres"):
        charts.platforms.scale_ladder(pf[pf["unit"] == "USD"], "en")


def test_network_chart_draws_the_stated_counts_and_ranges():
    spec = _spec(charts.platforms.network_sizes(model.finder.platform_facts(), "en"))
    rows = _datasets(spec)[0]
    assert any(r["lo"] == 262 for r in rows)           # Pilots4U assets
    assert any((r["lo"], r["hi"]) == (12, 15) for r in rows)  # BioMADE's 12-15 sites, a range
    assert '"type": "log"' in json.dumps(spec)


def test_success_matrix_is_built_from_the_rows_given():
    pf = data.table("platform_factors")
    some = pf[pf["platform_id"] == "indiebio"]
    spec = _spec(charts.platforms.success_matrix(some, "en"))
    rows = _datasets(spec)[0]
    assert len(rows) == len(some) and {r["platform"] for r in rows} == {"IndieBio"}


def test_charts_label_in_chinese():
    spec = _spec(charts.barriers.barrier_chain(data.table("barriers"), "zh"))
    text = json.dumps(spec, ensure_ascii=False)
    assert "死亡谷" in text and "来源" in text


# --- the capabilities table and the finder ----------------------------------------------------

def test_every_capability_row_is_quoted_from_seed_002():
    caps = data.table("platform_capabilities")
    assert len(caps) >= 60 and set(caps["source"]) == {SEED}
    if SEEDS.is_dir():
        seed = _squash((SEEDS / SEED).read_text(encoding="utf-8"))
        for q in caps["quote"]:
            assert all(_squash(part) in seed for part in q.split(" … ")), q
    # every platform has a stage and a region; every finder option is served by someone
    for dim in ("stage", "region"):
        assert set(caps.loc[caps["dimension"] == dim, "platform_id"]) == set(data.table("platforms")["platform_id"])
    for dim, values in model.finder.CHOICES.items():
        assert set(caps.loc[caps["dimension"] == dim, "value"]) == set(values), dim


def test_finder_typical_query_ranks_with_reasons():
    found = model.finder.find(stage="pilot", scale_l=500, sector="pharma", need="equipment", region="europe")
    assert found[0].platform_id == "cpi"  # serves pilot + equipment in Europe, pharma stated, 200-75,000 L
    assert found[0].score == 2
    statuses = {r.criterion: r.status for r in found[0].reasons}
    assert statuses == {"stage": "met", "need": "met", "region": "met", "sector": "met", "scale": "met"}
    assert all(r.quote for r in found[0].reasons)
    assert [m.score for m in found] == sorted((m.score for m in found), reverse=True)
    for m in found:  # hard requirements really hold, from the data
        caps = data.table("platform_capabilities")
        mine = caps[caps["platform_id"] == m.platform_id]
        served = set(zip(mine.dimension, mine.value, strict=True))
        assert {("stage", "pilot"), ("need", "equipment"), ("region", "europe")} <= served
    text = prose.platforms.reason_text(found[0].reasons[-1], "en")
    assert "200–75,000 L" in text  # the span as the scale ladder labels CPI's line (fmt.span)
    assert "7.5万升" in prose.platforms.reason_text(found[0].reasons[-1], "zh")


def test_finder_follows_the_data(tmp_path, monkeypatch):

    copy = tmp_path / "data"
    copy_data(copy)
    caps = pd.read_csv(copy / "platform_capabilities.csv", dtype=str, keep_default_na=False)
    caps = caps[~((caps["platform_id"] == "biomade") & (caps["dimension"] == "stage") & (caps["value"] == "scale_up"))]
    caps.to_csv(copy / "platform_capabilities.csv", index=False, lineterminator="\n")
    monkeypatch.setenv("BIOMFG_DATA", str(copy))
    data.clear_cache()
    try:
        assert [m.platform_id for m in model.finder.find(stage="scale_up", region="north_america")] == []
    finally:
        monkeypatch.delenv("BIOMFG_DATA")
        data.clear_cache()
    assert model.finder.find(stage="scale_up", region="north_america")[0].platform_id == "biomade"


def test_finder_no_match_says_so_plainly():
    query = {"stage": "scale_up", "need": "incubation", "region": "north_america"}
    assert model.finder.find(**query) == []
    msg = prose.platforms.no_match_message("en", **query)
    assert msg.startswith("No platform in the data serves") and "scale-up" in msg and "North America" in msg
    assert "没有平台" in prose.platforms.no_match_message("zh", **query)
    html = widgets.platforms.finder_view("en", **query)
    assert "No platform in the data serves" in html.data


@pytest.mark.parametrize("bad", [-5, 0, 0.0, "ten", "100", float("nan"), float("inf"), 1e12, True, [100]])
def test_finder_rejects_impossible_scales_with_one_clear_line(bad):
    with pytest.raises(ValueError) as err:
        model.finder.find(stage="pilot", scale_l=bad)
    msg = str(err.value)
    assert "\n" not in msg and msg.startswith("scale_l=") and "greater than 0" in msg and "10,000,000" in msg


def test_finder_scale_bands_and_limits():
    assert [model.finder.band(v) for v in (1, 9.99, 10, 999, 1000, 9999, 10000, 1e7)] == [
        "bench", "bench", "pilot", "pilot", "demonstration", "demonstration", "production", "production"]
    assert model.finder.find(scale_l=model.finder.MAX_SCALE_L)  # the largest allowed scale is fine


@pytest.mark.parametrize("kw", [{"stage": "factory"}, {"sector": "cosmetics"}, {"need": "land"}, {"region": "asia"}])
def test_finder_rejects_unknown_choices(kw):
    with pytest.raises(ValueError, match="valid choices"):
        model.finder.find(**kw)


def test_finder_with_nothing_asked_returns_every_platform():
    assert len(model.finder.find()) == len(data.table("platforms"))


# --- widgets ------------------------------------------------------------------------------------



def _timed(setter, values, n=60) -> list[float]:
    out = []
    for i in range(n):
        start = time.perf_counter()
        setter(values[i % len(values)])
        out.append(time.perf_counter() - start)
    return out


@pytest.mark.timing
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_widget_callbacks_p95_at_most_50_ms(lang):
    fnd = widgets.platforms.finder(lang)
    row1, row2 = fnd.children[0].children
    stage, scale, sector = row1.children
    need, region = row2.children
    times = _timed(lambda v: setattr(stage, "value", v), ["lab", "pilot", "scale_up", "market", "any"])
    times += _timed(lambda v: setattr(scale, "value", v), ["5", "50", "5000", "50000", "-1", "abc", ""])
    times += _timed(lambda v: setattr(region, "value", v), ["europe", "north_america", "any"])
    finder_p95 = timing.p95(times)
    cmp = widgets.platforms.comparer(lang)
    left, right = cmp.children[0].children
    ids = [v for _, v in left.options]
    cmp_p95 = timing.p95(_timed(lambda v: setattr(left, "value", v), ids) + _timed(lambda v: setattr(right, "value", v), ids))
    exp = widgets.platforms.explorer(lang, type_id="pilot_scale")
    pick = exp.children[0]
    exp_p95 = timing.p95(_timed(lambda v: setattr(pick, "value", v), [v for _, v in pick.options]))
    print(f"\ncallback p95 ({lang}): finder {finder_p95 * 1000:.1f} ms, comparer {cmp_p95 * 1000:.1f} ms, "
          f"explorer {exp_p95 * 1000:.1f} ms")
    assert finder_p95 <= 0.050 and cmp_p95 <= 0.050 and exp_p95 <= 0.050


def test_finder_widget_shows_bad_scale_in_one_line():
    fnd = widgets.platforms.finder("en")
    scale = fnd.children[0].children[0].children[1]
    out = fnd.children[1]
    scale.value = "-3"
    html = out.outputs[0]["data"]["text/html"]
    assert "Check the input" in html and "scale_l=" in html
    scale.value = "2000"
    assert "Platform finder" in out.outputs[0]["data"]["text/html"]


def test_widget_static_views_and_escaping(monkeypatch):
    fnd = widgets.platforms.finder("zh")
    bundle = fnd._repr_mimebundle_()
    assert "平台查找器" in bundle["text/html"]
    cmp = widgets.platforms.comparer("en", "abf", "cpi")
    assert "Agile BioFoundry" in cmp._repr_mimebundle_()["text/html"]
    plats = data.platforms()
    evil = plats.assign(name_en=plats["name_en"].where(plats["platform_id"] != "abf", "<script>x</script>"))
    monkeypatch.setattr(data, "platforms", lambda: evil)
    html = widgets.platforms.compare_view("abf", "cpi", "en")
    assert "<script>x" not in html and "&lt;script&gt;" in html
    with pytest.raises(ValueError, match="valid choices"):
        widgets.platforms.compare_view("abf", "nope", "en")


# --- exercises ----------------------------------------------------------------------------------

@pytest.mark.parametrize("qid", [f"0{n}-q{k}" for n in range(1, 5) for k in (1, 2, 3)])
def test_exercises_check_right_and_wrong_answers(qid):
    q = exercises.QUESTIONS[qid]
    right = q.answer()
    assert "biomfg-check ok" in exercises.check(qid, right, "en").data
    assert "biomfg-check ok" in exercises.check(qid, right, "zh").data
    wrong = "nonsense" if isinstance(right, str) else right + 1
    assert "biomfg-check no" in exercises.check(qid, wrong, "en").data
    assert "<details" in exercises.solution(qid, "zh").data


@pytest.mark.parametrize("query", [
    {"stage": "pilot"},
    {"stage": "pilot", "scale_l": 1000.0, "need": "equipment"},  # the finder widget's opening query
    {"stage": "scale_up"},
    {"stage": "pilot", "scale_l": 50_000.0},
])
def test_a_pilot_query_ranks_the_pilot_scale_platforms_first(query):
    """Issue 15: the four pilot-scale platforms, described with fewer capability rows than the others, used to
    rank below them (BioPilots UK last) for a pilot query. The source's own kind now ranks them first."""
    pilot = set(data.platforms().query("type_id == 'pilot_scale'")["platform_id"])
    assert pilot == {"biomade", "pilots4u", "bbepp", "biopilots_uk"}
    found = model.finder.find(**query)
    assert {m.platform_id for m in found[:len(pilot)]} == pilot, [(m.platform_id, m.score) for m in found]
    assert min(m.score for m in found[:len(pilot)]) > max(m.score for m in found[len(pilot):])
    for m in found[:len(pilot)]:
        kind = next(r for r in m.reasons if r.criterion == "kind")
        assert kind.status == "met" and kind.quote and kind.value == "pilot_scale"
        for lang in ("en", "zh"):
            assert prose.platforms.reason_text(kind, lang)
    assert all(r.criterion != "kind" for m in found[len(pilot):] for r in m.reasons)


def test_the_finder_widget_opens_on_a_pilot_query():
    import inspect
    defaults = {k: p.default for k, p in inspect.signature(widgets.platforms.finder).parameters.items()}
    assert defaults["stage"] == "pilot"
    html = widgets.platforms.finder_view("en", stage=defaults["stage"], scale_l=defaults["scale_l"],
                                         need=defaults["need"]).data
    assert "BioPilots UK" in html and "a pilot-scale platform, the kind the source names" in html
