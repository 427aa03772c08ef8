"""Exercises of 02-04: the three platform types (technology innovation, pilot scale-up, incubation)."""

from __future__ import annotations

from html import escape

from .. import data, fmt
from ..i18n import t
from ..model import finder
from ..model.barriers import platform_traits
from ..model.names import resolve
from ..prose.base import entity_name
from ..prose.platforms import finder_label
from .barriers import factor_question, trait_question, type_question
from .base import OpenQuestion, Question, register, register_discussion, register_open
from .judges import choices, code_solution, in_sentence, number_judge, pick_judge, read_number, unclear
from .lettered import Choice, lettered, named, row_choices
from .reasoning import comparison


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(abs(a), abs(b), 1)


def _abf_funding() -> float:
    return float(data.facts("abf", "annual_funding")["value"].iloc[0])


def _abf_grants():
    """The amounts ABF's funding schemes give a single project (facts of its child facilities, in USD)."""
    fac = data.table("facilities")
    schemes = fac.loc[fac["parent_id"] == "abf", "facility_id"]
    f = data.facts()
    return f[f["entity_id"].isin(schemes) & (f["unit"] == "USD")]


_abf_number = number_judge("USD", "ex_02_q1_hint", scales=(1e6, 1e4))


def _abf_judge(given, right, lang):
    """A grant one project receives (ABF's seed or full funding) is told apart from ABF's own annual funding."""
    value = read_number(given, "USD")
    if value is not None and not _same(value, right):
        for _, r in _abf_grants().iterrows():
            if _same(value, float(r["value"])):
                return False, t("ex_02_q1_grant", lang, amount=escape(fmt.fact(r, lang)),
                                scheme=escape(entity_name(r["entity_id"], lang)))
    return _abf_number(given, right, lang)


def _largest_volume() -> float:
    v = finder.volume_facts()
    return float(v["value"].max())


register("02-q1", Question(
    "ex_02_q1",
    _abf_funding,
    _abf_judge,
    code_solution("data.facts('abf', 'annual_funding')[['value', 'unit', 'quote']]", _abf_funding),
    kind="lookup", marking="ex_02_q1_marking"))

register("02-q2", Question(
    "ex_02_q2",
    _largest_volume,
    number_judge("L", "ex_02_q2_hint",
                 scales=(1e3, 1e4)),
    code_solution("model.finder.volume_facts()['value'].max()", _largest_volume),
    kind="lookup", marking="ex_02_q2_marking"))

# 02-q3: NREL's investment beside SynbiCITE's, two panels of the funding chart: why apart? The two also differ in
# kind (an equipment upgrade paid by NREL, co-investment SynbiCITE raised), so 'they measure different things' is
# no option: it would be right too. The reply says so (ex_02_q3_extra)
register("02-q3", comparison("ex_02_q3", "h1-005", "h1-030", reasons=("currency", "year", "target"),
                             extra="ex_02_q3_extra", marking="ex_02_q3_marking"))

# 02-q4: a platform losing its engineers: which core function is it failing?
register("02-q4", trait_question(
    "ex_02_q4", "technology_innovation", "core_function", "tf_talent_reserve", "ex_02_q4_why",
    {"tf_process_innovation": "ex_02_q4_no_process", "tf_industry_academia_research_linkage": "ex_02_q4_no_linkage"},
    marking="ex_02_q4_marking"))

# 02-q5: DTU Biosustain's records and data science: which success factor?
register("02-q5", factor_question(
    "ex_02_q5", "dtu_biosustain", ["full_service", "data_driven_management", "alliance_network", "seed_funding"],
    {"full_service": "ex_02_q5_no_service", "alliance_network": "ex_02_q5_no_alliance", "seed_funding": "ex_02_q5_no_seed"},
    marking="ex_02_q5_marking"))

