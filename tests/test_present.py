"""Live briefing (`make present`): Voilà with code hidden, offline, a zh/en switch, slides; and the
Chinese JupyterLab interface."""

from __future__ import annotations

import json
import os
import time
import urllib.request

import pytest

from biomfg.tools import present, reports

from conftest import ROOT, need_browser
from servers import BIN, make_present, port, server, wait_http

# Every new chart element under a widget Output after a change of the indicator-family dropdown,
# timed in the page (performance.now) from the change event to the new chart's svg.
REDRAW_MS = """async () => {
  const sel = document.querySelector('.widget-dropdown select');
  const charts = () => [...document.querySelectorAll('.widget-output .vega-embed svg')];
  const before = new Set(charts());
  return await new Promise(resolve => {
    const t0 = performance.now();
    const done = () => { obs.disconnect(); resolve(performance.now() - t0); };
    const obs = new MutationObserver(() => { if (charts().some(s => !before.has(s))) done(); });
    obs.observe(document.body, {childList: true, subtree: true});
    sel.selectedIndex = (sel.selectedIndex + 1) % sel.options.length;
    sel.dispatchEvent(new Event('change', {bubbles: true}));
    setTimeout(() => { obs.disconnect(); resolve(-1); }, 10000);
  });
}"""
SHOWN_TITLE = "[...document.querySelectorAll('.biomfg-brief h1')].find(h => h.offsetParent)?.innerText"
KERNEL_ID = "JSON.parse(document.getElementById('jupyter-config-data').textContent).kernelId"
VISIBLE_CODE = """[...document.querySelectorAll(
  '.jp-CodeCell .jp-InputArea, .jp-InputPrompt, .jp-CodeMirrorEditor, .jp-CodeCell .highlight')]
  .filter(e => e.offsetParent !== null && e.getBoundingClientRect().height > 0).length"""


# --- the query string (no browser) -------------------------------------------------------------

def test_no_query_string_keeps_the_notebook_values(monkeypatch, capsys):
    monkeypatch.delenv("QUERY_STRING", raising=False)
    assert present.from_query(lang="en", region="suzhou_sip") == {"lang": "en", "region": "suzhou_sip"}
    assert capsys.readouterr().out == ""  # no output: the stored outputs stay as they are


def test_query_string_sets_checked_parameters(monkeypatch):
    region = reports.regional_cases()[-1]
    monkeypatch.setenv("QUERY_STRING", f"lang=zh&region={region}&template=biomfg_slides&token=abc")
    assert present.from_query(lang="en", region="suzhou_sip") == {"lang": "zh", "region": region}


@pytest.mark.parametrize("query, message", [("region=atlantis", "valid choices"), ("lang=fr", "valid choices"),
                                            ("regoin=suzhou_sip", "query parameter='regoin'")])
def test_bad_query_string_fails_with_the_choices(query, message):
    with pytest.raises(ValueError, match=message):
        present.from_query(query, lang="en", region="suzhou_sip")


def test_start_page_links_every_briefing_in_both_forms():
    html = present.start_page("zh").data
    for rep in reports.catalogue():
        assert rep.titles()["zh"] in html
        url = present.link(f"briefings/{rep.notebook}", "zh", **dict(rep.params))
        assert url.replace("&", "&amp;") in html
        assert url.replace("&", "&amp;") + f"&amp;template={present.SLIDES_TEMPLATE}" in html
    assert "?lang=en" in html  # the switch to the other language


def test_nav_bar_links_back_and_to_the_other_language():
    html = present.nav("zh", "lang=zh&region=hangzhou&template=biomfg_slides", "/voila/render/briefings/region.ipynb").data
    assert "href='/voila/render/present.ipynb?lang=zh'" in html
    assert "href='?lang=en&amp;region=hangzhou&amp;template=biomfg_slides'" in html


# --- a live page holds both languages; preheated kernels ----------------------------------------

