"""A briefing as its reader gets it, one notebook cell per part: the header; page one (summary, key
figures, headline chart, targets against results); the story, three sections of a few sentences and one
chart each, in an order that argues; the appendix with every figure, its source and its quote.

The three briefing notebooks (notebooks/briefings) are the same seven calls on a `Briefing`; the report
batch prints them, Voilà shows them as a page or as slides (one part a slide). Each part is made per
language by a function of `lang`, so the live page can hold both languages (tools.present.bilingual).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from urllib.parse import parse_qsl, urlencode

from IPython.display import display

from .. import charts, data, prose
from ..htmlout import HTML
from ..i18n import check_lang
from ..model import brief as model
from . import present

Part = Callable[[str], list]  # lang -> what the cell shows, in order


class Parts(list):
    """What one cell shows: each part its own output (a chart stays a chart), in order."""

    def _ipython_display_(self):
        for item in self:
            display(item)
TILES_PER_SLIDE = 3
HEADLINE_BARS = 6  # page one's chart, with the summary, tiles and targets box, fits one A4 page
# an empty mark in page one's chart cell: print scales that chart (and only that one) to fit page one
PAGE_ONE_CHART = HTML("<div class='biomfg-page-one-chart'></div>")
# a locator map says where, not how much: on paper it takes the room page one has left (held smaller)
PAGE_ONE_LOCATOR = HTML("<div class='biomfg-page-one-chart biomfg-page-one-small'></div>")


class Briefing:
    def __init__(self, kind: str, id_: str | None, lang: str):
        check_lang(lang)
        self.kind, self.lang = kind, lang
        self.subject = model.subject(kind, id_)

    def _show(self, part: Part) -> Parts:
        return Parts(present.bilingual(part, self.lang))

    # --- page one ---------------------------------------------------------------------------------
    def header(self) -> Parts:
        """Title, the data's version and date, and the years the figures refer to."""
        params = {"region": self.subject.id} if self.kind == "region" else \
            {"platform_type": self.subject.id} if self.kind == "platform_type" else {}
        return self._show(lambda lang: [prose.briefing.header(prose.briefing.title(lang, **params), self.subject.figures, lang)])

    def summary(self) -> Parts:
        return self._show(lambda lang: [prose.brief.summary(self.subject, lang)])

    def key_figures(self, part: int) -> Parts | None:
        """Part 1: the heading and the first three key figures; part 2: the others (none when there are
        three or fewer) and the notes. A slide holds at most three."""
        chosen = model.key_figures(self._own_figures(), self.subject.own, model.KEY_FIGURES[self.kind])
        rows = chosen.head(TILES_PER_SLIDE) if part == 1 else chosen.iloc[TILES_PER_SLIDE:]
        if part == 2 and rows.empty:
            return None
        last = part == 2 or len(chosen) <= TILES_PER_SLIDE
        return self._show(lambda lang: [prose.briefing.key_figures(rows, lang, total=len(self.subject.figures) if last else None,
                                                            heading=part == 1, foot=last, noted=chosen,
                                                            subject=self.subject.own)])

    def headline_chart(self) -> Parts:
        """Page one's chart: the measure the sources give most often for it; where no two figures measure
        one thing, a platform type's first story chart (moved up: the story then shows its words only) and
        a case's place among the cases. Never a chart of unlike figures to fill the place."""
        if self.kind == "overview":
            return self._show(lambda lang: [PAGE_ONE_CHART, charts.barriers.barrier_chain(data.table("barriers"), lang)])
        if _page_one_measure(self.subject) is not None:
            return self._show(lambda lang: [PAGE_ONE_CHART, charts.briefing.headline_chart(self.subject.figures, lang,
                                                                                           limit=HEADLINE_BARS)])
        moved = _promoted(self.subject)
        if moved is not None:
            chart = STORIES[self.kind][moved - 1][2]
            return self._show(lambda lang: [PAGE_ONE_CHART, chart(self.subject, lang)[0]])
        from ..model.cases import cases

        return self._show(lambda lang: [PAGE_ONE_LOCATOR, charts.regions.case_locator(cases(), self.subject.id, lang)])

    def targets(self) -> Parts:
        return self._show(lambda lang: [prose.brief.targets_box(self.subject, lang)])

    # --- the story --------------------------------------------------------------------------------
    def story(self, i: int) -> Parts | None:
        """Section i (1, 2, 3) of the story: its heading and sentences (the last says what the chart
        compares), then its chart. None (the cell shows nothing) for a section with nothing to say: no
        chart and no sentence that says something (prose.brief.says_something: a figure, the chain or firms
        that carry a case, its latest step; not only what the sources do not give, which page one says), as
        key_figures(2) is None when page one holds every key figure."""
        key, words, chart = STORIES[self.kind][i - 1]
        plural = self.kind == "platform_type"
        made: dict[str, list] = {}

        def part(lang: str) -> list:
            if lang not in made:
                drawn, rows = (None, None) if _promoted(self.subject) == i else chart(self.subject, lang)
                said = prose.brief.says_something(words(self.subject, lang))
                if rows is not None:  # the chart's sentence replaces one that named the same figure
                    told = prose.brief.chart_sentence(rows, _measure(rows, lang), lang, self.subject.own)
                    said = [x for x in said if x[1].get("value") != told[0][1]["value"]][:2] + told
                made[lang] = [] if drawn is None and not said else \
                    [prose.brief.section(key, said, lang, plural), *([drawn] if drawn is not None else [])]
            return made[lang]
        # whether a section has something to say does not depend on the language: asked in the reader's
        if not part(self.lang):
            return None
        return self._show(part)

    # --- the appendix -----------------------------------------------------------------------------
    def appendix(self) -> Parts:
        """Every figure with its source and quote; the case's or the type's cards. On slides, one last slide
        that says where the appendix is: it is read on the page, not presented."""
        s = self.subject
        if on_slides():
            return self._show(lambda lang: [prose.brief.appendix_on_slides(len(s.figures), page_address(lang), lang),
                                            prose.briefing.colophon(lang)])

        def part(lang: str) -> list:
            out = [prose.brief.appendix_heading(lang), prose.brief.sources_note(s, lang)]
            if s.kind == "region":
                out.append(prose.brief.case_lists(s.id, lang))
            elif s.kind == "platform_type":
                members = data.platforms().query("type_id == @s.id")["platform_id"]
                out.append(prose.cards.page(*(prose.cards.platform_card(p, lang) for p in members)))
            out.append(prose.briefing.sources_with_quotes(s.figures, lang))
            out.append(prose.briefing.colophon(lang))
            return out
        return self._show(part)

    def _own_figures(self):
        f = self.subject.figures
        return f[f["entity_id"] == "china"] if self.kind == "overview" else f