register_open("02", OpenQuestion("ex_02_open", "ex_02_open_model", "ex_02_open_marking"))
register_discussion("02", "ex_02_discuss_1", "ex_02_discuss_2", "ex_02_discuss_3")


# --- 03_pilot_scale_platforms -----------------------------------------------------------------
def _assets() -> float:
    return float(data.facts("pilots4u_database", "asset_count")["value"].iloc[0])


_assets_number = number_judge("count", "ex_03_q1_hint", scales=(10, 0.1))


def _assets_judge(given, right, lang):
    """Another count of the same database (its countries, its organisations) is named; a number about ten
    times too small or too large is told so."""
    value = read_number(given, "count")
    if value is not None and value > 0 and not _same(value, right) \
            and not any(_same(value * s, right) for s in (10, 0.1)):
        others = data.facts("pilots4u_database")
        for _, r in others[(others["indicator"] != "asset_count") & (others["unit"] == "count")].iterrows():
            if _same(value, float(r["value"])):
                return False, t("ex_03_q1_other", lang, value=escape(fmt.fact(r, lang)),
                                what=escape(in_sentence(str(r[f"indicator_{lang}"]), lang)))
        if 1 / 20 <= value / right <= 1 / 5:
            return False, t("ex_03_q1_too_small", lang)
        if 5 <= value / right <= 20:
            return False, t("ex_03_q1_too_large", lang)
    return _assets_number(given, right, lang)


def _model_gap(trait_id: str) -> str:
    """The gap in China the article ties to a pilot platform's operating model (platform_traits.csv)."""
    return str(platform_traits("pilot_scale", "operating_model").set_index("trait_id").loc[trait_id, "gap_id"])


def _model_of_gap(gap_id: str, lang: str) -> str:
    tr = platform_traits("pilot_scale", "operating_model")
    return escape(str(tr.loc[tr["gap_id"] == gap_id, f"name_{lang}"].iloc[0]))


def _gap_barrier(gap_id: str, lang: str) -> str:
    barrier = data.table("gaps").set_index("gap_id").loc[gap_id, "barrier_id"]
    return escape(str(data.table("barriers").set_index("barrier_id").loc[barrier, f"name_{lang}"]))


_MODEL_GAPS = ["gap_pilot_private_closed", "gap_pilot_public_inefficient", "gap_incubator_scarcity"]


def _model_gap_wrong(gap_id: str, lang: str) -> str:
    if gap_id == "gap_incubator_scarcity":
        return t("ex_03_q2_no_incubator", lang, barrier=_gap_barrier(gap_id, lang))
    return t("ex_03_q2_no_other_model", lang, model=_model_of_gap(gap_id, lang))


def _top_scale_up_na() -> str:
    return finder.find(stage="scale_up", region="north_america")[0].platform_id


register("03-q1", Question(
    "ex_03_q1",
    _assets,
    _assets_judge,
    code_solution("data.facts('pilots4u_database', 'asset_count')[['value', 'quote']]", _assets),
    kind="lookup", marking="ex_03_q1_marking"))

# 03-q2: a firm's own profit-making pilot plant: which of China's gaps does the article tie to the model?
register("03-q2", lettered(
    "ex_03_q2", row_choices("gaps", "gap_id", _MODEL_GAPS), lambda: _model_gap("po_for_profit"),
    lambda lang: t("ex_03_q2_why", lang, model=_model_of_gap(_model_gap("po_for_profit"), lang)),
    _model_gap_wrong, marking="ex_03_q2_marking",
    code="tr = model.barriers.platform_traits('pilot_scale', 'operating_model')\ntr[['name_en', 'gap_id']]"))

register("03-q3", Question(
    "ex_03_q3",
    _top_scale_up_na,
    pick_judge("platforms", "platform_id", lambda lang: t(
        "ex_03_q3_hint", lang, stage=finder_label("scale_up", lang), region=finder_label("north_america", lang),
        any=finder_label("any", lang))),
    code_solution("model.finder.find(stage='scale_up', region='north_america')[0].platform_id",
                  _top_scale_up_na, named=("platforms", "platform_id")),
    kind="lookup", marking="ex_03_q3_marking"))