def test_a_cell_holds_one_language_without_a_query_string_and_both_on_a_live_page(monkeypatch):
    import altair as alt

    from biomfg.htmlout import HTML
    from biomfg.render import MIMETYPE

    def make(lang):
        return [HTML(f"<p>{lang}</p>"), alt.Chart(alt.Data(values=[{"x": 1}])).mark_bar().encode(x="x:Q")
                .properties(title=lang)]

    monkeypatch.delenv("QUERY_STRING", raising=False)
    plain = present.bilingual(make, "zh")  # papermill, nbval, make reports: exactly what make(lang) gives
    assert [type(p) for p in plain] == [HTML, alt.Chart] and plain[0].data == "<p>zh</p>"
    live = present.bilingual(make, "zh", "lang=zh&region=hangzhou")
    assert [(type(p), p.lang) for p in live] == [(present.LangPart, "zh")] * 2 + [(present.LangPart, "en")] * 2
    data, meta = live[2]._repr_mimebundle_()
    assert data["text/html"] == make("en")[0]._repr_html_() and meta == {"biomfg": {"lang": "en"}}
    data, meta = live[3]._repr_mimebundle_()  # a chart keeps its spec and its own metadata (embed options)
    assert data[MIMETYPE]["title"] == "en" and MIMETYPE in meta and meta["biomfg"] == {"lang": "en"}


def test_the_nav_bar_is_shown_in_both_languages_on_a_live_page(monkeypatch):
    shown = []  # what the page is given (display's printout depends on whether a shell exists in this process)
    monkeypatch.setattr(present, "display", shown.append)
    values = present.from_query("lang=zh&region=hangzhou", lang="en", region="suzhou_sip")
    assert values == {"lang": "zh", "region": "hangzhou"}
    parts = [p for p in shown if isinstance(p, present.LangPart)]
    assert [p.lang for p in parts] == ["zh", "en"], shown


def test_warming_a_preheated_kernel_never_waits_for_the_request(monkeypatch, capfd):
    import voila.utils

    calls = []
    monkeypatch.setattr(voila.utils, "wait_for_request", lambda *a, **k: calls.append(1))
    monkeypatch.setenv("VOILA_PREHEAT", "True")
    monkeypatch.delenv("QUERY_STRING", raising=False)
    present._warm({"lang": "en", "region": reports.regional_cases()[0]})
    assert calls == []  # the briefing's parts were made one language at a time, not as a live page
    err = capfd.readouterr().err
    assert present.READY in err and "warming stopped" not in err, err


def test_a_preheated_kernel_takes_its_parameters_from_the_request_that_comes(monkeypatch, capfd):
    """Voilà sends the request's query string to a kernel started ahead (voila.utils.wait_for_request
    sets it in os.environ); params warms while it waits, then reads it."""
    import voila.utils

    region = reports.regional_cases()[-1]

    def request_comes():
        time.sleep(0.2)
        os.environ.update(QUERY_STRING=f"lang=zh&region={region}", SCRIPT_NAME="/voila/render/briefings/region.ipynb")

    monkeypatch.setattr(voila.utils, "wait_for_request", request_comes)
    monkeypatch.setenv("VOILA_PREHEAT", "True")
    for key in ("QUERY_STRING", "SCRIPT_NAME"):
        monkeypatch.delenv(key, raising=False)
    try:
        assert present.params(lang="en", region="suzhou_sip") == {"lang": "zh", "region": region}
    finally:
        for key in ("QUERY_STRING", "SCRIPT_NAME"):
            os.environ.pop(key, None)
    assert present.READY in capfd.readouterr().err


# --- the browser --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def present_url(tmp_path_factory):
    need_browser()
    log = tmp_path_factory.mktemp("present") / "voila.log"
    with make_present(log) as url:
        yield url
    text = log.read_text(encoding="utf-8")
    assert "Kernel started" in text or "Starting kernel" in text or "kernel" in text.lower(), text[-2000:]
    # make present's kernels get CurveZMQ keys (KERNEL_ARGS): no plain-TCP warning in the presenter's terminal
    assert "without encryption" not in text, text[-2000:]


