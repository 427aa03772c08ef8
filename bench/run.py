"""`make bench` (= `python -m bench`): every user-facing cost of issue 8 next to its floor, in one run.

Each figure is a median of repeated runs with its floor measured in the same run (runs interleaved, so
load on this noisy machine hits both alike); ratios are what count. Prints a table and writes
bench/results.json (git-ignored). `--full` (make bench FULL=1) also times `make test`.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from biomfg.tools.timing import interleaved, paired_ratio, timed

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results.json"
PY = sys.executable
MIMETYPE = "application/vnd.vegalite.v5+json"

# key -> (target, comparison); "reported" keys have no target.
TARGETS = {
    "import_ratio": (1.2, "<="),
    "first_chart_ratio": (1.5, "<="),
    "widget_latency_p95_ms": (50, "<="),
    "notebook_exec_ratio_max": (1.5, "<="),
    "report_ratio": (1.5, "<="),
    "report_html_max_bytes": (1_500_000, "<="),
    "report_time_to_charts_s": (1.5, "<="),
    "scale_spec_bytes_10k": (100_000, "<="),
    "scale_build_ms_10k": (200, "<="),
    "test_suite_s": (None, "reported"),
}

IMPORT_FLOOR = "import pandas, altair, ipywidgets"
IMPORT_CODE = "import biomfg\nfrom biomfg import data\nfor n in data.resource_names():\n    data.table(n)"


def fresh_python(code: str):
    def run():
        subprocess.run([PY, "-c", code], check=True, cwd=ROOT)
    return run


# --- import ---------------------------------------------------------------------------------------

def bench_import(runs: int = 5) -> dict:
    lean = fresh_python("import sys\nsys.modules['rfc3987_syntax'] = None\n" + IMPORT_FLOOR)
    value, floor = interleaved(fresh_python(IMPORT_CODE), fresh_python(IMPORT_FLOOR), runs)
    lean_s = statistics.median([timed(lean) for _ in range(runs)])
    return {"value": value / floor, "floor": 1.0, "seconds": value, "floor_seconds": floor,
            "floor_without_rfc3987_s": lean_s, "ratio_vs_floor_without_rfc3987": value / lean_s,
            "what": f"fresh `python -c` of import biomfg + every data table vs `{IMPORT_FLOOR}`, median of {runs}; "
                    "also vs the same floor with rfc3987_syntax blocked (what the libraries cost without it)"}


# --- notebooks ------------------------------------------------------------------------------------

def _floor_nb(import_line: str):
    from nbformat.v4 import new_code_cell, new_notebook

    nb = new_notebook(cells=[new_code_cell('lang = "en"'), new_code_cell(import_line)])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return nb


def _import_line(nb) -> str:
    params = next(i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", []))
    return nb.cells[params + 1].source


def _executor(nb, cwd):
    from biomfg.tools import notebooks as nbtools

    def run():
        nbtools.execute(copy.deepcopy(nb), cwd=cwd)
    return run


def bench_first_chart(runs: int = 3) -> dict:
    """Kernel start to the first chart output of 00_start_here: the notebook cut after its first chart cell."""
    import nbformat

    from biomfg.tools import notebooks as nbtools

    path = nbtools.NOTEBOOKS / "00_start_here.ipynb"
    nb = nbformat.read(path, as_version=4)
    first = next(i for i, c in enumerate(nb.cells) if c.cell_type == "code"
                 and any(MIMETYPE in o.get("data", {}) for o in c.get("outputs", [])))
    cut = copy.deepcopy(nb)
    cut.cells = cut.cells[: first + 1]
    value, floor = interleaved(_executor(cut, nbtools.NOTEBOOKS), _executor(_floor_nb(_import_line(nb)), nbtools.NOTEBOOKS),
                               runs)
    return {"value": value / floor, "floor": 1.0, "seconds": value, "floor_seconds": floor,
            "what": f"nbclient: kernel start to cell {first} (first chart) vs lang + import cells, median of {runs}"}


def bench_notebooks(runs: int = 3) -> dict:
    """Every collection notebook against the floor notebook for its import line, in `runs` adjacent,
    alternating pairs (`timing.paired_ratio`, as the speed tests measure): a load that comes and goes
    hits a notebook and its floor alike."""
    import nbformat

    from biomfg.tools import notebooks as nbtools

    per = {}
    for path in nbtools.collection():
        nb = nbformat.read(path, as_version=4)
        floor = _executor(_floor_nb(_import_line(nb)), nbtools.NOTEBOOKS)
        ratio, value, floor_s = paired_ratio(_executor(nb, nbtools.NOTEBOOKS), floor, runs)
        per[path.stem] = {"seconds": value, "floor_seconds": floor_s, "ratio": ratio}
        print(f"  {path.stem}: {value:.2f} s vs floor {floor_s:.2f} s, median pair ratio {ratio:.2f}x", flush=True)
    worst = max(per, key=lambda k: per[k]["ratio"])
    return {"value": per[worst]["ratio"], "floor": 1.0, "worst": worst, "notebooks": per,
            "what": f"each of {len(per)} collection notebooks (nbclient, kernel start included) vs a notebook with its "
                    f"lang + import cells only: median ratio of {runs} adjacent, alternating pairs"}


# --- widgets --------------------------------------------------------------------------------------

def bench_widgets(changes: int = 50) -> dict:
    from bench import widgets as bw

    per = bw.measure(changes)
    worst = max(per, key=per.get)
    return {"value": per[worst], "floor": bw.floor(changes), "worst": worst, "widgets": per,
            "what": f"p95 over {changes} value changes of each of {len(per)} explorers; floor: a Dropdown showing a one-bar "
                    "Altair chart"}


# --- reports --------------------------------------------------------------------------------------

def _papermill_trivial(work: Path):
    import nbformat

    src = work / "trivial.ipynb"
    nb = _floor_nb("x = 1")
    nb.cells[0].metadata["tags"] = ["parameters"]
    nbformat.write(nb, src)

    def run():
        subprocess.run([PY, "-m", "papermill", "--no-progress-bar", "-p", "lang", "en", str(src), str(work / "out.ipynb")],
                       check=True, cwd=ROOT, capture_output=True)
    return run


def bench_reports(pdf: bool = True, runs: int = 4) -> dict:
    work = Path(tempfile.mkdtemp(prefix="biomfg-bench-"))
    try:
        out = work / "reports"
        n = int(subprocess.run([PY, "-m", "biomfg", "reports", "--list"], check=True, capture_output=True, text=True,
                               cwd=ROOT).stdout.split().__len__()) * 2  # zh and en
        trivial = _papermill_trivial(work)
        trivial()  # warm the page cache once
        args = [PY, "-m", "biomfg", "reports", "--out", str(out)] + ([] if pdf else ["--no-pdf"])
        before = [timed(trivial) for _ in range((runs + 1) // 2)]  # floor runs on both sides of the batch
        start = time.perf_counter()
        subprocess.run(args, check=True, cwd=ROOT, capture_output=True)
        batch = time.perf_counter() - start
        triv = statistics.median(before + [timed(trivial) for _ in range(runs - len(before))])
        cores = os.cpu_count() or 1
        floor = n * triv / cores
        htmls = sorted(out.glob("*.*.html"), key=lambda p: p.stat().st_size)
        largest = htmls[-1]
        chart = bench_time_to_charts(largest)
        return {
            "report_ratio": {"value": batch / floor, "floor": 1.0, "seconds": batch, "floor_seconds": floor,
                             "reports": n, "cores": cores, "trivial_papermill_s": triv, "pdf": pdf,
                             "what": f"`python -m biomfg reports --out <tmp>{'' if pdf else ' --no-pdf'}` ({n} reports, "
                                     f"{'HTML + PDF' if pdf else 'HTML only'}) vs {n} x trivial papermill run "
                                     f"(median of {runs}, half before and half after the batch) / {cores} cores"},
            "report_html_max_bytes": {"value": largest.stat().st_size, "floor": _bundle_bytes(), "file": largest.name,
                                      "what": "largest HTML report; floor: the inlined Vega bundle alone"},
            "report_time_to_charts_s": chart,
        }
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _bundle_bytes() -> int:
    from biomfg.tools import export

    return len(export.vega_bundle().encode())


# n = the number of chart specs in the file, counted before loading: waiting for "every chart present is
# drawn" alone would pass on a page whose charts are not in the DOM yet.
DRAWN = "n => [...document.querySelectorAll('.biomfg-vega')].filter(d => d.querySelector('svg.marks, canvas.marks')).length >= n"


def _chart_count(html: Path) -> int:
    return html.read_text(encoding="utf-8").count('class="biomfg-vega-spec"')


def bench_time_to_charts(html: Path, runs: int = 5) -> dict:
    """Chromium (Playwright, offline): navigation start until every chart of the page is drawn. Floor: a page
    with the same inlined Vega bundle and one one-bar chart."""
    from playwright.sync_api import sync_playwright

    from biomfg.tools import browser as browser_tool

    floor_page = html.with_name("floor.html")
    floor_page.write_text(_floor_html(), encoding="utf-8")
    times, floor = [], []
    with sync_playwright() as p:
        browser = browser_tool.launch(p)
        try:
            page = browser.new_page()
            browser_tool.offline(page)
            counts = {floor_page: _chart_count(floor_page), html: _chart_count(html)}
            for _ in range(runs):
                for target, acc in ((floor_page, floor), (html, times)):
                    page.goto("about:blank")
                    start = time.perf_counter()
                    page.goto(target.as_uri(), wait_until="commit")
                    page.wait_for_function(DRAWN, arg=counts[target], timeout=30000, polling=10)
                    acc.append(time.perf_counter() - start)
            charts = page.evaluate("document.querySelectorAll('.biomfg-vega .marks').length")
        finally:
            browser.close()
    if charts != counts[html] or not charts:
        raise RuntimeError(f"{html.name}: {charts} of {counts[html]} charts drawn")
    return {"value": statistics.median(times), "floor": statistics.median(floor), "file": html.name, "charts": charts,
            "what": f"headless /usr/bin/chromium, offline, goto until all {charts} charts have svg/canvas, median of {runs}; "
                    "floor: same bundle, one chart"}


def _floor_html() -> str:
    import altair as alt
    import nbformat
    import pandas as pd
    from nbformat.v4 import new_code_cell, new_notebook, new_output

    import biomfg  # noqa: F401 - registers the renderer
    from biomfg.tools.export import to_html

    spec = alt.Chart(pd.DataFrame({"a": ["x"], "n": [1]})).mark_bar().encode(x="n:Q", y="a:N").to_dict()
    cell = new_code_cell("", outputs=[new_output("display_data", data={MIMETYPE: spec, "text/plain": "chart"})])
    nb = new_notebook(cells=[cell])
    nbformat.validate(nb)
    return to_html(nb, exclude_input=True, title="floor")


# --- scale ----------------------------------------------------------------------------------------

def bench_scale(n: int = 10_000, runs: int = 5) -> dict:
    from bench import scale

    per = scale.measure(n, runs)
    fl = scale.floor(runs)
    total_bytes = sum(v["bytes"] for v in per.values())
    total_ms = sum(v["ms"] for v in per.values())
    what = (f"synthetic registry of {n:,} Pilots4U-like facilities through {', '.join(per)}: sum over the charts "
            f"(spec = compact JSON of to_dict; build = call + to_dict, median of {runs}); floor: a one-bar chart")
    return {"scale_spec_bytes_10k": {"value": total_bytes, "floor": fl["bytes"], "charts": per, "what": what},
            "scale_build_ms_10k": {"value": total_ms, "floor": fl["ms"], "charts": per, "what": what}}


# --- test suite -----------------------------------------------------------------------------------

def bench_test_suite() -> dict:
    start = time.perf_counter()
    proc = subprocess.run(["make", "test"], cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    tail = (proc.stdout.strip().splitlines() or [""])[-1]
    return {"value": seconds, "floor": None, "returncode": proc.returncode, "summary": tail,
            "what": "`make test` wall time, environment already built"}


# --- table and JSON -------------------------------------------------------------------------------

def verdict(key: str, value) -> str:
    target, op = TARGETS[key]
    if value is None:
        return "not measured"
    if target is None:
        return "reported"
    return "pass" if value <= target else "FAIL"


def fmt(v) -> str:
    if v is None:
        return "-"
    if isinstance(v, float):
        return f"{v:,.2f}" if abs(v) < 1000 else f"{v:,.0f}"
    return f"{v:,}"


def table(results: dict) -> str:
    rows = [("key", "value", "floor", "target", "result")]
    for key in TARGETS:
        r = results.get(key, {})
        target = TARGETS[key][0]
        rows.append((key, fmt(r.get("value")), fmt(r.get("floor")), "reported" if target is None else f"<= {fmt(target)}",
                     verdict(key, r.get("value"))))
    widths = [max(len(row[i]) for row in rows) for i in range(5)]
    lines = ["  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True)))
             for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def write(results: dict, path: Path = RESULTS) -> Path:
    doc = {"machine": {"cores": os.cpu_count(), "python": platform.python_version(), "when": time.strftime("%Y-%m-%dT%H:%M:%S")},
           "results": results,
           "pass": all(verdict(k, results.get(k, {}).get("value")) in ("pass", "reported") for k in TARGETS)}
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(doc, indent=2, ensure_ascii=False, default=float) + "\n", encoding="utf-8")
    os.replace(tmp, path)
    return path


STALE = " (from an earlier run: make bench FULL=1)"
PART_KEYS = {"import": ["import_ratio"], "first_chart": ["first_chart_ratio"], "widgets": ["widget_latency_p95_ms"],
             "notebooks": ["notebook_exec_ratio_max"],
             "reports": ["report_ratio", "report_html_max_bytes", "report_time_to_charts_s"],
             "scale": ["scale_spec_bytes_10k", "scale_build_ms_10k"], "tests": ["test_suite_s"]}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    ap.add_argument("--full", action="store_true", help="also time `make test` (~5 min)")
    ap.add_argument("--only", action="append", metavar="PART[,PART]",
                    help=f"run only these parts ({', '.join(PART_KEYS)}), repeatable or comma-separated; for development")
    ap.add_argument("--out", type=Path, default=RESULTS)
    args = ap.parse_args(argv)
    only = [name for value in args.only or [] for name in value.split(",") if name]
    unknown = [name for name in only if name not in PART_KEYS]
    if unknown:
        ap.error(f"--only: unknown part {unknown[0]!r}; choose from {', '.join(PART_KEYS)}")
    sys.path.insert(0, str(ROOT))
    parts = {
        "import": lambda: {"import_ratio": bench_import()},
        "first_chart": lambda: {"first_chart_ratio": bench_first_chart()},
        "widgets": lambda: {"widget_latency_p95_ms": bench_widgets()},
        "notebooks": lambda: {"notebook_exec_ratio_max": bench_notebooks()},
        "reports": bench_reports,
        "scale": bench_scale,
        "tests": lambda: {"test_suite_s": bench_test_suite()},
    }
    wanted = only or [p for p in parts if p != "tests" or args.full]
    previous = {}
    if args.out.exists():
        try:
            previous = json.loads(args.out.read_text(encoding="utf-8")).get("results", {})
        except ValueError:
            previous = {}
    results = {}
    start = time.perf_counter()
    for name in wanted:
        t0 = time.perf_counter()
        print(f"bench: {name} ...", flush=True)
        try:
            results.update(parts[name]())
        except Exception as exc:  # one failing part must not hide the others: its keys show the reason
            reason = f"{type(exc).__name__}: {exc}"
            if isinstance(exc, subprocess.CalledProcessError) and exc.stderr:
                err = exc.stderr.decode(errors="replace") if isinstance(exc.stderr, bytes) else exc.stderr
                reason += " | " + " / ".join(err.strip().splitlines()[-2:])
            print(f"bench: {name} FAILED: {reason}", flush=True)
            results.update({key: {"value": None, "floor": None, "error": reason} for key in PART_KEYS[name]})
        print(f"bench: {name} done in {time.perf_counter() - t0:.0f} s", flush=True)
    if "test_suite_s" not in results and "test_suite_s" in previous:
        results["test_suite_s"] = {**previous["test_suite_s"], "stale": True,
                                   "what": previous["test_suite_s"].get("what", "").removesuffix(STALE) + STALE}
    if only:  # a partial run keeps the other keys of the last run, marked stale
        for key, value in previous.items():
            if key in TARGETS and key not in results:
                results[key] = {**value, "stale": True}
    results["_bench_seconds"] = time.perf_counter() - start
    write(results, args.out)
    print(table(results))
    for key in TARGETS:
        if "what" in results.get(key, {}):
            print(f"  {key}: {results[key]['what']}")
    imp = results.get("import_ratio", {})
    if "ratio_vs_floor_without_rfc3987" in imp:
        print(f"  import_ratio against a floor with rfc3987_syntax blocked: {imp['ratio_vs_floor_without_rfc3987']:.2f}")
    print(f"bench: {results['_bench_seconds']:.0f} s; wrote {os.path.relpath(args.out, ROOT)}")
    return 0 if all(verdict(k, results[k].get("value")) in ("pass", "reported") for k in TARGETS if k in results) else 1
