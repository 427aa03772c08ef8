"""One language at a time (issue 17): the language editions (make lab-zh / lab-en), the student edition
without solutions (make student-edition) and the teacher's answer key (make answer-key).

Most tests make editions without running them (`execute=False`: the cells alone); the tests about outputs
run one or two notebooks each."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from biomfg import data, exercises, fmt, i18n, toc
from biomfg.tools import answer_key, editions

from conftest import NOTEBOOKS, PY, ROOT, run
from reader import chart_words, visible
from screen import ENGLISH_PROSE

CJK = re.compile(r"[\u3400-\u9fff]")
LATIN = re.compile(r"[A-Za-z]")
OTHER = {"zh": "en", "en": "zh"}


def lesson_names() -> list[str]:
    return [e["file"] for e in toc.lessons()]


def edition(tmp_path, lang, kind="lang", only=None, execute=False):
    result = editions.build(kind, lang, out=tmp_path, only=only, execute=execute)
    return result, {n: nbformat.read(result.folder / n, as_version=4) for n in [*result.built, *result.current]}


def tags(cell) -> list[str]:
    return cell.get("metadata", {}).get("tags", [])


def paragraphs(cell) -> list[str]:
    """A Markdown cell's paragraphs as words: code spans, link targets, HTML tags and URLs left out."""
    words = re.sub(r"`[^`]*`|\]\([^)]*\)|<[^>]+>|https?://\S+", " ", cell.source)
    return [p.strip() for p in re.split(r"\n\s*\n", words) if p.strip()]


def output_texts(nb) -> list[tuple[int, str]]:
    """What a reader reads of each output: HTML's visible text, a chart's words, printed text, errors."""
    out = []
    for i, cell in enumerate(nb.cells):
        for o in cell.get("outputs", []):
            data = o.get("data", {})
            if "text/html" in data:
                out.append((i, visible(data["text/html"])))
            out += [(i, " | ".join(chart_words(v))) for k, v in data.items() if k.startswith("application/vnd.vegalite")]
            if o.get("output_type") == "stream":
                out.append((i, o["text"]))
            if o.get("output_type") == "error":
                out.append((i, f"{o['ename']}: {o['evalue']}"))
    return out


def unquoted(text: str) -> str:
    """The text without its verbatim quotes “…” (nested ones too): a source is quoted in its own language."""
    while True:
        shorter = re.sub(r"“[^“”]*”", " ", text)
        if shorter == text:
            return text
        text = shorter


def label_fragments(lang: str) -> set[str]:
    """Pieces of the catalogue's `lang` labels a reader of the other language must never see: the text
    between placeholders, long enough to be a phrase of that language alone (four CJK characters; two
    English words and ten letters), and not also in the other language's text of any label."""
    other = OTHER[lang]
    everything_other = "\n".join(v[other] for v in i18n.messages().values())
    out = set()
    for texts in i18n.messages().values():
        for piece in re.split(r"\{[^}]*\}|<[^>]+>", texts[lang]):
            piece = piece.strip(" ,.;:()（）：；，。、—-")
            if re.search("[“”\"']", piece):
                continue  # a label quoting a source: the quote may be shown in either language
            if lang == "zh" and len(CJK.findall(piece)) >= 4 and not LATIN.search(piece):
                out.add(piece)
            if lang == "en" and " " in piece and len(LATIN.findall(piece)) >= 10 and not CJK.search(piece):
                out.add(piece)
    return {p for p in out if p not in everything_other}


# --- the cells: every lesson, without running it -------------------------------------------------------

@pytest.mark.parametrize(("text", "zh", "en"), [
    ("## 概述 · Overview", "## 概述", "## Overview"),
    ("# 苏州工业园区 · Suzhou Industrial Park", "# 苏州工业园区", "# Suzhou Industrial Park"),
    ("**生物制造平台设施：从实验室到市场** · *Biomanufacturing platforms: from the lab to the market*",
     "**生物制造平台设施：从实验室到市场**", "*Biomanufacturing platforms: from the lab to the market*"),
    ("*你的答案 · Your answer:*", "*你的答案*", "*Your answer:*"),
    ("your answer here · 在此填写答案", "在此填写答案", "your answer here"),
    ("- 中文 · English", "- 中文", "- English"),
    ("## `1354`总体目标 · The `1354` goal", "## `1354`总体目标", "## The `1354` goal"),
    ("ABF · CPI", None, None),                        # not a pair of languages: left alone
    ("中文 · `2024` · English", None, None),         # where it splits is not clear: left alone
])
def test_a_bilingual_pair_is_reduced_to_one_language(text, zh, en):
    assert editions.pick(text, "zh") == zh
    assert editions.pick(text, "en") == en


