"""A briefing's words: the executive summary of page one, the box setting targets against reported
results, and the two or three sentences that open each section of the story. Every figure is read
from data/ (model.brief decides which); nothing here is typed by hand but the sentence frames in
messages.yml."""

from __future__ import annotations

from html import escape

import pandas as pd

from .. import data, fmt
from ..htmlout import HTML
from ..i18n import check_lang, t
from ..model import brief as model
from .base import entity_name, join, place_in_sentence

CSS = """<style>
.biomfg-summary{font-size:1.08em;line-height:1.6;border-left:4px solid #0072B2;padding:.2em 0 .2em .9em;margin:.6em 0 1em}
.biomfg-summary p{margin:.3em 0}
.biomfg-box{border:1px solid #c8d3de;background:#f4f7fa;padding:.6em .9em;margin:1em 0;break-inside:avoid}
.biomfg-box h2{margin:.1em 0 .4em;font-size:1.15em}
.biomfg-box table{border-collapse:collapse;width:100%}
.biomfg-box th,.biomfg-box td{text-align:left!important;padding:.25em .5em!important;
  border-bottom:1px solid #dde3ea;vertical-align:top!important}
.biomfg-box .none{color:#595959}
.biomfg-box p{margin:.4em 0 .1em}
.biomfg-section-text{max-width:46em;line-height:1.55}
[lang=zh] .biomfg-section-text,[lang=zh] .biomfg-summary{text-align:left}
</style>"""


def _label(row, lang: str) -> str:
    """What a figure measures, inside a sentence: en lower case unless a proper name starts it."""
    label = fmt.text(row[f"indicator_{lang}"])
    if lang == "en" and label[1:2].islower():
        label = label[:1].lower() + label[1:]
    return label


def what(row, lang: str, subject: str | None) -> str:
    """'its gross domestic product' / 'the industry scale of SIP biomanufacturing industry' (zh: …的…)."""
    label = _label(row, lang)
    if row["entity_id"] == subject:
        return t("bf_the", lang, what=label)
    return t("bf_of", lang, what=label, who=entity_name(row["entity_id"], lang))


def _value(row, lang: str) -> str:
    return fmt.fact(row, lang) + fmt.year_paren(row, lang)


def count(n: int, lang: str, measure: str = "个", noun: str | tuple[str, str] = "") -> str:
    """A counted phrase as each language writes it: zh 五个, 两项, 59个 (the noun follows in the frame);
    en 'five figures', 'one figure', '59 figures' (numbers under ten in words)."""
    n = int(n)
    if lang == "zh":
        return f"{fmt.zh_numeral(n, before_measure=True) if n <= 10 else fmt.plain(n)}{measure}"
    word = fmt.EN_NUMBER_WORDS[n] if n < 10 else fmt.plain(n)
    one, many = (noun, f"{noun}s") if isinstance(noun, str) else noun
    return f"{word} {one if n == 1 else many}".strip() if noun else word


PRONOUNS = {"en": ({"it": "it", "its": "its", "Its": "Its"}, {"it": "them", "its": "their", "Its": "Their"}),
            "zh": ({"it": "它", "its": "它的", "Its": "它的"}, {"it": "它们", "its": "它们的", "Its": "它们的"})}


def _sentences(keys_fields: list[tuple[str, dict]], lang: str, plural: bool = False) -> str:
    """Sentences from their frames; {it}/{its}/{Its} stand for the subject (a platform type is 'them')."""
    pron = PRONOUNS[lang][plural]
    return "".join(escape(t(k, lang, **pron, **f)) + ("" if lang == "zh" else " ") for k, f in keys_fields).strip()


def _money_or_first(rows: pd.DataFrame) -> pd.Series | None:
    """The largest reported money figure in CNY, else the first reported figure; None when there is none."""
    actual = rows[rows["kind"] != "target"]
    money = actual[actual["unit"].isin(model.MONEY)]
    if not money.empty:  # the currency the sources give first; its largest figure (currencies never mix)
        first = money[money["unit"] == money.iloc[0]["unit"]]
        return first.sort_values("value", ascending=False, kind="stable").iloc[0]
    return None if actual.empty else actual.iloc[0]


