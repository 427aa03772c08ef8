"""Static reports: validated parameters, safe writes, offline HTML with drawn charts, A4 PDF with CJK text."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest
from reliability import netns

from biomfg.tools import reports

from conftest import PY, ROOT, copy_data, need_browser, run

CASES = reports.regional_cases()


def test_list_prints_every_report_id():
    result = run(PY, "-m", "biomfg", "reports", "--list")
    ids = result.stdout.split()
    assert result.returncode == 0
    assert ids == ["overview", *reports.platform_types(), *CASES]
    assert len(ids) == 1 + 3 + len(CASES) and len(CASES) >= 10


@pytest.mark.parametrize(("args", "needle"), [
    (["--region", "atlantis"], "--region='atlantis' is not known; valid choices: suzhou_sip"),
    (["--lang", "fr"], "--lang='fr' is not known; valid choices: en, zh"),
    (["--jobs", "0"], "--jobs=0 must be 1 or more"),
])
def test_bad_options_fail_with_one_line(args, needle, tmp_path):
    result = run(PY, "-m", "biomfg", "reports", "--out", tmp_path / "out", "--no-pdf", *args)
    assert result.returncode == 1
    lines = [x for x in result.stderr.splitlines() if x.startswith("reports:")]
    assert len(lines) == 1 and needle in lines[0], result.stderr
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_misspelt_parameter_name_fails_although_papermill_only_warns():
    with pytest.raises(ValueError, match=r"unknown parameter 'regoin' for region.ipynb; valid names: lang, region"):
        reports.check_params(reports.BRIEFINGS / "region.ipynb", {"regoin": "suzhou_sip", "lang": "en"})
    with pytest.raises(ValueError, match=r"region='atlantis' is not known"):
        reports.check_params(reports.BRIEFINGS / "region.ipynb", {"region": "atlantis"})


def test_unknown_value_inside_the_notebook_fails_naming_the_choices(tmp_path):
    import papermill as pm

    with pytest.raises(pm.PapermillExecutionError) as err:
        pm.execute_notebook(str(reports.BRIEFINGS / "platform_type.ipynb"), str(tmp_path / "x.ipynb"),
                            parameters={"platform_type": "magic"}, progress_bar=False, kernel_name="python3")
    assert "platform_type='magic' is not known; valid choices: technology_innovation" in str(err.value)


def _leftovers(folder):
    return [p.name for p in folder.rglob("*") if p.name.endswith(".tmp") or p.name.startswith(".")]


def test_failed_report_exits_non_zero_naming_it_and_leaves_nothing_half_written(tmp_path):
    data = tmp_path / "data"
    copy_data(data)
    facts = (data / "facts.csv").read_text(encoding="utf-8").splitlines()
    facts[1] = facts[1].replace(",actual,", ",maybe,", 1)  # an invalid kind: the briefings cannot load facts
    (data / "facts.csv").write_text("\n".join(facts) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run(PY, "-m", "biomfg", "reports", "--out", out, "--no-pdf", "--lang", "en", "--region", "luoyang",
                 "--jobs", "1", env={"BIOMFG_DATA": str(data)})
    assert result.returncode == 1
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("reports: report ") and "facts.csv row 2, column kind" in last, result.stderr
    assert _leftovers(out) == []
    assert not list(out.glob("*.html")) or all(p.read_text().rstrip().endswith("</html>") for p in out.glob("*.html"))


def test_interrupted_batch_leaves_no_partial_file(tmp_path):
    out = tmp_path / "out"
    proc = subprocess.Popen([PY, "-m", "biomfg", "reports", "--out", str(out), "--no-pdf", "--jobs", "2"],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not list(out.glob("*.html")):
        time.sleep(0.2)
    assert list(out.glob("*.html")), "no report was finished before the interrupt"
    import os

    os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C reaches the whole process group, as in a terminal
    _, err = proc.communicate(timeout=120)
    assert proc.returncode != 0
    assert "interrupted" in err
    assert _leftovers(out) == []
    for page in out.glob("*.html"):
        assert page.read_text(encoding="utf-8").rstrip().endswith("</html>"), page.name
    assert not (out / "index.html").exists()  # the index is written only when the batch completes


@pytest.mark.browser
@pytest.mark.parametrize("out_args", [["--out", "made/here"], []], ids=["relative-out", "no-out"])
def test_reports_with_a_relative_or_default_out_folder_print_the_pdf(out_args, tmp_path):
    """Issue 13, fault 2: `make reports` (no --out: the default, reports, is relative) failed with
    "reports: relative path can't be expressed as a file URI" once the first PDF was due."""
    need_browser()
    case = CASES[0]
    result = run(PY, "-m", "biomfg", "reports", *out_args, "--lang", "en", "--region", case, "--jobs", "1",
                 cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    out = tmp_path / (out_args[1] if out_args else "reports")
    assert sorted(p.name for p in out.iterdir()) == sorted([f"{case}.en.html", f"{case}.en.pdf", "index.html"])
    assert (out / f"{case}.en.pdf").read_bytes()[:5] == b"%PDF-"
    assert (out / f"{case}.en.html").read_text(encoding="utf-8").rstrip().endswith("</html>")
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    assert summary["files"] == 3 and summary["out"] == (out_args[1] if out_args else "reports")


def test_index_shows_titles_never_report_ids(tmp_path):
    """Issue 13, fault 3: the index had an id column (`suzhou_sip`); a reader sees the titles only."""
    report = reports.select(regions=[CASES[0]])[0]
    (tmp_path / f"{report.id}.en.html").write_text("<html></html>", encoding="utf-8")
    html = reports.write_index(tmp_path).read_text(encoding="utf-8")
    shown = re.sub(r"<style>.*?</style>|<[^>]+>", " ", html, flags=re.S)
    titles = report.titles()
    assert titles["zh"] in shown and titles["en"].replace("&", "&amp;") in shown
    assert report.id not in shown.replace(f"{report.id}.en.html", "")
    assert "English HTML" in shown and f"href='{report.id}.en.html'" in html


# --- the full batch, checked in a browser ---------------------------------------------------------

@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    need_browser()
    out = tmp_path_factory.mktemp("reports")
    start = time.perf_counter()
    # issue 9: the whole batch runs with only loopback (no network); see tests/reliability.py
    result = run(*netns(optional=True), PY, "-m", "biomfg", "reports", "--out", out, timeout=1200)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "reports: 100%" in result.stderr  # the batch's progress bar reached the end
    return out, time.perf_counter() - start


@pytest.mark.browser
def test_batch_writes_every_report_in_both_languages_and_an_index(batch):
    out, _ = batch
    ids = [r.id for r in reports.catalogue()]
    for rid in ids:
        for lang in ("zh", "en"):
            assert (out / f"{rid}.{lang}.html").stat().st_size > 10_000
            assert (out / f"{rid}.{lang}.pdf").read_bytes()[:5] == b"%PDF-"
    index = (out / "index.html").read_text(encoding="utf-8")
    for r in reports.catalogue():
        titles = r.titles()
        assert f"{r.id}.zh.html" in index and f"{r.id}.en.pdf" in index
        assert titles["zh"] in index and titles["en"].replace("&", "&amp;") in index
    assert _leftovers(out) == []


@pytest.mark.browser
def test_every_report_draws_offline_with_no_request_and_no_error(batch, offline_page):
    out, _ = batch
    for page_path in sorted(out.glob("*.html")):
        if page_path.name == "index.html":
            continue
        op = offline_page()
        op.page.goto(page_path.as_uri())
        op.page.wait_for_function("[...document.querySelectorAll('.biomfg-vega')]"
                                  ".every(d => d.querySelector('svg'))", timeout=20000)
        assert op.page.locator(".error").count() == 0, page_path.name
        assert "def " not in op.page.inner_text("body")  # a reader sees no code
        assert op.blocked == [] and op.errors == [], (page_path.name, op.blocked, op.errors)
        op.close()


@pytest.mark.browser
def test_changing_a_bound_input_redraws_the_chart(batch, offline_page):
    out, _ = batch
    op = offline_page()
    op.page.goto((out / "overview.en.html").as_uri())
    op.page.wait_for_selector(".vega-bindings select", timeout=20000)
    # the dots of the chart that owns the select (the founding timeline)
    dots = ("document.querySelector('.vega-bindings select').closest('.vega-embed')"
            ".querySelectorAll('svg .mark-symbol path')")

    def opacities():
        return op.page.evaluate(f"[...{dots}].map(e => e.getAttribute('opacity') || '1')")

    before = opacities()
    assert set(before) == {"1"}
    op.page.select_option(".vega-bindings select", index=2)
    op.page.wait_for_function(f"[...{dots}].some(e => e.getAttribute('opacity') === '0.12')")
    after = opacities()
    assert after != before and "1" in after
    assert op.blocked == [] and op.errors == []


@pytest.mark.browser
def test_pdf_is_a4_with_chinese_text(batch):
    out, _ = batch
    pdf = (out / "suzhou_sip.zh.pdf").read_bytes()
    import re

    boxes = {tuple(round(float(x)) for x in m) for m in re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf)}
    assert boxes == {(595, 842)}  # A4 in points
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
        assert "苏州工业园区" in text and "来源" in text


FORK_SAFETY = """
import logging, os, sys, threading
from pathlib import Path
import concurrent.futures.process, multiprocessing.forkserver, tqdm, tqdm.cli  # the parent needs no held lock
from biomfg.tools import reports

