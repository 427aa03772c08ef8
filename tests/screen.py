"""Look at a page as a person does: what is on the screen, not what the DOM counts.

`look(page, scope)` reads, in the browser, the visible text of the page (or of the elements matching
`scope`), the text of every chart, every box of text that runs past the box that clips it or past the
viewport, every chart wider than the space it is given, every pair of chart labels drawn over each
other, labels Vega cut short, and every slide taller than the slide. `faults(seen, lang)` turns that
into a list of one-line findings, adding the checks done in Python: error text, identifiers from
data/ and characters no installed font can draw. An empty list is a clean page.

`shoot(page, name)` saves a PNG of the page when SCREENSHOTS (a folder) is set: `make screenshots`.
"""

from __future__ import annotations

import csv
import functools
import json
import os
import re
import subprocess
from pathlib import Path

from conftest import DATA, ROOT

# Text a reader must never see. Each is what a failing renderer or kernel prints.
ERROR_TEXT = re.compile(
    r"Javascript Error|Traceback \(most recent call last\)|There was an error when executing cell"
    r"|Error loading script|Error rendering output|An exception occurred at the server"
    r"|\b(?:Type|Value|Key|Name|Attribute|Index|Import|ModuleNotFound|Runtime|Data|Choice)Error\b"
    r"|\[object Object\]|\bNaN\b|<NA>|\bnan\b"
    r"|Loading widget\.\.\.|widget state could not be found|Error displaying widget")

# Markup a reader should never see as text: a view returned as a string shows its source.
RAW_HTML = re.compile(r"<(?:style|div|table|span|script|details)\b[^>]*>|</(?:div|table|span|style|p|b)>")