def _scale(rows: pd.DataFrame, lang: str, subject: str | None, china: bool = False) -> tuple[str, dict]:
    first = _money_or_first(rows)
    if first is None:
        return ("bf_scale_nothing", {})
    key = ("bf_scale_money_china" if china else "bf_scale_money") if first["unit"] in model.MONEY else "bf_scale_first"
    return (key, {"what": what(first, lang, subject), "value": _value(first, lang)})


def _plans(rows: pd.DataFrame, lang: str, subject: str | None) -> list[tuple[str, dict]]:
    targets = rows[rows["kind"] == "target"]
    if targets.empty:
        return [("bf_no_targets", {})]
    money = targets[targets["unit"].isin(model.MONEY)]
    lead = (money if not money.empty else targets).iloc[0]
    years = sorted({int(y) for y in targets["year"].dropna()})
    due = join([str(y) for y in years], lang) if years else t("undated", lang)
    tracked = model.targets_and_results(rows)
    with_result = int((tracked["status"] != "no_baseline").sum())
    result_key = "bf_results_none" if with_result == 0 else "bf_results_some"
    return [("bf_targets", {"n": count(len(targets), lang, "项", "target"), "years": due, "what": what(lead, lang, subject),
                            "value": fmt.fact(lead, lang), "year": int(lead["year"]) if pd.notna(lead["year"]) else ""}),
            (result_key, {"k": count(with_result, lang, "项"), "n": count(len(targets), lang, "项", "target")})]


def _unsaid(rows: pd.DataFrame, lang: str) -> tuple[str, dict]:
    inferred = sum(fmt.year_inferred(r) for _, r in rows.iterrows())
    undated = int(rows["year"].isna().sum())
    if undated == len(rows):
        return ("bf_unsaid_all_undated", {})
    if inferred or undated:
        key = "bf_unsaid_both" if inferred and undated else "bf_unsaid_inferred" if inferred else "bf_unsaid_undated"
        fields = {"n": count(len(rows), lang, noun="figure"), "inferred": count(inferred, lang),
                  "undated": count(undated, lang)}
        return (key, fields)
    return ("bf_unsaid_none", {})


def _unsaid_exemplars(lang: str) -> tuple[str, dict]:
    from ..model.finder import platform_facts

    platforms = data.platforms()["platform_id"]
    bare = int((~platforms.isin(set(platform_facts()["platform_id"]))).sum())
    return ("bf_unsaid_exemplars", {"k": count(bare, lang), "n": count(len(platforms), lang, noun="exemplar")})


def _sources_count(rows: pd.DataFrame, lang: str) -> dict:
    return {"k": count(rows["source"].nunique(), lang, "份"), "all": count(len(data.sources()), lang, "份")}


def _stage(stage: str, lang: str) -> str:
    word = t(f"stage_{stage}", lang)
    return word.lower() if lang == "en" else word


def _region_opening(s: model.Subject, lang: str) -> list[tuple[str, dict]]:
    regions = data.table("regions").set_index("region_id")
    r = regions.loc[s.id]
    parent = fmt.text(r["parent_id"])
    where = fmt.text(regions.loc[parent, f"name_{lang}"]) if parent in regions.index else ""
    return [("bf_region_what", {"name": fmt.text(r[f"name_{lang}"]), "kind": t(f"bf_kind_{r['kind']}", lang),
                                "where": where, "n": count(len(s.figures), lang, noun="figure"),
                                **_sources_count(s.figures, lang)})]


def _type_opening(s: model.Subject, lang: str) -> list[tuple[str, dict]]:
    types = data.table("platform_types").set_index("type_id")
    bar = data.table("barriers").set_index("barrier_id").loc[types.loc[s.id, "barrier_id"]]
    members = data.platforms().query("type_id == @s.id")
    founded = members["founded"].dropna().astype(int)
    name = fmt.text(types.loc[s.id, f"name_{lang}"])
    return [("bf_type_what", {"name": name[:1].upper() + name[1:], "barrier": fmt.text(bar[f"name_{lang}"]),
                              "from": _stage(bar["stage_from"], lang), "to": _stage(bar["stage_to"], lang)}),
            ("bf_type_members", {"n": count(len(members), lang, noun=("of them", "of them")),
                                 "names": join(members[f"name_{lang}"], lang),
                                 "first": int(founded.min()), "last": int(founded.max())})]


