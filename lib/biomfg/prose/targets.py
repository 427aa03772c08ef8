"""The targets as readers see them: deadlines, baselines, tables and the summary line."""

from __future__ import annotations

from html import escape

import pandas as pd

from .. import fmt
from ..fmt import text as _text
from ..i18n import check_lang, t
from ..model.targets import action_of, groups, tracker_rows
from .base import any_inferred, year_text


def deadline_text(row, lang: str) -> str:
    """The deadline, marked '(inferred)' where the quote does not state the year; 'no deadline set' for a
    target whose source sets none (validate allows no year only then)."""
    return year_text(row, lang) if pd.notna(row["year"]) else t("bd_no_deadline", lang)


def baseline_text(row, lang: str) -> str:
    """The baseline and the progress, or a sentence saying there is none."""
    check_lang(lang)
    if row["status"] == "no_baseline":
        return t("tg_no_baseline", lang)
    q = _text(row["baseline_qualifier"])
    value = fmt.fact({"value": row["baseline_value"], "unit": row["baseline_unit"], "qualifier": q,
                      "measure_zh": row.get("measure_zh")}, lang)  # a count baseline: 120家 as its target
    year = _text(row["baseline_year"]) or t("tg_undated", lang)
    share = f"{row['progress']:.1f}%"
    if row["status"] == "not_comparable":
        return t("tg_baseline_not_comparable", lang, value=value, year=year)
    return t("tg_baseline_progress", lang, value=value, year=year, share=share)


def table_html(rows: pd.DataFrame, lang: str = "en", show_holder: bool = True, explain: bool = True) -> str:
    """Targets as an HTML table: value (qualifier kept), deadline (marked where inferred), baseline or
    'no baseline', and the source with its quote. Curators' notes stay in data/. With `explain`, a line
    under the table says what 'inferred' means (grouped_html says it once, under all its tables)."""
    check_lang(lang)
    if rows.empty:
        return f"<p class='src'>{escape(t('tg_no_targets', lang))}</p>"
    keys = (["tg_holder"] if show_holder else []) + ["tg_target", "tg_value", "tg_deadline", "tg_baseline",
                                                      "source"]
    head = "".join(f"<th>{escape(t(k, lang))}</th>" for k in keys)
    body = []
    for _, r in rows.iterrows():
        cells = ([f"<td class='name'>{escape(_text(r[f'entity_{lang}']))}</td>"] if show_holder else []) + [
            f"<td class='name'>{escape(_text(r[f'indicator_{lang}']))}</td>",
            f"<td class='nowrap'><b>{escape(fmt.fact(r, lang))}</b></td>",
            f"<td class='nowrap'>{escape(deadline_text(r, lang))}</td>",
            f"<td class='text'>{escape(baseline_text(r, lang))}</td>",
            f"<td class='cite'><span class='src'>{escape(_text(r['source']))}</span><br>"
            f"<span class='quote'>“{escape(_text(r['quote']))}”</span></td>"]
        body.append(f"<tr>{''.join(cells)}</tr>")
    foot = f"<p class='src'>{escape(t('year_inferred_note', lang))}</p>" if explain and any_inferred(rows) else ""
    return (f"<table class='biomfg-table'><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
            f"{foot}")


def summary_line(rows: pd.DataFrame, lang: str = "en") -> str:
    check_lang(lang)
    b = int((rows["status"] != "no_baseline").sum())
    return t("tg_summary", lang).format(n=len(rows), b=b, nb=len(rows) - b)


def grouped_html(plan_id: str, entity_id: str, lang: str = "en") -> str:
    """Every target of a plan, grouped under the plan's goals and actions; a group without a
    numeric target says so."""
    check_lang(lang)
    rows = tracker_rows()
    rows = rows[rows["entity_id"] == entity_id]
    links = action_of(rows, plan_id).set_index("fact_id")
    parts = []
    for _, g in groups(plan_id).iterrows():
        mine = rows[rows["fact_id"].map(links["group_id"]) == g["item_id"]]
        body = table_html(mine, lang, show_holder=False, explain=False) if not mine.empty else \
            f"<p class='src'>{escape(t('tg_no_numeric', lang))}</p>"
        parts.append(f"<h4>{escape(_text(g[f'name_{lang}']))}</h4>{body}")
    loose = rows[rows["fact_id"].map(links["group_id"]).isna()]
    if not loose.empty:
        parts.append(f"<h4>{escape(t('tg_unplaced', lang))}</h4>"
                     f"{table_html(loose, lang, show_holder=False, explain=False)}")
    if any_inferred(rows):
        parts.append(f"<p class='src'>{escape(t('year_inferred_note', lang))}</p>")
    return "".join(parts)


def grouped_rows(plan_id: str, entity_id: str, lang: str = "en") -> pd.DataFrame:
    """Targets of a plan with group_id, group_label (in lang) and group_order, for charts."""
    check_lang(lang)
    rows = tracker_rows()
    rows = rows[rows["entity_id"] == entity_id]
    g = groups(plan_id).reset_index(drop=True)
    rows = rows.merge(action_of(rows, plan_id), on="fact_id")
    labels = dict(zip(g["item_id"], g[f"name_{lang}"].astype(str), strict=True))
    order = {gid: i for i, gid in enumerate(g["item_id"])}
    rows["group_label"] = rows["group_id"].map(labels).fillna(t("tg_unplaced", lang))
    rows["group_order"] = rows["group_id"].map(order).fillna(len(order)).astype(int)
    return rows
