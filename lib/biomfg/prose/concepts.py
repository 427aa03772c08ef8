"""The concept map in words (`charts.concepts.concept_map`): for the whole map, one item per barrier (the
platform type that bridges it, China's gaps there, the recommendations and the regional examples); for a
region (06-09), one item per example of that region. Names from data/, escaped; counts by `fmt`."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

import pandas as pd

from .. import data, fmt
from ..htmlout import HTML
from ..i18n import check_lang, t
from ..model import concepts as cm
from .base import join, source_note


def _name(node_row, lang: str) -> str:
    return str(node_row[f"name_{lang}"])


def _rec(rec_id: str, lang: str, recs: pd.DataFrame) -> str:
    r = recs.loc[rec_id]
    return t("rec_numbered_in_sentence", lang, n=fmt.number(int(r["order"]), "count", lang), name=r[f"name_{lang}"])


def _cap(text: str, lang: str) -> str:
    return text[:1].upper() + text[1:] if lang == "en" else text


def _untied(lang: str) -> str:
    """Which gaps the map ties to no barrier (grey), and which it leaves off (no recommendation addresses
    them), with why: the article states them for the industry or for running a kind of platform."""
    nodes = cm.nodes()
    grey = nodes[(nodes["column"] == "gap") & nodes["barrier_id"].isna()]
    gaps = data.table("gaps")
    left = gaps[~gaps["gap_id"].isin(nodes.loc[nodes["column"] == "gap", "id"])]
    sep = t("clause_sep", lang)  # a gap's name may hold commas itself
    return t("cm_prose_untied", lang, n=fmt.number(len(grey), "count", lang),
             gaps=escape(sep.join(_name(r, lang) for _, r in grey.iterrows())),
             left=escape(sep.join(_name(r, lang) for _, r in left.iterrows()) or t("cm_prose_none", lang)))


def concept_reading(lang: str = "en", region: str | Iterable[str] | None = None) -> HTML:
    """The map read aloud: with no `region`, a sentence and one item per barrier; with `region`, a sentence
    and one item per example of that region (its platform type, barrier, China's gaps there and the
    recommendations that address them)."""
    check_lang(lang)
    chosen = cm.check_regions(region)
    nodes = cm.nodes().set_index("node")
    recs = data.table("recommendations").set_index("rec_id")
    num = lambda v: fmt.number(v, "count", lang)  # noqa: E731
    none = t("cm_prose_none", lang)
    if chosen:
        paths = cm.example_paths(chosen)
        regions = data.table("regions").set_index("region_id")[f"name_{lang}"]
        names = join([regions[r] for r in cm.example_regions() if r in set(paths["region_id"])], lang)
        head = t("cm_prose_region_one" if len(paths) == 1 else "cm_prose_region", lang, region=escape(names),
                 **({} if len(paths) == 1 else {"n": num(len(paths))}))
        items = []
        for _, p in paths.iterrows():
            ex = nodes.loc[cm.key("example", p["example_id"])]
            gaps = [_name(nodes.loc[g], lang) for g in nodes.index if g.startswith("gap:")
                    and g.split(":", 1)[1] in p["gap_ids"]]
            items.append(t("cm_prose_example", lang, example=escape(_cap(_name(ex, lang), lang)),
                           type=escape(_name(nodes.loc[cm.key("type", p["type_id"])], lang)),
                           barrier=escape(_name(nodes.loc[cm.key("barrier", p["barrier_id"])], lang)),
                           gaps=t("cm_prose_example_gaps", lang, gaps=escape(join(gaps, lang))) if gaps else "",
                           recs=escape(join([_rec(r, lang, recs) for r in p["rec_ids"]], lang) or none)))
        every = cm.nodes()
        rows = every[(every["column"] != "example") | every["region_id"].isin(chosen)][["source"]]
    else:
        n = cm.nodes()["column"].value_counts()
        kinds = (lambda v: fmt.zh_numeral(int(v))) if lang == "zh" else num  # noqa: E731  三类平台、三大障碍
        head = t("cm_prose_intro", lang, types=kinds(n["type"]), barriers=kinds(n["barrier"]), gaps=num(n["gap"]),
                 recs=num(n["recommendation"]), examples=num(n["example"]))
        head += (" " if lang == "en" else "") + _untied(lang)
        paths = cm.paths()
        regions = data.table("regions").set_index("region_id")[f"name_{lang}"]
        items = []
        for b, row in nodes[nodes["column"] == "barrier"].iterrows():
            near = set(paths.loc[paths["node"] == b, "member"])
            members = nodes[nodes.index.isin(near)]  # in drawing order
            of = lambda col: members[members["column"] == col]  # noqa: E731, B023
            gaps = [_name(r, lang) for _, r in of("gap").iterrows() if r["barrier_id"] == row["id"]]
            rec_ids = list(of("recommendation")["id"])
            types = [_name(r, lang) for _, r in of("type").iterrows()]
            text = t("cm_prose_barrier", lang, barrier=escape(_cap(_name(row, lang), lang)),
                     type=escape(join(types, lang)), gaps=escape(join(gaps, lang) or none),
                     recs=escape(join([_rec(r, lang, recs) for r in rec_ids], lang) or none))
            ex = of("example")
            groups = [t("cm_prose_examples_in", lang, region=escape(regions[r]),
                        names=escape(t("clause_sep", lang).join(  # a name may hold commas itself
                            _name(x, lang) for _, x in ex[ex["region_id"] == r].iterrows())))
                      for r in cm.example_regions() if r in set(ex["region_id"])]
            sub = "".join(f"<li>{g}</li>" for g in groups) or f"<li>{escape(none)}</li>"
            items.append(f"{text}<ul>{sub}</ul>")
        rows = pd.concat([cm.nodes()[["source"]], cm.links()[["source"]]], ignore_index=True)
    body = "".join(f"<li>{i}</li>" for i in items)
    return HTML(f"<p class='biomfg-prose'>{head}</p><ul class='biomfg-prose'>{body}</ul>{source_note(rows, lang)}")
