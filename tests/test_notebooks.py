"""Every notebook: the skeleton, both languages, no typed figures, no machine paths, runs in zh too."""

from __future__ import annotations

import json
import re

import nbformat
import pytest

from biomfg.tools import notebooks as nbtools

from conftest import NOTEBOOKS, ROOT, spec_dicts

ALL = nbtools.collection()
# The reference notebooks (the glossary) are not lessons: no objectives, exercises or summary, so not the
# lesson skeleton; every check of what a reader sees applies to them as to the lessons.
REFERENCE = nbtools.reference()
SHOWN = ALL + REFERENCE
SKELETON_START = ["Overview", "Learning objectives", "Prerequisites", "Imports"]
SKELETON_END = ["Exercises", "Summary", "What's next", "Sources"]
REFERENCE_SKELETON = ["Overview", "Imports", "Sources"]
IMPORT_LINE = "from biomfg import charts, data, exercises, model, prose, widgets"


def _nb(path):
    return nbformat.read(path, as_version=4)


def _headings(nb):
    return [line.lstrip("#").strip() for c in nb.cells if c.cell_type == "markdown"
            for line in c.source.splitlines() if line.startswith("## ")]


def test_the_collection_exists():
    assert [p.name for p in ALL][0] == "00_start_here.ipynb"


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_skeleton_in_order(path):
    heads = _headings(_nb(path))
    wanted = SKELETON_START + SKELETON_END
    found = [next(i for i, h in enumerate(heads) if h.endswith(w)) for w in wanted]
    assert found == sorted(found), heads
    text = "\n".join(c.source for c in _nb(path).cells if c.cell_type == "markdown")
    assert "**Time to learn:**" in text and "**学习时间**：" in text


@pytest.mark.parametrize("path", REFERENCE, ids=lambda p: p.stem)
def test_reference_skeleton_in_order(path):
    nb = _nb(path)
    heads = _headings(nb)
    found = [next(i for i, h in enumerate(heads) if h.endswith(w)) for w in REFERENCE_SKELETON]
    assert found == sorted(found), heads
    assert nb.cells[0].source.startswith("# ") and " · " in nb.cells[0].source.splitlines()[0]
    params = next(i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", []))
    assert nb.cells[params + 1].source.strip() == IMPORT_LINE


def test_the_reference_notebooks_are_listed_and_are_not_lessons():
    assert [p.name for p in REFERENCE] == ["glossary.ipynb"]
    assert not set(REFERENCE) & set(ALL) and set(REFERENCE) <= set(nbtools.stored())


@pytest.mark.parametrize("path", SHOWN, ids=lambda p: p.stem)
def test_prose_in_both_languages_and_a_lang_parameter(path):
    nb = _nb(path)
    tags = [set(c.metadata.get("tags", [])) for c in nb.cells]
    assert sum("lang-en" in t for t in tags) == sum("lang-zh" in t for t in tags) > 0
    params = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(params) == 1 and re.fullmatch(r'lang = "(en|zh)"', params[0].source.strip())
    assert 'lang = "en"' in params[0].source  # stored outputs use the default language
    for c in nb.cells:
        if "lang-zh" in c.metadata.get("tags", []):
            assert re.search(r"[\u4e00-\u9fff]", c.source), c.source[:80]


def _prose_digits(source: str) -> list[str]:
    text = re.sub(r"`[^`]*`", "", source)              # code and file names
    text = re.sub(r"\]\([^)]*\)", "]", text)           # link targets
    text = "\n".join(line for line in text.splitlines()  # the time to learn
                     if not line.startswith(("**Time to learn:**", "**学习时间**：")))
    return re.findall(r"[0-9]+", text)


@pytest.mark.parametrize("path", SHOWN, ids=lambda p: p.stem)
def test_no_figure_typed_into_prose(path):
    for cell in _nb(path).cells:
        if cell.cell_type == "markdown":
            assert _prose_digits(cell.source) == [], cell.source[:120]


def test_the_digit_check_can_fail():
    assert _prose_digits("SIP's GDP reached 3686亿元 in 2023") == ["3686", "2023"]
    assert _prose_digits("see `02_x.ipynb` and [a](03_y.ipynb)\n**Time to learn:** 10 minutes") == []
    assert _prose_digits("it takes 10 minutes, **Time to learn:**") == ["10"]


@pytest.mark.parametrize("path", SHOWN, ids=lambda p: p.stem)
def test_stored_with_outputs_and_no_machine_paths(path):
    nb = _nb(path)
    code = [c for c in nb.cells if c.cell_type == "code" and c.source.strip()]
    assert all(c.execution_count is not None for c in code)
    assert not [o for c in code for o in c.outputs if o.output_type == "error"]
    text = json.dumps(nb)
    for folder in {str(ROOT), str(ROOT.parent), "/tmp/", "/home/", "/root/"}:
        assert folder not in text, folder
    assert path.stat().st_size < 600_000


def _untitled_tooltips(nb) -> list[str]:
    """Tooltip fields with no title: a reader would see a raw column name such as value_text."""
    walk = spec_dicts
    found = []
    for c in nb.cells:
        for o in c.get("outputs", []):
            spec = o.get("data", {}).get("application/vnd.vegalite.v5+json")
            for d in walk(spec or {}):
                tips = d.get("tooltip")
                tips = tips if isinstance(tips, list) else [tips]
                found += [t["field"] for t in tips if isinstance(t, dict) and "field" in t and "title" not in t]
    return found


@pytest.mark.parametrize("path", nbtools.stored(), ids=lambda p: p.stem)
def test_every_tooltip_field_has_a_title(path):
    assert _untitled_tooltips(_nb(path)) == []


def _html_as_text(nb) -> list[str]:
    """Outputs a reader would see as quoted HTML source: a result whose only mimetype is text/plain and
    whose text is markup ("'<style>\\n.biomfg-card{…"), where a view was meant."""
    found = []
    for i, c in enumerate(nb.cells):
        for o in c.get("outputs", []):
            bundle = o.get("data", {})
            if o.get("output_type") in ("execute_result", "display_data") and set(bundle) == {"text/plain"}:
                text = "".join(bundle["text/plain"])
                if text.startswith("'<") or re.search(r"<div|<style|<table", text):
                    found.append(f"cell {i}: {c.source.strip().splitlines()[-1][:80]} -> {text[:40]!r}")
    return found


def test_the_html_as_text_check_can_fail():
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("view()", outputs=[
        nbformat.v4.new_output("execute_result", data={"text/plain": "'<style>\\n.biomfg-card{}'"},
                               execution_count=1)])])
    assert len(_html_as_text(nb)) == 1


