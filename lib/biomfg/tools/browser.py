"""The one browser launcher: Debian's chromium through Playwright, headless and offline-minded, for the
PDF printer, the bench and the tests."""

from __future__ import annotations

import shutil
from pathlib import Path

# --disable-quic: no UDP probe; --disable-dev-shm-usage: containers give /dev/shm only 64 MB
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
        "--disable-dev-shm-usage"]


def chromium_path() -> str | None:
    """Debian's chromium, or None when it is not installed."""
    found = shutil.which("chromium") or "/usr/bin/chromium"
    return found if Path(found).exists() else None


def launch(playwright, path: str | None = None):
    """A headless Chromium browser from a running `sync_playwright()`."""
    path = path or chromium_path()
    if path is None:
        raise FileNotFoundError("Debian chromium is not installed (apt-get install chromium fonts-noto-cjk)")
    return playwright.chromium.launch(executable_path=path, args=ARGS)


def offline(page) -> None:
    """Abort every request that is not to a local file, data: or blob: URL."""
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:", "blob:")) else r.abort())
