"""The live briefing (issue 16) in the browser, on a `make present` server of this module's own.

- Time to the first chart drawn on a briefing page (an svg inside .vega-embed, on screen), measured in the
  page from the start of its navigation: cold (the first request after the server starts, a fresh
  browser) and warm (the server's preheated kernels ready, the browser's cache warm, as when a presenter
  has opened the start page); both printed, the warm 95th percentile within FIRST_CHART_S.
- The zh/en switch in the nav bar: the other language on screen within SWITCH_MS (measured in the page,
  click to painted frame), no request at all (no reload, no new kernel: the page's kernel id unchanged),
  the scroll position kept (of the cell area, which is what scrolls on a Voilà page), the address
  rewritten (history.replaceState) with the other query keys kept;
  the charts of the language that was hidden drawn at their full size.
- No console error on a page and a slide deck of each briefing notebook, switched to the other language
  and back, every slide shown, then left for another page (Voilà's page-leave beacon). Every page and
  every deck is loaded by test_screen_voila.py and test_screen_slides.py, which assert the same.
"""

from __future__ import annotations

import re
import statistics
import time

import pytest

from biomfg.tools import present, reports

import screen
from conftest import need_browser
from servers import make_present

pytestmark = [pytest.mark.browser, pytest.mark.timing]

FIRST_CHART_S = 3.0
SWITCH_MS = 1000
WARM_RUNS = 5
POOL = 2  # briefings/region.ipynb's preheated kernels (lib/biomfg/jupyter/present/voila.py)

# Set before any script of the page runs: the time (performance.now(), from the navigation's start) at
# which a chart is first on screen, i.e. an svg inside .vega-embed with a size.
FIRST_CHART = """
new MutationObserver((_, obs) => {
  const drawn = [...document.querySelectorAll('.vega-embed svg.marks')].some(s => s.getBoundingClientRect().width > 0);
  if (drawn && !window.__firstChart) { window.__firstChart = performance.now(); obs.disconnect(); }
}).observe(document, {childList: true, subtree: true});
"""
# Voilà has drawn every output of the page (both languages): no output script left, every chart drawn
# (a chart's output widget exists at once; Vega draws into it a moment later).
DRAWN = """() => document.querySelector('#rendered_cells')?.offsetParent !== null
  && !document.querySelector('script[type="application/vnd.voila.cell-output+json"]')
  && [...document.querySelectorAll('.jp-RenderedVegaLite')].every(e => e.querySelector('.vega-embed svg.marks'))"""
# Click the visible switch; resolve once the other language's title and charts are on screen and a
# frame has been painted with them. Returns the milliseconds from the click.
SWITCH = """async (to) => {
  const shown = el => !!el && el.getClientRects().length > 0 && getComputedStyle(el).display !== 'none';
  const from = to === 'zh' ? 'en' : 'zh';
  const link = [...document.querySelectorAll('.biomfg-lang-' + from + ' a.biomfg-lang-switch')].find(shown);
  if (!link) return -1;
  const t0 = performance.now();
  link.click();
  // on a deck, the slide on screen (reveal.js does not lay the others out)
  const scope = document.querySelector('.reveal .slides > section.present') || document;
  const ready = () => shown(scope.querySelector('.biomfg-lang-' + to + ' h1'))
    && !shown(scope.querySelector('.biomfg-lang-' + from + ' h1'))
    && [...scope.querySelectorAll('.biomfg-lang-' + to + ' .vega-embed svg.marks')]
      .every(s => s.getBoundingClientRect().width > 0);
  while (!ready()) {
    if (performance.now() - t0 > 5000) return -1;
    await new Promise(r => setTimeout(r, 5));
  }
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  return performance.now() - t0;
}"""
# The charts of one language: [width on screen (0 while hidden), width Vega drew it for] per chart.
CHART_WIDTHS = """(lang) => [...document.querySelectorAll('.biomfg-lang-' + lang + ' .vega-embed svg.marks')]
  .map(s => [Math.round(s.getBoundingClientRect().width), Math.round(s.viewBox.baseVal.width)])"""
KERNEL_ID = "JSON.parse(document.getElementById('jupyter-config-data').textContent).kernelId"
# What scrolls on a Voilà page: its cell area (the lab template lays the page out in a fixed shell).
SCROLLER = "(document.getElementById('rendered_cells') || document.scrollingElement)"


