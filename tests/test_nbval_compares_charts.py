"""nbval really compares chart content: one changed value in a stored chart makes it fail."""

from __future__ import annotations

import json
import shutil

from conftest import NOTEBOOKS, PY, ROOT, run

MIME = "application/vnd.vegalite.v5+json"


def _nbval(folder):
    return run(PY, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--nbval", "--nbval-current-env",
               "--nbval-sanitize-with", ROOT / "tests" / "nbval_sanitize.cfg", folder / "00_start_here.ipynb",
               cwd=folder, timeout=300)


def test_changed_chart_value_fails_nbval(tmp_path):
    shutil.copy(NOTEBOOKS / "00_start_here.ipynb", tmp_path)
    path = tmp_path / "00_start_here.ipynb"
    nb = json.loads(path.read_text(encoding="utf-8"))
    spec = next(o["data"][MIME] for c in nb["cells"] for o in c.get("outputs", []) if MIME in o.get("data", {}))
    rows = next(iter(spec["datasets"].values()))
    assert any(r.get("founded") == 2016 for r in rows)
    row = next(r for r in rows if r.get("founded") == 2016)
    row["founded"] = 2015  # one digit of one stored chart datum
    path.write_text(json.dumps(nb, ensure_ascii=False, indent=1), encoding="utf-8")

    result = _nbval(tmp_path)
    assert result.returncode == 1, result.stdout[-3000:]
    assert "1 failed" in result.stdout
    assert MIME in result.stdout or "founded" in result.stdout


def test_unchanged_copy_passes_nbval(tmp_path):
    shutil.copy(NOTEBOOKS / "00_start_here.ipynb", tmp_path)
    result = _nbval(tmp_path)
    assert result.returncode == 0, result.stdout[-3000:]
