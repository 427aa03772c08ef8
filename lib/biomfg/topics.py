"""Each view package imports all its modules itself, so a new topic module is one new file: nothing
to list in an __init__ (CONTRIBUTING.md, "Add a notebook")."""

from __future__ import annotations

import importlib
import pkgutil


def import_all(package: str, path) -> list[str]:
    """Import every module of a package (sorted by name, private ones too); return their names."""
    names = sorted(m.name for m in pkgutil.iter_modules(path))
    for name in names:
        importlib.import_module(f"{package}.{name}")
    return names
