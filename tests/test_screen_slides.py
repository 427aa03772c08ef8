"""Every slide deck of `make present` (each briefing, both languages), every slide shown in turn and
looked at as the audience sees it on a 1920x1080 projector; a sample of decks also on a 1280x720 screen
(the same page made smaller, as a presenter's window is: SMALL_SAMPLE, every kind of briefing in both
languages), and one deck opened at 1280x720 from the start. A slide is laid out at 1280x720 px whatever
the screen (reveal.js scales it), so the smaller screen mostly re-checks that scaling; the sample keeps
the file's time down (31 tests in about 3.5 min, 5-14 s a deck).

Per slide: nothing runs past the slide (its height or its width), no chart text smaller than 18 px on
the 1920x1080 screen and no page text smaller than 24 px there, the key-figure tiles keep their style
(border and background), no empty slide; the deck opens on the title (the briefing's name, its data
version, the nav bar) and then the summary. And what screen.look finds on any page: nothing cut off or
drawn over, no error text, no identifier, every character drawn by an installed font; no console error,
no request leaving the machine. One line per deck is printed: slides, overflows, smallest chart and
page text. Also: a cell that shows nothing is no slide, and a bad address gives one slide that names
the valid choices."""

from __future__ import annotations

import re
import time

import pytest

import screen
from test_screen_voila import SKIP, open_page, pages, voila  # noqa: F401 (voila: the server fixture)

pytestmark = pytest.mark.browser

PROJECTOR, SMALL = (1920, 1080), (1280, 720)
SMALL_SAMPLE = r"^(overview|technology_innovation|suzhou_sip|hangzhou)\."  # decks also walked at 1280x720
CHART_PX, TEXT_PX = 18, 24  # at 1920x1080

# The slide on the screen, measured in screen pixels (reveal.js scales a 1280x720 slide to the window).
MEASURE = r"""
() => {
  const deck = document.querySelector('.reveal .slides');
  const sec = deck.querySelector(':scope > section.present > section.present')
           || deck.querySelector(':scope > section.present');
  const box = deck.getBoundingClientRect();
  const scale = box.width / deck.offsetWidth;
  const shown = el => {
    for (let e = el; e && e !== document.documentElement; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.display === 'none' || s.visibility === 'hidden' || s.opacity === '0') return false;
    }
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  const where = el => el.tagName.toLowerCase() + ' "' + (el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 50) + '"';
  // overflow: how far the slide's content runs past the slide, in screen pixels (its laid-out size
  // against the slide's, and every box drawn outside the slide's box)
  let over = Math.max(0, (sec.offsetHeight - deck.offsetHeight) * scale, (sec.scrollWidth - deck.offsetWidth) * scale);
  let worst = over > 1
    ? `content ${sec.offsetHeight}x${sec.scrollWidth} px on a ${deck.offsetHeight}x${deck.offsetWidth} px slide` : '';
  const els = [...sec.querySelectorAll('*')].filter(e => !e.closest('svg') || e.tagName === 'svg');
  const visible = els.filter(shown);
  for (const el of visible) {
    const r = el.getBoundingClientRect();
    const out = Math.max(box.top - r.top, r.bottom - box.bottom, box.left - r.left, r.right - box.right);
    if (out > over) { over = out; worst = where(el); }
  }
  // chart text: Vega's font size times the chart's scale on the screen
  const chartPx = [];
  for (const svg of sec.querySelectorAll('.vega-embed svg.marks')) {
    if (!shown(svg)) continue;
    const k = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    for (const t of svg.querySelectorAll('text')) {
      if (!t.textContent.trim()) continue;
      let faded = false;
      for (let e = t; e && e !== svg; e = e.parentElement)
        if (e.getAttribute('opacity') === '0' || e.getAttribute('fill-opacity') === '0') faded = true;
      if (!faded) chartPx.push({px: parseFloat(getComputedStyle(t).fontSize) * k, text: t.textContent.trim().slice(0, 40)});
    }
  }
  // page text: every shown text node's font size on the screen
  const textPx = [];
  const walker = document.createTreeWalker(sec, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!n.textContent.trim() || !el || el.closest('svg, style, script') || !shown(el)) continue;
    textPx.push({px: parseFloat(getComputedStyle(el).fontSize) * scale, text: n.textContent.trim().slice(0, 40)});
  }
  const tiles = [...sec.querySelectorAll('.biomfg-tile')].filter(shown);
  const bare = tiles.filter(t => {
    const s = getComputedStyle(t);
    return parseFloat(s.borderTopWidth) < 2 || ['rgba(0, 0, 0, 0)', 'transparent'].includes(s.backgroundColor);
  }).map(where);
  const min = xs => xs.reduce((a, b) => (b.px < a.px ? b : a), {px: Infinity, text: ''});
  return {over: Math.round(over * 10) / 10, worst, chart: min(chartPx), text: min(textPx), charts: chartPx.length,
          tiles: tiles.length, bare, empty: !textPx.length && !chartPx.length,
          title: [...sec.querySelectorAll('.biomfg-brief h1')].some(shown),
          summary: [...sec.querySelectorAll('.biomfg-summary')].some(shown)};
}
"""