def _overview_opening(lang: str) -> list[tuple[str, dict]]:
    types = data.table("platform_types")
    bars = data.table("barriers").set_index("barrier_id")
    pairs = join([t("bf_type_bridges", lang, type=fmt.text(x[f"name_{lang}"]),
                    barrier=fmt.text(bars.loc[x["barrier_id"], f"name_{lang}"])) for _, x in types.iterrows()], lang)
    platforms = data.platforms()
    founded = platforms["founded"].dropna().astype(int)
    return [("bf_overview_what", {"n": count(len(types), lang, "类", "type"), "pairs": pairs}),
            ("bf_overview_members", {"n": count(len(platforms), lang, noun="international exemplar"),
                                     "countries": count(platforms["country_en"].nunique(), lang, noun=("country", "countries")),
                                     "first": int(founded.min()), "last": int(founded.max())})]


def _overview_cases(lang: str) -> tuple[str, dict]:
    from ..model.cases import case_ids

    return ("bf_overview_cases", {"cases": count(len(case_ids()), lang, noun="regional case"),
                                  "recs": count(len(data.table("recommendations")), lang, "条", "recommendation")})


def summary(s: model.Subject, lang: str = "en") -> HTML:
    """Page one's executive summary: three to five sentences computed from data/ — what the subject is,
    its scale, what it plans, and what the sources do not say."""
    check_lang(lang)
    if s.kind == "overview":
        china = s.figures[s.figures["entity_id"] == "china"]
        parts = [*_overview_opening(lang), _scale(china, lang, s.own, china=True), _overview_cases(lang),
                 _unsaid_exemplars(lang)]
    else:
        opening = _region_opening(s, lang) if s.kind == "region" else _type_opening(s, lang)
        parts = [*opening, _scale(s.figures, lang, s.own), *_plans(s.figures, lang, s.own), _unsaid(s.figures, lang)]
    text = _sentences(parts, lang, plural=s.kind == "platform_type")
    return HTML(f"{CSS}<div class='biomfg-summary' lang='{lang}'><h2>{escape(t('bf_summary', lang))}</h2>"
                f"<p>{text}</p></div>")


def subject_name(s: model.Subject, lang: str) -> str:
    """The subject as a sentence names it: the region, the platform type (plural in English), or China."""
    if s.kind == "region":
        return fmt.text(data.table("regions").set_index("region_id").loc[s.id, f"name_{lang}"])
    if s.kind == "platform_type":
        name = fmt.text(data.table("platform_types").set_index("type_id").loc[s.id, f"name_{lang}"])
        return f"{name}s" if lang == "en" else name
    return entity_name("china", lang)


def targets_box(s: model.Subject, lang: str = "en", limit: int = 5) -> HTML:
    """The box on page one: each stated target (money first, then in the sources' order) beside the
    reported result for the same measure, or the fact that the sources give none."""
    check_lang(lang)
    rows = model.targets_and_results(s.figures)
    head = f"<h2>{escape(t('bf_box_title', lang))}</h2>"
    if rows.empty:
        none = t("bf_no_targets_named", lang, name=subject_name(s, lang))
        return HTML(f"{CSS}<div class='biomfg-box' lang='{lang}'>{head}<p class='none'>{escape(none)}</p></div>")
    rows = rows.assign(_m=~rows["unit"].isin(model.MONEY)).sort_values("_m", kind="stable")
    shown = rows.head(limit)
    body = []
    for _, r in shown.iterrows():
        result = (escape(t("bf_box_no_result", lang)) if r["status"] == "no_baseline" else
                  escape(fmt.number(r["baseline_value"], r["baseline_unit"], lang, fmt.text(r["baseline_qualifier"]))))
        who = "" if r["entity_id"] == s.own else f"<br><small>{escape(fmt.text(r[f'entity_{lang}']))}</small>"
        year = fmt.text(int(r["year"])) if pd.notna(r["year"]) else t("undated", lang)
        body.append(f"<tr><td>{escape(_label(r, lang)[:1].upper() + _label(r, lang)[1:])}{who}</td>"
                    f"<td><b>{escape(fmt.fact(r, lang))}</b></td><td>{escape(year)}</td>"
                    f"<td class='{'none' if r['status'] == 'no_baseline' else ''}'>{result}</td></tr>")
    more = (f"<p class='none'>{escape(t('bf_box_more', lang, n=fmt.plain(len(rows) - limit)))}</p>"
            if len(rows) > limit else "")
    cols = "".join(f"<th scope='col'>{escape(t(k, lang))}</th>"
                   for k in ("bf_col_target", "bf_col_value", "bf_col_due", "bf_col_result"))
    return HTML(f"{CSS}<div class='biomfg-box' lang='{lang}'>{head}<table><thead><tr>{cols}</tr></thead>"
                f"<tbody>{''.join(body)}</tbody></table>{more}</div>")


