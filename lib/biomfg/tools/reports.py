"""Static reports: papermill runs each briefing notebook, nbconvert makes one offline HTML file, headless
Chromium prints it to an A4 PDF.

Every file is written under a temporary name inside the output folder and renamed into place only
when complete, so a failed or interrupted batch leaves no half-written report.
"""

from __future__ import annotations

import concurrent.futures as cf
import json
import os
import sys
import tempfile
import time
from html import escape
from pathlib import Path

import nbformat

from .. import data
from ..choices import check_choice
from ..i18n import LANGS, t
from . import browser as browser_tool
from .briefings import Report, catalogue, platform_types, regional_cases, report_title  # noqa: F401
from .files import write_atomic
from .notebooks import NOTEBOOKS, kernel_manager_class, stabilise

BRIEFINGS = NOTEBOOKS / "briefings"
# Issue 16: Chromium (Skia) embeds CFF-outline fonts such as Debian's Noto Sans CJK (.ttc) and any
# synthetic bold or oblique as Type 3 glyph drawings, which PDF readers cannot copy or search. The
# PDF is therefore printed in TrueType (glyf) fonts: Noto Sans (fonts-noto-core, real bold and italic,
# the Latin widths of Noto Sans CJK within 1%, so Vega's label layout holds) and WenQuanYi Micro Hei
# (fonts-wqy-microhei) for Chinese, which has no bold: font-synthesis is off, so Chinese bold prints
# in the regular weight as real text. The screen keeps Noto Sans CJK (theme.FONT).
PRINT_FONT = '"Noto Sans", "WenQuanYi Micro Hei", sans-serif'
PRINT_MONO = '"DejaVu Sans Mono", "WenQuanYi Micro Hei Mono", monospace'
PRINT_FONT_PACKAGES = "fonts-noto-core fonts-wqy-microhei"
# Issue 16, print. The page box (top, right, bottom, left, mm): the running title sits in the top margin
# and the page number in the bottom one, so these leave ~8 mm of paper around each. tests/pdfpages.py
# reads them to know where the printable area is.
PRINT_MARGINS_MM = (18, 14, 16, 14)
# A block kept whole on paper (a card, a box, a figure) that is taller than this share of the printable
# height may break between its rows instead (print_pdfs marks it data-print-tall): kept whole, it would
# leave up to this much of the page before it empty. tests/pdfpages.py flags a page under 1 - this full.
PRINT_MAX_WHOLE = 0.45
# Blocks never split across pages (unless taller than PRINT_MAX_WHOLE of a page; a chart cannot split).
PRINT_WHOLE = (".biomfg-tile, .biomfg-card, .biomfg-box, .biomfg-panel, .biomfg-summary, figure, .vega-embed, "
               "tr, img, dt, blockquote")
