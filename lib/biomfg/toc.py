"""The collection as data: notebooks/toc.yml read once (lessons, reference, briefings, pages)."""

from __future__ import annotations

import functools
from pathlib import Path

from .data import PACKAGE_ROOT, DataError

NOTEBOOKS = PACKAGE_ROOT / "notebooks"
TOC = NOTEBOOKS / "toc.yml"
SECTIONS = ("lessons", "reference", "briefings", "pages")


@functools.cache
def _read(path: Path) -> dict:
    import yaml

    try:
        toc = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, yaml.YAMLError) as exc:
        raise DataError(f"{path.name}: cannot be read ({str(exc).splitlines()[0]})") from None
    for section in SECTIONS:
        for i, entry in enumerate(toc.get(section) or [], 1):
            if not isinstance(entry, dict) or "file" not in entry:
                raise DataError(f"{path.name}: {section} entry {i} has no file")
    return toc


def toc() -> dict:
    return _read(TOC)


def lessons() -> list[dict]:
    """The lessons in reading order: file, topic, title {zh, en}, summary {zh, en} (may be absent), cases."""
    return [{"cases": [], **e} for e in toc()["lessons"]]


def reference() -> list[dict]:
    """The notebooks a reader consults (the glossary): file, topic, title {zh, en}, summary {zh, en}. Not
    lessons: no place in the reading order, no cases."""
    return list(toc().get("reference") or [])


def briefings() -> list[dict]:
    return list(toc()["briefings"])


def files() -> list[str]:
    """Every notebook the collection lists, relative to notebooks/."""
    return [e["file"] for section in SECTIONS for e in toc().get(section) or []]


def own_notebook_cases() -> tuple[str, ...]:
    """The regional cases with a lesson of their own (a lesson that covers exactly one case)."""
    return tuple(e["cases"][0] for e in lessons() if len(e["cases"]) == 1)