FITTED = "document.documentElement.dataset.biomfgFitted === 'true'"


def slides_count(page) -> int:
    return page.evaluate("document.querySelectorAll('.reveal .slides > section').length")


def go_to(page, i: int) -> None:
    """Slide i, as a presenter moves on (the arrow key; Home for the first)."""
    page.keyboard.press("Home" if i == 0 else "ArrowRight")
    page.wait_for_function(f"document.querySelectorAll('.reveal .slides > section')[{i}].classList.contains('present')")
    page.wait_for_function(FITTED)
    page.wait_for_timeout(80)


def walk(page, name: str, lang: str, size: tuple[int, int], look: bool) -> tuple[list[dict], list[str]]:
    """Every slide at `size`: its measures, and the faults found (with `look`, screen.look's too)."""
    if page.viewport_size != {"width": size[0], "height": size[1]}:
        page.set_viewport_size({"width": size[0], "height": size[1]})
        page.wait_for_timeout(200)
    tag = "" if size == PROJECTOR else f".{size[0]}x{size[1]}"
    measures, found = [], []
    for i in range(slides_count(page)):
        go_to(page, i)
        m = page.evaluate(MEASURE)
        measures.append(m)
        at = f"slide {i + 1} at {size[0]}x{size[1]}"
        if m["over"] > 1:
            found.append(f"{at}: runs {m['over']} px past the slide ({m['worst']})")
        if m["empty"]:
            found.append(f"{at}: empty")
        found += [f"{at}: key-figure tile without its style: {b}" for b in m["bare"]]
        if m["tiles"] > 3:
            found.append(f"{at}: {m['tiles']} key figures (a slide holds three)")
        if size == PROJECTOR and m["chart"]["px"] < CHART_PX:
            found.append(f"{at}: chart text {m['chart']['px']:.1f} px (under {CHART_PX}): {m['chart']['text']!r}")
        if size == PROJECTOR and m["text"]["px"] < TEXT_PX:
            found.append(f"{at}: text {m['text']['px']:.1f} px (under {TEXT_PX}): {m['text']['text']!r}")
        if look:
            found += [f"{at}: {f}" for f in screen.faults(screen.look(page, ".reveal .slides > section.present", SKIP), lang)]
        screen.shoot(page, f"voila.{name}{tag}.{i + 1:02d}", whole=False)
    if measures and not measures[0]["title"]:
        found.append(f"at {size[0]}x{size[1]}: the first slide is not the title")
    if len(measures) < 2 or not measures[1]["summary"]:
        found.append(f"at {size[0]}x{size[1]}: the second slide is not the summary")
    return measures, found


def line(name: str, size: tuple[int, int], measures: list[dict]) -> str:
    over = sum(m["over"] > 1 for m in measures)
    chart = min((m["chart"]["px"] for m in measures), default=float("inf"))
    text = min((m["text"]["px"] for m in measures), default=float("inf"))
    charts = f"smallest chart text {chart:.1f} px" if chart < float("inf") else "no chart"
    return f"{name} {size[0]}x{size[1]}: {len(measures)} slides, {over} overflowing, {charts}, smallest text {text:.1f} px"


@pytest.mark.parametrize("name, lang, url", [pytest.param(*p, id=p[0]) for p in screen.chosen(pages(slides=True))])
def test_every_slide_fits_and_reads(offline_page, voila, name, lang, url, capsys):  # noqa: F811
    start = time.monotonic()
    op = offline_page(allow_loopback=True, width=PROJECTOR[0], height=PROJECTOR[1])
    page = open_page(op, voila + url, slides=True)
    page.wait_for_function(FITTED, timeout=30000)
    big, found = walk(page, name, lang, PROJECTOR, look=True)
    small = []
    if re.search(SMALL_SAMPLE, name):
        small, more = walk(page, name, lang, SMALL, look=False)
        found += more
    found += [f"console: {e}" for e in op.errors]
    found += [f"request left the machine: {u}" for u in op.blocked]
    with capsys.disabled():
        also = f"; at {SMALL[0]}x{SMALL[1]}: {sum(m['over'] > 1 for m in small)} overflowing" if small else ""
        print(f"\n{line(name, PROJECTOR, big)}{also} ({time.monotonic() - start:.0f} s)")
    assert not found, screen.report("slide decks", {name: found})


