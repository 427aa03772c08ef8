"""What the regional cases (notebooks 06-09) share: plans, targets, products and figure cards, and the
comparable case cards of notebook 09. Each case's own sentences live in prose_sip, prose_hangzhou and
prose_zhangjiang. Every figure is formatted by fmt from data/; every string is escaped.

A *case* is a region with city coordinates in regions.csv (the dots of the map). An entity belongs to
a case if its region (its own id for a region; region_id for facilities, firms, products, plans and
plan items) is the case or lies under it.
"""

from __future__ import annotations

from html import escape

from .. import data, fmt, i18n
from ..choices import check_choice
from ..fmt import text as _text
from ..htmlout import HTML, HTMLText
from ..i18n import check_lang, t
from ..model.cases import case_facts, case_of_entity, case_of_region, cases, own_notebook  # noqa: F401
from . import cards
from . import targets as prose_targets
from .base import join, paragraph

# products.kind -> {en, zh}: the catalogue's product_kind_* labels, one per value of the enum in
# data/datapackage.json (a test keeps them in step); read from lib/biomfg/messages.yml on first use
PRODUCT_KIND_PREFIX = "product_kind_"


def __getattr__(attr: str):
    if attr == "PRODUCT_KINDS":
        return {k[len(PRODUCT_KIND_PREFIX):]: v for k, v in i18n.messages().items() if k.startswith(PRODUCT_KIND_PREFIX)}
    raise AttributeError(f"module {__name__!r} has no attribute {attr!r}")


def plan_overview(plan_id: str, lang: str = "en") -> HTML:
    """A plan's name, period and its numbers of tracks and actions, from plans and plan_items."""
    check_lang(lang)
    plan = data.table("plans").set_index("plan_id").loc[plan_id]
    items = data.table("plan_items")
    items = items[(items["plan_id"] == plan_id) & items["parent_id"].isna()]
    n_tr, n_ac = int((items["kind"] == "track").sum()), int((items["kind"] == "action").sum())
    name, a, b = escape(_text(plan[f"name_{lang}"])), plan["start_year"], plan["end_year"]
    return paragraph(t("rg_plan_overview", lang, name=name, start=a, end=b, tracks=n_tr, actions=n_ac))


def plan_items_list(plan_id: str, kind: str, lang: str = "en") -> HTML:
    """A plan's tracks or actions as a numbered list, with their details."""
    check_lang(lang)
    items = data.table("plan_items")
    items = items[(items["plan_id"] == plan_id) & (items["kind"] == kind) & items["parent_id"].isna()]
    lis = "".join(f"<li><b>{escape(_text(r[f'name_{lang}']))}</b>"
                  f"{(' — ' + escape(_text(r[f'detail_{lang}']))) if _text(r[f'detail_{lang}']) else ''}</li>"
                  for _, r in items.sort_values("order").iterrows())
    return HTML(f"<ol class='biomfg-prose'>{lis}</ol>")


def targets_by_action(plan_id: str, lang: str = "en") -> HTML:
    """Every target of a plan (held by the plan itself), grouped under its goals and actions."""
    check_lang(lang)
    return HTML(cards.page(f"<div class='biomfg-card'>{prose_targets.grouped_html(plan_id, plan_id, lang)}</div>"))


def facts_card(entity_ids: list[str], lang: str = "en", title: str = "") -> HTML:
    """A card with every figure about these entities, each with source and quote."""
    check_lang(lang)
    body = cards.facts_table(cards.facts_for(entity_ids), lang, subject=entity_ids[0])
    head = f"<h3>{escape(title)}</h3>" if title else ""
    return HTML(cards.page(f"<div class='biomfg-card'>{head}{body}</div>"))


def products_table(region_ids: list[str], lang: str = "en") -> HTML:
    """Drugs and products with their kind, firm and source quote, as the source states them. A caveat for
    readers (products.csv caveat_zh / caveat_en: a source that may have a name wrong) stands under the
    product's name; what the curators recorded about a product stays in data/'s notes."""
    check_lang(lang)
    p = data.table("products")
    p = p[p["region_id"].isin(region_ids)]
    firms = data.table("firms").set_index("firm_id")
    head = "".join(f"<th>{escape(t(k, lang))}</th>" for k in ("rg_drug", "rec_target_kind", "rg_firm", "source"))
    body = []
    for _, r in p.iterrows():
        firm = _text(firms.loc[r["firm_id"], f"name_{lang}"]) if _text(r["firm_id"]) in firms.index else "—"
        kind = t(f"product_kind_{r['kind']}", lang)
        caveat = _text(r.get(f"caveat_{lang}"))
        caveat = f"<br><span class='quote'>{escape(caveat)}</span>" if caveat else ""
        body.append(f"<tr><td class='name'><b>{escape(_text(r[f'name_{lang}']))}</b>{caveat}</td>"
                    f"<td class='nowrap'>{escape(kind)}</td><td class='name'>{escape(firm)}</td>"
                    f"<td class='cite'><span class='src'>{escape(_text(r['source']))}</span><br>"
                    f"<span class='quote'>“{escape(_text(r['quote']))}”</span></td></tr>")
    return HTML(cards.page(f"<div class='biomfg-card'><table class='biomfg-table'><thead><tr>{head}</tr></thead>"
                           f"<tbody>{''.join(body)}</tbody></table></div>"))


