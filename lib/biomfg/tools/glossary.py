"""Where each glossary term first appears: data/glossary.csv's `first_notebook`, derived from the lessons.

A lesson's own teaching is its reader-visible text: its Markdown (both languages: the prose pairs and the
shared headings) and what its code cells display in English (the stored outputs) and in Chinese (the lesson
run with `lang = "zh"`): HTML as a page shows it (no styles or scripts), plain text where there is no HTML.
Left out (see `biomfg.model.glossary`): the start page, which previews every lesson; in each lesson, the
"What's next" and "Sources" sections, which name the next lesson and the source documents; and the "Terms in
this lesson" boxes (`prose.glossary.terms_here`), which show what this column says, so reading them back
would make the column its own evidence. Chart specs are left out too (their words are axis titles and data
labels, not prose).

Run after a lesson's prose or outputs change (tests/test_glossary.py fails until then):

    .venv/bin/python -m biomfg.tools.glossary          # rewrite the column in data/glossary.csv, refresh
                                                       # notebooks/glossary.ipynb, name the lessons to refresh
    .venv/bin/python -m biomfg.tools.glossary --check  # print what would change, exit 1 if anything would
"""

from __future__ import annotations

import copy
import csv
import io
import sys
from html.parser import HTMLParser
from pathlib import Path

import nbformat

from .. import data
from ..data import data_dir
from ..model import glossary as model
from . import notebooks

COLUMN = "first_notebook"
BOX_CALL = "glossary.terms_here("  # the cells whose output is left out
BLOCK = {"p", "div", "li", "td", "th", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "summary", "br", "dt", "dd",
         "table", "ul", "ol", "details", "caption", "blockquote"}


class _Visible(HTMLParser):
    """The text of HTML as a page shows it: no styles or scripts, each block on its own line."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.skip, self.parts = 0, []

    def handle_starttag(self, tag, attrs):
        self.skip += tag in ("style", "script")
        if tag in BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        self.skip -= tag in ("style", "script")
        if tag in BLOCK:
            self.parts.append("\n")

    def handle_data(self, text):
        if not self.skip:
            self.parts.append(text)


def visible(html: str) -> str:
    parser = _Visible()
    parser.feed(html)
    return "".join(parser.parts)


def markdown_text(source: str) -> str:
    """A Markdown cell's visible text: rendered, then read as a page shows it (link targets are not text)."""
    from markdown_it import MarkdownIt

    return visible(MarkdownIt("commonmark").enable("table").render(source))


def bundle_text(bundle: dict) -> str:
    """What one output shows as text: its HTML's visible text, else its plain text ('' for a chart, and for
    the data under a chart: its rows and their quotations teach nothing the lesson's text does not)."""
    if "text/html" in bundle:
        html = bundle["text/html"]
        html = "".join(html) if isinstance(html, list) else html
        return "" if "class='biomfg-chart-data'" in html else visible(html)
    if any(k.startswith("application/vnd.vegalite") for k in bundle):
        return ""
    plain = bundle.get("text/plain", "")
    return "".join(plain) if isinstance(plain, list) else plain


def is_box(cell) -> bool:
    return cell.cell_type == "code" and BOX_CALL in cell.source


def left_out(nb) -> list[bool]:
    """For each cell, whether the rule leaves it out: a terms box, or a cell of a "What's next" or "Sources"
    section (from its level-2 heading, the heading included, to the next level-2 heading)."""
    out, skipping = [], False
    for cell in nb.cells:
        if cell.cell_type == "markdown" and cell.source.startswith("## "):
            skipping = model.left_out_section(cell.source[3:])
        out.append(skipping or is_box(cell))
    return out


def left_out_code(nb) -> set[int]:
    """The code cells the rule leaves out, numbered among the code cells (as the reader harvest numbers them)."""
    code = [skip for cell, skip in zip(nb.cells, left_out(nb), strict=True) if cell.cell_type == "code"]
    return {i for i, skip in enumerate(code) if skip}


def output_texts(nb) -> list[str]:
    """The text of every output of every code cell the rule reads (no terms box, no What's next or Sources)."""
    out = []
    for cell, skip in zip(nb.cells, left_out(nb), strict=True):
        if cell.cell_type != "code" or skip:
            continue
        for o in cell.get("outputs", []):
            if o.get("output_type") == "stream":
                out.append(o.get("text", ""))
            else:
                out.append(bundle_text(o.get("data", {})))
    return out


