"""The collection is listed once, in notebooks/toc.yml: every notebook is in it, everything in it exists,
and the pages that list the collection read it."""

from __future__ import annotations

from html import escape
from pathlib import Path

from biomfg import data, toc
from biomfg.model import cases
from biomfg.prose import start
from biomfg.tools import reports

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


def test_every_notebook_is_listed_and_every_listed_notebook_exists():
    on_disk = sorted(str(p.relative_to(NOTEBOOKS)) for p in NOTEBOOKS.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)
    assert sorted(toc.files()) == on_disk


def test_lessons_have_both_languages_a_topic_module_and_real_cases():
    case_ids = set(cases.case_ids())
    for e in toc.lessons():
        assert set(e["title"]) == {"zh", "en"} and all(e["title"].values()), e["file"]
        assert "summary" in e or e["cases"], e["file"]
        assert set(e.get("summary", {"zh": 1, "en": 1})) == {"zh", "en"}, e["file"]
        assert (Path(start.__file__).parent / f"{e['topic']}.py").exists(), e
        assert set(e["cases"]) <= case_ids, e["file"]
    covered = [c for e in toc.lessons() for c in e["cases"]]
    assert sorted(covered) == sorted(case_ids)  # every case is covered by exactly one lesson


def test_reference_notebooks_have_both_languages_a_topic_module_and_are_not_lessons():
    lessons = {e["file"] for e in toc.lessons()}
    assert [e["file"] for e in toc.reference()] == ["glossary.ipynb"]
    for e in toc.reference():
        assert e["file"] not in lessons and "cases" not in e, e["file"]
        for key in ("title", "summary"):
            assert set(e[key]) == {"zh", "en"} and all(e[key].values()), (e["file"], key)
        assert (Path(start.__file__).parent / f"{e['topic']}.py").exists(), e


def test_the_start_page_map_and_the_report_batch_read_the_table_of_contents():
    html = start.notebook_map("en").data
    for e in toc.lessons():
        assert f"href='{e['file']}'" in html and escape(e["title"]["en"]) in html
    region_name = data.table("regions").set_index("region_id").loc["luoyang", "name_en"]
    assert region_name in html  # 09 lists its cases by their names from data/
    assert [r.notebook for r in reports.catalogue()][0] == "overview.ipynb"
    assert {r.notebook for r in reports.catalogue()} == {b["file"].removeprefix("briefings/") for b in toc.briefings()}
    assert cases.own_notebook() == ("suzhou_sip", "hangzhou", "shanghai_zhangjiang")

