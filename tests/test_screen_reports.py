"""Every static report `make reports` writes, looked at as its reader sees it: each HTML file in
Chromium (offline) and each page of each PDF. No error text, no identifier, nothing cut off or drawn
over, every character drawn by an installed font; in the PDF no word outside its page."""

from __future__ import annotations

import re
import shutil
import subprocess
from html import unescape

import pytest

from biomfg.tools import reports

import screen
from conftest import PY, need_browser, run

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    need_browser()
    out = tmp_path_factory.mktemp("screen-reports")
    done = run(PY, "-m", "biomfg", "reports", "--out", out, timeout=1800)
    assert done.returncode == 0, done.stderr[-3000:]
    return out


def names() -> list[tuple[str, str]]:
    return [(f"{r.id}.{lang}", lang) for r in reports.catalogue() for lang in ("en", "zh")]


def open_report(offline_page, path):
    op = offline_page()
    op.page.goto(path.as_uri())
    op.page.wait_for_function("[...document.querySelectorAll('.vega-embed')].every(e => e.querySelector('svg'))",
                              timeout=30000)
    op.page.wait_for_timeout(200)
    return op


@pytest.mark.parametrize("name, lang", [pytest.param(*n, id=n[0]) for n in screen.chosen(names())])
def test_html_report_shows_no_fault(offline_page, built, name, lang):
    op = open_report(offline_page, built / f"{name}.html")
    found = screen.faults(screen.look(op.page), lang)
    found += [f"request left the machine: {u}" for u in op.blocked]
    found += [f"console: {e}" for e in op.errors]
    screen.shoot(op.page, f"report.{name}")
    assert not found, screen.report("HTML reports", {name: found})


def test_report_index_shows_no_fault(offline_page, built):
    op = open_report(offline_page, built / "index.html")
    found = screen.faults(screen.look(op.page), "en")
    screen.shoot(op.page, "report.index")
    assert not found, screen.report("the report index", {"index": found})


BBOX = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([-\d.]+)" yMin="([-\d.]+)" '
                  r'xMax="([-\d.]+)" yMax="([-\d.]+)">([^<]*)</word>')


def pdf_faults(pdf, lang: str) -> tuple[list[str], int]:
    """Faults on the pages of one PDF (text read back with poppler), and its page count."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    found = screen.faults({"texts": [text], "overflow": [], "scrolled": [], "cut": [], "overlaps": [],
                           "wide": [], "slides": [], "visibleErrors": [], "aligned": []}, lang)
    boxes = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout
    page, size = 0, (0.0, 0.0)
    for m in BBOX.finditer(boxes):
        if m.group(1):
            page, size = page + 1, (float(m.group(1)), float(m.group(2)))
            continue
        x0, y0, x1, y1 = map(float, m.group(3, 4, 5, 6))
        if x0 < -0.5 or y0 < -0.5 or x1 > size[0] + 0.5 or y1 > size[1] + 0.5:
            found.append(f"page {page}: word outside the page: {unescape(m.group(7))!r}")
    return found, page


@pytest.mark.parametrize("name, lang", [pytest.param(*n, id=n[0]) for n in screen.chosen(names())])
def test_pdf_pages_show_no_fault(built, name, lang):
    if not shutil.which("pdftotext"):
        pytest.fail("poppler-utils (pdftotext, pdftoppm) is not installed")
    pdf = built / f"{name}.pdf"
    found, pages = pdf_faults(pdf, lang)
    assert pages > 0, f"{pdf.name} has no pages"
    folder = screen.shots_dir()
    if folder is not None:
        subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(folder / f"report.{name}.pdf")], check=True)
    assert not found, screen.report("PDF reports", {f"{name}.pdf ({pages} pages)": found})
