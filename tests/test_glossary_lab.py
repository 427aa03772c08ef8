"""A lesson's glossary link in live JupyterLab: clicking a term in the "Terms in this lesson" box opens the
glossary notebook scrolled to the term's entry, in a trusted notebook (as `make lab` opens them) and in an
untrusted one (a notebook opened straight from a download), with JupyterLab's default notebook settings.

Why both: JupyterLab 4 resolves a `#fragment` by querying `[data-jupyter-id=…]` in the notebook's cells (its
sanitizer's allowNamedProperties is off by default); a trusted notebook's HTML outputs are not sanitised, so
their `id` attributes stay `id`, while an untrusted notebook's are renamed to `data-jupyter-id` by the
sanitizer. The glossary writes both attributes, and this checks the scroll in each case."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess

import nbformat
import pytest
from test_screen_lab import CURRENT, MARK_LANG, OTHER, SCOPE, SET_LANG, SKIP

import screen
from conftest import NOTEBOOKS
from servers import BIN, KERNEL_IDLE, LAB_TOKEN, RUN_FINISHED, lab, port, server, wait_http

pytestmark = pytest.mark.browser

LESSON = "08_shanghai_zhangjiang"  # its term sorts near the end of the English glossary: a long way to scroll
TERM = "traditional_new_drug_development"
CURRENT_PATH = "() => window.jupyterapp.shell.currentWidget?.context?.path"
# the term's entry is on screen: inside the visible part of the notebook's scrolling area
ON_SCREEN = """(id) => {
  const panel = window.jupyterapp.shell.currentWidget;
  if (!panel || panel.context.path !== 'glossary.ipynb') return false;
  const el = panel.node.querySelector(`[data-jupyter-id="${id}"]`) || panel.node.querySelector(`#${id}`);
  if (!el) return false;
  const box = el.getBoundingClientRect(), view = panel.content.node.getBoundingClientRect();
  return box.height > 0 && box.top >= view.top - 1 && box.top < view.bottom - 20;
}"""


@contextlib.contextmanager
def _lab(work, tmp, trusted: bool):
    """JupyterLab on loopback serving `work`, with its default settings (windowing and sanitizer as shipped)."""
    p = port()
    args = [str(BIN / "jupyter"), "lab", "--no-browser", f"--port={p}", "--ServerApp.ip=127.0.0.1",
            f"--IdentityProvider.token={LAB_TOKEN}", f"--ServerApp.root_dir={work}",
            "--LabApp.expose_app_in_browser=True", "--ServerApp.open_browser=False", "--allow-root",
            "--LabApp.extension_manager=readonly", "--KernelManager.transport_encryption=auto"]
    env = {"JUPYTERLAB_SETTINGS_DIR": str(tmp / "settings"), "JUPYTERLAB_WORKSPACES_DIR": str(tmp / "workspaces"),
           "JUPYTER_DATA_DIR": str(tmp / "data")}  # its own trust database: nothing is trusted unless we say so
    if trusted:
        subprocess.run([str(BIN / "jupyter"), "trust", "--log-level=WARN", *map(str, sorted(work.glob("*.ipynb")))],
                       check=True, capture_output=True, env={**os.environ, **env})
    with server(args, cwd=work, env=env, log=tmp / "lab.log"):
        wait_http(f"http://127.0.0.1:{p}/api/status?token={LAB_TOKEN}")
        yield f"http://127.0.0.1:{p}"


def _with_box(tmp):
    """A copy of notebooks/: the lesson holds its terms box right after the import line, stored as a run stores it."""
    work = tmp / "notebooks"
    shutil.copytree(NOTEBOOKS, work)
    nb = nbformat.read(work / f"{LESSON}.ipynb", as_version=4)
    boxes = [c for c in nb.cells if c.cell_type == "code" and "prose.glossary.terms_here" in c.source]
    assert len(boxes) == 1 and f"term-{TERM}" in boxes[0].outputs[0]["data"]["text/html"]
    return work


TO_TOP = """() => { const panel = window.jupyterapp.shell.currentWidget;
  for (const n of [panel.content.outerNode, panel.content.node]) if (n) n.scrollTop = 0; }"""
TO_LESSON = """(stem) => { const app = window.jupyterapp;
  const w = [...app.shell.widgets('main')].find(w => w.context?.path === stem + '.ipynb'); app.shell.activateById(w.id); }"""


def _click(page):
    # by its target: the box lists other terms too, and an untrusted output loses the link's data-term
    link = page.locator(f".biomfg-terms-here li a[href*='#term-{TERM}']")
    link.wait_for(timeout=120000)
    link.scroll_into_view_if_needed()
    link.click()
    page.wait_for_function(f"({CURRENT_PATH})() === 'glossary.ipynb'", timeout=60000)


@pytest.mark.parametrize("trusted", [True, False], ids=["trusted", "untrusted"])
def test_a_term_link_opens_the_glossary_at_the_term(offline_page, tmp_path, trusted):
    """Trusted (as `make lab` opens the notebooks): the click that opens the glossary scrolls to the term, and
    so does a click while it is open. Untrusted: JupyterLab itself scrolls only while the glossary is open (no
    script runs in an untrusted output, so the first click shows the glossary's top)."""
    work = _with_box(tmp_path)
    target = f"term-{TERM}"
    name = f"lab.glossary-link.{'trusted' if trusted else 'untrusted'}"
    with _lab(work, tmp_path, trusted) as url:
        op = offline_page(allow_loopback=True, width=1440, height=900)
        page = op.page
        page.goto(f"{url}/lab/tree/{LESSON}.ipynb?reset&token={LAB_TOKEN}", timeout=120000)
        _click(page)  # the glossary is not open yet
        try:
            if trusted:
                page.wait_for_function(ON_SCREEN, arg=target, timeout=30000)
            else:
                page.wait_for_timeout(3000)
                assert not page.evaluate(ON_SCREEN, target)  # what the docstring says, so the test notices a change
            page.evaluate(TO_TOP)
            page.wait_for_timeout(500)
            assert not page.evaluate(ON_SCREEN, target)
            page.evaluate(TO_LESSON, LESSON)
            _click(page)  # the glossary is open
            page.wait_for_function(ON_SCREEN, arg=target, timeout=30000)
        finally:
            screen.shoot(page, name, whole=False)
        assert not op.blocked, op.blocked


def test_the_glossary_in_lab_shows_no_fault_stored_and_in_chinese(offline_page, tmp_path):
    """The glossary page looked at as the lessons are (tests/test_screen_lab.py): reopened with its stored
    outputs, then after Run All in Chinese. In Chinese each entry gives the term's English name after the
    Chinese one, by design: those names are not 'English prose shown to a Chinese reader'."""
    work = tmp_path / "notebooks"
    shutil.copytree(NOTEBOOKS, work)
    checked = {}
    with lab(work, tmp_path) as url:
        page = offline_page(allow_loopback=True, width=1440, height=900).page
        page.goto(f"{url}/lab/tree/glossary.ipynb?reset&token={LAB_TOKEN}", timeout=120000)
        page.wait_for_function("window.jupyterapp && document.querySelector('.biomfg-glossary')", timeout=120000)
        page.wait_for_function(KERNEL_IDLE, timeout=120000)
        page.evaluate(MARK_LANG)
        page.evaluate(CURRENT)
        checked["stored"] = screen.faults(screen.look(page, SCOPE, SKIP + OTHER["en"]), "en")
        screen.shoot(page, "lab.glossary.stored")
        assert page.evaluate(SET_LANG, "zh")
        page.evaluate("window.jupyterapp.commands.execute('notebook:run-all-cells')")
        page.wait_for_timeout(500)
        page.wait_for_function(RUN_FINISHED, timeout=180000)
        page.wait_for_function("document.querySelector('.biomfg-glossary')?.innerText.includes('本合集')", timeout=60000)
        # the English names each entry gives after the Chinese, by design, are not read as English shown to a
        # Chinese reader (nor as codes): everything else on the page is
        names = ", .biomfg-term .other[lang=en]"
        checked["Run All, zh"] = screen.faults(screen.look(page, SCOPE, SKIP + OTHER["zh"] + names), "zh")
        screen.shoot(page, "lab.glossary.zh")
    assert not any(checked.values()), screen.report("views of the glossary", checked)