def test_a_bilingual_code_comment_is_reduced_and_the_code_kept():
    code = 'answer = None  # your answer here · 在此填写答案\nexercises.check("01-q1", answer, lang)  # a · b'
    assert editions.one_language_comments(code, "zh") == \
        'answer = None  # 在此填写答案\nexercises.check("01-q1", answer, lang)  # a · b'
    assert editions.one_language_comments("x = '中文 · English'", "en") == "x = '中文 · English'"  # a string is code


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_language_edition_holds_that_language_alone(tmp_path, lang):
    """Every notebook toc.yml lists for students: no cell of the other language, no bilingual heading or
    line, no paragraph in the other language only, the parameters cell set to the language."""
    result, nbs = edition(tmp_path, lang)
    assert list(nbs) == editions.lesson_files() and set(lesson_names()) <= set(nbs)
    assert {r["file"] for r in toc.reference()} <= set(nbs)  # the glossary too
    assert not any(n.startswith("briefings/") or n == "present.ipynb" for n in nbs)
    problems = []
    for name, nb in nbs.items():
        params = [c for c in nb.cells if "parameters" in tags(c)]
        if [c.source for c in params] != [f'lang = "{lang}"']:
            problems.append(f"{name}: parameters cell {[c.source for c in params]}")
        for i, cell in enumerate(nb.cells):
            if f"lang-{OTHER[lang]}" in tags(cell):
                problems.append(f"{name} cell {i}: tagged lang-{OTHER[lang]}")
            if cell.cell_type == "markdown":
                for line in cell.source.splitlines():
                    if line.startswith("#") and " · " in line:
                        problems.append(f"{name} cell {i}: bilingual heading {line!r}")
                for p in paragraphs(cell):
                    if lang == "zh" and LATIN.search(p) and not CJK.search(p):
                        problems.append(f"{name} cell {i}: Latin-only paragraph {p[:60]!r}")
                    if lang == "en" and CJK.search(p) and not LATIN.search(p):
                        problems.append(f"{name} cell {i}: Chinese-only paragraph {p[:60]!r}")
            if cell.cell_type == "code":
                if cell.outputs:
                    problems.append(f"{name} cell {i}: an output made in another run")
                if " · " in cell.source and "#" in cell.source and CJK.search(cell.source) and LATIN.search(
                        cell.source.split("#", 1)[1]) and " · " in cell.source.split("#", 1)[1]:
                    problems.append(f"{name} cell {i}: bilingual comment")
        problems += [f"{name}: {s}" for s in editions.stray_lines(nb, lang)]
    assert not problems, "\n".join(problems)


def test_relative_links_between_notebooks_resolve_inside_the_edition(tmp_path):
    result, nbs = edition(tmp_path, "zh")
    broken = []
    for name, nb in nbs.items():
        for cell in nb.cells:
            if cell.cell_type == "markdown":
                for target in re.findall(r"\]\(([^)#\s]+\.ipynb)(?:#[^)]*)?\)", cell.source):
                    if not (result.folder / target).exists():
                        broken.append(f"{name}: {target}")
    assert not broken, broken


def test_the_student_edition_has_no_solution_cells(tmp_path):
    result, nbs = edition(tmp_path, "zh", kind="student")
    assert result.folder.name == "student-zh"
    asked = [c for nb in nbs.values() for c in nb.cells if c.cell_type == "code" and "exercises.ask(" in c.source]
    assert asked, "the student edition lost the exercises themselves"
    left = [f"{n}: {c.source[:60]}" for n, nb in nbs.items() for c in nb.cells
            if c.cell_type == "code" and re.search(r"exercises\.(solution|model_answer)\(", c.source)]
    assert not left, left


