"""Live briefing with Voilà (`make present`): read the briefing parameters from the page's URL and
build the start page that links every briefing, in zh or en, as a page or as a slide deck.

Voilà passes the request's query string to the kernel as the QUERY_STRING environment variable, so
`/voila/render/briefings/region.ipynb?lang=zh&region=suzhou_sip` runs the region briefing in Chinese.
With no query string (papermill, nbclient, nbval) nothing changes: the notebook's own values stand.

A live page (a query string) holds every briefing cell in both languages (`bilingual`): each part's
output is marked with its language, the Voilà templates wrap it in `<div class="biomfg-lang" lang=..>`
and show only the language of `<html lang>`, which the nav bar's switch changes in the page
(templates/biomfg/live.j2): no new kernel, no reload. `make present` preheats kernels (Voilà's pool):
such a kernel runs the notebook up to `params`, warms the briefing there, and waits for the request.
"""

from __future__ import annotations

import os
import sys
import time
from html import escape
from urllib.parse import parse_qsl, urlencode

import altair as alt
from IPython.display import display

from .. import render
from ..choices import AddressError, ChoiceError, check_choice
from ..htmlout import HTML
from ..i18n import LANGS, check_lang, t
from .briefings import catalogue, choices

# Query keys the server reads (Voilà: per-request template and theme; Jupyter Server: the token, as on
# Binder or `jupyter lab`): never briefing parameters.
VOILA_KEYS = ("template", "theme", "classic-tree", "token")
SLIDES_TEMPLATE = "biomfg_slides"


def __getattr__(attr: str):
    if attr == "LABELS":  # the start page's labels, {key: {lang: text}}: the catalogue's present_* entries
        from ..i18n import messages

        return {k.removeprefix("present_"): v for k, v in messages().items() if k.startswith("present_")}
    raise AttributeError(f"module {__name__!r} has no attribute {attr!r}")


def from_query(query: str | None = None, nav_bar: bool = True, **defaults) -> dict:
    """The notebook's parameters, overridden by the URL's query string (default: $QUERY_STRING).

    Only the names passed in `defaults` may appear (besides Voilà's own keys); every value is checked
    with `biomfg.choices.check_choice`, so a misspelt name or an unknown region fails with the valid choices.
    With any query, a bar links back to the start page and to the other language (`nav_bar=False`: not);
    it is displayed in both languages, as the briefing's cells are (`bilingual`). The page shows the
    language of <html lang> (set from ?lang=, then by the bar's switch): the templates hide the other
    language's parts and prose cells tagged lang-en / lang-zh.
    """
    query = request_query() if query is None else query
    values = dict(defaults)
    given = {k: v for k, v in parse_qsl(query.lstrip("?"), keep_blank_values=True) if k not in VOILA_KEYS}
    lang = given.get("lang") if given.get("lang") in LANGS else defaults.get("lang", "en")
    for key, value in given.items():
        try:
            check_choice("query parameter", key, list(defaults))
            check_choice(key, value, choices(key))
        except ChoiceError as exc:
            if nav_bar:  # the way back to the start page stays on screen above the error
                display(nav(lang, query))
            described = _named(key, lang)
            raise AddressError(f"{key}={value!r} is not known; valid choices: {described}" if described
                               else str(exc)) from None
        values[key] = value
    if nav_bar and live(query):  # the bar in both languages: the page's switch shows one (see bilingual)
        for part in bilingual(lambda lg: [nav(lg, query)], values.get("lang", "en"), query):
            display(part)
    return values


def params(query: str | None = None, nav_bar: bool = True, **defaults) -> dict:
    """A briefing's parameters in one step: the notebook's values (papermill's, or its own), overridden by
    the page's address (`from_query`), every one checked against its choices. A bad value from the
    notebook raises ChoiceError; a bad value from the address, AddressError (see biomfg.errors)."""
    if query is None and _preheated():
        _warm_until_request(defaults)  # the request's own cells then run on warm caches
    query = request_query() if query is None else query
    given = {k for k, _ in parse_qsl(query.lstrip("?"))}
    for key, value in defaults.items():
        if key not in given:
            check_choice(key, value, choices(key))
    return from_query(query, nav_bar=nav_bar, **defaults)


def live(query: str | None = None) -> bool:
    """A Voilà page: the request has a query string (default: $QUERY_STRING; False while warming)."""
    if query is None and _warming:
        return False
    return bool((request_query() if query is None else query).lstrip("?"))


