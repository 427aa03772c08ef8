"""The regional cases (notebooks 06-09): which entity belongs to which case, sentences with computed
figures, and comparable cards. Every figure is formatted by fmt from data/; every string is escaped.

A *case* is a region with city coordinates in regions.csv (the dots of the map). An entity belongs to
a case if its region (its own id for a region; region_id for facilities, firms, products, plans and
plan items) is the case or lies under it.
"""

from __future__ import annotations

from html import escape

import pandas as pd

from . import cards, data, fmt, targets
from .cases import OWN_NOTEBOOK, case_facts, case_of_entity, case_of_region, cases  # noqa: F401
from .fmt import text as _text
from .htmlout import HTML
from .i18n import check_lang, register, t

register({
    "rg_sep": {"en": ", ", "zh": "、"},
    "rg_card_figures": {"en": "Figures", "zh": "数据"},
    "rg_card_firms": {"en": "Firms", "zh": "企业"},
    "rg_card_places": {"en": "Projects, platforms and organisations", "zh": "项目、平台与机构"},
    "rg_card_events": {"en": "Events", "zh": "事件"},
    "rg_card_products": {"en": "Products", "zh": "产品"},
    "rg_card_none": {"en": "none named in the sources", "zh": "来源中未提及"},
    "rg_in": {"en": "in", "zh": "位于"},
    "rg_year_unknown": {"en": "year not stated", "zh": "未注明年份"},
    "rg_firm": {"en": "Firm", "zh": "企业"},
    "rg_drug": {"en": "Drug or product", "zh": "药品或产品"},
    "rg_kind": {"en": "Kind", "zh": "类别"},
    "rg_district": {"en": "District", "zh": "区（市）"},
    "rg_layout_group": {"en": "Layout role", "zh": "布局定位"},
    "rg_platforms_named": {"en": "Platforms and bases relied on", "zh": "依托的平台与载体"},
    "rg_focus": {"en": "Focus", "zh": "重点方向"},
    "rg_data_note": {"en": "Recorded in the data", "zh": "数据中的记录"},
    "rg_note_en_only": {"en": "Note", "zh": "备注（原文为英文）"},
})
# one label per value of products.kind (the enum in data/datapackage.json; a test keeps them in step)
PRODUCT_KINDS = {
    "drug": {"en": "drug", "zh": "药品"},
    "cell_therapy": {"en": "cell therapy", "zh": "细胞治疗"},
    "vaccine": {"en": "vaccine", "zh": "疫苗"},
    "drug_target": {"en": "drug target", "zh": "药物靶点"},
    "drug_delivery_device": {"en": "drug-delivery device", "zh": "给药器械"},
    "medical_device": {"en": "medical device", "zh": "医疗器械"},
    "lab_equipment": {"en": "research equipment", "zh": "科研仪器设备"},
    "ai_application": {"en": "AI application", "zh": "人工智能应用"},
    "wind_turbine": {"en": "wind turbine", "zh": "风电机组"},
    "wind_turbine_component": {"en": "wind-turbine component", "zh": "风电机组部件"},
}
register({f"product_kind_{k}": v for k, v in PRODUCT_KINDS.items()})



def _p(html_text: str) -> HTML:
    return HTML(f"<p class='biomfg-prose'>{html_text}</p>")


def _b(text: str) -> str:
    return f"<b>{escape(text)}</b>"


def fact_row(entity_id: str, indicator: str, year=None, kind: str | None = None) -> pd.Series:
    """The one fact about entity and indicator (optionally of a year or kind); a clear error otherwise."""
    f = data.facts(entity_id, indicator)
    if year is not None:
        f = f[f["year"] == year]
    if kind is not None:
        f = f[f["kind"] == kind]
    if f.empty:
        raise data.DataError(f"facts.csv: no fact for {entity_id} / {indicator}"
                             f"{'' if year is None else f' / {year}'}")
    return f.iloc[0]


