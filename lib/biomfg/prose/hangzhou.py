"""Hangzhou's 2024-2026 synthetic-biology plan (notebook 07): the overview, the '1354' goal as tiles
and the 'one centre, two cores, many areas' layout district by district."""

from __future__ import annotations

from html import escape

import pandas as pd

from .. import data, fmt
from ..fmt import text as _text
from ..htmlout import HTML
from ..i18n import check_lang, t
from ..model import targets
from . import cards
from .base import join, paragraph, year_text

HZ_PLAN = "hz_synbio_plan_2024_2026"


def overview(lang: str = "en") -> HTML:
    check_lang(lang)
    items = data.table("plan_items")
    items = items[items["plan_id"] == HZ_PLAN]
    plan = data.table("plans").set_index("plan_id").loc[HZ_PLAN]
    n_act, n_task = int((items["kind"] == "action").sum()), int((items["kind"] == "task").sum())
    rows = targets.tracker_rows()
    rows = rows[rows["entity_id"] == HZ_PLAN]
    years = join(sorted({str(y) for y in rows["year"].dropna()}), lang)
    name = escape(_text(plan[f"name_{lang}"]))
    n_act = fmt.zh_numeral(n_act) if lang == "zh" else n_act  # 五大行动, a set phrase
    return paragraph(t("hz_overview", lang, name=name, start=plan["start_year"], end=plan["end_year"], actions=n_act,
                       tasks=n_task, targets=len(rows), years=years))


def framework_1354(lang: str = "en") -> HTML:
    """The '1354' goal as four tiles, each value from the target it maps to."""
    check_lang(lang)
    rows = targets.tracker_rows()
    rows = rows[rows["entity_id"] == HZ_PLAN]
    links = targets.action_of(rows, HZ_PLAN).set_index("item_id")
    items = data.table("plan_items")
    goal = items.set_index("item_id").loc["hz_goal_1354"]
    kids = items[items["parent_id"] == "hz_goal_1354"].sort_values("order")
    tiles, inferred = [], False
    for _, k in kids.iterrows():
        fid = links["fact_id"].get(k["item_id"])
        r = rows.set_index("fact_id").loc[fid] if fid is not None else None
        value = fmt.fact(r, lang) if r is not None else t("tg_no_numeric", lang)
        year = f" · {year_text(r, lang)}" if r is not None else ""
        inferred = inferred or (r is not None and year_text(r, lang) != _text(r["year"]))
        tiles.append(f"<div style='flex:1;min-width:11em;border:2px solid #0072B2;border-radius:10px;padding:.6em'>"
                     f"<div style='font-size:1.6em;font-weight:700;color:#0072B2'>{escape(value)}</div>"
                     f"<div>{escape(_text(k[f'name_{lang}']))}{escape(year)}</div></div>")
    foot = (f"<p style='color:#555;font-size:.9em'>{escape(t('year_inferred_note', lang))}</p>"
            if inferred else "")
    return HTML(f"<div class='biomfg-prose'><p><b>{escape(_text(goal[f'name_{lang}']))}</b></p>"
                f"<div style='display:flex;gap:.8em;flex-wrap:wrap'>{''.join(tiles)}</div>{foot}</div>")


def layout_rows(lang: str = "en") -> pd.DataFrame:
    """District by district: layout role, district, platforms named there, focus."""
    check_lang(lang)
    items = data.table("plan_items")
    items = items[(items["plan_id"] == HZ_PLAN) & (items["kind"] == "layout_area")]
    groups = items[items["parent_id"].isna()].sort_values("order")
    fac = data.table("facilities")
    regions = data.table("regions").set_index("region_id")
    out = []
    for _, g in groups.iterrows():
        kids = items[items["parent_id"] == g["item_id"]].sort_values("order")
        for _, d in (kids if not kids.empty else pd.DataFrame([g])).iterrows():
            named = fac[fac["region_id"] == d["region_id"]]
            out.append({"group": _text(g[f"name_{lang}"]), "group_order": int(g["order"]),
                        "district": _text(regions.loc[d["region_id"], f"name_{lang}"]),
                        "platforms": list(named[f"name_{lang}"].astype(str)), "n_platforms": len(named),
                        "focus": _text(d[f"detail_{lang}"]), "source": d["source"]})
    return pd.DataFrame(out)


def layout_table(lang: str = "en") -> HTML:
    rows = layout_rows(lang)
    head = "".join(f"<th>{escape(t(k, lang))}</th>" for k in ("rg_layout_role", "rg_district",
                                                              "rg_platforms_named", "rg_focus"))
    body = "".join(f"<tr><td class='name'>{escape(r['group'])}</td><td class='nowrap'><b>{escape(r['district'])}</b></td>"
                   f"<td class='text'>{escape(join(r['platforms'], lang)) or escape(t('rg_card_none', lang))}</td>"
                   f"<td class='text'>{escape(r['focus'])}</td></tr>" for _, r in rows.iterrows())
    return HTML(cards.page(f"<div class='biomfg-card'><table class='biomfg-table'><thead><tr>{head}</tr></thead>"
                           f"<tbody>{body}</tbody></table></div>"))


def tasks_table(lang: str = "en") -> HTML:
    """The plan's numbered tasks by name, grouped under the five actions, each with what it covers."""
    check_lang(lang)
    items = data.table("plan_items")
    items = items[items["plan_id"] == HZ_PLAN]
    actions = items[items["kind"] == "action"].sort_values("order")
    tasks = items[items["kind"] == "task"]
    n_act = fmt.zh_numeral(len(actions)) if lang == "zh" else len(actions)  # 五大行动, a set phrase
    intro = paragraph(t("hz_tasks", lang, tasks=len(tasks), actions=n_act))
    head = "".join(f"<th>{escape(t(k, lang))}</th>" for k in ("hz_tasks_action", "hz_tasks_task", "hz_tasks_detail"))
    body = []
    for _, a in actions.iterrows():
        kids = tasks[tasks["parent_id"] == a["item_id"]].sort_values("order")
        for i, (_, k) in enumerate(kids.iterrows()):
            cell = (f"<td class='name' rowspan='{len(kids)}'><b>{escape(_text(a[f'name_{lang}']))}</b></td>"
                    if i == 0 else "")
            task = t("hz_task_numbered", lang, n=int(k["order"]), name=_text(k[f"name_{lang}"]))
            body.append(f"<tr>{cell}<td class='text'>{escape(task)}</td>"
                        f"<td class='text'>{escape(_text(k[f'detail_{lang}']))}</td></tr>")
    table = (f"<div class='biomfg-card'><table class='biomfg-table'><thead><tr>{head}</tr></thead>"
             f"<tbody>{''.join(body)}</tbody></table></div>")
    return HTML(cards.page(intro.data + table))


def safeguards(lang: str = "en") -> HTML:
    """The plan's safeguards (section 五), each with what it sets up."""
    check_lang(lang)
    items = data.table("plan_items")
    rows = items[(items["plan_id"] == HZ_PLAN) & (items["kind"] == "safeguard")].sort_values("order")
    n = fmt.count(len(rows), "", lang) if lang == "en" else fmt.zh_numeral(len(rows))
    lis = "".join(f"<li><b>{escape(_text(r[f'name_{lang}']))}</b>{t('colon', lang)}{escape(_text(r[f'detail_{lang}']))}</li>"
                  for _, r in rows.iterrows())
    return HTML(f"{paragraph(t('hz_safeguards', lang, n=n)).data}<ol class='biomfg-prose'>{lis}</ol>")