@pytest.mark.browser
@pytest.mark.timing
def test_make_present_start_page_offline_code_hidden_and_fast_widget(offline_page, present_url):
    op = offline_page(allow_loopback=True)
    page = op.page
    page.goto(present_url + "/", timeout=120000)
    page.wait_for_url("**/voila/render/present.ipynb", timeout=30000)
    page.wait_for_function("document.querySelectorAll('.vega-embed svg').length >= 1", timeout=120000)
    page.wait_for_function("document.querySelector('.widget-dropdown select')", timeout=60000)
    assert page.locator(".biomfg-start a.brief").count() == len(reports.catalogue())
    assert page.evaluate(VISIBLE_CODE) == 0
    assert page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']").count() == 0
    times = [page.evaluate(REDRAW_MS) for _ in range(3)]
    print(f"widget redraw in the browser (ms): {[round(t) for t in times]}")
    assert all(0 <= t < 500 for t in times), times
    # the zh/en switch
    page.click("#biomfg-lang-switch")
    page.wait_for_function("document.querySelector('.biomfg-start')?.lang === 'zh'", timeout=120000)
    assert present.LABELS["title"]["zh"] in page.inner_text(".biomfg-start h1")
    assert op.blocked == [], op.blocked
    assert not [e for e in op.errors if "Traceback" in e]


@pytest.mark.browser
def test_make_present_briefing_in_chinese_from_the_url(offline_page, present_url):
    region = reports.regional_cases()[0]
    rep = reports.Report(region, "region.ipynb", (("region", region),))
    op = offline_page(allow_loopback=True)
    page = op.page
    page.goto(f"{present_url}/voila/render/{present.link('briefings/region.ipynb', 'zh', region=region)}",
              timeout=120000)
    page.wait_for_function("document.querySelectorAll('.vega-embed svg').length >= 1", timeout=120000)
    assert page.evaluate(SHOWN_TITLE) == reports.report_title(rep, "zh")
    # the page holds both languages (the switch is instant) and shows the Chinese parts only
    parts = page.evaluate("""[...document.querySelectorAll('.biomfg-lang')]
        .map(e => [e.lang, [...e.children].some(c => c.getClientRects().length > 0)])""")
    assert {lang for lang, shown in parts if shown} == {"zh"}, parts
    assert {lang for lang, shown in parts if not shown} == {"en"}, parts
    assert page.evaluate(VISIBLE_CODE) == 0
    # it closes with the versions it was made from and how to cite it, in the reader's language (issue 19)
    colophon = page.evaluate("""[...document.querySelectorAll('.biomfg-colophon')]
        .filter(e => e.getClientRects().length > 0).map(e => e.textContent)""")
    from biomfg import data
    v = data.versions()
    assert len(colophon) == 1 and f"版本{v['version']}；数据版本{v['data_version']}" in colophon[0], colophon
    assert "引用格式" in colophon[0]
    # the bar: the same briefing in English, region kept
    page.click(".biomfg-nav a:last-child")
    page.wait_for_function(f"{SHOWN_TITLE} === {reports.report_title(rep, 'en')!r}", timeout=120000)
    assert f"region={region}" in page.url and "lang=en" in page.url
    assert op.blocked == [], op.blocked


@pytest.mark.browser
def test_briefing_slides_render_offline(offline_page, present_url):
    op = offline_page(allow_loopback=True)
    page = op.page
    page.goto(f"{present_url}/voila/render/{present.link('briefings/overview.ipynb', 'en', slides=True)}",
              timeout=120000)
    page.wait_for_function("document.querySelector('.reveal.ready .slides section.present')", timeout=120000)
    page.wait_for_function("document.querySelectorAll('.reveal .vega-embed svg').length >= 1", timeout=120000)
    assert page.locator(".reveal .slides > section").count() >= 3
    # reveal.css is applied (vendored, served by Voilà): slides are absolutely positioned
    assert page.evaluate("getComputedStyle(document.querySelector('.reveal .slides')).position") == "absolute"
    page.keyboard.press("ArrowRight")
    page.wait_for_url("**#/1", timeout=10000)  # reveal.js moved to the second slide
    assert page.evaluate(VISIBLE_CODE) == 0
    assert op.blocked == [], op.blocked