def test_a_model_answer_cell_is_dropped_and_an_open_question_kept():
    nb = new_notebook(cells=[new_code_cell('lang = "en"', metadata={"tags": ["parameters"]}),
                             new_code_cell('exercises.ask_open("06", lang)'),
                             new_markdown_cell("*你的答案 · Your answer:*"),
                             new_code_cell('exercises.model_answer("06", lang)'),
                             new_code_cell('exercises.discussion("06", lang)')])
    out = editions.transform(nb, "zh", "student", "x.ipynb")
    assert [c.source for c in out.cells] == ['lang = "zh"', 'exercises.ask_open("06", lang)', "*你的答案*",
                                             'exercises.discussion("06", lang)']


# --- outputs: one or two notebooks run ---------------------------------------------------------------

@pytest.mark.slow
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_outputs_of_an_edition_are_in_its_language(tmp_path, lang):
    _, nbs = edition(tmp_path, lang, only=["01"], execute=True)
    texts = output_texts(nbs["01_three_barriers.ipynb"])
    assert len(texts) > 10
    errors = [t for _, t in texts if re.match(r"\w+(Error|Exception):", t)]
    assert not errors, errors
    foreign = label_fragments(OTHER[lang])
    # a verbatim quote “…” is in its source's language (a journal's English title, a Chinese plan's words)
    seen = [f"cell {i}: {f!r}" for i, t in texts for f in foreign if f in unquoted(t)]
    if lang == "zh":
        seen += [f"cell {i}: {m!r}" for i, t in texts for m in ENGLISH_PROSE.findall(unquoted(t))]
    assert not seen, "\n".join(seen)
    asked = [t for i, t in texts if re.search(r"\b01-q1\b", t)]
    assert asked and (CJK.search(asked[0]) if lang == "zh" else not CJK.search(asked[0]))


@pytest.mark.slow
def test_the_student_edition_shows_no_solution_in_any_output(tmp_path):
    _, nbs = edition(tmp_path, "zh", kind="student", only=["01"], execute=True)
    nb = nbs["01_three_barriers.ipynb"]
    html = json.dumps([c.get("outputs", []) for c in nb.cells], ensure_ascii=False)
    assert "exercises.check" in "".join(c.source for c in nb.cells)
    assert "biomfg-check" in html  # the checker's boxes are there ...
    # ... and no solution: no fold but the data under a chart (its table and downloads)
    assert "biomfg-solution" not in html and html.count("<details") == html.count("<details class='biomfg-chart-data'")


# --- the teacher's answer key -----------------------------------------------------------------------

@pytest.fixture(scope="module")
def key_pages(tmp_path_factory):
    out = tmp_path_factory.mktemp("key")
    return {lang: answer_key.write(lang, out, pdf=False)[0].read_text(encoding="utf-8") for lang in i18n.LANGS}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_answer_key_holds_every_exercise_and_open_question(key_pages, lang):
    page = key_pages[lang]
    assert f'lang="{lang}"' in page[:400]
    missing = [qid for qid in exercises.QUESTIONS if f'id="{qid}"' not in page]
    assert not missing, f"exercises missing from the {lang} key: {missing}"
    text = visible(page)
    for qid, q in exercises.QUESTIONS.items():
        section = page.split(f'id="{qid}"', 1)[1].split("</section>", 1)[0]
        assert visible(i18n.t(q.prompt, lang)) in visible(section), qid
        assert visible(q.solution(lang)).strip() in visible(section), qid
        assert i18n.t(f"ak_kind_{q.kind}", lang) in section, qid
        assert (visible(i18n.t(q.marking, lang)) if q.marking else "—") in visible(section), qid
        for option in q.options(lang) if q.options else []:
            assert visible(option) in visible(section), f"{qid}: option {option}"
    for number, q in exercises.OPEN.items():
        for key in (q.prompt, q.model_answer, q.marking):
            assert visible(i18n.t(key, lang)) in text, f"open question of {number}: {key}"
    for number, keys in exercises.DISCUSSION.items():
        for key in keys:
            assert visible(i18n.t(key, lang)) in text, f"discussion prompt of {number}: {key}"
    # a heading per lesson with exercises, in toc order
    headings = [visible(h).strip() for h in re.findall(r"<h2\b[^>]*>([^<$`]*)</h2>", page)]
    assert headings == [e["title"][lang] for e, ids in answer_key.lesson_items() if ids or e["file"][:2] in exercises.OPEN]


