"""What a reader reads (issue 13, faults 3, 4, 8 and 9): names, never ids; no curators' notes; no literal
Markdown; tables whose text is left-aligned; HTML that a notebook shows as HTML, never as its source text.

Every code cell of every lesson notebook and briefing (each briefing for every region and platform type) is
run in this process, in zh and en, and what it displays is read as a person reads it: the visible text of
its text/html (styles, scripts and code blocks left out). Every exercise is asked, checked with no answer,
the right one and wrong ones, and solved, in both languages. The harvest is tests/reader.py's, shared with
the typography and style linters (test_zh_typography, test_en_style).
"""

from __future__ import annotations

import csv
import functools
import json
import re

import pytest

from biomfg import exercises, i18n
from biomfg.tools import reports

from conftest import DATA, NOTEBOOKS
from reader import LANGS, PAGES, answers, run_cells, shown, visible

CHART = "application/vnd.vegalite"  # charts are drawn, their text is another test's business


# --- what the data calls things ------------------------------------------------------------------

def _package() -> dict:
    return json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))


def _rows(res: dict) -> list[dict]:
    with (DATA / res["path"]).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@functools.cache
def english_words() -> frozenset[str]:
    """Lower-case words that English text in data/ (names, labels, quotes) and the library's English
    labels use: an id equal to one of them is a word in an English sentence, not a leak."""
    words = set()
    for res in _package()["resources"]:
        for row in _rows(res):
            for key, value in row.items():
                if key and (key.endswith("_en") or key == "quote") and value:
                    words.update(re.findall(r"\b[a-z]+\b", value))  # as written: HUTCHMED is not hutchmed
    for texts in i18n.LABELS.values():  # the library's words, also where a label starts a sentence (Region)
        words.update(re.findall(r"\b[a-z]+\b", texts["en"].lower()))
    return frozenset(words)


@functools.cache
def identifiers() -> dict[str, frozenset[str]]:
    """'ids': every key value of data/ (fact ids, entity ids, indicator ids, category codes of a key such
    as platform_capabilities.value), less the seed file names (a citation a reader can look up).
    'codes': the category codes of every enum column (kind, tier, unit, qualifier, stage ...).
    'words': ids and codes that are single lower-case words (looked for in English only when no English
    text in data/ uses them as words)."""
    ids, codes = set(), set()
    for res in _package()["resources"]:
        rows = _rows(res)
        key = res["schema"].get("primaryKey")
        for col in [key] if isinstance(key, str) else key or []:
            if res["name"] != "sources":
                ids.update(r[col] for r in rows if r[col])
        for field in res["schema"]["fields"]:
            codes.update(v for v in (field.get("constraints") or {}).get("enum", []) if isinstance(v, str))
    return {"ids": frozenset(ids), "codes": frozenset(codes)}


TOKEN = re.compile(r"(?<![\w.-])[A-Za-z0-9][A-Za-z0-9_-]*[A-Za-z0-9](?![\w-])")


def leaked(text: str, lang: str) -> list[str]:
    """Ids and codes in a reader's text. Everywhere: any id or code with '_' or a digit in it (h3-001,
    suzhou_sip, more_than). In English: a one-word id no English text in data/ uses (hutchmed, abf). In
    Chinese: any id or code, lower-case as data/ writes it, outside the verbatim quotes “…” (which may be
    English: 'office, lab and event space')."""
    found = identifiers()
    every = found["ids"] | found["codes"]
    tokens = set(TOKEN.findall(text))
    hits = {x for x in tokens & every if re.search(r"[_\d]", x) and len(x) > 3}
    if lang == "en":
        hits |= {x for x in tokens & found["ids"] if x.isalpha() and x.islower() and x not in english_words()}
    else:
        outside = set(TOKEN.findall(re.sub(r"“[^”]*”", " ", text)))
        hits |= {x for x in outside & every if x.isalpha() and x.islower() and len(x) > 1}
    return sorted(hits)


