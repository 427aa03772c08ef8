"""Issue 9, concurrency: two report batches writing into the same folder at once leave complete,
valid files and no temporary leftovers. (Interruption by SIGINT is tested in tests/test_reports.py,
test_interrupted_batch_leaves_no_partial_file.)"""

from __future__ import annotations

import concurrent.futures as cf
from html.parser import HTMLParser

from conftest import PY, run

ARGS = ["--region", "suzhou_sip", "--region", "luoyang", "--lang", "en", "--no-pdf", "--jobs", "1"]


def test_two_batches_into_one_folder_leave_complete_valid_files(tmp_path):
    out = tmp_path / "out"
    with cf.ThreadPoolExecutor(2) as pool:
        results = list(pool.map(lambda _: run(PY, "-m", "biomfg", "reports", "--out", out, *ARGS, timeout=600),
                                range(2)))
    for r in results:
        assert r.returncode == 0, r.stderr[-2000:]
    names = sorted(p.name for p in out.iterdir())
    assert names == ["index.html", "luoyang.en.html", "suzhou_sip.en.html"], names  # nothing half-written
    for page in out.glob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert text.startswith("<!DOCTYPE html>") and text.rstrip().endswith("</html>"), page.name
        HTMLParser().feed(text)  # parses
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "suzhou_sip.en.html" in index and "luoyang.en.html" in index
    for page in ("suzhou_sip.en.html", "luoyang.en.html"):
        assert (out / page).stat().st_size > 500_000  # the inlined Vega bundle is there: a whole file