def on_slides(query: str | None = None) -> bool:
    """Voilà shows this briefing as slides: the page's address asks for the slides template. Read from
    $QUERY_STRING, which a preheated kernel has only once its request came (never waits for it)."""
    query = os.environ.get("QUERY_STRING", "") if query is None else query
    return dict(parse_qsl(query.lstrip("?"))).get("template") == present.SLIDES_TEMPLATE


def page_address(lang: str, query: str | None = None) -> str:
    """The address of this briefing's page in `lang`, relative to the deck's: its query without the template."""
    query = os.environ.get("QUERY_STRING", "") if query is None else query
    pairs = [(k, lang if k == "lang" else v) for k, v in parse_qsl(query.lstrip("?"), keep_blank_values=True)
             if k != "template"]
    if "lang" not in dict(pairs):
        pairs.append(("lang", lang))
    return "?" + urlencode(pairs)


# --- what each section shows ----------------------------------------------------------------------

CAPACITY_UNITS = ("count", "t", "L", "MW", "kW", "doses", "m2", "km2", "mu")
FOCUS_LIMIT = 8


def _measure(rows, lang: str) -> str:
    """What a chart compares, inside a sentence: its indicator, or its title ('nine money figures for …')."""
    if rows["indicator"].nunique() == 1:
        return prose.brief.what(rows.iloc[0], lang, rows.iloc[0]["entity_id"])
    title = charts.briefing.chart_title(rows, lang)  # as the chart's own title says it
    return title[:1].lower() + title[1:] if lang == "en" and title[1:2].islower() else title


def _page_one_measure(s: model.Subject) -> str | None:
    return s.once("page_one_measure", lambda: charts.briefing.headline_measure(s.figures, limit=HEADLINE_BARS)[0])