@functools.cache
def notes() -> frozenset[str]:
    """Every curator's note in data/ long enough to be recognised (short ones may be ordinary words)."""
    labels = {texts[lang] for texts in i18n.LABELS.values() for lang in LANGS}
    out = set()
    for res in _package()["resources"]:
        for row in _rows(res):
            note = (row.get("note") or "").strip()
            if len(note) >= 20 and note not in labels:
                out.add(note)
    return frozenset(out)


# --- what a reader would see wrong -------------------------------------------------------------------

def faults(html: str, lang: str) -> list[str]:
    """One line per fault a reader would see in this HTML."""
    text = visible(html)
    out = [f"id shown: {x}" for x in leaked(text, lang)]
    squashed = re.sub(r"\s+", "", text)
    out += [f"curator's note shown: {n[:60]}…" for n in notes() if re.sub(r"\s+", "", n) in squashed]
    if "`" in text:
        out.append(f"literal backtick: …{text[max(0, text.index('`') - 40):text.index('`') + 20]}…")
    if "原文为英文" in text:
        out.append("an English-only note offered to a Chinese reader")
    return out


# --- the tests -------------------------------------------------------------------------------------

def test_the_checks_catch_what_they_look_for():
    """The detectors themselves: an id, a code in Chinese, a note, a backtick, a quote left alone."""
    note = next(iter(sorted(notes(), key=len)))
    assert faults("<p>h3-001 suzhou_sip</p>", "en") == ["id shown: h3-001", "id shown: suzhou_sip"]
    assert faults("<p>层级：midstream</p>", "zh") == ["id shown: midstream"]
    assert faults("<p>upstream, midstream or downstream</p>", "en") == []  # English words in English
    assert faults("<p>The maker: hutchmed</p>", "en") == ["id shown: hutchmed"]
    assert faults("<p>原文：“office, lab and event space”</p>", "zh") == []
    assert faults(f"<p>{note}</p>", "en")[0].startswith("curator's note shown")
    assert faults("<p>put it in `answer`</p>", "en")[0].startswith("literal backtick")
    assert faults("<style>.a{gap:1em}</style><pre>data.facts('suzhou_sip')</pre>", "zh") == []


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("index", range(len(PAGES)), ids=[p[0] for p in PAGES])
def test_every_notebook_shows_names_never_ids_and_no_notes(index, lang):
    found = []
    for where, bundle in shown(index, lang)[0]:
        if any(k.startswith(CHART) for k in bundle):
            continue
        html = bundle.get("text/html") or ""
        found += [f"{where}: {f}" for f in faults(html, lang)]
    assert found == [], "\n".join(found)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("index", range(len(PAGES)), ids=[p[0] for p in PAGES])
def test_every_view_a_notebook_calls_is_displayed_as_html(index, lang):
    """Fault 9: a view returned as a plain str reaches the reader as "'<style>\\n.biomfg-card{…"."""
    assert shown(index, lang)[1] == []


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("index", range(len(PAGES)), ids=[p[0] for p in PAGES])
def test_every_table_left_aligns_its_text(index, lang):
    """Fault 8: JupyterLab right-aligns output cells; every table the library makes carries the class
    whose rule left-aligns text (and keeps headers whole), with that rule in the same output."""
    bad = []
    for where, bundle in shown(index, lang)[0]:
        html = bundle.get("text/html") or ""
        for table in re.findall(r"<table[^>]*>", html):
            if "biomfg-table" not in table:
                bad.append(f"{where}: {table}")
        if "<table" in html and "text-align:left!important" not in html:
            bad.append(f"{where}: a table without the table styles")
    assert bad == [], "\n".join(bad)


def _explorers(index: int, lang: str) -> list:
    """The explorers page `index` shows (ipywidgets with controls), freshly built."""
    name, path, params = PAGES[index]
    return [v for _, _, v in run_cells(path, {"lang": lang, **params}) if hasattr(v, "children")]


