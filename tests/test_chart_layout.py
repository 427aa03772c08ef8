"""Charts as a reader sees them: every chart the notebooks draw, built in zh and en, rendered in
Chromium, and checked for what a person would notice (issue 13, fault 6):

- a chart wider than the room it is given (a JupyterLab output area is ~1000 px; we allow 950);
- two text labels printed over each other (boxes compared in screen space, rotated labels too);
- a label cut short by Vega (its "…"), or a name cut in Python (a region's name not drawn whole);
- a rank drawn as a bar (a longer bar would be a worse rank);
- one axis carrying figures of different measures (CNY and percent, or patents and lists);
- axis and panel titles of the "Unit: Value (t)" kind, or a bare "Number" that does not say what
  is counted.

The charts come from running, in-process, the code cells of every notebook whose stored outputs
hold a chart (briefings once per region and platform type), plus the region comparer for every
indicator family and a few region choices. One page per language holds them all.
"""

from __future__ import annotations

import ast
import json
import os
import re
from pathlib import Path

import altair as alt
import nbformat
import pytest

from biomfg import charts, fmt, model, prose, widgets
from biomfg.tools import export, reports
from biomfg.widgets import regions as wregions

from conftest import NOTEBOOKS

pytestmark = pytest.mark.browser
LANGS = ("en", "zh")
MIMETYPE = "application/vnd.vegalite.v5+json"
MAX_WIDTH = 950  # a JupyterLab output area is ~1000 px (a Voilà projector page ~1200): fit the smaller
ORDINAL = re.compile(r"^(up to |about |more than |nearly |最高|约|超|近)?(\d+(st|nd|rd|th)|第\d+)(以上)?$")
UNIT_VALUE = re.compile(r"(?i)(\bunit\s*[:：]|单位\s*[:：]|^value\s*[(（]|^数值\s*[(（])")
GENERIC = {"number", "count", "value", "values", "数量", "数值", "计数", "数目"}


# --- building the charts --------------------------------------------------------------------------

def _chart_cells(path: Path) -> int:
    nb = nbformat.read(path, as_version=4)
    return sum(1 for c in nb.cells for o in c.get("outputs", []) if MIMETYPE in o.get("data", {}))


def _run_cells(path: Path, lang: str, params: dict | None = None) -> list[tuple[str, dict]]:
    """Run a notebook's code cells in-process with `lang` (and params) for its parameters cell;
    return the charts its cells end with. Widget and exercise cells are left out (the comparer is
    built below)."""
    nb = nbformat.read(path, as_version=4)
    ns: dict = {}
    out = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        src = cell.source
        if "parameters" in cell.metadata.get("tags", []):
            src = f"lang = {lang!r}\n" + "".join(f"{k} = {v!r}\n" for k, v in (params or {}).items())
        if "widgets." in src or "exercises." in src:
            continue
        tree = ast.parse(src)
        last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
        exec(compile(tree, f"{path.name}[{i}]", "exec"), ns)  # noqa: S102 (the project's own notebooks)
        if last is not None:
            value = eval(compile(ast.Expression(last.value), f"{path.name}[{i}]", "eval"), ns)  # noqa: S307
            # a briefing's cell shows several parts (tools.brief.Parts): its charts are among them
            parts = value if isinstance(value, list) and hasattr(value, "_ipython_display_") else [value]
            out += [(f"{path.stem}[{i}]" + (f".{k}" if k else ""), v.to_dict())
                    for k, v in enumerate(p for p in parts if isinstance(p, alt.TopLevelMixin))]
    return out


def _comparer_charts(lang: str) -> list[tuple[str, dict]]:
    """The region comparer as the widget shows it: every family with every region, and (to check
    the callback's own layout) a few smaller choices."""
    facts = model.cases.case_facts()
    fast = widgets.fast.FastComparer(facts, lang, widgets.regions.comparer_view)
    ids = list(fast.names.index)
    fams = [f for f in wregions.FAMILIES if f in set(facts["family"])]
    choices = [("all", ids), ("sip", ["suzhou_sip"]), ("sip+zj", ["suzhou_sip", "shanghai_zhangjiang"]),
               ("three", ["zhaoqing_hitech", "xiangyang_hitech", "fujian_three_gorges_wind_park"])]
    out = []
    for fam in fams:
        for label, chosen in choices:
            chart, _ = fast(chosen, fam)
            if chart is not None and (label == "all" or fam in ("economy", "count", "ranking", "share")):
                out.append((f"comparer:{fam}:{label}", chart.spec))
    return out