def _v(entity_id, indicator, lang, year=None, kind=None) -> str:
    return _b(fmt.fact(fact_row(entity_id, indicator, year, kind), lang))


def _name(entity_id: str, lang: str) -> str:
    names = data.entity_names().drop_duplicates("entity_id").set_index("entity_id")
    return _text(names.loc[entity_id, f"name_{lang}"]) if entity_id in names.index else entity_id


def _join(items, lang) -> str:
    return t("rg_sep", lang).join(items)


# --- 06 Suzhou Industrial Park -------------------------------------------------------------------

def sip_2023(lang: str = "en") -> HTML:
    """SIP's 2023 figures and its rankings."""
    check_lang(lang)
    year = fact_row("suzhou_sip", "gdp")["year"]
    g, rev, rd = (_v("suzhou_sip", i, lang, year) for i in ("gdp", "general_budget_revenue", "rd_intensity"))
    sip = escape(_name("suzhou_sip", lang))
    first = fact_row("suzhou_sip", "ndz_evaluation_consecutive_first_places")
    top = fact_row("suzhou_sip", "national_hitech_zone_evaluation_rank")
    n_first, n_top = fmt.number(first["value"], "count", lang), fmt.number(top["value"], "count", lang)
    if lang == "zh":
        return _p(f"{year} 年，{sip}地区生产总值 {g}，一般公共预算收入 {rev}，全社会研发投入占 GDP 比重 {rd}。"
                  f"园区在全国经开区综合考评中实现 <b>{n_first}</b> 连冠，在国家高新区综合评价中居全国前 <b>{n_top}</b>"
                  f"（来源未注明考评年份）。")
    return _p(f"In {year} {sip}'s gross domestic product reached {g}, its general public budget revenue {rev}, and "
              f"society-wide R&amp;D spending {rd} of GDP. The park came first in the national evaluation of "
              f"economic and technological development zones <b>{n_first}</b> times in a row and ranks in the top "
              f"<b>{n_top}</b> of national high-tech zones (the sources give no evaluation years).")


def sip_industries(lang: str = "en") -> HTML:
    check_lang(lang)
    inds = ["sip_biomed_industry", "sip_nano_industry", "sip_ai_industry"]
    n = fmt.number(fact_row("suzhou_sip", "strategic_emerging_industry_count")["value"], "count", lang)
    names = _join([escape(_name(i, lang)) for i in inds], lang)
    total = _v("sip_emerging_industries", "output_value", lang)
    undated = [escape(_name(i, lang)) for i in inds
               if data.facts(i, "output_value")["year"].isna().all()]
    dated = _join(sorted({str(y) for i in inds for y in data.facts(i, "output_value")["year"].dropna()}), lang)
    if lang == "zh":
        tail = f"注意：{_join(undated, lang)}的数字来源未注明年份，其余为截至 {dated} 年，比较时需谨慎。" if undated else ""
        return _p(f"园区的 <b>{n}</b> 大战略性新兴产业是：{names}。新兴产业总产值 {total}。{tail}")
    tail = (f" Note: the figures for {_join(undated, lang)} carry no year in the sources, the others are as of "
            f"{dated}, so compare with care." if undated else "")
    return _p(f"SIP's <b>{n}</b> strategic emerging industries are {names}. Together the emerging industries "
              f"produce {total}.{tail}")


def sip_chain(lang: str = "en") -> HTML:
    """Who the chain story names, and who it names without a tier."""
    check_lang(lang)
    firms = data.table("firms")
    sip = firms[(firms["region_id"] == "suzhou_sip") & (firms["source"] == "000_0f73dfafe09a0b58.txt")]
    tiered, untiered = sip[sip["tier"].notna()], sip[sip["tier"].isna()]
    loose = _join([escape(n) for n in untiered[f"name_{lang}"]], lang)
    down = int((tiered["tier"] == "downstream").sum())
    if lang == "zh":
        extra = "来源没有点名任何下游企业，只说“下游临床”也在园区完成。" if down == 0 else ""
        return _p(f"来源把 <b>{len(tiered)}</b> 家园区企业归入产业链环节。{extra}"
                  f"同一报道还提到 {loose}，但没有说明它们属于哪一环节，因此图中不放入任何一列。")
    extra = ("The sources name no downstream firm; they only say the downstream (clinical) stage also happens "
             "in the park. " if down == 0 else "")
    return _p(f"The sources place <b>{len(tiered)}</b> SIP firms in a tier of the chain. {extra}The same report "
              f"also names {loose} without saying which tier they belong to, so the diagram leaves them out.")