LOOK = r"""
([scope, skip]) => {
  const roots = scope ? [...document.querySelectorAll(scope)] : [document.body];
  const skipped = el => skip && el.closest(skip);
  const shown = el => {
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.display === 'none' || s.visibility === 'hidden' || s.opacity === '0') return false;
    }
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  const where = el => {
    const id = el.closest('[data-biomfg-where]');
    const text = (el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 60);
    return (id ? id.getAttribute('data-biomfg-where') + ': ' : '') + el.tagName.toLowerCase() + ' "' + text + '"';
  };
  // the nearest ancestor that clips (overflow not visible), or null
  const clipper = (el, self = false) => {
    for (let e = self ? el : el.parentElement; e && e !== document.documentElement; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.overflowX !== 'visible' || s.overflowY !== 'visible') return e;
    }
    return null;
  };
  const texts = [], overflow = [], scrolled = [], cut = [], overlaps = [], wide = [], slides = [], squeezed = [];
  const vw = document.documentElement.clientWidth;
  for (const root of roots) {
    if (skipped(root) || !shown(root)) continue;
    // the visible text: every shown text node outside `skip`, and the option a select shows
    for (const sel of root.querySelectorAll('select'))
      if (!skipped(sel) && shown(sel) && sel.selectedOptions[0]) texts.push(sel.selectedOptions[0].text);
    // every text node: its drawn boxes must lie inside the box that clips it and inside the viewport
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || !n.textContent.trim() || skipped(el) || !shown(el)
          || el.closest('svg, select, option, textarea, .CodeMirror, .cm-editor')) continue;
      // a worked solution's code listing is Python the student writes: ids belong there
      if (!el.closest('.biomfg-solution pre')) texts.push(n.textContent);
      const range = document.createRange(); range.selectNodeContents(n);
      const c = clipper(el, true), cr = c && c.getBoundingClientRect();
      // squeezed: a label of three or more characters wrapped into lines of one or two characters
      const lines = new Set([...range.getClientRects()].filter(r => r.width >= 1).map(r => Math.round(r.top)));
      const chars = [...n.textContent.trim()].length;
      if (chars >= 3 && lines.size >= 3 && lines.size * 2 >= chars) squeezed.push(where(el));
      for (const r of range.getClientRects()) {
        if (r.width < 1) continue;
        if (r.right > vw + 1 || r.left < -1) { overflow.push('past the viewport: ' + where(el)); break; }
        if (cr && (r.right > cr.right + 1 || r.left < cr.left - 1)) { overflow.push('past its box: ' + where(el)); break; }
      }
      const s = getComputedStyle(el);
      if (s.textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth + 1) cut.push('cut by an ellipsis: ' + where(el));
    }
    // boxes that scroll sideways: something inside is wider than the space it is given
    for (const el of root.querySelectorAll('*')) {
      if (skipped(el) || el.closest('.CodeMirror, .cm-editor, .jp-InputArea, select') || !shown(el)) continue;
      const s = getComputedStyle(el);
      if ((s.overflowX === 'auto' || s.overflowX === 'scroll' || s.overflowX === 'hidden')
          && el.scrollWidth > el.clientWidth + 2)
        scrolled.push(`${el.scrollWidth} px of content in ${el.clientWidth} px: ` + where(el));
    }
    // charts: the svg must fit the space it is given; no two labels may overlap; no label cut short
    for (const embed of root.querySelectorAll('.vega-embed')) {
      const svg = embed.querySelector('svg');
      if (!svg || !shown(embed)) continue;
      const title = (svg.getAttribute('aria-label') || '').slice(0, 60) ||
                    ((svg.querySelector('.role-title-text') || {}).textContent || 'chart');
      const space = (clipper(embed) || embed.parentElement).getBoundingClientRect();
      const box = svg.getBoundingClientRect();
      if (box.width > Math.min(space.width, vw) + 1 || box.right > vw + 1)
        wide.push(`${Math.round(box.width)} px wide in ${Math.round(Math.min(space.width, vw))} px: ${title}`);
      const labels = [...svg.querySelectorAll('text')].filter(t => {
        if (!t.textContent.trim()) return false;
        for (let e = t; e && e !== svg; e = e.parentElement) {
          const o = e.getAttribute('opacity'), fo = e.getAttribute('fill-opacity');
          if (o === '0' || fo === '0' || getComputedStyle(e).opacity === '0') return false;
        }
        return true;
      });
      texts.push(labels.map(t => t.textContent).join('\n'));
      for (const t of labels) if (/…$/.test(t.textContent.trim())) cut.push(`label cut short in ${title}: "${t.textContent}"`);
      // Each label as drawn: its start, its direction and its length and height on screen. Rotated
      // labels (slanted column names) are compared along and across their own direction: their
      // upright bounding boxes overlap even when the letters do not.
      const geo = labels.map(t => {
        const b = t.getBBox(), m = t.getScreenCTM();
        const scale = Math.hypot(m.a, m.b), u = [m.a / scale, m.b / scale], n = [-u[1], u[0]];
        const p = new DOMPoint(b.x, b.y + b.height / 2).matrixTransform(m);
        return {u, n, x: p.x, y: p.y, len: b.width * scale, h: b.height * scale, rect: t.getBoundingClientRect()};
      });
      const dot = (a, v) => a[0] * v[0] + a[1] * v[1];
      for (let i = 0; i < geo.length; i++) for (let j = i + 1; j < geo.length; j++) {
        const a = geo[i], b = geo[j];
        let hit;
        if (Math.abs(dot(a.u, b.u)) > 0.99) {
          const across = Math.abs((b.x - a.x) * a.n[0] + (b.y - a.y) * a.n[1]);
          const a0 = a.x * a.u[0] + a.y * a.u[1], b0 = b.x * a.u[0] + b.y * a.u[1];
          const bEnd = b0 + b.len * Math.sign(dot(a.u, b.u));
          const along = Math.min(a0 + a.len, Math.max(b0, bEnd)) - Math.max(a0, Math.min(b0, bEnd));
          // a text box includes the font's ascent and descent: neighbouring lines touch by a few
          // pixels without a stroke crossing, so count an overlap only past a third of the line height
          // on one line, labels closer than 3 px read as one word ("19982000")
          hit = (along > 2 && across < 0.65 * Math.min(a.h, b.h)) || (along > -3 && across < 0.2 * Math.min(a.h, b.h));
        } else {
          const w = Math.min(a.rect.right, b.rect.right) - Math.max(a.rect.left, b.rect.left);
          const h = Math.min(a.rect.bottom, b.rect.bottom) - Math.max(a.rect.top, b.rect.top);
          hit = w > 2 && h > 0.35 * Math.min(a.rect.height, b.rect.height);
        }
        if (hit) {
          overlaps.push(`in ${title}: "${labels[i].textContent}" over "${labels[j].textContent}"`);
          if (overlaps.length > 40) break;
        }
      }
    }
  }
  // table cells of words (no figure in them) set right-aligned: wrapped Chinese leaves one-character lines
  const aligned = [];
  for (const root of roots) for (const cell of root.querySelectorAll('td, th')) {
    const t = cell.innerText.trim();
    if (!t || skipped(cell) || !shown(cell) || /\d/.test(t) || !/[A-Za-z\u4e00-\u9fff]/.test(t)) continue;
    if (['right', 'end'].includes(getComputedStyle(cell).textAlign)) aligned.push(where(cell));
  }
  // reveal.js: every slide's content must fit the slide
  const deck = document.querySelector('.reveal .slides');
  if (deck) {
    const h = deck.clientHeight;
    document.querySelectorAll('.reveal .slides > section.present').forEach(s => {
      if (s.scrollHeight > h + 2) slides.push(`content ${s.scrollHeight} px tall on a ${h} px slide`);
    });
  }
  const errorBoxes = '[data-mime-type="application/vnd.jupyter.stderr"], .jp-RenderedText[data-mime-type*="error"], .error';
  const visibleErrors = [...document.querySelectorAll(errorBoxes)]
    .filter(e => !skipped(e) && shown(e) && e.textContent.trim()).map(e => where(e));
  return {texts, overflow, scrolled, cut, overlaps, wide, slides, visibleErrors, aligned, squeezed};
}
"""