def build_all(lang: str) -> list[tuple[str, dict]]:
    found = []
    for path in sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")):
        drawn = _run_cells(path, lang)
        assert len(drawn) == _chart_cells(path), f"{path.name}: {len(drawn)} charts built, stored outputs hold " \
                                                 f"{_chart_cells(path)}"
        found += drawn
    found += _comparer_charts(lang)
    briefings = NOTEBOOKS / "briefings"
    found += _run_cells(briefings / "overview.ipynb", lang)
    for region in reports.regional_cases():
        found += [(f"{n}:{region}", s) for n, s in _run_cells(briefings / "region.ipynb", lang, {"region": region})]
    for ty in reports.platform_types():
        found += [(f"{n}:{ty}", s) for n, s in
                  _run_cells(briefings / "platform_type.ipynb", lang, {"platform_type": ty})]
    return found


# --- rendering and measuring ----------------------------------------------------------------------

MEASURE = r"""
(el) => {
  const svg = el.querySelector('svg');
  const r = svg.getBoundingClientRect();
  const boxes = [];
  for (const t of svg.querySelectorAll('text')) {
    const s = t.textContent.trim();
    if (!s) continue;
    const st = getComputedStyle(t);
    if (st.visibility === 'hidden' || st.display === 'none') continue;
    let op = 1;
    for (let n = t; n && n !== svg; n = n.parentNode) {
      const o = n.getAttribute && n.getAttribute('opacity'); if (o !== null && o !== undefined) op *= +o;
      const fo = n.getAttribute && n.getAttribute('fill-opacity'); if (fo !== null && fo !== undefined) op *= +fo;
    }
    if (op === 0) continue;
    const b = t.getBBox(); if (b.width <= 0 || b.height <= 0) continue;
    // the glyphs, not the line box: a font's ascent and descent overlap the next line harmlessly
    const em = parseFloat(st.fontSize) || 12;
    const y0 = b.y + 0.25 * em, y1 = b.y + b.height - 0.08 * em, x0 = b.x + 0.5, x1 = b.x + b.width - 0.5;
    const m = t.getScreenCTM();
    const pts = [[x0, y0], [x1, y0], [x1, y1], [x0, y1]].map(([x, y]) => [m.a * x + m.c * y + m.e, m.b * x + m.d * y + m.f]);
    const g = t.closest('g[class*="role-"]');
    const role = g ? (g.getAttribute('class').match(/role-[a-z-]+/) || [''])[0] : '';
    const axis = t.closest('g.role-axis');
    boxes.push({s, pts, role, axis: axis ? [...svg.querySelectorAll('g.role-axis')].indexOf(axis) : -1});
  }
  const edges = (p) => [0, 1].map(i => [-(p[i + 1][1] - p[i][1]), p[i + 1][0] - p[i][0]]);
  const span = (p, a) => { const v = p.map(q => q[0] * a[0] + q[1] * a[1]); return [Math.min(...v), Math.max(...v)]; };
  const overlaps = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const A = boxes[i].pts, B = boxes[j].pts; let apart = false, depth = Infinity;
    for (const a of [...edges(A), ...edges(B)]) {   // separating-axis test on the two rectangles
      const n = Math.hypot(a[0], a[1]); if (!n) continue; const u = [a[0] / n, a[1] / n];
      const [a0, a1] = span(A, u), [b0, b1] = span(B, u); const d = Math.min(a1, b1) - Math.max(a0, b0);
      if (d <= 1) { apart = true; break; } depth = Math.min(depth, d);
    }
    if (!apart) overlaps.push([boxes[i].s, boxes[j].s, Math.round(depth)]);
  }
  return {width: Math.round(r.width), height: Math.round(r.height), overlaps,
          texts: boxes.map(b => ({s: b.s, role: b.role, axis: b.axis}))};
}
"""