def bilingual(make, lang: str, query: str | None = None) -> list:
    """What a briefing cell shows. `make(lang)` returns the parts (HTML, charts) in one language.

    With no query string (papermill, nbclient, nbval, `make reports`): exactly `make(lang)`, so stored
    outputs and reports do not change. On a live page: the parts of `lang`, then those of the other
    language, each marked with its language (`LangPart`); the page shows one language and switches in
    place (templates/biomfg/live.j2)."""
    if not live(query):
        return list(make(lang))
    other = "zh" if lang == "en" else "en"
    return [LangPart(p, lg) for lg in (lang, other) for p in _with_data(make(lg))]


def _with_data(parts):
    """Each chart followed by its data block (prose.chartdata) as a part of its own, so that the block
    carries the language mark too (elsewhere the kernel's display adds it: render.show_with)."""
    from ..prose.chartdata import block

    for part in parts:
        yield part
        if isinstance(part, alt.TopLevelMixin) and (data := block(part)) is not None:
            yield data


class LangPart:
    """One part of a live cell in one language: displayed as the part itself (same data), its output's
    metadata marked {"biomfg": {"lang": "zh"}}; the Voilà templates (biomfg/cell_output.j2) wrap such an
    output in <div class="biomfg-lang biomfg-lang-zh" lang="zh">."""

    def __init__(self, part, lang: str):
        self.part, self.lang = part, check_lang(lang)

    def _repr_mimebundle_(self, include=None, exclude=None):
        from IPython import get_ipython
        from IPython.core.formatters import DisplayFormatter

        if isinstance(self.part, alt.TopLevelMixin):  # the chart alone: bilingual gives its data block a part
            data, meta = render.bundle(self.part)
        else:
            shell = get_ipython()
            formatter = shell.display_formatter if shell is not None else DisplayFormatter()
            data, meta = formatter.format(self.part, include=include, exclude=exclude)
        return data, {**(meta or {}), "biomfg": {"lang": self.lang}}

    def __repr__(self) -> str:
        return f"LangPart({self.part!r}, {self.lang!r})"


# --- preheated kernels (make present: Voilà's --preheat_kernel) ---------------------------------

def _preheated() -> bool:
    """A kernel Voilà started before any request, still waiting for its page's request."""
    return os.environ.get("VOILA_PREHEAT") == "True" and "QUERY_STRING" not in os.environ


def request_query() -> str:
    """The page's query string ('' outside Voilà). A preheated kernel waits here for its request, whose
    query string, path and host Voilà then sends (voila.utils.wait_for_request sets QUERY_STRING,
    SCRIPT_NAME, ... in os.environ); any other kernel has them from the start, or never."""
    if _preheated():
        from voila.utils import wait_for_request

        wait_for_request()
    return os.environ.get("QUERY_STRING", "")


READY = "preheated kernel ready"
WARM_PARTS = ("header", "summary", ("key_figures", 1), ("key_figures", 2), "headline_chart", "targets",
              ("story", 1), ("story", 2), ("story", 3), "appendix")


_warming = False


def _warm_until_request(defaults: dict) -> None:
    """In a preheated kernel: warm (`_warm`) while a thread waits for the request; stop warming as soon as
    the request has come (the first request after `make present` starts may find its kernel warming)."""
    import threading

    from voila.utils import wait_for_request

    waiter = threading.Thread(target=wait_for_request, name="biomfg-wait-for-request", daemon=True)
    waiter.start()
    _warm(defaults, stop=lambda: not waiter.is_alive())
    waiter.join()