def _promoted(s: model.Subject) -> int | None:
    """The story section whose chart page one shows, when no measure of page one's own compares: for a
    platform type, the first that draws one (its exemplars' founding years); None otherwise."""
    def first() -> int | None:
        # a region's story charts (its targets) repeat what page one's box says: a region shows where it is
        if s.kind != "platform_type" or _page_one_measure(s) is not None:
            return None
        for i, (_, _, chart) in enumerate(STORIES[s.kind], 1):
            if chart(s, "en")[0] is not None:  # whether a section draws does not depend on the language
                return i
        return None
    return s.once("promoted", first)


def _focus(s: model.Subject, lang: str, scale: bool):
    """A section's one chart and the rows it draws: the measure its figures give most often, other than
    page one's; what carries a case is counted (firms, platforms) or has a capacity, durations last."""
    shown = _page_one_measure(s)
    skip = (shown,) if shown else ()
    inside = s.figures["unit"].isin(prose.brief.SCALE_UNITS)
    pools = [s.figures[inside]] if scale else [s.figures[s.figures["unit"].isin(CAPACITY_UNITS)], s.figures[~inside]]
    for pool in pools:
        best, rows = charts.briefing.headline_measure(pool, skip, FOCUS_LIMIT)  # the rows the chart draws
        if best is not None:
            return charts.briefing.headline_chart(pool, lang, limit=FOCUS_LIMIT, skip=skip, none=None), rows
    return None, None


def _scale_chart(s: model.Subject, lang: str):
    return _focus(s, lang, scale=True)


def _capacity_chart(s: model.Subject, lang: str):
    return _focus(s, lang, scale=False)


def _targets_chart(s: model.Subject, lang: str):
    """The targets page one's box has no room for (at most FOCUS_LIMIT); none when the box holds them all."""
    boxed = set(prose.brief.boxed_targets(s)["fact_id"])
    rest = s.figures[(s.figures["kind"] == "target") & ~s.figures["fact_id"].isin(boxed)].head(FOCUS_LIMIT)
    return (None if rest.empty else charts.briefing.targets_chart(rest, lang)), None


def _members_chart(s: model.Subject, lang: str):
    members = data.platforms() if s.id is None else data.platforms().query("type_id == @s.id")
    return charts.briefing.timeline_with_type_picker(members, lang), None


def _factors_chart(s: model.Subject, lang: str):
    members = data.platforms().query("type_id == @s.id")["platform_id"]
    factors = data.table("platform_factors")
    return charts.platforms.factor_counts(factors[factors["platform_id"].isin(members)], lang), None


def _figures_chart(s: model.Subject, lang: str):
    """The measure the sources give most often after page one's."""
    shown = _page_one_measure(s)
    best, rows = charts.briefing.headline_measure(s.figures, (shown,) if shown else (), FOCUS_LIMIT)
    if best is None:
        return None, None
    return charts.briefing.headline_chart(s.figures, lang, limit=FOCUS_LIMIT, skip=(shown,), none=None), rows


def _china_chart(s: model.Subject, lang: str):
    rows = s.figures[s.figures["entity_id"] == "china"]
    return charts.briefing.headline_chart(rows, lang, none=None), None


def _cases_chart(s: model.Subject, lang: str):
    """The cases on a map; a briefing's reader has no notebooks, so its legend points to none."""
    from ..model.cases import cases

    return charts.regions.case_map(cases(), lang), None


# Each kind's story, in the order it argues: where the subject stands, what carries it, where it is going.
STORIES = {
    "region": [("bf_sec_scale", prose.brief.story_scale, _scale_chart),
               ("bf_sec_capacity", prose.brief.story_capacity, _capacity_chart),
               ("bf_sec_plans", prose.brief.story_plans, _targets_chart)],
    "platform_type": [("bf_sec_members", prose.brief.story_members, _members_chart),
                      ("bf_sec_factors", prose.brief.story_factors, _factors_chart),
                      ("bf_sec_figures", prose.brief.story_figures, _figures_chart)],
    "overview": [("bf_sec_types", prose.brief.story_members, _members_chart),
                 ("bf_sec_china", prose.brief.story_china, _china_chart),
                 ("bf_sec_cases", prose.brief.story_cases, _cases_chart)],
}


def region(region_id: str, lang: str) -> Briefing:
    return Briefing("region", region_id, lang)


def platform_type(type_id: str, lang: str) -> Briefing:
    return Briefing("platform_type", type_id, lang)


def overview(lang: str) -> Briefing:
    return Briefing("overview", None, lang)