def render(browser, specs: list[tuple[str, dict]], tmp: Path, shots: Path | None = None) -> dict[str, dict]:
    """All the charts on one offline page (the house Vega bundle, SVG renderer), each measured."""
    divs = "".join(f"<div class='c' id='c{i}' style='width:{MAX_WIDTH}px'></div>" for i in range(len(specs)))
    page_src = (f"<html><head><meta charset='utf-8'><script>{export.vega_bundle()}</script>"
                "<style>body{margin:0}.c{margin:0 0 30px 0}</style></head>"
                f"<body>{divs}<script>window.__specs={json.dumps([s for _, s in specs])};"
                "window.__done=Promise.all(window.__specs.map((s,i)=>vegaEmbed('#c'+i,s,"
                "{renderer:'svg',actions:false}))).then(()=>'ok',e=>'error: '+e);</script></body></html>")
    path = tmp / "charts.html"
    path.write_text(page_src, encoding="utf-8")
    context = browser.new_context(viewport={"width": 1800, "height": 1000})
    errors: list[str] = []
    try:
        page = context.new_page()
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(path.as_uri())
        page.wait_for_function("window.__done !== undefined", timeout=30000)
        assert page.evaluate("window.__done") == "ok" and not errors, errors
        page.wait_for_timeout(200)
        out = {}
        for i, (name, _) in enumerate(specs):
            el = page.locator(f"#c{i}")
            out[name] = el.evaluate(MEASURE)
            if shots:
                box = el.bounding_box()
                safe = re.sub(r"[^\w.-]+", "_", name)
                page.screenshot(path=str(shots / f"{i:03d}_{safe}.png"), full_page=True,
                                clip={"x": 0, "y": box["y"], "width": max(MAX_WIDTH, out[name]["width"]) + 10,
                                      "height": out[name]["height"] + 10})
        return out
    finally:
        context.close()


@pytest.fixture(scope="module")
def drawn(browser, tmp_path_factory):
    """{lang: (specs, measures)}: every chart built and rendered once per language."""
    result = {}
    for lang in LANGS:
        specs = build_all(lang)
        shots = None
        if os.environ.get("SCREENSHOTS"):
            shots = Path(os.environ["SCREENSHOTS"]) / f"charts_{lang}"
            shots.mkdir(parents=True, exist_ok=True)
        result[lang] = (specs, render(browser, specs, tmp_path_factory.mktemp(f"charts_{lang}"), shots))
    return result


def _report(bad: list[str], what: str, n: int) -> str:
    charts_hit = len({b.split(": ")[0] for b in bad})
    return f"{charts_hit} of {n} charts {what} ({len(bad)} findings):\n  " + "\n  ".join(bad[:25])


# --- the checks -----------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_every_chart_fits_the_room_it_is_given(drawn, lang):
    specs, measures = drawn[lang]
    assert len(specs) >= 60
    bad = [f"{name}: {m['width']} px" for name, m in measures.items() if m["width"] > MAX_WIDTH]
    assert not bad, _report(bad, f"are wider than {MAX_WIDTH} px", len(measures))


@pytest.mark.parametrize("lang", LANGS)
def test_no_two_text_labels_overlap(drawn, lang):
    _, measures = drawn[lang]
    bad = [f"{name}: {o[0]!r} over {o[1]!r} ({o[2]} px)" for name, m in measures.items() for o in m["overlaps"]]
    assert not bad, _report(bad, "print text over text", len(measures))


@pytest.mark.parametrize("lang", LANGS)
def test_no_label_is_cut_short(drawn, lang):
    specs, measures = drawn[lang]
    bad = [f"{name}: {t['s']!r}" for name, m in measures.items() for t in m["texts"] if "…" in t["s"]]
    assert not bad, _report(bad, "cut a label with '…'", len(measures))
    # names cut before Vega sees them: every region the comparer shows is named whole somewhere
    names = model.cases.cases().set_index(f"name_{lang}")
    facts = model.cases.case_facts()
    missing = []
    for name, _ in specs:
        if not name.startswith("comparer:") or not name.endswith(":all"):
            continue
        family = name.split(":")[1]
        shown = "".join(t["s"] for t in measures[name]["texts"]).replace(" ", "")
        for region in set(facts.loc[facts["family"] == family, f"case_{lang}"]):
            if str(region).replace(" ", "") not in shown:
                missing.append(f"{name}: {region!r} is not drawn whole")
    assert names.shape[0] and not missing, _report(missing, "cut a region's name", len(specs))


