"""Widget latency: for every explorer in biomfg.widgets, set its controls' values round-robin (>= 50
changes) and time each set-value until the callback has replaced the output (ipywidgets callbacks run
synchronously inside the trait set, so the set returns once the new output is in place)."""

from __future__ import annotations

import itertools
import time

from biomfg.tools.timing import p95

EXPLORERS = ["china.growth_projection_explorer", "recommendations.policy_mix_explorer", "platforms.explorer",
             "platforms.comparer", "platforms.finder", "regions.comparer", "regions.target_tracker"]
TEXT_VALUES = ["500", "20000", "5", "abc", "", "1e6"]


def _walk(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _walk(child)


def _values(ctrl):
    import ipywidgets as w

    if isinstance(ctrl, w.SelectMultiple):
        opts = list(ctrl._options_values)
        subsets = [tuple(o for j, o in enumerate(opts) if j != i) for i in range(len(opts))] + [tuple(opts)]
        return [s for s in subsets if s]
    if isinstance(ctrl, w.widgets.widget_selection._Selection):
        return list(ctrl._options_values)
    if isinstance(ctrl, (w.IntSlider, w.FloatSlider)):
        n = int(round((ctrl.max - ctrl.min) / ctrl.step))
        return [type(ctrl.value)(ctrl.min + i * ctrl.step) for i in range(n + 1)]
    if isinstance(ctrl, w.Text):
        return TEXT_VALUES
    return []


def _snapshot(explorer):
    import ipywidgets as w

    return [(id(x.outputs) if isinstance(x, w.Output) else x.value) for x in _walk(explorer)
            if isinstance(x, (w.Output, w.HTML))]


def drive(explorer, changes: int = 50) -> list[float]:
    """Milliseconds for each of `changes` value changes; raises if a change leaves the output as it was."""
    controls = [(c, _values(c)) for c in _walk(explorer) if c is not explorer and hasattr(c, "value")]
    controls = [(c, vals) for c, vals in controls if len(vals) > 1]
    if not controls:
        raise ValueError(f"{explorer!r}: no control to change")
    cycles = [itertools.cycle(vals) for _, vals in controls]
    times = []
    for i in range(changes):
        k = i % len(controls)
        ctrl = controls[k][0]
        value = next(cycles[k])
        while value == ctrl.value:
            value = next(cycles[k])
        before = _snapshot(explorer)
        start = time.perf_counter()
        ctrl.value = value
        times.append((time.perf_counter() - start) * 1000)
        if _snapshot(explorer) == before:
            raise AssertionError(f"{explorer!r}: setting {ctrl.description!r} = {value!r} gave no new output")
    return times


def measure(changes: int = 50, lang: str = "en", names=EXPLORERS) -> dict:
    from biomfg import widgets

    def explorer(name: str):
        topic, function = name.split(".")
        return getattr(getattr(widgets, topic), function)(lang)

    def ready(name: str):
        box = explorer(name)
        warming = getattr(box, "_warming", None)  # the comparer builds its other charts while the kernel idles:
        if warming is not None:                    # a presenter clicks once the page is drawn (a click before
            warming.join(timeout=60)               # that builds one chart: tests/test_regions.py)
        return box

    return {name: p95(drive(ready(name), changes)) for name in names}


def floor(changes: int = 50) -> float:
    """p95 of a Dropdown whose callback shows a one-bar Altair chart in an Output: ipywidgets + Altair."""
    import altair as alt
    import ipywidgets as w
    import pandas as pd

    from biomfg.widgets.base import Explorer, show

    pick, out = w.Dropdown(options=["a", "b", "c"], value="a"), w.Output()
    pick.observe(lambda ch: show(out, alt.Chart(pd.DataFrame({"k": [ch["new"]], "n": [1]}))
                                 .mark_bar().encode(x="n:Q", y="k:N")), names="value")
    return p95(drive(Explorer([pick, out], "", "floor"), changes))
