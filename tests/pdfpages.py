"""Issue 16, print: how well each page of a printed report is used, read from the PDF alone (poppler-utils).

For every page: the share of the printable height that holds content (the last inked row inside the
page margins, so the running title and page number, which sit in the margins, never count), and the
faults a reader sees on paper: a blank page, a page left under-filled before the last, a heading at the
foot of a page with what it heads on the next, a section's sentences with its chart on the next, a
running title or page number missing, a Type 3 font.

    .venv/bin/python tests/pdfpages.py reports/*.pdf        # one line per PDF; exit 1 if any has a fault

A report's HTML beside its PDF (<id>.<lang>.html) gives the heading texts and the title; without it
those two checks are skipped.
"""

from __future__ import annotations

import html as htmllib
import json
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

try:  # the page box the print style sheet sets (top, right, bottom, left, in mm)
    from biomfg.tools.reports import PRINT_MARGINS_MM
except ImportError:  # the analyser also runs on a PDF made elsewhere, without the library
    PRINT_MARGINS_MM = (18.0, 14.0, 16.0, 14.0)

MM = 72 / 25.4  # PDF points per millimetre
# 40 dpi: one pixel is 0.64 mm, a line of 9 pt text spans ~5 rows, and a 20-page report renders in ~1 s.
RENDER_DPI = 40
# A grey level (0 black, 255 white) below this is ink. Card and tile backgrounds (#fafafa = 250) are paper;
# their #ddd (221) borders and the lightest text, anti-aliased at 40 dpi, are ink.
INK_BELOW = 240
# A row holds content when at least this many pixels are ink: a lone anti-aliasing speck is not content.
MIN_INK_PIXELS = 2
# A page (not the last) whose content ends above this share of the printable height is under-filled. Why
# 55%: the print style keeps every unbreakable block (a chart, a card, a tile row, a heading with its first
# block) within 45% of the printable height, so a page pushed to break early by one is still over 55% full;
# a page below it was broken by something else (a forced break, or a block that is too tall).
UNDERFILLED_BELOW = 0.55
# A page whose content box holds no inked row at all is blank (the header and footer alone do not count).
BLANK_BELOW = 0.005
# A heading is alone at the foot of a page when no text line starts below it and the ink ends within this
# many millimetres of its baseline box (a rule under the heading, not a chart or a paragraph).
HEADING_FOOT_SLACK_MM = 4.0
PAGE_RE = {"en": r"Page\s*{n}\s*of\s*{m}", "zh": r"第\s*{n}\s*页\s*[，,]\s*共\s*{m}\s*页"}


@dataclass
class Page:
    number: int
    fill: float  # share of the printable height above the last inked row, 0..1
    header: str = ""  # the text in the top margin band
    footer: str = ""  # the text in the bottom margin band
    faults: list[str] = field(default_factory=list)


@dataclass
class Report:
    pdf: Path
    pages: list[Page]
    faults: list[str]  # every fault of the PDF, page faults included, each naming its page

    def line(self) -> str:
        """One line: pages, fill of each page in %, faults."""
        fills = " ".join(f"{round(p.fill * 100)}" for p in self.pages)
        return (f"{self.pdf.name}: {len(self.pages)} pages, fill % [{fills}], "
                f"{'faults: ' + '; '.join(self.faults) if self.faults else 'ok'}")


def squeeze(text: str) -> str:
    """Text without white space (pdftotext breaks lines where the page does) and without the ¶ anchor."""
    return re.sub(r"\s+|¶", "", text)


def html_headings(page: str) -> list[str]:
    """The text of every h1-h6 and fold summary (it heads what the fold holds) in a report's HTML (scripts
    and styles left out)."""
    page = re.sub(r"<(script|style)\b.*?</\1>", "", page, flags=re.S | re.I)
    found = re.findall(r"<(h[1-6]|summary)\b[^>]*>(.*?)</\1>", page, flags=re.S | re.I)
    texts = (re.sub(r"\s+", " ", htmllib.unescape(re.sub(r"<[^>]+>", "", body))).replace("¶", "").strip()
             for _, body in found)
    return [t for t in texts if t]


def html_sections_with_charts(page: str) -> list[str]:
    """The sentences of every story section whose cell also draws a chart (a briefing's section: its
    heading, a p.biomfg-section-text, then the chart), as text: on paper they must share a page with it."""
    out = []
    for cell in re.split(r"<div\b[^>]*class=['\"][^'\"]*\bjp-Cell\b", page)[1:]:
        if "biomfg-vega" not in cell:
            continue
        for body in re.findall(r"<p\b[^>]*class=['\"]biomfg-section-text['\"][^>]*>(.*?)</p>", cell, flags=re.S):
            text = re.sub(r"\s+", " ", htmllib.unescape(re.sub(r"<[^>]+>", "", body))).strip()
            if text:
                out.append(text)
    return out