def sip_platforms(lang: str = "en") -> HTML:
    check_lang(lang)
    built = _v("suzhou_sip", "public_tech_platform_count", lang)
    building = _v("suzhou_sip", "public_tech_platform_under_construction_count", lang)
    prov, city = (_v(e, "consortium_count", lang) for e in ("sip_jiangsu_level_consortia", "sip_suzhou_level_consortia"))
    sp, sc = _v("sip_jiangsu_level_consortia", "share_of_provincial_total", lang), \
        _v("sip_suzhou_level_consortia", "share_of_city_total", lang)
    measures = _v("sip_innovation_consortium_policy_2023", "policy_measure_count", lang)
    tic = _name("national_biologics_tic", lang)
    founded = data.table("events").set_index("event_id").loc["biologics_tic_settles_sip_2021", "year"]
    if lang == "zh":
        return _p(f"{escape(tic)}于 {founded} 年落户园区。园区建成公共技术平台 {built}，另有 {building}在建。"
                  f"园区有江苏省级创新联合体 {prov}（占全省{sp}）和苏州市级创新联合体 {city}（占全市{sc}），"
                  f"均列苏州市第一；支持创新联合体的政策提出 {measures}举措。")
    return _p(f"The {escape(tic)} settled in the park in {founded}. The park has built {built} public technology "
              f"platforms, with {building} more under construction. It hosts {prov} Jiangsu provincial-level "
              f"innovation consortia ({sp} of the province's) and {city} Suzhou municipal-level consortia ({sc} of "
              f"the city's), both first in Suzhou; its consortium policy sets out {measures} measures.")


def industry_rows(lang: str = "en") -> pd.DataFrame:
    """Output value and firm counts of the three strategic industries, labelled for a chart."""
    inds = ["sip_biomed_industry", "sip_nano_industry", "sip_ai_industry"]
    f = data.facts()
    f = f[f["entity_id"].isin(inds) & f["indicator"].isin(["output_value", "firm_count"])]
    year = f["year"].map(lambda y: f" ({y})" if pd.notna(y) else "")
    return f.assign(label=f["entity_id"].map(lambda e: _name(e, lang)) + year)


def count_rows(entity_id: str) -> pd.DataFrame:
    """An entity's count-unit figures (one unit, so one axis)."""
    f = data.facts(entity_id)
    return f[f["unit"] == "count"]


def plan_overview(plan_id: str, lang: str = "en") -> HTML:
    """A plan's name, period and its numbers of tracks and actions, from plans and plan_items."""
    check_lang(lang)
    plan = data.table("plans").set_index("plan_id").loc[plan_id]
    items = data.table("plan_items")
    items = items[(items["plan_id"] == plan_id) & items["parent_id"].isna()]
    n_tr, n_ac = int((items["kind"] == "track").sum()), int((items["kind"] == "action").sum())
    name, a, b = escape(_text(plan[f"name_{lang}"])), plan["start_year"], plan["end_year"]
    if lang == "zh":
        return _p(f"《{name}》覆盖 {a}—{b} 年：<b>{n_tr}</b> 条赛道、<b>{n_ac}</b> 项重点举措。")
    return _p(f"The {name} covers {a} to {b}: <b>{n_tr}</b> tracks and <b>{n_ac}</b> lines of action.")


