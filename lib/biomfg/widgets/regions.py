"""Widgets of the regional cases: the region comparer and the target tracker.

Both keep the house pattern: a live view driven by callbacks (`show(out, ...)`), and a static view
(text/html) for reports and nbval. The pure logic sits in `comparer_view` / `tracker_view` so tests can
time it and check the 'no value' paths without a kernel.
"""

from __future__ import annotations

from html import escape

import ipywidgets as w
import pandas as pd

from ..charts.facts import facts_by_unit
from ..htmlout import HTML
from ..i18n import check_lang, t
from ..model import targets
from ..prose import cards
from ..prose import regions as prose_regions
from ..prose import targets as prose_targets
from .base import Explorer, show
from .fast import FastComparer

FAMILIES = {  # indicator family -> the catalogue key of its menu name, in menu order (funding and talent
    # share the words of the finder's options)
    "area": "rg_family_area", "capacity": "rg_family_capacity", "count": "rg_family_count",
    "economy": "rg_family_economy", "funding": "opt_funding", "growth": "rg_family_growth",
    "innovation": "rg_family_innovation", "network": "rg_family_network", "other": "rg_family_other",
    "ranking": "rg_family_ranking", "scale": "rg_family_scale", "share": "rg_family_share",
    "talent": "opt_talent", "time": "rg_family_time",
}


def family_name(family: str, lang: str) -> str:
    check_lang(lang)
    return t(FAMILIES[family], lang) if family in FAMILIES else family


def comparer_view(region_ids, family: str, lang: str = "en", facts: pd.DataFrame | None = None,
                  chart: bool = True, names: pd.Series | None = None):
    """(chart or None, message HTML) for the chosen regions and family. A region without a value
    is named in the message; nothing selected, or nothing at all to draw, gives a message only."""
    check_lang(lang)
    region_ids = [] if region_ids is None else list(region_ids)
    if not region_ids:
        return None, f"<p class='biomfg-msg'>{escape(t('rg_no_region', lang))}</p>"
    facts = prose_regions.case_facts() if facts is None else facts
    rows = facts[facts["case_id"].isin(region_ids) & (facts["family"] == family)]
    order = {r: i for i, r in enumerate(region_ids)}
    rows = rows.assign(_o=rows["case_id"].map(order)).sort_values(["_o", "unit"], kind="stable").drop(columns="_o")
    names = prose_regions.cases().set_index("region_id")[f"name_{lang}"] if names is None else names
    present = set(rows["case_id"])
    missing = [names.get(r, r) for r in region_ids if r not in present]
    msg = ""
    if missing:
        msg = ("<p class='biomfg-msg'>" + escape(t("rg_no_value_for", lang).format(
            family=family_name(family, lang), regions=t("list_sep", lang).join(map(str, missing)))) + "</p>")
    if rows.empty or not chart:
        return None, msg
    rows = rows.assign(region=rows[f"case_{lang}"].astype(str))
    chart = facts_by_unit(rows, lang, t("rg_compare_title", lang).format(family=family_name(family, lang)),
                          t("rg_compare_sub", lang), group_col="region", width=360)
    return chart, msg


