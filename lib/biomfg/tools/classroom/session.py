"""A student's own copy of the lessons: restored before their server starts, reset on request.

Run as the student, by the spawner, as a script (no `biomfg` import: it would load the chart library
on every server start):  python session.py start -- jupyterhub.singleuser ARGS...
Copies every lesson of the class's originals that is missing from ~/notebooks, trusts the copies
(JupyterLab keeps the styling of a trusted notebook's stored outputs), then runs the server module in
this process. Its CPU time is what a class arriving at once waits for, so the one costly import that
does no work here, rfc3987_syntax's grammar (about 1.3 s of 5 s), is deferred first (biomfg.fastimport).

A student resets one lesson to the original from a JupyterLab terminal with `biomfg reset 01`; the
copy is kept in ~/notebooks/before-reset/ if they had changed a cell.
"""

from __future__ import annotations

import importlib.util
import os
import runpy
import shutil
import sys
import time
from pathlib import Path

ORIGINALS_ENV = "BIOMFG_ORIGINALS"


def defer_slow_imports() -> None:
    spec = importlib.util.spec_from_file_location("biomfg_fastimport", Path(__file__).parents[2] / "fastimport.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.defer()


def originals() -> Path:
    folder = os.environ.get(ORIGINALS_ENV)
    if not folder or not Path(folder).is_dir():
        raise SystemExit(f"{ORIGINALS_ENV}: not set to the class's originals folder; this command runs on the class "
                         f"server (make classroom), in a JupyterLab terminal")
    return Path(folder)


def lessons_dir() -> Path:
    return Path.home() / "notebooks"


def trust(paths: list[Path]) -> None:
    if not paths:
        return
    import nbformat
    from nbformat.sign import NotebookNotary

    notary = NotebookNotary()
    for path in paths:
        notary.sign(nbformat.read(path, as_version=4))


def restore_missing(source: Path, dest: Path) -> list[Path]:
    """Copy each original the student does not have; never touch a copy they have."""
    dest.mkdir(parents=True, exist_ok=True)
    copied = []
    for original in sorted(source.glob("*.ipynb")):
        target = dest / original.name
        if not target.exists():
            shutil.copyfile(original, target)
            copied.append(target)
    trust(copied)
    return copied


def match(name: str, source: Path) -> Path:
    """'01', '01_three_barriers' or '01_three_barriers.ipynb' -> the original; else the valid choices."""
    names = sorted(p.name for p in source.glob("*.ipynb"))
    stem = name.removesuffix(".ipynb")
    found = [n for n in names if n.removesuffix(".ipynb") == stem or n.split("_", 1)[0] == stem]
    if len(found) != 1:
        raise SystemExit(f"reset {name!r}: no such lesson; valid choices: "
                         + ", ".join(n.removesuffix(".ipynb") for n in names))
    return source / found[0]


def sources(path: Path) -> list[tuple[str, str]] | None:
    """A notebook's cells as the student wrote them (type and source; outputs left out), or None if unreadable."""
    import json

    try:
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        return [(c["cell_type"], "".join(c["source"]) if isinstance(c["source"], list) else c["source"]) for c in cells]
    except (OSError, ValueError, KeyError, TypeError):
        return None


def reset(name: str, source: Path | None = None, dest: Path | None = None) -> Path:
    """Put the original of one lesson back. The student's copy is kept in before-reset/ with the time when
    they changed a cell; one they only opened or ran (JupyterLab saves the pictures of its charts into an
    opened notebook) differs from the original in its outputs only, and is not kept."""
    source = source or originals()
    dest = dest or lessons_dir()
    original = match(name, source)
    target = dest / original.name
    if target.exists() and sources(target) != sources(original):
        keep = dest / "before-reset"
        keep.mkdir(exist_ok=True)
        shutil.move(target, keep / f"{target.stem}.{time.strftime('%Y%m%d-%H%M%S')}.ipynb")
    shutil.copyfile(original, target)
    trust([target])
    return target


def main(argv: list[str]) -> int:
    if argv[:1] == ["start"] and "--" in argv:
        defer_slow_imports()
        restore_missing(originals(), lessons_dir())
        module, *args = argv[argv.index("--") + 1:]
        sys.argv = [module, *args]
        runpy.run_module(module, run_name="__main__", alter_sys=True)
        return 0
    if argv[:1] == ["reset"] and len(argv) == 2:
        path = reset(argv[1])
        print(f"{path.name}: back to the original (a copy you had changed is in notebooks/before-reset/) · 已恢复为原始版本"
              f"（改动过的副本保存在 notebooks/before-reset/）")
        return 0
    print("usage: session.py start -- SERVER ARGS... | session.py reset LESSON", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
