"""Binder links for the README, derived from the repository's git remote once it is published on GitHub.

`python -m biomfg binder-links` prints the two badges (JupyterLab on the start page, Voilà on the live
briefing) for `origin`, to paste into the README; with no GitHub remote it says so and prints nothing
to paste, so the README never carries a link to a repository that does not exist.
"""

from __future__ import annotations

import re
import subprocess
import sys

from ..data import PACKAGE_ROOT

GITHUB = re.compile(r"^(?:https://github\.com/|git@github\.com:|ssh://git@github\.com/)"
                    r"(?P<slug>[A-Za-z0-9][A-Za-z0-9-]*/[A-Za-z0-9._-]+?)(?:\.git)?/?$")
BADGE = "https://mybinder.org/badge_logo.svg"
TARGETS = (("JupyterLab · 00_start_here", "lab/tree/notebooks/00_start_here.ipynb"),
           ("Voilà · live briefing", "voila/render/notebooks/present.ipynb"))


def slug(remote: str) -> str | None:
    m = GITHUB.match(remote.strip())
    return m["slug"] if m else None


def remote_url(name: str = "origin") -> str | None:
    r = subprocess.run(["git", "-C", str(PACKAGE_ROOT), "remote", "get-url", name], capture_output=True, text=True)
    return r.stdout.strip() if r.returncode == 0 else None


def badges(repo: str, ref: str = "HEAD") -> str:
    return "\n".join(f"[![Binder: {label.split(' · ')[0]}]({BADGE}) {label}](https://mybinder.org/v2/gh/{repo}/{ref}"
                     f"?urlpath={path})" for label, path in TARGETS)


def main(args=None) -> int:
    remote = remote_url()
    repo = slug(remote) if remote else None
    if not repo:
        print("No GitHub remote named origin"
              + (f" ({remote} is not on GitHub)" if remote else "")
              + ": Binder builds only public repositories, so there is no link to make yet. Publish the "
                "repository, add it as origin, and run this again.", file=sys.stderr)
        return 1
    print(badges(repo))
    return 0
