"""Building blocks of the briefing notebooks behind the static reports: a header with the date of the
data, key-figure tiles, and the list of sources with the quotes behind every figure shown."""

from __future__ import annotations

import re
from html import escape

import pandas as pd

from .. import data, fmt
from ..htmlout import HTML
from ..i18n import check_lang, t
from ..model.facts import figure_text, whose
from .base import any_inferred, year_text
from .cards import colon, paren

CSS = """<style>
.biomfg-brief h1{font-size:2em;margin:.2em 0}
.biomfg-brief .meta{color:#555}
.biomfg-tiles{display:grid;grid-template-columns:repeat(auto-fill,minmax(14em,1fr));gap:.8em;margin:.8em 0}
.biomfg-tile{border:1px solid #ddd;border-top:5px solid #0072B2;padding:.6em .8em;background:#fafafa;break-inside:avoid}
.biomfg-tile .v{font-size:1.6em;font-weight:700;color:#1a1a1a}
.biomfg-tile .l{color:#333}
.biomfg-tile .s{color:#666;font-size:.8em}
.biomfg-quotes li{margin:.3em 0}
.biomfg-quotes .q{color:#555}
.biomfg-brief-note{color:#666;font-size:.85em}
</style>"""


def _years(facts: pd.DataFrame) -> list[int]:
    """The years the figures refer to: each figure's year, and for one without a year, the period its quote
    states (2018—2022年的数据: both ends; 2023年至今: its start), as its tile shows it (fmt.since)."""
    years = [int(y) for y in facts["year"].dropna()]
    for _, f in facts[facts["year"].isna()].iterrows():
        span = fmt.span_years(f.get("quote"))
        start = fmt.since_year(f.get("quote"))
        years += [int(y) for y in (span or ((start,) if start else ()))]
    return years


def period(facts: pd.DataFrame, lang: str) -> str:
    years = _years(facts)
    if not years:
        return t("undated", lang)
    lo, hi = min(years), max(years)
    if lang == "zh":  # 2024年, 2023—2027年: the sources' own way of writing a year and a span of years
        return f"{lo}年" if lo == hi else f"{lo}—{hi}年"
    return str(lo) if lo == hi else f"{lo}–{hi}"


def header(title: str, facts: pd.DataFrame, lang: str = "en") -> HTML:
    """Title, the data package's version and date, and the years the figures refer to."""
    check_lang(lang)
    pkg = data.package()
    created = str(pkg.get("created", ""))[:10]
    # figures with no year say so once ('数据均未注明年份'), not as 'years: no year stated'
    years = (f"{t('figures_period', lang)}{colon(lang)}{period(facts, lang)}" if _years(facts)
             else t("figures_undated", lang))
    meta = f"{t('data_version_is', lang, version=pkg.get('version', ''))}{paren(created, lang)} · {years}"
    return HTML(f"{CSS}<div class='biomfg-brief'><h1>{escape(title)}</h1><p class='meta'>{escape(meta)}</p></div>")


def colophon(lang: str = "en") -> HTML:
    """The end of every briefing: the versions it was made from and how to cite it, in the reader's language."""
    check_lang(lang)
    v = data.versions()
    text = t("colophon", lang, title=escape(t("collection_title", lang)), **{k: escape(x) for k, x in v.items()})
    return HTML(f"<p class='biomfg-colophon' style='font-size:.85em;color:#444;border-top:1px solid #ccc;"
                f"padding-top:.5em;margin-top:1.5em'>{text}</p>")


def _kind(f, lang: str) -> str:
    return "" if f["kind"] == "actual" else paren(t(str(f["kind"]), lang), lang)


END_OF_YEAR = re.compile(r"截至\s*(\d{4})\s*年底")  # 截至2023年底: the figure stands at the end of that year


def _when(f, lang: str) -> str:
    """A tile's year: as fmt writes it (marked where inferred, a period its quote states), 'end of 2023' /
    '截至2023年底' where the quote says so; for a target the source sets no deadline for, that it has none,
    and for a yearly target (每年) nothing, as its figure says 'a year' already."""
    if f["kind"] == "target" and pd.isna(f["year"]):
        return "" if fmt.text(f.get("qualifier")) == "per_year" else t("bd_no_deadline", lang)
    found = END_OF_YEAR.search(fmt.text(f.get("quote")))
    if found and not pd.isna(f["year"]) and int(f["year"]) == int(found.group(1)) and not fmt.year_inferred(f):
        return t("bd_end_of_year", lang, year=found.group(1))
    return year_text(f, lang) or (t("undated", lang) if lang == "en" else "")  # a figure without a year says so


