"""A briefing's words: the executive summary of page one, the box setting targets against reported
results, and the two or three sentences that open each section of the story. Every figure is read
from data/ (model.brief decides which); nothing here is typed by hand but the sentence frames in
messages.yml."""

from __future__ import annotations

import re
from html import escape

import pandas as pd

from .. import data, fmt
from ..htmlout import HTML
from ..i18n import check_lang, t
from ..model import brief as model
from ..model.facts import figure_text, one_row_per_range
from .base import entity_name, join, place_in_sentence, year_in_sentence
from .targets import deadline_text

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


# English names that read with "the" inside a sentence (a plan, a centre, a park, an industry); firms and
# brand-like platform names (BioMADE, IndieBio) do not. Chinese has no article.
THE_TABLES = frozenset({"plans", "facilities"})
THE_STARTS = ("Centre", "Center", "California Institute", "Fraunhofer", "Novo Nordisk", "Bio Base", "Bioindustrial",
              "National", "Shenzhen Park", "Biochemical", "Integrated", "RNA", "University", "International")
THE_ENDS = ("industry", "industries", "programme", "project", "scheme", "database", "network", "turbine")


def in_sentence(entity_id: str, lang: str) -> str:
    """An entity's name inside an English sentence, with 'the' where the name needs it; zh unchanged."""
    name = entity_name(entity_id, lang)
    if lang != "en":
        return name
    names = data.entity_index()
    table = fmt.text(names.loc[entity_id, "table"]) if entity_id in names.index else ""
    needs = table in THE_TABLES or name.startswith(THE_STARTS) or name.endswith(THE_ENDS)
    return f"the {name}" if needs and not name.startswith("the ") else place_in_sentence(name, lang)


def what(row, lang: str, subject: str | None) -> str:
    """'the gross domestic product' / 'the industry scale of the SIP biomanufacturing industry' (zh …的…)."""
    label = _label(row, lang)
    if row["entity_id"] == subject:
        return t("bf_the", lang, what=label)
    names = data.entity_index()
    in_plan = row["entity_id"] in names.index and fmt.text(names.loc[row["entity_id"], "table"]) == "plans"
    # a plan's target is an output it sets, not one it has: 'the output value set in the … Plan'
    key = "bf_in_plan" if in_plan and row.get("kind") == "target" else "bf_of"
    return t(key, lang, what=label, who=in_sentence(row["entity_id"], lang))


def _value(row, lang: str) -> str:
    """A figure with its year, and what kind of figure it is when not a reported one (an estimate)."""
    kind = "" if row["kind"] == "actual" else t("paren", lang, text=t(str(row["kind"]), lang))
    return fmt.fact(row, lang) + fmt.year_paren(row, lang) + kind


def count(n: int, lang: str, measure: str = "个", noun: str | tuple[str, str] = "", words: bool = False) -> str:
    """A counted phrase as each language writes it. zh: Arabic numerals with the measure word (59项, 3家);
    a set phrase (`words`) in Chinese numerals (三类). en: numbers up to ten in words, with the noun
    ('five figures', 'one figure', '59 figures')."""
    n = int(n)
    if lang == "zh":
        return f"{fmt.zh_numeral(n, before_measure=True) if words else fmt.plain(n)}{measure}"
    word = fmt.EN_NUMBER_WORDS[n] if n <= 10 else fmt.plain(n)
    one, many = (noun, f"{noun}s") if isinstance(noun, str) else noun
    return f"{word} {one if n == 1 else many}".strip() if noun else word


def figures(n: int, lang: str) -> str:
    return count(n, lang, "项", "figure")


# {it}/{its}/{Its}: the subject in English (a platform type is 'them'); Chinese omits the pronoun
PRONOUNS = {"en": ({"it": "it", "its": "its", "Its": "Its"}, {"it": "them", "its": "their", "Its": "Their"}),
            "zh": ({"it": "", "its": "", "Its": ""}, {"it": "", "its": "", "Its": ""})}


def _sentences(keys_fields: list[tuple[str, dict]], lang: str, plural: bool = False) -> str:
    """Sentences from their frames, with the subject's pronouns."""
    pron = PRONOUNS[lang][plural]
    said = [t(k, lang, **{**pron, **f}) for k, f in keys_fields]
    if lang == "en":  # a frame may open with a field ('{n} measure …'): the sentence still starts with a capital
        said = [x[:1].upper() + x[1:] for x in said]
    return "".join(escape(x) + ("" if lang == "zh" else " ") for x in said).strip()


def reported(rows: pd.DataFrame) -> pd.DataFrame:
    """Figures the sources report as facts: not targets, not estimates or plans."""
    return rows[rows["kind"] == "actual"]


def _top_money(money: pd.DataFrame) -> pd.Series:
    """The largest of some money figures, in the currency the sources give first (currencies never mix)."""
    return money[money["unit"] == money.iloc[0]["unit"]].sort_values("value", ascending=False, kind="stable").iloc[0]


def circular(row, lang: str, subject: str | None = None) -> bool:
    """Whether a figure's value is already in what it measures ('the rated unit power of the … 17 MW
    turbine: 17 MW'): such a figure says nothing a sentence should repeat."""
    return fmt.fact(row, lang) in what(row, lang, subject)


