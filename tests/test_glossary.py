"""The glossary (issue 17): every term named and defined in both languages, shown once on the glossary page
with a stable anchor and no ids or curators' notes, and reachable from the lesson that explains it or first
uses it in its own teaching (data/glossary.csv first_notebook, checked against what the lessons show; the
start page, which previews every lesson, and each lesson's What's next and Sources sections are not read)."""

from __future__ import annotations

import re
from html import unescape

import nbformat
import pytest
from test_en_style import lint_en
from test_reader_text import faults as reader_faults
from test_zh_typography import lint_zh

from biomfg import data, toc
from biomfg.choices import ChoiceError
from biomfg.i18n import t
from biomfg.model import glossary as model
from biomfg.prose import glossary as view
from biomfg.tools import glossary as tool
from biomfg.tools import notebooks as nbtools

import reader
from conftest import NOTEBOOKS, copy_data

PAGE = NOTEBOOKS / "glossary.ipynb"
LANGS = ("en", "zh")
CJK = re.compile(r"[\u3400-\u9fff]")
HREF = re.compile(r"href='([^']*)'")


def _terms():
    return data.table("glossary")


def _stems() -> list[str]:
    return [e["file"].removesuffix(".ipynb") for e in toc.lessons()]


def _teaching() -> list[str]:
    """The lessons the first-use rule reads: all but the start page."""
    return [e["file"].removesuffix(".ipynb") for e in toc.lessons() if e["topic"] != "start"]


def _html(obj) -> str:
    return obj._repr_html_()


# --- every term in both languages ----------------------------------------------------------------------

def test_every_term_is_named_and_defined_in_both_languages():
    g = _terms()
    for col in ("name_zh", "name_en", "definition_zh", "definition_en", "source", "quote"):
        empty = g.loc[g[col].isna() | (g[col].astype(str).str.strip() == ""), "term_id"].tolist()
        assert empty == [], (col, empty)
    for _, r in g.iterrows():
        assert CJK.search(r["name_zh"]) and CJK.search(r["definition_zh"]), r["term_id"]
        assert not CJK.search(r["name_en"]) and not CJK.search(r["definition_en"]), r["term_id"]
        # the seeds are Chinese: every English name or definition is a translation, and the note says so
        assert "translation" in r["note"], r["term_id"]


# --- the glossary page ----------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_the_page_shows_every_term_once_under_a_unique_anchor(lang):
    html = _html(view.glossary(lang))
    wanted = sorted(f"term-{i}" for i in _terms()["term_id"])
    for attr in ("id", "data-jupyter-id"):  # a browser reads id; JupyterLab's fragment lookup data-jupyter-id
        found = re.findall(rf"\s{attr}='(term-[^']*)'", html)
        assert sorted(found) == wanted, attr
    text = tool.visible(html)
    other = "zh" if lang == "en" else "en"
    for _, r in _terms().iterrows():
        assert view._definition(r, lang) in text, r["term_id"]
        assert view._name(r, lang) in text and r[f"name_{other}"] in text, r["term_id"]
    lead = unescape(re.search(r"<p class='lead'>(.*?)</p>", html).group(1))
    assert re.findall(r"\d+", lead) == [str(len(_terms()))]  # the lead counts the terms in data/


@pytest.mark.parametrize("lang", LANGS)
def test_readers_see_names_never_ids_or_the_curators_notes(lang):
    texts = [tool.visible(_html(view.glossary(lang)))]
    texts += [tool.visible(_html(view.terms_here(s, lang))) for s in _stems()]
    names = " ".join(_terms()["name_en"]).casefold()
    for text in texts:
        for _, r in _terms().iterrows():
            if r["term_id"] not in names:  # 'biomanufacturing' is an id and a name; 'pilot_test' only an id
                assert r["term_id"] not in text, r["term_id"]
            assert r["note"] not in text
        assert not re.search(r"editorial|paraphrase|term-[a-z]", text)


def test_english_lists_the_terms_alphabetically_chinese_by_lesson_in_reading_order():
    en = [n for _, rows in model.ordered("en") for n in rows["name_en"]]
    assert en == sorted(en, key=model.normalise) and len(en) == len(_terms())
    groups = model.ordered("zh")
    keys = [k for k, _ in groups]
    stems = _stems()
    assert keys[:-1] == sorted(keys[:-1], key=stems.index) and keys[-1] is None  # lessons in order, then the rest
    for key, rows in groups:
        assert set(rows["first_notebook"].fillna("")) == {key or ""}
    heads = [tool.visible(h) for h in re.findall(r"<h3 class='group'>(.*?)</h3>", _html(view.glossary("zh")))]
    assert heads == [toc.lessons()[stems.index(k)]["title"]["zh"] for k in keys[:-1]] + [t("glossary_group_unused", "zh")]


