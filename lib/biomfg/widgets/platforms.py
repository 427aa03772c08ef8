"""Widgets for the exemplar platforms: the explorer, the side-by-side comparer and the finder.

Each leaves a static view (what reports and nbval see); callbacks only re-render HTML from data
read once when the widget is built, so they stay far below 50 ms.
"""

from __future__ import annotations

from html import escape

import ipywidgets as w

from .. import data, fmt
from ..choices import check_choice
from ..fmt import text as _text
from ..htmlout import HTML
from ..i18n import check_lang, t
from ..model import finder as ranking  # the widget below is called finder
from ..prose import cards
from ..prose.platforms import finder_label, litres, no_match_message, reason_text
from ..theme import PLATFORM_TYPE_COLOURS
from .base import Explorer, show

L = " style='text-align:left;vertical-align:top'"  # notebook and report styles right-align cells
FIELDS = ("type", "country", "founded", "direction", "progress", "success", "operator", "funding")



def explorer(lang: str = "en", platform_id: str | None = None, type_id: str | None = None) -> Explorer:
    """Pick a platform; see a card with all its figures and their sources (optionally one type only)."""
    check_lang(lang)
    plats = data.platforms()
    if type_id is not None:
        check_choice("type_id", type_id, sorted(set(plats["type_id"])))
        plats = plats[plats["type_id"] == type_id]
    options = [(r[f"name_{lang}"] + t("paren", lang, text=r[f"type_name_{lang}"]), r["platform_id"])
               for _, r in plats.iterrows()]
    first = platform_id or options[0][1]
    pick = w.Dropdown(options=options, value=first, description=t("choose_platform", lang),
                      style={"description_width": "initial"}, layout=w.Layout(width="36em"))
    out = w.Output()
    card = {pid: cards.platform_card(pid, lang) for _, pid in options}
    pages = {pid: cards.page(html) for pid, html in card.items()}

    def update(change=None):
        show(out, HTML(pages[pick.value]))

    pick.observe(update, names="value")
    update()
    static = cards.page(*(cards.folded(label, card[pid], open_=(pid == first)) for label, pid in options))
    return Explorer([pick, out], static, f"[{t('choose_platform', lang)}] {t('interactive_needs_kernel', lang)}")


# --- the comparer -------------------------------------------------------------------------------

class _Columns(dict):
    """Each platform's cells for the comparison table, built the first time it is asked for."""

    def __init__(self, lang: str):
        super().__init__()
        self.plats = data.platforms().set_index("platform_id")
        self.facts = ranking.platform_facts()
        self.lang = lang

    def __contains__(self, key) -> bool:
        return key[0] in self.plats.index and key[1] == self.lang

    def __missing__(self, key):
        self[key] = _column(key[0], self.lang, self.plats, self.facts)
        return self[key]

    def known(self) -> list[str]:
        return list(self.plats.index)


def _columns(lang: str) -> _Columns:
    return _Columns(lang)


def _column(pid: str, lang: str, plats, facts) -> dict[str, str]:
    """One platform's cells for the comparison table (HTML, escaped)."""
    p = plats.loc[pid]
    idx = ranking.index()
    cells = {
        "name": f"<b style='color:{PLATFORM_TYPE_COLOURS[p['type_id']]}'>{escape(_text(p[f'name_{lang}']))}</b>",
        "type": escape(_text(p[f"type_name_{lang}"])), "country": escape(_text(p[f"country_{lang}"])),
        "founded": escape(t("year_paren", lang, year=_text(p["founded"])).strip("（）") if lang == "zh"
                          else _text(p["founded"])),  # zh 2016年, as the cards write it
    }
    for k in ("direction", "progress", "success", "operator", "funding"):
        cells[k] = escape(_text(p[f"{k}_{lang}"])) or f"<span class='src'>{escape(t('no_data', lang))}</span>"
    serves = []
    for dim in ("stage", "need", "sector", "region"):
        vals = idx.serves[pid][dim]
        shown = t("list_sep", lang).join(f"<span title='{escape(q)}'>{escape(finder_label(v, lang))}</span>"
                                         for v, q in vals.items())
        serves.append(f"{escape(finder_label(dim, lang))}{cards.colon(lang)}{shown or '—'}")
    cells["serves"] = "<br>".join(serves)
    facts = facts[facts["platform_id"] == pid]
    names = data.entity_names().set_index("entity_id")[f"name_{lang}"] if len(facts) else None
    items = []
    for _, f in facts.iterrows():
        what = _text(f[f"indicator_{lang}"])
        if f["entity_id"] != pid:
            what += f" · {_text(names.get(f['entity_id'], f['entity_id']))}"
        year = fmt.year_paren(f, lang)  # ' (2022)', an inferred year marked
        items.append(f"<li title='{escape(_text(f['source']))}: {escape(_text(f['quote']))}'>{escape(what)}{cards.colon(lang)}"
                     f"<b>{escape(fmt.fact(f, lang))}</b>{escape(year)}</li>")
    cells["figures_stated"] = (f"<ul style='margin:0;padding-left:1.1em'>{''.join(items)}</ul>" if items else
                               f"<span class='src'>{escape(t('no_data', lang))}</span>")
    return cells


