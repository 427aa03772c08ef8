"""One language at a time: per-language editions of the lessons, with or without their solutions.

The source notebooks hold both languages (prose cells tagged `lang-en` / `lang-zh`, bilingual headings
"## 中文 · English", outputs stored in English). An edition is a folder of the same notebooks in one
language: the other language's cells removed, every bilingual " · " pair reduced to the one language (a
heading, the title, an emphasised line, a code comment), the `parameters` cell set to the language, and
the outputs executed in it. A student edition also drops every cell that shows a solution
(`exercises.solution(...)`, `exercises.model_answer(...)`).

    editions/zh/          make lab-zh           editions/student-zh/   make student-edition, or
    editions/en/          make lab-en           editions/student-en/   make lab-zh EDITION=student (made, then opened)

A build makes only what is stale (its source notebook, data/ or the library changed) and never
overwrites a notebook the student has changed since it was built: the folder's manifest keeps, per
notebook, the hash of the cells it was built with; a notebook whose cells differ is kept, with a line
naming it, unless `force`. Notebooks are made in a temporary folder beside the edition and moved in
only when every one has been made, so a failed or interrupted build leaves the previous edition as it was.
"""

from __future__ import annotations

import concurrent.futures as cf
import hashlib
import io
import json
import os
import re
import shutil
import sys
import tempfile
import time
import tokenize
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from .. import toc
from ..choices import check_choice
from ..data import PACKAGE_ROOT, data_dir
from ..i18n import LANGS, t
from . import files
from .notebooks import NOTEBOOKS

OUT = PACKAGE_ROOT / "editions"
KINDS = ("lang", "student")
MANIFEST = ".biomfg-edition.json"
FORMAT = 1  # bump when the way an edition is made changes: every edition is then stale
SEP = " · "
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff5e]")
LATIN = re.compile(r"[A-Za-z]")
SOLUTION_CALL = re.compile(r"\bexercises\s*\.\s*(?:solution|model_answer)\s*\(")
# the markers a Markdown line may open with: heading, list item, numbered item, quote
LINE_PREFIX = re.compile(r"^(\s*(?:#{1,6}\s+|[-*+]\s+|\d+[.)]\s+|>\s*)*)")


class EditionError(RuntimeError):
    """An edition could not be made: the message is one line naming the notebook."""


def folder_name(kind: str, lang: str) -> str:
    return lang if kind == "lang" else f"{kind}-{lang}"


# --- which notebooks --------------------------------------------------------------------------------

def lesson_files(source: Path = NOTEBOOKS) -> list[str]:
    """Every notebook toc.yml lists for students, in its order: all but the briefings (rendered by
    `make reports`) and the pages that are tools themselves (they import biomfg.tools: the Voilà start page)."""
    names = []
    for section, entries in toc.toc().items():
        if section == "briefings" or not isinstance(entries, list):
            continue
        for entry in entries:
            name = entry["file"]
            path = source / name
            if "/" in name or name in names:
                continue
            if section != "lessons" and path.exists() and "biomfg.tools" in path.read_text(encoding="utf-8"):
                continue
            names.append(name)
    return names


def choose(names: list[str], only: list[str] | None) -> list[str]:
    """The notebooks `only` names ('01', '01_three_barriers', or the file name), in toc order."""
    if not only:
        return names
    chosen = set()
    for want in only:
        hits = [n for n in names if want in (n, n.removesuffix(".ipynb")) or n.startswith(f"{want}_")]
        if not hits:
            check_choice("--only", want, [n.removesuffix(".ipynb") for n in names])
        chosen.update(hits)
    return [n for n in names if n in chosen]


# --- one language -----------------------------------------------------------------------------------

def _script(text: str) -> str | None:
    if CJK.search(text):
        return "zh"
    return "en" if LATIN.search(text) else None


