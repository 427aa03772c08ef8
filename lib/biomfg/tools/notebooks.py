"""Execute notebooks deterministically: for `make outputs`, the tests, the bench and the reports."""

from __future__ import annotations

import functools
import time
from pathlib import Path

import nbformat

from .. import toc
from ..data import PACKAGE_ROOT
from . import files

NOTEBOOKS = PACKAGE_ROOT / "notebooks"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def collection() -> list[Path]:
    """The collection's notebooks in teaching order."""
    return sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))


def reference() -> list[Path]:
    """The notebooks a reader consults rather than reads in order (the glossary), as notebooks/toc.yml lists
    them under `reference`: stored with outputs and checked like the lessons where a check applies to them
    (both languages, the parameter, no typed figures, stored outputs), not as lessons (no skeleton)."""
    return [NOTEBOOKS / e["file"] for e in toc.reference()]


def briefings() -> list[Path]:
    """The parameterised briefing notebooks behind the static reports."""
    return sorted((NOTEBOOKS / "briefings").glob("*.ipynb"))


def stored() -> list[Path]:
    """Every notebook stored with outputs (lessons, reference, briefings and the live start page)."""
    return collection() + reference() + briefings() + [NOTEBOOKS / "present.ipynb"]


def stabilise(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Make stored outputs byte-stable and readable when reopened: widget views and the saved widget
    state go (their model ids are random per run, and no model exists until the kernel runs), each
    explorer's static view stays; the id of the cell papermill injects is fixed."""
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        cell.get("metadata", {}).pop("execution", None)
        if "injected-parameters" in cell.get("metadata", {}).get("tags", []):
            cell["id"] = "injected-parameters"  # papermill gives the cell it adds a random id
        for out in cell.get("outputs", []):
            # A stored widget view points at a model that exists only while its kernel runs: reopened,
            # JupyterLab shows "Loading widget..." for ever. Stored, an explorer keeps its static view
            # (text/html, beside it in the bundle); Run All brings the live widget back.
            out.get("data", {}).pop(WIDGET_VIEW, None)
    return nb


@functools.cache
def kernel_manager_class():
    """The kernel manager for every kernel the collection's own tools start (make outputs, make reports,
    the bench): it gives the kernel CurveZMQ keys when pyzmq supports them, so the sockets are encrypted
    and ipykernel does not print its 'running over TCP without encryption' warning into the progress
    output. Without Curve support it is jupyter_client's default manager."""
    import zmq
    from jupyter_client.manager import AsyncKernelManager

    if not zmq.has("curve"):
        return AsyncKernelManager

    class CurveKernelManager(AsyncKernelManager):
        def __init__(self, **kwargs):
            kwargs.setdefault("transport_encryption", "auto")  # used when the kernelspec declares support
            super().__init__(**kwargs)

    return CurveKernelManager


def execute(nb: nbformat.NotebookNode, cwd: Path = NOTEBOOKS, timeout: int = 300) -> nbformat.NotebookNode:
    from nbclient import NotebookClient

    NotebookClient(nb, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(cwd)}},
                   record_timing=False, kernel_manager_class=kernel_manager_class()).execute()
    return stabilise(nb)


def write_atomic(nb: nbformat.NotebookNode, path: Path) -> None:
    """Write a notebook atomically (see tools.files.write_atomic)."""
    files.write_atomic(nbformat.writes(nb) + "\n", path)


def refresh(path: Path) -> float:
    """Re-execute a notebook in place; return the seconds it took."""
    start = time.perf_counter()
    nb = nbformat.read(path, as_version=4)
    execute(nb, cwd=path.parent)
    write_atomic(nb, path)
    return time.perf_counter() - start