def compare_view(a: str, b: str, lang: str = "en", _cache: dict | None = None) -> str:
    """Two platforms side by side: every field, what they serve, and their figures with sources."""
    check_lang(lang)
    cache = _cache if _cache is not None else _columns(lang)
    for name, pid in (("a", a), ("b", b)):
        if (pid, lang) not in cache:
            check_choice(name, pid, cache.known(), verb="is not a platform id")
    cols = [cache[(pid, lang)] for pid in (a, b)]
    rows = [f"<tr><th style='width:11em'></th><th{L}>{cols[0]['name']}</th><th{L}>{cols[1]['name']}</th></tr>"]
    for key in (*FIELDS, "serves", "figures_stated"):
        label = t("platform_type" if key == "type" else key, lang)
        rows.append(f"<tr><th{L}>{escape(label)}</th><td{L}>{cols[0][key]}</td><td{L}>{cols[1][key]}</td></tr>")
    return cards.page(f"<div class='biomfg-card'><h3>{escape(t('compare_title', lang))}</h3>"
                      f"<table class='biomfg-table biomfg-compare' style='table-layout:fixed;width:100%'>"
                      f"{''.join(rows)}</table></div>")


def comparer(lang: str = "en", a: str | None = None, b: str | None = None) -> Explorer:
    """Pick two platforms and compare them field by field."""
    check_lang(lang)
    plats = data.platforms()
    options = [(r[f"name_{lang}"] + t("paren", lang, text=r[f"type_name_{lang}"]), r["platform_id"])
               for _, r in plats.iterrows()]
    a = a or options[0][1]
    b = b or options[1][1]
    style = {"description_width": "initial"}
    left = w.Dropdown(options=options, value=a, description=t("compare_left", lang), style=style,
                      layout=w.Layout(width="30em"))
    right = w.Dropdown(options=options, value=b, description=t("compare_right", lang), style=style,
                       layout=w.Layout(width="30em"))
    out = w.Output()
    cache = _columns(lang)

    def update(change=None):
        show(out, HTML(compare_view(left.value, right.value, lang, cache)))

    left.observe(update, names="value")
    right.observe(update, names="value")
    update()
    return Explorer([w.HBox([left, right]), out], compare_view(a, b, lang, cache),
                    f"[{t('compare_title', lang)}] {t('interactive_needs_kernel', lang)}")


# --- the finder ---------------------------------------------------------------------------------

def finder_view(lang: str = "en", stage=None, scale_l=None, sector=None, need=None, region=None,
                         top: int = 5) -> HTML:
    """The finder's answer, shown as HTML: the ranked platforms with reasons (quotes on hover), or a plain
    message when none fits. Bad input raises ValueError (the widget shows it)."""
    return HTML(_finder_html(lang, stage, scale_l, sector, need, region, top))


