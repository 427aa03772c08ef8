"""The concept map (issue 17): platform type -> barrier -> China's gap -> recommendation -> regional example.

The data (data/regional_platforms.csv: quotes in their seeds, barriers consistent with the types), the
model's links (every end exists, each link as the tables say), the chart (five columns, a highlighting
param, `region=` lighting only that region, no id on screen, deterministic), the prose, and the chart
drawn in Chromium (fits, no overlap, no cut label; a click highlights a path)."""

from __future__ import annotations

import csv
import json
import re

import pytest

from biomfg import charts, data, prose
from biomfg.choices import ChoiceError
from biomfg.data import ENTITY_TABLES
from biomfg.i18n import LANGS, t
from biomfg.model import cases
from biomfg.model import concepts as cm

from conftest import SEEDS, copy_data

SNAKE = re.compile(r"\b[a-z0-9]+(?:_[a-z0-9]+)+\b")
SEED_FILE = re.compile(r"\b\d{3}_[0-9a-f]{16}\.txt\b")


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _examples() -> list[dict]:
    with (data.data_dir() / "regional_platforms.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


# --- the data -----------------------------------------------------------------------------------

def test_the_table_has_the_agreed_columns_and_is_registered():
    with (data.data_dir() / "regional_platforms.csv").open(encoding="utf-8") as f:
        assert f.readline().strip() == "example_id,region_id,name_zh,name_en,type_id,barrier_id,source,quote,note"
    pkg = json.loads((data.data_dir() / "datapackage.json").read_text(encoding="utf-8"))
    res = next(r for r in pkg["resources"] if r["name"] == "regional_platforms")
    fks = {fk["fields"]: fk["reference"]["resource"] for fk in res["schema"]["foreignKeys"]}
    assert fks == {"region_id": "regions", "type_id": "platform_types", "barrier_id": "barriers", "source": "sources"}
    assert 8 <= len(_examples()) <= 20


def test_every_regional_example_is_quoted_verbatim_from_its_seed():
    for row in _examples():
        seed = _squash((SEEDS / row["source"]).read_text(encoding="utf-8"))
        for part in row["quote"].split(" … "):
            assert _squash(part) in seed, (row["example_id"], part)


def test_every_example_says_its_classification_is_editorial_and_is_in_a_case():
    case_ids = set(cases.case_ids())
    for row in _examples():
        assert row["name_zh"] and row["name_en"], row["example_id"]
        note = row["note"]
        assert "classification" in note and ("editorial" in note or "from seed" in note), row["example_id"]
        assert "en: editorial translation" in note, row["example_id"]
        assert row["region_id"] in case_ids, row["example_id"]


def test_an_examples_barrier_is_the_one_its_platform_type_bridges():
    bridges = dict(zip(data.table("platform_types")["type_id"], data.table("platform_types")["barrier_id"],
                       strict=True))
    for row in _examples():
        assert bridges[row["type_id"]] == row["barrier_id"] or "seed says" in row["note"], row["example_id"]


def test_example_ids_do_not_collide_with_entity_ids():
    ids = {i for name, key in ENTITY_TABLES.items() for i in data.table(name)[key]}
    assert not ids & {r["example_id"] for r in _examples()}


# --- the model ----------------------------------------------------------------------------------

def test_every_links_ends_exist_and_the_columns_follow_in_order():
    nodes = cm.nodes().set_index("node")
    links = cm.links()
    assert set(nodes["column"]) == set(cm.COLUMNS)
    assert set(links["kind"]) == set(cm.LINK_KINDS)
    order = {c: i for i, c in enumerate(cm.COLUMNS)}
    for _, ln in links.iterrows():
        assert ln["source_node"] in nodes.index and ln["target_node"] in nodes.index, ln.to_dict()
        a, b = nodes.loc[ln["source_node"], "column"], nodes.loc[ln["target_node"], "column"]
        assert order[b] > order[a], ln.to_dict()
        assert ln["source"] and ln["quote"]
    # every node has a name in each language and takes part in a link
    ends = set(links["source_node"]) | set(links["target_node"])
    for n, row in nodes.iterrows():
        assert row["name_zh"] and row["name_en"] and n in ends, n


def test_the_links_are_the_tables_links():
    links = {(r["source_node"], r["target_node"]) for _, r in cm.links().iterrows()}
    for _, b in data.table("barriers").iterrows():
        assert (cm.key("type", b["type_id"]), cm.key("barrier", b["barrier_id"])) in links
    for _, g in data.table("gaps").dropna(subset=["barrier_id"]).iterrows():
        assert (cm.key("barrier", g["barrier_id"]), cm.key("gap", g["gap_id"])) in links
    bar = set(data.table("barriers")["barrier_id"])
    rl = data.table("recommendation_links")
    for _, r in rl.iterrows():
        col = "barrier" if r["target_id"] in bar else "gap"
        assert (cm.key(col, r["target_id"]), cm.key("recommendation", r["rec_id"])) in links
    # recommendation -> example: exactly the recommendations addressing its barrier or a gap of that barrier
    gaps = data.table("gaps")
    for row in _examples():
        targets = {row["barrier_id"], *gaps.loc[gaps["barrier_id"] == row["barrier_id"], "gap_id"]}
        expected = set(rl.loc[rl["target_id"].isin(targets), "rec_id"])
        got = {s.split(":", 1)[1] for s, d in links if d == cm.key("example", row["example_id"])}
        assert got == expected and got, row["example_id"]


def test_a_path_through_an_example_stays_on_its_barrier():
    fund = cm.key("example", "ex_sip_poc_fund")
    near = cm.related(fund)
    assert {"type:technology_innovation", "barrier:broken_bridge", "gap:gap_tech_transfer",
            "recommendation:rec_innovation_leadership"} <= near
    assert not any(n.startswith(("gap:pc_", "barrier:valley", "type:pilot")) for n in near)
    # a gap tied to no barrier reaches recommendations but no example
    assert not any(n.startswith("example:") for n in cm.related("gap:gap_infrastructure_insufficient"))
    # a barrier reaches exactly the examples of its barrier
    got = {n.split(":", 1)[1] for n in cm.downstream("barrier:valley_of_death") if n.startswith("example:")}
    assert got == {r["example_id"] for r in _examples() if r["barrier_id"] == "valley_of_death"}


def test_a_region_without_examples_or_an_unknown_region_is_refused():
    with pytest.raises(ChoiceError, match="valid choices"):
        charts.concepts.concept_map("en", region="atlantis")
    lonely = next(r for r in cases.case_ids() if r not in cm.example_regions())
    with pytest.raises(ChoiceError, match="no regional example"):
        charts.concepts.concept_map("en", region=lonely)
    assert cm.check_regions([lonely, "suzhou_sip"]) == [lonely, "suzhou_sip"]


# --- the chart ----------------------------------------------------------------------------------

def _datasets(spec: dict) -> list[list[dict]]:
    return list(spec["datasets"].values())


def _boxes(spec: dict) -> list[dict]:
    return next(d for d in _datasets(spec) if d and "rel" in d[0])


def _edges(spec: dict) -> list[dict]:
    return next(d for d in _datasets(spec) if d and "on" in d[0])


def _headings(spec: dict) -> list[dict]:
    return next(d for d in _datasets(spec) if d and "kind" in d[0] and "lines" in d[0] and "rel" not in d[0])


@pytest.mark.parametrize("lang", LANGS)
def test_the_chart_has_five_columns_and_a_highlighting_param(lang):
    spec = charts.concepts.concept_map(lang).to_dict()
    cols = [h for h in _headings(spec) if h["kind"] == "column"]
    assert [" ".join(h["lines"]) if lang == "en" else "".join(h["lines"]) for h in cols] == \
        [t(f"cm_col_{c}", lang) for c in cm.COLUMNS]
    boxes = _boxes(spec)
    assert len({b["column"] for b in boxes}) == 5 and len({b["x0"] for b in boxes}) == 5
    assert len(boxes) == len(cm.nodes())
    params = spec.get("params", []) + [p for layer in spec["layer"] for p in layer.get("params", [])]
    pick = next(p for p in params if p["name"] == charts.concepts.PICK)
    assert pick["select"]["type"] == "point" and pick["select"]["fields"] == ["k"]
    exprs = json.dumps(spec)
    assert f"{charts.concepts.PICK}.k[0]" in exprs and "indexof(datum.rel" in exprs and "indexof(datum.on" in exprs
    # a box's `rel` lists exactly the boxes a click on which lights it: those whose paths it lies on
    keys = {n: i for i, n in enumerate(cm.nodes()["node"])}
    for b, n in zip(boxes, cm.nodes()["node"], strict=True):
        assert set(b["rel"].strip("|").split("|")) == {str(keys[a]) for a in keys if n in cm.related(a)}
        assert n in cm.related(n)


@pytest.mark.parametrize("region", cm.example_regions())
def test_region_highlights_only_that_regions_examples(region):
    spec = charts.concepts.concept_map("en", region=region).to_dict()
    nodes = cm.nodes()
    boxes = _boxes(spec)
    bold = {n for n, b in zip(nodes["node"], boxes, strict=True) if b["width"] > 2}
    mine = set(nodes.loc[(nodes["column"] == "example") & (nodes["region_id"] == region), "node"])
    assert bold == mine and mine
    lit = {n for n, b in zip(nodes["node"], boxes, strict=True) if b["lit"]}
    assert lit == set().union(*(cm.related(n) for n in mine))
    assert all(n in mine for n in lit if n.startswith("example:"))
    # with no region, nothing is outlined and everything is lit
    plain = _boxes(charts.concepts.concept_map("en").to_dict())
    assert all(b["width"] < 2 and b["lit"] for b in plain)
    assert any(not e["lit"] for e in _edges(spec)) and any(e["lit"] for e in _edges(spec))


def _visible(spec: dict) -> list[str]:
    """Every text a reader can see: titles, subtitles, description, drawn text, tooltip values and titles."""
    out = []
    title = spec["title"]
    out += title["text"] if isinstance(title["text"], list) else [title["text"]]
    out += title.get("subtitle", [])
    out.append(spec["description"])
    for layer in spec["layer"]:
        enc = layer.get("encoding", {})
        fields = []
        if "text" in enc:
            fields.append(enc["text"]["field"])
        for tip in enc.get("tooltip", []):
            fields.append(tip["field"])
            out.append(tip["title"])
        rows = spec["datasets"][layer["data"]["name"]]
        for f in fields:
            for r in rows:
                v = r[f]
                out += v if isinstance(v, list) else [str(v)]
    return out


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("region", [None, "suzhou_sip", "hetao_shenzhen_hk"])
def test_no_id_is_shown_in_either_language(lang, region):
    spec = charts.concepts.concept_map(lang, region=region).to_dict()
    ids = {i for name, key in ENTITY_TABLES.items() for i in data.table(name)[key]}
    ids |= {r["example_id"] for r in _examples()} | set(cm.nodes()["node"])
    for text in _visible(spec):
        bare = SEED_FILE.sub("", text)  # the source line names the seed files, as every chart's does
        assert not SNAKE.search(bare), text
        words = set(re.findall(r"[a-z0-9_:]+", bare))  # ids of one plain word ('china') are words too
        assert not words & {i for i in ids if "_" in i or ":" in i}, text


@pytest.mark.parametrize("lang", LANGS)
def test_the_chart_is_deterministic_and_in_its_language(lang):
    a = charts.concepts.concept_map(lang, region="hangzhou").to_dict()
    b = charts.concepts.concept_map(lang, region="hangzhou").to_dict()
    assert json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True)
    shown = " ".join(_visible(a))
    han = re.search(r"[\u4e00-\u9fff]", SEED_FILE.sub("", shown))
    assert bool(han) == (lang == "zh")
    assert a["description"].startswith(t("desc_kind_diagram", lang))