def _warm(defaults: dict, stop=lambda: False) -> None:
    """Make the notebook's own briefing (its default subject) in both languages, part by part until
    `stop()`, and throw it away: data tables, derived tables, Altair's schema validator and the code paths
    are then loaded, so the request's briefing (any subject) costs only its own figures. Nothing is
    displayed; a failure here only costs time later."""
    from IPython.core.formatters import DisplayFormatter

    from . import brief

    global _warming
    kind = next((k for k in ("region", "platform_type") if k in defaults), "overview")
    fmt = DisplayFormatter()
    start, note = time.monotonic(), ""
    _warming = True  # the parts of one language each (`live` is False): no wait for the request here
    try:
        for lang in ("en", "zh"):
            b = brief.Briefing(kind, defaults.get(kind), lang)
            for step in WARM_PARTS:
                if stop():
                    raise InterruptedError("the request came first")
                name, *args = step if isinstance(step, tuple) else (step,)
                for part in getattr(b, name)(*args) or ():
                    fmt.format(part)
    except Exception as exc:  # noqa: BLE001 - warming is an optimisation, never a failure
        note = f"; warming stopped: {exc}" if isinstance(exc, InterruptedError) else \
            f"; warming stopped: {type(exc).__name__}: {exc}"
    finally:
        _warming = False
    # To the server's terminal, not the page: the presenter sees the pages get ready. When ipykernel sends
    # what is written to fd 2 to the page, sys.stderr.fileno() is its copy of the terminal's (documented
    # for subprocesses that write there); when it does not (e.g. under pytest), fd 2 is the terminal.
    line = f"[biomfg] {READY} ({kind} briefing, warmed in {time.monotonic() - start:.1f} s{note})\n"
    for stream in (sys.stderr, sys.__stderr__):
        try:
            os.write(stream.fileno(), line.encode())
            break
        except (AttributeError, OSError, ValueError):  # io.UnsupportedOperation is both
            continue


def _named(key: str, lang: str) -> str:
    """The valid choices of a region or platform type with what each stands for, e.g.
    'suzhou_sip (Suzhou Industrial Park (SIP)), hangzhou (Hangzhou), ...'; '' for other keys."""
    from .. import data

    tables = {"region": ("regions", "region_id"), "platform_type": ("platform_types", "type_id")}
    if key not in tables:
        return ""
    table, key_col = tables[key]
    names = data.table(table).set_index(key_col)[f"name_{lang}"]
    return ", ".join(f"{c} ({names[c]})" if c in names.index else c for c in choices(key))


def nav(lang: str, query: str, script: str | None = None) -> HTML:
    """A bar on a briefing opened from the start page: back to the start page, and the same briefing
    in the other language (every other query key, e.g. region or template, kept). On a page that holds
    both languages the templates' script switches in place instead (the link's data-lang)."""
    check_lang(lang)
    script = os.environ.get("SCRIPT_NAME", "") if script is None else script
    root = script.split("/voila/render/", 1)[0] + "/voila/render/" if "/voila/render/" in script else ""
    other = "zh" if lang == "en" else "en"
    pairs = [(k, other if k == "lang" else v) for k, v in parse_qsl(query.lstrip("?"), keep_blank_values=True)]
    if "lang" not in dict(pairs):
        pairs.append(("lang", other))
    start = f"{root}present.ipynb?{urlencode({'lang': lang})}"
    return HTML(f"<p class='biomfg-nav'><a href='{escape(start)}'>← {escape(t('present_title', lang))}</a> · "
                f"<a class='biomfg-lang-switch' data-lang='{other}' lang='{other}' href='?{escape(urlencode(pairs))}'>"
                f"{'English' if other == 'en' else '中文'}</a></p>")


def link(notebook: str, lang: str, slides: bool = False, **params) -> str:
    """A Voilà URL relative to /voila/render/, e.g. briefings/region.ipynb?lang=zh&region=..."""
    query = {"lang": lang, **params}
    if slides:
        query["template"] = SLIDES_TEMPLATE
    return f"{notebook}?{urlencode(query)}"


def start_page(lang: str = "en") -> HTML:
    """Every briefing (overview, platform types, regional cases), each as a page and as slides."""
    check_lang(lang)
    other = "zh" if lang == "en" else "en"
    switch = {"en": "English", "zh": "中文"}
    groups: dict[str, list] = {"overview": [], "types": [], "regions": []}
    for rep in catalogue():
        params = dict(rep.params)
        group = "regions" if "region" in params else "types" if "platform_type" in params else "overview"
        groups[group].append((rep.titles()[lang], f"briefings/{rep.notebook}", params))
    sections = []
    for key, items in groups.items():
        rows = "".join(
            f"<li><a class='brief' href='{escape(link(nb, lang, **p))}'>{escape(title)}</a> "
            f"<a class='slides' href='{escape(link(nb, lang, slides=True, **p))}'>"
            f"[{escape(t('present_slides', lang))}]</a></li>" for title, nb, p in items)
        sections.append(f"<h2>{escape(t(f'present_{key}', lang))}</h2><ul class='biomfg-start-list'>{rows}</ul>")
    return HTML(
        f"<div class='biomfg-start' lang='{lang}'><h1>{escape(t('present_title', lang))}</h1>"
        f"<p class='biomfg-switch'><a id='biomfg-lang-switch' href='?{urlencode({'lang': other})}'>"
        f"{escape(switch[other])}</a></p><p>{escape(t('present_intro', lang))}</p>{''.join(sections)}"
        f"<h2>{escape(t('present_explore', lang))}</h2></div>")


