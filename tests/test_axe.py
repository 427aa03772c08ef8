"""Accessible (issue 16): axe-core finds no serious or critical violation on any page a reader or an
audience is given: every HTML report (and the reports' index) and every Voilà page of `make present`
(the start page, each briefing in zh and en, and a slide deck of each kind in both languages, every slide).

axe-core is the npm package pinned in package.json / package-lock.json, installed into node_modules by
`make setup` (npm ci); its script is injected from that file, so nothing is fetched while the tests run.
Rules: WCAG 2.0 and 2.1, A and AA, and axe's best practices; a moderate or minor finding is not a failure.
The page's <html lang> must be its language too (axe only checks that it is a valid one)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from biomfg.tools import reports

import screen
from conftest import PY, ROOT, need_browser, run
from test_screen_voila import open_page, pages, voila  # noqa: F401 (voila: the server fixture)

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
FAILING = ("serious", "critical")
RUN = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
  return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help, url: v.helpUrl,
    nodes: v.nodes.map(n => ({target: n.target.join(' '), impact: n.impact || v.impact,
      why: (n.failureSummary || '').split('\\n').filter(l => l.startsWith(' ')).map(l => l.trim()).join('; ')}))}));
}"""


def need_axe() -> Path:
    """axe.min.js of the pinned axe-core, or skip with the reason (fail instead when REQUIRE_BROWSER=1)."""
    pinned = json.loads((ROOT / "package.json").read_text())["devDependencies"]["axe-core"]
    meta = AXE.parent / "package.json"
    installed = json.loads(meta.read_text())["version"] if meta.exists() and AXE.exists() else None
    if installed == pinned:
        return AXE
    msg = (f"axe-core {pinned} is not installed in node_modules (found {installed}): run `make setup` "
           "(npm ci; Debian: apt-get install nodejs npm)")
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(f"{msg}, and REQUIRE_BROWSER=1")
    pytest.skip(msg)


def axe(page) -> list[dict]:
    """axe-core's violations on the page as it is now: [{id, impact, help, url, nodes: [{target, impact, why}]}]."""
    if not page.evaluate("typeof window.axe === 'object'"):
        page.add_script_tag(path=str(need_axe()))
    return page.evaluate(RUN, TAGS)


def failures(violations: list[dict], where: str = "") -> list[str]:
    """One line per serious or critical element: rule id, impact, target selector, help text (and what axe
    measured, e.g. the contrast ratio and the two colours)."""
    return [f"{where}{v['id']} ({n['impact']}) at {n['target']}: {v['help']}. {n['why']} [{v['url']}]"
            for v in violations for n in v["nodes"] if n["impact"] in FAILING]


def lang_fault(page, lang: str) -> list[str]:
    found = page.evaluate("document.documentElement.lang")
    return [] if found == lang else [f"<html lang={found!r}>, but the page is in {lang!r}"]


def unique(lines: list[str]) -> list[str]:
    return list(dict.fromkeys(lines))


@pytest.fixture(scope="module", autouse=True)
def axe_installed():
    """Skip (or fail) at once when axe-core is missing, before a server starts or a report is made."""
    return need_axe()


# --- the HTML reports -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Every report as HTML (no PDF: axe reads the page), in a folder of its own."""
    need_browser()
    out = tmp_path_factory.mktemp("axe-reports")
    done = run(PY, "-m", "biomfg", "reports", "--out", out, "--no-pdf", "--jobs", str(min(2, os.cpu_count() or 1)),
               timeout=1800)
    assert done.returncode == 0, done.stderr[-3000:]
    return out


def report_names() -> list[tuple[str, str]]:
    return [(f"{r.id}.{lang}", lang) for r in reports.catalogue() for lang in ("en", "zh")] + [("index", "zh")]


@pytest.mark.parametrize("name, lang", [pytest.param(*n, id=n[0]) for n in screen.chosen(report_names())])
def test_html_report_has_no_serious_axe_violation(offline_page, built, name, lang):
    op = offline_page()
    op.page.goto((built / f"{name}.html").as_uri())
    op.page.wait_for_function("[...document.querySelectorAll('.vega-embed')].every(e => e.querySelector('svg'))",
                              timeout=30000)
    found = lang_fault(op.page, lang) + failures(axe(op.page))
    assert not found, screen.report("axe-core, HTML reports", {name: found})


# --- the Voilà pages and slide decks ----------------------------------------------------------------

def decks() -> list[tuple[str, str, str]]:
    """One slide deck of each briefing notebook (overview, platform type, region), in both languages."""
    first = {}
    for rep in reports.catalogue():
        first.setdefault(rep.notebook, rep.id)
    return [p for p in pages(slides=True) if p[0].split(".")[0] in first.values()]


@pytest.mark.parametrize("name, lang, url", [pytest.param(*p, id=p[0]) for p in screen.chosen(pages(slides=False))])
def test_voila_page_has_no_serious_axe_violation(offline_page, voila, name, lang, url):  # noqa: F811
    op = offline_page(allow_loopback=True)
    page = open_page(op, voila + url, slides=False)
    found = lang_fault(page, lang) + failures(axe(page))
    assert not found, screen.report("axe-core, Voilà pages", {name: found})


@pytest.mark.parametrize("name, lang, url", [pytest.param(*p, id=p[0]) for p in screen.chosen(decks())])
def test_every_slide_has_no_serious_axe_violation(offline_page, voila, name, lang, url):  # noqa: F811
    op = offline_page(allow_loopback=True)
    page = open_page(op, voila + url, slides=True)
    found = lang_fault(page, lang)
    count = page.evaluate("document.querySelectorAll('.reveal .slides > section').length")
    assert count > 1, f"{name}: {count} slides"
    for i in range(count):  # reveal.js shows one slide at a time: each is checked as it is shown
        if i:
            page.keyboard.press("ArrowRight")
        page.wait_for_function(f"document.querySelectorAll('.reveal .slides > section')[{i}].classList.contains('present')")
        page.wait_for_timeout(100)
        found += failures(axe(page), f"slide {i + 1}: ")
    assert not found, screen.report("axe-core, slide decks", {name: unique(found)})
