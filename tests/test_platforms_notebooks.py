"""Notebooks 01-04: figures in their text come from data/ (change a value, re-execute, see it), and
each executes in at most twice the time of a floor notebook with the same imports and no work."""

from __future__ import annotations

import copy
import csv
import json

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from biomfg.tools import notebooks as nbtools
from biomfg.tools import timing

from conftest import NOTEBOOKS, copy_data

MINE = ["01_three_barriers", "02_technology_innovation_platforms", "03_pilot_scale_platforms",
        "04_incubation_platforms"]
# notebook -> (entity_id, indicator, new value, text that must then appear, text that must then be gone)
CHANGES = {
    "01_three_barriers": ("china", "national_incubator_count", "1987", "1,987", "1,953"),
    "02_technology_innovation_platforms": ("abf", "annual_funding", "30000000", "Annual funding: <b>USD 30 m</b>",
                                           "Annual funding: <b>USD 20 m</b>"),
    "03_pilot_scale_platforms": ("pilots4u_database", "asset_count", "271", "<b>271</b>", "<b>262</b>"),
    "04_incubation_platforms": ("indiebio", "programme_duration", "6", "<b>6 months</b>", "<b>4 months</b>"),
}


def _set_fact(folder, entity_id, indicator, value) -> None:
    path = folder / "facts.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    head = rows[0]
    e, i, v = head.index("entity_id"), head.index("indicator"), head.index("value")
    hits = [r for r in rows[1:] if r[e] == entity_id and r[i] == indicator]
    assert len(hits) == 1, (entity_id, indicator)
    hits[0][v] = value
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)


def _outputs_text(nb) -> str:
    return json.dumps([c.get("outputs", []) for c in nb.cells], ensure_ascii=False)


@pytest.mark.parametrize("stem", MINE)
def test_prose_figure_follows_the_data(stem, tmp_path, monkeypatch):
    entity, indicator, value, new_text, old_text = CHANGES[stem]
    nb = nbformat.read(NOTEBOOKS / f"{stem}.ipynb", as_version=4)
    before = _outputs_text(nb)
    assert old_text in before and new_text not in before  # the stored notebook shows the data's value
    copy_dir = tmp_path / "data"
    copy_data(copy_dir)
    _set_fact(copy_dir, entity, indicator, value)
    monkeypatch.setenv("BIOMFG_DATA", str(copy_dir))
    nbtools.execute(nb, cwd=NOTEBOOKS)
    after = _outputs_text(nb)
    assert '"output_type": "error"' not in after
    assert new_text in after, new_text
    assert old_text not in after, old_text


def _floor(import_line: str):
    nb = new_notebook(cells=[new_code_cell('lang = "en"'), new_code_cell(import_line)])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return nb


def _runner(nb):
    return lambda: nbtools.execute(copy.deepcopy(nb), cwd=NOTEBOOKS)


# timing: a pair measured beside other workers times their load too (CI saw 2.22x under load, 1.5x alone)
@pytest.mark.timing
@pytest.mark.parametrize("stem", MINE)
def test_notebook_runs_within_twice_the_floor(stem):
    nb = nbformat.read(NOTEBOOKS / f"{stem}.ipynb", as_version=4)
    params = next(i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", []))
    floor = _floor(nb.cells[params + 1].source)  # the same import line, and no work
    # adjacent, alternating pairs: whatever else the machine does hits notebook and floor alike
    ratio, nb_s, floor_s = timing.paired_ratio(_runner(nb), _runner(floor), runs=5)
    print(f"\n{stem}: {nb_s:.2f} s vs floor {floor_s:.2f} s, median pair ratio {ratio:.2f}x")
    assert ratio <= 2, f"{stem}: {ratio:.2f}x its floor ({nb_s:.2f} s vs {floor_s:.2f} s)"
