"""Cut a release: `make release` (= python -m biomfg release).

Versions are dated, YEAR.MONTH.N (2026.12.0 is the first release of December 2026, 2026.12.1 the next):
a teacher or a reader sees at once how recent an edition is, and the numbers sort and stay valid PEP 440
versions (no leading zeros). One place holds the version, `biomfg.__version__` in lib/biomfg/__init__.py;
pyproject.toml reads it from there, and the release writes the same number into CITATION.cff. The data
package's version (data/datapackage.json) moves with the data: a release whose data/ changed since the
previous release gives it the release's number and date; otherwise it keeps the version it had.

The steps, each stopping the release with a one-line reason if it fails, nothing written before the
tests pass: the working tree is clean; the tests pass (`make test`, or the command in RELEASE_TESTS);
then the version is written, the changelog's Unreleased section becomes the release's section (Keep a
Changelog 1.1.0), the notebooks' stored outputs are refreshed (they say the versions: a briefing's header
and colophon, the data under every chart; `python -m biomfg outputs`, or RELEASE_OUTPUTS; if that fails
every file is put back as it was), and the release is committed and tagged vYEAR.MONTH.N with that
section as message.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

from ..data import PACKAGE_ROOT

INIT = Path("lib/biomfg/__init__.py")
CITATION = Path("CITATION.cff")
CHANGELOG = Path("CHANGELOG.md")
DATAPACKAGE = Path("data/datapackage.json")
VERSION_LINE = re.compile(r'^__version__ = "([^"]+)"', re.M)
UNRELEASED = "## [Unreleased]"


class ReleaseError(RuntimeError):
    """The release cannot go on: one line saying why and what to do."""


def git(root: Path, *args: str, check: bool = True) -> str:
    r = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True)
    if check and r.returncode != 0:
        raise ReleaseError(f"git {' '.join(args)}: {r.stderr.strip() or 'failed'}")
    return r.stdout.strip()


def current_version(root: Path) -> str:
    m = VERSION_LINE.search((root / INIT).read_text(encoding="utf-8"))
    if not m:
        raise ReleaseError(f"{INIT}: no line __version__ = \"...\"")
    return m[1]


def tags(root: Path) -> list[str]:
    return [t for t in git(root, "tag", "--list", "v*").splitlines() if t]


def next_version(today: dt.date, existing: list[str]) -> str:
    """YEAR.MONTH.N, N one more than the last release of that month (0 for the first)."""
    prefix = f"{today.year}.{today.month}."
    numbers = [int(t[len(prefix) + 1:]) for t in existing
               if t.startswith("v" + prefix) and t[len(prefix) + 1:].isdigit()]
    return f"{prefix}{max(numbers) + 1 if numbers else 0}"


def changelog_section(text: str, version: str, date: str) -> tuple[str, str]:
    """The changelog with Unreleased turned into the release's section, and that section's entries."""
    if UNRELEASED not in text:
        raise ReleaseError(f"{CHANGELOG}: no '{UNRELEASED}' section to release")
    head, rest = text.split(UNRELEASED, 1)
    nxt = re.search(r"^## \[", rest, re.M)
    entries, tail = (rest[:nxt.start()], rest[nxt.start():]) if nxt else (rest, "")
    if not re.search(r"^\s*[-*] \S", entries, re.M):
        raise ReleaseError(f"{CHANGELOG}: the Unreleased section lists no change; write what this release changes first")
    new = f"{head}{UNRELEASED}\n\n## [{version}] - {date}{entries.rstrip()}\n\n{tail}".rstrip() + "\n"
    return new, entries.strip()


def data_changed(root: Path, since: str | None) -> bool:
    if since is None:
        return True
    return bool(git(root, "diff", "--name-only", since, "HEAD", "--", "data/"))


def release(root: Path = PACKAGE_ROOT, *, today: dt.date | None = None, tests: str | None = None,
            outputs: str | None = None, out=sys.stdout) -> str:
    """Cut the release in the repository at `root`; returns the version."""
    today = today or dt.date.today()
    if git(root, "status", "--porcelain", "--untracked-files=normal"):
        raise ReleaseError("the working tree has uncommitted changes; commit or stash them first (git status)")
    existing = tags(root)
    version = next_version(today, existing)
    if f"v{version}" in existing:
        raise ReleaseError(f"tag v{version} exists already")
    date = today.isoformat()
    # everything is worked out before anything is written: a refusal leaves the tree as it was
    changelog, entries = changelog_section((root / CHANGELOG).read_text(encoding="utf-8"), version, date)
    command = tests if tests is not None else os.environ.get("RELEASE_TESTS", "make test")
    print(f"release {version}: running the tests ({command}) ...", file=out, flush=True)
    if subprocess.run(shlex.split(command), cwd=root).returncode != 0:
        raise ReleaseError(f"the tests failed ({command}); nothing was changed")
    last = max(existing, key=lambda t: [int(x) for x in re.findall(r"\d+", t)], default=None)

    init = (root / INIT).read_text(encoding="utf-8")
    (root / INIT).write_text(VERSION_LINE.sub(f'__version__ = "{version}"', init, count=1), encoding="utf-8")
    cff = (root / CITATION).read_text(encoding="utf-8")
    cff = re.sub(r'^version: .*$', f'version: "{version}"', cff, count=1, flags=re.M)
    cff = re.sub(r'^date-released: .*$', f'date-released: "{date}"', cff, count=1, flags=re.M)
    (root / CITATION).write_text(cff, encoding="utf-8")
    (root / CHANGELOG).write_text(changelog, encoding="utf-8")
    moved = data_changed(root, last)
    if moved:
        pkg = json.loads((root / DATAPACKAGE).read_text(encoding="utf-8"))
        pkg["version"], pkg["created"] = version, f"{date}T00:00:00Z"
        (root / DATAPACKAGE).write_text(json.dumps(pkg, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    refresh = outputs if outputs is not None else os.environ.get("RELEASE_OUTPUTS", f"{sys.executable} -m biomfg outputs")
    print(f"release {version}: refreshing the stored outputs ({refresh}) ...", file=out, flush=True)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (str(root / "lib"), os.environ.get("PYTHONPATH")) if p)}
    if subprocess.run(shlex.split(refresh), cwd=root, env=env).returncode != 0:
        git(root, "checkout", "--", ".")  # the versions written are taken back: the tree is as it was
        raise ReleaseError(f"refreshing the stored outputs failed ({refresh}); nothing was changed")
    git(root, "add", str(INIT), str(CITATION), str(CHANGELOG), str(DATAPACKAGE), "notebooks")
    git(root, "commit", "-q", "-m", f"Release {version}")
    git(root, "tag", "-a", "--cleanup=verbatim", f"v{version}", "-m", f"Release {version}\n\n{entries}")
    print(f"release {version}: committed and tagged v{version}"
          + (f"; data/ changed since {last or 'the start'}, so the data package is version {version} too"
             if moved else "; data/ is unchanged, so the data package keeps its version"), file=out)
    print(f"publish it with: git push && git push origin v{version}", file=out)
    return version


def main(args) -> int:
    try:
        release(tests=args.tests, outputs=getattr(args, "outputs", None))
    except ReleaseError as exc:
        print(f"release: {exc}", file=sys.stderr)
        return 1
    return 0