def comparer(lang: str = "en", region_ids: list[str] | None = None, family: str = "economy") -> Explorer:
    """Pick regional cases and an indicator family; see their figures, one axis per unit."""
    check_lang(lang)
    facts = prose_regions.case_facts()
    cases = prose_regions.cases()
    options = [(str(r[f"name_{lang}"]), r["region_id"]) for _, r in cases.iterrows()]
    fams = [f for f in FAMILIES if f in set(facts["family"])]
    pick = w.SelectMultiple(options=options, value=tuple(region_ids or [o[1] for o in options]),
                            description=t("rg_choose_regions", lang), rows=min(10, len(options)),
                            style={"description_width": "initial"}, layout=w.Layout(width="34em"))
    fam = w.Dropdown(options=[(family_name(f, lang), f) for f in fams], value=family if family in fams else fams[0],
                     description=t("rg_choose_family", lang), style={"description_width": "initial"})
    msg_out, chart_out = w.Output(), w.Output()
    fast = FastComparer(facts, lang, comparer_view)
    fast.build(fam.value)  # the chart on screen now; the other families while the reader looks
    warming = fast.warm(fams)

    def update(change=None):
        chart, msg = fast(pick.value, fam.value)
        show(msg_out, HTML(msg))
        if chart is None:
            chart_out.outputs = ()
        else:
            show(chart_out, chart, chart.after)

    pick.observe(update, names="value")
    fam.observe(update, names="value")
    update()
    static = cards.page(*(cards.folded(family_name(f, lang), _static_family(facts, f, lang), open_=(f == fam.value))
                          for f in fams))
    static = f"<p><b>{escape(t('rg_static_compare', lang))}</b></p>{static}"
    box = Explorer([w.HBox([pick, fam]), msg_out, chart_out], static,
                   f"[{t('rg_choose_regions', lang)}] {t('interactive_needs_kernel', lang)}")
    box._update = update  # for tests: the callback, timed in-process
    box._controls = (pick, fam)
    box._warming, box._fast = warming, fast
    return box


def _static_family(facts: pd.DataFrame, family: str, lang: str) -> str:
    rows = facts[facts["family"] == family]
    present = set(rows["case_id"])
    names = prose_regions.cases().set_index("region_id")[f"name_{lang}"]
    missing = [str(names[r]) for r in names.index if r not in present]
    text = t("rg_no_value_for", lang).format(family=family_name(family, lang), regions=t("list_sep", lang).join(missing))
    note = f"<p class='src'>{escape(text)}</p>" if missing else ""
    return f"<div class='biomfg-card'>{cards.facts_table(rows, lang)}{note}</div>"


def tracker_view(holder: str, lang: str = "en", rows: pd.DataFrame | None = None) -> str:
    """The tracker's HTML for one holder ('' = all): every target, its deadline, its baseline and
    progress, or a sentence saying there is no baseline."""
    check_lang(lang)
    rows = targets.tracker_rows() if rows is None else rows
    if holder:
        rows = rows[rows["entity_id"] == holder]
    return (f"<div class='biomfg-card'><p>{escape(prose_targets.summary_line(rows, lang))}</p>"
            f"{prose_targets.table_html(rows, lang, show_holder=not holder)}</div>") if not rows.empty else \
        f"<div class='biomfg-card'><p>{escape(t('tg_no_targets', lang))}</p></div>"


def target_tracker(lang: str = "en", holder: str = "") -> Explorer:
    """Pick a plan or entity; see every target with its deadline and progress where a baseline exists."""
    check_lang(lang)
    rows = targets.tracker_rows()
    holders = list(dict.fromkeys(rows["entity_id"]))
    names = dict(zip(rows["entity_id"], rows[f"entity_{lang}"], strict=False))
    options = [(t("tg_all", lang), "")] + [(str(names[h]), h) for h in holders]
    pick = w.Dropdown(options=options, value=holder if holder in holders else "",
                      description=t("rg_choose_holder", lang), style={"description_width": "initial"},
                      layout=w.Layout(width="40em"))
    out = w.Output()

    def update(change=None):
        show(out, HTML(cards.page(tracker_view(pick.value, lang, rows))))

    pick.observe(update, names="value")
    update()
    label = {v: k for k, v in options}[pick.value]
    static = (f"<p><b>{escape(t('rg_static_targets', lang).format(holder=label))}</b></p>"
              + cards.page(tracker_view(pick.value, lang, rows)))
    box = Explorer([pick, out], static, f"[{t('rg_choose_holder', lang)}] {t('interactive_needs_kernel', lang)}")
    box._update = update
    box._controls = (pick,)
    return box
