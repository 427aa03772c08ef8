"""The target tracker's logic, kept pure: every target with its deadline, a baseline where the data
has one, progress only where a baseline exists, and the plan action each target belongs to.

A baseline is an *actual* value for the same entity and indicator in the same unit, dated no later
than the deadline (or undated). Where there is none, the tracker says so; it never invents one.
"""

from __future__ import annotations

import re
from html import escape

import pandas as pd

from . import data, fmt
from .fmt import text as _text
from .i18n import check_lang, register, t
from .sentences import any_inferred, year_text

register({
    "tg_target": {"en": "Target", "zh": "目标"},
    "tg_value": {"en": "Target value", "zh": "目标值"},
    "tg_deadline": {"en": "Deadline", "zh": "期限"},
    "tg_baseline": {"en": "Baseline", "zh": "基线"},
    "tg_progress": {"en": "Progress", "zh": "进度"},
    "tg_holder": {"en": "Plan or entity", "zh": "规划或主体"},
    "tg_no_baseline": {"en": "No baseline in the sources: progress cannot be shown",
                       "zh": "来源中没有基线数值，无法显示进度"},
    "tg_not_comparable": {"en": "Baseline in a different unit: not comparable",
                          "zh": "基线单位不同，无法比较"},
    "tg_undated": {"en": "year not stated", "zh": "未注明年份"},
    "tg_of_target": {"en": "of the target", "zh": "占目标"},
    "tg_no_targets": {"en": "No targets recorded for this selection", "zh": "所选范围内没有记录的目标"},
    "tg_unplaced": {"en": "Not placed in a plan action", "zh": "未归入规划行动"},
    "tg_no_numeric": {"en": "No numeric target in the sources", "zh": "来源中没有数值目标"},
    "tg_all": {"en": "All plans and entities", "zh": "全部规划和主体"},
    "tg_summary": {"en": "{n} targets; {b} with a baseline, {nb} without",
                   "zh": "共{n}个目标；{b}个有基线，{nb}个没有基线"},
})



