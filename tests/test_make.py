"""The README's commands: `make lab` serves JupyterLab; the Makefile and CI script stay wired up."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT
from servers import port, server, wait_http


@pytest.mark.slow
def test_make_lab_answers_on_its_port(tmp_path):
    p, token = port(), "make-lab-test"
    args = ["make", "lab", f"PORT={p}", f"LAB_ARGS=--no-browser --IdentityProvider.token={token}"]
    with server(args, cwd=ROOT, log=tmp_path / "lab.log"):
        status = wait_http(f"http://127.0.0.1:{p}/lab?token={token}", timeout=120)
    assert status == 200


def test_ci_installs_browser_and_runs_make_test():
    ci = (ROOT / ".ci" / "run").read_text()
    assert "apt-get install" in ci and "chromium" in ci and "fonts-noto-cjk" in ci
    assert re.search(r"REQUIRE_BROWSER=1 make test", ci)


def test_readme_shows_the_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in ("make lab", "make test", "make outputs"):
        assert command in readme
    assert re.search(r"[\u4e00-\u9fff]", readme)  # bilingual


def test_requirements_are_exact_pins():
    lines = [x.strip() for x in (ROOT / "requirements.txt").read_text().splitlines()]
    pins = [x for x in lines if x and not x.startswith("#")]
    assert pins and all(re.fullmatch(r"[A-Za-z0-9_.\-\[\]]+==[A-Za-z0-9_.+\-]+", x) for x in pins), \
        [x for x in pins if "==" not in x]
    names = {x.split("==")[0].lower() for x in pins}
    for needed in ("jupyterlab", "pandas", "altair", "ipywidgets", "nbval", "papermill", "voila",
                   "frictionless", "playwright", "ruff", "pytest"):
        assert needed in names
