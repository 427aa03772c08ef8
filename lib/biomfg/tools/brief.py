"""A briefing as its reader gets it, one notebook cell per part: the header; page one (summary, key
figures, headline chart, targets against results); the story, three sections of a few sentences and one
chart each, in an order that argues; the appendix with every figure, its source and its quote.

The three briefing notebooks (notebooks/briefings) are the same seven calls on a `Briefing`; the report
batch prints them, Voilà shows them as a page or as slides (one part a slide). Each part is made per
language by a function of `lang`, so the live page can hold both languages (tools.present.bilingual).
"""

from __future__ import annotations

from collections.abc import Callable

from IPython.display import display

from .. import charts, data, prose
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
                                                            heading=part == 1, foot=last, noted=chosen)])

    def headline_chart(self) -> Parts:
        if self.kind == "overview":
            return self._show(lambda lang: [charts.barriers.barrier_chain(data.table("barriers"), lang)])
        return self._show(lambda lang: [charts.briefing.headline_chart(self.subject.figures, lang)])

    def targets(self) -> Parts:
        return self._show(lambda lang: [prose.brief.targets_box(self.subject, lang)])

    # --- the story --------------------------------------------------------------------------------
    def story(self, i: int) -> Parts:
        """Section i (1, 2, 3) of the story: its heading and sentences, then its chart."""
        key, words, chart = STORIES[self.kind][i - 1]
        plural = self.kind == "platform_type"
        return self._show(lambda lang: [prose.brief.section(key, words(self.subject, lang), lang, plural),
                                 *([c] if (c := chart(self.subject, lang)) is not None else [])])

    # --- the appendix -----------------------------------------------------------------------------
    def appendix(self) -> Parts:
        """Every figure with its source and quote; the case's or the type's cards."""
        s = self.subject

        def part(lang: str) -> list:
            out = [prose.brief.appendix_heading(lang)]
            if s.kind == "region":
                out.append(prose.regions.park_lists(s.id, lang))
            elif s.kind == "platform_type":
                members = data.platforms().query("type_id == @s.id")["platform_id"]
                out.append(prose.cards.page(*(prose.cards.platform_card(p, lang) for p in members)))
            out.append(prose.briefing.sources_with_quotes(s.figures, lang))
            return out
        return self._show(part)

    def _own_figures(self):
        f = self.subject.figures
        return f[f["entity_id"] == "china"] if self.kind == "overview" else f


# --- what each section shows ----------------------------------------------------------------------

CAPACITY_UNITS = ("count", "t", "L", "MW", "kW", "doses", "m2", "km2", "mu")


def _focus(s: model.Subject, lang: str, scale: bool):
    """A section's one chart: the measure its figures give most often, other than page one's."""
    shown, _ = charts.briefing.headline_measure(s.figures)
    skip = (shown,) if shown else ()
    inside = s.figures["unit"].isin(prose.brief.SCALE_UNITS)
    if not scale:  # what carries a case is counted (firms, platforms) or has a capacity; durations come last
        counted = s.figures[s.figures["unit"].isin(CAPACITY_UNITS)]
        if charts.briefing.headline_measure(counted, skip)[0] is not None:
            return charts.briefing.headline_chart(counted, lang, skip=skip, none=None)
    rows = s.figures[inside if scale else ~inside]
    return charts.briefing.headline_chart(rows, lang, skip=skip, none=None)


def _scale_chart(s: model.Subject, lang: str):
    return _focus(s, lang, scale=True)


def _capacity_chart(s: model.Subject, lang: str):
    return _focus(s, lang, scale=False)


def _targets_chart(s: model.Subject, lang: str):
    return None if (s.figures["kind"] != "target").all() else charts.briefing.targets_chart(s.figures, lang)


def _members_chart(s: model.Subject, lang: str):
    members = data.platforms() if s.id is None else data.platforms().query("type_id == @s.id")
    return charts.briefing.timeline_with_type_picker(members, lang)


def _factors_chart(s: model.Subject, lang: str):
    members = data.platforms().query("type_id == @s.id")["platform_id"]
    factors = data.table("platform_factors")
    return charts.platforms.success_matrix(factors[factors["platform_id"].isin(members)], lang)


def _figures_chart(s: model.Subject, lang: str):
    return charts.briefing.figures_chart(s.figures, lang)


def _china_chart(s: model.Subject, lang: str):
    rows = s.figures[s.figures["entity_id"] == "china"]
    return charts.briefing.headline_chart(rows, lang, none=None)


def _cases_chart(s: model.Subject, lang: str):
    from ..model.cases import cases, own_notebook

    return charts.regions.case_map(cases(), lang, own_notebook())


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