def markdown_texts(nb) -> list[str]:
    return [markdown_text(c.source) for c, skip in zip(nb.cells, left_out(nb), strict=True)
            if c.cell_type == "markdown" and not skip]


def stored_text(path: Path) -> str:
    """A notebook's Markdown (both languages) and stored outputs (English), as a reader sees them, less what
    the rule leaves out."""
    nb = nbformat.read(path, as_version=4)
    return "\n".join(markdown_texts(nb) + output_texts(nb))


def executed_outputs(path: Path, lang: str) -> str:
    """What a notebook's code cells display when it is run with `lang` (the parameters cell set, as papermill
    sets it), boxes left out."""
    nb = nbformat.read(path, as_version=4)
    nb = copy.deepcopy(nb)
    for cell in nb.cells:
        if "parameters" in cell.metadata.get("tags", []):
            cell.source = f'lang = "{lang}"'
    notebooks.execute(nb, cwd=path.parent)
    return "\n".join(output_texts(nb))


def lesson_texts(zh_outputs: bool = True) -> list[tuple[str, str]]:
    """(stem, text) of every lesson the rule reads (not the start page) in toc order: Markdown, stored English
    outputs and, with `zh_outputs`, the outputs of a run in Chinese."""
    out = []
    for stem in model.teaching_stems():
        path = notebooks.NOTEBOOKS / f"{stem}.ipynb"
        text = stored_text(path)
        if zh_outputs:
            text += "\n" + executed_outputs(path, "zh")
        out.append((stem, text))
    return out


def first_notebooks(texts: list[tuple[str, str]] | None = None) -> dict[str, str | None]:
    """term_id -> the stem of the first lesson whose text uses the term (None where no lesson does)."""
    texts = lesson_texts() if texts is None else texts
    return {r["term_id"]: model.first_use(texts, r) for _, r in model.terms().iterrows()}


def rewrite(csv_text: str, first: dict[str, str | None]) -> str:
    """glossary.csv with its `first_notebook` column (added as the last column if missing) set from `first`;
    every other byte as it was (csv's minimal quoting, as the file is written)."""
    rows = list(csv.reader(io.StringIO(csv_text)))
    head = rows[0]
    if COLUMN not in head:
        head.append(COLUMN)
        for r in rows[1:]:
            r.append("")
    i, key = head.index(COLUMN), head.index("term_id")
    for r in rows[1:]:
        r[i] = first.get(r[key]) or ""
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue()


def main(argv: list[str]) -> int:
    """Rewrite the column; where it changed, refresh the glossary notebook's stored outputs (its entries say
    where each term first appears) and name the lessons whose terms box now shows other terms."""
    path = data_dir() / "glossary.csv"
    old = path.read_text(encoding="utf-8")
    if COLUMN not in old.split("\n", 1)[0].split(","):  # the lessons read the glossary: give it the column first
        path.write_text(rewrite(old, {}), encoding="utf-8")
        data.clear_cache()
    first = first_notebooks()
    new = rewrite(old, first)
    current = _current(old)
    moved = {k: (current.get(k), v) for k, v in first.items() if v != current.get(k)}
    print("\n".join(f"{k}: {a or '(none)'} -> {b or '(no lesson)'}" for k, (a, b) in moved.items())
          or "first_notebook is up to date")
    if "--check" in argv:
        return 1 if old != new else 0
    if old != new:
        path.write_text(new, encoding="utf-8")
        data.clear_cache()
        for page in notebooks.reference():
            print(f"{page.name}: stored outputs refreshed in {notebooks.refresh(page):.1f} s")
        boxed = sorted({s for pair in moved.values() for s in pair if s} & set(_boxed()))
        if boxed:
            print("their terms boxes changed: refresh their outputs too (python -m biomfg outputs "
                  + " ".join(f"notebooks/{s}.ipynb" for s in boxed) + ")")
    return 0


def _boxed() -> list[str]:
    """The lessons that show a terms box."""
    return [s for s in model.lesson_stems()
            if any(is_box(c) for c in nbformat.read(notebooks.NOTEBOOKS / f"{s}.ipynb", as_version=4).cells)]


def _current(csv_text: str) -> dict[str, str | None]:
    rows = list(csv.DictReader(io.StringIO(csv_text)))
    return {r["term_id"]: (r.get(COLUMN) or None) for r in rows}


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
