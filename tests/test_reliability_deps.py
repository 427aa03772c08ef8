"""Issue 9, dependencies: `pip check` is clean in the built environment. (An unpinned line in
requirements.txt fails tests/test_make.py::test_requirements_are_exact_pins.)"""

from __future__ import annotations

from conftest import PY, run


def test_pip_check_is_clean():
    result = run(PY, "-m", "pip", "check", "--disable-pip-version-check", timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
