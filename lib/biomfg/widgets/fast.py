"""The widgets' fast paths, kept in one place: a callback changes numbers in a chart spec that was
built and validated once, instead of building an Altair chart on every change (a few milliseconds
instead of a few hundred; `make bench` holds every explorer to a p95 of 50 ms)."""

from __future__ import annotations

import atexit
import copy
import threading
import time

import pandas as pd

from .. import render
from ..charts.base import TITLE_WIDTH, chart_kind, description, source_line, source_lines, wrap_px
from ..charts.facts import layout
from ..i18n import t
from ..model.cases import cases
from ..prose import chartdata
from ..render import ChartData


class Spec:
    """A ready Vega-Lite spec shown exactly as the house renderer shows an Altair chart; `after`: what goes
    under it (the data behind it: prose.chartdata)."""

    def __init__(self, spec: dict, after=None):
        self.spec, self.after = spec, after

    def _repr_mimebundle_(self, include=None, exclude=None):
        return render._mimebundle(self.spec)


class KernelIdle:
    """Waits until the kernel is between cells, through IPython's pre/post_run_cell events: work
    done then never slows a cell, and a lesson run top to bottom (nbclient, papermill, nbval) never
    leaves the kernel idle, so that work is simply not done. Outside IPython it never waits."""

    _shell_seen: dict[int, KernelIdle] = {}

    def __init__(self, shell=None):
        # made from a kernel's cell, so that cell is running now: quiet from its post_run_cell on
        self.quiet, self.since = threading.Event(), time.monotonic()
        if shell is None:
            self.quiet.set()
            return
        shell.events.register("pre_run_cell", lambda *_: self.quiet.clear())
        shell.events.register("post_run_cell", lambda *_: self._done())

    def _done(self):
        self.since = time.monotonic()
        self.quiet.set()

    @classmethod
    def of_kernel(cls) -> KernelIdle:
        try:
            from IPython import get_ipython
            shell = get_ipython()
        except ImportError:
            shell = None
        if not hasattr(shell, "kernel"):  # a plain IPython shell (a test, a script): no cells to wait for
            shell = None
        key = id(shell)
        if key not in cls._shell_seen:  # one listener per shell, however many explorers
            cls._shell_seen[key] = cls(shell)
        return cls._shell_seen[key]

    def wait(self, settle: float = 0.3, stop: threading.Event | None = None) -> bool:
        """Return True once no cell has run for `settle` seconds; False as soon as `stop` is set."""
        while not (stop is not None and stop.is_set()):
            if not self.quiet.wait(0.1):  # a cell is running: look at `stop` again
                continue
            gap = settle - (time.monotonic() - self.since)
            if gap <= 0 and self.quiet.is_set():
                return True
            time.sleep(min(max(gap, 0.01), 0.1))
        return False


# The warming threads, stopped and joined when the interpreter exits (a script, a test's subprocess, a
# kernel shut down). A daemon thread still building a chart then would be killed by the interpreter's
# shutdown inside native code (pandas, Altair's validator): "terminate called without an active
# exception" and SIGABRT, exit status -6. Joined before that, each ends after the chart it is building.
_STOP_WARMING = threading.Event()
_WARMING: set[threading.Thread] = set()


@atexit.register  # atexit handlers run before the interpreter stops daemon threads
def _stop_warming(timeout: float = 60) -> None:
    _STOP_WARMING.set()
    for thread in list(_WARMING):
        thread.join(timeout)


class FastComparer:
    """The comparer's callback path: each family's chart is built once with every case (its spec is
    validated in the tests, not here); a change of regions filters that spec's rows, lays them out again (`charts.facts.layout`,
    plain arithmetic) and rebuilds the source line from the rows kept: no Altair construction.

    The family on screen is built at once; `warm` builds the others in a background thread once the
    kernel is idle (the reader is looking at the page), so a lesson run top to bottom or a report
    never waits for charts no one will ask for; a click on a family not yet built builds that one."""

    def __init__(self, facts: pd.DataFrame, lang: str, view):
        self.facts, self.lang, self.full, self.view = facts, lang, {}, view  # view: widgets.regions.comparer_view
        self.words: dict[tuple, str] = {}  # (family, fact ids kept) -> the chart in words
        self._lock = threading.Lock()  # one build at a time: the warming thread and a callback never race
        self.names = cases().set_index("region_id")[f"name_{lang}"]
        self.head = wrap_px(t("rg_compare_sub", lang), TITLE_WIDTH, 14)  # the subtitle above the source lines

    def build(self, family: str) -> dict | None:
        with self._lock:
            if family not in self.full:
                chart, _ = self.view(list(self.names.index), family, self.lang, self.facts)
                # unvalidated: every family's spec is validated against the Vega-Lite schema in the tests
                # (tests/test_chart_layout.py); validating them all here cost a lesson about half a second
                self.full[family] = chart.to_dict(validate=False) if chart is not None else None
            return self.full[family]

    def warm(self, families) -> threading.Thread:
        """Build `families` in a daemon thread, each when the kernel is idle; at interpreter exit the
        thread stops after the chart it is building and is joined (`_stop_warming`)."""
        idle = KernelIdle.of_kernel()

        def run():
            try:
                for family in families:
                    if not idle.wait(stop=_STOP_WARMING) or _STOP_WARMING.is_set():
                        return
                    self.build(family)
            finally:
                _WARMING.discard(threading.current_thread())

        thread = threading.Thread(target=run, daemon=True, name="biomfg-comparer-warm")
        _WARMING.add(thread)
        thread.start()
        return thread

    def __call__(self, region_ids, family: str):
        region_ids = list(region_ids)
        _, msg = self.view(region_ids, family, self.lang, self.facts, chart=False, names=self.names)
        full = self.build(family)
        rows = self.facts[self.facts["case_id"].isin(region_ids) & (self.facts["family"] == family)]
        if full is None or rows.empty:
            return None, msg
        keep = {str(self.names[r]) for r in region_ids}
        spec = copy.deepcopy(full)
        for name, data_rows in spec["datasets"].items():
            spec["datasets"][name] = [r for r in data_rows if r.get("group") in keep]
        panels = spec["vconcat"] if "vconcat" in spec else [spec]
        kept = []
        for panel in panels:  # lay the kept rows out again; drop a panel none of the regions has rows in
            cells = spec["datasets"].get(panel.get("data", {}).get("name"))
            if cells:
                panel["height"] = layout(cells)
                kept.append(panel)
        if "vconcat" in spec:
            spec["vconcat"] = kept
        spec["title"]["subtitle"] = self.head + source_lines(source_line(rows, self.lang))
        title = spec["title"]["text"]  # the title as wrapped: joined again to say the chart in words
        title = ("" if self.lang == "zh" else " ").join(title) if isinstance(title, list) else title
        key = (family, tuple(rows["fact_id"]))  # of the rows kept: few cases hold a family's figures, so
        if key not in self.words:               # most choices of regions keep rows already described
            words = description(chart_kind(spec), title, rows, self.lang)
            self.words[key] = words, chartdata.block(ChartData(" ".join(title.split()), words, self.lang, rows))
        spec["description"], after = self.words[key]
        return Spec(spec, after), msg