# 03-q4: fermenters and money, but no experts and nothing shared: which key element is missing?
register("03-q4", trait_question(
    "ex_03_q4", "pilot_scale", "key_element", "pe_expert_team_shared_resources", "ex_03_q4_why",
    {"pe_advanced_facilities": "ex_03_q4_no_facilities", "pe_government_support": "ex_03_q4_no_government"},
    marking="ex_03_q4_marking"))

# 03-q5: Pilots4U's countries beside BioMADE's states: why is that no measure of size? BioMADE's states are where
# its building plans reach, not sites built: the target option gets its own reply (ex_03_q5_no_target)
register("03-q5", comparison("ex_03_q5", "h1-023", "h1-021", extra="ex_03_q5_extra", marking="ex_03_q5_marking",
                             own={"target": "ex_03_q5_no_target"}))

register_open("03", OpenQuestion("ex_03_open", "ex_03_open_model", "ex_03_open_marking"))
register_discussion("03", "ex_03_discuss_1", "ex_03_discuss_2", "ex_03_discuss_3")


# --- 04_incubation_platforms --------------------------------------------------------------------
def _indiebio_months() -> float:
    return float(data.facts("indiebio", "programme_duration")["value"].iloc[0])


def _incubators() -> list[str]:
    p = data.platforms()
    return list(p.loc[p["type_id"] == "industry_incubation", "platform_id"])


def _credited_count(factor_id: str) -> int:
    """How many incubators the source credits with a success factor (platform_factors.csv)."""
    pf = data.table("platform_factors")
    return int(pf.loc[pf["platform_id"].isin(_incubators()) & (pf["factor_id"] == factor_id), "platform_id"].nunique())


def _every_incubator_factor() -> str:
    """The one success factor the source credits to every incubator (the full row of 04's success matrix)."""
    full = [f for f in data.table("success_factors")["factor_id"] if _credited_count(f) == len(_incubators())]
    if len(full) != 1:
        raise data.DataError(f"platform_factors.csv: {len(full)} success factors are credited to every incubator, not one")
    return full[0]


def _every_judge(given, right, lang):
    sf = data.table("success_factors")
    m = resolve(given, sf, "factor_id", partial=True)
    if m.id is None:
        return False, unclear(given, sf, "factor_id", lang) or t(
            "ex_pick_unknown", lang, given=escape(str(given)), valid=escape(choices(sf, lang)))
    name = escape(str(sf.set_index("factor_id").loc[m.id, f"name_{lang}"]))
    if m.id == right:
        return True, t("ex_04_q2_right", lang, name=name, n=fmt.count(len(_incubators()), "个", lang))
    return False, t("ex_04_q2_wrong", lang, name=name, k=fmt.count(_credited_count(m.id), "个", lang),
                    n=fmt.count(len(_incubators()), "个", lang))


EXAMPLE_MARKERS = ("如", "等")  # 如 (such as), 等 (and others): the article names firms as examples


def _launched_named_as_examples() -> str:
    """'examples' when the article introduces every incubator's list of firms with 如 or 等 (one of its quotes
    says so; a list's later quotes are fragments of the same sentence) and no fact counts the firms an
    incubator launched; the question's premise fails otherwise."""
    pf = data.table("platform_firms")
    incubators = set(data.platforms().query("type_id == 'industry_incubation'")["platform_id"])
    rows = pf[pf["platform_id"].isin(incubators) & (pf["relation"] == "incubated")]
    counted = data.facts()
    counted = counted[counted["entity_id"].isin(incubators) & counted["indicator"].str.contains("incubated")]
    marked = rows.groupby("platform_id")["quote"].agg(lambda qs: any(m in q for q in qs for m in EXAMPLE_MARKERS))
    if rows.empty or not counted.empty or not marked.all():
        raise data.DataError("platform_firms.csv: the incubated firms are no longer all named as examples (如, 等)")
    return "examples"