def test_a_changed_classification_in_a_copy_of_the_data_moves_the_links(tmp_path, monkeypatch):
    copy = copy_data(tmp_path / "data")
    path = copy / "regional_platforms.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8", newline="")))
    for r in rows:
        if r["example_id"] == "ex_sip_poc_fund":
            r["type_id"], r["barrier_id"], r["name_en"] = "industry_incubation", "darwinian_sea", "Moved fund"
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    monkeypatch.setenv("BIOMFG_DATA", str(copy))
    data.clear_cache()
    try:
        got = {s for s, d in zip(cm.links()["source_node"], cm.links()["target_node"], strict=True)
               if d == "example:ex_sip_poc_fund"}
        assert got == {"recommendation:rec_capability_enhancement", "recommendation:rec_ecosystem_building"}
        spec = charts.concepts.concept_map("en", region="suzhou_sip").to_dict()
        assert any(b["name"] == "Moved fund" for b in _boxes(spec))
        assert "Moved fund" in prose.concepts.concept_reading("en", "suzhou_sip").data
    finally:
        monkeypatch.delenv("BIOMFG_DATA")
        data.clear_cache()


# --- the prose ----------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_the_reading_names_every_example_of_a_region_and_no_id(lang):
    for region in cm.example_regions():
        html = prose.concepts.concept_reading(lang, region).data
        names = [r[f"name_{lang}"] for r in _examples() if r["region_id"] == region]
        for n in names:
            shown = n[:1].upper() + n[1:] if lang == "en" else n
            assert f"<b>{shown.replace(chr(39), '&#x27;')}</b>" in html, (region, n)
        assert not SNAKE.search(SEED_FILE.sub("", html)), html
    whole = prose.concepts.concept_reading(lang).data
    for b in data.table("barriers")[f"name_{lang}"]:
        assert (b[:1].upper() + b[1:] if lang == "en" else b) in whole
    assert not SNAKE.search(SEED_FILE.sub("", whole))