REPORT_CSS = """
body.jp-Notebook { max-width: 60em; margin: 0 auto; padding: 1.5em 2em; }
.jp-OutputPrompt, .jp-InputPrompt { display: none; }
.jp-Cell { padding: 0.2em 0; }
.vega-embed { max-width: 100%; }
.vega-embed svg { max-width: 100%; height: auto; }
@media print { @page { size: A4; margin: MARGINS; } body.jp-Notebook { max-width: none; padding: 0; }
  details { display: block; } details > * { display: block; }
  * { font-synthesis: none; }
  body, body * { font-family: PRINT_FONT !important; }
  pre, pre *, code, code *, kbd, samp { font-family: PRINT_MONO !important; }
  /* No forced break anywhere (a forced break where a page has just ended leaves it blank). JupyterLab
     keeps each whole output together (break-inside: avoid-page), which pushed a tall output (an appendix)
     to the next page and left the page before it near empty: outputs break where their blocks allow. */
  .jp-OutputArea-child { break-inside: auto; display: block; }
  .jp-OutputArea-child > .jp-OutputArea-output { display: block; width: auto; }
  .vega-embed { display: block; width: fit-content; }
  /* A chart taller than a page cannot break: it starts a page and runs on. Any space above it inside its
     output (the cell's padding, the chart's margin) made Chromium push it once more, past a blank page. */
  .jp-Cell { padding: 0; margin: 0.2em 0; } .biomfg-vega { margin: 0; padding: 0; }
  /* a chart's select or slider does nothing on paper; nor do the downloads under a chart (the appendix
     prints every figure with its source and quotation) */
  .vega-bindings { display: none; }
  .jp-OutputArea-child:has(.biomfg-chart-data) { display: none; }
  PRINT_WHOLE { break-inside: avoid; }
  [data-print-tall] { break-inside: auto !important; }
  /* A heading (a fold's summary too) stays with the block it heads: no break after it, nor inside it.
     Chromium passes a last child's break-after: avoid on to its parents, so a Markdown cell's heading
     also stays with the next cell's output (tests/test_print.py checks it). */
  h1, h2, h3, h4, h5, h6, summary { break-after: avoid; break-inside: avoid; }
  p, li, dd, td, blockquote { orphans: 3; widows: 3; }
  /* a section's heading and sentences stay with the chart they introduce: Chromium does not honour a
     break-after: avoid between two outputs, so the cell's outputs are kept whole (story charts are held to
     half a page, below, so a section fits a page; tests/pdfpages.py flags sentences parted from a chart) */
  .jp-OutputArea-child:has(+ .jp-OutputArea-child .biomfg-vega) { break-after: avoid; }
  .jp-OutputArea:has(.biomfg-section-text):has(.biomfg-vega) { break-inside: avoid; }
  thead { display: table-header-group; }
  /* Chinese: ragged right, never justified (justified CJK spreads the characters of short lines apart) */
  :lang(zh) :is(p, li, dd, dt, td:not(.num), th:not(.num), h1, h2, h3, h4, h5, h6, blockquote) {
    text-align: left; text-justify: none; }
  :lang(zh) body { line-break: strict; }
  /* Page one holds the title, the summary, the key figures, the headline chart and the targets box:
     on paper they are set tighter than on screen */
  /* (body.jp-Notebook: outranks the outputs' own style sheets, which come later in the page) */
  body.jp-Notebook .biomfg-brief h1 { font-size: 1.6em; margin: 0 0 .1em; }
  body.jp-Notebook .biomfg-summary { font-size: 1em; line-height: 1.35; margin: .3em 0 .4em; padding-top: 0; }
  body.jp-Notebook .biomfg-box { margin: .4em 0; padding: .35em .8em; }
  body.jp-Notebook .biomfg-box td, body.jp-Notebook .biomfg-box th { padding: .12em .5em !important; }
  body.jp-Notebook .biomfg-summary h2, body.jp-Notebook .biomfg-box h2 { margin: 0 0 .2em; }
  body.jp-Notebook .biomfg-tiles { grid-template-columns: repeat(3, 1fr); gap: .35em; margin: .3em 0; }
  body.jp-Notebook .biomfg-tile { padding: .2em .5em; border-top-width: 3px; }
  body.jp-Notebook .biomfg-tile .v { font-size: 1.2em; }
  body.jp-Notebook .biomfg-brief-note { margin: .1em 0; font-size: .8em; }
  body.jp-Notebook .jp-RenderedHTMLCommon h2 { margin-top: .5em; margin-bottom: .3em; }
  /* a story chart is held to about half the printable height, so it fits with its sentences under a page's
     earlier section instead of leaving that page half empty (tests/test_print.py: no under-filled page) */
  .vega-embed svg.marks { max-height: 125mm; width: auto; height: auto; }
  .jp-Cell:has(.biomfg-page-one-chart) .vega-embed svg.marks { max-height: 58mm; width: auto; height: auto; }
  .jp-Cell:has(.biomfg-page-one-small) .vega-embed svg.marks { max-height: 36mm; } }
""".replace("PRINT_FONT", PRINT_FONT).replace("PRINT_MONO", PRINT_MONO).replace("PRINT_WHOLE", PRINT_WHOLE).replace(
    "MARGINS", " ".join(f"{m}mm" for m in PRINT_MARGINS_MM))


class ReportError(RuntimeError):
    """A report could not be made: the message is one line naming the report."""


def check_params(notebook: Path, params: dict) -> None:
    """Reject a parameter the notebook does not declare (papermill alone only warns) or a bad value."""
    import papermill as pm

    declared = pm.inspect_notebook(str(notebook))
    unknown = sorted(set(params) - set(declared))
    if unknown:
        raise ValueError(f"unknown parameter {unknown[0]!r} for {notebook.name}; valid names: {', '.join(declared)}")
    if "lang" in params:
        check_choice("lang", params["lang"], LANGS)
    if "region" in params:
        check_choice("region", params["region"], regional_cases())
    if "platform_type" in params:
        check_choice("platform_type", params["platform_type"], platform_types())