def summary_rows(page: str) -> dict[str, str]:
    """The key's summary table: each exercise id with its row's answer cell (HTML), in table order."""
    table = page.split('class="biomfg-key-summary"', 1)[1].split("</table>", 1)[0]
    rows = re.findall(r"<tr>(.*?)</tr>", table.split("<tbody>", 1)[1], flags=re.S)
    out = {}
    for row in rows:
        qid = re.search(r'<td class="id">(?:<a [^>]*>)?([^<]+)<', row).group(1)
        assert qid not in out, f"{qid} twice in the summary"
        out[qid] = row
    return out


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_key_opens_with_every_exercise_and_its_answer_in_one_table(key_pages, lang):
    """Notebook, id, kind and the right answer in words, computed from the question's answer(): a letter with
    its option, a name in the key's language (never an id), or a figure in its unit."""
    page = key_pages[lang]
    rows = summary_rows(page)
    assert list(rows) == [q for _, ids in answer_key.lesson_items() for q in ids]
    assert sorted(rows) == sorted(exercises.QUESTIONS)
    assert page.index("biomfg-key-summary") < page.index("<h2")  # at the front
    names = data.entity_index()
    for qid, row in rows.items():
        q = exercises.QUESTIONS[qid]
        cells = re.findall(r"<td[^>]*>(.*?)</td>", row, flags=re.S)
        answer, text = visible(cells[-1]).strip(), visible(row)
        assert i18n.t(f"ak_kind_{q.kind}", lang) in text, qid
        right = q.answer()
        # ... and the same answer on the exercise's own "Answer:" line
        section = page.split(f'id="{qid}"', 1)[1].split("</section>", 1)[0]
        line = re.search(r'<dt class="answer">(.*?)</dt><dd class="answer">(.*?)</dd>', section, flags=re.S)
        assert line and visible(line.group(1)).strip() == (i18n.t("ak_answer", lang) + i18n.t("colon", lang)).strip(), qid
        assert visible(line.group(2)).strip() == answer, qid
        if q.options is not None:
            option = visible(q.options(lang)[exercises.base.LETTERS.index(right)])
            assert answer.startswith(right) and option in answer, (qid, answer)
        elif isinstance(right, str | tuple):
            ids = [right] if isinstance(right, str) else list(right)
            for rid in ids:
                assert rid in names.index, (qid, rid)
                assert names.loc[rid, f"name_{lang}"] in answer and rid not in answer, (qid, answer)
        else:
            shown = fmt.read(answer)
            assert shown is not None and abs(shown.value - float(right)) <= 0.05, (qid, answer, right)
    # the ids look the same in both languages: 'id · kind' as a heading, never 'id：' or 'id:' before a prompt
    heads = re.findall(r'<h3>(\d\d-q\d+) · <span class="kind">', page)
    assert sorted(heads) == sorted(exercises.QUESTIONS)
    assert not re.search(r"\d\d-q\d+</b>\s*[:：]", page)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_key_says_once_in_its_intro_what_the_checker_accepts(key_pages, lang):
    page, note = key_pages[lang], i18n.t("ak_accepts", lang)
    assert page.count(note) == 1 and page.index(note) < page.index("<h2")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_key_is_a_small_page_without_a_chart_library(key_pages, lang):
    page = key_pages[lang]
    assert "<script" not in page and "vegaEmbed" not in page
    assert len(page.encode("utf-8")) < 200_000, len(page.encode("utf-8"))


@pytest.mark.parametrize(("qid", "lang"), [(q, lang) for q in sorted(exercises.QUESTIONS) for lang in i18n.LANGS
                                           if q not in answer_key.ANSWER_MESSAGES])
def test_the_answer_the_key_shows_is_marked_right_by_the_checker(qid, lang):
    q = exercises.QUESTIONS[qid]
    right = q.answer()
    shown = ([visible(answer_key.name_of(r, lang)) for r in right] if isinstance(right, tuple)
             else [visible(answer_key.answer_text(qid, lang))])
    for given in shown:
        ok, why = q.judge(given, right, lang)
        assert ok, f"{qid} ({lang}): {given!r} -> {visible(why)[:200]}"


