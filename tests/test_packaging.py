"""A plain `pip install .` (not editable) carries every file the library reads at run time:
the nbconvert template and the Voilà templates with their vendored static files."""

from __future__ import annotations

import shutil
import subprocess
import zipfile

from conftest import PY, ROOT


def test_the_wheel_holds_every_non_python_file_of_the_library(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, src / name)
    shutil.copytree(ROOT / "lib", src / "lib", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    subprocess.run([PY, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", ".", "-w", str(tmp_path / "dist")],
                   cwd=src, check=True, capture_output=True)
    (wheel,) = (tmp_path / "dist").glob("biomfg-*.whl")
    inside = set(zipfile.ZipFile(wheel).namelist())
    lib = ROOT / "lib"
    wanted = {p.relative_to(lib).as_posix() for p in (lib / "biomfg").rglob("*")
              if p.is_file() and "__pycache__" not in p.parts}
    assert any(w.startswith("biomfg/jupyter/voila/templates/") for w in wanted)  # the check sees the templates
    assert wanted - inside == set()
