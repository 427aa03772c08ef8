"""Issue 17, notebooks 06-10: exercises that make students think.

Every exercise of 06-10: its computed answer is accepted in both languages; a lettered question takes the
letter in any form or the option's words and gives each wrong option its own reason; an estimate accepts
answers within its tolerance, states its assumption and names the slips it recognises; no reply names an id;
what every lesson's exercises section holds is in test_exercises_shape.py. 09-q1 no longer ranks investment
totals of different kinds. The editors' findings on 06-10 are pinned at the end. The answers are computed from
data/ (facts.csv, regional_platforms.csv, recommendation_links.csv): changing a row changes the answer.
"""

from __future__ import annotations

import html
import re
from itertools import combinations

import pytest

from biomfg import data, exercises, i18n, model
from biomfg.exercises import reasoning
from biomfg.exercises.base import LETTERS

from conftest import edit_table

LANGS = ("en", "zh")
LESSONS = ("06", "07", "08", "09", "10")
QIDS = [q for q in exercises.QUESTIONS if q[:2] in LESSONS]
CHOICE = [q for q in QIDS if exercises.QUESTIONS[q].options is not None]
SNAKE = re.compile(r"(?<![A-Za-z0-9_.\-/])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![A-Za-z0-9_.\-/])")


@pytest.fixture(autouse=True)
def _fresh_data():
    data.clear_cache()
    yield
    data.clear_cache()


def _ok(qid, given, lang="en") -> bool:
    return "biomfg-check ok" in exercises.check(qid, given, lang).data