def test_each_entry_says_where_the_term_first_appears_with_a_link():
    html = _html(view.glossary("en"))
    for _, r in _terms().iterrows():
        entry = html[html.index(f"id='term-{r['term_id']}'"):]
        entry = entry[:entry.index("</div></div>")]
        if isinstance(r["first_notebook"], str):
            assert f"href='{r['first_notebook']}.ipynb'" in entry, r["term_id"]
        else:
            assert t("glossary_not_used", "en") in entry and "href=" not in entry, r["term_id"]


# --- the lesson box and its links -----------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_a_lesson_box_lists_the_terms_it_is_first_to_use_each_linked_to_its_entry(lang):
    stored = "".join("".join(o["data"]["text/html"]) for c in nbformat.read(PAGE, as_version=4).cells
                     if c.cell_type == "code" for o in c.outputs if "text/html" in o.get("data", {}))
    for stem in _stems():
        html = _html(view.terms_here(stem, lang))
        links = [h for h in HREF.findall(html) if "#" in h]
        wanted = _terms().loc[_terms()["first_notebook"] == stem, "term_id"]
        assert sorted(links) == sorted(f"glossary.ipynb#term-{i}" for i in wanted), stem
        for href in links:  # the target exists in the glossary notebook as a reader opens it (stored outputs)
            target = href.split("#")[1]
            assert f"id='{target}'" in stored and f"data-jupyter-id='{target}'" in stored, href
        names = [unescape(n) for n in re.findall(r"<b>([^<]*)</b></a>", html)]
        rows = _terms()[_terms()["first_notebook"] == stem]
        assert names == sorted((view._name(r, lang) for _, r in rows.iterrows()), key=model.normalise), stem
        if not len(wanted):
            none = "glossary_terms_here_none" if stem in _teaching() else "glossary_terms_here_guide"
            assert t(none, lang) in unescape(html)
        assert "href='glossary.ipynb'" in html  # and the whole glossary, always


def test_a_link_leaves_its_term_for_the_glossary_which_scrolls_to_it_once_rendered():
    """JupyterLab looks for a link's fragment once, before it has rendered the glossary's output (see
    prose/glossary.py; tests/test_glossary_lab.py clicks it): each link leaves its anchor in sessionStorage, and
    the glossary's output carries the one script that reads it."""
    for lang in LANGS:
        html = _html(view.terms_here("06", lang))
        links = re.findall(r"<a href='glossary.ipynb#([^']*)' data-term='([^']*)' onclick=\"([^\"]*)\"", html)
        assert links and all(frag == term and view.KEY in js for frag, term, js in links), links
        page = _html(view.glossary(lang))
        assert page.count("<script>") == 1 and view.HANDOFF in page and view.KEY in view.HANDOFF


def test_a_chinese_box_shows_no_english_names_an_english_box_the_chinese_ones():
    rows = _terms()[_terms()["first_notebook"] == "06_suzhou_industrial_park"]
    zh, en = tool.visible(_html(view.terms_here("06", "zh"))), tool.visible(_html(view.terms_here("06", "en")))
    assert len(rows) and all(r["name_en"] not in zh and r["name_zh"] in zh and r["name_zh"] in en
                             for _, r in rows.iterrows())


def test_a_lesson_is_named_by_number_stem_or_file_and_anything_else_is_refused():
    box = _html(view.terms_here("01", "en"))
    assert box == _html(view.terms_here("01_three_barriers", "en")) == _html(view.terms_here("01_three_barriers.ipynb", "en"))
    with pytest.raises(ChoiceError, match="notebook='99'"):
        view.terms_here("99", "en")
    with pytest.raises(ChoiceError, match="lang="):
        view.terms_here("01", "fr")


def test_one_line_definitions_are_one_clause_and_short():
    for _, r in _terms().iterrows():
        for lang in LANGS:
            line = view.one_line(r, lang)
            assert line and "；" not in line and "; " not in line, (r["term_id"], line)
            assert len(line) <= view.ONE_LINE[lang] + 1, (r["term_id"], line)
            assert view._definition(r, lang).startswith(line.removesuffix("…")), (r["term_id"], line)