def select(ids: list[str] | None = None, regions: list[str] | None = None) -> list[Report]:
    """The reports to make; unknown ids fail with the valid choices."""
    reports = catalogue()
    if regions:
        for r in regions:
            check_choice("--region", r, regional_cases())
        reports = [r for r in reports if dict(r.params).get("region") in regions]
    if ids:
        known = [r.id for r in catalogue()]
        for i in ids:
            check_choice("report", i, known)
        reports = [r for r in reports if r.id in ids]
    return reports


def for_language(nb: nbformat.NotebookNode, lang: str) -> nbformat.NotebookNode:
    """Keep only this language's prose cells (tagged lang-en / lang-zh) and cells for everyone."""
    other = {f"lang-{x}" for x in LANGS if x != lang}
    nb.cells = [c for c in nb.cells if not other & set(c.get("metadata", {}).get("tags", []))]
    return nb


def render_html(report: Report, lang: str, out: Path) -> Path:
    """Execute one briefing in `lang` and write out/<id>.<lang>.html. Returns the path."""
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    from .export import to_html

    params = {**dict(report.params), "lang": lang}
    notebook = BRIEFINGS / report.notebook
    check_params(notebook, params)
    with tempfile.TemporaryDirectory(prefix="biomfg-report-") as work:
        executed = Path(work) / report.notebook
        try:
            pm.execute_notebook(str(notebook), str(executed), parameters=params, cwd=str(BRIEFINGS),
                                progress_bar=False, kernel_name="python3", kernel_manager_class=kernel_manager_class())
        except PapermillExecutionError as exc:
            raise ReportError(f"report {report.id}.{lang}: {exc.ename}: {str(exc.evalue).splitlines()[0]}") from None
        nb = for_language(stabilise(nbformat.read(executed, as_version=4)), lang)
    title = report_title(report, lang)
    html = to_html(nb, exclude_input=True, title=title, extra_css=REPORT_CSS)
    path = out / f"{report.id}.{lang}.html"
    write_atomic(html, path)
    return path


def report_lang(html: Path) -> str:
    """The language of <id>.<lang>.html (the exported page's own lang attribute says en for every report)."""
    lang = Path(html).name.split(".")[-2] if Path(html).name.count(".") >= 2 else ""
    return lang if lang in LANGS else "en"


def page_templates(title: str, lang: str) -> tuple[str, str]:
    """Chromium's header and footer for one report: its title (escaped: it comes from the data) at the
    top, 'Page N of M' / '第N页，共M页' at the foot. The margin boxes are separate documents that inherit
    nothing: the font (TrueType, or Chromium embeds a Type 3 font), its size and the side margins are set
    here."""
    style = (f"font-family:{PRINT_FONT};font-size:8pt;line-height:1.2;color:#444;width:100%;"
             f"margin:0 {PRINT_MARGINS_MM[1]}mm 0 {PRINT_MARGINS_MM[3]}mm;-webkit-print-color-adjust:exact")
    n, total = "\x00n\x00", "\x00total\x00"
    number = escape(t("page_of", lang, n=n, total=total)).replace(n, "<span class='pageNumber'></span>").replace(
        total, "<span class='totalPages'></span>")
    header = (f"<div lang='{lang}' style='{escape(style)};display:flex;border-bottom:0.5pt solid #999;"
              f"padding-bottom:1.5mm'><span style='overflow:hidden;white-space:nowrap;text-overflow:ellipsis'>"
              f"{escape(title)}</span></div>")
    versions = escape(t("print_footer", lang, **data.versions()))
    footer = (f"<div lang='{lang}' style='{escape(style)};display:flex;justify-content:space-between'>"
              f"<span>{versions}</span><span>{number}</span></div>")
    return header, footer


# Marks each block kept whole (PRINT_WHOLE) that is taller than PRINT_MAX_WHOLE of the printable height:
# the print style lets it break between its rows. Run with the viewport as wide as the printable area.
MARK_TALL = """([selector, limit]) => {
  let n = 0;
  for (const el of document.querySelectorAll(selector)) {
    if (el.getBoundingClientRect().height > limit) { el.setAttribute('data-print-tall', ''); n++; }
  }
  return n;
}"""