def tracker_rows(facts: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every target fact with its deadline, baseline (if any), progress and status.

    status: 'progress' (a baseline exists), 'no_baseline', or 'not_comparable' (baseline in another unit).
    progress is baseline / target in percent, only where status is 'progress'.
    """
    facts = data.facts() if facts is None else facts
    names = data.entity_names().drop_duplicates("entity_id").set_index("entity_id")
    targets = facts[facts["kind"] == "target"].copy()
    actuals = facts[facts["kind"] == "actual"]
    out = []
    for _, r in targets.iterrows():
        same = actuals[(actuals["entity_id"] == r["entity_id"]) & (actuals["indicator"] == r["indicator"])]
        dated = same[same["year"].notna()]
        dated = dated[dated["year"] <= r["year"]] if pd.notna(r["year"]) else dated
        pool = dated.sort_values("year") if not dated.empty else same[same["year"].isna()]
        row = {c: r[c] for c in ("fact_id", "entity_id", "indicator", "value", "unit", "year", "qualifier",
                                 "source", "quote", "note", "indicator_zh", "indicator_en")}
        ent = names.loc[r["entity_id"]] if r["entity_id"] in names.index else None
        row["entity_zh"] = _text(ent["name_zh"]) if ent is not None else r["entity_id"]
        row["entity_en"] = _text(ent["name_en"]) if ent is not None else r["entity_id"]
        row.update(baseline_fact_id=None, baseline_value=float("nan"), baseline_year=pd.NA,
                   baseline_unit=None, baseline_qualifier=None, progress=float("nan"), status="no_baseline")
        if not pool.empty:
            b = pool.iloc[-1]
            row.update(baseline_fact_id=b["fact_id"], baseline_value=float(b["value"]), baseline_year=b["year"],
                       baseline_unit=b["unit"], baseline_qualifier=b["qualifier"])
            if b["unit"] == r["unit"] and r["value"]:
                row.update(progress=float(b["value"]) / float(r["value"]) * 100, status="progress")
            else:
                row["status"] = "not_comparable"
        out.append(row)
    cols = ["fact_id", "entity_id", "entity_zh", "entity_en", "indicator", "indicator_zh", "indicator_en",
            "value", "unit", "qualifier", "year", "baseline_fact_id", "baseline_value", "baseline_year",
            "baseline_unit", "baseline_qualifier", "progress", "status", "source", "quote", "note"]
    return pd.DataFrame(out, columns=cols)


# --- which plan action a target belongs to -------------------------------------------------------

def _norm(text) -> str:
    """Whitespace out, full-width punctuation to ASCII: the seed and the summaries differ only there."""
    s = re.sub(r"\s+", "", _text(text))
    return s.translate(str.maketrans("，：；（）", ",:;()"))


def action_of(targets: pd.DataFrame, plan_id: str) -> pd.DataFrame:
    """For each target, the plan item (task or goal) whose text contains the target's quote, and the
    top-level group (an action, or a goal) it sits under. Computed from plan_items, not typed.

    Returns columns fact_id, item_id, group_id (None where no item matches)."""
    items = data.table("plan_items")
    items = items[(items["plan_id"] == plan_id) & items["kind"].isin(["task", "goal", "action"])]
    parent = {i: _text(p) or None for i, p in zip(items["item_id"], items["parent_id"], strict=True)}
    texts = {i: (_norm(n), _norm(d)) for i, n, d in zip(items["item_id"], items["name_zh"], items["detail_zh"],
                                                         strict=True)}
    rows = []
    for _, r in targets.iterrows():
        parts = [_norm(p) for p in _text(r["quote"]).split(" … ") if p.strip()]
        hits = [i for i, (name, detail) in texts.items()
                if any(p and (p in name or p in detail or (len(name) >= 4 and name in p)) for p in parts)]
        # the most specific item: drop a hit whose child is also a hit
        hits = [h for h in hits if not any(parent.get(o) == h for o in hits)]
        item = hits[0] if len(hits) == 1 else None
        group = item
        while group is not None and parent.get(group):
            group = parent[group]
        rows.append({"fact_id": r["fact_id"], "item_id": item, "group_id": group})
    return pd.DataFrame(rows, columns=["fact_id", "item_id", "group_id"])


def groups(plan_id: str) -> pd.DataFrame:
    """The plan's top-level goals and actions in order: the groups targets are shown under."""
    items = data.table("plan_items")
    top = items[(items["plan_id"] == plan_id) & items["parent_id"].isna() & items["kind"].isin(["goal", "action"])]
    # goals with children (e.g. "1354") first, then the actions in their order
    has_children = set(items["parent_id"].dropna())
    top = top[(top["kind"] == "action") | top["item_id"].isin(has_children)]
    return top.assign(_k=top["kind"].map({"goal": 0, "action": 1})).sort_values(["_k", "order"]).drop(columns="_k")


# --- presentation -----------------------------------------------------------------------------------

def deadline_text(row, lang: str) -> str:
    """The deadline, marked '(inferred)' where the quote does not state the year; 'year not stated'."""
    return year_text(row, lang) if pd.notna(row["year"]) else t("tg_undated", lang)


def baseline_text(row, lang: str) -> str:
    """The baseline and the progress, or a sentence saying there is none."""
    check_lang(lang)
    if row["status"] == "no_baseline":
        return t("tg_no_baseline", lang)
    q = _text(row["baseline_qualifier"])
    value = fmt.number(row["baseline_value"], row["baseline_unit"], lang, q)
    year = _text(row["baseline_year"]) or t("tg_undated", lang)
    share = f"{row['progress']:.1f}%"
    if lang == "zh":
        if row["status"] == "not_comparable":
            return f"{value}（{year}）：{t('tg_not_comparable', lang)}"
        return f"{value}（{year}）· {t('tg_of_target', lang)}{share}"
    if row["status"] == "not_comparable":
        return f"{value} ({year}): {t('tg_not_comparable', lang)}"
    return f"{value} ({year}) · {share} {t('tg_of_target', lang)}"


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