# --- the Chinese JupyterLab interface ------------------------------------------------------------

def test_jupyterlab_lists_the_chinese_language_pack(tmp_path):
    p, token = port(), "biomfg-test-token"
    args = [str(BIN / "jupyter"), "lab", "--no-browser", f"--port={p}", "--ServerApp.ip=127.0.0.1",
            f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={ROOT / 'notebooks'}", "--allow-root",
            "--LabApp.extension_manager=readonly"]
    env = {"JUPYTERLAB_SETTINGS_DIR": str(tmp_path / "settings"),
           "JUPYTERLAB_WORKSPACES_DIR": str(tmp_path / "workspaces")}
    with server(args, env=env, log=tmp_path / "lab.log"):
        wait_http(f"http://127.0.0.1:{p}/api/status?token={token}")
        with urllib.request.urlopen(f"http://127.0.0.1:{p}/lab/api/translations?token={token}", timeout=30) as r:
            langs = json.load(r)["data"]
        assert "zh_CN" in langs, sorted(langs)
        with urllib.request.urlopen(f"http://127.0.0.1:{p}/lab/api/translations/zh_CN?token={token}",
                                    timeout=30) as r:
            pack = json.load(r)["data"]
        assert pack.get("jupyterlab"), "the zh_CN pack has no JupyterLab strings"


@pytest.mark.browser
def test_make_present_frees_the_kernels_of_pages_left_and_keeps_the_one_on_screen(offline_page, tmp_path):
    """A page left shuts its kernel down at once: Voilà's page-leave beacon, which needs the _xsrf cookie
    that present.XsrfCookie sets (voila-dashboards/voila#1458: without it the beacon got a 403, logged in
    the console, and the kernel stayed). Kernels with no page open are also culled when idle (a tab closed
    without the beacon): short timings here (CULL_ARGS=... on the make command line), the defaults checked
    with make -n; the page on screen keeps its kernel however long it stays."""
    import subprocess

    dry = subprocess.run(["make", "-n", "present"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert "--MappingKernelManager.cull_idle_timeout=120" in dry and "--MappingKernelManager.cull_connected=False" in dry
    need_browser()
    log = tmp_path / "voila.log"
    fast = "--MappingKernelManager.cull_idle_timeout=2 --MappingKernelManager.cull_interval=1"
    with make_present(log, [f"CULL_ARGS={fast}"]) as base:
        op = offline_page(allow_loopback=True)
        page = op.page
        kernels = []
        for url in (present.link("briefings/region.ipynb", "en", region="suzhou_sip"),
                    present.link("briefings/overview.ipynb", "en"), "present.ipynb?lang=en"):
            page.goto(f"{base}/voila/render/{url}", timeout=120000)
            page.wait_for_selector(".vega-embed svg", state="attached", timeout=120000)
            kernels.append(page.evaluate(KERNEL_ID))
        page.wait_for_function("document.querySelector('.widget-dropdown select')", timeout=60000)
        shut = lambda k: f"Kernel shutdown: {k}" in log.read_text(encoding="utf-8")  # noqa: E731
        deadline = time.monotonic() + 60  # the two pages left (patient: CI may be loaded) ...
        while not all(shut(k) for k in kernels[:2]) and time.monotonic() < deadline:
            page.wait_for_timeout(500)
        page.wait_for_timeout(4000)  # ... and two idle timeouts later the page on screen keeps its kernel
        text = log.read_text(encoding="utf-8")
        assert len(set(kernels)) == 3 and all(shut(k) for k in kernels[:2]), (kernels, text[-2000:])
        assert not shut(kernels[2]), text[-2000:]
        assert 0 <= page.evaluate(REDRAW_MS) < 10000  # the start page's widget still has its kernel
        assert op.errors == [], op.errors  # no 403 from the beacon
        assert op.blocked == [], op.blocked