def pick(text: str, lang: str) -> str | None:
    """The `lang` half of a bilingual " · " pair ('## 概述 · Overview' -> '## Overview'), or None when
    `text` is not one. Either language may come first; a Markdown line marker stays in front and an
    emphasis wrapping both halves ('*你的答案 · Your answer:*') wraps the half kept."""
    prefix = LINE_PREFIX.match(text).group(1)
    parts = text[len(prefix):].split(SEP)
    splits = []
    for k in range(1, len(parts)):
        left, right = SEP.join(parts[:k]), SEP.join(parts[k:])
        if {_script(left), _script(right)} == {"zh", "en"}:
            splits.append((left, right))
    if len(splits) != 1:
        return None
    left, right = splits[0]
    lead = re.match(r"[*_]*", left).group(0)
    trail = re.search(r"[*_]*$", right).group(0)
    wrap = ""
    if lead and lead == trail[::-1] and not re.search(r"[*_]$", left) and not re.match(r"[*_]", right):
        wrap, left, right = lead, left[len(lead):], right[: len(right) - len(trail)]
    kept = left if _script(left) == lang else right
    return f"{prefix}{wrap}{kept.strip()}{wrap[::-1]}"


def one_language_markdown(source: str, lang: str) -> str:
    return "\n".join(pick(line, lang) or line for line in source.split("\n"))


def one_language_comments(source: str, lang: str) -> str:
    """Code with each bilingual comment ('# your answer here · 在此填写答案') reduced to `lang`."""
    if SEP not in source:
        return source
    try:
        tokens = [tok for tok in tokenize.generate_tokens(io.StringIO(source).readline) if tok.type == tokenize.COMMENT]
    except (tokenize.TokenError, SyntaxError, IndentationError):
        return source  # not plain Python (a magic): left as it is
    lines = source.split("\n")
    for tok in reversed(tokens):
        row, col = tok.start
        body = tok.string.lstrip("#").strip()
        kept = pick(body, lang)
        if kept is not None:
            line = lines[row - 1]
            lines[row - 1] = line[:col] + "# " + kept + line[col + len(tok.string):]
    return "\n".join(lines)


def tags(cell) -> list[str]:
    return list(cell.get("metadata", {}).get("tags", []))


def is_solution(cell) -> bool:
    return cell.cell_type == "code" and bool(SOLUTION_CALL.search(cell.source))


def transform(nb: nbformat.NotebookNode, lang: str, kind: str = "lang", name: str = "") -> nbformat.NotebookNode:
    """The notebook in `lang` alone (see the module's docstring); outputs are left for execute()."""
    other = {f"lang-{x}" for x in LANGS if x != lang}
    cells = []
    params = 0
    for cell in nb.cells:
        if other & set(tags(cell)) or (kind == "student" and is_solution(cell)):
            continue
        if kind == "student" and "exercises-intro" in tags(cell):  # the source's intro promises folded solutions
            cell.source = t("ed_student_exercises_intro", lang)
        elif cell.cell_type == "markdown" and not any(t.startswith("lang-") for t in tags(cell)):
            cell.source = one_language_markdown(cell.source, lang)
        elif cell.cell_type == "code":
            if "parameters" in tags(cell):
                cell.source = f'lang = "{lang}"'
                params += 1
            else:
                cell.source = one_language_comments(cell.source, lang)
        cells.append(cell)
    if params != 1:
        raise EditionError(f"{name}: {params} cells tagged parameters (one is needed, holding lang)")
    nb.cells = cells
    nb.metadata["biomfg_edition"] = {"kind": kind, "lang": lang}
    return nb


def stray_lines(nb: nbformat.NotebookNode, lang: str) -> list[str]:
    """Untagged Markdown lines (and code comments) still in the other language, or still bilingual:
    what a reader of `lang` would see of the other language. Code spans, links' targets and HTML tags
    are not words."""
    out = []
    for i, cell in enumerate(nb.cells):
        if any(t.startswith("lang-") for t in tags(cell)):
            continue
        if cell.cell_type == "markdown":
            lines = cell.source.split("\n")
        elif cell.cell_type == "code":  # a comment in one language is code; a bilingual one is not reduced
            lines = [line.split("#", 1)[1] for line in cell.source.split("\n") if "#" in line and SEP in line]
        else:
            continue
        for line in lines:
            words = re.sub(r"`[^`]*`|\]\([^)]*\)|<[^>]+>|https?://\S+", " ", line)
            cjk, latin = bool(CJK.search(words)), bool(LATIN.search(words))
            if (lang == "zh" and latin and not cjk) or (lang == "en" and cjk) or (SEP in line and cjk and latin):
                out.append(f"cell {i}: {line.strip()[:80]}")
    return out


