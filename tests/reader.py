"""What a reader reads: the harvest the reader-text tests share (test_reader_text, test_zh_typography,
test_en_style).

Every code cell of every lesson notebook and briefing (each briefing for every region and platform type) is
run in this process, in zh and en, and what it displays is read as a person reads it: the visible text of
its text/html (styles, scripts and code blocks left out). Every exercise is asked, checked with no answer,
the right one and wrong ones, and solved. `texts(lang)` adds the lessons' prose cells of that language and
the words an explorer's controls show, and yields every text a reader of that language sees, with where.
"""

from __future__ import annotations

import ast
import csv
import functools
import json
import re
from html.parser import HTMLParser

import altair as alt
import nbformat
from IPython.core.formatters import DisplayFormatter

from biomfg import data, exercises
from biomfg.prose import chartdata
from biomfg.tools import reports

from conftest import DATA, NOTEBOOKS

LANGS = ("en", "zh")
CHART = "application/vnd.vegalite"
CODE = "\ue000"  # stands for an inline code span in linted text: neither Chinese nor Latin


# --- what a reader sees of an output ---------------------------------------------------------------

class _Visible(HTMLParser):
    """The text of HTML as a page shows it: no styles, scripts, or code blocks (a solution's code is code).
    With `code`, an inline <code> span is replaced by `code` (a file name or a variable is not prose)."""

    SKIP = {"style", "script", "pre"}
    BLOCK = {"p", "div", "li", "td", "th", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "summary", "br", "caption",
             "figcaption", "dt", "dd", "blockquote", "table", "ul", "ol", "details", "section", "header",
             "footer", "title"}

    def __init__(self, code: str | None = None, blocks: bool = False):
        super().__init__(convert_charrefs=True)
        self.depth, self.parts, self.code, self.in_code, self.blocks = 0, [], code, 0, blocks

    def handle_starttag(self, tag, attrs):
        self.depth += tag in self.SKIP
        if self.code is not None and tag == "code":
            self.in_code += 1
            if not self.depth:
                self.parts.append(self.code)
        if self.blocks and tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        self.depth -= tag in self.SKIP
        if self.code is not None and tag == "code":
            self.in_code -= 1
        if self.blocks and tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, text):
        if not self.depth and not self.in_code:
            self.parts.append(text)


def visible(html: str) -> str:
    parser = _Visible()
    parser.feed(html)
    return " ".join(parser.parts)


def prose_text(html: str) -> str:
    """The visible text as the linters read it: inline code as one placeholder character, and each block
    (paragraph, list item, table cell) on its own line, words inside a block joined as the page joins them."""
    parser = _Visible(code=CODE, blocks=True)
    parser.feed(html)
    text = "".join(parser.parts)
    return "\n".join(re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in text.split("\n") if line.strip())


def _formatter() -> DisplayFormatter:
    return DisplayFormatter()


def bundles(obj, fmt: DisplayFormatter) -> list[dict]:
    """What displaying `obj` shows: its bundle and, for an explorer, what its live outputs show now."""
    if obj is None:
        return []
    if isinstance(obj, list) and hasattr(obj, "_ipython_display_"):  # a briefing part: several outputs
        return [b for item in obj for b in bundles(item, fmt)]
    bundle, _ = fmt.format(obj)
    out = [bundle]
    if isinstance(obj, alt.TopLevelMixin) and (block := chartdata.block(obj)) is not None:
        out.append(fmt.format(block)[0])  # the data under the chart, as a kernel shows it (render.show_with)
    stack = list(getattr(obj, "children", ()))
    while stack:
        w = stack.pop()
        stack.extend(getattr(w, "children", ()))
        out += [o.get("data", {}) for o in getattr(w, "outputs", ()) if o.get("output_type") == "display_data"]
    return out


def chart_words(spec: dict) -> list[str]:
    """The words a chart draws: its title and subtitle, axis and legend titles, and the values of every
    field an encoding shows (labels, bar texts, tooltips); a '|' in a label is a line break."""
    words, fields = [], set()

    def walk(node, key=""):
        if isinstance(node, dict):
            title = node.get("title")
            if isinstance(title, str):
                words.append(title)
            elif isinstance(title, list):
                words.extend(x for x in title if isinstance(x, str))
            elif isinstance(title, dict):
                for part in ("text", "subtitle"):
                    value = title.get(part)
                    words.extend([value] if isinstance(value, str) else [x for x in value or () if isinstance(x, str)])
            if isinstance(node.get("field"), str):
                fields.add(node["field"].split(".")[0])
            for k, v in node.items():
                if k not in ("datasets", "title", "config"):
                    walk(v, k)
        elif isinstance(node, list):
            for v in node:
                walk(v, key)

    walk(spec)
    if isinstance(spec.get("description"), str):  # the chart in words: what a screen reader says
        words.append(spec["description"])
    for rows in (spec.get("datasets") or {}).values():
        for row in rows:
            words += [v for k, v in row.items() if k in fields and isinstance(v, str)]
    return [line for w in dict.fromkeys(words) for line in w.split("|") if line.strip()]