@pytest.mark.parametrize("lang", LANGS)
def test_axis_titles_read_naturally(drawn, lang):
    _, measures = drawn[lang]
    bad = []
    for name, m in measures.items():
        for t in m["texts"]:
            if UNIT_VALUE.search(t["s"]):
                bad.append(f"{name}: {t['s']!r} ('Unit: Value' style)")
            elif t["role"] == "role-axis-title" and re.sub(r"\s*[(（].*$", "", t["s"]).strip().lower() in GENERIC:
                bad.append(f"{name}: axis titled {t['s']!r} (say what is counted or measured)")
    assert not bad, _report(bad, "title an axis badly", len(measures))


def _views(node, data=None):
    """(view, dataset name) for every view with a mark, the dataset inherited from its parents."""
    if isinstance(node, dict):
        data = node.get("data", {}).get("name", data) if isinstance(node.get("data"), dict) else data
        if "mark" in node:
            yield node, data
        for key in ("layer", "vconcat", "hconcat", "concat"):
            for child in node.get(key, []):
                yield from _views(child, data)
        if "spec" in node:
            yield from _views(node["spec"], data)


def _mark(view) -> str:
    return view["mark"]["type"] if isinstance(view["mark"], dict) else view["mark"]


def _strings(row: dict):
    for v in row.values():
        if isinstance(v, str):
            yield v
        elif isinstance(v, list):
            yield from (x for x in v if isinstance(x, str))


@pytest.mark.parametrize("lang", LANGS)
def test_no_rank_is_drawn_as_a_bar(drawn, lang):
    specs, measures = drawn[lang]
    bad = []
    for name, spec in specs:
        for view, data in _views(spec):
            if _mark(view) not in ("bar", "rect", "rule", "area") or data is None:
                continue
            ranks = sorted({s for r in spec["datasets"][data] for s in _strings(r) if ORDINAL.match(s.strip())})
            if ranks:
                bad.append(f"{name}: bars for {ranks}")
    for name, m in measures.items():
        bad += [f"{name}: axis titled {t['s']!r}" for t in m["texts"] if t["role"] == "role-axis-title"
                and re.search(r"(?i)\brank\b|名次|排名", t["s"])]
    assert not bad, _report(bad, "draw a rank as a bar length", len(specs))


def _field(view, channel: str, kinds=("nominal", "ordinal")) -> str | None:
    enc = view.get("encoding", {}).get(channel)
    if isinstance(enc, dict) and enc.get("type") in kinds and "field" in enc:
        return enc["field"]
    return None


def _rows_with_labels(spec):
    """(view, dataset, the fields that place a row) for every text mark in a spec, facets included."""
    def walk(node, data, outer):
        if not isinstance(node, dict):
            return
        data = node["data"].get("name", data) if isinstance(node.get("data"), dict) else data
        facet = node.get("facet", {})
        outer = outer + [f["field"] for f in ([facet] if "field" in facet else list(facet.values()))
                         if isinstance(f, dict) and "field" in f]
        outer = outer + [e["field"] for k in ("row", "column") if isinstance(e := node.get("encoding", {}).get(k), dict)
                         and "field" in e]
        if "mark" in node and _mark(node) == "text":
            yield node, data, outer
        for key in ("layer", "vconcat", "hconcat", "concat"):
            for child in node.get(key, []):
                yield from walk(child, data, outer)
        if "spec" in node:
            yield from walk(node["spec"], data, outer)
    yield from walk(spec, None, [])


