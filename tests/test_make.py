"""The README's commands: `make lab` serves JupyterLab; the Makefile and CI script stay wired up."""

from __future__ import annotations

import re
import subprocess

import pytest

from conftest import PY, ROOT
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


def test_readme_layout_names_every_target_folder_and_module():
    """The README stays true: its layout lists every make target, top-level folder and library module."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    layout = readme.split("### Layout", 1)[1].split("```")[1]
    targets = re.findall(r"^([a-z]+):", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M)
    assert {"lab", "test", "reports", "present", "bench"} <= set(targets)
    assert [x for x in targets if not re.search(rf"\b{x}\b", layout.split("Makefile", 1)[1].splitlines()[0])] == []
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    folders = {p.split("/")[0] for p in tracked if "/" in p and not p.startswith(".")}
    assert [f for f in sorted(folders) if f"\n{f}/" not in "\n" + layout] == []
    lib = ROOT / "lib" / "biomfg"
    modules = {p.stem for p in lib.glob("*.py") if not p.stem.startswith("_")} | {p.name for p in lib.iterdir() if p.is_dir()
                                                                              and p.name != "__pycache__"}
    described = layout.split("lib/biomfg/", 1)[1].split("notebooks/", 1)[0]
    assert [m for m in sorted(modules) if not re.search(rf"\b{m}\b", described)
            and not (m.startswith("prose") and "prose*" in described)] == []


def test_kernels_started_by_our_tools_are_encrypted_and_print_no_warning(tmp_path):
    """make outputs / reports / bench start kernels with CurveZMQ keys: ipykernel's 'running over TCP
    without encryption' warning would otherwise land in every progress bar."""
    code = ("import nbformat\nfrom nbformat.v4 import new_code_cell, new_notebook\nfrom biomfg.tools import notebooks\n"
            "nb = new_notebook(cells=[new_code_cell('import ipykernel.kernelapp as k\\n"
            "print(k.IPKernelApp.instance().curve_secretkey is not None)')])\n"
            "nb.metadata['kernelspec'] = {'name': 'python3', 'display_name': 'Python 3', 'language': 'python'}\n"
            "notebooks.execute(nb, cwd=notebooks.NOTEBOOKS)\nprint(nb.cells[0].outputs[0]['text'].strip())\n")
    result = subprocess.run([PY, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().splitlines()[-1] == "True"  # the kernel holds a Curve secret key
    assert "without encryption" not in result.stderr


def test_make_lab_kernel_runs_code_with_encrypted_sockets(tmp_path):
    """A kernel started by `make lab` (KERNEL_ARGS: Curve keys) executes code sent from the browser side."""
    import asyncio
    import concurrent.futures
    import json
    import urllib.request
    import uuid

    from tornado.websocket import websocket_connect

    p, token = port(), "make-lab-kernel"
    log = tmp_path / "lab.log"
    args = ["make", "lab", f"PORT={p}", f"LAB_ARGS=--no-browser --IdentityProvider.token={token}"]
    with server(args, cwd=ROOT, log=log):
        wait_http(f"http://127.0.0.1:{p}/api/status?token={token}", timeout=120)
        req = urllib.request.Request(f"http://127.0.0.1:{p}/api/kernels?token={token}", data=b'{"name": "python3"}',
                                     method="POST", headers={"Content-Type": "application/json"})
        kernel = json.load(urllib.request.urlopen(req, timeout=30))["id"]

        async def run_code() -> str:
            ws = await websocket_connect(f"ws://127.0.0.1:{p}/api/kernels/{kernel}/channels?token={token}")
            msg_id = uuid.uuid4().hex
            await ws.write_message(json.dumps({
                "header": {"msg_id": msg_id, "msg_type": "execute_request", "username": "t", "session": uuid.uuid4().hex,
                           "version": "5.3", "date": ""},
                "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
                "content": {"code": "print(6 * 7)", "silent": False, "store_history": False, "user_expressions": {},
                            "allow_stdin": False}}))
            while True:
                msg = json.loads(await asyncio.wait_for(ws.read_message(), timeout=60))
                if msg.get("parent_header", {}).get("msg_id") == msg_id and msg["msg_type"] == "stream":
                    ws.close()
                    return msg["content"]["text"]

        # a thread of its own: an earlier test in this worker may have left an event loop running here
        with concurrent.futures.ThreadPoolExecutor(1) as pool:
            assert pool.submit(asyncio.run, run_code()).result(timeout=120).strip() == "42"
    assert "without encryption" not in log.read_text(encoding="utf-8")