def _finder_html(lang: str = "en", stage=None, scale_l=None, sector=None, need=None, region=None,
                 top: int = 5, _names=None) -> str:
    """finder_view's HTML as a string (the widget's callback and static view)."""
    check_lang(lang)
    query = {"stage": stage, "scale_l": scale_l, "sector": sector, "need": need, "region": region}
    matches = ranking.find(**query)
    asked = []
    for k, v in query.items():
        if v in (None, "any"):
            continue
        shown = finder_label(v, lang) if k != "scale_l" else \
            litres(ranking.check_scale(v), lang) + cards.paren(finder_label(ranking.band(v), lang), lang)
        asked.append(f"{escape(finder_label(k, lang))}{cards.colon(lang)}<b>{escape(shown)}</b>")
    head = f"<div class='meta'>{escape(t('finder_query', lang))} — {' · '.join(asked) or escape(finder_label('any', lang))}</div>"
    if not matches:
        return cards.page(f"<div class='biomfg-card'><h3>{escape(t('finder_title', lang))}</h3>{head}"
                          f"<p><b>{escape(no_match_message(lang, **query))}</b></p></div>")
    names = data.platforms().set_index("platform_id") if _names is None else _names
    rows = []
    for rank, m in enumerate(matches[:top], start=1):
        p = names.loc[m.platform_id]
        colour = PLATFORM_TYPE_COLOURS[p["type_id"]]
        marks = {"met": "✔", "near": "≈", "missed": "✘", "unknown": "?" if lang == "en" else "？"}
        gap = " " if lang == "en" else ""  # a Chinese sentence follows its mark directly
        why = "".join(f"<li title='{escape(r.quote)}'>{marks[r.status]}{gap}{escape(reason_text(r, lang))}</li>"
                      for r in m.reasons)
        rows.append(f"<tr><td{L}>{rank}</td><td{L}><b style='color:{colour}'>{escape(_text(p[f'name_{lang}']))}</b><br>"
                    f"<span class='src'>{escape(_text(p[f'type_name_{lang}']))}</span></td>"
                    f"<td{L}>{m.score:g}</td><td{L}><ul style='margin:0;padding-left:0;list-style:none'>{why}</ul></td></tr>")
    th = "".join(f"<th{L}>{escape(t(k, lang))}</th>" for k in ("finder_rank", "platform", "finder_fit", "finder_why"))
    return cards.page(f"<div class='biomfg-card'><h3>{escape(t('finder_title', lang))}</h3>{head}"
                      f"<table class='biomfg-table'><thead><tr>{th}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
                      f"<p class='src'>{escape(t('finder_note', lang))}</p></div>")


def finder(lang: str = "en", stage="pilot", scale_l=1000.0, sector=None, need="equipment",
                    region="europe") -> Explorer:
    """State your stage, scale, sector, need and region; see the platforms ranked by fit, with reasons."""
    check_lang(lang)

    def options(name):
        return [(finder_label("any", lang), "any")] + [(finder_label(v, lang), v) for v in ranking.CHOICES[name]]

    style = {"description_width": "initial"}
    picks = {name: w.Dropdown(options=options(name), value=query or "any", description=finder_label(name, lang),
                              style=style, layout=w.Layout(width="17em"))
             for name, query in (("stage", stage), ("sector", sector), ("need", need), ("region", region))}
    scale = w.Text(value="" if scale_l is None else f"{scale_l:g}", description=finder_label("scale_l", lang),
                   style=style, layout=w.Layout(width="17em"), continuous_update=False)
    out = w.Output()
    names = data.platforms().set_index("platform_id")

    def read_scale():
        text = scale.value.strip().replace(",", "")
        if not text:
            return None
        try:
            return float(text)
        except ValueError:
            return text  # ranking.check_scale names the problem

    def update(change=None):
        try:
            html = _finder_html(lang, scale_l=read_scale(), _names=names, **{k: p.value for k, p in picks.items()})
        except ValueError as exc:
            html = cards.page(f"<div class='biomfg-card'><b>{escape(t('bad_input', lang))}:</b> {escape(str(exc))}</div>")
        show(out, HTML(html))

    for p in (*picks.values(), scale):
        p.observe(update, names="value")
    update()
    static = _finder_html(lang, stage, scale_l, sector, need, region, _names=names)
    controls = w.VBox([w.HBox([picks["stage"], scale, picks["sector"]]), w.HBox([picks["need"], picks["region"]])])
    return Explorer([controls, out], static, f"[{t('finder_title', lang)}] {t('interactive_needs_kernel', lang)}")