@pytest.fixture(scope="module")
def charted():
    """The regional cases whose briefing has a headline chart (not every case has figures to chart)."""
    import altair as alt

    from biomfg.tools import brief

    return [r for r in reports.regional_cases()
            if any(isinstance(p, alt.TopLevelMixin) for p in brief.region(r, "en").headline_chart() or ())]


def region_url(region: str, lang: str) -> str:
    return "voila/render/" + present.link("briefings/region.ipynb", lang, region=region)


class Live:
    """The server, its log, and how many region pages were requested (each takes a preheated kernel)."""

    def __init__(self, url: str, log):
        self.url, self.log, self.region_requests = url, log, 0

    def text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def warm_region_kernels(self) -> int:
        """Region kernels warmed and not taken yet (present._warm prints a line per kernel)."""
        ready = sum(1 for line in self.text().splitlines() if present.READY in line and "(region briefing" in line)
        return ready - self.region_requests

    def wait_warm(self, n: int = POOL, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while self.warm_region_kernels() < n:
            assert time.monotonic() < deadline, f"no {n} warm region kernels in {timeout:.0f} s:\n{self.text()[-3000:]}"
            time.sleep(0.25)

    def first_chart(self, page, path: str) -> float:
        """Open `path` in `page`; seconds from the navigation's start to the first chart on screen."""
        if "briefings/region.ipynb" in path:
            self.region_requests += 1
        page.goto(f"{self.url}/{path}", wait_until="commit", timeout=120000)
        page.wait_for_function("window.__firstChart", timeout=120000, polling=20)
        return page.evaluate("window.__firstChart") / 1000


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    need_browser()
    log = tmp_path_factory.mktemp("live-briefing") / "voila.log"
    with make_present(log) as url:
        yield Live(url, log)


def p95(xs: list[float]) -> float:
    return statistics.quantiles(xs, n=20, method="inclusive")[-1] if len(xs) > 1 else xs[0]


# First in the module: its first request is the first the server gets, as soon as it answers (`charted`
# is worked out before the server starts).
def test_first_chart_cold_and_warm(charted, offline_page, live):
    regions = charted
    op = offline_page(allow_loopback=True)
    op.page.add_init_script(FIRST_CHART)
    cold = live.first_chart(op.page, region_url(regions[0], "zh"))
    live.wait_warm()  # the presenter's terminal shows the pages ready (make present warms them itself)
    warm = []
    for i in range(WARM_RUNS):
        warm.append(live.first_chart(op.page, region_url(regions[(i + 1) % len(regions)], ("en", "zh")[i % 2])))
        op.page.wait_for_function(DRAWN, timeout=60000)
        live.wait_warm()  # the pool refilled and warmed again, as minutes on a page leave it
    print(f"first chart on a briefing page: cold {cold:.2f} s; warm (n={len(warm)}) p50 {statistics.median(warm):.2f} s, "
          f"p95 {p95(warm):.2f} s, all {[round(w, 2) for w in warm]}")
    assert op.blocked == [], op.blocked
    assert p95(warm) <= FIRST_CHART_S, f"warm p95 {p95(warm):.2f} s > {FIRST_CHART_S} s: {warm} (cold {cold:.2f} s)"


def test_the_language_switch_is_instant_and_keeps_the_page(charted, offline_page, live):
    region = charted[0]
    rep = reports.Report(region, "region.ipynb", (("region", region),))
    op = offline_page(allow_loopback=True)
    page = op.page
    live.wait_warm(1)
    live.region_requests += 1
    page.goto(f"{live.url}/{region_url(region, 'zh')}", timeout=120000)
    page.wait_for_function(DRAWN, timeout=120000)
    assert page.evaluate("document.documentElement.lang") == "zh"
    title = {lang: reports.report_title(rep, lang) for lang in ("en", "zh")}
    visible_title = "[...document.querySelectorAll('.biomfg-brief h1')].find(h => h.offsetParent)?.innerText"
    assert page.evaluate(visible_title) == title["zh"]
    screen.shoot(page, "live.region.zh")
    # the same charts in each language; the hidden ones drawn for their full width too (not 0)
    widths = {lang: page.evaluate(CHART_WIDTHS, lang) for lang in ("en", "zh")}
    assert widths["zh"] and len(widths["zh"]) == len(widths["en"]), widths
    assert all(w == 0 and v > 50 for w, v in widths["en"]), widths["en"]
    kernel = page.evaluate(KERNEL_ID)
    page.evaluate(f"window.__samePage = true; {SCROLLER}.scrollTop = {SCROLLER}.scrollHeight / 3")
    page.wait_for_timeout(200)
    y = page.evaluate(f"{SCROLLER}.scrollTop")
    assert y > 300, y
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    times = {}
    for to in ("en", "zh", "en"):
        times.setdefault(to, []).append(page.evaluate(SWITCH, to))
        assert page.evaluate("document.documentElement.lang") == to
        assert page.evaluate(visible_title) == title[to]
        assert abs(page.evaluate(f"{SCROLLER}.scrollTop") - y) <= 3, (page.evaluate(f"{SCROLLER}.scrollTop"), y)
        assert f"lang={to}" in page.url and f"region={region}" in page.url, page.url
        if to == "en":
            screen.shoot(page, "live.region.en-switched", whole=False)
    print(f"language switch (ms, click to painted frame): {times}")
    switches = [t for ts in times.values() for t in ts]
    assert all(0 <= t < SWITCH_MS for t in switches), times
    assert page.evaluate("window.__samePage") is True  # no reload
    assert page.evaluate(KERNEL_ID) == kernel
    assert requests == [], requests  # no reload, no new kernel, nothing fetched
    # the charts that were hidden when drawn show at the width they were drawn for
    shown = page.evaluate(CHART_WIDTHS, "en")
    assert [v for _, v in shown] == [v for _, v in widths["en"]], (shown, widths["en"])
    assert all(abs(w - v) <= 2 for w, v in shown), shown
    # and each chart's menu is named in the chart's language (templates/biomfg/a11y.j2)
    menus = page.evaluate("[...document.querySelectorAll('.biomfg-lang .vega-embed summary')].map(s => "
                          "[s.closest('.biomfg-lang').lang, s.getAttribute('aria-label')])")
    assert menus and all(bool(re.search("[\u4e00-\u9fff]", label or "")) == (lang == "zh") for lang, label in menus), menus
    assert "Javascript Error" not in page.inner_text("body")
    assert op.errors == [] and op.blocked == [], (op.errors, op.blocked)


def briefings_one_of_each() -> list:
    kinds = {}
    for rep in reports.catalogue():
        kinds.setdefault(rep.notebook, rep)
    return list(kinds.values())


@pytest.mark.parametrize("rep", [pytest.param(r, id=r.notebook.removesuffix(".ipynb")) for r in briefings_one_of_each()])
def test_no_console_error_on_a_page_and_a_deck_switched_and_left(offline_page, live, rep):
    op = offline_page(allow_loopback=True)
    page = op.page
    url = f"{live.url}/voila/render/" + present.link(f"briefings/{rep.notebook}", "en", **dict(rep.params))
    live.region_requests += rep.notebook == "region.ipynb"
    page.goto(url, timeout=120000)
    page.wait_for_function(DRAWN, timeout=120000)
    for to in ("zh", "en"):
        assert page.evaluate(SWITCH, to) >= 0
    # the deck: every slide shown, in both languages
    page.goto(url + f"&template={present.SLIDES_TEMPLATE}", timeout=120000)
    page.wait_for_function("document.querySelector('.reveal.ready .slides section.present')", timeout=120000)
    page.wait_for_function(DRAWN, timeout=120000)
    slides = page.evaluate("document.querySelectorAll('.reveal .slides > section').length")
    for _ in range(slides):
        page.keyboard.press("ArrowRight")
        page.wait_for_timeout(60)
    page.keyboard.press("Home")
    page.wait_for_timeout(200)
    assert page.evaluate(SWITCH, "zh") >= 0
    page.keyboard.press("ArrowRight")
    page.wait_for_timeout(200)
    assert "lang=zh" in page.url and "#/1" in page.url, page.url  # reveal.js keeps its place in the address
    # left for the start page: Voilà's beacon shuts the deck's kernel down (it used to fail with a 403)
    page.goto(f"{live.url}/voila/render/present.ipynb?lang=zh", timeout=120000)
    page.wait_for_function(DRAWN, timeout=120000)
    assert op.errors == [], op.errors
    assert op.blocked == [], op.blocked
