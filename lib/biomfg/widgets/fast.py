"""The widgets' fast paths, kept in one place: a callback changes numbers in a chart spec that was
built and validated once, instead of building an Altair chart on every change (a few milliseconds
instead of a few hundred; `make bench` holds every explorer to a p95 of 50 ms)."""

from __future__ import annotations

import copy

import pandas as pd

from .. import render
from ..charts.base import TITLE_WIDTH, source_line, source_lines, wrap_px
from ..charts.facts import layout
from ..i18n import t
from ..model.cases import cases


class Spec:
    """A ready Vega-Lite spec shown exactly as the house renderer shows an Altair chart."""

    def __init__(self, spec: dict):
        self.spec = spec

    def _repr_mimebundle_(self, include=None, exclude=None):
        return render._mimebundle(self.spec)


class FastComparer:
    """The comparer's callback path: each family's chart is built (and validated) once with every
    case; a change of regions filters that spec's rows, lays them out again (`charts.facts.layout`,
    plain arithmetic) and rebuilds the source line from the rows kept: no Altair construction."""

    def __init__(self, facts: pd.DataFrame, lang: str, view):
        self.facts, self.lang, self.full, self.view = facts, lang, {}, view  # view: widgets.regions.comparer_view
        self.names = cases().set_index("region_id")[f"name_{lang}"]
        self.head = wrap_px(t("rg_compare_sub", lang), TITLE_WIDTH, 14)  # the subtitle above the source lines

    def build(self, family: str) -> dict | None:
        if family not in self.full:
            chart, _ = self.view(list(self.names.index), family, self.lang, self.facts)
            self.full[family] = chart.to_dict() if chart is not None else None
        return self.full[family]

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
        return Spec(spec), msg