def _is(value: str, lang: str) -> str:
    """A value after its subject: zh 为33个, but 约123.43亿元 / 超20个 without 为 (the qualifier is the verb's
    work); en 'is 33'."""
    if lang == "zh":
        return value if value.startswith(("约", "超", "近", "逾", "不超过", "最高", "前")) else f"为{value}"
    return f"is {value}"


def _headline(scale: pd.DataFrame, subject: str | None) -> pd.Series | None:
    """The first key figure by the editorial rule whose value its own name does not already give."""
    ranked = model.key_figures(scale, subject, len(scale))
    for _, row in ranked.iterrows():
        if not (circular(row, "en") or circular(row, "zh")):
            return row
    return None


def _since_lead(rows, lang: str) -> tuple[str, bool]:
    """A period the figures share, said once before them ('2023年以来，' / 'Since 2023, '); whether it was."""
    starts = {fmt.since_year(r.get("quote")) if not fmt.year(r) else None for r in rows}
    if len(starts) == 1 and None not in starts:
        return t("bf_since_lead", lang, year=starts.pop()), True
    return "", False


def _stated(row, lang: str, year: bool = True) -> tuple[str, str]:
    """A figure as a sentence's subject and the rest: in English a count as what its entity has
    ('Zhangjiang Science City' + 'has more than 20 class-1 new drugs approved'); another figure, and every
    figure in Chinese, as what it measures and its value ('the rotor diameter of …' + 'is 262 m'; 张江科学城的
    获批1类新药数 + 超20个)."""
    when = (fmt.year_paren(row, lang) if year else "") + ("" if row["kind"] == "actual" else
                                                         t("paren", lang, text=t(str(row["kind"]), lang)))
    if row["unit"] == "count" and lang == "en":
        return in_sentence(row["entity_id"], lang), f"has {target_phrase(row, lang)}{when}"
    return what(row, lang, None), _is(fmt.fact(row, lang) + when, lang)


def _scale(rows: pd.DataFrame, lang: str, subject: str | None) -> tuple[str, dict]:
    """The subject's own largest reported money figure, else the largest of any; without one, the first key
    figure by the editorial rule (one whose value is not in its own name), and what is true of money: the
    sources give it only as targets, or only as plans and projections (the largest is named beside it, as
    what it is)."""
    actual = reported(rows)
    money = actual[actual["unit"].isin(model.MONEY)]
    if not money.empty:  # the place's own money figure first (its GDP), said of the world, not of the data
        own = money[money["entity_id"] == subject]
        who, said = _stated(_top_money(own if not own.empty else money), lang)
        return ("bf_scale_first", {"lead": "", "what": who, "value": said})
    scale = actual[~actual["indicator"].isin(model.kinds_counts())]  # how many actions a plan has is no scale
    first = None if scale.empty else _headline(scale, subject)
    if first is None:
        return ("bf_scale_nothing", {}) if scale.empty else ("bf_scale_no_money", {})
    unreported = rows[rows["unit"].isin(model.MONEY)]
    projected = unreported[unreported["kind"] != "target"]
    if not projected.empty:  # a plan or projection (计划投资, 预计): named beside it, and called what it is
        plan = _top_money(projected)
        lead, shared = _since_lead([first, plan], lang)
        who, said = _stated(first, lang, year=not shared)
        mwhat, mvalue = _stated(plan, lang, year=not shared)
        return ("bf_scale_first_projected", {"lead": lead, "what": who, "value": said,
                                             "mwhat": what(plan, lang, subject), "mvalue": mvalue})
    who, said = _stated(first, lang)
    fields = {"lead": "", "what": who, "value": said}
    return ("bf_scale_first_targets" if not unreported.empty else "bf_scale_first", fields)


def _china_scale(rows: pd.DataFrame, lang: str) -> tuple[str, dict]:
    """China's lead figure: the first key figure by the editorial rule (the sources' own measure of the
    industry, not the downstream scale it is said to drive)."""
    first = model.key_figures(reported(rows), "china", 1).iloc[0]
    return ("bf_scale_china", {"what": what(first, lang, "china"), "value": _value(first, lang)})


def _years(rows: pd.DataFrame, lang: str) -> str:
    """The distinct years of some rows, each marked where inferred: '2026', '2026 (inferred)' / '2026年'."""
    out = []
    for _, group in rows.dropna(subset=["year"]).sort_values("year").groupby("year", sort=True):
        stated = [r for _, r in group.iterrows() if not fmt.year_inferred(r)]  # marked only if no quote states it
        out.append(year_in_sentence(stated[0] if stated else group.iloc[0], lang))
    return join(out, lang) or t("undated", lang)


TARGETS_NAMED = 3  # the targets a sentence names; more are 'among others'


def _singular(noun: str) -> str:
    return noun[:-3] + "y" if noun.endswith("ies") else noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun


