"""Every slide deck of `make present` (each briefing, both languages), every slide shown in turn and
looked at as the audience sees it: nothing taller than the slide, nothing cut off or drawn over, no error
text, no identifier, every character drawn by an installed font."""

from __future__ import annotations

import pytest

import screen
from test_screen_voila import SKIP, open_page, pages, voila  # noqa: F401 (voila: the server fixture)

pytestmark = pytest.mark.browser


def each_slide(page, name: str) -> list[dict]:
    """What each slide shows, in turn (reveal.js hides the slides far from the current one); with
    SCREENSHOTS set, a PNG of each slide as it is shown."""
    found = []
    count = page.evaluate("document.querySelectorAll('.reveal .slides > section').length")
    for i in range(count):
        if i:  # as a presenter moves on: the arrow key
            page.keyboard.press("ArrowRight")
        page.wait_for_function(f"document.querySelectorAll('.reveal .slides > section')[{i}].classList.contains('present')")
        page.wait_for_timeout(100)
        found.append(screen.look(page, ".reveal .slides > section.present", SKIP))
        screen.shoot(page, f"voila.{name}.{i + 1:02d}", whole=False)
    return found


@pytest.mark.parametrize("name, lang, url", [pytest.param(*p, id=p[0]) for p in screen.chosen(pages(slides=True))])
def test_every_slide_shows_no_fault(offline_page, voila, name, lang, url):  # noqa: F811
    op = offline_page(allow_loopback=True)
    page = open_page(op, voila + url, slides=True)
    found = []
    for i, seen in enumerate(each_slide(page, name)):
        found += [f"slide {i + 1}: {f}" for f in screen.faults(seen, lang)]
    found += [f"request left the machine: {u}" for u in op.blocked]
    assert not found, screen.report("slide decks", {name: found})
