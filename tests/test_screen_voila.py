"""Every Voilà page of `make present`, looked at as the audience sees it: the start page and every
briefing in both languages, as a page and as slides. No error text, no identifier, nothing cut off or
drawn over, every character drawn by an installed font, no console error; a bad URL parameter shows the
valid choices on the page itself. The slide decks are in test_screen_slides.py (a server of their own:
the two files run on two workers)."""

from __future__ import annotations

import pytest

from biomfg.tools import present, reports

import screen
from conftest import need_browser
from servers import make_present

pytestmark = pytest.mark.browser

# Voilà has drawn the page: the spinner is gone, every output script consumed, every chart drawn.
DRAWN = """() => !document.querySelector('#loading, .voila-spinner-color1')?.offsetParent
  && document.querySelector('#rendered_cells, .reveal .slides')
  && !document.querySelector('script[type="application/vnd.voila.cell-output+json"]')
  && [...document.querySelectorAll('.vega-embed')].every(e => e.querySelector('svg'))"""
# The code that `make present` hides is not looked at (it is not on the screen).
SKIP = ".jp-InputArea, .jp-InputPrompt, .jp-OutputPrompt"


def pages(slides: bool) -> list[tuple[str, str, str]]:
    """(name, lang, url under /voila/render/) of every page `make present` offers, or of every deck."""
    out = [] if slides else [(f"start.{lang}", lang, f"present.ipynb?lang={lang}") for lang in ("en", "zh")]
    for rep in reports.catalogue():
        for lang in ("en", "zh"):
            url = present.link(f"briefings/{rep.notebook}", lang, slides=slides, **dict(rep.params))
            out.append((f"{rep.id}.{lang}{'.slides' if slides else ''}", lang, url))
    return out


@pytest.fixture(scope="module")
def voila(tmp_path_factory):
    need_browser()
    with make_present(tmp_path_factory.mktemp("screen-voila") / "voila.log") as url:
        yield f"{url}/voila/render/"


def open_page(op, url: str, slides: bool):
    page = op.page
    page.goto(url, timeout=120000)
    page.wait_for_function(DRAWN, timeout=120000)
    if slides:
        page.wait_for_function("document.querySelector('.reveal.ready')", timeout=60000)
        # measure each slide where it rests, not part-way through reveal.js's slide-in transition
        page.add_style_tag(content=".reveal .slides section, .reveal .slides section * { transition: none !important; }")
    screen.settle_widgets(page)
    page.wait_for_timeout(300)  # layout settles after the last chart
    return page


@pytest.mark.parametrize("name, lang, url", [pytest.param(*p, id=p[0]) for p in screen.chosen(pages(slides=False))])
def test_voila_page_shows_no_fault(offline_page, voila, name, lang, url):
    op = offline_page(allow_loopback=True)
    page = open_page(op, voila + url, slides=False)
    found = screen.faults(screen.look(page, None, SKIP), lang)
    screen.shoot(page, f"voila.{name}")
    found += [f"request left the machine: {u}" for u in op.blocked]
    found += [f"console: {e}" for e in op.errors]  # test_live_briefing.py: also switched, and left
    assert not found, screen.report("Voilà pages", {name: found})


def test_a_bad_url_parameter_shows_the_valid_choices_on_the_page(offline_page, voila):
    op = offline_page(allow_loopback=True)
    page = op.page
    page.goto(voila + "briefings/region.ipynb?lang=en&region=atlantis", timeout=120000)
    page.wait_for_function("document.querySelector('#rendered_cells')?.offsetParent", timeout=120000)
    text = page.inner_text("body")
    first = reports.regional_cases()[0]
    assert "region='atlantis' is not known; valid choices: " in text and first in text, text[-1500:]
    assert "address bar" in text and "返回起始页" in text, text[-1500:]  # the fix, in both languages
    assert page.locator(".biomfg-nav a").count() == 2  # and the way back
    assert "There was an error when executing cell" not in text, text[-1500:]
    assert "Traceback" not in text, text[-1500:]