def print_pdfs(html_paths: list[Path], progress=None) -> list[Path]:
    """Print each HTML file to an A4 PDF beside it with headless Chromium, once its charts are drawn: a
    running title and page numbers in the margins, blocks kept whole where they fit (see REPORT_CSS)."""
    from playwright.sync_api import sync_playwright

    if browser_tool.chromium_path() is None:
        raise ReportError(f"PDF needs Debian's chromium (apt-get install chromium fonts-noto-cjk {PRINT_FONT_PACKAGES}); "
                          "or pass --no-pdf")
    top, right, bottom, left = PRINT_MARGINS_MM
    px = 96 / 25.4  # CSS pixels per millimetre
    width, height = round((210 - left - right) * px), round((297 - top - bottom) * px)
    done = []
    with sync_playwright() as p:
        browser = browser_tool.launch(p)
        try:
            # laid out as wide as the printed page, so the heights measured are those on paper
            page = browser.new_page(viewport={"width": width, "height": height})
            browser_tool.offline(page)
            for html in html_paths:
                lang = report_lang(html)
                page.emulate_media(media="screen")
                page.goto(Path(html).resolve().as_uri())
                page.wait_for_function(
                    "[...document.querySelectorAll('.biomfg-vega')].every(d => d.querySelector('svg, canvas'))",
                    timeout=30000)
                page.evaluate("lang => { document.documentElement.lang = lang; }", lang)
                page.emulate_media(media="print")
                page.evaluate(MARK_TALL, [PRINT_WHOLE, PRINT_MAX_WHOLE * height])
                header, footer = page_templates(page.title(), lang)
                pdf = page.pdf(format="A4", print_background=True, prefer_css_page_size=True,
                               display_header_footer=True, header_template=header, footer_template=footer,
                               margin={k: f"{v}mm" for k, v in zip(("top", "right", "bottom", "left"), PRINT_MARGINS_MM,
                                                                   strict=True)})
                target = html.with_suffix(".pdf")
                write_atomic(pdf, target)
                done.append(target)
                if progress:
                    progress.update(1)
        finally:
            browser.close()
    return done


LANG_NAMES = {"zh": "中文", "en": "English"}  # each language named in itself, as language links are


def write_index(out: Path) -> Path:
    """reports/index.html: every report present, titled in both languages (titles, never ids), with its
    HTML and PDF."""
    rows = []
    for report in catalogue():
        titles = report.titles()
        links = []
        for lang in LANGS:
            for ext in ("html", "pdf"):
                name = f"{report.id}.{lang}.{ext}"
                if (out / name).exists():
                    links.append(f"<a href='{escape(name)}' hreflang='{lang}'>{LANG_NAMES[lang]} {ext.upper()}</a>")
        if links:
            rows.append(f"<tr><td lang='zh'>{escape(titles['zh'])}</td><td lang='en'>{escape(titles['en'])}</td>"
                        f"<td>{' · '.join(links)}</td></tr>")
    version = data.package().get("version", "")
    html = f"""<!DOCTYPE html><html lang="zh"><head><meta charset="utf-8">
<title>{escape(t('collection_title', 'zh'))} · {escape(t('collection_title', 'en'))}</title>
<style>body{{font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;max-width:64em;margin:2em auto;
color:#1a1a1a}}table{{border-collapse:collapse;width:100%}}td,th{{border-bottom:1px solid #ddd;padding:.4em .6em;
text-align:left}}</style></head><body><main>
<h1>{escape(t('reports_title', 'zh'))} · {escape(t('reports_title', 'en'))}</h1>
<p>{escape(t('data_version', 'zh'))} · {escape(t('data_version', 'en'))}: {escape(str(version))}</p>
<table><thead><tr><th>中文标题</th><th>English title</th>
<th>{escape(t('files', 'zh'))} · {escape(t('files', 'en'))}</th></tr>
</thead><tbody>{''.join(rows)}</tbody></table></main></body></html>"""
    path = out / "index.html"
    write_atomic(html, path)
    return path