def plan_items_list(plan_id: str, kind: str, lang: str = "en") -> HTML:
    """A plan's tracks or actions as a numbered list, with their details."""
    check_lang(lang)
    items = data.table("plan_items")
    items = items[(items["plan_id"] == plan_id) & (items["kind"] == kind) & items["parent_id"].isna()]
    lis = "".join(f"<li><b>{escape(_text(r[f'name_{lang}']))}</b>"
                  f"{(' — ' + escape(_text(r[f'detail_{lang}']))) if _text(r[f'detail_{lang}']) else ''}</li>"
                  for _, r in items.sort_values("order").iterrows())
    return HTML(f"<ol class='biomfg-prose'>{lis}</ol>")


def targets_table(entity_id: str, lang: str = "en") -> HTML:
    """Targets of one entity with deadlines, baselines (or 'none') and the recorded notes."""
    check_lang(lang)
    rows = targets.tracker_rows()
    rows = rows[rows["entity_id"] == entity_id]
    return HTML(cards.page(f"<div class='biomfg-card'><p>{escape(targets.summary_line(rows, lang))}</p>"
                           f"{targets.table_html(rows, lang, show_holder=False)}</div>"))


def targets_by_action(plan_id: str, lang: str = "en") -> HTML:
    """Every target of a plan (held by the plan itself), grouped under its goals and actions."""
    check_lang(lang)
    return HTML(cards.page(f"<div class='biomfg-card'>{targets.grouped_html(plan_id, plan_id, lang)}</div>"))


def facts_card(entity_ids: list[str], lang: str = "en", title: str = "") -> HTML:
    """A card with every figure about these entities, each with source and quote."""
    check_lang(lang)
    body = cards.facts_table(cards.facts_for(entity_ids), lang, subject=entity_ids[0])
    head = f"<h3>{escape(title)}</h3>" if title else ""
    return HTML(cards.page(f"<div class='biomfg-card'>{head}{body}</div>"))


# --- 07 Hangzhou --------------------------------------------------------------------------------

HZ_PLAN = "hz_synbio_plan_2024_2026"


def hz_overview(lang: str = "en") -> HTML:
    check_lang(lang)
    items = data.table("plan_items")
    items = items[items["plan_id"] == HZ_PLAN]
    plan = data.table("plans").set_index("plan_id").loc[HZ_PLAN]
    n_act, n_task = int((items["kind"] == "action").sum()), int((items["kind"] == "task").sum())
    rows = targets.tracker_rows()
    rows = rows[rows["entity_id"] == HZ_PLAN]
    years = _join(sorted({str(y) for y in rows["year"].dropna()}), lang)
    name = escape(_text(plan[f"name_{lang}"]))
    if lang == "zh":
        return _p(f"《{name}》覆盖 {plan['start_year']}—{plan['end_year']} 年，包括 <b>{n_act}</b> 大行动、"
                  f"<b>{n_task}</b> 项任务，数据中记录了 <b>{len(rows)}</b> 个数值目标，期限均为 {years} 年。")
    return _p(f"The {name} runs from {plan['start_year']} to {plan['end_year']}: <b>{n_act}</b> actions, "
              f"<b>{n_task}</b> numbered tasks, and <b>{len(rows)}</b> numeric targets in the data, all due by {years}.")


