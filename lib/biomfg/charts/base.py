"""Shared pieces of every chart: the source line, the title block, the platform-type colours, and
the text measures that keep labels whole (wrapped, never cut) and charts inside the width they get."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import altair as alt
import pandas as pd

from ..i18n import check_lang, t
from ..model.cases import source_names
from ..render import ChartData, carry
from ..theme import MUTED, PLATFORM_TYPE_COLOURS

# What a chart may take, in CSS pixels: a JupyterLab output area is ~1000 px wide (a scrollbar and
# the prompt take the rest), a Voilà projector page ~1200 px. Every chart stays within MAX_WIDTH.
MAX_WIDTH = 950
TITLE_WIDTH = 860  # title, subtitle and source lines wrap at this width


def text_px(text: str, size: float = 15, bold: bool = False) -> float:
    """About how wide `text` is drawn in the house font (Noto Sans CJK) at `size` px: CJK glyphs
    are one em, Latin ones about half. Used to wrap labels before Vega would cut them."""
    em = 0.0
    for ch in str(text):
        if _wide(ch):
            em += 1.0
        elif ch == " ":
            em += 0.23
        elif ch.isupper() or ch in "mwMW%@&":
            em += 0.64
        elif ch.isdigit():
            em += 0.56
        elif ch.isalpha():
            em += 0.52
        else:
            em += 0.36
    return em * size * (1.06 if bold else 1.0)


OPENERS, CLOSERS = "（【「《“(", "，、；：。）】」》”%),.;:"


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")


def _pieces(text: str) -> list[str]:
    """The places a line may break: spaces, after a dash or slash, and around each CJK character
    (never before closing or after opening punctuation, nor between a number and its unit: 2023年)."""
    out: list[str] = []
    for word in re.split(r"(\s+)", str(text)):
        if not word:
            continue
        if word.isspace():
            out.append(" ")
            continue
        buf = ""
        for ch in word:
            digit_unit = (buf[-1:].isdigit() and _wide(ch)) or (ch.isdigit() and buf[-1:] in OPENERS)
            if buf and (_wide(ch) or _wide(buf[-1])) and ch not in CLOSERS and buf[-1] not in OPENERS \
                    and not digit_unit:
                out.append(buf)
                buf = ""
            buf += ch
            if ch in "-–/":
                out.append(buf)
                buf = ""
        if buf:
            out.append(buf)
    return out


def wrap_px(text: str, width: float, size: float = 15, bold: bool = False) -> list[str]:
    """`text` as lines no wider than `width` px (a single word wider than that is split too):
    the whole text, every character kept, never an ellipsis. Lines are balanced (the narrowest
    width giving as few lines), so no line is left with one word or one character."""
    return list(_wrapped(str(text), width, size, bold))


@lru_cache(maxsize=4096)  # the same labels are wrapped again for every panel and every explorer
def _wrapped(text: str, width: float, size: float, bold: bool) -> tuple[str, ...]:
    lines = _greedy(text, width, size, bold)
    if len(lines) > 1:
        for step in range(1, 9):
            narrower = _greedy(text, width * (1 - 0.05 * step), size, bold)
            if len(narrower) != len(lines):
                break
            lines = narrower
    return tuple(lines)


def _greedy(text: str, width: float, size: float, bold: bool) -> list[str]:
    lines: list[str] = []
    line = ""
    for piece in _pieces(text):
        if piece == " ":
            if line:
                line += " "
            continue
        if text_px(line + piece, size, bold) <= width or not line.strip():
            line += piece
        else:
            lines.append(line.rstrip())
            line = piece
        while text_px(line, size, bold) > width and len(line) > 1:  # one piece longer than a line
            cut = len(line)
            while cut > 1 and text_px(line[:cut], size, bold) > width:
                cut -= 1
            lines.append(line[:cut])
            line = line[cut:]
    if line.strip() or not lines:
        lines.append(line.rstrip())
    return lines


CLAUSE_ENDS = "，。；：、！？）”"  # a Chinese line may end after these without splitting a word


def wrap_clauses(text: str, width: float, size: float = 15, bold: bool = False) -> list[str]:
    """Chinese prose (a subtitle) as lines no wider than `width` px that break after punctuation, never
    inside a word ('跨/越'): whole clauses are packed into each line; a clause wider than a line on its own
    is wrapped by `wrap_px`. Text with no Chinese is wrapped by `wrap_px`."""
    text = str(text)
    if not any(_wide(ch) for ch in text):
        return wrap_px(text, width, size, bold)
    clauses, buf = [], ""
    for i, ch in enumerate(text):
        buf += ch
        if ch in CLAUSE_ENDS and text[i + 1:i + 2] not in CLAUSE_ENDS:
            clauses.append(buf)
            buf = ""
    if buf:
        clauses.append(buf)
    lines: list[str] = []
    for clause in clauses:
        if lines and text_px(lines[-1] + clause, size, bold) <= width:
            lines[-1] += clause
        elif text_px(clause, size, bold) <= width:
            lines.append(clause)
        else:
            lines += wrap_px(clause, width, size, bold)
    return [line.strip() for line in lines]


def lines_px(lines: list[str], size: float = 15, bold: bool = False) -> float:
    return max((text_px(x, size, bold) for x in lines), default=0.0)


def vega_text(key: str, lang: str, field: str, expr: str) -> str:
    """A Vega expression building the message `key` in JavaScript, with `expr` (e.g. "format(rate, '.1f')")
    in place of its {field}: t("cn_rate_note", "en", rate=...) gives "'rate: ' + format(rate, '.1f') + '% a year'"."""
    mark = "\x00"
    before, after = t(key, lang, **{field: mark}).split(mark)
    quote = lambda s: "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'"  # noqa: E731
    return " + ".join([*([quote(before)] if before else []), expr, *([quote(after)] if after else [])])


def source_line(rows: pd.DataFrame, lang: str = "en") -> str:
    """'Source: <short title> (<seed file>); ...' for the seeds the plotted rows cite. A row on a newspaper page
    holding several items (data/source_items.csv) cites its own item's headline, not the page's lead story:
    Luoyang's figures are not the SIP story's."""
    check_lang(lang)
    if not rows["source"].notna().any():
        raise ValueError("cannot draw a chart without sourced rows: the rows have no `source`")
    named = source_names(rows, lang)
    used = sorted({(s, n) for s, n in zip(rows["source"], named, strict=True) if isinstance(s, str)})
    parts = [f"{n}{t('paren', lang, text=s)}" if n else s for s, n in used]
    return f"{t('source', lang)}{t('colon', lang)}{t('clause_sep', lang).join(dict.fromkeys(parts))}"


def source_lines(line: str, width: float = TITLE_WIDTH, size: float = 14) -> list[str]:
    """A long source line as several, broken between seeds (then within one if it must be)."""
    if text_px(line, size) <= width:
        return [line]
    sep = "；" if "；" in line else "; "
    parts = [p + (sep.strip() if i < len(line.split(sep)) - 1 else "") for i, p in enumerate(line.split(sep))]
    out: list[str] = []
    for part in parts:
        if out and text_px(f"{out[-1]} {part}", size) <= width:
            out[-1] = f"{out[-1]}{'' if sep == '；' else ' '}{part}"
        else:
            out += ["    " + w if out or k else w for k, w in enumerate(wrap_px(part, width - text_px("    ", size), size))]
    return out


def titled(chart: alt.TopLevelMixin, title: str, rows: pd.DataFrame, lang: str,
           subtitle: str | None = None, width: float = TITLE_WIDTH, summary: str | None = None,
           kind: str | None = None, table: pd.DataFrame | None = None) -> alt.TopLevelMixin:
    """Attach the title, an optional subtitle and the source line (always last), each wrapped to
    `width` px so that none runs past the chart's room; and the chart's `description` in words (what a
    screen reader says: see `description`), with `summary` if the chart gives one, else one made from
    the fact rows it plots. `kind` names a chart its marks do not ('diagram', 'matrix').

    The rows (or `table`, the rows a reader needs where `rows` only carry the sources: a diagram's
    boxes) go with the chart as the data behind it (`data_of`, offered under the chart by prose.chartdata)."""
    lines = (wrap_clauses if lang == "zh" else wrap_px)(subtitle, width, 14) if subtitle else []
    lines += source_lines(source_line(rows, lang), width)
    text = wrap_px(title, width, 22, bold=True)
    words = description(kind or chart_kind(chart), title, rows, lang, summary)
    out = chart.properties(title=alt.TitleParams(text=text if len(text) > 1 else text[0], subtitle=lines,
                                                 subtitleColor=MUTED), description=words)
    return carry(out, ChartData(" ".join(str(title).split()), words, lang,
                                (rows if table is None else table).reset_index(drop=True)))


# --- the chart in words: Vega-Lite's top-level `description`, which vega-embed makes the SVG's ARIA label ---

KINDS = ("bar", "line", "dot", "map", "table", "diagram", "matrix")


def chart_kind(chart) -> str:
    """What a chart (an Altair object or its spec dict) draws, from its marks: a map if it is projected,
    else bars, lines, dots, or a table (text only, or cells of text)."""
    marks, projected, stack = set(), False, [chart]
    while stack:
        node = stack.pop()
        node = getattr(node, "_kwds", node)  # an Altair object holds its properties in _kwds
        if isinstance(node, dict):
            mark = node.get("mark")
            mark = getattr(mark, "_kwds", mark)
            if isinstance(mark, dict):
                mark = mark.get("type")
            if isinstance(mark, str):
                marks.add(mark)
            projected |= node.get("projection") not in (None, alt.Undefined)
            stack += [v for k, v in node.items() if k in ("layer", "vconcat", "hconcat", "concat", "spec")]
        elif isinstance(node, list | tuple):
            stack += list(node)
    if projected:
        return "map"
    for mark, kind in (("bar", "bar"), ("line", "line"), ("circle", "dot"), ("point", "dot"), ("square", "dot"),
                       ("rule", "dot")):
        if mark in marks:
            return kind
    return "table"


def description(kind: str, title: str, rows: pd.DataFrame, lang: str, summary: str | None = None) -> str:
    """'Bar chart: <title>. <summary>' in `lang`: what the chart shows, in one or two sentences. Without a
    `summary` the rows say it if they are facts (`charts.facts.fact_summary`: how many figures, of what,
    in which unit, the largest and smallest with their names)."""
    check_lang(lang)
    if kind not in KINDS:
        raise ValueError(f"kind={kind!r} is not known; valid choices: {', '.join(KINDS)}")
    if summary is None and {"value", "unit", "indicator", "entity_id"} <= set(rows.columns):
        from .facts import fact_summary  # facts.py draws with this module: import it when it is used

        summary = fact_summary(rows, lang)
    title = " ".join(str(title).split()).rstrip(".。")
    words = t("desc_chart", lang, kind=t(f"desc_kind_{kind}", lang), title=title)
    return f"{words}{'' if lang == 'zh' or not summary else ' '}{summary or ''}"


def extremes(labels, counts, lang: str) -> dict[str, str] | None:
    """The most and the fewest of some counted labels, for a chart's description: {top, top_n, bottom,
    bottom_n}, where a tie names every label that shares the count ('A, B and C', '3 each' / '各3'); None
    when every label has the same count (say 'n of each' instead of 'the most … the fewest …')."""
    pairs = [(str(a), int(b)) for a, b in zip(labels, counts, strict=True)]
    high, low = max(b for _, b in pairs), min(b for _, b in pairs)
    if high == low:
        return None

    def names(value: int) -> tuple[str, str]:
        hits = [a for a, b in pairs if b == value]
        last = t("china_list_last_sep", lang)
        text = hits[0] if len(hits) == 1 else t("list_sep", lang).join(hits[:-1]) + last + hits[-1]
        return text, str(value) if len(hits) == 1 else t("desc_each", lang, n=value)

    (top, top_n), (bottom, bottom_n) = names(high), names(low)
    return {"top": top, "top_n": top_n, "bottom": bottom, "bottom_n": bottom_n}


def type_colour(types: pd.DataFrame, lang: str) -> alt.Color:
    """Colour by platform type name in `lang`, each type keeping its house colour. The legend lists
    the types one below the other, so it is never wider than the longest name."""
    ordered = types.sort_values("type_id", key=lambda s: s.map(list(PLATFORM_TYPE_COLOURS).index))
    return alt.Color("type_label:N", title=t("platform_type", lang),
                     scale=alt.Scale(domain=list(ordered[f"name_{lang}"]),
                                     range=[PLATFORM_TYPE_COLOURS[i] for i in ordered["type_id"]]),
                     legend=alt.Legend(orient="bottom", direction="vertical", labelLimit=0))