@pytest.mark.parametrize("path", nbtools.stored(), ids=lambda p: p.stem)
def test_no_stored_output_is_html_shown_as_text(path):
    """Issue 13, fault 9: widgets.platforms.finder_view in 03 (and prose.cards.page in the platform-type
    briefing) returned a str, stored as text/plain only; the reader saw the markup."""
    assert _html_as_text(_nb(path)) == []


@pytest.mark.parametrize("path", SHOWN, ids=lambda p: p.stem)
def test_runs_in_chinese_with_papermill(path, tmp_path):
    import papermill as pm

    out = tmp_path / path.name
    pm.execute_notebook(str(path), str(out), parameters={"lang": "zh"}, cwd=str(NOTEBOOKS),
                        progress_bar=False, kernel_name="python3")
    nb = _nb(out)
    text = json.dumps([c.get("outputs", []) for c in nb.cells], ensure_ascii=False)
    assert "国际代表性平台" in text or "来源" in text
    assert '"output_type": "error"' not in text
    for kind in ("target", "estimate"):  # category labels come out in Chinese too
        assert f"({kind})" not in text, kind
    assert _untitled_tooltips(nb) == []


@pytest.mark.parametrize("path", [p for p in ALL if p.name[:2].isdigit()], ids=lambda p: p.stem)
def test_every_exercises_section_opens_with_how_to_answer(path):
    """A student meets the `answer = ...` cell with a word on how it works, in each language; the student edition
    replaces these cells (tagged exercises-intro) with its own, which promises no solutions."""
    cells = _nb(path).cells
    start = next(i for i, c in enumerate(cells) if c.cell_type == "markdown" and c.source.startswith("## 练习 · Exercises"))
    intro = [c for c in cells[start + 1:start + 3] if "exercises-intro" in c.metadata.get("tags", [])]
    assert {t for c in intro for t in c.metadata["tags"] if t.startswith("lang-")} == {"lang-en", "lang-zh"}
    assert all("answer" in c.source for c in intro)