def hz_1354(lang: str = "en") -> HTML:
    """The '1354' goal as four tiles, each value from the target it maps to."""
    check_lang(lang)
    rows = targets.tracker_rows()
    rows = rows[rows["entity_id"] == HZ_PLAN]
    links = targets.action_of(rows, HZ_PLAN).set_index("item_id")
    items = data.table("plan_items")
    goal = items.set_index("item_id").loc["hz_goal_1354"]
    kids = items[items["parent_id"] == "hz_goal_1354"].sort_values("order")
    tiles = []
    for _, k in kids.iterrows():
        fid = links["fact_id"].get(k["item_id"])
        r = rows.set_index("fact_id").loc[fid] if fid is not None else None
        value = fmt.fact(r, lang) if r is not None else t("tg_no_numeric", lang)
        year = f" · {r['year']}" if r is not None else ""
        tiles.append(f"<div style='flex:1;min-width:11em;border:2px solid #0072B2;border-radius:10px;padding:.6em'>"
                     f"<div style='font-size:1.6em;font-weight:700;color:#0072B2'>{escape(value)}</div>"
                     f"<div>{escape(_text(k[f'name_{lang}']))}{escape(year)}</div></div>")
    note = escape(_text(items.set_index("item_id").loc["hz_goal_1354", "note"]))
    return HTML(f"<div class='biomfg-prose'><p><b>{escape(_text(goal[f'name_{lang}']))}</b></p>"
                f"<div style='display:flex;gap:.8em;flex-wrap:wrap'>{''.join(tiles)}</div>"
                f"<p style='color:#555;font-size:.9em'>{escape(t('rg_note_en_only', lang))}: {note}</p></div>")


def hz_layout_rows(lang: str = "en") -> pd.DataFrame:
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


def hz_layout_table(lang: str = "en") -> HTML:
    rows = hz_layout_rows(lang)
    head = "".join(f"<th>{escape(t(k, lang))}</th>" for k in ("rg_layout_group", "rg_district",
                                                              "rg_platforms_named", "rg_focus"))
    body = "".join(f"<tr><td>{escape(r['group'])}</td><td><b>{escape(r['district'])}</b></td>"
                   f"<td>{escape(_join(r['platforms'], lang)) or escape(t('rg_card_none', lang))}</td>"
                   f"<td>{escape(r['focus'])}</td></tr>" for _, r in rows.iterrows())
    return HTML(cards.page(f"<div class='biomfg-card'><table><thead><tr>{head}</tr></thead>"
                           f"<tbody>{body}</tbody></table></div>"))


# --- 08 Zhangjiang ------------------------------------------------------------------------------

def zj_figures(lang: str = "en") -> HTML:
    check_lang(lang)
    z = "shanghai_zhangjiang"
    yrs = _v(z, "development_history_duration", lang)
    drugs = data.facts(z, "class1_new_drug_approval_count")
    cum, this_year = drugs[drugs["year"].isna()].iloc[0], drugs[drugs["year"].notna()].iloc[0]
    sh = fact_row("shanghai", "class1_new_drug_approval_count", this_year["year"])
    dev, plat = _v(z, "innovative_device_approval_count", lang), _v(z, "public_service_platform_count", lang)
    g20, c100 = _v(z, "share_of_global_top20_pharma_device_firms", lang), _v(z, "share_of_china_top100_pharma_firms", lang)
    oic = _v(z, "open_innovation_centre_count", lang)
    c, y = _b(fmt.fact(cum, lang)), this_year["year"]
    a, b = _b(fmt.fact(this_year, lang)), _b(fmt.fact(sh, lang))
    if lang == "zh":
        return _p(f"张江科学城经过 {yrs}发展，累计 {c}个1类新药作为MAH产品获批上市，累计获批创新医疗器械 {dev}个；"
                  f"{y} 年上海市获批的 {b}个国产1类新药中，张江占 {a}个。这里有公共服务平台 {plat}个，"
                  f"吸引了 {g20} 的全球药械20强企业和 {c100} 的全国医药百强企业，{oic}家大企业在此开放创新中心。")
    return _p(f"After {yrs} of development, Zhangjiang Science City has had {c} class-1 new drugs approved as MAH "
              f"products and {dev} innovative medical devices approved. Of the {b} domestic class-1 new drugs "
              f"approved in Shanghai in {y}, {a} came from Zhangjiang. It has {plat} public service platforms, "
              f"hosts {g20} of the global top-20 pharma and device firms and {c100} of China's top-100 pharma firms, "
              f"and {oic} large firms run open innovation centres there.")


