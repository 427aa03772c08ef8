"""Every static report `make reports` writes, looked at as its reader sees it: each HTML file in
Chromium (offline) and each page of each PDF. No error text, no identifier, nothing cut off or drawn
over, every character drawn by an installed font; in the PDF no word outside its page."""

from __future__ import annotations

import re
import shutil
import subprocess
from html import unescape

import pytest

from biomfg import reports

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


def test_every_html_report_shows_no_fault(offline_page, built):
    checked = {}
    for name, lang in screen.chosen(names()):
        op = offline_page()
        op.page.goto((built / f"{name}.html").as_uri())
        op.page.wait_for_function("[...document.querySelectorAll('.vega-embed')].every(e => e.querySelector('svg'))"
                                  " && document.querySelectorAll('.vega-embed').length > 0", timeout=30000)
        op.page.wait_for_timeout(200)
        found = screen.faults(screen.look(op.page), lang)
        found += [f"request left the machine: {u}" for u in op.blocked]
        found += [f"console: {e}" for e in op.errors]
        screen.shoot(op.page, f"report.{name}")
        checked[name] = found
        op.close()
    op = offline_page()
    op.page.goto((built / "index.html").as_uri())
    checked["index"] = screen.faults(screen.look(op.page), "en")
    screen.shoot(op.page, "report.index")
    print(f"HTML reports checked: {len(checked)} (with the index)")
    assert not any(checked.values()), screen.report("HTML reports", checked)


BBOX = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([-\d.]+)" yMin="([-\d.]+)" '
                  r'xMax="([-\d.]+)" yMax="([-\d.]+)">([^<]*)</word>')


def pdf_faults(pdf, lang: str) -> tuple[list[str], int]:
    """Faults on the pages of one PDF (text read back with poppler), and its page count."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    found = screen.faults({"texts": [text], "overflow": [], "scrolled": [], "cut": [], "overlaps": [],
                           "wide": [], "slides": [], "visibleErrors": []}, lang)
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


def test_every_pdf_page_shows_no_fault(built):
    if not shutil.which("pdftotext"):
        pytest.fail("poppler-utils (pdftotext, pdftoppm) is not installed")
    checked, pages = {}, 0
    folder = screen.shots_dir()
    for name, lang in screen.chosen(names()):
        pdf = built / f"{name}.pdf"
        found, count = pdf_faults(pdf, lang)
        pages += count
        checked[f"{name}.pdf"] = found
        if folder is not None:
            subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(folder / f"report.{name}.pdf")], check=True)
    print(f"PDF reports checked: {len(checked)}, {pages} pages")
    assert not any(checked.values()), screen.report("PDF reports", checked)