def _reply(qid, given, lang="en") -> str:
    """What the checker says, as text (markup, styles and code blocks left out)."""
    text = exercises.check(qid, given, lang).data
    text = re.sub(r"<style.*?</style>|<pre>.*?</pre>", " ", text, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", text))


def _options(qid, lang) -> list[str]:
    return [html.unescape(o) for o in exercises.QUESTIONS[qid].options(lang)]


def _accepted(qid):
    """An answer the check accepts, from the computed one: a letter, a number, an id; one of a set of right
    answers; for the policy mix, the smallest mix itself (the computed answer is its size)."""
    right = exercises.QUESTIONS[qid].answer()
    if isinstance(right, tuple):
        return right[0]
    if qid == "10-q3":
        ids = model.policy.recommendation_ids()
        barriers = set(data.table("barriers")["barrier_id"])
        return next(dict.fromkeys(c, 1) for c in combinations(ids, right)
                    if barriers <= set(model.policy.mix(dict.fromkeys(c, 1)).covered))
    return right


# --- what each notebook has --------------------------------------------------------------------------


def test_the_kinds_are_honest():
    """Reading one figure or name off a table is a look-up, however it is worded; what remains a look-up here."""
    lookups = {q for q in QIDS if exercises.QUESTIONS[q].kind == "lookup"}
    assert lookups == {"06-q1", "06-q2", "07-q1", "07-q2", "08-q2", "08-q3", "09-q2", "09-q3", "10-q1", "10-q2"}


# --- every exercise, checked -------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("qid", QIDS)
def test_the_computed_answer_is_accepted(qid, lang):
    given = _accepted(qid)
    assert _ok(qid, given, lang), _reply(qid, given, lang)
    assert "<details" in exercises.solution(qid, lang).data


@pytest.mark.parametrize("qid", [q for q in QIDS if isinstance(exercises.QUESTIONS[q].answer(), str)
                                 and exercises.QUESTIONS[q].options is None])
def test_an_answer_that_is_a_row_is_accepted_by_its_name_in_either_language(qid):
    names = data.entity_names().drop_duplicates("entity_id").set_index("entity_id")
    right = exercises.QUESTIONS[qid].answer()
    for lang in LANGS:
        for col in ("name_en", "name_zh"):
            assert _ok(qid, names.loc[right, col], lang), (qid, lang, col)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("qid", QIDS)
def test_no_reply_names_an_id(qid, lang):
    q = exercises.QUESTIONS[qid]
    givens = [_accepted(qid), "nonsense", "", 0, 25, 16, 8.7, 69, "12.5%"]
    if q.options is not None:
        givens += list(LETTERS[:len(q.options(lang))])
    texts = [_reply(qid, g, lang) for g in givens]
    texts += [html.unescape(re.sub(r"<pre>.*?</pre>|<[^>]+>", " ", exercises.solution(qid, lang).data, flags=re.S)),
              html.unescape(re.sub(r"<[^>]+>", " ", exercises.ask(qid, lang).data))]
    for text in texts:
        assert not SNAKE.search(text), (qid, lang, text)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("qid", CHOICE)
def test_each_wrong_option_gets_its_own_reason(qid, lang):
    right = exercises.QUESTIONS[qid].answer()
    letters = LETTERS[:len(_options(qid, lang))]
    assert right in letters and 3 <= len(letters) <= 4
    wrong = {x: _reply(qid, x, lang) for x in letters if x != right}
    assert not any(_ok(qid, x, lang) for x in wrong)
    reasons = [text.split("：" if lang == "zh" else ": ", 1)[1].strip() for text in wrong.values()]
    assert len(set(reasons)) == len(reasons), wrong  # a different reply for each wrong choice
    assert all(r not in _reply(qid, right, lang) for r in reasons)
    if lang == "zh":
        assert not any(re.search(r"[A-Za-z]{3,} [a-z]{3,}", r) for r in reasons), reasons  # no English sentence


@pytest.mark.parametrize("qid", CHOICE)
def test_a_choice_is_taken_as_a_letter_in_any_form_or_as_its_words(qid):
    right = exercises.QUESTIONS[qid].answer()
    index = LETTERS.index(right)
    full_width = chr(ord("Ａ") + index)
    for form in (right, right.lower(), full_width, f"({right})", f"（{right}）", f"{right}.", f"选{right}"):
        assert _ok(qid, form) and _ok(qid, form, "zh"), form
    for lang in LANGS:
        words = _options(qid, lang)[index]
        assert _ok(qid, words, "en") and _ok(qid, words, "zh"), (lang, words)
        assert html.escape(words) in exercises.ask(qid, lang).data  # ask() lists the options, lettered


def test_a_recommendation_is_also_taken_by_its_number_and_a_barrier_by_its_name():
    assert _ok("10-q4", "5") and _ok("10-q4", "生态构建", "zh") and not _ok("10-q4", "4")
    assert _ok("10-q5", "innovation leadership") and not _ok("10-q5", "6")
    assert _ok("07-q4", "valley of death") and _ok("07-q4", "死亡谷", "zh") and not _ok("07-q4", "断桥", "zh")


# --- the answers come from data/ --------------------------------------------------------------------

COMPARISONS = {  # question: the two facts it sets side by side, and the one reason the rows give
    "06-q4": (("suzhou_sip", "gdp"), ("sip_emerging_industries", "output_value"), "measure"),
    "08-q1": (("xtalpi", "crystal_form_confirmation_duration"),
              ("traditional_new_drug_development", "drug_development_duration"), "measure"),
    "09-q1": (("zhaoqing_nev_projects_since_2023", "total_investment"),
              ("xiangyang_groundbreaking_projects", "total_investment"), "scope"),
}


def _row(entity, indicator, year=None):
    f = data.facts(entity, indicator)
    f = f[f["year"].isna()] if year == "none" else f[f["year"] == year] if year else f
    return f.iloc[0]


@pytest.mark.parametrize("qid", COMPARISONS)
def test_each_comparison_has_exactly_one_reason_in_the_data(qid):
    a, b, reason = COMPARISONS[qid]
    assert reasoning.differences(_row(*a), _row(*b)) == {reason}
    keys = [o.key for o in _option_objects(qid)]
    assert exercises.QUESTIONS[qid].answer() == LETTERS[keys.index(reason)]


def test_a_cumulative_count_against_one_years_is_a_difference_of_period():
    a, b = _row("shanghai_zhangjiang", "class1_new_drug_approval_count", "none"), \
        _row("shanghai_zhangjiang", "class1_new_drug_approval_count", 2024)
    assert reasoning.differences(a, b) == {"to_date"}
    assert reasoning.the_reason(a, b, among=reasoning.OWN_OPTIONS) == "period"
    assert exercises.QUESTIONS["08-q4"].answer() == "D"


def _option_objects(qid):
    """The Choice objects behind a reasoning choice question (the module's own option list)."""
    from biomfg.exercises import regions, sip, zhangjiang

    return {"06-q4": sip._reason_options, "08-q1": zhangjiang._ai_options,
            "09-q1": regions._invest_options}[qid]()


def test_the_reasons_read_the_rows():
    base = {"fact_id": "x", "entity_id": "a", "indicator": "output_value", "unit": "CNY", "year": 2023, "kind": "actual"}
    own = reasoning.OWN_OPTIONS  # the reasons as 06-09's own options read them
    assert reasoning.differences(base, {**base, "unit": "USD"}) == {"currency"}
    assert reasoning.the_reason(base, {**base, "unit": "USD"}, among=own) == "unit"
    assert reasoning.differences(base, {**base, "unit": "count"}) == {"unit"}
    assert reasoning.the_reason(base, {**base, "unit": "count"}, among=own) == "unit"
    assert reasoning.differences(base, {**base, "kind": "target", "year": 2023}) == {"kind"}
    assert reasoning.differences(base, {**base, "year": 2020}) == {"year"}
    assert reasoning.the_reason(base, {**base, "year": 2020}, among=own) == "period"
    assert reasoning.differences(base, {**base, "year": float("nan")}) == {"to_date"}  # a year against to date
    assert reasoning.the_reason(base, {**base, "year": float("nan")}, among=own) == "period"
    assert reasoning.differences(base, {**base, "indicator": "gdp"}) == {"measure"}
    weeks = {**base, "unit": "weeks"}
    assert reasoning.differences(weeks, {**weeks, "unit": "years"}) == set()  # time units convert exactly
    with pytest.raises(data.DataError, match="x and x differ by nothing"):
        reasoning.the_reason(base, base)


def test_09_q1_no_longer_ranks_totals_of_different_kinds():
    """It used to ask which park states the largest investment; the totals count different things, so it now
    asks why they cannot be ranked, and a park's name is not an answer."""
    q = exercises.QUESTIONS["09-q1"]
    assert q.kind == "reason" and q.options is not None
    zq = _row("zhaoqing_nev_projects_since_2023", "total_investment")
    xy = _row("xiangyang_groundbreaking_projects", "total_investment")
    assert reasoning.differences(zq, xy)  # not comparable as they stand
    # the trap: they look comparable (one currency, neither a target), though Zhaoqing's is planned (an estimate)
    assert zq["unit"] == xy["unit"] and "target" not in (zq["kind"], xy["kind"])
    for lang in LANGS:
        asked = i18n.t(q.prompt, lang)
        assert ("largest" not in asked) and ("最大" not in asked) and ("Why" in asked or "为什么" in asked)
    for name in ("Zhaoqing Hi-tech Zone", "肇庆高新区", "Fujian Three Gorges Offshore Wind Power International Industrial Park"):
        assert not _ok("09-q1", name)
    assert "33" in _reply("09-q1", "B") and "7" in _reply("09-q1", "B")  # each total's own set of projects
    assert "planned" in _reply("09-q1", "B") and "计划投资" in _reply("09-q1", "B", "zh")
    # the running total's period, as its quote states it (2023年至今), not "the period the report covers"
    assert "since 2023" in _reply("09-q1", "B") and "2023年至今累计引进" in _reply("09-q1", "B", "zh")
    assert "period the report covers" not in _reply("09-q1", "B") and "报道所涉期间" not in _reply("09-q1", "B", "zh")
    # neither is a target, because both are planned or announced (Zhaoqing's is 计划投资总额), not results
    assert "planned or announced" in _reply("09-q1", "D") and "计划或宣布" in _reply("09-q1", "D", "zh")


def test_09_q1_reads_the_period_from_the_quote(data_copy, monkeypatch):
    edit_table(data_copy, "facts", lambda r: {**r, "quote": r["quote"].replace("2023年至今", "2022年至今")}
          if r["fact_id"] == "h4-023" else r)
    monkeypatch.setenv("BIOMFG_DATA", str(data_copy))
    data.clear_cache()
    assert "since 2022" in _reply("09-q1", "B")
    edit_table(data_copy, "facts", lambda r: {**r, "quote": r["quote"].replace("2022年至今 … ", "")}
          if r["fact_id"] == "h4-023" else r)
    data.clear_cache()
    with pytest.raises(data.DataError, match="h4-023 does not say since when"):
        _reply("09-q1", "B")


BARRIER_QUESTIONS = {"07-q4": "ex_hz_synbio_pilot_base", "08-q5": "ex_zj_yaogu_incubator",
                     "09-q5": "ex_hetao_gba_ntic_hq"}


@pytest.mark.parametrize("qid", BARRIER_QUESTIONS)
def test_barrier_answers_follow_regional_platforms_csv(qid):
    row = data.table("regional_platforms").set_index("example_id").loc[BARRIER_QUESTIONS[qid]]
    barriers = list(data.table("barriers")["barrier_id"])
    assert exercises.QUESTIONS[qid].answer() == LETTERS[barriers.index(row["barrier_id"])]
    for lang in LANGS:  # a wrong barrier says where that barrier lies
        wrong = next(x for x in "ABC" if x != exercises.QUESTIONS[qid].answer())
        lies = i18n.t(f"ex_barrier_lies_{barriers[LETTERS.index(wrong)]}", lang)
        assert lies in _reply(qid, wrong, lang)


def test_the_scheme_at_the_valley_of_death_follows_regional_platforms_csv():
    schemes = ("ex_sip_poc_fund", "ex_sip_interventional_consortium", "ex_sip_poc_pilot_platforms")
    rp = data.table("regional_platforms").set_index("example_id")
    at = [e for e in schemes if rp.loc[e, "barrier_id"] == "valley_of_death"]
    assert len(at) == 1 and exercises.QUESTIONS["06-q3"].answer() == "C"
    assert "broken bridge" in _reply("06-q3", "A") and "Darwinian sea" in _reply("06-q3", "B")
    assert "断桥" in _reply("06-q3", "A", "zh") and "达尔文死海" in _reply("06-q3", "B", "zh")
    # the options say what each scheme does, not its name, so "pilot" (中试) in a name gives nothing away;
    # each reply names the scheme, the scheme's name is accepted too, and the planned one is called planned
    for lang, pilot in (("en", "pilot"), ("zh", "中试")):
        options = _options("06-q3", lang)
        assert not any(pilot in o.lower() for o in options), options
        for letter, e in zip("ABC", schemes, strict=True):
            assert rp.loc[e, f"name_{lang}"] in _reply("06-q3", letter, lang)
            assert _ok("06-q3", rp.loc[e, f"name_{lang}"], lang) == (letter == "C")
    assert "planned" in i18n.t("ex_06_q3", "en") and "计划" in i18n.t("ex_06_q3", "zh")
    assert "only planned" in _reply("06-q3", "C") and "计划建设" in _reply("06-q3", "C", "zh")
    # the fund invests while the sub-centre assesses the project; the centre itself does not invest
    centre = rp.loc["ex_sip_biomed_subcentre"]
    assert f"while the {centre['name_en']} assesses" in _reply("06-q3", "A")
    assert f"在{centre['name_zh']}完成评估的同时，概念验证基金追加投资" in _reply("06-q3", "A", "zh")


def test_the_recommendation_answers_follow_the_links():
    links = data.table("recommendation_links")
    linked = set(links.loc[links["target_id"] == "gap_incubator_scarcity", "rec_id"])
    assert linked == {"rec_ecosystem_building"} and exercises.QUESTIONS["10-q4"].answer() == "B"
    # 10-q5: the sub-centre assesses projects and sorts out their patents, as recommendation 1's technology
    # transfer offices are to (the Chinese editor's version: a fund would invite recommendation 6's special funds)
    centre = data.table("regional_platforms").set_index("example_id").loc["ex_sip_biomed_subcentre"]
    assert "rec_innovation_leadership" in set(links.loc[links["target_id"] == centre["barrier_id"], "rec_id"])
    assert exercises.QUESTIONS["10-q5"].answer() == "A"
    for lang in LANGS:
        asked = _reply("10-q5", "A", lang) + i18n.t("ex_10_q5", lang)
        assert centre[f"name_{lang}"] in asked
        assert not any(w in i18n.t("ex_10_q5", lang) for w in ("fund", "as a whole", "基金", "全国层面"))
    assert "technology-transfer offices" in _reply("10-q5", "A") and "技术转让办公室" in _reply("10-q5", "A", "zh")
    # the traps: incubation services (4) and special funds (6) each told what the data does link them to
    assert "incubation support services incomplete" in _reply("10-q4", "A")
    assert "insufficient funding support" in _reply("10-q5", "C") and "trap" in _reply("10-q5", "C")
    assert "coordinates the regions' work" in _reply("10-q5", "C")  # its office is not a transfer office




def test_a_reclassified_scheme_changes_the_answer(data_copy, monkeypatch):
    swap = {"ex_sip_poc_fund": "valley_of_death", "ex_sip_poc_pilot_platforms": "broken_bridge"}
    edit_table(data_copy, "regional_platforms", lambda r: {**r, "barrier_id": swap.get(r["example_id"], r["barrier_id"])})
    monkeypatch.setenv("BIOMFG_DATA", str(data_copy))
    data.clear_cache()
    assert exercises.QUESTIONS["06-q3"].answer() == "A"
    assert "broken bridge" in _reply("06-q3", "C")  # the platforms' reply names the barrier the data now gives


def test_a_changed_year_makes_the_gdp_comparison_a_data_error(data_copy, monkeypatch):
    edit_table(data_copy, "facts", lambda r: {**r, "year": "2022"} if r["fact_id"] == "h3-020" else r)
    monkeypatch.setenv("BIOMFG_DATA", str(data_copy))
    data.clear_cache()
    with pytest.raises(data.DataError, match="h3-020 and h3-050 differ by"):
        exercises.QUESTIONS["06-q4"].answer()


# --- the estimates: a tolerance, the assumption stated, the slips named ---------------------------

def test_startups_a_year_at_an_even_pace():
    plan = data.table("plans").set_index("plan_id").loc["hz_synbio_plan_2024_2026"]
    years = int(plan["end_year"]) - int(plan["start_year"]) + 1
    total = float(data.facts("hz_synbio_plan_2024_2026", "incubated_startup_count")["value"].iloc[0])
    assert exercises.QUESTIONS["07-q3"].answer() == pytest.approx(total / years)
    for given in (round(total / years, 1), round(total / years), f"约{round(total / years, 1)}家", "16.7 firms"):
        assert _ok("07-q3", given) and _ok("07-q3", given, "zh"), given
    assert "assumption" in _reply("07-q3", 16.7) and "假设" in _reply("07-q3", 16.7, "zh")
    slips = {total / (years - 1): "counting both ends", total: "whole plan", int(total / years): "Rounded down",
             total / (years + 1): "spreads the target over"}
    replies = {g: _reply("07-q3", g) for g in slips}
    for given, words in slips.items():
        assert not _ok("07-q3", given) and words in replies[given], (given, replies[given])
    assert len(set(replies.values())) == len(replies)


def test_the_citys_chain_leaders_from_the_zones_share():
    n = float(data.facts("zhengzhou_hitech", "approved_chain_leader_firm_count")["value"].iloc[0])
    share = float(data.facts("zhengzhou_hitech", "share_of_city_chain_leader_firms")["value"].iloc[0])
    assert exercises.QUESTIONS["09-q4"].answer() == pytest.approx(n / share * 100)
    whole = round(n / share * 100)
    for given in (whole, whole - 1, whole + 1, f"{whole}家", f"about {whole}"):
        assert _ok("09-q4", given) and _ok("09-q4", given, "zh"), given
    assert "assuming" in _reply("09-q4", whole) and "假设" in _reply("09-q4", whole, "zh")
    slips = {round(n * share / 100, 1): "multiplied", round(n / share, 2): "% sign", n: "zone's own",
             69: "second batch", 63: "first batch"}
    replies = {g: _reply("09-q4", g) for g in slips}
    for given, words in slips.items():
        assert not _ok("09-q4", given) and words in replies[given], (given, replies[given])


# --- the look-ups kept: a specific reply for the slips they were built to catch ----------------------

def test_the_look_ups_name_the_slip():
    assert "only the built" in _reply("06-q1", 11) and "only those under construction" in _reply("06-q1", 8)
    assert "largest output value" in _reply("06-q2", "nanotechnology")  # yuan read as firms
    assert "another part of the layout" in _reply("07-q2", "Qiantang District")
    assert "one of the two years" in _reply("08-q2", 2016)
    c = model.cases.cases().set_index("region_id")["lat"]
    sip, second = int((c < c["suzhou_sip"]).sum()), c.sort_values().index[1]  # the second furthest south
    assert f"and {sip} cases lie further south" in _reply("09-q2", "Suzhou Industrial Park (SIP)")
    assert "and one case lies further south" in _reply("09-q2", second)
    assert "还有一个案例更靠南" in _reply("09-q2", second, "zh")


# --- the editors' findings (R1 zh, R2 en) on 06-10 -------------------------------------------------------

def test_no_reply_speaks_of_maintainers():
    """08-q3 told students the data 'records the contradiction for its maintainers': a curator's note."""
    for qid in QIDS:
        for lang in LANGS:
            for given in ("HUTCHMED", "恒瑞医药", "A", "B", "C"):
                text = _reply(qid, given, lang) + exercises.solution(qid, lang).data
                assert "maintainer" not in text and "维护者" not in text, (qid, lang)


def test_08_q3_says_which_detail_is_likelier_wrong():
    """Every other detail (a colorectal-cancer drug, HUTCHMED's executive) fits HUTCHMED's fruquintinib."""
    for given in ("HUTCHMED", "Jiangsu Hengrui"):
        assert "fruquintinib" in _reply("08-q3", given) and "unchanged" in _reply("08-q3", given)
        assert "呋喹替尼" in _reply("08-q3", given, "zh") and "未作改动" in _reply("08-q3", given, "zh")
    assert "fruquintinib" in exercises.solution("08-q3", "en").data


def test_08_q5_does_not_lead_to_the_broken_bridge():
    """The stem used to say the incubator was set up 'to tackle the high research costs', which points to A."""
    for lang, cost in (("en", "research cost"), ("zh", "研发成本")):
        assert cost not in i18n.t("ex_08_q5", lang)
    assert "as an incubator" in i18n.t("ex_08_q5", "en").lower() and "作为孵化器" in i18n.t("ex_08_q5", "zh")
    assert "提供场地" not in _reply("08-q5", "C", "zh") and "公共服务" in _reply("08-q5", "C", "zh")


def test_the_darwinian_sea_lies_from_product_to_market_as_the_source_says():
    assert "from product to market" in _reply("07-q4", "C")
    assert "从产品到市场" in _reply("07-q4", "C", "zh")
    assert "产品与市场之间" not in i18n.t("ex_barrier_lies_darwinian_sea", "zh")


def test_10_q3_covers_the_barriers_by_the_links_and_recommendation_5_reaches_the_darwinian_sea():
    """(5) sets up specialised incubation platforms, which the article says help firms face the Darwinian sea."""
    links = data.table("recommendation_links")
    assert ("rec_ecosystem_building", "darwinian_sea") in set(zip(links["rec_id"], links["target_id"], strict=True))
    assert _ok("10-q3", {1: 1, 2: 1, 5: 1}) and _ok("10-q3", {1: 1, 2: 1, 4: 1})
    for lang, gaps in (("en", "gaps do not count"), ("zh", "短板不计")):
        asked = i18n.t("ex_10_q3", lang)
        assert gaps in asked and "weights above" not in asked and "上面的权重" not in asked
