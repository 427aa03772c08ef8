"""A class server for a test: its own state, accounts (a prefix of its own), homes and port; removed after."""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import tempfile
import uuid
from pathlib import Path

import pytest

from biomfg.tools.classroom import client, hub


def need_root() -> None:
    if os.geteuid() != 0:
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail("the class server tests need root (they make system accounts); CI runs as root")
        pytest.skip("the class server makes system accounts: run the tests as root")


def scratch() -> Path:
    """A folder the students' accounts can pass through (pytest's own tmp is private to root)."""
    work = Path(tempfile.mkdtemp(prefix="biomfg-class-"))
    os.chmod(work, 0o711)
    return work


@contextlib.contextmanager
def class_server(names: list[str], **options):
    need_root()
    work = scratch()
    tag = uuid.uuid4().hex[:4]
    (work / "class.txt").write_text("\n".join(names) + "\n", encoding="utf-8")
    o = hub.Options(class_list=work / "class.txt", port=hub._free_port(), prefix=f"bmt{tag}-",
                    homes=work / "homes", state=work / "state", teacher=f"teacher{tag}")
    for key, value in options.items():
        setattr(o, key, value)
    try:
        hub.start(o, detach=True)
        s = dict(hub.settings(o.state), state=str(o.state), work=str(work))
        yield s
    finally:
        hub.remove(o.state)
        shutil.rmtree(work, ignore_errors=True)


def sheet(s: dict) -> dict[str, tuple[str, str]]:
    return hub.accounts.read_sheet(Path(s["state"]) / "accounts.csv")


def token(s: dict) -> str:
    return (Path(s["state"]) / "service-token").read_text().strip()


def api(s: dict, path: str, method: str = "GET", body=None):
    return hub.api(s, path, method, body, state=Path(s["state"]))


def home(s: dict, name: str) -> Path:
    import pwd

    return Path(pwd.getpwnam(hub.accounts.system_name(name, s["prefix"])).pw_dir)


def run(coro):
    """Run a coroutine to its end on a loop of its own, in a thread: the worker's main thread may already run
    one (Playwright's sync API keeps a loop there for the session's browser)."""
    import concurrent.futures

    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result()


async def signed_in(s: dict, name: str, password: str | None = None) -> client.Student:
    """A student logged in with their server ready."""
    st = client.Student(hub.url(s), name, password or sheet(s)[hub.accounts.normalize(name)][1])
    await st.login()
    await st.wait_ready(token(s))
    await st.open_lab("")  # JupyterLab's page: the OAuth round that gives the browser its cookie for the server
    return st