def wrapped_inside_a_name(code: str, lines: list[str]) -> list[str]:
    """Where a line of code, printed on consecutive PDF lines (`lines`, squeezed), breaks between two word
    characters (inside a name or a quoted word); [] if it is printed whole or breaks only at a space or
    punctuation. A code line not found at all is a fault too."""
    want = re.sub(r"\s+", "", code)
    if want in lines:
        return []
    for i, first in enumerate(lines):
        if not first or not want.startswith(first):
            continue
        pieces, joined, j = [first], first, i + 1
        while len(joined) < len(want) and j < len(lines) and want.startswith(joined + lines[j]):
            pieces.append(lines[j])
            joined += lines[j]
            j += 1
        if joined != want:
            continue
        bad, at = [], 0
        for piece in pieces[:-1]:
            at += len(piece)
            k = len(re.match(rf"(?:\s*\S){{{at}}}", code).group(0))  # the break, in the code as written
            if re.match(r"\w", code[k - 1]) and re.match(r"\w", code[k:k + 1] or " "):
                bad.append(f"{code[max(0, k - 12):k]}|{code[k:k + 12]}")
        return bad
    return [f"not printed: {code}"]


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_answer_key_prints_to_a_pdf_with_every_exercise(tmp_path, lang):
    """Every exercise on paper; the summary on page one; no exercise split across a page break; solution code
    never wrapped inside a name (a line too long breaks at a space); the print checks of tests/pdfpages.py
    (a page left under-filled by an exercise kept whole is the price of keeping it whole)."""
    import pdfpages
    from conftest import need_browser

    need_browser()
    # in a process of its own, as `make answer-key` runs it: this worker may already hold a sync Playwright
    # (the JupyterLab test's browser), and a second one cannot start inside its event loop
    subprocess.run([str(PY), "-m", "biomfg", "answer-key", "--lang", lang, "--out", str(tmp_path)],
                   check=True, capture_output=True, cwd=ROOT)
    made = sorted(tmp_path.rglob(f"answer-key.{lang}.*"), key=lambda f: f.suffix != ".html")
    pdf = made[-1]
    assert pdf.suffix == ".pdf"
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert [q for q in exercises.QUESTIONS if q not in text] == []
    pages = pdfpages.text_lines(pdf)
    flat = ["".join(ln.text for ln in page) for page in pages]
    assert [q for q in exercises.QUESTIONS if q not in flat[0]] == [], "the summary is not on page one"
    page = made[0].read_text(encoding="utf-8")
    split = []
    for qid, q in exercises.QUESTIONS.items():
        head = pdfpages.squeeze(f"{qid} · {i18n.t(f'ak_kind_{q.kind}', lang)}")
        section = page.split(f'id="{qid}"', 1)[1].split("</section>", 1)[0]
        tail = pdfpages.squeeze(visible(section))[-16:]
        on = [i for i, f in enumerate(flat) if head in f]
        assert len(on) == 1, f"{qid}: heading {head!r} on pages {[i + 1 for i in on]}"
        if tail not in flat[on[0]]:
            split.append(f"{qid} (p{on[0] + 1})")
    assert not split, f"exercises split across a page break: {split}"
    lines = [ln.text for p in pages for ln in p]
    inside = []
    for q in exercises.QUESTIONS.values():
        for block in re.findall(r"<pre>(.*?)</pre>", q.solution(lang), flags=re.S):
            for code in (c.strip() for c in html.unescape(block).splitlines() if c.strip()):
                inside += wrapped_inside_a_name(code, lines)
    assert not inside, f"code wrapped inside a name on paper: {inside}"
    faults = [f for f in pdfpages.analyse(pdf).faults if "under-filled" not in f]
    assert not faults, faults


# --- opening the student edition: one command -----------------------------------------------------------