def zj_mah(lang: str = "en") -> HTML:
    check_lang(lang)
    ev = data.table("events").set_index("event_id")
    gain = _v("pyrotinib_capsule", "time_to_market_advance", lang)
    pilots = ev[(ev["entity_id"] == "pudong") & (ev["kind"] == "reform_pilot")]
    lis = "".join(f"<li>{escape(_text(r[f'name_{lang}']))} ({escape(t('rg_year_unknown', lang))})</li>"
                  if pd.isna(r["year"]) else f"<li>{escape(_text(r[f'name_{lang}']))} ({r['year']})</li>"
                  for _, r in pilots.iterrows())
    drug = escape(_name("pyrotinib_capsule", lang))
    if lang == "zh":
        return HTML(f"<p class='biomfg-prose'>MAH制度让{drug}提前 {gain}进入市场（企业高管的说法）。"
                    f"此外，以下制度也在浦东先行试点（来源未给出年份）：</p><ul>{lis}</ul>")
    return HTML(f"<p class='biomfg-prose'>The MAH system brought {drug} to market {gain} earlier (in the words of "
                f"the firm's executive). Other reforms piloted first in Pudong (no years in the source):</p>"
                f"<ul>{lis}</ul>")


def products_table(region_ids: list[str], lang: str = "en") -> HTML:
    """Drugs and products with their firm; recorded contradictions and notes shown, not fixed."""
    check_lang(lang)
    p = data.table("products")
    p = p[p["region_id"].isin(region_ids)]
    firms = data.table("firms").set_index("firm_id")
    head = "".join(f"<th>{escape(t(k, lang))}</th>" for k in ("rg_drug", "rg_kind", "rg_firm", "source"))
    body = []
    for _, r in p.iterrows():
        firm = _text(firms.loc[r["firm_id"], f"name_{lang}"]) if _text(r["firm_id"]) in firms.index else "—"
        note = _text(r["note"])
        flag = "⚠️ " if "CONTRADICTION" in note else ""
        note_html = (f"<br><span class='quote'>{flag}{escape(t('rg_note_en_only', lang))}: {escape(note)}</span>"
                     if flag else "")
        kind = t(f"product_kind_{r['kind']}", lang)
        body.append(f"<tr><td><b>{escape(_text(r[f'name_{lang}']))}</b></td><td>{escape(kind)}</td>"
                    f"<td>{escape(firm)}</td><td><span class='src'>{escape(_text(r['source']))}</span><br>"
                    f"<span class='quote'>“{escape(_text(r['quote']))}”</span>{note_html}</td></tr>")
    return HTML(cards.page(f"<div class='biomfg-card'><table><thead><tr>{head}</tr></thead>"
                           f"<tbody>{''.join(body)}</tbody></table></div>"))


def zj_platforms(lang: str = "en") -> HTML:
    check_lang(lang)
    ev = data.table("events").set_index("event_id").loc["ev_zhangjiang_psp_founded"]
    plat = _v("shanghai_zhangjiang", "public_service_platform_count", lang)
    name = escape(_name("zhangjiang_yaogu_public_service_platform", lang))
    simm = escape(_name("simm", lang))
    if lang == "zh":
        return _p(f"早在 {ev['year']} 年，张江成立了国内首家国家级生物医药孵化器——{name}。如今张江拥有各类公共服务平台 "
                  f"{plat}个，覆盖从靶点发现到注册上市、委托生产的全产业链。位于张江的{simm}建立了成果转化收益终身制等激励制度。")
    return _p(f"As early as {ev['year']} Zhangjiang set up China's first national-level biomedicine incubator, the "
              f"{name}. Today it has {plat} public service platforms of all kinds, covering the chain from target "
              f"discovery to registration and contract manufacturing. The {simm}, in Zhangjiang, rewards inventors "
              f"for life from the results they transfer.")


# --- 09 other parks: comparable cards -------------------------------------------------------------

