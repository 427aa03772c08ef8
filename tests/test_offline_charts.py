"""Charts draw with no network: in nbconvert HTML, in Voilà, and in JupyterLab after Run All."""

from __future__ import annotations

import shutil

import nbformat
import pytest

from biomfg.tools import export

from conftest import NOTEBOOKS
from servers import ALL_RUN, BIN, JUPYTER_PATH, KERNEL_IDLE, LAB_TOKEN, lab, port, server, wait_http

pytestmark = pytest.mark.browser
START = NOTEBOOKS / "00_start_here.ipynb"


def _charts_in(nb) -> int:
    return sum(1 for c in nb.cells for o in c.get("outputs", [])
               if "application/vnd.vegalite.v5+json" in o.get("data", {}))


def test_nbconvert_html_draws_every_chart_offline(offline_page, tmp_path):
    nb = nbformat.read(START, as_version=4)
    html = export.to_html(nb)
    assert "cdn." not in html and "require.js" not in html
    path = tmp_path / "start.html"
    path.write_text(html, encoding="utf-8")
    op = offline_page()
    op.page.goto(path.as_uri())
    expected = _charts_in(nb)
    assert expected >= 2
    op.page.wait_for_function(f"document.querySelectorAll('.vega-embed svg').length >= {expected}", timeout=15000)
    assert op.page.locator(".vega-embed svg .mark-symbol path").count() >= 12  # the timeline's dots
    assert op.page.locator(".error").count() == 0
    assert op.blocked == [] and op.errors == []


def test_voila_draws_charts_offline(offline_page, tmp_path):
    p = port()
    args = [str(BIN / "voila"), "--no-browser", f"--port={p}", "--Voila.ip=127.0.0.1", "--template=biomfg",
            str(START)]
    with server(args, env={"JUPYTER_PATH": str(JUPYTER_PATH)}, log=tmp_path / "voila.log"):
        wait_http(f"http://127.0.0.1:{p}/voila/static/voila.js", timeout=60)
        op = offline_page(allow_loopback=True)
        op.page.goto(f"http://127.0.0.1:{p}/", timeout=120000)
        op.page.wait_for_function("document.querySelectorAll('.vega-embed svg').length >= 2", timeout=120000)
        assert op.page.locator(".vega-embed svg .mark-symbol path").count() >= 12
        assert op.blocked == [], op.blocked
        assert not [e for e in op.errors if "Traceback" in e]


def test_jupyterlab_run_all_draws_charts_offline(offline_page, tmp_path):
    work = tmp_path / "notebooks"
    shutil.copytree(NOTEBOOKS, work)
    with lab(work, tmp_path) as url:
        op = offline_page(allow_loopback=True)
        page = op.page
        page.goto(f"{url}/lab/tree/00_start_here.ipynb?token={LAB_TOKEN}", timeout=120000)
        page.wait_for_function("window.jupyterapp && document.querySelector('.jp-Notebook .jp-Cell')",
                               timeout=120000)
        # reopened, not yet run: the stored chart outputs draw on their own
        page.wait_for_function("document.querySelectorAll('.jp-Notebook .vega-embed svg').length >= 2",
                               timeout=60000)
        page.wait_for_function(KERNEL_IDLE, timeout=120000)
        page.wait_for_timeout(1000)
        page.evaluate("window.jupyterapp.commands.execute('notebook:clear-all-cell-outputs')")
        assert page.locator(".jp-Notebook .vega-embed svg").count() == 0
        page.evaluate("window.jupyterapp.commands.execute('notebook:run-all-cells')")
        page.wait_for_function(ALL_RUN, timeout=180000)
        page.wait_for_function("document.querySelectorAll('.jp-Notebook .vega-embed svg').length >= 2",
                               timeout=60000)
        assert page.locator(".jp-Notebook .vega-embed svg .mark-symbol path").count() >= 12
        tracebacks = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
        assert "Traceback" not in " ".join(tracebacks.all_inner_texts())
        assert page.locator(".jp-Notebook .jupyter-widgets select").count() >= 1  # the explorer is live
        assert op.blocked == [], op.blocked