# One deck opened at 1280x720 from the start (not resized from 1920x1080): the overview in Chinese, the
# deck with the longest sentences beside its charts; then switched to English in the page (the nav bar's
# switch shows the other language's parts, which are fitted then).
@pytest.mark.parametrize("name, lang, url", [pytest.param(*p, id=p[0]) for p in pages(slides=True)
                                             if p[0] == "overview.zh.slides"])
def test_a_deck_opened_on_a_small_screen_fits(offline_page, voila, name, lang, url, capsys):  # noqa: F811
    op = offline_page(allow_loopback=True, width=SMALL[0], height=SMALL[1])
    page = open_page(op, voila + url, slides=True)
    page.wait_for_function(FITTED, timeout=30000)
    measures, found = walk(page, f"{name}.opened", lang, SMALL, look=True)
    go_to(page, 0)
    page.locator(".biomfg-nav a.biomfg-lang-switch").filter(visible=True).click()
    page.wait_for_function("document.documentElement.lang === 'en'")
    page.wait_for_function(FITTED)
    switched, more = walk(page, f"{name}.switched", "en", SMALL, look=True)
    found += [f"after the switch to English: {f}" for f in more]
    found += [f"console: {e}" for e in op.errors]
    with capsys.disabled():
        print(f"\n{line(name + ' (opened small)', SMALL, measures)}\n{line(name + ' (switched to en)', SMALL, switched)}")
    assert not found, screen.report("slide decks", {name: found})


def test_a_cell_that_shows_nothing_is_no_slide():
    """Voilà runs a notebook after its preprocessors: the slide marks are derived again once the cells
    have run (the template calls drop_empty_slides), so a cell with no output leaves no empty slide."""
    import nbformat
    from nbconvert.exporters.slides import _RevealMetadataPreprocessor

    from biomfg.tools import present

    def cell(source, shows, **meta):
        c = nbformat.v4.new_code_cell(source, metadata=meta)
        c.outputs = [nbformat.v4.new_output("stream", text=source)] if shows else []
        return c

    nb = nbformat.v4.new_notebook(cells=[cell("params", False, tags=["parameters"]), cell("title", True),
                                         cell("tiles 2", False), cell("chart", True),
                                         cell("own", False, slideshow={"slide_type": "slide"})])
    nb, resources = present.SlideMarks().preprocess(nb, {})
    nb, _ = _RevealMetadataPreprocessor().preprocess(nb, resources)  # before the cells run, as Voilà does
    assert [c.metadata.get("slide_start", False) for c in nb.cells] == [False, True, True, True, True]
    assert resources["biomfg_drop_empty_slides"](nb) == ""
    starts = [c.metadata.get("slide_start", False) for c in nb.cells]
    assert starts == [False, True, False, True, True]  # "tiles 2" skipped; a cell's own slideshow metadata stands
    assert [c.metadata.slide_type for c in nb.cells] == ["skip", "slide", "skip", "slide", "slide"]
    ends = [c.metadata.get("slide_end", False) for c in nb.cells]
    assert ends == [False, False, True, True, True]  # each <section> opened is closed once


def test_a_bad_url_parameter_gives_one_slide_with_the_valid_choices(offline_page, voila):  # noqa: F811
    """The deck runs cell by cell: the cell that fails shows its error (the valid choices) on the only
    slide, with the nav bar; the deck finishes loading (Voilà's reveal template never did)."""
    op = offline_page(allow_loopback=True, width=PROJECTOR[0], height=PROJECTOR[1])
    op.page.goto(voila + "briefings/region.ipynb?lang=en&region=atlantis&template=biomfg_slides", timeout=120000)
    op.page.wait_for_function("document.querySelector('.reveal.ready') && "
                              "!document.querySelector('script[type=\"application/vnd.voila.cell-output+json\"]')",
                              timeout=120000)
    op.page.wait_for_function(FITTED)
    m = op.page.evaluate(MEASURE)
    text = op.page.inner_text(".reveal .slides")
    assert slides_count(op.page) == 1
    assert "region='atlantis' is not known; valid choices: " in text and "address bar" in text, text[-800:]
    assert op.page.locator(".biomfg-nav a").filter(visible=True).count() == 2
    assert m["over"] <= 1, m["worst"]
    assert not op.errors, op.errors