# --- building ---------------------------------------------------------------------------------------

def cells_hash(nb_or_path) -> str:
    """What the student writes: the type and source of every cell, in order (outputs, execution counts
    and JupyterLab's own formatting of the file do not count). '' for a file that cannot be read."""
    try:
        nb = nb_or_path if isinstance(nb_or_path, dict) else nbformat.read(nb_or_path, as_version=4)
    except Exception:  # noqa: BLE001 (a broken file is a changed file)
        return ""
    cells = [[c.get("cell_type"), c.get("source", "")] for c in nb.get("cells", [])]
    return hashlib.sha256(json.dumps(cells, ensure_ascii=False).encode("utf-8")).hexdigest()


def _tree_hash(root: Path, suffixes: tuple[str, ...], skip: tuple[str, ...] = ()) -> str:
    h = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in suffixes):
        rel = path.relative_to(root).as_posix()
        if "__pycache__" in path.parts or rel.startswith(skip):
            continue
        h.update(rel.encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


# What a lesson's outputs cannot depend on: no lesson imports tools (CONTRIBUTING), the templates are
# nbconvert's and Voilà's. This module and the executor it uses do count.
NOT_IN_LESSONS = ("staging/", "templates/", "jupyter/", *(f"tools/{p.name}" for p in Path(__file__).parent.glob("*.py")
                                                        if p.name not in ("editions.py", "notebooks.py", "files.py")))


def recipe(kind: str, lang: str, execute: bool) -> str:
    """What every notebook of an edition is made from besides its source: the library, data/, the pins, the way."""
    lib = Path(__file__).resolve().parents[1]
    pins = PACKAGE_ROOT / "requirements.txt"
    parts = [str(FORMAT), kind, lang, str(execute), _tree_hash(lib, (".py", ".yml", ".json"), NOT_IN_LESSONS),
             _tree_hash(data_dir(), (".csv", ".json"), NOT_IN_LESSONS),
             hashlib.sha256(pins.read_bytes()).hexdigest() if pins.exists() else ""]
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def read_manifest(folder: Path) -> dict:
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        return manifest if isinstance(manifest.get("notebooks"), dict) else {"notebooks": {}}
    except (OSError, ValueError):
        return {"notebooks": {}}


def _write_manifest(folder: Path, manifest: dict) -> None:
    files.write_atomic(json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True) + "\n", folder / MANIFEST)


def make_one(source: Path, target: Path, lang: str, kind: str, execute: bool) -> str:
    """Write the edition of one notebook to `target`; return its cells' hash."""
    from .notebooks import execute as run

    nb = transform(nbformat.read(source, as_version=4), lang, kind, source.name)
    if execute:
        try:
            run(nb, cwd=target.parent)
        except Exception as exc:  # noqa: BLE001 (one line naming the notebook)
            first = (str(getattr(exc, "evalue", "") or exc).strip().splitlines() or [type(exc).__name__])[0]
            raise EditionError(f"{source.name} ({lang}): {getattr(exc, 'ename', type(exc).__name__)}: {first}") from None
    else:
        for cell in nb.cells:
            if cell.cell_type == "code":
                cell.outputs, cell.execution_count = [], None
    files.write_atomic(nbformat.writes(nb) + "\n", target)
    return cells_hash(nb)


@dataclass
class Result:
    folder: Path
    built: list[str] = field(default_factory=list)
    current: list[str] = field(default_factory=list)   # up to date, left alone
    kept: list[str] = field(default_factory=list)      # changed by the student since built, left alone
    seconds: float = 0.0

    def line(self) -> str:
        where = os.path.relpath(self.folder)
        if not self.built:
            return f"{where}: up to date ({len(self.current)} notebooks)" + (f", {len(self.kept)} kept" if self.kept else "")
        return (f"{where}: {len(self.built)} notebooks made in {self.seconds:.1f} s"
                + (f", {len(self.current)} up to date" if self.current else "")
                + (f", {len(self.kept)} kept" if self.kept else ""))