def appendix_heading(lang: str = "en") -> HTML:
    return HTML(f"<h2 class='biomfg-appendix'>{escape(t('bf_appendix', lang))}</h2>")


def section(key: str, sentences: list[tuple[str, dict]], lang: str = "en", plural: bool = False) -> HTML:
    """A story section's heading and its two or three sentences."""
    check_lang(lang)
    return HTML(f"{CSS}<h2>{escape(t(key, lang))}</h2><p class='biomfg-section-text' lang='{lang}'>"
                f"{_sentences(sentences, lang, plural)}</p>")


# --- the story: each section's sentences ---------------------------------------------------------

SCALE_UNITS = (*model.MONEY, "percent", "rank", "streak")


def _largest(rows: pd.DataFrame, lang: str, subject, key: str) -> list[tuple[str, dict]]:
    if rows.empty:
        return []
    top = rows.sort_values("value", ascending=False, kind="stable").iloc[0]
    return [(key, {"what": what(top, lang, subject), "value": _value(top, lang)})]


def story_scale(s: model.Subject, lang: str) -> list[tuple[str, dict]]:
    """Scale and standing: how many money figures, shares and ranks; the largest of each."""
    rows = s.figures[(s.figures["kind"] != "target") & s.figures["unit"].isin(SCALE_UNITS)]
    if rows.empty:
        return [("bf_st_scale_none", {})]
    money = rows[rows["unit"] == "CNY"]
    out = [("bf_st_scale_count", {"n": count(len(rows), lang, noun="figure"), "money": count(len(money), lang)})]
    shares = rows[rows["unit"] == "percent"]
    ranks = rows[rows["unit"].isin(["rank", "streak"])]
    out += _largest(shares, lang, s.own, "bf_st_largest_share")  # page one told the money; the chart shows shares
    if not ranks.empty:
        out.append(("bf_st_rank", {"what": what(ranks.iloc[0], lang, s.own), "value": _value(ranks.iloc[0], lang)}))
    if len(out) < 3:
        out += _largest(money, lang, s.own, "bf_st_largest_money")
    return out[:3]


def story_capacity(s: model.Subject, lang: str) -> list[tuple[str, dict]]:
    """Firms, platforms and projects: what the sources name in the case, and its largest count."""
    from ..model.cases import case_of_entity

    mine = {e for e, c in case_of_entity().items() if c == s.id}
    firms = int(data.table("firms")["firm_id"].isin(mine).sum())
    places = int(data.table("facilities")["facility_id"].isin(mine).sum())
    f = {"firms": count(firms, lang, "家", "firm"),
         "places": count(places, lang, noun=("facility or platform", "facilities or platforms"))}
    key = ("bf_st_named" if firms and places else "bf_st_named_firms" if firms else
           "bf_st_named_places" if places else "bf_st_named_none")
    out = [(key, f)]
    rows = s.figures[(s.figures["kind"] != "target") & ~s.figures["unit"].isin(SCALE_UNITS)]
    counts = rows[rows["unit"] == "count"]
    out += _largest(counts, lang, s.own, "bf_st_largest_count")
    if rows.empty:
        out.append(("bf_st_capacity_none", {}))
    return out


