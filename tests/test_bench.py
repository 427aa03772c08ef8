"""The bench machinery (bench/, `make bench`) on small inputs, so it cannot rot; plus the import-time
remedy it measures (biomfg.fastimport) and the 10,000-facility chart-size rule."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import PY, ROOT

sys.path.insert(0, str(ROOT))

from bench import run, scale  # noqa: E402
from bench import widgets as bench_widgets  # noqa: E402


def _fields(encoding) -> set[str]:
    """Every field an encoding (including tooltip lists) reads."""
    found = set()
    for channel in encoding.values():
        for item in channel if isinstance(channel, list) else [channel]:
            if isinstance(item, dict) and "field" in item:
                found.add(item["field"])
    return found


def test_registry_of_ten_thousand_is_aggregated_before_charting():
    reg = scale.registry(10_000)
    assert len(reg) == 10_000 and reg["platform_id"].is_unique
    figures = scale.measure(10_000, runs=1)
    assert set(figures) == set(scale.CHARTS)
    assert sum(f["bytes"] for f in figures.values()) <= 100_000
    assert sum(f["ms"] for f in figures.values()) <= 2_000  # bench holds 200 ms; this only guards against a blow-up
    for name in scale.CHARTS:
        spec = scale.charts_for_one(name, reg, "en").to_dict()
        (rows,) = spec["datasets"].values()
        assert len(rows) < 500, name  # counts, not one row per facility
        drawn = _fields(spec.get("encoding", {}))
        assert set(rows[0]) <= drawn, (name, set(rows[0]) - drawn)  # no column the chart does not draw


def test_small_registry_keeps_one_dot_per_platform():
    spec = scale.charts_for_one("founding_timeline", scale.registry(20), "zh").to_dict()
    assert len(next(iter(spec["datasets"].values()))) == 20


def test_widget_driver_times_every_change_and_sees_new_output():
    from biomfg import widgets

    times = bench_widgets.drive(widgets.platforms.finder("en"), changes=6)
    assert len(times) == 6 and all(t >= 0 for t in times)
    assert bench_widgets.p95([1.0] * 18 + [99.0] * 2) == 99.0
    assert bench_widgets.p95([1.0] * 19 + [99.0]) == 1.0
    assert bench_widgets.p95(list(range(1, 101))) == 95


def test_widget_part_drives_every_explorer_the_library_has():
    """Every public function of biomfg.widgets.<topic> that returns an Explorer is benchmarked, and each runs."""
    import inspect

    from biomfg import widgets
    from biomfg.widgets.base import Explorer

    found = set()
    for topic in ("china", "platforms", "recommendations", "regions"):
        module = getattr(widgets, topic)
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            if fn.__module__ == module.__name__ and not name.startswith("_") and \
                    inspect.signature(fn).return_annotation in (Explorer, "Explorer"):
                found.add(f"{topic}.{name}")
    assert found == set(bench_widgets.EXPLORERS)
    assert set(bench_widgets.measure(changes=2)) == found


def test_results_json_and_table(tmp_path):
    results = {"import_ratio": {"value": 0.9, "floor": 1.0}, "report_ratio": {"value": 1.7, "floor": 1.0},
               "test_suite_s": {"value": 300.0, "floor": None}}
    path = run.write(results, tmp_path / "results.json")
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["results"]["import_ratio"]["value"] == 0.9 and doc["pass"] is False
    text = run.table(results)
    assert [line.split()[0] for line in text.splitlines()[2:]] == list(run.TARGETS)
    assert "FAIL" in text.splitlines()[2 + list(run.TARGETS).index("report_ratio")]
    assert run.verdict("import_ratio", 1.2) == "pass" and run.verdict("test_suite_s", 300.0) == "reported"
    assert run.verdict("first_chart_ratio", None) == "not measured"


def test_results_file_is_git_ignored():
    assert "bench/results.json" in (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()


CHECK = """
import sys
import biomfg
import jsonschema
from biomfg import fastimport
mod = sys.modules.get("rfc3987_syntax")
print(type(mod).__name__)
fc = jsonschema.FormatChecker()
print(fc.conforms("http://example.org/a", "iri"), fc.conforms("http://ex ample.org/", "iri"))
"""


@pytest.mark.parametrize("eager", ["", "1"])
def test_rfc3987_grammar_is_built_only_when_an_iri_is_checked(eager):
    env = {"BIOMFG_EAGER_RFC3987": eager, "PATH": "/usr/bin:/bin"}
    out = subprocess.run([PY, "-c", CHECK], capture_output=True, text=True, check=True, cwd=ROOT, env=env).stdout.split()
    assert out[0] == ("module" if eager else "_Deferred")  # import biomfg did not build the grammar
    assert out[1:] == ["True", "False"]  # IRI validation still works, and the same either way


def test_main_runs_a_part_end_to_end_and_writes_json(tmp_path, capsys):
    out = tmp_path / "results.json"
    assert run.main(["--only", "scale", "--out", str(out)]) == 0
    results = json.loads(out.read_text(encoding="utf-8"))["results"]
    assert results["scale_spec_bytes_10k"]["value"] <= 100_000 and results["scale_build_ms_10k"]["floor"] > 0
    assert "scale_spec_bytes_10k" in capsys.readouterr().out


def test_unknown_part_is_one_line_naming_the_choices(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_:
        run.main(["--only", "scale,bogus", "--out", str(tmp_path / "r.json")])
    assert exit_.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()[-1]
    choices = "import, first_chart, widgets, notebooks, reports, scale, tests"
    assert err.endswith(f"--only: unknown part 'bogus'; choose from {choices}")
    assert not (tmp_path / "r.json").exists()