def control_words(obj) -> list[str]:
    """The words an explorer's controls show: descriptions, option labels, HTML and label values."""
    out, stack = [], [obj]
    while stack:
        w = stack.pop()
        stack.extend(getattr(w, "children", ()))
        if not hasattr(w, "keys") or not hasattr(w, "comm"):  # not an ipywidget
            continue
        for attr in ("description", "placeholder", "tooltip"):
            value = getattr(w, attr, None)
            if isinstance(value, str) and value.strip():
                out.append(value)
        for option in getattr(w, "options", ()) or ():
            label = option[0] if isinstance(option, tuple) else option
            if isinstance(label, str):
                out.append(label)
        if type(w).__name__ in ("HTML", "HTMLMath", "Label"):
            value = getattr(w, "value", "")
            out.append(prose_text(value) if type(w).__name__ != "Label" else value)
    return out


# --- running a notebook's code in this process -------------------------------------------------------

def _cells(path, params: dict) -> list[str]:
    """The notebook's code cells, the parameters cell replaced by `params` (as papermill injects them)."""
    nb = nbformat.read(path, as_version=4)
    out = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        if "parameters" in cell.metadata.get("tags", []):
            out.append("\n".join(f"{k} = {v!r}" for k, v in params.items()))
        else:
            out.append(cell.source)
    return out


def run_cells(path, params: dict):
    """Yield (cell index, source, displayed object) for every code cell, run in one namespace."""
    ns: dict = {}
    for i, source in enumerate(_cells(path, params)):
        tree = ast.parse(source)
        last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
        exec(compile(tree, f"{path.name}[{i}]", "exec"), ns)  # noqa: S102 (the project's own notebooks)
        value = eval(compile(ast.Expression(last.value), f"{path.name}[{i}]", "eval"), ns) if last else None
        yield i, source, value


def _pages() -> list[tuple[str, object, dict]]:
    """(name, notebook path, parameters): every lesson notebook, every briefing of every case and type."""
    lessons = [(p.stem, p, {}) for p in sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))]
    briefings = NOTEBOOKS / "briefings"
    return (lessons + [("overview", briefings / "overview.ipynb", {})]
            + [(f"platform_type={t}", briefings / "platform_type.ipynb", {"platform_type": t})
               for t in reports.platform_types()]
            + [(f"region={r}", briefings / "region.ipynb", {"region": r}) for r in reports.regional_cases()])


PAGES = _pages()


@functools.cache
def _run(index: int, lang: str) -> tuple[list[tuple[str, dict]], list[str], list[tuple[str, list[str]]]]:
    name, path, params = PAGES[index]
    fmt = _formatter()
    out, raw, controls = [], [], []
    for i, source, value in run_cells(path, {"lang": lang, **params}):
        where = f"{name} ({lang}) cell {i}: {source.strip().splitlines()[-1][:70]}"
        for item in (value if isinstance(value, list) else [value]):
            if isinstance(item, alt.TopLevelMixin):
                _CHARTS.setdefault((index, lang), []).append((where, item))
        for bundle in bundles(value, fmt):
            out.append((where, bundle))
            if set(bundle) == {"text/plain"} and re.search(r"^'<|<div|<style|<table", bundle["text/plain"]):
                raw.append(where)
        if hasattr(value, "children"):
            controls.append((where, control_words(value)))
    return out, raw, controls


_CHARTS: dict[tuple[int, str], list] = {}


def charts(index: int, lang: str) -> list[tuple[str, object]]:
    """Every Altair chart page `index` displays in `lang` (the objects, as a cell returns them), by cell."""
    _run(index, lang)
    return _CHARTS.get((index, lang), [])


def shown(index: int, lang: str) -> tuple[list[tuple[str, dict]], list[str]]:
    """Every bundle page `index` displays in `lang`, labelled by cell, and the cells whose result is a str
    holding HTML (it would reach the reader as quoted source text)."""
    out, raw, _ = _run(index, lang)
    return out, raw


