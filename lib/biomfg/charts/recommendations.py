"""Charts of the seven recommendations (10_recommendations): which barrier or gap each addresses,
and how a weighted policy mix covers them."""

from __future__ import annotations

import altair as alt
import pandas as pd

from .. import data as _data
from ..i18n import check_lang, t
from ..model import policy
from .base import titled, wrap_px

KIND_COLOURS = {"barrier": "#CC79A7", "gap": "#0072B2", "pilot_challenge": "#E69F00"}
STATUS_COLOURS = ["#009E73", "#D55E00", "#999999"]


def rec_labels(recs: pd.DataFrame, lang: str) -> dict[str, str]:
    """'1 Innovation leadership' / '（1）创新引领': short, numbered as in the article."""
    out = {}
    for _, r in recs.sort_values("order").iterrows():
        name = str(r[f"name_{lang}"])
        out[r["rec_id"]] = t("rec_numbered", lang, n=int(r["order"]),
                             name=name[:1].upper() + name[1:] if lang == "en" else name)
    return out


def _target_label(name: str, lang: str) -> str:
    return name[:1].upper() + name[1:] if lang == "en" else name


def recommendation_map(links: pd.DataFrame, lang: str = "en") -> alt.Chart:
    """A matrix: recommendations across, every barrier, gap and pilot challenge down."""
    check_lang(lang)
    if links.empty:
        raise ValueError("no recommendation links to draw")
    recs = _data.table("recommendations")
    labels = rec_labels(recs, lang)
    targets = policy.targets_frame()
    kinds = {k: t(f"rec_kind_{k}", lang) for k in KIND_COLOURS}
    tlabel = {r["target_id"]: _target_label(r[f"name_{lang}"], lang) for _, r in targets.iterrows()}
    plot = pd.DataFrame({
        "rec": links["rec_id"].map(labels),
        "target": links["target_id"].map(tlabel),
        "kind": links["target_id"].map(targets.set_index("target_id")["kind"]).map(kinds),
    }).dropna()
    # whole names wrapped into lines ('|' between them), so nothing is cut and the matrix fits ~950 px
    tlabel = {k: "|".join(wrap_px(v, 340 if lang == "en" else 280)) for k, v in tlabel.items()}
    plot["target"] = links["target_id"].map(tlabel)
    plot = plot.dropna()
    depth = max(len(v.split("|")) for v in tlabel.values())
    y_order = [tlabel[i] for i in targets["target_id"]]
    x = alt.X("rec:N", sort=list(labels.values()), title=None,
              axis=alt.Axis(orient="top", labelAngle=-35, labelAlign="left", labelLimit=0, domain=False,
                            ticks=False, grid=True))
    y = alt.Y("target:N", sort=y_order, title=None, scale=alt.Scale(domain=y_order),
              axis=alt.Axis(labelLimit=0, grid=True, domain=False, ticks=False, labelExpr="split(datum.label, '|')",
                            labelLineHeight=17))
    colour = alt.Color("kind:N", title=t("rec_target_kind", lang),
                       scale=alt.Scale(domain=list(kinds.values()), range=list(KIND_COLOURS.values())),
                       legend=alt.Legend(orient="bottom", direction="horizontal"))
    dots = alt.Chart(plot).mark_circle(size=340, opacity=1).encode(x=x, y=y, color=colour)
    chart = dots.properties(width=alt.Step(62), height=alt.Step(max(30, 17 * depth + 8)))
    most = plot["rec"].value_counts(sort=True)
    summary = t("desc_rec_map", lang, n=len(labels), m=len(y_order), k=len(plot), top=most.index[0],
                top_n=int(most.iloc[0]))
    return titled(chart, t("rec_map_title", lang), links, lang, t("rec_map_subtitle", lang), summary=summary,
                  kind="matrix")


def coverage_rows(mix: policy.Mix, lang: str = "en") -> pd.DataFrame:
    """The rows the coverage chart draws: target label, total weight, status label."""
    check_lang(lang)
    tg = mix.targets
    status = [t("mix_covered", lang), t("mix_open", lang), t("mix_open_always", lang)]
    rows = pd.DataFrame({
        "target": [_target_label(n, lang) for n in tg[f"name_{lang}"]],
        "score": tg["score"].astype(float),
        "status": [status[0] if c else (status[1] if r else status[2])
                   for c, r in zip(tg["covered"], tg["reachable"], strict=True)],
    })
    rows["label"] = [f"{s:g}" if c else st for s, c, st in zip(rows["score"], tg["covered"], rows["status"], strict=True)]
    return rows


def policy_coverage(mix: policy.Mix, links: pd.DataFrame, lang: str = "en", x_max: float | None = None) -> alt.Chart:
    """One bar per barrier or gap: the total weight addressing it, coloured covered / open.

    `x_max` fixes the axis (a widget keeps it steady while the sliders move); default: the largest score.
    """
    check_lang(lang)
    if links.empty:
        raise ValueError("no recommendation links: nothing can be covered")
    plot = coverage_rows(mix, lang)
    plot["target"] = ["|".join(wrap_px(x, 380 if lang == "en" else 300)) for x in plot["target"]]
    depth = max(len(x.split("|")) for x in plot["target"])
    status = [t("mix_covered", lang), t("mix_open", lang), t("mix_open_always", lang)]
    top = x_max if x_max is not None else max(1.0, float(plot["score"].max()))
    y = alt.Y("target:N", sort=list(plot["target"]), title=None,
              axis=alt.Axis(labelLimit=0, labelExpr="split(datum.label, '|')", labelLineHeight=17))
    colour = alt.Color("status:N", title=t("mix_coverage", lang), scale=alt.Scale(domain=status, range=STATUS_COLOURS),
                       legend=alt.Legend(orient="bottom", direction="horizontal"))
    x = alt.X("score:Q", title=t("mix_score", lang), scale=alt.Scale(domain=[0, top]),
              axis=alt.Axis(format="d", values=list(range(int(top) + 1))))
    base = alt.Chart(plot).encode(y=y, x=x)
    bars = base.mark_bar(height={"band": 0.7}).encode(color=colour)
    text = base.mark_text(align="left", dx=6, fontSize=14, fontWeight="bold").encode(
        text="label:N", color=colour.legend(None))
    chart = alt.layer(bars, text).properties(width=420, height=alt.Step(max(28, 17 * depth + 8)))
    rows = coverage_rows(mix, lang)
    top = rows.sort_values("score", ascending=False, kind="stable").iloc[0]
    covered = int((rows["status"] == status[0]).sum())
    summary = t("desc_coverage", lang, m=len(rows), k=covered, open=len(rows) - covered, top=top["target"],
                top_n=f"{top['score']:g}")
    return titled(chart, t("mix_title", lang), links, lang, t("mix_subtitle", lang), summary=summary)