def page_one_chart_title(page: str) -> str:
    """The title of a briefing's headline chart (the chart in the cell marked biomfg-page-one-chart), read
    from its Vega-Lite spec in the HTML; '' when the briefing has none (no two figures compare)."""
    for cell in re.split(r"<div\b[^>]*class=['\"][^'\"]*\bjp-Cell\b", page)[1:]:
        if "biomfg-page-one-chart" in cell and "biomfg-vega" in cell:
            found = re.search(r'"title":\s*\{[^{}]*?"text":\s*("(?:[^"\\]|\\.)*"|\[[^\]]*\])', cell)
            if found:
                title = json.loads(found.group(1))
                return title if isinstance(title, str) else "".join(title)
    return ""


def section_at_foot(lines: list[Line], sections: list[str], top: float, bottom: float) -> str:
    """The sentences of a section that end the page's text (whole or begun) while its chart, whose title is
    the text after them, is on the next page; or ''."""
    body = [ln.text for ln in lines if ln.y0 >= top - 1 and ln.y1 <= bottom + 1 and ln.text]
    for text in sections:
        said = squeeze(text)
        for i, line in enumerate(body):
            tail = "".join(body[i:])
            # at least a printed line's worth: a chart's lone label ('Hangzhou') is no section's start
            if said.startswith(line) and said.startswith(tail) and len(tail) >= min(len(said), SECTION_MIN_CHARS):
                return text
    return ""


SECTION_MIN_CHARS = 24


def html_title(page: str) -> str:
    m = re.search(r"<title>(.*?)</title>", page, flags=re.S | re.I)
    return htmllib.unescape(m.group(1)).strip() if m else ""


def lang_of(pdf: Path, page: str = "") -> str:
    """The language of <id>.<lang>.pdf; otherwise the HTML's lang attribute; otherwise en."""
    parts = pdf.name.split(".")
    if len(parts) >= 3 and parts[-2] in PAGE_RE:
        return parts[-2]
    m = re.search(r"<html[^>]*\blang=['\"]([a-z]+)", page, flags=re.I)
    return m.group(1) if m and m.group(1) in PAGE_RE else "en"


def type3_fonts(pdf: Path) -> list[str]:
    """The names of the Type 3 fonts pdffonts lists (glyphs drawn as pictures: no real text)."""
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    return [line.split()[0] for line in out.splitlines()[2:] if "Type 3" in line]


def _pgm(path: Path) -> tuple[int, int, bytes]:
    """Width, height and pixels of a binary PGM (P5) as pdftoppm -gray writes it."""
    raw = path.read_bytes()
    tokens, pos = [], 0
    while len(tokens) < 4:  # magic, width, height, maxval; a '#' comment runs to the line's end
        while raw[pos:pos + 1].isspace():
            pos += 1
        if raw[pos:pos + 1] == b"#":
            pos = raw.index(b"\n", pos) + 1
            continue
        end = pos
        while not raw[end:end + 1].isspace():
            end += 1
        tokens.append(raw[pos:end])
        pos = end
    assert tokens[0] == b"P5" and tokens[3] == b"255", tokens
    width, height = int(tokens[1]), int(tokens[2])
    return width, height, raw[pos + 1:pos + 1 + width * height]


def ink_bottoms(pdf: Path, margins_mm=PRINT_MARGINS_MM) -> list[tuple[float, float]]:
    """For each page: (the y, in points from the page top, of the last inked row inside the margins, or -1
    when none; the page height in points)."""
    top, right, bottom, left = (m * MM for m in margins_mm)
    with tempfile.TemporaryDirectory(prefix="pdfpages-") as work:
        subprocess.run(["pdftoppm", "-r", str(RENDER_DPI), "-gray", str(pdf), f"{work}/p"], check=True)
        files = sorted(Path(work).glob("p-*.pgm"), key=lambda p: int(p.stem.split("-")[-1]))
        result = []
        for f in files:
            width, height, px = _pgm(f)
            scale = RENDER_DPI / 72  # pixels per point
            page_h = height / scale
            x0, x1 = int(left * scale), width - int(right * scale)
            y0, y1 = int(top * scale) + 1, height - int(bottom * scale) - 1  # the row on the line is margin
            last = -1.0
            for y in range(y1 - 1, y0 - 1, -1):
                row = px[y * width + x0:y * width + x1]
                if sum(1 for v in row if v < INK_BELOW) >= MIN_INK_PIXELS:
                    last = (y + 1) / scale
                    break
            result.append((last, page_h))
        return result