def make_n(*args) -> subprocess.CompletedProcess:
    """What `make -n ARGS` would run (the set-up stamps taken as made), with LANGUAGE/EDITION from the command
    line only."""
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "EDITION", "MAKEFLAGS", "MAKELEVEL")}
    return subprocess.run(["make", "-n", "--no-print-directory", "-o", ".venv/.installed", "-o", "node_modules/.installed",
                           *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize("args", [["lab-zh", "EDITION=student"], ["lab", "LANGUAGE=zh", "EDITION=student"]])
def test_make_lab_zh_edition_student_makes_and_opens_the_student_edition(args):
    r = make_n(*args)
    assert r.returncode == 0, r.stderr
    lines = [ln for ln in r.stdout.splitlines() if ".venv/bin/" in ln]
    cmds = " ".join(r.stdout.replace("\\\n", " ").split())
    assert any(re.search(r"-m biomfg student --lang zh\b", ln) for ln in lines), r.stdout
    assert "biomfg editions" not in cmds
    assert re.search(r"jupyter trust \S* ?editions/student-zh/\*\.ipynb", cmds), r.stdout
    lab = re.search(r"jupyter lab .*", cmds).group(0)
    assert "lib/biomfg/jupyter/lab/zh" in lab and lab.endswith("editions/student-zh/00_start_here.ipynb"), lab
    assert "00_start_here.ipynb" in editions.lesson_files()
    en = " ".join(make_n("lab-en", "EDITION=student").stdout.replace("\\\n", " ").split())
    assert "biomfg student --lang en" in en and en.endswith("editions/student-en/00_start_here.ipynb")
    plain = " ".join(make_n("lab-zh").stdout.replace("\\\n", " ").split())  # the language edition, as before
    assert "biomfg editions --lang zh" in plain and plain.endswith(" editions/zh/00_start_here.ipynb")


def test_make_lab_edition_student_needs_a_language_and_a_known_edition():
    r = make_n("lab", "EDITION=student")
    assert r.returncode != 0 and "make lab-zh EDITION=student" in r.stderr and "jupyter lab" not in r.stdout
    r = make_n("lab-zh", "EDITION=teacher")
    assert r.returncode != 0 and "valid choices: lang student" in r.stderr and "jupyter lab" not in r.stdout


# --- rebuilding: the student's changes kept, a failure leaves the edition as it was ----------------------

def test_a_notebook_the_student_changed_is_kept_and_force_rebuilds_it(tmp_path, capsys):
    result, _ = edition(tmp_path, "zh", only=["00", "01"])
    changed = result.folder / "01_three_barriers.ipynb"
    nb = nbformat.read(changed, as_version=4)
    cell = next(c for c in nb.cells if c.cell_type == "code" and c.source.startswith("answer = None"))
    cell.source = cell.source.replace("answer = None", 'answer = "达尔文死海"')
    nbformat.write(nb, changed)
    mine = changed.read_bytes()
    # a notebook saved again by JupyterLab (other formatting, outputs added) with the same cells is not changed
    resaved = result.folder / "00_start_here.ipynb"
    again = nbformat.read(resaved, as_version=4)
    again.cells[-1].outputs = [nbformat.v4.new_output("stream", text="ran\n")]
    resaved.write_text(json.dumps(again, indent=2, ensure_ascii=True), encoding="utf-8")
    manifest = json.loads((result.folder / editions.MANIFEST).read_text())
    for entry in manifest["notebooks"].values():
        entry["input"] = "stale"  # as if data/ had changed
    (result.folder / editions.MANIFEST).write_text(json.dumps(manifest))

    again = editions.build("lang", "zh", out=tmp_path, only=["00", "01"], execute=False)
    assert again.kept == ["01_three_barriers.ipynb"] and again.built == ["00_start_here.ipynb"]
    assert changed.read_bytes() == mine
    err = capsys.readouterr().err
    assert "01_three_barriers.ipynb: changed since it was built; kept" in err and err.count("\n") == 1
    assert "ran" not in resaved.read_text()  # rebuilt

    forced = editions.build("lang", "zh", out=tmp_path, only=["00", "01"], execute=False, force=True)
    assert forced.built == ["01_three_barriers.ipynb"] and forced.current == ["00_start_here.ipynb"]
    assert 'answer = "达尔文死海"' not in changed.read_text(encoding="utf-8")


def _tiny(source, name, body):
    nb = new_notebook(cells=[new_markdown_cell("# 小 · Tiny"), new_markdown_cell("Tiny.", metadata={"tags": ["lang-en"]}),
                             new_markdown_cell("小。", metadata={"tags": ["lang-zh"]}),
                             new_code_cell('lang = "en"', metadata={"tags": ["parameters"]}), new_code_cell(body)])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, source / name)


def _leftovers(out):
    return [p.name for p in out.rglob("*") if p.name.endswith(".tmp")]


@pytest.mark.slow
def test_a_build_that_fails_midway_leaves_the_previous_edition_as_it_was(tmp_path):
    source, out = tmp_path / "src", tmp_path / "editions"
    source.mkdir()
    names = ["a.ipynb", "b.ipynb"]
    _tiny(source, "a.ipynb", "print(lang)")
    _tiny(source, "b.ipynb", "print(lang * 2)")
    first = editions.build("lang", "zh", out=out, source=source, names=names)
    assert first.built == names
    before = {p.name: p.read_bytes() for p in first.folder.iterdir()}
    assert nbformat.reads(before["a.ipynb"].decode(), as_version=4).cells[-1].outputs[0]["text"] == "zh\n"

    _tiny(source, "a.ipynb", "print(lang, 'again')")
    _tiny(source, "b.ipynb", "raise RuntimeError('the data are broken')")
    with pytest.raises(editions.EditionError, match=r"b\.ipynb \(zh\): RuntimeError: the data are broken"):
        editions.build("lang", "zh", out=out, source=source, names=names)
    assert {p.name: p.read_bytes() for p in first.folder.iterdir()} == before
    assert _leftovers(out) == []

    # stopped between two moves into place: the notebook already moved is not mistaken for the student's
    _tiny(source, "b.ipynb", "print('fixed')")
    real, calls = os.replace, []

    def stop_at_second(src, dst):
        calls.append(dst)
        if str(dst).endswith(".ipynb") and len([c for c in calls if str(c).endswith(".ipynb")]) == 2:
            raise KeyboardInterrupt
        return real(src, dst)

    editions.os.replace = stop_at_second
    try:
        with pytest.raises(KeyboardInterrupt):
            editions.build("lang", "zh", out=out, source=source, names=names)
    finally:
        editions.os.replace = real
    assert _leftovers(out) == []
    last = editions.build("lang", "zh", out=out, source=source, names=names)
    assert last.kept == [] and sorted(last.built + last.current) == names
    assert "again" in (first.folder / "a.ipynb").read_text() and "fixed" in (first.folder / "b.ipynb").read_text()


def test_the_command_names_a_bad_choice_in_one_line(tmp_path):
    bad = run(PY, "-m", "biomfg", "editions", "--lang", "fr", "--out", tmp_path, "--no-execute")
    assert bad.returncode == 1 and bad.stderr.strip().count("\n") == 0 and "valid choices: en, zh" in bad.stderr
    bad = run(PY, "-m", "biomfg", "student", "--only", "99", "--out", tmp_path, "--no-execute")
    assert bad.returncode == 1 and "01_three_barriers" in bad.stderr
    assert not list(tmp_path.iterdir())


# --- from a fresh clone, with the commands a teacher types -----------------------------------------------

def from_clone(repo, tmp_path) -> dict[str, subprocess.CompletedProcess]:
    """Clone `repo` (committed files only) and make a zh edition, a student edition and the answer key
    there with the make targets and this environment's Python; return each command's result."""
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "--quiet", str(repo), str(clone)], check=True, capture_output=True, timeout=120)
    venv = ROOT / ".venv"
    # this environment instead of a new .venv (-o: its stamps count as up to date), the clone's library first
    make = ["make", "--no-print-directory", f"VENV={venv}", "-o", f"{venv}/.installed", "-o", "node_modules/.installed"]
    env = {"PYTHONPATH": str(clone / "lib"), "BIOMFG_DATA": ""}
    results = {
        "editions": run(PY, "-m", "biomfg", "editions", "--lang", "zh", "--only", "01", cwd=clone, env=env, timeout=600),
        "student": run(*make, "student-edition", "LANGUAGE=en", "EDITION_ARGS=--only 01", cwd=clone, env=env, timeout=600),
        "key": run(*make, "answer-key", "EDITION_ARGS=--no-pdf", cwd=clone, env=env, timeout=600),
    }
    results["clone"] = clone
    return results


