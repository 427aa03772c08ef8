"""The screen tests' own checks can fail: each is shown a page with the fault it looks for, in Chromium,
and a clean page that must pass."""

from __future__ import annotations

import pytest

import screen

CLEAN = {"texts": [], "overflow": [], "scrolled": [], "cut": [], "overlaps": [], "wide": [], "slides": [],
         "visibleErrors": [], "aligned": []}


def text_faults(text: str, lang: str = "en") -> list[str]:
    return screen.faults({**CLEAN, "texts": [text]}, lang)


@pytest.mark.parametrize("text, lang, expected", [
    ("Javascript Error: e.setData is not a function", "en", "error text"),
    ("There was an error when executing cell [2]. Please run Voilà", "en", "error text"),
    ("Traceback (most recent call last):", "en", "error text"),
    ("Loading widget...", "en", "error text"),  # a widget view with no model: it never loads
    ("Add suzhou_sip's public_tech_platform_count", "en", "identifier shown to readers: public_tech_platform_count"),
    ("source h3-001", "zh", "identifier shown to readers: h3-001"),
    ("阶段：midstream", "zh", "identifier shown to readers: midstream"),
    ("mapped to more_than", "en", "identifier shown to readers: more_than"),
    ("put your answer in `answer`", "en", "markdown backticks"),
    ("'<style>\\n.biomfg-card{font-family:", "en", "raw HTML shown as text"),
    ("🧪 Time to learn", "en", "no installed font draws 🧪 U+1F9EA"),  # a pictograph no installed font has
    ("✅ 正确", "zh", "no installed font draws ✅ U+2705"),
    ("备注 target stated by the official", "zh", "English shown to a Chinese reader"),
])
def test_text_faults_are_found(text, lang, expected):
    found = text_faults(text, lang)
    assert any(expected in f for f in found), found


@pytest.mark.parametrize("text, lang", [
    ("Suzhou Industrial Park (SIP) reached CNY 368.6 bn in 2023. Source: SIP innovation city (news)", "en"),
    ("苏州工业园区2023年地区生产总值达3686亿元。", "zh"),
    ("原文：“office, lab and event space”", "zh"),  # English inside a verbatim quote is the source's own
    ("A biofoundry and an incubator on the Hangzhou plan", "en"),  # ids that are words, names capitalised
    ("用 model.policy.mix 组合各项建议", "zh"),  # a library function named in prose is code, not an id
])
def test_clean_text_passes(text, lang):
    assert text_faults(text, lang) == []


PAGE = """<!doctype html><meta charset="utf-8"><body style="margin:0;font-family:'Noto Sans CJK SC'">
<div id="clip" style="width:200px;overflow:hidden;white-space:nowrap">{clipped}</div>
<div id="scroll" style="width:300px;overflow-x:auto"><div style="width:{inner}px">wide</div></div>
<div style="display:grid;grid-template-columns:{col} 1fr"><span>主要研究方向</span><span>合成生物学</span></div>
<table><tr><td style="text-align:{align}">苏州工业园区的公共技术平台</td><td style="text-align:right">11</td></tr></table>
<div style="width:400px;overflow-x:auto"><div class="vega-embed" style="display:inline-block">
<svg width="{svg}" height="60" aria-label="a chart">
<text x="10" y="30" font-size="14">first label</text><text x="{second}" y="32" font-size="14">second label</text>
</svg></div></div></body>"""


@pytest.mark.browser
def test_layout_faults_are_found_and_a_clean_page_passes(offline_page):
    op = offline_page()
    op.page.set_content(PAGE.format(clipped="a sentence far too long for its two hundred pixel box", inner=600,
                                    align="right", svg=700, second=20, col="1px"))
    found = screen.faults(screen.look(op.page), "en")
    for expected in ("text overflows: past its box", "scrolls sideways: 600 px of content in 300 px",
                     "text in a table set right-aligned", "chart too wide: 700 px wide in 400 px",
                     'labels overlap in a chart: "first label" over "second label"',
                     'text squeezed to a character or two a line: span "主要研究方向"'):
        assert any(expected in f for f in found), (expected, found)
    op.page.set_content(PAGE.format(clipped="short", inner=100, align="left", svg=380, second=200, col="max-content"))
    assert screen.faults(screen.look(op.page), "en") == []


SLANTED = """<!doctype html><meta charset="utf-8"><body style="margin:0">
<div class="vega-embed"><svg width="400" height="200" aria-label="slanted">
<text transform="translate(50,150) rotate(-40)" font-size="14">a long slanted column name</text>
<text transform="translate({x},150) rotate(-40)" font-size="14">another slanted column name</text>
</svg></div></body>"""


@pytest.mark.browser
@pytest.mark.parametrize("x, overlapping", [(80, False), (53, True)])
def test_slanted_labels_overlap_only_when_their_letters_do(offline_page, x, overlapping):
    op = offline_page()
    op.page.set_content(SLANTED.format(x=x))
    found = [f for f in screen.faults(screen.look(op.page), "en") if f.startswith("labels overlap")]
    assert bool(found) == overlapping, found


TICKS = """<!doctype html><meta charset="utf-8"><body style="margin:0">
<div class="vega-embed"><svg width="400" height="100" aria-label="ticks">
<text id="a" x="0" y="50" font-size="14">1998</text><text id="b" x="{x}" y="50" font-size="14">2000</text>
</svg></div></body>"""


@pytest.mark.browser
@pytest.mark.parametrize("gap, together", [(1, True), (12, False)])
def test_labels_on_one_line_that_run_together_are_found(offline_page, gap, together):
    op = offline_page()
    op.page.set_content(TICKS.format(x=0))
    right = op.page.evaluate("document.getElementById('a').getBoundingClientRect().right")
    op.page.set_content(TICKS.format(x=right + gap))
    found = [f for f in screen.faults(screen.look(op.page), "en") if f.startswith("labels overlap")]
    assert bool(found) == together, found