def _live_outputs(box) -> list[str]:
    """The HTML every Output widget inside `box` shows now."""
    out, stack = [], [box]
    while stack:
        w = stack.pop()
        stack.extend(getattr(w, "children", ()))
        out += [o["data"].get("text/html", "") for o in getattr(w, "outputs", ()) if "data" in o]
    return out


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("index", [i for i, p in enumerate(PAGES) if p[0][:2].isdigit()],
                         ids=[p[0] for p in PAGES if p[0][:2].isdigit()])
def test_every_choice_of_every_explorer_shows_names_never_ids(index, lang):
    """Each menu of each explorer set to each of its options in turn (one control at a time): what the
    live view then shows has no id and no note either."""
    import ipywidgets as w

    found = []
    for box in _explorers(index, lang):
        stack, controls = [box], []
        while stack:
            c = stack.pop()
            stack.extend(getattr(c, "children", ()))
            if isinstance(c, w.Dropdown | w.SelectMultiple):
                controls.append(c)
        for c in controls:
            start = c.value
            values = [v for _, v in c.options] if c.options and isinstance(c.options[0], tuple) else list(c.options)
            for v in values:
                c.value = (v,) if isinstance(c, w.SelectMultiple) else v
                for html in _live_outputs(box):
                    found += [f"{c.description}={v}: {f}" for f in faults(html, lang)]
            c.value = start
    assert sorted(set(found)) == [], "\n".join(sorted(set(found)))


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("qid", list(exercises.QUESTIONS))
def test_every_exercise_speaks_in_names(qid, lang):
    """Prompt, every judge message and the solution: names and labels in the reader's language, never an
    id, a category code or a column name; HTML, never Markdown backticks."""
    found = [f"ask: {f}" for f in faults(exercises.ask(qid, lang).data, lang)]
    for given in answers(qid):
        found += [f"check({given!r}): {f}" for f in faults(exercises.check(qid, given, lang).data, lang)]
    found += [f"solution: {f}" for f in faults(exercises.solution(qid, lang).data, lang)]
    assert found == [], "\n".join(found)


def test_not_answered_message_sets_the_variable_as_code():
    for lang in LANGS:
        html = exercises.check("00-q1", None, lang).data
        assert "<code>answer</code>" in html and "`" not in html


def test_target_trackers_give_a_short_caveat_in_the_readers_language_not_the_note():
    """Fault 4: the trackers of 06-08 showed 备注（原文为英文）and the English note; now a deadline the
    quote does not state is marked as inferred, in the reader's language, and explained once."""
    from biomfg import figures, model, prose, widgets

    rows = model.targets.tracker_rows()
    for lang in LANGS:
        for holder in ("sip_biomfg_industry", "hz_synbio_plan_2024_2026"):
            assert faults(widgets.regions.tracker_view(holder, lang), lang) == []
        assert faults(prose.regions.targets_by_action("hz_synbio_plan_2024_2026", lang).data, lang) == []
    inferred = rows[[figures.year_inferred(q, y) for q, y in zip(rows["quote"], rows["year"], strict=True)]]
    stated = rows.drop(inferred.index).dropna(subset=["year"])  # a target whose source sets no deadline has none
    assert len(inferred) and len(stated)  # the data has both kinds
    for lang, word in (("en", " (inferred)"), ("zh", "（推断）")):
        html = prose.targets.table_html(rows, lang)
        for y in inferred["year"]:
            assert f">{y}{word}</td>" in html
        for y in stated["year"]:
            assert f">{y}</td>" in html
        assert html.count(i18n.t("year_inferred_note", lang)) == 1
        plan = "hz_synbio_plan_2024_2026"  # grouped under the plan's actions: still explained once
        assert prose.targets.grouped_html(plan, plan, lang).count(i18n.t("year_inferred_note", lang)) == 1