@pytest.mark.parametrize("lang", LANGS)
def test_the_reader_text_checks_find_nothing(lang):
    """What tests/test_reader_text.py checks on every lesson (ids, codes shown in Chinese, curators' notes,
    backticks), on the glossary page and every lesson's box. The glossary is not in the reader harvest
    (tests/reader.py): on its Chinese page each entry gives the English name after the Chinese by design,
    which that harvest would read as English codes shown to a Chinese reader; here those names are left out."""
    page = re.sub(r"<span class='other' lang='en'>[^<]*</span>", "", _html(view.glossary(lang)))
    found = reader_faults(page, lang)
    found += [f for s in _stems() for f in reader_faults(_html(view.terms_here(s, lang)), lang)]
    assert found == [], found


@pytest.mark.parametrize("lang", LANGS)
def test_what_the_glossary_shows_keeps_the_house_style(lang):
    lint = lint_en if lang == "en" else lint_zh
    texts = [reader.prose_text(_html(view.glossary(lang)))]
    texts += [reader.prose_text(_html(view.terms_here(s, lang))) for s in _stems()]
    found = [f for text in texts for f in lint(text)]
    assert found == [], found


# --- where a term first appears ---------------------------------------------------------------------------

def test_the_forms_a_term_is_recognised_by():
    g = _terms().set_index("term_id")
    assert model.forms(g.loc["pilot_test"]) == ("pilot testing (pilot scale)", "pilot testing", "中试")
    assert "mah" in model.forms(g.loc["mah"]) and "药品上市许可持有人制度" in model.forms(g.loc["mah"])
    assert "链主" in model.forms(g.loc["chain_leader"])
    assert model.uses("Incubators help start-ups", g.loc["incubator"])
    assert model.uses("the MAH reform", g.loc["mah"]) and not model.uses("MAHJONG", g.loc["mah"])
    assert model.uses("13 BSL-1 labs", g.loc["biosafety_level"]) and not model.uses("BSLS", g.loc["biosafety_level"])
    assert model.uses("“链主”企业", g.loc["chain_leader"]) and model.uses("“卡脖子”问题", g.loc["chokepoint"])
    assert not model.uses("a pilot-scale platform", g.loc["pilot_test"])
    # a term's other names in data/aliases.csv: the seed's short form, the short form a lesson writes
    assert model.uses("我国中试平台的运营", g.loc["pilot_scale_platform"])
    assert model.uses("药品上市许可与生产许可“捆绑”管理", g.loc["bundled_licensing"])
    assert model.uses("“捆绑式”管理", g.loc["bundled_licensing"]) and not model.uses("捆绑销售", g.loc["bundled_licensing"])


CODE_CELL = re.compile(r"\) cell (\d+): ")


def _zh_outputs() -> dict[str, str]:
    """Each lesson's outputs in Chinese, as the reader harvest runs it (labelled by code cell), less the code
    cells the rule leaves out (the terms boxes, the What's next and Sources sections)."""
    index = {name: i for i, (name, _, _) in enumerate(reader.PAGES)}
    out = {}
    for stem in _teaching():
        skip = tool.left_out_code(nbformat.read(NOTEBOOKS / f"{stem}.ipynb", as_version=4))
        bundles, _ = reader.shown(index[stem], "zh")
        out[stem] = "\n".join(tool.bundle_text(b) for where, b in bundles
                              if int(CODE_CELL.search(where).group(1)) not in skip)
    return out


def test_each_term_first_appears_in_its_first_notebook_and_in_no_earlier_lesson():
    """A lesson's text: its Markdown (both languages) and stored outputs (English), and its outputs in Chinese,
    which are not stored (the reader harvest runs every lesson in Chinese). Left out: the start page, the
    What's next and Sources sections, and the terms boxes (they show this column). Where a term's first use
    is only in Chinese outputs, the stored text alone would name a later lesson: the Chinese run is part of
    what a reader sees, so it is part of the rule."""
    zh = _zh_outputs()
    texts = [(s, tool.stored_text(NOTEBOOKS / f"{s}.ipynb") + "\n" + zh[s]) for s in _teaching()]
    wrong = []
    for _, r in _terms().iterrows():
        first = r["first_notebook"] if isinstance(r["first_notebook"], str) else None
        if first is not None:
            if first not in _teaching():
                wrong.append(f"{r['term_id']}: {first} is not a lesson the rule reads")
                continue
            i = _teaching().index(first)
            if not model.uses(texts[i][1], r):
                wrong.append(f"{r['term_id']}: {first} does not use it")
            earlier = [s for s, text in texts[:i] if model.uses(text, r)]
            if earlier:
                wrong.append(f"{r['term_id']}: {first}, but {earlier[0]} uses it first")
        elif (used := model.first_use(texts, r)) is not None:
            wrong.append(f"{r['term_id']}: no first_notebook, but {used} uses it")
    assert wrong == [], ("first_notebook is out of date; run `.venv/bin/python -m biomfg.tools.glossary`:\n"
                         + "\n".join(wrong))


