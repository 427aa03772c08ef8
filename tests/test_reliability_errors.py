"""Issue 9, error messages for users: a broken data folder or a bad parameter shows ONE short
message (problem + fix, in en and zh) instead of a long traceback, and the run still fails.

Four faults, each executed with papermill (the same path as reports and nbval) in parallel:
a missing data file, a corrupt CSV, an unknown `lang`, an unknown region.
"""

from __future__ import annotations

import concurrent.futures as cf
import re

import nbformat
import pytest

from biomfg import errors
from biomfg.data import DataError
from biomfg.i18n import ChoiceError, check_lang

from conftest import NOTEBOOKS, PY, copy_data, run

ANSI = re.compile(r"\x1b\[[0-9;]*m")
LESSON = NOTEBOOKS / "01_three_barriers.ipynb"
REGION = NOTEBOOKS / "briefings" / "region.ipynb"


def _missing(folder):
    (folder / "facts.csv").unlink()


def _corrupt(folder):
    with (folder / "facts.csv").open("a", encoding="utf-8") as fh:
        fh.write('broken,"unterminated\n')


# fault id: (notebook, papermill parameters, data mutation, words the message must contain)
FAULTS = {
    "missing-file": (LESSON, [], _missing, ["facts.csv", "file is missing", "restore it from git", "Fix", "解决"]),
    "corrupt-csv": (LESSON, [], _corrupt, ["facts.csv row", "Fix", "validate", "解决"]),
    "unknown-lang": (LESSON, ["-p", "lang", "fr"], None, ["lang='fr' is not supported", "valid choices: en, zh",
                                                          "Fix", "解决"]),
    "unknown-region": (REGION, ["-p", "region", "atlantis"], None, ["region='atlantis' is not known",
                                                                    "valid choices:", "Fix", "解决"]),
}


def _execute(fault, tmp):
    notebook, params, mutate, _ = FAULTS[fault]
    folder = tmp / fault
    copy_data(folder / "data")
    if mutate:
        mutate(folder / "data")
    out = folder / "out.ipynb"
    result = run(PY, "-m", "papermill", notebook, out, *params, "--cwd", notebook.parent, "--no-progress-bar",
                 env={"BIOMFG_DATA": str(folder / "data")}, timeout=300)
    return result, nbformat.read(out, as_version=4)


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("faults")
    with cf.ThreadPoolExecutor(len(FAULTS)) as pool:
        futures = {f: pool.submit(_execute, f, tmp) for f in FAULTS}
        return {f: fut.result() for f, fut in futures.items()}


@pytest.mark.parametrize("fault", FAULTS)
def test_fault_shows_one_short_message_naming_problem_and_fix_and_still_fails(executed, fault):
    result, nb = executed[fault]
    assert result.returncode != 0, f"{fault}: papermill must exit non-zero"
    errs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
            if o.output_type == "error"]
    assert len(errs) == 1, f"{fault}: expected one error output, got {len(errs)}"
    lines = ANSI.sub("", "\n".join(errs[0].traceback)).splitlines()
    assert len(lines) <= 3, f"{fault}: message is {len(lines)} lines long:\n" + "\n".join(lines)
    text = "\n".join(lines)
    assert "Traceback" not in text and "File " not in text
    for word in FAULTS[fault][3]:
        assert word in text, f"{fault}: {word!r} missing from the message:\n{text}"


def test_handler_covers_only_biomfg_errors():
    with pytest.raises(ChoiceError):
        check_lang("fr")
    assert errors.message(DataError("x.csv row 2: bad"))[0].endswith("x.csv row 2: bad\x1b[0m")
    assert errors.message(KeyError("k")) == ["KeyError: 'k'"]