def _without_examples(lang: str) -> str:
    """The incubators for which the article names no launched firm, joined ('' if it names some for each)."""
    pf = data.table("platform_firms")
    named = set(pf.loc[pf["relation"] == "incubated", "platform_id"])
    p = data.platforms().set_index("platform_id")
    return t("list_sep", lang).join(str(p.loc[i, f"name_{lang}"]) for i in _incubators() if i not in named)


def _launched_label(key: str, lang: str) -> str:
    if key != "examples":
        return t(_LAUNCHED[key][0], lang)
    none = _without_examples(lang)
    return t("ex_04_q5_examples", lang, none=none) if none else t("ex_04_q5_examples_each", lang)


# option -> (its words, why it is wrong); the examples' words name the incubators with none (_launched_label)
_LAUNCHED = {"most_rows": ("ex_04_q5_most_rows", "ex_04_q5_no_most_rows"),
             "examples": ("ex_04_q5_examples", None),
             "fields": ("ex_04_q5_fields", "ex_04_q5_no_fields")}


register("04-q1", Question(
    "ex_04_q1",
    _indiebio_months,
    number_judge("months", "ex_04_q1_hint"),
    code_solution("data.facts('indiebio', 'programme_duration')[['value', 'unit', 'quote']]", _indiebio_months),
    kind="lookup", marking="ex_04_q1_marking"))

# 04-q2: the row of the success matrix filled for every incubator (it used to ask which incubator was founded
# first, the same answer as 00-q2)
register("04-q2", Question(
    "ex_04_q2",
    _every_incubator_factor,
    _every_judge,
    code_solution("p = data.platforms()\nincubators = p.loc[p.type_id == 'industry_incubation', 'platform_id']\n"
                  "pf = data.table('platform_factors')\n"
                  "pf[pf.platform_id.isin(incubators)].groupby('factor_id').platform_id.nunique()",
                  _every_incubator_factor, named=("success_factors", "factor_id")),
    kind="lookup", marking="ex_04_q2_marking"))

# 04-q3: IndieBio's batches, mentors and investor day: which success factor?
register("04-q3", factor_question(
    "ex_04_q3", "indiebio",
    ["government_or_foundation_funding", "startup_acceleration", "governance_ip", "data_driven_management"],
    {"government_or_foundation_funding": "ex_04_q3_no_government", "governance_ip": "ex_04_q3_no_governance",
     "data_driven_management": "ex_04_q3_no_data"},
    marking="ex_04_q3_marking"))

# 04-q4: a start-up at an incubator's door whose investors wait for a scale-up run: which type first?
register("04-q4", type_question(
    "ex_04_q4", "valley_of_death", "ex_04_q4_why",
    {"technology_innovation": "ex_04_q4_no_tech", "industry_incubation": "ex_04_q4_no_incubation"},
    marking="ex_04_q4_marking"))

# 04-q5: more firms in the table for one incubator: did it launch the most?
register("04-q5", lettered(
    "ex_04_q5", lambda: [Choice(k, lambda lang, k=k: _launched_label(k, lang), names=named(_LAUNCHED[k][0])) for k in _LAUNCHED],
    _launched_named_as_examples, lambda lang: t("ex_04_q5_why", lang),
    lambda key, lang: t(_LAUNCHED[key][1], lang), marking="ex_04_q5_marking",
    code="pf = data.table('platform_firms')\npf[['platform_id', 'firm_id', 'quote']]"))

register_open("04", OpenQuestion("ex_04_open", "ex_04_open_model", "ex_04_open_marking"))
register_discussion("04", "ex_04_discuss_1", "ex_04_discuss_2", "ex_04_discuss_3")