def look(page, scope: str | None = None, skip: str | None = None) -> dict:
    """What the page shows (see LOOK); `scope`: only these elements; `skip`: not inside these."""
    return page.evaluate(LOOK, [scope, skip])


@functools.lru_cache(maxsize=1)
def identifiers() -> dict[str, frozenset[str]]:
    """Identifiers from data/ that must never reach a reader, by kind.

    "ids": every primary-key value of a single-key table (fact ids, entity ids, indicator ids, ...), but
    not the seed file names (a source's file name is the citation a reader can look up) and not the ids
    that are ordinary English words (biofoundry, incubator ...: they appear in prose as words).
    "codes": category codes (kind, qualifier, unit, stage ...), only looked for in Chinese text, where an
    English code word is always a leak.
    """
    pkg = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    words = words_in_names()
    ids, codes = set(), set()
    for res in pkg["resources"]:
        rows = list(csv.DictReader((DATA / res["path"]).open(encoding="utf-8")))
        pk = res["schema"].get("primaryKey") or []
        pk = [pk] if isinstance(pk, str) else pk
        if len(pk) == 1 and res["name"] != "sources":
            for row in rows:
                value = row[pk[0]]
                if re.fullmatch(r"[a-z]+", value) and value in words:
                    continue
                ids.add(value)
        for field in res["schema"]["fields"]:
            for value in (field.get("constraints") or {}).get("enum", []):
                if isinstance(value, str) and re.fullmatch(r"[a-z][a-z_]+", value):
                    codes.add(value)
    return {"ids": frozenset(ids), "codes": frozenset(codes)}


