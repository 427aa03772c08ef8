"""Helpers for the issue-9 reliability tests: a loopback-only network namespace, hostile strings."""

from __future__ import annotations

import csv
import functools
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

# `unshare -n` gives a namespace whose loopback is DOWN; Jupyter kernels talk over 127.0.0.1.
NETNS = ["unshare", "-n", "sh", "-c", 'ip link set lo up && exec "$@"', "sh"]


@functools.cache
def _netns_problem() -> str | None:
    """None if a loopback-only namespace works here, else the reason it does not."""
    if not shutil.which("unshare") or not shutil.which("ip"):
        return "unshare or ip (iproute2) is not installed (apt-get install util-linux iproute2)"
    probe = subprocess.run([*NETNS, "ip", "-o", "link", "show", "up"], capture_output=True, text=True)
    if probe.returncode != 0:
        return f"`unshare -n` failed: {probe.stderr.strip()[:200]} (needs root or user namespaces)"
    if [line.split(":")[1].strip() for line in probe.stdout.splitlines()] != ["lo"]:
        return f"the namespace has more than loopback up: {probe.stdout!r}"
    return None


def netns(optional: bool = False) -> list[str]:
    """Command prefix running a command with only loopback. If unavailable: skip with the reason
    (or return [] when `optional`); with REQUIRE_BROWSER=1 (CI) as root, fail instead."""
    problem = _netns_problem()
    if problem is None:
        return list(NETNS)
    if os.environ.get("REQUIRE_BROWSER") == "1" and os.geteuid() == 0:
        pytest.fail(f"{problem}, and REQUIRE_BROWSER=1 as root")
    if optional:
        return []
    pytest.skip(problem)


# --- hostile strings ------------------------------------------------------------------------------

# Each would run script (sets window.__pwned) or turn into markup if any place rendered it unescaped.
PAYLOADS = [
    '<img src=x onerror="window.__pwned=1">',
    "<script>window.__pwned=2</script>",
    '"><svg onload="window.__pwned=3">',
    "$$\\pwned$$ [x](javascript:window.__pwned=4) **bold** `code`",
]
LONG_NAME = "长" * 5_000 + "L" * 5_000  # a 10,000-character name
# user-facing text columns: names, titles, roles, definitions, descriptions, quotes, notes, glossary terms
TEXT_COLUMN = re.compile(r"(name|short|role|definition|direction|progress|success|operator|funding|country|"
                         r"evidence|detail|description|summary|actions)_(zh|en)$|quote$|note$")


def hostile_data(dest: Path, source: Path) -> dict[str, int]:
    """Copy data/ to dest with a payload prefixed to every user-facing text cell (rotating over
    PAYLOADS by row). Returns {table: cells changed}."""
    shutil.copytree(source, dest, ignore=shutil.ignore_patterns("staging"))
    changed = {}
    for path in sorted(dest.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh))
        header, n = rows[0], 0
        cols = [i for i, c in enumerate(header) if TEXT_COLUMN.match(c)]
        for r, row in enumerate(rows[1:]):
            for i in cols:
                if row[i]:
                    row[i] = f"{PAYLOADS[(r + i) % len(PAYLOADS)]} {row[i]}"
                    n += 1
        with path.open("w", encoding="utf-8", newline="") as fh:
            csv.writer(fh, lineterminator="\n").writerows(rows)
        changed[path.stem] = n
    return changed
