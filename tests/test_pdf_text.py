"""Issue 16: the printed briefings hold real text. Chromium embedded Debian's Noto Sans CJK (CFF outlines)
as Type 3 glyph drawings, so a reader could not copy or search the PDF; the print style sheet now uses
TrueType fonts (see reports.PRINT_FONT)."""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess

import pytest

from biomfg.tools import reports

from conftest import PY, need_browser, run

CASE = reports.regional_cases()[0]


def need_poppler() -> None:
    if shutil.which("pdffonts") and shutil.which("pdftotext"):
        return
    msg = "pdffonts/pdftotext are not installed (apt-get install poppler-utils)"
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(f"{msg}, and REQUIRE_BROWSER=1")
    pytest.skip(msg)


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """One regional briefing in both languages, as HTML and PDF."""
    need_browser()
    need_poppler()
    out = tmp_path_factory.mktemp("pdf-text")
    result = run(PY, "-m", "biomfg", "reports", "--out", out, "--region", CASE, "--jobs", "2")
    assert result.returncode == 0, result.stderr[-2000:]
    return out


def _paragraphs(page: str) -> list[str]:
    """The text of each <p> in a report page."""
    return [html.unescape(re.sub(r"<[^>]+>", "", p)).strip() for p in re.findall(r"<p>(.*?)</p>", page, flags=re.S)]


def _squeeze(text: str) -> str:
    """Text without white space: pdftotext breaks lines where the page does."""
    return re.sub(r"\s+", "", text)


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_pdf_embeds_no_type3_font(printed, lang):
    listing = subprocess.run(["pdffonts", str(printed / f"{CASE}.{lang}.pdf")], capture_output=True, text=True,
                             check=True).stdout
    fonts = listing.splitlines()[2:]
    assert fonts, listing
    assert not [f for f in fonts if "Type 3" in f], listing
    assert all("TrueType" in f for f in fonts), listing


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_pdf_text_reads_title_then_a_sentence_in_order(printed, lang):
    report = reports.select(regions=[CASE])[0]
    title = reports.report_title(report, lang)
    page = (printed / f"{CASE}.{lang}.html").read_text(encoding="utf-8")
    if lang == "zh":  # a Chinese sentence of the briefing's own prose
        sentences = [p for p in _paragraphs(page) if len(re.findall(r"[\u4e00-\u9fff]", p)) >= 12 and p.endswith("。")]
    else:
        sentences = [p for p in _paragraphs(page) if len(p.split()) >= 8 and p.endswith(".")]
    assert sentences, f"no sentence found in {CASE}.{lang}.html"
    text = subprocess.run(["pdftotext", str(printed / f"{CASE}.{lang}.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    flat = _squeeze(text)
    assert _squeeze(title) in flat, text[:500]
    assert _squeeze(sentences[0]) in flat, (sentences[0], text[:1500])
    assert flat.index(_squeeze(title)) < flat.index(_squeeze(sentences[0]))