@functools.lru_cache(maxsize=1)
def words_in_names() -> frozenset[str]:
    """Lower-case words that English names and labels in data/ use (an id equal to one is a word)."""
    words = set()
    for path in DATA.glob("*.csv"):
        for row in csv.DictReader(path.open(encoding="utf-8")):
            for key, value in row.items():
                if key and key.endswith("_en") and value:
                    words.update(re.findall(r"\b[a-z]+\b", value))
    return frozenset(words)


def leaked_ids(text: str, lang: str) -> list[str]:
    found = identifiers()
    if lang == "zh":  # English words inside a verbatim quote “…” are the source's own
        text = re.sub(r"“[^”]*”", "", text)
    # a word standing alone (not part of a name like module.function or a file name)
    tokens = set(re.findall(r"(?<![\w.-])[a-z0-9][a-z0-9_-]*[a-z0-9](?![\w-]|\.\w)", text))
    hits = sorted(tokens & found["ids"])
    codes = found["codes"] if lang == "zh" else {c for c in found["codes"] if "_" in c}
    return hits + sorted(tokens & codes - set(hits))


# In Chinese text, four or more lower-case English words in a row are untranslated prose (a curator's
# note, a label never translated); names are capitalised and short.
ENGLISH_PROSE = re.compile(r"\b[a-z]{2,}(?:[ ,;:'()/-]+[a-z]{2,}){3,}\b")


@functools.lru_cache(maxsize=1)
def drawable() -> list[tuple[int, int]]:
    """Code point ranges some installed font covers (fontconfig), merged."""
    out = subprocess.run(["fc-list", "--format", "%{charset}\n"], capture_output=True, text=True,
                         check=True).stdout
    ranges = []
    for line in out.split("\n"):
        for part in line.split():
            lo, _, hi = part.partition("-")
            ranges.append((int(lo, 16), int(hi or lo, 16)))
    ranges.sort()
    merged: list[list[int]] = []
    for lo, hi in ranges:
        if merged and lo <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], hi)
        else:
            merged.append([lo, hi])
    return [tuple(r) for r in merged]


def undrawable(text: str) -> list[str]:
    """Characters of `text` that no installed font has: they show as boxes (tofu)."""
    import bisect

    ranges = drawable()
    starts = [lo for lo, _ in ranges]
    missing = set()
    for ch in set(text):
        cp = ord(ch)
        if cp < 0x20 or ch in "\u200b\u200c\u200d\ufeff\u00ad" or 0xFE00 <= cp <= 0xFE0F:
            continue  # controls, zero-width characters and variation selectors are not drawn
        i = bisect.bisect_right(starts, cp) - 1
        if i < 0 or cp > ranges[i][1]:
            missing.add(f"{ch} U+{cp:04X}")
    return sorted(missing)


def faults(seen: dict, lang: str) -> list[str]:
    """Every problem a person would see on the page `seen` (from `look`), one line each."""
    text = "\n".join(seen["texts"])
    found = []
    for m in sorted(set(ERROR_TEXT.findall(text))):
        line = next(ln for ln in text.split("\n") if m in ln)
        found.append(f"error text {m!r}: {line.strip()[:120]}")
    found += [f"error output shown: {w}" for w in seen["visibleErrors"]]
    for i in leaked_ids(text, lang):
        line = next((ln for ln in text.split("\n") if re.search(rf"(?<![\w.-]){re.escape(i)}(?![\w-])", ln)), "")
        found.append(f"identifier shown to readers: {i} (in {line.strip()[:100]!r})")
    if lang == "zh":  # a verbatim quote “…” may be English (the journal's abstract): not a leak
        words = re.sub(r"“[^”]*”", "", text)
        found += [f"English shown to a Chinese reader: {m!r}" for m in dict.fromkeys(ENGLISH_PROSE.findall(words))]
    if "`" in text:
        line = next(ln for ln in text.split("\n") if "`" in ln)
        found.append(f"markdown backticks shown as text: {line.strip()[:120]}")
    for m in sorted(set(RAW_HTML.findall(text))):
        line = next(ln for ln in text.split("\n") if m in ln)
        found.append(f"raw HTML shown as text: {line.strip()[:120]}")
    found += [f"no installed font draws {c}" for c in undrawable(text)]
    found += [f"text in a table set right-aligned: {a}" for a in dict.fromkeys(seen.get("aligned", []))]
    found += [f"text squeezed to a character or two a line: {q}" for q in dict.fromkeys(seen.get("squeezed", []))]
    found += [f"text overflows: {o}" for o in dict.fromkeys(seen["overflow"])]
    found += [f"scrolls sideways: {o}" for o in dict.fromkeys(seen["scrolled"])]
    found += [f"cut: {c}" for c in dict.fromkeys(seen["cut"])]
    found += [f"chart too wide: {w}" for w in seen["wide"]]
    found += [f"labels overlap {o}" for o in dict.fromkeys(seen["overlaps"])]
    found += [f"slide overflows: {s}" for s in seen["slides"]]
    return found