def target_phrase(row, lang: str) -> str:
    """One target as a list names it: zh 中试基地1个、产业规模超150亿元 (the measure, then its value); en
    'one pilot base', '150 further high-growth companies' (a count before its noun), 'an industry scale
    of more than CNY 15 bn'."""
    value = figure_text(row, lang)  # a stated range is one target, written as tiles write it: 12至15个 / 12–15
    label = fmt.text(row[f"indicator_{lang}"])
    counted = row["unit"] == "count"
    if lang == "zh":
        return re.sub(r"数量?$", "", label) + value if counted else label + value
    label = _label(row, lang)
    label = label[len("number of "):] if label.lower().startswith("number of ") else label
    if counted and re.fullmatch(r"[\d,]+", value):
        n = int(value.replace(",", ""))
        if n == 1:  # 'one pilot base': the first plural word is the noun counted
            words = label.split(" ")
            at = next((i for i, w in enumerate(words) if w.endswith("s") and not w.endswith("ss")), None)
            label = " ".join(_singular(w) if i == at else w for i, w in enumerate(words))
        return f"{fmt.EN_NUMBER_WORDS[n] if n <= 10 else value} {label}"
    if counted and " a " not in value:
        return f"{value} {label}"
    return f"{'an' if label[:1].lower() in 'aeiou' else 'a'} {label} of {value}"


def _plans(s: model.Subject, lang: str) -> list[tuple[str, dict]]:
    """The targets in one sentence: due when, whose, the first few (money first), and whether any has a
    reported result."""
    targets = s.figures[s.figures["kind"] == "target"]
    if targets.empty:
        return [("bf_no_targets", {})]
    targets = one_row_per_range(targets)  # a stated range is one target
    ordered = targets.assign(_m=~targets["unit"].isin(model.MONEY)).sort_values("_m", kind="stable")
    named = ordered.head(TARGETS_NAMED)
    owners = targets["entity_id"].unique()
    who = in_sentence(owners[0], lang) if len(owners) == 1 else subject_name(s, lang)
    with_result = int((s.tracked["status"] != "no_baseline").sum())
    listed = join([target_phrase(r, lang) for _, r in named.iterrows()], lang)
    years = _years(targets.dropna(subset=["year"]), lang) if targets["year"].notna().any() else ""
    fields = {"by": t("bf_targets_by", lang, years=years) if years else "", "who": who, "list": listed, "value": listed,
              "more": t("bf_targets_more", lang) if len(targets) > len(named) else "",
              "k": count(with_result, lang, "项", "target"), "n": count(len(targets), lang, "项")}
    key = "bf_targets_none_reported" if with_result == 0 else "bf_targets_some_reported"
    return [(key, fields)]


def _unsaid(rows: pd.DataFrame, lang: str) -> tuple[str, dict]:
    """How many figures carry a year the quote does not state, and how many carry none."""
    inferred = sum(fmt.year_inferred(r) for _, r in rows.iterrows())
    # a figure whose quote states its period (2023年至今, 2018—2022年) has a year, as its card shows
    undated = sum(not fmt.year(r) and not fmt.since(r) for _, r in rows.iterrows())
    fields = {"n": figures(len(rows), lang), "inferred": count(inferred, lang, "项"), "undated": count(undated, lang, "项")}
    if undated == len(rows):
        return ("bf_unsaid_all_undated", {})
    if inferred == len(rows):
        return ("bf_unsaid_all_inferred", fields)
    if inferred or undated:
        return ("bf_unsaid_both" if inferred and undated else "bf_unsaid_inferred" if inferred else "bf_unsaid_undated",
                fields)
    return ("bf_unsaid_none", {})


def _sources_count(rows: pd.DataFrame, lang: str) -> dict:
    return {"k": count(rows["source"].nunique(), lang, "份"), "all": count(len(data.sources()), lang, "份")}


def _countries(countries_en: pd.Series, countries: pd.Series, lang: str) -> str:
    """'six countries and the European Union' / '6个国家和欧盟': the EU is not a country."""
    eu = countries_en == "European Union"
    n = count(countries_en[~eu].nunique(), lang, "个", ("country", "countries"))
    n = f"{n}国家" if lang == "zh" else n
    return t("bf_countries_and_eu", lang, countries=n) if eu.any() else n


def _stage(stage: str, lang: str) -> str:
    word = t(f"stage_{stage}", lang)
    return word.lower() if lang == "en" else word


def _region_opening(s: model.Subject, lang: str) -> list[tuple[str, dict]]:
    """What the case is, as regions.csv describes it from its seed (description_zh / _en); a region
    without one (never a case: validate requires it) is named by its kind and place."""
    regions = data.table("regions").set_index("region_id")
    r = regions.loc[s.id]
    name = fmt.text(r[f"name_{lang}"])
    described = fmt.text(r.get(f"description_{lang}"))
    if described:
        return [("bf_region_what", {"name": name, "description": described})]
    parent = fmt.text(r["parent_id"])
    where = fmt.text(regions.loc[parent, f"name_{lang}"]) if parent in regions.index else ""
    return [("bf_region_kind", {"name": name, "kind": t(f"bf_kind_{r['kind']}", lang), "where": where})]


def _type_opening(s: model.Subject, lang: str) -> list[tuple[str, dict]]:
    types = data.table("platform_types").set_index("type_id")
    bar = data.table("barriers").set_index("barrier_id").loc[types.loc[s.id, "barrier_id"]]
    members = data.platforms().query("type_id == @s.id")
    founded = members["founded"].dropna().astype(int)
    name = fmt.text(types.loc[s.id, f"name_{lang}"])
    return [("bf_type_what", {"name": name[:1].upper() + name[1:], "barrier": fmt.text(bar[f"name_{lang}"]),
                              "from": _stage(bar["stage_from"], lang), "to": _stage(bar["stage_to"], lang)}),
            ("bf_type_members", {"n": count(len(members), lang, noun=("of them", "of them")),
                                 "names": join([in_sentence(p, lang) for p in members["platform_id"]], lang),
                                 "first": int(founded.min()), "last": int(founded.max())})]