@pytest.mark.slow
def test_the_editions_and_the_key_are_made_from_a_fresh_clone(tmp_path):
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    results = from_clone(ROOT, tmp_path)
    clone = results.pop("clone")
    for name, r in results.items():
        assert r.returncode == 0, f"{name}: {r.stdout[-1500:]}{r.stderr[-1500:]}"
    zh = nbformat.read(clone / "editions" / "zh" / "01_three_barriers.ipynb", as_version=4)
    assert any(CJK.search(t) for _, t in output_texts(zh))
    student = nbformat.read(clone / "editions" / "student-en" / "01_three_barriers.ipynb", as_version=4)
    assert not any("exercises.solution(" in c.source for c in student.cells)
    assert any(c.get("outputs") for c in student.cells)
    for lang in i18n.LANGS:
        assert (clone / "editions" / "answer-key" / f"answer-key.{lang}.html").stat().st_size > 10000
    assert "editions/" in (clone / ".gitignore").read_text()
    status = subprocess.run(["git", "status", "--porcelain"], cwd=clone, capture_output=True, text=True, check=True)
    assert status.stdout == "", status.stdout  # editions/ is ignored; nothing else changed


def test_editions_is_git_ignored_and_every_notebook_it_lists_exists():
    assert "editions/" in (ROOT / ".gitignore").read_text().splitlines()
    assert [n for n in editions.lesson_files() if not (NOTEBOOKS / n).exists()] == []