def story_plans(s: model.Subject, lang: str) -> list[tuple[str, dict]]:
    """Plans and targets: the case's plans with their years, its targets, the events the sources date."""
    plans = data.table("plans").query("region_id == @s.id")
    out = []
    if not plans.empty:
        names = join([fmt.text(p[f"name_{lang}"]) for _, p in plans.iterrows()], lang)
        out.append(("bf_st_plans", {"n": count(len(plans), lang, "项", ("plan or policy", "plans or policies")), "names": names}))
    out += _plans(s.figures, lang, s.own)[:1]
    from ..model.cases import case_of_entity

    mine = {e for e, c in case_of_entity().items() if c == s.id}
    ev = data.table("events")
    ev = ev[ev["entity_id"].isin(mine) & ev["year"].notna()]
    if not ev.empty:
        first, last = int(ev["year"].min()), int(ev["year"].max())
        n = count(len(ev), lang, "件", "event")
        out.append(("bf_st_events", {"n": n, "first": first, "last": last}) if first != last else
                   ("bf_st_events_one_year", {"n": n, "first": first}))
    return out[:3]


def story_members(s: model.Subject, lang: str) -> list[tuple[str, dict]]:
    """The exemplars of a type (or all of them): how many, where, founded when."""
    members = data.platforms() if s.id is None else data.platforms().query("type_id == @s.id")
    founded = members.dropna(subset=["founded"]).sort_values("founded", kind="stable")
    countries = join([place_in_sentence(c, lang) for c in sorted(set(members[f"country_{lang}"]))], lang)
    out = [("bf_st_members", {"n": count(len(members), lang, noun="exemplar"), "countries": countries})]
    if not founded.empty:
        a, b = founded.iloc[0], founded.iloc[-1]
        out.append(("bf_st_founded", {"first": fmt.text(a[f"name_{lang}"]), "first_year": int(a["founded"]),
                                      "last": fmt.text(b[f"name_{lang}"]), "last_year": int(b["founded"])}))
    return out


def story_factors(s: model.Subject, lang: str) -> list[tuple[str, dict]]:
    """What makes the exemplars work: the factor most of them share."""
    members = data.platforms().query("type_id == @s.id")["platform_id"]
    pf = data.table("platform_factors")
    pf = pf[pf["platform_id"].isin(members)]
    if pf.empty:
        return [("bf_st_factors_none", {})]
    counts = pf.groupby("factor_id", sort=False)["platform_id"].nunique().sort_values(ascending=False, kind="stable")
    names = data.table("success_factors").set_index("factor_id")[f"name_{lang}"]
    top = counts.index[0]
    return [("bf_st_factors", {"n": count(counts.size, lang, "项", "factor"), "top": fmt.text(names.get(top, top)),
                               "k": count(int(counts.iloc[0]), lang), "all": count(len(members), lang)})]


def story_figures(s: model.Subject, lang: str) -> list[tuple[str, dict]]:
    """What the figures cover: how many, about how many of the exemplars."""
    members = data.platforms().query("type_id == @s.id")["platform_id"]
    from ..model.finder import platform_facts

    pf = platform_facts()
    covered = pf[pf["platform_id"].isin(members)]["platform_id"].nunique() if "platform_id" in pf else 0
    return [("bf_st_figures", {"n": count(len(s.figures), lang, noun="figure"), "k": count(int(covered), lang),
                               "all": count(len(members), lang, noun="exemplar")})]


def story_china(s: model.Subject, lang: str) -> list[tuple[str, dict]]:
    rows = s.figures[(s.figures["entity_id"] == "china") & (s.figures["kind"] != "target")]
    out = [("bf_st_china", {"n": count(len(rows), lang, noun="figure")})]
    out += _largest(rows[rows["unit"] == "CNY"], lang, "china", "bf_st_largest_money")
    out += _largest(rows[rows["unit"] == "percent"], lang, "china", "bf_st_largest_share")
    return out


def story_cases(s: model.Subject, lang: str) -> list[tuple[str, dict]]:
    from ..model.cases import cases, own_notebook

    c = cases()
    own = c[c["region_id"].isin(own_notebook())]
    return [("bf_st_cases", {"n": count(len(c), lang, noun="regional case"), "own": join(own[f"name_{lang}"], lang)})]
