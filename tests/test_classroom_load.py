"""The load test in small: three students arriving at once on a class server of their own, every step a
student takes (sign in, server, lesson, Run All, a widget, an exercise), figures written, nothing left."""

from __future__ import annotations

import json
import pwd
import subprocess
import sys
from pathlib import Path

import psutil
import pytest
from classroom import need_root

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.timeout(900)


def test_three_students_arrive_at_once_and_all_reach_the_first_chart(tmp_path):
    need_root()
    out = tmp_path / "classroom.json"
    result = subprocess.run([sys.executable, "-m", "biomfg", "classroom", "load", "--students", "3", "--out", str(out)],
                            capture_output=True, text=True, cwd=ROOT, timeout=850)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    r = json.loads(out.read_text(encoding="utf-8"))
    assert r["students"] == 3 and r["failures"] == 0, r["failure_reasons"]
    for phase in ("signed_in", "server_ready", "lab_page", "kernel_open", "first_chart", "run_all_done",
                  "widget_changed", "exercise_checked"):
        assert r["phases_s"][phase]["n"] == 3, phase
    fc = r["login_to_first_chart_s"]
    assert 0 < fc["p50"] <= fc["p95"] <= fc["max"] < 300
    assert r["hub_api_s"]["n"] > 10 and r["hub_api_s"]["p95"] < 2
    assert r["peak_memory_per_student_mib"]["n"] == 3 and r["peak_memory_per_student_mib"]["p50"] > 50
    assert r["cpu_seconds_per_student"]["p50"] > 0.5
    assert "3 students in 60 s: 0 failed; login to first chart p50" in result.stdout
    # it stops by itself and leaves nothing behind: no account, no process, no state
    assert not [p.pw_name for p in pwd.getpwall() if p.pw_name.startswith("bml")]   # the load test's prefix
    left = [p.info for p in psutil.process_iter(["cmdline"]) if "biomfg-load-" in " ".join(p.info["cmdline"] or [])]
    assert not left, left
    assert not list(Path("/tmp").glob("biomfg-load-*"))
