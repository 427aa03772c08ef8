"""Issue 17, notebooks 00-05: exercises that make students think.

Every exercise of 00-05: its computed answer is accepted in both languages; a lettered question takes the
letter in any form or the option's words, and gives each wrong option its own reason; no reply names an id;
what every lesson's exercises section holds is in test_exercises_shape.py. The reasons are computed from
data/: changing a row changes the answer.
"""

from __future__ import annotations

import html
import re

import pytest

from biomfg import data, exercises, i18n
from biomfg.exercises import lettered, reasoning

from conftest import edit_table

LANGS = ("en", "zh")
LESSONS = ("00", "01", "02", "03", "04", "05")
QIDS = [q for q in exercises.QUESTIONS if q[:2] in LESSONS]
CHOICE = [q for q in QIDS if exercises.QUESTIONS[q].options is not None]
SNAKE = re.compile(r"(?<![A-Za-z0-9_.\-/])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![A-Za-z0-9_.\-/])")


def _ok(qid, given, lang="en") -> bool:
    return "biomfg-check ok" in exercises.check(qid, given, lang).data


def _reply(qid, given, lang) -> str:
    """What the checker says, as text (markup, styles and code blocks left out)."""
    html = exercises.check(qid, given, lang).data
    html = re.sub(r"<style.*?</style>|<pre>.*?</pre>", " ", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


def _ids() -> set[str]:
    """Ids a reply must never show: rows of the tables these exercises read and their fact ids, less the ids
    that are English words (a factor called collaboration); the exemplars' one-word ids (indiebio) are not."""
    out = set(data.table("platforms")["platform_id"])
    for table, key in (("platform_types", "type_id"), ("barriers", "barrier_id"), ("success_factors", "factor_id"),
                       ("gaps", "gap_id"), ("platform_traits", "trait_id"), ("facts", "fact_id"),
                       ("facilities", "facility_id")):
        out |= {i for i in data.table(table)[key] if not i.isalpha()}
    return out


def _options(qid, lang) -> list[str]:
    """The options as a student reads them (ask() shows them as HTML)."""
    return [html.unescape(o) for o in exercises.QUESTIONS[qid].options(lang)]


# --- what each notebook has --------------------------------------------------------------------------


# --- every exercise, checked -------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("qid", QIDS)
def test_the_computed_answer_is_accepted(qid, lang):
    right = exercises.QUESTIONS[qid].answer()
    assert _ok(qid, right, lang), _reply(qid, right, lang)
    assert "<details" in exercises.solution(qid, lang).data


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("qid", QIDS)
def test_no_reply_names_an_id(qid, lang):
    q = exercises.QUESTIONS[qid]
    givens = [q.answer(), "nonsense", ""]
    if q.options is not None:
        givens += list(lettered.LETTERS[:len(q.options(lang))])
    ids = _ids()
    texts = [_reply(qid, g, lang) for g in givens]
    texts += [re.sub(r"<pre>.*?</pre>|<[^>]+>", " ", exercises.solution(qid, lang).data, flags=re.S),
              re.sub(r"<[^>]+>", " ", exercises.ask(qid, lang).data)]
    for text in texts:
        assert not SNAKE.search(text), (qid, lang, text)
        shown = {tok for tok in re.findall(r"[A-Za-z0-9][A-Za-z0-9_-]*", text) if tok in ids}
        assert not shown, (qid, lang, shown)  # ids are lower case; a name is written as data/ spells it (IndieBio)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("qid", CHOICE)
def test_each_wrong_option_gets_its_own_reason(qid, lang):
    right = exercises.QUESTIONS[qid].answer()
    letters = lettered.LETTERS[:len(_options(qid, lang))]
    assert right in letters
    wrong = {x: _reply(qid, x, lang) for x in letters if x != right}
    assert wrong and not any(_ok(qid, x, lang) for x in wrong)
    reasons = [text.split("：" if lang == "zh" else ": ", 1)[1] for text in wrong.values()]
    assert len(set(reasons)) == len(reasons), wrong  # a different reply for each wrong choice
    unknown = _reply(qid, "nonsense", lang)
    assert all(r not in unknown for r in reasons)


@pytest.mark.parametrize("qid", CHOICE)
def test_a_choice_is_taken_as_a_letter_in_any_form_or_as_its_words(qid):
    right = exercises.QUESTIONS[qid].answer()
    index = lettered.LETTERS.index(right)
    full_width = chr(ord("Ａ") + index)
    for form in (right, right.lower(), full_width, f"({right})", f"（{right}）", f"{right}.", f"选{right}", f" {right} "):
        assert _ok(qid, form) and _ok(qid, form, "zh"), form
    for lang in LANGS:
        words = _options(qid, lang)[index]
        assert _ok(qid, words, "en") and _ok(qid, words, "zh"), (lang, words)
        assert html.escape(words) in exercises.ask(qid, lang).data  # ask() lists the options, lettered
    beyond = lettered.LETTERS[len(_options(qid, "en"))]
    assert not _ok(qid, beyond) and "A, B" in _reply(qid, beyond, "en")


def test_a_short_part_of_an_option_is_enough_where_it_is_unique():
    assert _ok("02-q3", "currency") and _ok("02-q3", "货币", "zh")
    assert _ok("01-q2", "pilot") and _ok("01-q2", "a pilot-scale platform") and _ok("01-q2", "中试")
    assert not _ok("01-q2", "platform") and "is not one of the options" in _reply("01-q2", "platform", "en")


# --- the answers come from data/ --------------------------------------------------------------------

COMPARISONS = {"02-q3": ("h1-005", "h1-030", "currency"), "03-q5": ("h1-023", "h1-021", "scope"),
               "05-q5": ("h2-005", "h2-006", "scope")}


@pytest.mark.parametrize("qid", COMPARISONS)
def test_each_comparison_has_exactly_one_reason_in_the_data(qid):
    a, b, reason = COMPARISONS[qid]
    f = data.facts().set_index("fact_id")
    assert reasoning.the_reason(f.loc[a], f.loc[b], among=reasoning.AS_REASONS) == reason  # one, and only one
    assert exercises.QUESTIONS[qid].answer() == "ABCD"[reasoning.REASONS.index(reason)]


def test_the_reasons_read_the_rows():
    """The one reason function (exercises.reasoning.differences), as the four options of 02-05 read it."""
    base = {"fact_id": "x", "indicator": "investment_amount", "unit": "USD", "year": 2023, "kind": "actual"}

    def four(other):
        return reasoning.the_reason(base, other, among=reasoning.AS_REASONS)

    assert reasoning.differences(base, {**base, "unit": "GBP"}) == {"currency"} and four({**base, "unit": "GBP"}) == "currency"
    assert reasoning.differences(base, {**base, "year": 2020}) == {"year"} and four({**base, "year": 2020}) == "year"
    assert reasoning.differences(base, {**base, "year": None}) == {"to_date"}
    with pytest.raises(data.DataError, match="x and x differ by nothing"):  # an undated figure is no reason here
        four({**base, "year": None})
    assert reasoning.differences(base, {**base, "kind": "target", "year": 2027}) == {"kind", "year"}
    with pytest.raises(data.DataError, match=r"differ by \['target', 'year'\]"):  # two reasons: no one right answer
        four({**base, "kind": "target", "year": 2027})
    assert reasoning.differences(base, {**base, "indicator": "annual_funding"}) == {"measure"}
    assert four({**base, "indicator": "annual_funding"}) == "scope"
    assert reasoning.differences(base, {**base, "unit": "t"}) == {"unit"} and four({**base, "unit": "t"}) == "scope"


def test_type_and_barrier_answers_follow_barriers_csv():
    bars = data.table("barriers").set_index("barrier_id")["type_id"]
    letter = {t: "ABC"[i] for i, t in enumerate(data.table("platform_types")["type_id"])}
    for qid, barrier in {"00-q3": "darwinian_sea", "00-q4": "broken_bridge", "01-q2": "valley_of_death",
                         "04-q4": "valley_of_death"}.items():
        assert exercises.QUESTIONS[qid].answer() == letter[bars[barrier]], qid
    indiebio = data.platforms().set_index("platform_id").loc["indiebio", "type_id"]
    barrier = bars[bars == indiebio].index[0]
    assert exercises.QUESTIONS["01-q3"].answer() == "ABC"[list(bars.index).index(barrier)]


def test_factor_answers_are_the_one_option_the_source_credits():
    pf = data.table("platform_factors")
    for qid, platform in {"01-q4": "biomade", "02-q5": "dtu_biosustain", "04-q3": "indiebio"}.items():
        credited = set(pf.loc[pf["platform_id"] == platform, "factor_id"])
        by_name = data.table("success_factors").set_index("name_en")["factor_id"]
        hits = [i for i, name in enumerate(_options(qid, "en")) if by_name[name] in credited]
        assert len(hits) == 1, qid
        assert exercises.QUESTIONS[qid].answer() == lettered.LETTERS[hits[0]]




def test_the_growth_rate_qualifier_decides_the_bound(data_copy, monkeypatch):
    assert exercises.QUESTIONS["05-q4"].answer() == "A"  # 超 (more than): the doubling time is at most
    edit_table(data_copy, "facts", lambda r: {**r, "qualifier": "up_to"} if r["indicator"] == "annual_growth_rate" else r)
    monkeypatch.setenv("BIOMFG_DATA", str(data_copy))
    data.clear_cache()
    assert exercises.QUESTIONS["05-q4"].answer() == "B"
    assert _ok("05-q4", "B") and "up to" in _reply("05-q4", "B", "en") and "最高" in _reply("05-q4", "B", "zh")


def test_a_changed_currency_and_year_change_the_comparison(data_copy, monkeypatch):
    edit_table(data_copy, "facts", lambda r: {**r, "unit": "USD", "year": "2018"} if r["fact_id"] == "h1-030" else r)
    monkeypatch.setenv("BIOMFG_DATA", str(data_copy))
    data.clear_cache()
    assert exercises.QUESTIONS["02-q3"].answer() == "B"  # one currency now, but 2023 beside 2018
    assert "both are in USD" in _reply("02-q3", "A", "en") and "2018" in _reply("02-q3", "B", "en")


def test_two_figures_the_data_no_longer_keeps_apart_are_a_data_error(data_copy, monkeypatch):
    edit_table(data_copy, "facts", lambda r: {**r, "unit": "USD"} if r["fact_id"] == "h1-030" else r)
    monkeypatch.setenv("BIOMFG_DATA", str(data_copy))
    data.clear_cache()
    with pytest.raises(data.DataError, match="h1-005.*h1-030"):
        exercises.QUESTIONS["02-q3"].answer()


def test_a_changed_bridge_changes_the_type_answer(data_copy, monkeypatch):
    swap = {"pilot_scale": "industry_incubation", "industry_incubation": "pilot_scale"}
    edit_table(data_copy, "barriers", lambda r: {**r, "type_id": swap.get(r["type_id"], r["type_id"])})
    monkeypatch.setenv("BIOMFG_DATA", str(data_copy))
    data.clear_cache()
    assert exercises.QUESTIONS["01-q2"].answer() == "C"  # the valley of death, now bridged by incubators


# --- the editors' review (R1 zh, R2 en): what the texts may claim, and what the checker tells -------------------

def _asked(qid, lang) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", exercises.ask(qid, lang).data))


def test_the_darwinian_sea_lies_from_product_to_market_as_the_source_says():
    """Seed 002: 跨越从产品到市场的“达尔文死海”; no reply places it after the pilot stage."""
    for qid in ("00-q3", "01-q3", "04-q4"):
        for letter in lettered.LETTERS[:3]:
            en, zh = _reply(qid, letter, "en"), _reply(qid, letter, "zh")
            assert "pilot to market" not in en and "pilot and market" not in en and "中试到市场" not in zh
            assert "中试与市场" not in zh
    assert "from a product to the market" in _reply("00-q3", "C", "en") and "从产品到市场" in _reply("00-q3", "C", "zh")
    assert "between a product and the market" in _reply("01-q3", "C", "en")
    assert "产品与市场之间" in _reply("01-q3", "C", "zh")
    assert "a product and the market" in _asked("01-q1", "en") and "从产品到市场" in _asked("01-q1", "zh")


def test_02_q3_offers_no_second_right_reason_and_says_the_sums_differ_in_kind():
    """NREL's sum paid for an equipment upgrade, SynbiCITE's is co-investment it raised: 'they measure different
    things' would be right too, so it is no option, and the right reply says so."""
    words = _options("02-q3", "en")
    assert len(words) == 3 and not any("measure different things" in w for w in words)
    assert exercises.QUESTIONS["02-q3"].answer() == "A"
    en, zh = _reply("02-q3", "A", "en"), _reply("02-q3", "A", "zh")
    assert "differ in kind" in en and "upgrading the equipment" in en and "co-investment" in en
    assert "性质也不同" in zh and "设备" in zh and "共同投资" in zh
    assert "不能直接比较大小" in _asked("02-q3", "zh") and "各用一条坐标轴" in _asked("02-q3", "zh")


def test_03_q5_does_not_call_biomade_s_planned_states_results():
    """BioMADE 已将建设计划扩展至……6个州 / 在……6个州探索生物制造设施建设: the reach of a plan, not sites built."""
    en, zh = _reply("03-q5", "C", "en"), _reply("03-q5", "C", "zh")
    assert "reports both as results" not in en and "都作为已实现的结果报告" not in zh
    assert "building plans reach" in en and "still exploring" in en
    assert "建设计划扩展到的范围" in zh and "探索" in zh
    assert "作为已实现的结果报告" in _reply("05-q5", "C", "zh")  # a pair of results still gets the computed reply
    solution = re.sub(r"<[^>]+>", " ", exercises.solution("03-q5", "zh").data)
    assert "已实现的结果；" not in solution and "并非目标" in solution


def test_04_q2_no_longer_repeats_00_q2():
    assert exercises.QUESTIONS["04-q2"].answer() != exercises.QUESTIONS["00-q2"].answer()
    pf = data.table("platform_factors")
    incubators = set(data.platforms().query("type_id == 'industry_incubation'")["platform_id"])
    counts = pf[pf["platform_id"].isin(incubators)].groupby("factor_id")["platform_id"].nunique()
    assert exercises.QUESTIONS["04-q2"].answer() == counts[counts == len(incubators)].index[0]
    assert _ok("04-q2", "shared facilities") and _ok("04-q2", "共享设施", "zh")
    assert not _ok("04-q2", "accelerator")
    assert "3 of the 4" in _reply("04-q2", "accelerator", "en")  # how many incubators have it, from the data
    assert "4个产业孵化平台中有3个" in _reply("04-q2", "加速器", "zh")


def test_04_q2_follows_platform_factors(data_copy, monkeypatch):
    def change(r):
        if r["platform_id"] == "indiebio" and r["factor_id"] == "advanced_shared_facilities":
            return {**r, "factor_id": "diversified_funding"}
        if r["platform_id"] == "qb3" and r["factor_id"] == "advanced_shared_facilities":
            return {**r, "factor_id": "startup_acceleration"}
        return r
    edit_table(data_copy, "platform_factors", change)
    monkeypatch.setenv("BIOMFG_DATA", str(data_copy))
    data.clear_cache()
    assert exercises.QUESTIONS["04-q2"].answer() == "startup_acceleration"  # now the one full row
    assert _ok("04-q2", "accelerator")


def test_replies_tell_which_other_figure_a_wrong_number_is():
    """02-q1: a grant a single project receives is not ABF's annual funding; 03-q1: the database's other counts
    are named, and a number about ten times off is told so."""
    full = data.facts("abf_full_funding", "grant_amount").iloc[0]
    en = _reply("02-q1", int(full["value"]), "en")
    assert "single project" in en and "ABF full funding" in en and "USD 2 m" in en
    assert "全额资助" in _reply("02-q1", "200万", "zh") and "单个项目" in _reply("02-q1", "200万", "zh")
    assert "seed funding" in _reply("02-q1", "500,000", "en")
    assert "Right digits" in _reply("02-q1", "20", "en")  # a slip of scale is still told as one
    orgs = data.facts("pilots4u_database", "organisation_count").iloc[0]
    assert "number of organisations" in _reply("03-q1", int(orgs["value"]), "en")
    assert "机构数量" in _reply("03-q1", int(orgs["value"]), "zh")
    assert "number of countries" in _reply("03-q1", 14, "en")
    right = exercises.QUESTIONS["03-q1"].answer()
    assert "ten times too small" in _reply("03-q1", round(right / 10), "en")
    assert "ten times too large" in _reply("03-q1", round(right * 11), "en")
    assert "Right digits" in _reply("03-q1", right * 10, "en")


def test_04_q5_option_b_says_which_incubator_has_no_examples():
    b = _options("04-q5", "en")[1]
    assert "only some of the incubators" in b and "Biotech Campus Delft" in b and "each incubator" not in b
    assert "部分孵化平台" in _options("04-q5", "zh")[1]


def test_prompts_claim_only_what_the_source_says():
    """01-q4 (BioMADE), 04-q3 (IndieBio) and 02-q5 (DTU Biosustain) describe the exemplars in the source's terms."""
    q4 = _asked("01-q4", "en")
    assert "IP committee" in q4 and "milestone" in q4 and "settles who owns" not in q4 and "checkpoints" not in q4
    assert "知识产权委员会" in _asked("01-q4", "zh") and "保护各方权益" in _asked("01-q4", "zh")
    q3 = _asked("04-q3", "en")
    assert "batches" not in q3 and "mentoring" in q3 and "demo days" in q3
    assert not re.search(r"\d", i18n.t("ex_04_q3", "en") + i18n.t("ex_04_q3", "zh"))  # the length is 04-q1's answer
    assert "分批" not in _asked("04-q3", "zh") and "路演" in _asked("04-q3", "zh")
    q5 = _asked("02-q5", "en")
    assert "later projects" not in q5 and "data-management system" in q5 and "data science" in q5
    assert "先前的成果" not in _asked("02-q5", "zh") and "完整的数据管理系统" in _asked("02-q5", "zh")
    assert "pilot-scale platforms" in _asked("00-q1", "en") and "/" not in _asked("00-q1", "en")
    assert "lower bound" in _asked("05-q3", "en") and "key products" in _asked("05-q3", "en")
    assert "下限" in _asked("05-q3", "zh")
    assert "“Any”" in _asked("03-q3", "en") and "“不限”" in _asked("03-q3", "zh")