def region_card(region_id: str, lang: str = "en") -> str:
    """One case, always in the same sections: figures, firms, projects and organisations, products,
    events. A section with nothing says so."""
    check_lang(lang)
    regs = cases().set_index("region_id")
    if region_id not in regs.index:
        raise ValueError(f"region_id={region_id!r} is not a regional case; valid choices: {', '.join(regs.index)}")
    r = regs.loc[region_id]
    of = case_of_entity()
    mine = {e for e, c in of.items() if c == region_id}
    allr = data.table("regions").set_index("region_id")
    parent = _text(r["parent_id"])
    meta = f"{t('rg_in', lang)} {_text(allr.loc[parent, f'name_{lang}'])}" if parent in allr.index else ""
    none = f"<p class='src'>{escape(t('rg_card_none', lang))}</p>"

    def names(df, key, role=None):
        df = df[df[key].isin(mine)]
        if df.empty:
            return none
        lis = "".join(f"<li>{escape(_text(x[f'name_{lang}']))}"
                      f"{(' — ' + escape(_text(x[role]))) if role and _text(x[role]) else ''}</li>"
                      for _, x in df.iterrows())
        return f"<ul>{lis}</ul>"

    ev = data.table("events")
    ev = ev[ev["entity_id"].isin(mine)]
    ev_html = none if ev.empty else "<ul>" + "".join(
        f"<li>{escape(_text(e['year']) or t('rg_year_unknown', lang))}: {escape(_text(e[f'name_{lang}']))}</li>"
        for _, e in ev.iterrows()) + "</ul>"
    facts = cards.facts_for(sorted(mine))
    parts = [("rg_card_figures", cards.facts_table(facts, lang, subject=region_id)),
             ("rg_card_firms", names(data.table("firms"), "firm_id", f"role_{lang}")),
             ("rg_card_places", names(data.table("facilities"), "facility_id")),
             ("rg_card_products", names(data.table("products"), "product_id")),
             ("rg_card_events", ev_html)]
    body = "".join(f"<h4>{escape(t(k, lang))}</h4>{v}" for k, v in parts)
    accent = "#0072B2" if region_id in OWN_NOTEBOOK else "#D55E00"
    return (f"<div class='biomfg-card' style='--biomfg-accent:{accent}'><h3>{escape(_text(r[f'name_{lang}']))}</h3>"
            f"<div class='meta'>{escape(meta)}</div>{body}"
            f"<div class='src'>{escape(t('source', lang))}: {escape(_text(r['source']))} — "
            f"“{escape(_text(r['quote']))}”</div></div>")


def park_cards(region_ids: list[str], lang: str = "en") -> HTML:
    """Cards for several cases, the first open, the others folded."""
    regs = cases().set_index("region_id")
    return HTML(cards.page(*(cards.folded(_text(regs.loc[r, f"name_{lang}"]), region_card(r, lang), open_=(i == 0))
                             for i, r in enumerate(region_ids))))


def cases_overview(lang: str = "en") -> HTML:
    check_lang(lang)
    c = cases()
    own = c[c["region_id"].isin(OWN_NOTEBOOK)]
    others = c[~c["region_id"].isin(OWN_NOTEBOOK)]
    n_f = len(case_facts())
    o = _join([escape(x) for x in others[f"name_{lang}"]], lang)
    w = _join([escape(x) for x in own[f"name_{lang}"]], lang)
    if lang == "zh":
        return _p(f"数据中共有 <b>{len(c)}</b> 个区域案例、<b>{fmt.number(n_f, 'count', 'zh')}</b> 个相关数值。"
                  f"除{w}各有单独的笔记本外，本笔记本比较 <b>{len(others)}</b> 个园区：{o}。")
    return _p(f"The data holds <b>{len(c)}</b> regional cases with <b>{fmt.number(n_f, 'count', 'en')}</b> figures "
              f"between them. Besides {w}, which have notebooks of their own, this notebook compares "
              f"<b>{len(others)}</b> parks: {o}.")
