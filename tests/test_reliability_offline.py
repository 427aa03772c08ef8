"""Issue 9, no network + determinism: every stored notebook (lessons and briefings) re-executed in a
loopback-only network namespace gives a file byte-identical to the one in the repo.

This is `make outputs` on a clean tree, but into a temporary copy (the repo is never written), so
`git diff --stat notebooks` after `make outputs` is empty. Together with nbval in `make test` (which
executes every notebook again and compares with the sanitizer) each notebook is executed twice with
identical outputs. The report batch runs in the same kind of namespace: see the `batch` fixture in
tests/test_reports.py.
"""

from __future__ import annotations

import concurrent.futures as cf
import shutil

from reliability import netns

from biomfg.tools import notebooks

from conftest import NOTEBOOKS, PY, run

PROBE = ("import socket\ntry:\n    socket.create_connection(('1.1.1.1', 80), timeout=3)\nexcept OSError as e:\n"
         "    print('unreachable', e)\nelse:\n    print('REACHABLE')\n")


def test_namespace_has_no_network_but_loopback():
    result = run(*netns(), PY, "-c", PROBE + "s = socket.socket(); s.bind(('127.0.0.1', 0)); s.listen(); "
                 "socket.create_connection(s.getsockname(), timeout=3); print('loopback ok')", timeout=60)
    assert "unreachable" in result.stdout and "loopback ok" in result.stdout, result.stdout + result.stderr


def test_every_notebook_executes_offline_to_the_stored_bytes(tmp_path):
    prefix = netns()
    stored = notebooks.stored()
    copy = tmp_path / "notebooks"
    shutil.copytree(NOTEBOOKS, copy)
    paths = [copy / p.relative_to(NOTEBOOKS) for p in stored]
    groups = [paths[0::2], paths[1::2]]  # two processes: one per core
    with cf.ThreadPoolExecutor(len(groups)) as pool:
        results = list(pool.map(lambda g: run(*prefix, PY, "-m", "biomfg", "outputs", *g, timeout=900), groups))
    for r in results:
        assert r.returncode == 0, r.stderr[-3000:]
    changed = [str(p.relative_to(NOTEBOOKS)) for p, c in zip(stored, paths, strict=True)
               if p.read_bytes() != c.read_bytes()]
    assert not changed, f"re-executing changes these stored notebooks (run `make outputs`): {changed}"
    assert len(stored) >= 14