try:  # nbconvert is pinned; the import is guarded only so that the module stays light to import
    from nbconvert.preprocessors import Preprocessor
except ImportError:  # pragma: no cover
    Preprocessor = object


class SlideMarks(Preprocessor):
    """For the slides template: cells without slideshow metadata become one slide per code cell with
    outputs (its chart, tiles or list), prose joins the slide before it, and cells with no output are
    skipped. Cells that carry their own `slideshow` metadata keep it.

    Voilà runs preprocessors before it executes the notebook, so which code cell shows nothing (a
    briefing's second row of key figures when there are three or fewer) is known only afterwards: the
    template calls `resources["biomfg_drop_empty_slides"](nb)` (`drop_empty_slides`) once the cells
    have run, before it writes the slides' <section>s, so an empty cell never becomes an empty slide."""

    def preprocess(self, nb, resources):
        for cell in nb.cells:
            meta = cell.setdefault("metadata", {})
            if "slideshow" in meta:
                continue
            if cell.cell_type == "code":
                kind = "slide" if cell.get("outputs") or cell.source.strip() else "skip"
                if "parameters" in meta.get("tags", []):
                    kind = "skip"
                meta[AUTO_SLIDE] = True  # decided here, so drop_empty_slides may skip it
            else:
                kind = "-"
            meta["slideshow"] = {"slide_type": kind}
        resources["biomfg_drop_empty_slides"] = drop_empty_slides
        return nb, resources


AUTO_SLIDE = "biomfg_auto_slide"
# the marks nbconvert's reveal preprocessor derives from each cell's slide type (nbconvert.exporters.slides)
REVEAL_MARKS = ("slide_type", "slide_start", "slide_end", "subslide_start", "subslide_end", "fragment_start",
                "fragment_end")


def drop_empty_slides(nb) -> str:
    """After execution: a code cell that SlideMarks made a slide and that shows nothing is skipped, and
    the section marks (slide_start, ...) are derived again as nbconvert derives them. Returns '' (the
    template calls it where it writes text)."""
    from nbconvert.exporters.slides import _RevealMetadataPreprocessor

    empty = [c for c in nb.cells if c.cell_type == "code" and c.get("metadata", {}).get(AUTO_SLIDE)
             and not c.get("outputs") and c.metadata.get("slideshow", {}).get("slide_type") == "slide"]
    shown = [c for c in nb.cells if c.get("metadata", {}).get("slideshow", {}).get("slide_type", "-") not in ("skip", "notes")]
    if not empty or len(shown) == len(empty):  # nothing to drop, or nothing would be left to show
        return ""
    for cell in empty:
        cell.metadata["slideshow"] = {"slide_type": "skip"}
    for cell in nb.cells:  # nbconvert only adds marks: the first pass's go first
        for key in REVEAL_MARKS:
            cell.metadata.pop(key, None)
    marked, _ = _RevealMetadataPreprocessor().preprocess(nb, {})
    for cell, new in zip(nb.cells, marked.cells, strict=True):
        cell.metadata.update({key: new.metadata[key] for key in REVEAL_MARKS if key in new.metadata})
    return ""


try:  # jupyter_server is pinned; guarded like nbconvert above
    from jupyter_server.auth.identity import PasswordIdentityProvider
except ImportError:  # pragma: no cover
    PasswordIdentityProvider = object


class XsrfCookie(PasswordIdentityProvider):
    """`make present`'s identity provider (Voilà's own, PasswordIdentityProvider) that also sets the _xsrf
    cookie on every page it renders. Voilà shuts a page's kernel down when the page is left with a POST
    beacon carrying that cookie's value, but its render handler never sets the cookie: opened directly (a
    bookmark, a link, not the root page), every page left logged "403 Forbidden" in the console and
    kept its kernel until culled (voila-dashboards/voila#1458)."""

    def get_user(self, handler):
        user = super().get_user(handler)
        if handler.request.method == "GET" and "/voila/render/" in handler.request.path:
            handler.current_user = user  # what prepare() sets next; tornado's xsrf_token reads it
            handler.xsrf_token  # noqa: B018 - reading it sets the cookie when the browser has none
        return user
