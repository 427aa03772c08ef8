"""A fresh clone runs `make classroom`, and one student signs in with Chromium, lands in their own
JupyterLab, opens a lesson, runs it and sees its charts: offline (every request outside this machine is
blocked and counted), with nothing left after `make classroom-remove`."""

from __future__ import annotations

import os
import pwd
import subprocess
import time
from pathlib import Path

import pytest
from classroom import need_root, scratch

from biomfg.tools.classroom import accounts

from conftest import free_port

ROOT = Path(__file__).resolve().parents[1]
LESSON = "02_technology_innovation_platforms.ipynb"
pytestmark = pytest.mark.timeout(900)


def make(clone: Path, *args: str, timeout: int = 600) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(clone / "lib")}
    return subprocess.run(["make", "-s", "-C", str(clone), *args, "-o", ".venv/.installed", "-o", "node_modules/.installed"],
                          capture_output=True, text=True, env=env, timeout=timeout)


def shot(page, name: str) -> None:
    if os.environ.get("SCREENSHOTS"):
        Path(os.environ["SCREENSHOTS"]).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(os.environ["SCREENSHOTS"]) / f"{name}.png"))


def test_a_fresh_clone_serves_a_class_and_a_student_reaches_the_first_chart(offline_page):
    need_root()
    work = scratch()
    clone = work / "repo"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
    (clone / ".venv").symlink_to(ROOT / ".venv")
    (clone / "node_modules").symlink_to(ROOT / "node_modules")
    (work / "class.txt").write_text("amy\n", encoding="utf-8")
    port = free_port()
    started = make(clone, "classroom", "DETACH=1", f"PORT={port}", f"CLASS={work / 'class.txt'}",
                   f"HOMES={work / 'homes'}")
    try:
        assert started.returncode == 0, started.stdout[-3000:] + started.stderr[-3000:]
        assert f"Class server · 课堂服务器: http://127.0.0.1:{port}" in started.stdout
        assert "Names and first passwords · 名单与初始密码: classroom/accounts.csv" in started.stdout
        password = accounts.read_sheet(clone / "classroom" / "accounts.csv")["amy"][1]

        view = offline_page(allow_loopback=True, width=1440, height=900)
        page = view.page
        began = time.monotonic()
        page.goto(f"http://127.0.0.1:{port}/hub/login")
        body = page.inner_text("body")
        assert "生物制造基础设施课堂" in body and "Biomanufacturing infrastructure class" in body   # the teacher's note
        assert page.inner_text("label[for=username_input]") == "姓名 · Name"
        assert page.input_value("#login_submit") == "登录 · Sign in"
        shot(page, "classroom.login")
        page.fill("input[name=username]", "amy")
        page.fill("input[name=password]", password)
        page.click("#login_submit")
        page.wait_for_url("**/user/amy/lab/**", timeout=180_000)
        page.goto(f"http://127.0.0.1:{port}/user/amy/lab/tree/notebooks/{LESSON}")
        page.wait_for_selector(".jp-Notebook .vega-embed svg, .jp-Notebook .vega-embed canvas", timeout=180_000)
        first_chart = time.monotonic() - began
        # Run All from the menu, as a student does; wait for the kernel to finish
        page.click("li.lm-MenuBar-item:has-text('Run')")
        page.click("li.lm-Menu-item:has-text('Run All Cells')")
        page.wait_for_function("""() => {
            const prompts = [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')].map(p => p.textContent);
            return prompts.length > 0 && prompts.every(t => !t.includes('*')) && prompts.some(t => /\\[\\d+\\]/.test(t));
        }""", timeout=300_000)
        errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']").count()
        tracebacks = page.locator(".jp-OutputArea-output .ansi-red-fg, .jp-RenderedText[data-mime-type*='error']").count()
        charts = page.locator(".jp-Notebook .vega-embed svg, .jp-Notebook .vega-embed canvas").count()
        page.locator(".jp-Notebook .vega-embed").first.scroll_into_view_if_needed()
        shot(page, "classroom.student-lab")
        assert charts >= 2, charts
        assert tracebacks == 0 and errors == 0
        assert view.blocked == [], view.blocked[:5]
        assert first_chart < 120, f"{first_chart:.1f} s from the login page to the first chart"
        owner = accounts.system_name("amy", "jupyter-")
        assert (work / "homes" / owner / "notebooks" / LESSON).exists()
    finally:
        removed = make(clone, "classroom-remove", "YES=1")
        subprocess.run(["rm", "-rf", str(work)])
    assert removed.returncode == 0, removed.stderr
    assert accounts.system_name("amy", "jupyter-") not in {p.pw_name for p in pwd.getpwall()}
    assert accounts.system_name("teacher", "jupyter-") not in {p.pw_name for p in pwd.getpwall()}
