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


KERNEL_IDLE = "window.jupyterapp?.shell?.currentWidget?.sessionContext?.session?.kernel?.status === 'idle'"
# every non-empty code cell has an execution count and the kernel is idle again
ALL_RUN = """(() => {
  const panel = window.jupyterapp?.shell?.currentWidget;
  const kernel = panel?.sessionContext?.session?.kernel;
  if (!panel?.content?.model || !kernel || kernel.status !== 'idle') return false;
  const cells = panel.content.model.cells;
  for (let i = 0; i < cells.length; i++) {
    const c = cells.get(i);
    if (c.type === 'code' && c.sharedModel.source.trim() && !c.executionCount) return false;
  }
  return true;
})()"""
# Run All has finished: every cell ran, or one failed (Lab then stops) and the kernel is idle again.
RUN_FINISHED = """(() => {
  const panel = window.jupyterapp?.shell?.currentWidget;
  const kernel = panel?.sessionContext?.session?.kernel;
  if (!panel?.content?.model || !kernel || kernel.status !== 'idle') return false;
  if (panel.node.querySelector('.jp-InputPrompt')?.textContent.includes('*')) return false;
  const cells = panel.content.model.cells;
  let pending = false;
  for (let i = 0; i < cells.length; i++) {
    const c = cells.get(i);
    if (c.type !== 'code') continue;
    for (let j = 0; j < c.outputs.length; j++) if (c.outputs.get(j).type === 'error') return true;
    if (c.sharedModel.source.trim() && !c.executionCount) pending = true;
  }
  return !pending;
})()"""
LAB_TOKEN = "biomfg-test-token"


@contextlib.contextmanager
def lab(work: Path, tmp: Path):
    """JupyterLab on loopback serving `work` (a copy of notebooks/), with the app exposed to the page
    and every cell rendered (no windowing), so what is off screen can be checked too. Yields its URL."""
    p = port()
    args = [str(BIN / "jupyter"), "lab", "--no-browser", f"--port={p}", "--ServerApp.ip=127.0.0.1",
            f"--IdentityProvider.token={LAB_TOKEN}", f"--ServerApp.root_dir={work}",
            "--LabApp.expose_app_in_browser=True", "--ServerApp.open_browser=False", "--allow-root",
            "--LabApp.extension_manager=readonly", "--KernelManager.transport_encryption=auto"]
    settings = tmp / "settings" / "@jupyterlab" / "notebook-extension"
    settings.mkdir(parents=True, exist_ok=True)
    (settings / "tracker.jupyterlab-settings").write_text('{"windowingMode": "none"}')
    env = {"JUPYTERLAB_SETTINGS_DIR": str(tmp / "settings"), "JUPYTERLAB_WORKSPACES_DIR": str(tmp / "workspaces")}
    # as `make lab` does: trusted, so the stored outputs keep their styles
    import subprocess

    subprocess.run([str(BIN / "jupyter"), "trust", "--log-level=WARN", *map(str, sorted(work.glob("*.ipynb")))],
                   check=True, capture_output=True)
    with server(args, cwd=work, env=env, log=tmp / "lab.log"):
        wait_http(f"http://127.0.0.1:{p}/api/status?token={LAB_TOKEN}")
        yield f"http://127.0.0.1:{p}"


@contextlib.contextmanager
def make_present(log: Path, extra: list[str] = ()):
    """`make present` on a free loopback port, as a presenter runs it; yields its base URL."""
    p = port()
    with server(["make", "present", f"PORT={p}", *extra], log=log):
        wait_http(f"http://127.0.0.1:{p}/voila/static/voila.js", timeout=120)
        yield f"http://127.0.0.1:{p}"