def test_the_tool_reads_what_the_test_reads():
    """The tool runs each lesson in Chinese in a kernel (what papermill does), the test in this process (the
    reader harvest): both see the same first lesson for every term."""
    zh = _zh_outputs()
    texts = [(s, tool.stored_text(NOTEBOOKS / f"{s}.ipynb") + "\n" + zh[s]) for s in _teaching()]
    assert tool.first_notebooks(texts) == {r["term_id"]: (r["first_notebook"] if isinstance(r["first_notebook"], str)
                                                          else None) for _, r in _terms().iterrows()}
    for stem in ("01_three_barriers", "07_hangzhou_synbio_plan"):  # both have terms only their Chinese run uses
        kernel = tool.executed_outputs(NOTEBOOKS / f"{stem}.ipynb", "zh")
        assert [model.uses(kernel, r) for _, r in _terms().iterrows()] == \
            [model.uses(zh[stem], r) for _, r in _terms().iterrows()], stem


def test_the_first_notebook_rule_can_fail():
    g = _terms().set_index("term_id")
    texts = [("00_start_here", "nothing here"), ("01_three_barriers", "the valley of death"),
             ("06_suzhou_industrial_park", "an innovation consortium")]
    assert model.first_use(texts, g.loc["innovation_consortium"]) == "06_suzhou_industrial_park"
    texts[0] = ("00_start_here", "创新联合体")
    assert model.first_use(texts, g.loc["innovation_consortium"]) == "00_start_here"
    assert model.first_use(texts, g.loc["soft_resources"]) is None


def test_the_box_is_left_out_of_what_the_rule_reads():
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell('prose.glossary.terms_here("01", lang)', outputs=[nbformat.v4.new_output(
            "execute_result", data={"text/html": "<b>soft resources</b>"}, execution_count=1)]),
        nbformat.v4.new_code_cell("prose.x(lang)", outputs=[nbformat.v4.new_output(
            "execute_result", data={"text/html": "<p>one-stop service</p>"}, execution_count=2)])])
    assert tool.output_texts(nb) == ["\none-stop service\n"]


def test_what_points_at_other_lessons_is_left_out_of_what_the_rule_reads():
    """A lesson's What's next names the next lesson, its Sources the source documents' titles: neither is the
    lesson's own teaching (07's pointer to 08 named the MAH reform). The start page is not read at all: its
    overview, notebook map, cards and warm-up exercises preview the lessons that explain the terms."""
    md, code = nbformat.v4.new_markdown_cell, nbformat.v4.new_code_cell

    def out(html, n):
        return [nbformat.v4.new_output("execute_result", data={"text/html": html}, execution_count=n)]

    nb = nbformat.v4.new_notebook(cells=[
        md("## 概述 · Overview"), md("The valley of death."),
        code("prose.x(lang)", outputs=out("<p>one-stop service</p>", 1)),
        md("### 开放题 · Open question"), md("An incubator?"),
        md("## 下一步 · What's next"), md("Continue with [the MAH reform](08_shanghai_zhangjiang.ipynb)."),
        md("## 来源 · Sources"), code("prose.sources.listing(lang)", outputs=out("<p>全链生态</p>", 2)),
        md("## 附录 · Appendix"), code("prose.y(lang)", outputs=out("<p>soft resources</p>", 3))])
    assert [x.strip() for x in tool.markdown_texts(nb)] == ["概述 · Overview", "The valley of death.",
                                                            "开放题 · Open question", "An incubator?",
                                                            "附录 · Appendix"]
    assert [x.strip() for x in tool.output_texts(nb)] == ["one-stop service", "soft resources"]
    assert tool.left_out_code(nb) == {1}
    assert model.teaching_stems() == _stems()[1:] and model.is_guide(_stems()[0])
    assert [s for s, _ in tool.lesson_texts(zh_outputs=False)] == _teaching()