@dataclass
class Line:
    text: str  # squeezed
    x: float
    y0: float
    y1: float


def text_lines(pdf: Path) -> list[list[Line]]:
    """The text lines of every page (pdftotext -bbox-layout), in reading order by position."""
    out = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True,
                         check=True).stdout
    out = re.sub(r"<!DOCTYPE[^>]*>", "", out)
    root = ET.fromstring(out)
    pages = []
    for page in root.iter("{http://www.w3.org/1999/xhtml}page"):
        lines = []
        for line in page.iter("{http://www.w3.org/1999/xhtml}line"):
            words = "".join(w.text or "" for w in line.iter("{http://www.w3.org/1999/xhtml}word"))
            lines.append(Line(squeeze(words), float(line.get("xMin")), float(line.get("yMin")),
                              float(line.get("yMax"))))
        pages.append(sorted(lines, key=lambda ln: (round(ln.y0), ln.x)))
    return pages


def heading_at_foot(lines: list[Line], headings: list[str], ink_end: float, top: float, bottom: float) -> str:
    """The heading that ends the page's content (no text line below it, the ink ending with it), or ''."""
    body = [ln for ln in lines if ln.y0 >= top - 1 and ln.y1 <= bottom + 1 and ln.text]
    if not body:
        return ""
    for heading in headings:
        squeezed = squeeze(heading)
        for i in range(len(body)):  # a heading may wrap: join lines i..j until the text is as long
            joined, j = "", i
            while j < len(body) and len(joined) < len(squeezed):
                joined += body[j].text
                j += 1
            if joined != squeezed:
                continue
            foot = max(ln.y1 for ln in body[i:j])
            if not any(ln.y0 > foot - 1 for ln in body[j:] + body[:i]) and ink_end <= foot + HEADING_FOOT_SLACK_MM * MM:
                return heading
    return ""


def analyse(pdf: Path | str, html: Path | str | None = None, margins_mm=PRINT_MARGINS_MM) -> Report:
    """Every page of `pdf` measured and checked; `html` (default: the .html beside it) gives the headings
    and the running title."""
    pdf = Path(pdf)
    html = Path(html) if html else pdf.with_suffix(".html")
    page_html = html.read_text(encoding="utf-8") if html.exists() else ""
    headings, title, lang = html_headings(page_html), squeeze(html_title(page_html)), lang_of(pdf, page_html)
    sections = html_sections_with_charts(page_html)
    top_mm, _, bottom_mm, _ = margins_mm
    bottoms, lines = ink_bottoms(pdf, margins_mm), text_lines(pdf)
    faults: list[str] = [f"Type 3 font {name}" for name in type3_fonts(pdf)]
    pages: list[Page] = []
    total = len(bottoms)
    for n, ((ink_end, page_h), page_lines) in enumerate(zip(bottoms, lines, strict=True), start=1):
        top, bottom = top_mm * MM, page_h - bottom_mm * MM
        fill = max(0.0, (ink_end - top) / (bottom - top)) if ink_end >= 0 else 0.0
        page = Page(n, fill,
                    header="".join(ln.text for ln in page_lines if ln.y1 <= top + 1),
                    footer="".join(ln.text for ln in page_lines if ln.y0 >= bottom - 1))
        if fill < BLANK_BELOW:
            page.faults.append("blank")
        elif fill < UNDERFILLED_BELOW and n < total:
            page.faults.append(f"under-filled ({round(fill * 100)}%)")
        if n < total and (h := heading_at_foot(page_lines, headings, ink_end, top, bottom)):
            page.faults.append(f"heading at the foot: {h[:50]!r}")
        if n < total and (sec := section_at_foot(page_lines, sections, top, bottom)):
            page.faults.append(f"a section's sentences at the foot, its chart overleaf: {sec[:40]!r}")
        if title and title not in page.header:
            page.faults.append("no running title")
        if not re.search(PAGE_RE[lang].format(n=n, m=total), page.footer):
            page.faults.append("no page number")
        pages.append(page)
    on: dict[str, list[int]] = {}  # a fault on several pages is named once, with its pages
    for p in pages:
        for f in p.faults:
            on.setdefault(f, []).append(p.number)
    faults += [f"{_pages(numbers)} {f}" for f, numbers in on.items()]
    return Report(pdf, pages, faults)


def _pages(numbers: list[int]) -> str:
    """[1, 2, 3, 5] -> 'p1-3,5'."""
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return "p" + ",".join(f"{r[0]}-{r[-1]}" if len(r) > 1 else f"{r[0]}" for r in runs)


def main(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__.strip())
        return 0 if argv else 2
    bad = 0
    for name in argv:
        report = analyse(name)
        print(report.line())
        bad += bool(report.faults)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
