"""Every lesson notebook in JupyterLab, looked at as a student sees it: reopened with its stored
outputs, then after Run All in English, then after Run All in Chinese (the parameters cell set to
`lang = "zh"`, as a student would). No error text, no identifier, nothing cut off or drawn over, no
chart wider than the notebook, every character drawn by an installed font."""

from __future__ import annotations

import shutil

import pytest

from biomfg import toc

import screen
from conftest import NOTEBOOKS
from servers import KERNEL_IDLE, LAB_TOKEN, RUN_FINISHED, lab

pytestmark = pytest.mark.browser

# What a student sees of a notebook: rendered prose and outputs, not the code they can edit.
SCOPE = "[data-biomfg-current] .jp-Notebook .jp-Cell"
CURRENT = "() => window.jupyterapp.shell.currentWidget.node.setAttribute('data-biomfg-current', '')"
SKIP = ".jp-CodeCell .jp-InputArea, .jp-InputPrompt, .jp-OutputPrompt, .jp-cell-toolbar, .jp-Toolbar"
OTHER = {"en": ", [data-biomfg-lang=zh]", "zh": ", [data-biomfg-lang=en], [data-biomfg-lang=both]"}
DRAWN = """() => [...document.querySelectorAll('.jp-Notebook .vega-embed')].every(e => e.querySelector('svg'))"""
# A laptop window with the file browser open: the notebook's output area is 1,000 px wide.
WINDOW = {"width": 1440, "height": 900}
# JupyterLab marks no cell with its tags: mark each cell's node with its language tag, so the other
# language's prose can be left out (until one language at a time is shown, both are on screen). Untagged
# prose (the title, the headings) is bilingual by design: looked at with the English view.
MARK_LANG = """() => {
  for (const cell of window.jupyterapp.shell.currentWidget.content.widgets) {
    const tags = cell.model.sharedModel.getMetadata('tags') || [];
    const lang = tags.find(t => t.startsWith('lang-'));
    if (lang) cell.node.setAttribute('data-biomfg-lang', lang.slice(5));
    else if (cell.model.type === 'markdown') cell.node.setAttribute('data-biomfg-lang', 'both');
  }
}"""
SET_LANG = """(lang) => {
  const cells = window.jupyterapp.shell.currentWidget.content.model.cells;
  for (let i = 0; i < cells.length; i++) {
    const c = cells.get(i);
    if (c.type === 'code' && (c.sharedModel.getMetadata('tags') || []).includes('parameters')) {
      c.sharedModel.setSource(`lang = "${lang}"`);
      return true;
    }
  }
  return false;
}"""


def lessons() -> list[str]:
    """Every lesson notebooks/toc.yml lists."""
    return [e["file"] for e in toc.lessons()]


@pytest.fixture(scope="module")
def lab_url(tmp_path_factory):
    """One JupyterLab for the module, serving a copy of notebooks/ (nothing is saved into the tree)."""
    tmp = tmp_path_factory.mktemp("screen-lab")
    work = tmp / "notebooks"
    shutil.copytree(NOTEBOOKS, work)
    with lab(work, tmp) as url:
        yield url


@pytest.mark.parametrize("notebook", screen.chosen([(n,) for n in lessons()]), ids=lambda n: n[0].removesuffix(".ipynb"))
def test_lesson_shows_no_fault_stored_and_after_run_all_in_both_languages(offline_page, lab_url, notebook):
    name = notebook[0].removesuffix(".ipynb")
    checked: dict[str, list[str]] = {}
    op = offline_page(allow_loopback=True, **WINDOW)
    page = op.page
    # ?reset: a fresh workspace, so the notebooks opened before are not restored beside this one
    page.goto(f"{lab_url}/lab/tree/{notebook[0]}?reset&token={LAB_TOKEN}", timeout=120000)
    page.wait_for_function("window.jupyterapp && document.querySelector('.jp-Notebook .jp-Cell')", timeout=120000)
    page.wait_for_function(DRAWN, timeout=60000)
    page.wait_for_function(KERNEL_IDLE, timeout=120000)
    page.wait_for_timeout(500)
    page.evaluate(MARK_LANG)
    page.evaluate(CURRENT)
    checked["stored"] = screen.faults(screen.look(page, SCOPE, SKIP + OTHER["en"]), "en")
    screen.shoot(page, f"lab.{name}.stored")
    for lang in ("en", "zh"):
        assert page.evaluate(SET_LANG, lang), f"{name}: no cell tagged parameters"
        page.evaluate("window.jupyterapp.commands.execute('notebook:clear-all-cell-outputs')")
        page.evaluate("window.jupyterapp.commands.execute('notebook:run-all-cells')")
        page.wait_for_timeout(500)
        page.wait_for_function(RUN_FINISHED, timeout=180000)
        page.wait_for_function(DRAWN, timeout=60000)
        screen.settle_widgets(page, ".jp-Notebook")
        page.wait_for_timeout(500)
        checked[f"Run All, {lang}"] = screen.faults(screen.look(page, SCOPE, SKIP + OTHER[lang]), lang)
        screen.shoot(page, f"lab.{name}.{lang}")
    checked["requests"] = [f"request left the machine: {u}" for u in op.blocked]
    assert not any(checked.values()), screen.report(f"views of {name}", checked)