def answers(qid: str) -> list:
    """The right answer, its name where it is an id, and wrong ones of the kinds students give."""
    right = exercises.QUESTIONS[qid].answer()
    out = [None, "", right, "nonsense", 0, -3, "12.5%", {"nope": 1}]
    if isinstance(right, int | float) and not isinstance(right, bool):
        out += [right + 1, right * 10, right / 100]
    names = data.entity_names().drop_duplicates("entity_id").set_index("entity_id")
    if isinstance(right, str) and right in names.index:
        out += [names.loc[right, "name_en"], names.loc[right, "name_zh"]]
    return out


# --- what the data calls things ----------------------------------------------------------------------

@functools.cache
def data_names() -> dict[str, frozenset[str]]:
    """Every value of a name, short name, abbreviation or title column of data/ ('names'), and the Chinese
    names of the indicators ('indicators_zh'). A name is written as its holder writes it."""
    package = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    names, indicators = set(), set()
    for res in package["resources"]:
        with (DATA / res["path"]).open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                names.update(v.strip() for k, v in row.items()
                             if k and v and k.startswith(("name", "short", "abbr", "title")))
                if res["name"] == "indicators":
                    indicators.add(row["name_zh"])
    return {"names": frozenset(names), "indicators_zh": frozenset(indicators)}


def unquoted(text: str) -> str:
    """The text with every verbatim quote “…” (and 《title》) replaced by one neutral character: a quote is
    the source's own wording and typography, never changed."""
    while True:  # innermost first: a quote may quote (“…“地平线2020”…”)
        masked = re.sub(r"“[^“”]*”", CODE, text)
        if masked == text:
            break
        text = masked
    return re.sub(r"《[^《》]*》", CODE, text)


# --- every text a reader of one language sees --------------------------------------------------------

def markdown_html(source: str) -> str:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table").render(source)


def prose_cells(lang: str) -> list[tuple[str, str]]:
    """(where, visible text) of every lesson's and briefing's Markdown cell tagged lang-<lang>."""
    paths = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")) + sorted((NOTEBOOKS / "briefings").glob("*.ipynb"))
    out = []
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        for i, cell in enumerate(nb.cells):
            if cell.cell_type == "markdown" and f"lang-{lang}" in cell.metadata.get("tags", []):
                out.append((f"{path.stem} ({lang}) markdown {cell.get('id', i)}", prose_text(markdown_html(cell.source))))
    return out


def page_texts(index: int, lang: str) -> list[tuple[str, str]]:
    """(where, visible text) of everything page `index` shows in `lang`: HTML outputs, plain-text outputs
    that are not a widget's repr, the words its charts draw and the words of its explorers' controls."""
    out = []
    bundles_, _, controls = _run(index, lang)
    for where, bundle in bundles_:
        chart = next((k for k in bundle if k.startswith(CHART)), None)
        if chart:
            out += [(f"{where} [chart]", w) for w in chart_words(bundle[chart])]
            continue
        if "application/vnd.jupyter.widget-view+json" in bundle:
            continue
        if bundle.get("text/html"):
            out.append((where, prose_text(bundle["text/html"])))
        elif bundle.get("text/markdown"):
            out.append((where, prose_text(markdown_html(bundle["text/markdown"]))))
    for where, words in controls:
        out += [(f"{where} [control]", w) for w in words]
    return out


@functools.cache
def exercise_texts(lang: str) -> tuple[tuple[str, str], ...]:
    """(where, visible text) of every exercise's prompt, every judge message and every solution."""
    out = []
    for qid in exercises.QUESTIONS:
        out.append((f"exercise {qid} ({lang}) ask", prose_text(exercises.ask(qid, lang).data)))
        for given in answers(qid):
            out.append((f"exercise {qid} ({lang}) check({given!r})", prose_text(exercises.check(qid, given, lang).data)))
        out.append((f"exercise {qid} ({lang}) solution", prose_text(exercises.solution(qid, lang).data)))
    return tuple(out)


def texts(lang: str):
    """Every text a reader of `lang` sees: (where, text), deduplicated by text per place."""
    seen = set()
    items = [*prose_cells(lang), *exercise_texts(lang)]
    for index in range(len(PAGES)):
        items += page_texts(index, lang)
    for where, text in items:
        if text and (where, text) not in seen:
            seen.add((where, text))
            yield where, text