def _overview_opening(lang: str) -> list[tuple[str, dict]]:
    types = data.table("platform_types")
    bars = data.table("barriers").set_index("barrier_id")
    pairs = join([t("bf_type_bridges", lang, type=fmt.text(x[f"name_{lang}"]),
                    barrier=fmt.text(bars.loc[x["barrier_id"], f"name_{lang}"])) for _, x in types.iterrows()], lang)
    platforms = data.platforms()
    founded = platforms["founded"].dropna().astype(int)
    return [("bf_overview_what", {"n": count(len(types), lang, "类", "type", words=True), "pairs": pairs}),
            ("bf_overview_members", {"n": count(len(platforms), lang, noun="international exemplar"),
                                     "countries": _countries(platforms["country_en"], platforms[f"country_{lang}"], lang),
                                     "first": int(founded.min()), "last": int(founded.max())})]


def _overview_gap(china: pd.DataFrame, lang: str) -> list[tuple[str, dict]]:
    """The article's diagnosis in one sentence: how few of China's national incubators serve the life
    sciences; then how many areas its recommendations cover."""
    by = china.set_index("indicator")
    if not {"national_incubator_count", "bio_related_incubator_count"} <= set(by.index):
        return []
    total = by.loc["national_incubator_count"]
    when = fmt.year_paren(total, lang)  # the period the count covers, as its quote states it (2018—2022年)
    return [("bf_overview_gap_dated" if when else "bf_overview_gap",
             {"total": fmt.fact(total, lang), "when": when, "bio": fmt.fact(by.loc["bio_related_incubator_count"], lang),
              "recs": count(len(data.table("recommendations")), lang, "个", ("area", "areas"))})]


def summary(s: model.Subject, lang: str = "en") -> HTML:
    """Page one's executive summary: three to five sentences computed from data/ — what the subject is,
    its scale, what it plans and whether any target has a result. How many source documents and undated
    figures lie behind it is the curators' account, given with the figures in the appendix (`sources_note`)."""
    check_lang(lang)
    if s.kind == "overview":
        china = s.figures[s.figures["entity_id"] == "china"]
        parts = [*_overview_opening(lang), _china_scale(china, lang), *_overview_gap(china, lang)]
    else:
        opening = _region_opening(s, lang) if s.kind == "region" else _type_opening(s, lang)
        scale, plans = _scale(s.figures, lang, s.own), _plans(s, lang)
        # 'only targets, no results' is what the plans sentence ends on: said once; what is missing then is
        # the present scale the targets would be measured against
        if scale[0] == "bf_scale_nothing" and any(k == "bf_targets_none_reported" for k, _ in plans):
            parts = [*opening, *plans, ("bf_scale_unknown", {})]
        else:
            parts = [*opening, scale, *plans]
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


BOX_ROWS = 4  # with the summary and six tiles, the box fits page one of an A4 page


def boxed_targets(s: model.Subject, limit: int = BOX_ROWS) -> pd.DataFrame:
    """The targets page one's box shows: money first, then in the sources' order."""
    rows = s.tracked
    return rows.assign(_m=~rows["unit"].isin(model.MONEY)).sort_values("_m", kind="stable").head(limit)


def targets_box(s: model.Subject, lang: str = "en", limit: int = BOX_ROWS) -> HTML:
    """The box on page one: each stated target (money first, then in the sources' order) beside the
    reported result for the same measure, or the fact that the sources give none."""
    check_lang(lang)
    rows = s.tracked
    head = f"<h2>{escape(t('bf_box_title', lang))}</h2>"
    if rows.empty:
        none = t("bf_no_targets_named", lang, name=subject_name(s, lang))
        return HTML(f"{CSS}<div class='biomfg-box' lang='{lang}'>{head}<p class='none'>{escape(none)}</p></div>")
    shown = boxed_targets(s, limit)
    common = rows["entity_id"].iloc[0] if rows["entity_id"].nunique() == 1 and rows["entity_id"].iloc[0] != s.own else None
    if common is not None:  # every target is one plan's or one industry's: named once, under the heading
        head += f"<p class='none'>{escape(t('all_about', lang, name=fmt.text(rows[f'entity_{lang}'].iloc[0])))}</p>"
    body = []
    for _, r in shown.iterrows():
        result = (escape(t("bf_box_no_result", lang)) if r["status"] == "no_baseline" else
                  escape(fmt.number(r["baseline_value"], r["baseline_unit"], lang, fmt.text(r["baseline_qualifier"]))))
        who = "" if r["entity_id"] in (s.own, common) else f"<br><small>{escape(fmt.text(r[f'entity_{lang}']))}</small>"
        year = deadline_text(r, lang)
        body.append(f"<tr><td>{escape(_label(r, lang)[:1].upper() + _label(r, lang)[1:])}{who}</td>"
                    f"<td><b>{escape(figure_text(r, lang))}</b></td><td>{escape(year)}</td>"
                    f"<td class='{'none' if r['status'] == 'no_baseline' else ''}'>{result}</td></tr>")
    more_n = count(len(rows) - limit, lang, "项")
    more = (f"<p class='none'>{escape(t('bf_box_more', lang, n=more_n))}</p>"
            if len(rows) > limit else "")
    cols = "".join(f"<th scope='col'>{escape(t(k, lang))}</th>"
                   for k in ("bf_col_target", "bf_col_value", "bf_col_due", "bf_col_result"))
    return HTML(f"{CSS}<div class='biomfg-box' lang='{lang}'>{head}<table class='biomfg-table'><thead><tr>{cols}</tr></thead>"
                f"<tbody>{''.join(body)}</tbody></table>{more}</div>")


