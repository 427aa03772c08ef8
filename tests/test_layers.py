"""The library's layers point one way (CONTRIBUTING.md, "The map"): import-linter's layers contract in
pyproject.toml, run on the library as it is, and on a copy with one upward import, which it must reject."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LINT = Path(sys.executable).with_name("lint-imports")


def lint(root: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(root / "lib")}
    return subprocess.run([str(LINT), "--config", str(root / "pyproject.toml"), "--no-cache"], cwd=root, env=env,
                          capture_output=True, text=True, timeout=120)


def test_no_module_imports_a_layer_above_it():
    run = lint(ROOT)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    assert "1 kept, 0 broken" in run.stdout


def test_an_upward_import_breaks_the_contract(tmp_path):
    shutil.copytree(ROOT / "lib" / "biomfg", tmp_path / "lib" / "biomfg", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    model = tmp_path / "lib" / "biomfg" / "model" / "cases.py"
    model.write_text(model.read_text(encoding="utf-8") + "\nfrom ..prose import base  # noqa: E402,F401\n", encoding="utf-8")
    run = lint(tmp_path)
    assert run.returncode != 0
    assert "biomfg.model is not allowed to import biomfg.prose" in run.stdout, run.stdout[-3000:]