def build(kind: str = "lang", lang: str = "zh", *, out: Path = OUT, only: list[str] | None = None,
          force: bool = False, execute: bool = True, jobs: int | None = None, source: Path = NOTEBOOKS,
          names: list[str] | None = None, stream=None) -> Result:
    """Make (or bring up to date) the `kind` edition in `lang` under `out`; see the module's docstring."""
    check_choice("kind", kind, KINDS)
    check_choice("--lang", lang, LANGS)
    start = time.perf_counter()
    names = choose(names if names is not None else lesson_files(source), only)
    missing = [n for n in names if not (source / n).exists()]
    if missing:
        raise EditionError(f"{missing[0]}: listed in toc.yml but not in {source}")
    out = Path(out).resolve()
    folder = out / folder_name(kind, lang)
    result = Result(folder)
    manifest = read_manifest(folder)
    entries = manifest["notebooks"]
    base = recipe(kind, lang, execute)
    todo: dict[str, str] = {}
    for name in names:
        wanted = hashlib.sha256((base + (source / name).read_text(encoding="utf-8")).encode()).hexdigest()
        target, entry = folder / name, entries.get(name) or {}
        ours = not target.exists() or cells_hash(target) in entry.get("cells", [])
        if not ours and not force:
            result.kept.append(name)
            print(f"{os.path.relpath(target)}: changed since it was built; kept (FORCE=1 rebuilds it)", file=stream or sys.stderr)
        elif ours and target.exists() and entry.get("input") == wanted:
            result.current.append(name)
        else:
            todo[name] = wanted
    if not todo:
        result.seconds = time.perf_counter() - start
        return result
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".tmp", dir=out))
    try:
        made: dict[str, str] = {}
        workers = max(1, min(jobs or os.cpu_count() or 1, len(todo)))
        with cf.ThreadPoolExecutor(max_workers=workers) as pool:
            futures = {pool.submit(make_one, source / n, work / n, lang, kind, execute): n for n in todo}
            try:
                for fut in cf.as_completed(futures):
                    made[futures[fut]] = fut.result()
            except BaseException:
                for f in futures:
                    f.cancel()
                raise
        # Commit: the manifest first accepts both the old and the new cells of each notebook moved in, so a
        # build stopped between two moves never mistakes a notebook it wrote for the student's own.
        folder.mkdir(parents=True, exist_ok=True)
        for name in todo:
            entry = entries.setdefault(name, {})
            entry["cells"] = sorted(set(entry.get("cells", [])) | {made[name]})
        _write_manifest(folder, manifest)
        for name in todo:
            os.replace(work / name, folder / name)
        for name, wanted in todo.items():
            entries[name] = {"cells": [made[name]], "input": wanted}
        _write_manifest(folder, manifest)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    result.built = list(todo)
    result.seconds = time.perf_counter() - start
    return result


def main(args, kind: str) -> int:
    """`python -m biomfg editions | student`: see --help."""
    langs = args.lang or list(LANGS)
    try:
        for lang in langs:
            check_choice("--lang", lang, LANGS)
        if args.jobs is not None and args.jobs < 1:
            raise ValueError(f"--jobs={args.jobs} must be 1 or more")
        only = [x for item in args.only or [] for x in item.split(",") if x]
        for lang in langs:
            result = build(kind, lang, out=Path(args.out), only=only, force=args.force, execute=not args.no_execute,
                           jobs=args.jobs)
            print(result.line())
    except KeyboardInterrupt:
        print(f"{kind}: interrupted; the edition is as it was", file=sys.stderr)
        return 130
    except (EditionError, ValueError) as exc:
        print(f"{'editions' if kind == 'lang' else kind}: {exc}", file=sys.stderr)
        return 1
    return 0
