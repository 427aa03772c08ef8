"""Issue 16, print: every briefing, in both languages, prints on A4 with no blank page, no page left
under-filled but the last, no heading alone at the foot of a page, a running title and a page number on
every page, and real text (no Type 3 font). Pages are read from the PDFs by tests/pdfpages.py (also a
command: `.venv/bin/python tests/pdfpages.py reports/*.pdf`); its thresholds are named and argued there.

The module builds every report once (~60-90 s) and prints one line per PDF: its pages, how full each is,
and its faults, so a failure names the report and the page."""

from __future__ import annotations

import html
import re

import pytest

from biomfg.i18n import LANGS
from biomfg.tools import reports

import pdfpages
from conftest import PY, need_browser, run
from test_pdf_text import need_poppler

PDFS = [f"{r.id}.{lang}" for r in reports.catalogue() for lang in LANGS]


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """Every briefing in both languages, as HTML and PDF."""
    need_browser()
    need_poppler()
    out = tmp_path_factory.mktemp("print")
    result = run(PY, "-m", "biomfg", "reports", "--out", out, "--jobs", "2")
    assert result.returncode == 0, result.stderr[-2000:]
    return out


class Analysed(dict):
    """Report name -> pdfpages.Report; shown in a failure as a count, not as every page of every report."""

    def __repr__(self) -> str:
        return f"<{len(self)} analysed PDFs>"