@pytest.mark.browser
def test_tables_in_jupyterlab_styles_left_align_text_and_never_crush_a_column(browser, tmp_path):
    """Faults 4 and 8, as a person sees them: the target, product and figure tables of 06-08 rendered with
    JupyterLab's own output styles (the exported page carries them). Every text cell is left-aligned and
    no column is narrower than its header (the 目标 column was two characters wide)."""
    from nbformat.v4 import new_code_cell, new_notebook, new_output

    from biomfg import model, prose, widgets
    from biomfg.tools import export

    views = []
    for lang in LANGS:
        views += [widgets.regions.tracker_view("sip_biomfg_industry", lang), widgets.regions.tracker_view("", lang),
                  prose.regions.targets_by_action("hz_synbio_plan_2024_2026", lang),
                  prose.regions.products_table(["shanghai_zhangjiang"], lang),
                  prose.regions.facts_card(["suzhou_sip"], lang), prose.hangzhou.layout_table(lang),
                  widgets.platforms.finder_view(lang, stage="pilot", need=model.finder.NEEDS[0])]
    views = [getattr(v, "data", v) for v in views]  # HTML objects and HTML strings alike

    cells = [new_code_cell("x", outputs=[new_output("display_data", data={"text/html": prose.cards.page(v)})])
             for v in views]
    page_path = tmp_path / "tables.html"
    page_path.write_text(export.to_html(new_notebook(cells=cells), exclude_input=True), encoding="utf-8")
    page = browser.new_page(viewport={"width": 1100, "height": 900})
    try:
        page.goto(page_path.as_uri())
        seen = page.evaluate("""() => {
          const bad = [];
          for (const table of document.querySelectorAll('.jp-OutputArea-output table')) {
            for (const cell of table.querySelectorAll('td, th')) {
              const align = getComputedStyle(cell).textAlign;
              if (!cell.classList.contains('num') && !['left', 'start'].includes(align))
                bad.push('aligned ' + align + ': ' + cell.textContent.trim().slice(0, 30));
            }
            for (const th of table.querySelectorAll('thead th')) {
              const r = document.createRange(); r.selectNodeContents(th);
              const text = r.getBoundingClientRect().width, cell = th.getBoundingClientRect().width;
              if (th.textContent.trim() && cell + 0.5 < text)
                bad.push('column narrower than its header: ' + th.textContent.trim());
              if (r.getClientRects().length > 1) bad.push('header wraps: ' + th.textContent.trim());
            }
          }
          return {bad, tables: document.querySelectorAll('.jp-OutputArea-output table').length};
        }""")
    finally:
        page.close()
    assert seen["tables"] >= len(views)
    assert seen["bad"] == [], "\n".join(seen["bad"][:20])


def test_stored_outputs_of_the_pages_are_checked_here():
    """The parametrised tests above cover every lesson notebook and every briefing variant."""
    lessons = {p.stem for p in NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")}
    assert lessons <= {name for name, _, _ in PAGES} and len(lessons) >= 11
    assert sum(name.startswith("region=") for name, _, _ in PAGES) == len(reports.regional_cases())


@pytest.mark.parametrize("lang", LANGS)
def test_no_markdown_emphasis_reaches_the_reader_as_asterisks(lang):
    """CommonMark closes ** only where it is right-flanking: '**学习时间：**20分钟' (punctuation before the
    closing **, a digit after it) shows its asterisks. Every lesson's prose is rendered and read."""
    from reader import markdown_html, prose_cells, prose_text

    assert "**" in prose_text(markdown_html("**学习时间：**20分钟"))  # the trap, as CommonMark renders it
    assert "**" not in prose_text(markdown_html("**学习时间**：20分钟"))
    shown = [(where, text) for where, text in prose_cells(lang) if "**" in text or "__" in text]
    assert not shown, shown[:5]