def main():
    held, release = threading.Event(), threading.Event()
    def hold():  # like the PDF thread or tqdm's monitor, a thread holds a lock while the pool starts
        with logging._lock:
            held.set()
            release.wait(300)
    threading.Thread(target=hold, daemon=True).start()
    held.wait()
    made = reports.build(reports.select(regions=[sys.argv[2]]), ["en"], Path(sys.argv[1]), jobs=2, pdf=False,
                         stream=open(os.devnull, "w"))
    release.set()
    print(len(made))

if __name__ == "__main__":
    main()
"""


def test_pool_workers_never_inherit_a_lock_held_by_another_thread(tmp_path):
    """A fork taken while another thread holds a lock leaves the worker asleep on it forever (the batch
    hung so in CI); the workers come from a fork server instead."""
    script = tmp_path / "fork_safety.py"
    script.write_text(FORK_SAFETY, encoding="utf-8")
    proc = subprocess.Popen([PY, str(script), str(tmp_path / "out"), CASES[0]], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        out, err = proc.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        pytest.fail("the report batch hung: a pool worker waits on a lock it inherited")
    assert proc.returncode == 0, err[-2000:]
    assert out.split() == ["2"]  # the report and the index
    assert reports._pool_context().get_start_method() == "forkserver"


def test_a_report_is_byte_identical_when_rendered_again(tmp_path):
    for d in ("a", "b"):
        (tmp_path / d).mkdir()
    first, second = (reports.render_html(reports.select(regions=[CASES[0]])[0], "en", tmp_path / d) for d in ("a", "b"))
    assert first.read_bytes() == second.read_bytes()


@pytest.mark.browser
def test_every_report_says_its_versions_and_how_to_cite_it_in_its_language(batch):
    out, _ = batch
    from biomfg import data

    v = data.versions()
    for r in reports.catalogue():
        zh = (out / f"{r.id}.zh.html").read_text(encoding="utf-8")
        en = (out / f"{r.id}.en.html").read_text(encoding="utf-8")
        assert f"版本{v['version']}；数据版本{v['data_version']}（{v['date']}）。引用格式：" in zh, r.id
        assert f"version {v['version']}; data version {v['data_version']} ({v['date']}). Cite as:" in en, r.id
        assert "Cite as" not in zh and "引用格式" not in en
    if shutil.which("pdftotext"):
        for lang, footer in (("zh", f"版本{v['version']} · 数据版本{v['data_version']}"),
                             ("en", f"Version {v['version']} · data version {v['data_version']}")):
            text = subprocess.run(["pdftotext", str(out / f"suzhou_sip.{lang}.pdf"), "-"], capture_output=True,
                                  check=True, text=True).stdout
            pages = [p for p in text.split("\f") if p.strip()]
            assert pages and all(footer in p for p in pages), (lang, [p[-200:] for p in pages if footer not in p][:2])


# --- issue 19: the data behind every chart, downloaded from the report and compared with what it draws ---

PAIRS = """() => {
  // each drawn chart and the data block after it in the page (the next output of the same cell)
  const charts = [...document.querySelectorAll('.biomfg-vega')];
  const blocks = [...document.querySelectorAll('details.biomfg-chart-data')];
  return charts.map(c => {
    const b = blocks.find(d => c.compareDocumentPosition(d) & Node.DOCUMENT_POSITION_FOLLOWING);
    const texts = [...c.querySelectorAll('svg g.role-mark text')].map(t => t.textContent);
    return {block: b ? blocks.indexOf(b) : -1, texts: texts};
  });
}"""


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", str(text)).casefold()


def check_chart_downloads(page, path) -> int:
    """Open a report, download each chart's CSV from the block under it (as a reader clicks it) and compare
    it with the texts the chart draws: every figure of the CSV is drawn, and every figure drawn is in the CSV.
    Returns how many charts were compared."""
    import csv
    import io

    from biomfg.i18n import t

    lang = reports.report_lang(path)
    page.goto(path.as_uri())
    page.wait_for_function("[...document.querySelectorAll('.biomfg-vega')].every(d => d.querySelector('svg'))",
                           timeout=20000)
    pairs = page.evaluate(PAIRS)
    assert pairs and all(p["block"] >= 0 for p in pairs), f"{path.name}: a chart without a data block"
    blocks = page.locator("details.biomfg-chart-data")
    shown = t("cd_col_shown", lang)
    for i, pair in enumerate(pairs):
        block = blocks.nth(pair["block"])
        block.locator("summary").click()  # unfold, as a reader does, then download the CSV
        link = block.locator("a[download$='.csv']")
        with page.expect_download() as got:
            link.click()
        raw = Path(got.value.path()).read_bytes()
        rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
        drawn = _norm("".join(pair["texts"]))
        assert rows, f"{path.name} chart {i}: an empty CSV"
        if shown in rows[0]:
            for r in rows:
                assert _norm(r[shown]) in drawn, f"{path.name} chart {i}: {r[shown]!r} is in the CSV, not drawn"
            cells = sorted({_norm(v) for r in rows for v in r.values() if v}, key=len, reverse=True)
            for text in pair["texts"]:
                rest = _norm(text)
                for c in cells:
                    rest = rest.replace(c, "")
                assert not re.search(r"\d", rest), f"{path.name} chart {i}: draws {text!r}, not in its CSV"
    # on paper the downloads are not printed (the appendix lists every figure with its source)
    page.emulate_media(media="print")
    hidden = page.evaluate("[...document.querySelectorAll('details.biomfg-chart-data')].every("
                           "d => getComputedStyle(d.closest('.jp-OutputArea-child')).display === 'none')")
    assert hidden, f"{path.name}: a data block would be printed"
    return len(pairs)


@pytest.mark.browser
def test_a_charts_csv_downloaded_from_the_report_holds_exactly_what_it_draws(batch, offline_page):
    out, _ = batch
    compared = {}
    for name in ("suzhou_sip.zh.html", "suzhou_sip.en.html", "overview.zh.html", "pilot_scale.en.html"):
        op = offline_page()
        compared[name] = check_chart_downloads(op.page, out / name)
        assert op.blocked == [] and op.errors == [], (name, op.blocked, op.errors)
        op.close()
    assert min(compared.values()) >= 1 and sum(compared.values()) >= 8, compared