def appendix_heading(lang: str = "en") -> HTML:
    return HTML(f"<h2 class='biomfg-appendix'>{escape(t('bf_appendix', lang))}</h2>")


def sources_note(s: model.Subject, lang: str = "en") -> HTML:
    """Under the appendix heading: how many figures the briefing holds, from how many of the source
    documents, and how many of them carry no year or an inferred one."""
    check_lang(lang)
    rows = s.figures
    if rows.empty:
        return HTML("")
    parts = [("bf_appendix_sources", {"n": figures(len(rows), lang), **_sources_count(rows, lang)}),
             _unsaid(rows, lang)]
    return HTML(f"{CSS}<p class='biomfg-section-text' lang='{lang}'>"
                f"{_sentences(parts, lang, plural=s.kind == 'platform_type')}</p>")


def appendix_on_slides(n: int, page: str, lang: str = "en") -> HTML:
    """A slide deck's last slide: where the appendix is (every figure with its quote is read, not presented).
    `n`: how many figures; `page`: the address of the briefing's page."""
    check_lang(lang)
    return HTML(f"<div class='biomfg-appendix-slide' lang='{lang}'><h2>{escape(t('bf_appendix', lang))}</h2>"
                f"<p>{escape(t('bf_appendix_slides', lang, n=fmt.plain(n)))}</p>"
                f"<p><a href='{escape(page)}'>{escape(t('bf_appendix_open', lang))}</a></p></div>")


def section(key: str, sentences: list[tuple[str, dict]], lang: str = "en", plural: bool = False) -> HTML:
    """A story section's heading and its two or three sentences."""
    check_lang(lang)
    return HTML(f"{CSS}<h2>{escape(t(key, lang))}</h2><p class='biomfg-section-text' lang='{lang}'>"
                f"{_sentences(sentences, lang, plural)}</p>")


# --- the story: each section's sentences ---------------------------------------------------------

SCALE_UNITS = (*model.MONEY, "percent", "fraction", "rank", "streak")


def _largest(rows: pd.DataFrame, lang: str, subject, key: str) -> list[tuple[str, dict]]:
    if rows.empty:
        return []
    top = rows.sort_values("value", ascending=False, kind="stable").iloc[0]
    return [(key, {"what": what(top, lang, subject), "value": _value(top, lang)})]


def story_scale(s: model.Subject, lang: str) -> list[tuple[str, dict]]:
    """Scale and standing: the subject's largest money figure (its own before a firm's or an industry's),
    a rank, the highest share; never how many figures there are."""
    rows = reported(s.figures)
    rows = rows[rows["unit"].isin(SCALE_UNITS)]
    if rows.empty:
        return [("bf_st_scale_none", {"name": subject_name(s, lang)})]
    out = []
    money = rows[rows["unit"].isin(model.MONEY)]
    if not money.empty:
        own = money[money["entity_id"] == s.own]
        top = _top_money(own if not own.empty else money)
        out.append(("bf_st_money", {"what": what(top, lang, None), "value": _is(_value(top, lang), lang)}))
    ranks = rows[rows["unit"] == "rank"]
    if not ranks.empty:
        out.append(_rank(ranks.iloc[0], lang, s.own))
    out += _largest(rows[rows["unit"] == "percent"], lang, s.own, "bf_st_largest_share")
    return out[:3] or _largest(rows, lang, s.own, "bf_st_largest_share")  # a fraction (2/3) is a share too