# --- 09 other parks: comparable cards -------------------------------------------------------------

def region_card(region_id: str, lang: str = "en", with_facts: bool = True) -> HTMLText:
    """One case, always in the same sections: figures, firms, projects and organisations, products,
    events. A section with nothing says so. `with_facts=False`: without the figures (a briefing lists
    them with their quotes)."""
    check_lang(lang)
    regs = cases().set_index("region_id")
    check_choice("region_id", region_id, regs.index, verb="is not a regional case")
    r = regs.loc[region_id]
    of = case_of_entity()
    mine = {e for e, c in of.items() if c == region_id}
    allr = data.table("regions").set_index("region_id")
    parent = _text(r["parent_id"])
    # where the case lies: its province or city; nothing when the seeds name only the country ("in China"
    # tells a reader nothing about a park in China)
    meta = (t("rg_in_region", lang, region=_text(allr.loc[parent, f"name_{lang}"]))
            if parent in allr.index and _text(allr.loc[parent, "kind"]) != "country" else "")
    none = f"<p class='src'>{escape(t('rg_card_none', lang))}</p>"

    def names(df, key, role=None):
        df = df[df[key].isin(mine)]
        if df.empty:
            return none
        lis = "".join(f"<li>{escape(_text(x[f'name_{lang}']))}"
                      f"{(' — ' + escape(_text(x[role]))) if role and _text(x[role]) else ''}</li>"
                      for _, x in df.iterrows())
        return f"<ul>{lis}</ul>"

    from .brief import events_list  # one way to list events, in date order (the briefings' appendix too)

    ev = data.table("events")
    ev = ev[ev["entity_id"].isin(mine)]
    ev_html = none if ev.empty else events_list(ev, lang)
    facts = cards.facts_for(sorted(mine))
    parts = [*([("facts", cards.facts_table(facts, lang, subject=region_id))] if with_facts else []),
             ("rg_card_firms", names(data.table("firms"), "firm_id", f"role_{lang}")),
             ("rg_card_places", names(data.table("facilities"), "facility_id")),
             ("rg_card_products", names(data.table("products"), "product_id")),
             ("rg_card_events", ev_html)]
    body = "".join(f"<h4>{escape(t(k, lang))}</h4>{v}" for k, v in parts)
    accent = "#0072B2" if region_id in own_notebook() else "#D55E00"
    meta_html = f"<div class='meta'>{escape(meta)}</div>" if meta else ""
    return HTMLText(
        f"<div class='biomfg-card' style='--biomfg-accent:{accent}'><h3>{escape(_text(r[f'name_{lang}']))}</h3>"
        f"{meta_html}{body}"
        f"<div class='src'>{escape(t('source', lang))}{cards.colon(lang)}{escape(_text(r['source']))} — "
        f"“{escape(_text(r['quote']))}”</div></div>")


def park_lists(region_id: str, lang: str = "en") -> HTML:
    """A case's firms, projects and organisations, products and events, for a briefing's appendix."""
    return HTML(cards.page(region_card(region_id, lang, with_facts=False)))


def park_cards(region_ids: list[str], lang: str = "en") -> HTML:
    """Cards for several cases, the first open, the others folded."""
    regs = cases().set_index("region_id")
    return HTML(cards.page(*(cards.folded(_text(regs.loc[r, f"name_{lang}"]), region_card(r, lang), open_=(i == 0))
                             for i, r in enumerate(region_ids))))


def cases_overview(lang: str = "en") -> HTML:
    check_lang(lang)
    c = cases()
    own = c[c["region_id"].isin(own_notebook())]
    others = c[~c["region_id"].isin(own_notebook())]
    n_f = len(case_facts())
    o = join([escape(x) for x in others[f"name_{lang}"]], lang)
    w = join([escape(x) for x in own[f"name_{lang}"]], lang)
    return paragraph(t("rg_cases_overview", lang, cases=len(c), figures=fmt.number(n_f, "count", lang), own=w,
                       parks=len(others), names=o))