def settle_widgets(page, root: str = "body", timeout: int = 30000) -> None:
    """Give live widgets time to draw after their cell ran; one that never loads is then a fault the
    look reports ("Loading widget...")."""
    try:
        page.wait_for_function(f"!document.querySelector({root!r}).innerText.includes('Loading widget...')",
                               timeout=timeout)
    except Exception:  # noqa: BLE001 - reported by the look that follows
        pass


def chosen(pages: list[tuple]) -> list[tuple]:
    """All pages, or those whose name matches SCREEN_PAGES (a regular expression; while working on one)."""
    pattern = os.environ.get("SCREEN_PAGES")
    return [p for p in pages if re.search(pattern, p[0])] if pattern else pages


def shots_dir() -> Path | None:
    """The folder `make screenshots` asked for (SCREENSHOTS), relative to the repository; or None."""
    folder = os.environ.get("SCREENSHOTS")
    if not folder:
        return None
    path = Path(folder) if Path(folder).is_absolute() else ROOT / folder
    path.mkdir(parents=True, exist_ok=True)
    return path


# The height of everything on the page, including what scrolls inside a box (Voilà and JupyterLab
# scroll an inner panel, not the document, so a full-page screenshot alone shows one screen).
CONTENT_HEIGHT = """() => Math.max(document.documentElement.scrollHeight, ...[...document.querySelectorAll('*')]
  .filter(e => ['auto', 'scroll'].includes(getComputedStyle(e).overflowY) && e.scrollHeight > e.clientHeight)
  .map(e => e.scrollHeight + e.getBoundingClientRect().top))"""


def shoot(page, name: str, whole: bool = True) -> None:
    """A PNG of the page into SCREENSHOTS (if set); `whole`: grow the window to show all of it."""
    folder = shots_dir()
    if folder is None:
        return
    size = page.viewport_size
    if whole:  # from the top (Run All leaves JupyterLab scrolled to the last cell)
        page.evaluate("document.querySelectorAll('*').forEach(e => { if (e.scrollTop) e.scrollTop = 0; })")
        height = min(int(page.evaluate(CONTENT_HEIGHT)) + 20, 20000)
        page.set_viewport_size({"width": size["width"], "height": max(height, size["height"])})
        page.wait_for_timeout(1500)  # JupyterLab lays the notebook out again for the new height
    page.screenshot(path=str(folder / f"{name}.png"), full_page=True)
    if whole:
        page.set_viewport_size(size)


def report(kind: str, checked: dict[str, list[str]]) -> str:
    """The failure message: every page with its faults (and how many pages were looked at)."""
    bad = {name: f for name, f in checked.items() if f}
    lines = [f"{len(bad)} of {len(checked)} {kind} show faults:"]
    for name, found in bad.items():
        lines.append(f"  {name}:")
        lines += [f"    - {f}" for f in found[:12]]
        if len(found) > 12:
            lines.append(f"    … and {len(found) - 12} more")
    return "\n".join(lines)