# --- what the student sees: a zh edition lesson in JupyterLab -------------------------------------------

@pytest.mark.browser
@pytest.mark.slow
def test_a_zh_edition_lesson_in_jupyterlab_shows_only_chinese(tmp_path, offline_page):
    """Opened as `make lab-zh` opens it (JupyterLab's menus in Chinese too), with its stored outputs:
    no English prose, no fault the screen checks find. SCREENSHOTS=dir saves the PNGs."""
    import screen
    from servers import KERNEL_IDLE, LAB_TOKEN, lab

    result, _ = edition(tmp_path, "zh", only=["01"], execute=True)
    # what lib/biomfg/jupyter/lab/zh/overrides.json makes the default for make lab-zh: Chinese menus, no news
    overrides = json.loads((ROOT / "lib/biomfg/jupyter/lab/zh/overrides.json").read_text())
    for plugin, values in overrides.items():
        extension, name = plugin.split(":")
        folder = tmp_path / "settings" / extension
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{name}.jupyterlab-settings").write_text(json.dumps(values))
    with lab(result.folder, tmp_path) as url:
        page = offline_page(allow_loopback=True, width=1440, height=900).page
        page.goto(f"{url}/lab/tree/01_three_barriers.ipynb?reset&token={LAB_TOKEN}", timeout=120000)
        page.wait_for_function("window.jupyterapp && document.querySelector('.jp-Notebook .jp-Cell')", timeout=120000)
        page.wait_for_function("[...document.querySelectorAll('.jp-Notebook .vega-embed')].every(e => e.querySelector('svg'))",
                               timeout=60000)
        page.wait_for_function(KERNEL_IDLE, timeout=120000)
        page.wait_for_timeout(500)
        page.evaluate("() => window.jupyterapp.shell.currentWidget.node.setAttribute('data-biomfg-current', '')")
        menus = page.inner_text("#jp-menu-panel")
        # the student's code (code cells, code spans such as "zh" in the Imports line) is not prose
        skip = (".jp-CodeCell .jp-InputArea, .jp-InputPrompt, .jp-OutputPrompt, .jp-cell-toolbar, .jp-Toolbar, "
                ".jp-MarkdownCell code")
        faults = screen.faults(screen.look(page, "[data-biomfg-current] .jp-Notebook .jp-Cell", skip), "zh")
        page.wait_for_timeout(1500)  # the news question comes a moment after the notebook
        toasts = [t for t in page.locator(".Toastify__toast").all_inner_texts() if t.strip()]
        screen.shoot(page, "lab-zh.01_three_barriers", whole=False)
        screen.shoot(page, "lab-zh.01_three_barriers.whole")
    assert CJK.search(menus) and "File" not in menus, menus
    assert not faults, "\n".join(faults)
    # offline: JupyterLab does not ask to fetch its news from the internet (a toast over the lesson)
    assert not toasts, toasts


def test_every_solution_is_a_cell_of_its_own():
    """The student edition drops a cell that shows a solution, whole: nothing else may be in that cell."""
    mixed = []
    for name in editions.lesson_files():
        for i, cell in enumerate(nbformat.read(NOTEBOOKS / name, as_version=4).cells):
            if editions.is_solution(cell) and len([ln for ln in cell.source.splitlines() if ln.strip()]) != 1:
                mixed.append(f"{name} cell {i}: {cell.source[:80]!r}")
    assert not mixed, mixed
