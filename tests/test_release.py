"""Releases: dated versions, the changelog, and `make release` run on a scratch copy of the repository:
it refuses a dirty tree, failing tests and an empty changelog, and otherwise writes the version in its one
place (and CITATION.cff), dates the changelog's section, moves the data version with the data, commits
and tags."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from biomfg.tools import release

ROOT = Path(__file__).resolve().parents[1]
TODAY = dt.date.today()


def scratch(tmp_path) -> Path:
    clone = tmp_path / "repo"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
    for key, value in (("user.name", "Release Test"), ("user.email", "release@example.invalid")):
        subprocess.run(["git", "-C", str(clone), "config", key, value], check=True)
    return clone


# one briefing refreshed, not all: enough to see the new version reach the stored outputs, in seconds
OVERVIEW = "notebooks/briefings/overview.ipynb"
REFRESH = f"{sys.executable} -m biomfg outputs {OVERVIEW}"


def cut(clone: Path, tests: str = "true", outputs: str = REFRESH) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(clone / "lib")}
    return subprocess.run([sys.executable, "-m", "biomfg", "release", "--tests", tests, "--outputs", outputs],
                          cwd=clone, env=env, capture_output=True, text=True, timeout=300)


def git(clone: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(clone), *args], capture_output=True, text=True, check=True).stdout.strip()


def test_versions_are_dated_and_count_up_within_a_month():
    assert release.next_version(dt.date(2026, 12, 6), []) == "2026.12.0"
    assert release.next_version(dt.date(2026, 12, 20), ["v2026.12.0", "v2026.11.3"]) == "2026.12.1"
    assert release.next_version(dt.date(2027, 1, 5), ["v2026.12.0", "v2026.12.1"]) == "2027.1.0"
    assert release.next_version(dt.date(2026, 12, 6), ["v2026.12.9", "v2026.12.10"]) == "2026.12.11"


def test_a_release_on_a_scratch_copy_writes_the_version_changelog_and_tag(tmp_path):
    clone = scratch(tmp_path)
    r = cut(clone)
    assert r.returncode == 0, r.stderr
    version = f"{TODAY.year}.{TODAY.month}.0"
    assert f"committed and tagged v{version}" in r.stdout
    assert git(clone, "tag", "--list", "v*") == f"v{version}"
    assert git(clone, "log", "-1", "--format=%s") == f"Release {version}"
    assert git(clone, "status", "--porcelain") == ""
    # the one place, and what is derived from it
    assert f'__version__ = "{version}"' in (clone / "lib/biomfg/__init__.py").read_text(encoding="utf-8")
    cff = (clone / "CITATION.cff").read_text(encoding="utf-8")
    assert f'version: "{version}"' in cff and f'date-released: "{TODAY.isoformat()}"' in cff
    changelog = (clone / "CHANGELOG.md").read_text(encoding="utf-8")
    assert re.search(rf"^## \[Unreleased\]\n\n## \[{re.escape(version)}\] - {TODAY.isoformat()}\n\n### Added\n- ",
                     changelog, re.M)
    message = git(clone, "tag", "-l", "--format=%(contents)", f"v{version}")
    assert message.startswith(f"Release {version}") and "### Added" in message
    # the first release: the data version moves with it
    assert json.loads((clone / "data/datapackage.json").read_text(encoding="utf-8"))["version"] == version
    # and the stored outputs say so (nbval compares them): the briefing's colophon, in the release commit
    stored = (clone / OVERVIEW).read_text(encoding="utf-8")
    assert f"version {version}; data version {version}" in stored and "version 0.1.0" not in stored
    assert OVERVIEW in git(clone, "show", "--name-only", "--format=", "HEAD").splitlines()

    # a second release the same month, with a change noted but data/ untouched: N counts up, data keeps its version
    text = (clone / "CHANGELOG.md").read_text(encoding="utf-8").replace(
        "## [Unreleased]\n", "## [Unreleased]\n\n### Fixed\n- A typo in a lesson.\n", 1)
    (clone / "CHANGELOG.md").write_text(text, encoding="utf-8")
    git(clone, "commit", "-qam", "Note a fix")
    r = cut(clone)
    assert r.returncode == 0, r.stderr
    second = f"{TODAY.year}.{TODAY.month}.1"
    assert git(clone, "describe", "--tags") == f"v{second}"
    assert json.loads((clone / "data/datapackage.json").read_text(encoding="utf-8"))["version"] == version
    assert "data/ is unchanged, so the data package keeps its version" in r.stdout


@pytest.mark.parametrize("spoil, tests, message", [
    ("dirty", "true", "release: the working tree has uncommitted changes; commit or stash them first"),
    (None, "false", "release: the tests failed (false); nothing was changed"),
    ("empty", "true", "release: CHANGELOG.md: the Unreleased section lists no change"),
    ("outputs", "true", "release: refreshing the stored outputs failed (false); nothing was changed"),
])
def test_a_release_refuses_and_changes_nothing(tmp_path, spoil, tests, message):
    clone = scratch(tmp_path)
    if spoil == "dirty":
        (clone / "notes.txt").write_text("work in progress")
    if spoil == "empty":
        text = (clone / "CHANGELOG.md").read_text(encoding="utf-8")
        head, rest = text.split("## [Unreleased]", 1)
        (clone / "CHANGELOG.md").write_text(head + "## [Unreleased]\n", encoding="utf-8")
        git(clone, "commit", "-qam", "Empty the changelog")
    before = git(clone, "rev-parse", "HEAD")
    r = cut(clone, tests, "false" if spoil == "outputs" else REFRESH)
    assert r.returncode == 1
    assert r.stderr.strip().splitlines() == [message] or r.stderr.strip().startswith(message), r.stderr
    assert git(clone, "rev-parse", "HEAD") == before and git(clone, "tag", "--list") == ""
    assert git(clone, "status", "--porcelain") in ("", "?? notes.txt")