@pytest.mark.parametrize("lang", LANGS)
def test_each_row_shows_one_figure_under_its_own_label(drawn, lang):
    """Several figures under one label print on one row (the comparer's three 'output value (2023)'):
    no row of a band axis may carry two different value texts, and no two rows of a laid-out panel
    (a group's rows) may share a label. On screen, no axis may repeat a label."""
    specs, measures = drawn[lang]
    bad = []
    for name, spec in specs:
        for view, data, outer in _rows_with_labels(spec):
            text = view.get("encoding", {}).get("text", {}).get("field")
            place = outer + [f for f in (_field(view, "x"), _field(view, "y")) if f]
            if not text or not data or not (set(place) - set(outer)):
                continue
            seen: dict = {}
            for r in spec["datasets"][data]:
                seen.setdefault(tuple(json.dumps(r.get(f), ensure_ascii=False) for f in place), set()).add(
                    json.dumps(r.get(text), ensure_ascii=False))
            bad += [f"{name}: one row {k} shows {sorted(v)}" for k, v in seen.items() if len(v) > 1]
        for rows in spec.get("datasets", {}).values():
            labels = [(r.get("group"), r.get("who"), json.dumps(r["label"], ensure_ascii=False)) for r in rows
                      if r.get("role") == "row" and "label" in r]  # a row under its group (and entity) heading
            bad += [f"{name}: two rows labelled {k[2]}" for k in sorted(set(labels), key=str) if labels.count(k) > 1]
    for name, m in measures.items():
        by_axis: dict[int, list[str]] = {}
        for t in m["texts"]:
            if t["role"] == "role-axis-label":
                by_axis.setdefault(t["axis"], []).append(t["s"])
        for labels in by_axis.values():
            bad += [f"{name}: axis repeats {s!r}" for s in sorted({s for s in labels if labels.count(s) > 1})]
    assert not bad, _report(bad, "put several figures under one label", len(specs))


def _fact_charts(lang: str):
    """(name, spec, facts drawn) for every chart built from facts with charts.facts_by_unit."""
    from biomfg import model

    out = [("industries", charts.sip.industry_figures(prose.sip.industry_rows(lang), lang), prose.sip.industry_rows(lang))]
    for entity in ("suzhou_interventional_med_consortium", "shanghai_zhangjiang"):
        rows = model.cases.count_rows(entity)
        out.append((entity, charts.zhangjiang.consortium_results(rows, lang), rows))
    for region in reports.regional_cases():
        f = model.facts.case_figures(region)
        actual = f[f["kind"] == "actual"]
        if not actual.empty:
            out.append((f"region:{region}", charts.briefing.figures_chart(f, lang), actual))
    facts = model.cases.case_facts()
    for family in sorted(set(facts["family"])):
        chart, _ = wregions.comparer_view(list(model.cases.cases()["region_id"]), family, lang, facts)
        if chart is not None:
            out.append((f"comparer:{family}", chart, facts[facts["family"] == family]))
    return [(n, c.to_dict(), rows) for n, c, rows in out]


@pytest.mark.parametrize("lang", LANGS)
def test_no_axis_carries_figures_of_different_measures(lang):
    """Each bar drawn is traced back to the facts whose formatted value it shows; all the bars that
    share an axis must then be of one measure: one unit, and for counts one thing counted."""
    bad = []
    for name, spec, rows in _fact_charts(lang):
        texts = {fmt.fact(r, lang): set() for _, r in rows.iterrows()}
        for _, r in rows.iterrows():
            texts[fmt.fact(r, lang)].add(f"{r['unit']}:{r['indicator']}" if r["unit"] == "count" else r["unit"])
        for view, data in _views(spec):
            if _mark(view) != "bar" or data is None:
                continue
            panel = [s for r in spec["datasets"][data] for s in _strings(r)]
            shown = [{k for t, ks in texts.items() if s == t or s.startswith(t + " ") or s.startswith(t + "（")
                      for k in ks} for s in panel]
            shown = [k for k in shown if k]
            if shown and not set.intersection(*shown):
                bad.append(f"{name}: one axis draws {sorted(set.union(*shown))}")
    assert not bad, "figures of different measures share an axis:\n  " + "\n  ".join(sorted(set(bad))[:25])
