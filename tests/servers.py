"""Start a Jupyter server (Lab or Voilà) on loopback for a test, and always stop it."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import time
import urllib.request
from pathlib import Path

from conftest import ROOT, free_port

BIN = Path(os.environ.get("VIRTUAL_ENV", ROOT / ".venv")) / "bin"
JUPYTER_PATH = ROOT / "lib" / "biomfg" / "jupyter"


def wait_http(url: str, timeout: float = 90) -> int:
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as resp:
                return resp.status
        except Exception as exc:  # not up yet
            last = exc
            time.sleep(0.5)
    raise TimeoutError(f"{url} did not answer in {timeout:.0f} s ({last})")


@contextlib.contextmanager
def server(args: list[str], cwd: Path = ROOT, env: dict | None = None, log: Path | None = None):
    """Run `args` in its own process group; yield the process; kill the group on exit."""
    out = open(log, "w") if log else subprocess.DEVNULL  # noqa: SIM115
    proc = subprocess.Popen(args, cwd=cwd, env={**os.environ, **(env or {})}, stdout=out,
                            stderr=subprocess.STDOUT, start_new_session=True)
    try:
        yield proc
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        if log:
            out.close()


def port() -> int:
    return free_port()