EN_ORDINALS = ("", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")


def _rank(row, lang: str, subject: str | None) -> tuple[str, dict]:
    """A place in a ranking as a sentence says it: en 'It ranks first in the national comprehensive
    evaluation of …' (the indicator 'rank in …' read as a verb, whose place it is as its subject); zh
    名次方面，全国经开区综合考评排名为第一 (the indicator as `what` names it, `who` empty)."""
    value, label = _value(row, lang), fmt.text(row["indicator_en"])
    if lang != "en":
        return ("bf_st_rank", {"who": "", "where": what(row, lang, subject), "value": value})
    if not label.lower().startswith("rank "):
        return ("bf_st_rank_other", {"what": what(row, lang, subject), "value": value})
    shown = fmt.fact(row, "en")
    place = re.fullmatch(r"(\d+)(st|nd|rd|th)", shown)
    if place and 0 < int(place[1]) < len(EN_ORDINALS):  # '1st' inside a sentence: 'first'
        value = EN_ORDINALS[int(place[1])] + value[len(shown):]
    who = "it" if row["entity_id"] == subject else in_sentence(row["entity_id"], lang)
    return ("bf_st_rank", {"who": who, "value": value, "where": label[len("rank "):]})


def gives_a_figure(sentences: list[tuple[str, dict]]) -> bool:
    """Whether a section's sentences give a figure from data/ (a field `value`), not only what the sources
    do not give or how many things they name."""
    return any(fields.get("value") for _, fields in sentences)


# sentences that say only what the sources do not give: page one's summary and targets box say it already
SAYS_NOTHING = frozenset({"bf_st_scale_none", "bf_no_targets_named", "bf_st_factors_none", "bf_st_figures_none",
                          "bf_st_places_none", "bf_scale_no_money", "bf_scale_nothing"})


def says_something(sentences: list[tuple[str, dict]]) -> list[tuple[str, dict]]:
    """A section's sentences that say something: a figure, or who carries the case (its chain, its firms, its
    places), or its latest step; [] when they say only what the sources do not give."""
    return [(k, f) for k, f in sentences if k not in SAYS_NOTHING]


def _range(rows: pd.DataFrame, lang: str) -> tuple[str, dict] | None:
    """Two figures of one entity, in one unit, that are the two ends of one measure (生产设施规模（下限）/
    （上限）; 'Process scale, smallest volume' / ', largest volume'): 'The process scale of … ranges from
    300 L to 75,000 L'. None if the rows hold no such pair."""
    for (entity, _unit), group in rows.groupby(["entity_id", "unit"], sort=False):
        if len(group) != 2:
            continue
        zh = {re.split(r"[（(]", fmt.text(x))[0] for x in group["indicator_zh"]}
        en = {fmt.text(x).split(",")[0] for x in group["indicator_en"]}
        if len(zh) != 1 or len(en) != 1:
            continue
        low, high = group.sort_values("value", kind="stable").iloc[[0, -1]].itertuples(index=False)
        low, high = low._asdict(), high._asdict()
        label = zh.pop() if lang == "zh" else en.pop()
        label = label[:1].lower() + label[1:] if lang == "en" and label[1:2].islower() else label
        return ("bf_st_range", {"what": t("bf_of", lang, what=label, who=in_sentence(entity, lang)),
                                "value": t("bf_range_value", lang, low=fmt.fact(low, lang), high=fmt.fact(high, lang))})
    return None


def chart_sentence(rows: pd.DataFrame, measure: str, lang: str, subject: str | None) -> list[tuple[str, dict]]:
    """What a section's chart shows: the range of one measure where its rows hold both ends of it, else
    what it compares and its largest figure (the rows it draws, in one measure)."""
    if rows is None or rows.empty:
        return []
    ends = _range(rows, lang)
    if ends is not None:
        return [ends]
    top = rows.sort_values("value", ascending=False, kind="stable").iloc[0]
    return [("bf_st_chart", {"measure": measure, "what": what(top, lang, subject), "value": _value(top, lang)})]


TIERS = ("upstream", "midstream", "downstream")
ROLE_ZH, ROLE_EN = 18, 60  # a role short enough to stand beside a name in a list (characters)


def _role(firm, lang: str, tier: str | None) -> str:
    """A firm's role as a list can carry it: its first clause, without the tier a sentence already says
    ('上游企业，' / 'upstream firm'); '' when it is long, holds a figure (a figure is said from facts.csv), or
    does not read as a phrase beside a name. Both languages decide together, so zh and en name the same."""
    zh, en = fmt.text(firm.get("role_zh")), fmt.text(firm.get("role_en"))
    if not zh or not en:
        return ""
    words = {"upstream": "上游", "midstream": "中游", "downstream": "下游"}
    parts = [p for p in re.split(r"[，；]", zh) if not (tier and words[tier] in p and p.endswith("企业"))]
    zh = parts[0] if parts else ""
    en = re.sub(r"^(an? |the )?(representative )?(upstream|midstream|downstream) firm[,;]?\s*", "", en)
    en = en.split(";")[0].strip()
    fits = (0 < len(zh) <= ROLE_ZH and 0 < len(en) <= ROLE_EN and not re.search(r"\d", zh + en)
            and not re.match(r"(通过|built|developed|closed|has )", zh if lang == "zh" else en))
    return (zh if lang == "zh" else en) if fits else ""


def _firm_list(firms: pd.DataFrame, lang: str, tier: str | None) -> str:
    """Firms in order, each with its short role; neighbours that share a role say it once, after the last."""
    groups: list[tuple[list[str], str]] = []
    for _, f in firms.iterrows():
        name, role = fmt.text(f[f"name_{lang}"]), _role(f, lang, tier)
        name = re.sub(r",? (Co\., )?Ltd\.$", "", name) if lang == "en" else name  # an editor drops 'Co., Ltd.' in a sentence
        if groups and groups[-1][1] == role and role:
            groups[-1][0].append(name)
        else:
            groups.append(([name], role))
    if len(groups) == 1 and groups[0][1] and tier:  # the whole tier shares it: after the list, as a clause
        return join(groups[0][0], lang) + t("bf_chain_shared", lang, role=groups[0][1])
    return join([join(names, lang) + (t("paren", lang, text=role) if role else "") for names, role in groups], lang)


# what a firm has reached that tells its scale (a capacity, an output), not a duration or a distance
FIRM_SCALE_UNITS = ("t", "L", "MW", "kW", "GW", "doses", "m2", "km2", "mu")
FIRMS_NAMED = 6  # a case without a chain: the firms a sentence names, in the sources' order


def story_capacity(s: model.Subject, lang: str) -> list[tuple[str, dict]]:
    """What carries the case: its industry chain where firms.csv gives tiers (upstream, midstream,
    downstream), else the firms the sources name in it with their roles; then a scale a named firm has
    reached (引航生物 万吨级). Never a count of what the sources name."""
    from ..model.cases import case_of_entity

    mine = {e for e, c in case_of_entity().items() if c == s.id}
    firms = data.table("firms")
    firms = firms[firms["firm_id"].isin(mine)]
    tiered = firms[firms["tier"].isin(TIERS)]
    out = []
    if not tiered.empty:
        links = [t(f"bf_chain_{tier}", lang, firms=_firm_list(tiered[tiered["tier"] == tier], lang, tier))
                 for tier in TIERS if (tiered["tier"] == tier).any()]
        out.append(("bf_st_chain", {"links": t("bf_chain_sep", lang).join(links)}))
        named = tiered
    elif not firms.empty:
        named = firms.head(FIRMS_NAMED)
        out.append(("bf_st_firms", {"name": subject_name(s, lang), "firms": _firm_list(named, lang, None)}))
    else:
        places = data.table("facilities")
        places = places[places["facility_id"].isin(mine)].head(FIRMS_NAMED)
        names = join([in_sentence(p, lang) for p in places["facility_id"]], lang)
        return [("bf_st_places", {"name": subject_name(s, lang), "places": names}) if names else
                ("bf_st_places_none", {"name": subject_name(s, lang)})]
    rows = reported(s.figures)
    rows = rows[rows["entity_id"].isin(named["firm_id"]) & rows["unit"].isin(FIRM_SCALE_UNITS)]
    for _, r in rows.iterrows():
        value = fmt.fact(r, lang)
        value = t("bf_the_class", lang, value=value) if fmt.text(r.get("qualifier")) == "class" else value
        out.append(("bf_st_firm_scale", {"who": entity_name(r["entity_id"], lang), "what": _label(r, lang), "value": value}))
        break
    return out


def story_plans(s: model.Subject, lang: str) -> list[tuple[str, dict]]:
    """Plans and targets: the case's plans by name, its targets, and its latest dated step."""
    plans = data.table("plans").query("region_id == @s.id")
    out = []
    name = subject_name(s, lang)
    if not plans.empty:
        titles = [in_sentence(p, lang) for p in plans["plan_id"]]
        # 《…》《…》: Chinese sets no 、 between titles in book marks
        names = "".join(titles) if lang == "zh" and all(x.startswith("《") for x in titles) else join(titles, lang)
        out.append(("bf_st_plans", {"name": name, "names": names}))
    targets = s.figures[s.figures["kind"] == "target"]
    out += _plans(s, lang)[:1] if not targets.empty else \
        [("bf_no_targets_named", {"name": name})]
    from ..model.cases import case_of_entity

    mine = {e for e, c in case_of_entity().items() if c == s.id}
    ev = data.table("events")
    ev = ev[ev["entity_id"].isin(mine) & ev["year"].notna()]
    if not ev.empty:
        last = in_date_order(ev).iloc[-1]
        out.append(("bf_st_latest", {"when": event_when(last, lang), "event": fmt.text(last[f"name_{lang}"])}))
    return out[:3]


def story_members(s: model.Subject, lang: str) -> list[tuple[str, dict]]:
    """The exemplars of a type (or all of them): how many, where, founded when."""
    members = data.platforms() if s.id is None else data.platforms().query("type_id == @s.id")
    founded = members.dropna(subset=["founded"]).sort_values("founded", kind="stable")
    out = [("bf_st_members", {"n": count(len(members), lang, "个", "exemplar"),
                              "countries": _countries(members["country_en"], members[f"country_{lang}"], lang)})]
    if not founded.empty:
        a, b = founded.iloc[0], founded.iloc[-1]
        out.append(("bf_st_founded", {"first": in_sentence(a["platform_id"], lang), "first_year": int(a["founded"]),
                                      "last": in_sentence(b["platform_id"], lang), "last_year": int(b["founded"])}))
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
    k, n = int(counts.iloc[0]), len(members)
    tied = [fmt.text(names.loc[f]) for f in counts.index[counts == k]]  # the most common may be several
    tied = [x[:1].lower() + x[1:] if lang == "en" and x[1:2].islower() else x for x in tied]
    fields = {"n": count(counts.size, lang, "条", "success factor"), "k": count(k, lang), "all": count(n, lang)}
    if len(tied) > 1:
        if lang == "zh":
            listed = join([f"“{x}”" for x in tied], lang)
        elif any("," in x for x in tied):  # names with commas of their own: a list by semicolons
            listed = "; ".join(tied[:-1]) + "; and " + tied[-1]
        else:
            listed = join(tied, lang)
        return [("bf_st_factors_tied", {**fields, "m": count(len(tied), lang, "条", "factor"), "top": listed})]
    return [("bf_st_factors_all" if k == n else "bf_st_factors", {**fields, "top": tied[0]})]


def story_figures(s: model.Subject, lang: str) -> list[tuple[str, dict]]:
    """What the figures say beyond money: the range of a measure where one exemplar gives both its ends
    (CPI's facilities, 300 L to 75,000 L). Never how many figures the sources give."""
    rows = reported(s.figures)
    ends = _range(rows[~rows["unit"].isin((*model.MONEY, "count"))], lang)
    # without one, a sentence that gives no figure: the section shows only its chart, or nothing
    return [ends] if ends is not None else [("bf_st_figures_none", {})]


def story_china(s: model.Subject, lang: str) -> list[tuple[str, dict]]:
    """China's standing: its highest share of the world (its scale is the summary's; never how many figures)."""
    rows = reported(s.figures[s.figures["entity_id"] == "china"])
    out = _largest(rows[rows["unit"] == "percent"], lang, "china", "bf_st_largest_share")
    return out or [("bf_st_scale_none", {"name": entity_name("china", lang)})]


def story_cases(s: model.Subject, lang: str) -> list[tuple[str, dict]]:
    from ..model.cases import case_of_entity, cases

    c = cases()
    per_case = data.facts()["entity_id"].map(case_of_entity()).value_counts()
    per_case = per_case[per_case.index.isin(c["region_id"])]
    most = per_case[per_case == per_case.max()].index if not per_case.empty else []  # a tie names them all
    names = c.set_index("region_id")[f"name_{lang}"]
    return [("bf_st_cases", {"n": count(len(c), lang, "个", "regional case"),
                             "top": join([str(names[r]) for r in most], lang)})]


# --- the appendix: a case's events, in date order ----------------------------------------------------

EN_MONTHS = ("", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December")


def _capital(text: str) -> str:
    """A label that starts a line starts with a capital ('Year not stated'); Chinese has no case."""
    return text[:1].upper() + text[1:]


def _span_end(e) -> str:
    """The last year of a range an event's quote states from its year ('2022 年至 2023 年', '2022—2023年');
    '' when it states none."""
    y = fmt.year(e, "en").split(" ")[0]
    if not y:
        return ""
    found = re.search(rf"{y}\s*年?\s*(?:至|到|—|–|-|－)+\s*(\d{{4}})\s*年", fmt.text(e.get("quote")))
    return found.group(1) if found and found.group(1) > y else ""


def event_when(e, lang: str) -> str:
    """When an event happened, as precisely as events.csv has it: its date (2023-08: '2023年8月' / 'August
    2023'; a day too where given), else its year ('2021年' / '2021'), marked where the quote does not state
    it; 'year not stated' without either."""
    check_lang(lang)
    y, *rest = fmt.text(e.get("date")).split("-")
    if not y:
        end = _span_end(e)
        if end:  # a range its quote states (2022 年至 2023 年): both ends, not the first alone
            return t("bf_event_span", lang, y=fmt.year(e, "en"), end=end)
        return year_in_sentence(e, lang) or t("tg_undated", lang)
    m = int(rest[0]) if rest else 0
    fields = {"y": y, "m": EN_MONTHS[m] if lang == "en" else m, "d": int(rest[1]) if len(rest) > 1 else 0}
    when = t("bf_event_day" if len(rest) > 1 else "bf_event_month" if rest else "bf_event_year", lang, **fields)
    return when + t("paren", lang, text=t("year_inferred", lang)) if fmt.year_inferred(e) else when


def in_date_order(events: pd.DataFrame) -> pd.DataFrame:
    """Events by date (year, then month and day where given; an event known only by its year before the
    dated ones of that year), those without a year last; ties in the sources' order."""
    date = events["date"].astype("string").fillna("")
    year = pd.to_numeric(events["year"], errors="coerce").astype(float)
    year = year.fillna(pd.to_numeric(date.str[:4], errors="coerce").astype(float))
    key = pd.DataFrame({"y": year.fillna(float("inf")),
                        "m": pd.to_numeric(date.str[5:7], errors="coerce").fillna(0),
                        "d": pd.to_numeric(date.str[8:10], errors="coerce").fillna(0)}, index=events.index)
    return events.loc[key.sort_values(["y", "m", "d"], kind="stable").index]


def events_list(events: pd.DataFrame, lang: str) -> str:
    """A case's events as a list, in date order, each with its date as precise as the data has it; the note
    on inferred years under it (not escaped: HTML)."""
    from .cards import colon

    if events.empty:
        return f"<p class='src'>{escape(t('rg_card_none', lang))}</p>"
    items = "".join(f"<li>{escape(_capital(event_when(e, lang)))}{colon(lang)}{escape(fmt.text(e[f'name_{lang}']))}</li>"
                    for _, e in in_date_order(events).iterrows())
    note = fmt.inferred_note(events, lang)
    return f"<ul>{items}</ul>" + (f"<p class='src'>{escape(note)}</p>" if note else "")


def case_lists(region_id: str, lang: str = "en") -> HTML:
    """A case's firms, projects and organisations, products and events for a briefing's appendix: the case
    card (prose.regions.region_card, without its figures, which the appendix lists with their quotes) with
    its events in date order and dated to the month where the data has it."""
    from ..model.cases import case_of_entity
    from . import cards, regions

    card = str(regions.region_card(region_id, lang, with_facts=False))
    mine = {e for e, c in case_of_entity().items() if c == region_id}
    ev = data.table("events")
    head = f"<h4>{escape(t('rg_card_events', lang))}</h4>"
    before, found, rest = card.partition(head)
    end = rest.rfind("<div class='src'>")  # the card's own source line closes it
    if not found or end < 0:
        raise ValueError(f"the case card of {region_id!r} has no events section followed by its source line")
    return HTML(cards.page(before + head + events_list(ev[ev["entity_id"].isin(mine)], lang) + rest[end:]))
