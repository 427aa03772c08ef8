"""Binder: the environment builds as repo2docker builds it (binder/requirements.txt alone, then
postBuild in the repository), the library imports and a notebook runs; pins and Python match."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, run

BINDER = ROOT / "binder"
PIN = re.compile(r"^([A-Za-z0-9_.\-\[\]]+)==(\S+)\s*$")


def pins(path: Path) -> dict[str, str]:
    """name (normalised) -> version, for every `name==version` line; any other requirement fails."""
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        m = PIN.match(line)
        assert m, f"{path.name}: not an exact pin: {line!r} (Binder installs this file alone)"
        out[re.sub(r"[-_.]+", "-", m.group(1)).lower()] = m.group(2)
    return out


def test_binder_requirements_pin_exactly_what_requirements_txt_pins():
    binder, main = pins(BINDER / "requirements.txt"), pins(ROOT / "requirements.txt")
    assert binder == main, {k: (binder.get(k), main.get(k)) for k in set(binder) ^ set(main) | {
        k for k in set(binder) & set(main) if binder[k] != main[k]}}


def test_binder_runtime_is_the_python_of_the_tests():
    runtime = (BINDER / "runtime.txt").read_text(encoding="utf-8").strip()
    assert runtime == f"python-{sys.version_info.major}.{sys.version_info.minor}", runtime


def test_repo2docker_picks_that_python():
    exe = Path(sys.executable).parent / "jupyter-repo2docker"  # pinned in requirements.txt
    assert exe.exists(), "jupyter-repo2docker is missing from the environment; run make setup"
    res = run(exe, "--no-build", "--debug", ".", timeout=300)
    text = res.stdout + res.stderr
    want = (BINDER / "runtime.txt").read_text().strip().removeprefix("python-")
    assert re.search(rf"python={re.escape(want)}\b", text), text[-3000:]  # "conda environment for python=3.11"


@pytest.mark.slow
def test_binder_environment_builds_and_runs_a_notebook(tmp_path):
    # 1. a fresh venv from binder/requirements.txt alone (as repo2docker copies it before the repo)
    alone = tmp_path / "binder-only"
    alone.mkdir()
    shutil.copy(BINDER / "requirements.txt", alone / "requirements.txt")
    venv = tmp_path / "venv"
    base = getattr(sys, "_base_executable", sys.executable)
    t0 = time.monotonic()
    subprocess.run([base, "-m", "venv", str(venv)], check=True)
    py = venv / "bin" / "python"
    res = run(py, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-r", "requirements.txt",
              cwd=alone, timeout=1200)
    assert res.returncode == 0, res.stderr[-3000:]
    t_pip = time.monotonic() - t0
    # 2. postBuild in a copy of the working tree (a git clone would miss uncommitted files)
    repo = tmp_path / "repo"
    shutil.copytree(ROOT, repo, symlinks=True, ignore=shutil.ignore_patterns(
        ".venv", ".git", "reports", "__pycache__", ".pytest_cache", ".ruff_cache", "*.egg-info", ".work"))
    env = {"PATH": f"{venv / 'bin'}{os.pathsep}{os.environ['PATH']}", "VIRTUAL_ENV": str(venv),
           "PYTHONPATH": "", "JUPYTER_PATH": ""}
    res = run("bash", repo / "binder" / "postBuild", cwd=repo, env=env, timeout=600)
    assert res.returncode == 0, res.stdout[-2000:] + res.stderr[-3000:]
    t_post = time.monotonic() - t0 - t_pip
    assert (venv / "etc/jupyter/jupyter_server_config.d/biomfg-voila.json").exists()  # Voilà badge's template
    # 3. the library imports from the copy, the Voilà templates are findable, and a notebook executes
    check = f"""
import sys, biomfg, nbformat, jupyter_core.paths as jp
from pathlib import Path
assert Path(biomfg.__file__).resolve().is_relative_to(Path({str(repo)!r}).resolve()), biomfg.__file__
assert any((Path(d) / 'voila/templates/biomfg_present/conf.json').exists() for d in jp.jupyter_path()), jp.jupyter_path()
from biomfg.tools import notebooks
nb = nbformat.read(notebooks.NOTEBOOKS / '00_start_here.ipynb', as_version=4)
for c in nb.cells:
    c.pop('outputs', None) if c.cell_type != 'code' else c.update(outputs=[], execution_count=None)
nb = notebooks.execute(nb)
errors = [o for c in nb.cells for o in c.get('outputs', []) if o.get('output_type') == 'error']
charts = [o for c in nb.cells for o in c.get('outputs', []) if 'application/vnd.vegalite.v5+json' in o.get('data', {{}})]
assert not errors and charts, (errors, len(charts))
print('ok', len(charts))
"""
    res = run(py, "-c", check, cwd=repo, env=env, timeout=600)
    assert res.returncode == 0 and res.stdout.startswith("ok"), res.stdout[-2000:] + res.stderr[-3000:]
    print(f"Binder env: pip install {t_pip:.0f} s, postBuild {t_post:.0f} s, "
          f"import + notebook {time.monotonic() - t0 - t_pip - t_post:.0f} s")
