"""Shared fixtures: paths, an offline Chromium, and a helper to run project commands."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from biomfg.tools import browser as browser_tool

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
DATA = ROOT / "data"
SEEDS = ROOT.parent / "shared" / "seeds"
PY = sys.executable


def chromium_path() -> str | None:
    return browser_tool.chromium_path()


def need_browser() -> str:
    """Chromium's path, or skip with the reason (fail instead when REQUIRE_BROWSER=1, as in CI)."""
    path = chromium_path()
    if path:
        return path
    msg = "Debian chromium is not installed (apt-get install chromium fonts-noto-cjk)"
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(f"{msg}, and REQUIRE_BROWSER=1")
    pytest.skip(msg)


@pytest.fixture(scope="session")
def browser():
    path = need_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = browser_tool.launch(p, path)
        yield b
        b.close()


class OfflinePage:
    """A page where every request that is not local is aborted and recorded."""

    LOCAL = ("file:", "data:", "blob:", "about:")

    def __init__(self, browser, allow_loopback: bool = False, width: int = 1280, height: int = 900):
        self.blocked: list[str] = []
        self.errors: list[str] = []
        self.context = browser.new_context(viewport={"width": width, "height": height})
        self.page = self.context.new_page()
        loopback = ("http://127.0.0.1", "http://localhost", "ws://127.0.0.1", "ws://localhost")

        def route(r):
            url = r.request.url
            if url.startswith(self.LOCAL) or (allow_loopback and url.startswith(loopback)):
                return r.continue_()
            self.blocked.append(url)
            return r.abort()

        self.context.route("**/*", route)
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))

    def close(self):
        self.context.close()


@pytest.fixture
def offline_page(browser):
    pages = []

    def make(allow_loopback: bool = False, **size) -> OfflinePage:
        pages.append(OfflinePage(browser, allow_loopback, **size))
        return pages[-1]

    yield make
    for p in pages:
        p.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(*args, cwd=ROOT, env=None, timeout=600, check=False) -> subprocess.CompletedProcess:
    """Run a command, capture text output."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(list(map(str, args)), cwd=cwd, env=full_env, capture_output=True, text=True,
                          timeout=timeout, check=check)


def copy_data(dest: Path) -> Path:
    """A copy of data/ at `dest` for a test to change (point BIOMFG_DATA at it)."""
    shutil.copytree(DATA, dest, ignore=shutil.ignore_patterns("staging"))
    return dest


@pytest.fixture
def data_copy(tmp_path):
    """A copy of data/ in tmp_path/data; the library's caches are cleared afterwards."""
    from biomfg import data

    yield copy_data(tmp_path / "data")
    data.clear_cache()


def edit_table(folder: Path, table: str, change) -> None:
    """Rewrite `folder`/`table`.csv (a copy of data/), each row passed through `change` (a dict -> dict)."""
    import csv

    path = folder / f"{table}.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        fields, rows = reader.fieldnames, list(reader)
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=fields)
        w.writeheader()
        w.writerows(change(dict(r)) for r in rows)


def spec_dicts(node):
    """Every dict inside a Vega-Lite spec (or any JSON value), depth first."""
    if isinstance(node, dict):
        yield node
        for v in node.values():
            yield from spec_dicts(v)
    elif isinstance(node, list):
        for v in node:
            yield from spec_dicts(v)