def test_each_term_is_keyed_to_the_lesson_that_explains_it():
    """The editors' reading: the barriers and the platform types are explained in 01 (not in 00's notebook map
    and cards), MAH and the licensing it ended in 08 (not in 07's pointer to 08); the start page introduces no
    terms and its box says why."""
    first = _terms().set_index("term_id")["first_notebook"]
    for term in ("barrier_broken_bridge", "barrier_valley_of_death", "barrier_darwinian_sea",
                 "technology_innovation_platform", "pilot_scale_platform", "industry_incubation_platform"):
        assert first[term] == "01_three_barriers", term
    assert first["mah"] == first["bundled_licensing"] == "08_shanghai_zhangjiang"
    assert _stems()[0] not in set(first.dropna())
    for lang in LANGS:
        box = _html(view.terms_here("00", lang))
        assert t("glossary_terms_here_guide", lang) in unescape(box) and "#term-" not in box


def test_the_barriers_and_platform_types_are_terms_under_the_same_names():
    g = _terms()
    for table in ("barriers", "platform_types"):
        for _, r in data.table(table).iterrows():
            assert ((g["name_zh"] == r["name_zh"]) & (g["name_en"] == r["name_en"])).any(), (table, r["name_en"])


def test_a_definition_says_what_the_term_does_without_restating_it():
    """A definition does not restate its own name ('公益性平台：政府或科研机构主导的公益性平台' said nothing), in
    either language; an acronym may recur ('Biosafety Level 1 (BSL-1)'). And a box line is 'name: definition'
    with one colon: a definition holds none."""
    for _, r in _terms().iterrows():
        names = [f for f in model.forms(r) if not re.fullmatch(r"[a-z0-9]{2,5}", f)]
        for lang in LANGS:
            said = model.normalise(r[f"definition_{lang}"])
            assert [f for f in names if re.search(model._pattern(f), said)] == [], (r["term_id"], lang)
        assert "：" not in r["definition_zh"] and not re.search(r":\s", r["definition_en"]), r["term_id"]


def test_the_editors_corrections_hold():
    """M3 is class-3 industrial land (M1 is class 1), placed as seed 004 places it; 链长制 is a mechanism, quoted
    from Hangzhou's plan, with Zhengzhou's practice named as Zhengzhou's (seed 003)."""
    g = _terms().set_index("term_id")
    m3 = g.loc["m3_industrial_land"]
    # the seeds do not say what M3 is: the definition says so and claims no class (it once said 一类, wrongly);
    # the class from the national standard is a curator's note, not reader text
    assert "原文未作解释" in m3["definition_zh"] and not re.search("[一二三]类", m3["definition_zh"])
    assert "does not explain" in m3["definition_en"] and not re.search(r"(?i)class-\d", m3["definition_en"])
    assert "GB 50137" in m3["note"]
    for place, sectors in (("临安区", "医药原料药、高端制剂、生物基材料"), ("建德市", "医药原料药、生物农药、可降解材料")):
        assert place in m3["definition_zh"] and sectors in m3["definition_zh"] and sectors in m3["quote"]
    chief = g.loc["chain_chief_system"]
    assert chief["source"].startswith("004_") and "链长制工作机制" in chief["quote"]
    assert "机制" in chief["definition_zh"].split("；")[0] and "mechanism" in chief["definition_en"].split("; ")[0]
    assert "郑州高新区" in chief["definition_zh"] and "003" in chief["note"]


def test_the_column_is_rewritten_without_touching_the_rest_of_the_file():
    text = (NOTEBOOKS.parent / "data" / "glossary.csv").read_text(encoding="utf-8")
    current = tool._current(text)
    assert tool.rewrite(text, current) == text
    moved = dict(current, soft_resources="04_incubation_platforms")
    new = tool.rewrite(text, moved)
    assert [a for a, b in zip(text.splitlines(), new.splitlines(), strict=True) if a != b] == \
        [line for line in text.splitlines() if line.startswith("soft_resources,")]
    values = set(tool._current(text).values()) - {None}
    assert values <= set(_stems())


# --- the notebook follows data/ ---------------------------------------------------------------------------

def test_the_glossary_notebook_shows_a_changed_definition(tmp_path, monkeypatch):
    nb = nbformat.read(PAGE, as_version=4)
    copy_dir = copy_data(tmp_path / "data")
    path = copy_dir / "glossary.csv"
    old = "The transition stage between R&D and mass production"
    new = "The transition stage between the laboratory and the factory"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    monkeypatch.setenv("BIOMFG_DATA", str(copy_dir))
    nbtools.execute(nb, cwd=NOTEBOOKS)
    out = "".join("".join(o.get("data", {}).get("text/html", "")) for c in nb.cells if c.cell_type == "code"
                  for o in c.outputs)
    assert new in out and old not in out
