"""Data strings are never typeset as maths: every HTML output carries MathJax's ignore classes."""

from __future__ import annotations

import nbformat
import pytest

from biomfg import prose
from biomfg.htmlout import NO_MATH
from biomfg.tools import notebooks


@pytest.mark.parametrize("path", notebooks.stored(), ids=lambda p: p.stem)
def test_every_stored_html_output_is_wrapped(path):
    nb = nbformat.read(path, as_version=4)
    html = [o["data"]["text/html"] for c in nb.cells if c.cell_type == "code" for o in c.outputs
            if "text/html" in o.get("data", {})]
    assert html, "no HTML output to check"
    for h in html:
        assert h.startswith(f'<div class="{NO_MATH}">'), h[:120]


def test_a_formula_in_data_stays_inside_the_ignore_wrapper():
    out = prose.start.platform_overview("en")._repr_html_()
    assert out.startswith(f'<div class="{NO_MATH}">') and out.endswith("</div>")


@pytest.mark.browser
def test_jupyterlab_shows_a_formula_in_data_as_text(offline_page, tmp_path):
    """Live JupyterLab typesets `$$…$$` in plain HTML output, but not in the library's HTML."""
    from test_offline_charts import ALL_RUN, KERNEL_IDLE

    from servers import BIN, port, server, wait_http

    work = tmp_path / "nb"
    work.mkdir()
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("from IPython.display import HTML\nHTML('<p id=plain>$$x^2$$</p>')"),
        nbformat.v4.new_code_cell("from biomfg.htmlout import HTML\nHTML('<p id=ours>$$y^2$$</p>')")])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, work / "m.ipynb")
    settings = tmp_path / "settings" / "@jupyterlab" / "notebook-extension"
    settings.mkdir(parents=True)
    (settings / "tracker.jupyterlab-settings").write_text('{"windowingMode": "none"}')
    p, token = port(), "no-math-token"
    args = [str(BIN / "jupyter"), "lab", "--no-browser", f"--port={p}", "--ServerApp.ip=127.0.0.1",
            f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={work}", "--allow-root",
            "--LabApp.expose_app_in_browser=True", "--LabApp.extension_manager=readonly"]
    env = {"JUPYTERLAB_SETTINGS_DIR": str(tmp_path / "settings"), "JUPYTERLAB_WORKSPACES_DIR": str(tmp_path / "ws")}
    with server(args, cwd=work, env=env, log=tmp_path / "lab.log"):
        wait_http(f"http://127.0.0.1:{p}/api/status?token={token}")
        op = offline_page(allow_loopback=True)
        page = op.page
        page.goto(f"http://127.0.0.1:{p}/lab/tree/m.ipynb?token={token}", timeout=120000)
        page.wait_for_function(KERNEL_IDLE, timeout=120000)
        page.evaluate("window.jupyterapp.commands.execute('notebook:run-all-cells')")
        page.wait_for_function(ALL_RUN, timeout=120000)
        page.wait_for_function("document.querySelector('#plain mjx-container')", timeout=30000)  # MathJax ran
        assert page.locator("#ours mjx-container").count() == 0
        assert page.inner_text("#ours") == "$$y^2$$"
        assert op.blocked == [], op.blocked