def _pool_context():
    """Workers come from a fork server, never from a fork of this process: the PDF thread (Playwright's
    event loop) and tqdm's monitor run here, and a fork taken while one of them holds a lock leaves the
    worker asleep on that lock forever. The server imports this module once, so each worker starts warm."""
    import multiprocessing as mp

    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload([__name__])
    return ctx


def _render_job(args):
    report, lang, out = args
    return str(render_html(report, lang, Path(out)))


def build(reports: list[Report], langs: list[str], out: Path, jobs: int | None = None, pdf: bool = True,
          stream=sys.stderr) -> list[Path]:
    """Render every report in every language; a failure stops the batch with a one-line ReportError."""
    from tqdm import tqdm

    out = Path(out).resolve()  # a relative --out (the default, reports) cannot be a file:// URI for the PDF
    out.mkdir(parents=True, exist_ok=True)
    tasks = [(r, lang, str(out)) for r in reports for lang in langs]
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(tasks) or 1))
    made: list[Path] = []
    total = len(tasks) * (2 if pdf else 1)
    with tqdm(total=total, desc="reports", unit="file", file=stream, disable=False, mininterval=0.5) as bar:
        # PDFs are printed while the pool renders the rest (a thread owns the browser), not after it.
        printer = _PdfPrinter(bar) if pdf else None
        try:
            with cf.ProcessPoolExecutor(max_workers=jobs, mp_context=_pool_context()) as pool:
                futures = {pool.submit(_render_job, task): task for task in tasks}
                try:
                    for fut in cf.as_completed(futures):
                        report, lang, _ = futures[fut]
                        try:
                            made.append(Path(fut.result()))
                        except ReportError:
                            raise
                        except Exception as exc:  # one line naming the report
                            first = (str(exc).splitlines() or [type(exc).__name__])[0]
                            raise ReportError(f"report {report.id}.{lang}: {first}") from None
                        bar.update(1)
                        if printer:
                            printer.add(made[-1])
                except BaseException:
                    for f in futures:
                        f.cancel()
                    raise
        finally:
            if printer:
                pdfs = printer.finish(cancel=sys.exc_info()[0] is not None)
        if printer:
            made += pdfs
    made.append(write_index(out))
    return made


class _PdfPrinter:
    """print_pdfs() in a thread fed HTML paths as they are made; finish() returns the PDFs or re-raises."""

    def __init__(self, progress):
        import queue
        import threading

        self._queue: queue.Queue = queue.Queue()
        self._done: list[Path] = []
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(progress,), name="biomfg-pdf", daemon=True)
        self._thread.start()

    def _run(self, progress):
        try:
            self._done = print_pdfs(iter(self._queue.get, None), progress=progress)
        except BaseException as exc:  # handed to the main thread by finish()
            self._error = exc
            for _ in iter(self._queue.get, None):  # drain, so add() never blocks
                pass

    def add(self, html: Path) -> None:
        if self._error is not None:
            raise self._error
        self._queue.put(html)

    def finish(self, cancel: bool = False) -> list[Path]:
        """Wait for the queued PDFs; with cancel (the batch failed) drop those not started and raise nothing."""
        import queue

        while cancel:
            try:
                self._queue.get_nowait()
            except queue.Empty:
                break
        self._queue.put(None)
        self._thread.join()
        if self._error is not None and not cancel:
            raise self._error
        return self._done


def main(args) -> int:
    """`python -m biomfg reports`: see --help."""
    try:
        if args.list:
            for r in catalogue():
                print(r.id)
            return 0
        langs = [args.lang] if args.lang else list(LANGS)
        for lang in langs:
            check_choice("--lang", lang, LANGS)
        if args.jobs is not None and args.jobs < 1:
            raise ValueError(f"--jobs={args.jobs} must be 1 or more")
        reports = select(regions=args.region)
        start = time.perf_counter()
        made = build(reports, langs, Path(args.out).resolve(), jobs=args.jobs, pdf=not args.no_pdf)
    except KeyboardInterrupt:
        print("reports: interrupted; no partial file was left", file=sys.stderr)
        return 130
    except (ReportError, ValueError, data.DataError) as exc:
        print(f"reports: {exc}", file=sys.stderr)
        return 1
    print(json.dumps({"files": len(made), "seconds": round(time.perf_counter() - start, 1),
                      "out": os.path.relpath(args.out)}))
    return 0
