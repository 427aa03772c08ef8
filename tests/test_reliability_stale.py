"""Issue 9, stale outputs: a figure changed in data/ without `make outputs` makes nbval fail and
name the notebook whose stored output no longer matches."""

from __future__ import annotations

from conftest import NOTEBOOKS, PY, ROOT, copy_data, run

NOTEBOOK = NOTEBOOKS / "06_suzhou_industrial_park.ipynb"


def test_changed_figure_without_new_outputs_fails_nbval_naming_the_notebook(tmp_path):
    data = tmp_path / "data"
    copy_data(data)
    facts = (data / "facts.csv").read_text(encoding="utf-8")
    old = "h3-020,suzhou_sip,gdp,368600000000,"  # Suzhou Industrial Park GDP 2023, shown in notebook 06
    assert facts.count(old) == 1
    (data / "facts.csv").write_text(facts.replace(old, "h3-020,suzhou_sip,gdp,398600000000,"), encoding="utf-8")
    result = run(PY, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:randomly", "--nbval",
                 "--nbval-current-env", "--nbval-sanitize-with", ROOT / "tests" / "nbval_sanitize.cfg",
                 NOTEBOOK, env={"BIOMFG_DATA": str(data)}, timeout=300)
    assert result.returncode == 1, result.stdout[-2000:]
    assert f"FAILED notebooks/{NOTEBOOK.name}::Cell" in result.stdout, result.stdout[-2000:]
    assert "3986" in result.stdout or "398.6" in result.stdout or "398600000000" in result.stdout