# --- drawn in Chromium --------------------------------------------------------------------------

@pytest.mark.browser
def test_the_map_fits_and_no_label_overlaps_or_is_cut(browser, tmp_path):
    from test_chart_layout import MAX_WIDTH, render

    specs = [(f"{lang}:{region}", charts.concepts.concept_map(lang, region=region).to_dict())
             for lang in LANGS for region in (None, *cm.example_regions())]
    measures = render(browser, specs, tmp_path)
    for name, m in measures.items():
        assert m["width"] <= MAX_WIDTH, (name, m["width"])
        assert not m["overlaps"], (name, m["overlaps"][:5])
        assert not [x["s"] for x in m["texts"] if "…" in x["s"]], name


@pytest.mark.browser
def test_a_click_on_a_box_lights_its_paths_and_dims_the_rest(browser, tmp_path):
    from biomfg.tools import export

    spec = charts.concepts.concept_map("en").to_dict()
    page_src = (f"<html><head><meta charset='utf-8'><script>{export.vega_bundle()}</script></head><body>"
                f"<div id='c'></div><script>window.__done = vegaEmbed('#c', {json.dumps(spec)}, "
                "{renderer: 'svg', actions: false}).then(r => { window.__view = r.view; return 'ok'; });"
                "</script></body></html>")
    path = tmp_path / "map.html"
    path.write_text(page_src, encoding="utf-8")
    context = browser.new_context(viewport={"width": 1200, "height": 1800})
    try:
        page = context.new_page()
        page.goto(path.as_uri())
        page.wait_for_function("window.__view !== undefined", timeout=30000)

        def opacities():
            return page.evaluate("""() => [...document.querySelectorAll('#c g.mark-rect path')]
                .map(p => +(p.getAttribute('opacity') ?? 1))""")

        before = opacities()
        assert before and min(before) == 1
        fund = list(cm.nodes()["node"]).index("example:ex_sip_poc_fund")
        box = page.locator("#c g.mark-rect path").nth(fund).bounding_box()
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.wait_for_timeout(300)
        after = opacities()
        lit = {i for i, o in enumerate(after) if o == 1}
        keys = list(cm.nodes()["node"])
        assert lit == {keys.index(n) for n in cm.related("example:ex_sip_poc_fund")}
    finally:
        context.close()
