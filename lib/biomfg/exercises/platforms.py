"""Exercises of 02-04: the three platform types (technology innovation, pilot scale-up, incubation)."""

from __future__ import annotations

from html import escape

from .. import data
from ..i18n import t
from ..model import finder
from ..model.barriers import platform_traits
from ..prose.platforms import finder_label
from .barriers import factor_question, trait_question, type_question
from .base import OpenQuestion, Question, register, register_discussion, register_open
from .judges import code_solution, number_judge, pick_judge
from .lettered import Choice, lettered, row_choices
from .reasoning import comparison


def _abf_funding() -> float:
    return float(data.facts("abf", "annual_funding")["value"].iloc[0])


def _largest_volume() -> float:
    v = finder.volume_facts()
    return float(v["value"].max())


register("02-q1", Question(
    "ex_02_q1",
    _abf_funding,
    number_judge("USD", "ex_02_q1_hint", scales=(1e6, 1e4)),
    code_solution("data.facts('abf', 'annual_funding')[['value', 'unit', 'quote']]", _abf_funding),
    kind="lookup", marking="ex_02_q1_marking"))

register("02-q2", Question(
    "ex_02_q2",
    _largest_volume,
    number_judge("L", "ex_02_q2_hint",
                 scales=(1e3, 1e4)),
    code_solution("model.finder.volume_facts()['value'].max()", _largest_volume),
    kind="lookup", marking="ex_02_q2_marking"))

# 02-q3: NREL's investment beside SynbiCITE's, two panels of the funding chart: why apart?
register("02-q3", comparison("ex_02_q3", "h1-005", "h1-030", marking="ex_02_q3_marking"))

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
    number_judge("count", "ex_03_q1_hint"),
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

# 03-q5: Pilots4U's countries beside BioMADE's states: why is that no measure of size?
register("03-q5", comparison("ex_03_q5", "h1-023", "h1-021", extra="ex_03_q5_extra", marking="ex_03_q5_marking"))

register_open("03", OpenQuestion("ex_03_open", "ex_03_open_model", "ex_03_open_marking"))
register_discussion("03", "ex_03_discuss_1", "ex_03_discuss_2", "ex_03_discuss_3")


# --- 04_incubation_platforms --------------------------------------------------------------------
def _indiebio_months() -> float:
    return float(data.facts("indiebio", "programme_duration")["value"].iloc[0])


def _first_incubator() -> str:
    p = data.platforms()
    p = p[p["type_id"] == "industry_incubation"]
    return p.loc[p["founded"].idxmin(), "platform_id"]


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


# option -> (its words, why it is wrong)
_LAUNCHED = {"most_rows": ("ex_04_q5_most_rows", "ex_04_q5_no_most_rows"),
             "examples": ("ex_04_q5_examples", None),
             "fields": ("ex_04_q5_fields", "ex_04_q5_no_fields")}


register("04-q1", Question(
    "ex_04_q1",
    _indiebio_months,
    number_judge("months", "ex_04_q1_hint"),
    code_solution("data.facts('indiebio', 'programme_duration')[['value', 'unit', 'quote']]", _indiebio_months),
    kind="lookup", marking="ex_04_q1_marking"))

register("04-q2", Question(
    "ex_04_q2",
    _first_incubator,
    pick_judge("platforms", "platform_id", "ex_04_q2_hint"),
    code_solution("p = data.platforms()\np = p[p.type_id == 'industry_incubation']\np.loc[p.founded.idxmin(), 'name_en']",
                  _first_incubator, named=("platforms", "platform_id")),
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
    "ex_04_q5", lambda: [Choice(k, lambda lang, k=k: t(_LAUNCHED[k][0], lang)) for k in _LAUNCHED],
    _launched_named_as_examples, lambda lang: t("ex_04_q5_why", lang),
    lambda key, lang: t(_LAUNCHED[key][1], lang), marking="ex_04_q5_marking",
    code="pf = data.table('platform_firms')\npf[['platform_id', 'firm_id', 'quote']]"))

register_open("04", OpenQuestion("ex_04_open", "ex_04_open_model", "ex_04_open_marking"))
register_discussion("04", "ex_04_discuss_1", "ex_04_discuss_2", "ex_04_discuss_3")