@pytest.fixture(scope="module")
def analysed(printed, request) -> Analysed:
    """Each PDF measured once; one line per report on the terminal (and in pages.txt beside the PDFs)."""
    found = Analysed((name, pdfpages.analyse(printed / f"{name}.pdf")) for name in PDFS)
    lines = [r.line() for r in found.values()]
    (printed / "pages.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    if reporter and capture:
        with capture.global_and_fixture_disabled():  # on the terminal even while output is captured
            reporter.write_line("")
            for line in lines:
                reporter.write_line(f"print: {line}")
    return found


def _faults(report: pdfpages.Report, kind: str) -> list[str]:
    return [f"p{p.number}: {f}" for p in report.pages for f in p.faults if f.startswith(kind)]


@pytest.mark.browser
@pytest.mark.parametrize("name", PDFS)
def test_pdf_has_no_type3_font(analysed, name):
    report = analysed[name]
    faults = [f for f in report.faults if "Type 3" in f]
    assert not faults, report.line()


# what pdfpages flags on a page: a blank page, an under-filled page but the last, a heading alone at a page foot
PAGE_FAULTS = ("blank", "under-filled", "heading at the foot")


@pytest.mark.browser
@pytest.mark.parametrize("kind", PAGE_FAULTS)
@pytest.mark.parametrize("name", PDFS)
def test_pdf_page_has_no_fault(analysed, name, kind):
    report = analysed[name]
    faults = _faults(report, kind)
    assert not faults, report.line()


@pytest.mark.browser
@pytest.mark.parametrize("name", PDFS)
def test_every_page_has_the_running_title_and_its_number(analysed, printed, name):
    report = analysed[name]
    faults = _faults(report, "no running title") + _faults(report, "no page number")
    assert not faults, report.line()
    rid, lang = name.rsplit(".", 1)
    title = pdfpages.squeeze(reports.report_title(next(r for r in reports.catalogue() if r.id == rid), lang))
    assert all(title in p.header for p in report.pages), [p.header for p in report.pages]
    word = {"en": f"Page1of{len(report.pages)}", "zh": f"第1页，共{len(report.pages)}页"}[lang]
    assert word in report.pages[0].footer, report.pages[0].footer


def test_page_templates_escape_the_title_and_set_a_truetype_font():
    """The title comes from the data: markup in it is shown as text. The margin boxes inherit nothing, so
    each names its size and the TrueType print font (Chromium's default font there embeds as Type 3)."""
    hostile = "<img src=x onerror=alert(1)> & <span class='pageNumber'></span>"
    for lang in LANGS:
        header, footer = reports.page_templates(hostile, lang)
        assert "<img" not in header and "&lt;img" in header
        assert header.count("pageNumber") == 1 and "&lt;span class=&#x27;pageNumber&#x27;" in header
        for box in (header, footer):
            style = html.unescape(re.search(r"style='([^']*)'", box).group(1))
            assert "font-size:8pt" in style and reports.PRINT_FONT in style, style
        assert "<span class='pageNumber'></span>" in footer and "<span class='totalPages'></span>" in footer
    assert "第<span class='pageNumber'></span>页，共<span class='totalPages'></span>页" in reports.page_templates("t", "zh")[1]


def _page(body: str, css: str) -> str:
    """A page shaped like an exported notebook (cells, output areas), with this style sheet."""
    return (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Print check</title><style>{css}"
            f"</style></head><body class='jp-Notebook'><main>{body}</main></body></html>")


def _cell(inner: str, markdown: bool = False) -> str:
    if markdown:
        return (f"<div class='jp-Cell jp-MarkdownCell'><div class='jp-Cell-inputWrapper'><div class='jp-InputArea'>"
                f"<div class='jp-RenderedMarkdown'>{inner}</div></div></div></div>")
    return (f"<div class='jp-Cell jp-CodeCell'><div class='jp-Cell-outputWrapper'><div class='jp-OutputArea'>"
            f"<div class='jp-OutputArea-child'><div class='jp-OutputArea-output'>{inner}</div></div></div></div></div>")


def _print(pages: dict[str, str], out) -> dict[str, pdfpages.Report]:
    """Print these pages with reports.print_pdfs in a fresh process (Playwright's sync API allows one per
    thread, and the browser fixture may hold it) and measure each PDF."""
    paths = []
    for name, text in pages.items():
        (out / f"{name}.en.html").write_text(text, encoding="utf-8")
        paths.append(str(out / f"{name}.en.html"))
    result = run(PY, "-c", "import sys; from pathlib import Path; from biomfg.tools.reports import print_pdfs; "
                 "print_pdfs([Path(p) for p in sys.argv[1:]])", *paths)
    assert result.returncode == 0, result.stderr[-2000:]
    return {name: pdfpages.analyse(out / f"{name}.en.pdf") for name in pages}


@pytest.mark.browser
def test_a_heading_stays_with_the_block_it_heads(tmp_path):
    """A Markdown cell's heading, then the next cell's card, where the heading fits at the foot of page
    one and the card does not. Without the print style the heading is left alone there (the analyser
    sees it); with it, the heading goes over with its card and page one stays well filled."""
    need_browser()
    need_poppler()
    card = "<div class='biomfg-card'>" + "".join(f"<p>Line {i} of the card.</p>" for i in range(6)) + "</div>"
    margins = " ".join(f"{m}mm" for m in reports.PRINT_MARGINS_MM)
    bare = f"@media print {{ @page {{ size: A4; margin: {margins}; }} .biomfg-card {{ break-inside: avoid; }} }}"
    pages = {}
    for filler in (220, 240):  # mm of a 263 mm printable height: the heading fits, the card does not
        body = (_cell(f"<div style='height:{filler}mm;background:#ccc'></div>")
                + _cell("<h2>The heading of the card</h2>", markdown=True) + _cell(card))
        pages[f"bare{filler}"] = _page(body, bare)
        pages[f"styled{filler}"] = _page(body, reports.REPORT_CSS)
    found = _print(pages, tmp_path)
    lines = "\n".join(r.line() for r in found.values())
    for filler in (220, 240):
        assert _faults(found[f"bare{filler}"], "heading at the foot"), lines
        styled = found[f"styled{filler}"]
        assert not styled.faults, lines
        assert len(styled.pages) == 2 and styled.pages[0].fill > 0.8, lines


@pytest.mark.browser
def test_a_sections_sentences_stay_with_its_chart(tmp_path):
    """A briefing's story section is one cell with two outputs: its heading and sentences, then its chart.
    Where the sentences fit at the foot of page one and the chart does not, Chromium leaves them there
    or the heading (break-after: avoid is not always honoured: the analyser sees them parted from their
    chart); the print style keeps the cell's outputs whole, so they go over together."""
    need_browser()
    need_poppler()
    words = "The sentences that introduce the chart below, long enough to wrap onto a second line of the page. " * 2
    section = f"<h2>The section</h2><p class='biomfg-section-text'>{words}</p>"
    chart = ("<div class='biomfg-vega'><div class='vega-embed'><svg xmlns='http://www.w3.org/2000/svg' width='600' "
             "height='380'><text x='10' y='20'>The chart's title</text><rect x='10' y='40' width='500' height='320' "
             "fill='#0072B2'/></svg></div></div>")
    outputs = "".join(f"<div class='jp-OutputArea-child'><div class='jp-OutputArea-output'>{x}</div></div>"
                      for x in (section, chart))
    cell = (f"<div class='jp-Cell jp-CodeCell'><div class='jp-Cell-outputWrapper'><div class='jp-OutputArea'>"
            f"{outputs}</div></div></div>")
    margins = " ".join(f"{m}mm" for m in reports.PRINT_MARGINS_MM)
    bare = (f"@media print {{ @page {{ size: A4; margin: {margins}; }} .vega-embed {{ break-inside: avoid; }} "
            "h2 {{ break-after: avoid; }} p {{ orphans: 3; widows: 3; }} "
            f".jp-OutputArea-child:has(+ .jp-OutputArea-child .biomfg-vega) {{ break-after: avoid; }} }}")
    body = _cell("<div style='height:175mm;background:#ccc'></div>") + cell
    found = _print({"bare": _page(body, bare), "styled": _page(body, reports.REPORT_CSS)}, tmp_path)
    lines = "\n".join(r.line() for r in found.values())
    # Chromium parts them somewhere: the heading alone, or heading and sentences, at the foot
    assert _faults(found["bare"], "heading at the foot") or _faults(found["bare"], "a section's sentences"), lines
    styled = found["styled"]
    assert not styled.faults, lines
    assert len(styled.pages) == 2 and styled.pages[0].fill > 0.6, lines


@pytest.mark.browser
def test_the_analyser_finds_a_blank_and_an_under_filled_page(tmp_path):
    """Its own check: a forced break after one line (page one under-filled), then an empty block taller
    than a page (page two blank), then a line; and Chromium's own margins, with no running title."""
    need_browser()
    need_poppler()
    body = ("<p>One line, then a forced break.</p><div style='break-after:page'></div>"
            "<div style='height:270mm'></div><p>The last line.</p>")
    found = _print({"faulty": _page(body, reports.REPORT_CSS)}, tmp_path)["faulty"]
    pages = {p.number: p.faults for p in found.pages}
    assert any(f.startswith("under-filled") for f in pages[1]), found.line()
    assert "blank" in pages[2], found.line()
    assert not [f for f in found.faults if "Type 3" in f or "no page number" in f], found.line()


PAGE_ONE = {"en": ("Summary", "Key figures", "Targets set against reported results"),
            "zh": ("摘要", "关键数据", "目标与已报告结果对照")}


@pytest.mark.browser
@pytest.mark.parametrize("name", PDFS)
def test_page_one_holds_the_summary_the_key_figures_and_the_targets_box(printed, name):
    """A brief's first page is the one an official reads: title, summary, key figures and the targets box,
    in that order, then the headline chart where the briefing has one."""
    import subprocess

    lang = name.rsplit(".", 1)[1]
    text = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-layout", str(printed / f"{name}.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    where = [text.find(h) for h in PAGE_ONE[lang]]
    assert -1 not in where and where == sorted(where), (where, text[:1500])
    # the headline chart too, when the briefing has one (its title is text in the PDF)
    title = pdfpages.page_one_chart_title((printed / f"{name}.html").read_text(encoding="utf-8"))
    assert not title or pdfpages.squeeze(title)[:12] in pdfpages.squeeze(text), (name, title, text[-600:])