def key_figures(facts: pd.DataFrame, lang: str = "en", limit: int | None = None, total: int | None = None,
                heading: bool = True, foot: bool = True, noted: pd.DataFrame | None = None,
                subject: str | None = None) -> HTML:
    """One tile per figure: value (with qualifier), what it measures, about whom and the year (marked
    where the quote does not state it). Readers see names, never ids. `total`: how many figures the
    briefing holds in all (said under the tiles when more than are shown). A slide holds at most three
    tiles, so a briefing shows them in two parts: the first with the heading, the second with the notes
    (`noted`: the figures of both parts, whose inferred years the note explains). A figure about the
    briefing's `subject` itself does not repeat its name."""
    check_lang(lang)
    if facts.empty:
        return HTML(f"<p>{escape(t('no_data', lang))}</p>" if heading else "")
    names = data.entity_names().set_index("entity_id")[f"name_{lang}"]
    rows = facts if limit is None else facts.head(limit)
    # figures all about one thing name it once, under the tiles, not on every tile
    every = (facts if noted is None else noted)["entity_id"]
    common = every.iloc[0] if every.nunique() == 1 else None
    # no tile with a year: said once under the tiles, not 'no year stated' on each
    undated = all(not year_text(f, lang) for _, f in (facts if noted is None else noted).iterrows())
    tiles = []
    for _, f in rows.iterrows():
        year = "" if undated and f["kind"] != "target" else _when(f, lang)
        label = fmt.text(f.get(f"indicator_short_{lang}")) or str(f[f'indicator_{lang}'])  # a tile's room is short
        label = label[:1].upper() + label[1:]  # a label standing alone starts with a capital (Chinese has no case)
        # a figure names whose it is (a facility or fund with its owner: model.facts.whose), also when
        # another tile has the same label (model.brief.key_figures: same_label)
        named = bool(f.get("same_label", False)) or not (common is not None or f["entity_id"] == subject)
        owner = whose(f["entity_id"], lang) if named else ""
        who = " · ".join(x for x in (owner, year) if x)
        tiles.append(
            f"<div class='biomfg-tile'><div class='v'>{escape(figure_text(f, lang))}</div>"
            f"<div class='l'>{escape(label)}{escape(_kind(f, lang))}</div>"
            f"<div class='s'>{escape(who)}</div></div>")
    inferred = any_inferred(facts if noted is None else noted)
    notes = f"<p class='biomfg-brief-note'>{escape(t('year_inferred_note', lang))}</p>" if inferred else ""
    if undated:
        notes += f"<p class='biomfg-brief-note'>{escape(t('figures_undated', lang))}</p>"
    if common is not None:
        about = t("all_about", lang, name=str(names.get(common, common)))
        notes = f"<p class='biomfg-brief-note'>{escape(about)}</p>" + notes
    if total is not None and total > len(facts):
        notes += f"<p class='biomfg-brief-note'>{escape(t('all_in_appendix', lang).format(n=fmt.plain(total)))}</p>"
    head = f"<h2>{escape(t('key_figures', lang))}</h2>" if heading else ""
    return HTML(f"{CSS}{head}<div class='biomfg-tiles'>{''.join(tiles)}</div>{notes if foot else ''}")


def sources_with_quotes(facts: pd.DataFrame, lang: str = "en") -> HTML:
    """Every figure shown, named by what it measures and about whom, with the verbatim quote, under the source
    it comes from: its full citation (prose.sources.citation), its seed's file name a small detail under it. A
    figure on a newspaper page holding several items is listed under the item reporting it, with that item's
    headline and byline (model.cases.item_of); the page's other figures under the page's own citation."""
    from ..model.cases import item_of
    from ..model.facts import one_row_per_range
    from .sources import citation, file_note

    check_lang(lang)
    facts = one_row_per_range(facts)  # a stated range is one figure, 12—15个, never its two ends apart
    src = data.sources().set_index("source_id")
    names = data.entity_names().set_index("entity_id")[f"name_{lang}"]
    order = {i: n for n, i in enumerate(data.table("source_items")["item_id"])}
    item = item_of(facts)
    heads = {(s, i): citation(s, lang, i) if s in src.index else str(s) for s, i in set(zip(facts["source"], item, strict=True))}
    df = facts.assign(_head=[heads[k] for k in zip(facts["source"], item, strict=True)],  # one heading, however it is reached
                      _rank=item.map(order).fillna(-1))  # the page's own citation first, then its items in data order
    groups = sorted(df.groupby(["source", "_head"], sort=False), key=lambda g: (str(g[0][0]), g[1]["_rank"].min()))
    items = []
    for (source, head), group in groups:
        quotes = "".join(
            f"<li>{escape(str(f[f'indicator_{lang}']))} · {escape(str(names.get(f['entity_id'], f['entity_id'])))}"
            f"{escape(colon(lang))}<b>{escape(figure_text(f, lang))}</b>{escape(_kind(f, lang))}"
            f"{t('quote_after_figure', lang)}<span class='q'>“{escape(str(f['quote']))}”</span></li>"
            for _, f in group.iterrows())
        head = f"<b>{escape(head)}</b>" + (f"<br>{file_note(source, lang)}" if source in src.index else "")
        items.append(f"<li>{head}<ul>{quotes}</ul></li>")
    return HTML(f"{CSS}<h2>{escape(t('quotes_behind', lang))}</h2><ol class='biomfg-quotes'>{''.join(items)}</ol>")


def title(lang: str = "en", region: str | None = None, platform_type: str | None = None) -> str:
    """A briefing's title: the overview's, or the region's or platform type's name with the briefing suffix."""
    check_lang(lang)
    if region is not None:
        name = data.table("regions").set_index("region_id").loc[region, f"name_{lang}"]
        return f"{name}{t('briefing_suffix', lang)}"
    if platform_type is not None:
        name = str(data.table("platform_types").set_index("type_id").loc[platform_type, f"name_{lang}"])
        return f"{name[:1].upper()}{name[1:]}{t('briefing_suffix', lang)}"  # a title starts with a capital
    return t("overview_briefing", lang)
