"""Prose for 10_recommendations: what the article recommends and which barriers and gaps each answers."""

from __future__ import annotations

from html import escape

import pandas as pd

from .. import data, fmt
from ..htmlout import HTML
from ..i18n import check_lang, t
from ..model import policy
from ..model.china import COUNTRY
from ..model.facts import fact
from .base import join, source_note
from .cards import CSS


def addressed_by(target_id: str, lang: str) -> str:
    m = policy.mix(policy.equal_weights())
    by = m.targets.set_index("target_id").loc[target_id, "by"]
    if not by:
        return t("rec_addressed_none", lang)
    recs = data.table("recommendations").set_index("rec_id")
    names = join([t("rec_numbered_in_sentence", lang, n=int(recs.loc[r, "order"]), name=recs.loc[r, f"name_{lang}"])
                  for r in by], lang)
    return t("rec_addressed_by", lang, recs=escape(names))


def recommendation_overview(lang: str = "en") -> HTML:
    """How many recommendations the article makes, and how many barriers and gaps they reach."""
    check_lang(lang)
    count = fact(COUNTRY, "recommendation_count")
    m = policy.mix(policy.equal_weights())
    n_t = fmt.number(len(m.targets), "count", lang)
    reach = fmt.number(len(m.targets) - len(m.unreachable), "count", lang)
    none = fmt.number(len(m.unreachable), "count", lang)
    links = data.table("recommendation_links")
    text = t("rec_overview", lang, areas=escape(fmt.fact(count, lang)), targets=n_t,
             links=fmt.number(len(links), "count", lang), reached=reach, unreached=none)
    return HTML(f"<p class='biomfg-prose'>{text}</p>{source_note(pd.concat([pd.DataFrame([count]), links]), lang)}")


def recommendation_cards(lang: str = "en") -> HTML:
    """Each recommendation: its aim, its key actions (folded) and the barriers and gaps it addresses."""
    check_lang(lang)
    recs = data.table("recommendations").sort_values("order")
    links = data.table("recommendation_links")
    names = policy.targets_frame().set_index("target_id")[f"name_{lang}"]
    cards = []
    for _, r in recs.iterrows():
        ln = links[links["rec_id"] == r["rec_id"]]
        items = "".join(f"<li>{escape(str(names.get(x, x)))}</li>" for x in ln["target_id"])
        label = t("rec_addresses", lang)
        acts = t("rec_key_actions", lang)
        cards.append(f"<div class='biomfg-card'><h3>{int(r['order'])} · {escape(str(r[f'name_{lang}']))}</h3>"
                     f"<div class='meta'>{escape(str(r[f'summary_{lang}']))}</div>"
                     f"<details class='biomfg-fold'><summary>{acts}</summary><p>{escape(str(r[f'actions_{lang}']))}</p>"
                     f"</details><p><b>{label}</b></p><ul>{items}</ul></div>")
    return HTML(CSS + "".join(cards) + source_note(recs, lang))


def mix_summary(m: policy.Mix, lang: str = "en") -> HTML:
    """Covered and open targets of a mix, as HTML lists (the open ones that no weight can reach marked)."""
    check_lang(lang)
    tg = m.targets
    def names(mask):
        return "".join(f"<li>{escape(str(n))}{'' if r else ' *'}</li>"
                       for n, r in zip(tg.loc[mask, f'name_{lang}'], tg.loc[mask, 'reachable'], strict=True))
    cov, opn = names(tg["covered"]), names(~tg["covered"])
    n_c, n_o = fmt.number(int(tg["covered"].sum()), "count", lang), fmt.number(int((~tg["covered"]).sum()), "count", lang)
    star = t("rec_unreachable_note", lang)
    covered, still_open = (escape(t(k, lang) + t("paren", lang, text=n)) for k, n in (("mix_covered", n_c), ("mix_open", n_o)))
    return HTML(f"<div style='display:grid;grid-template-columns:1fr 1fr;gap:1em;max-width:60em'>"
                f"<div><b>{covered}</b><ul>{cov}</ul></div>"
                f"<div><b>{still_open}</b><ul>{opn}</ul><small>{star}</small></div></div>")
