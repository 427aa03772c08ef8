"""Issue 15: what the seeds say reaches the lessons that own it (06 technology transfer, 07 tasks and safeguards,
08 drug-development benchmark and SIMM's options, 04 what the incubators launched). Each check reads the value
from data/ and finds it in the rendered text, in both languages."""

from __future__ import annotations

import html
import re

import pytest

from biomfg import data, fmt, prose


def _text(h) -> str:
    s = getattr(h, "data", h)
    s = re.sub(r"<style>.*?</style>|<[^>]+>", "", s, flags=re.S)
    return html.unescape(s)


LANGS = ("zh", "en")


@pytest.mark.parametrize("lang", LANGS)
def test_sip_tech_transfer_story(lang):
    out = _text(prose.sip.tech_transfer(lang))
    fac = data.table("facilities").set_index("facility_id")
    for fid in ("sip_tech_transfer_centre", "suzhou_biomed_subcentre", "sip_poc_fund"):
        assert fac.loc[fid, f"name_{lang}"] in out
    value = data.facts("fudan_ibd_liver_cancer_target_project", "technology_transfer_agreement_value").iloc[0]
    assert fmt.fact(value, lang) in out
    ev = data.table("events").set_index("event_id")
    assert ev.loc["sip_poc_fund_invests_fudan", f"name_{lang}"] in out
    term = data.table("glossary").set_index("term_id").loc["full_chain_university_tech_transfer"]
    assert term[f"definition_{lang}"] in out


@pytest.mark.parametrize("lang", LANGS)
def test_hangzhou_tasks_by_action_and_safeguards(lang):
    items = data.table("plan_items")
    items = items[items["plan_id"] == "hz_synbio_plan_2024_2026"]
    out = _text(prose.hangzhou.tasks_table(lang))
    tasks = items[items["kind"] == "task"].sort_values("order")
    assert len(tasks) == 16
    positions = [out.index(n) for n in tasks[f"name_{lang}"]]
    assert positions == sorted(positions)  # in the plan's order, under their actions
    for name in items.loc[items["kind"] == "action", f"name_{lang}"]:
        assert name in out
    safe = items[items["kind"] == "safeguard"]
    assert len(safe) == 3
    out = _text(prose.hangzhou.safeguards(lang))
    for _, r in safe.iterrows():
        assert r[f"name_{lang}"] in out and r[f"detail_{lang}"] in out


@pytest.mark.parametrize("lang", LANGS)
def test_zhangjiang_benchmark_labelled(lang):
    out = _text(prose.zhangjiang.benchmark(lang))
    ind = data.table("indicators").set_index("indicator_id")
    for i in ("drug_development_duration", "drug_development_cost"):
        f = data.facts("traditional_new_drug_development", i).iloc[0]
        assert fmt.fact(f, lang) in out
        assert ind.loc[i, f"name_{lang}"].lower() in out.lower()  # labelled with what it measures
    assert fmt.fact(data.facts("xtalpi", "crystal_form_confirmation_duration").iloc[0], lang) in out


@pytest.mark.parametrize("lang", LANGS)
def test_simm_entrepreneurship_options(lang):
    out = _text(prose.zhangjiang.simm_incentives(lang))
    fac = data.table("facilities").set_index("facility_id")
    for fid in ("simm_lifelong_income", "simm_full_time_venture", "simm_half_time_venture"):
        assert fac.loc[fid, f"name_{lang}"] in out


@pytest.mark.parametrize("lang", LANGS)
def test_incubators_launched_and_later_moves(lang):
    out = _text(prose.platforms.launched(lang))
    links = data.table("platform_firms")
    firms = data.table("firms").set_index("firm_id")
    assert len(links) >= 7
    for f in links["firm_id"]:
        assert firms.loc[f, f"name_{lang}"] in out
    ev = data.table("events").set_index("event_id")
    for e in ("indiebio_new_york_opened", "ireland_biomanufacturing_fund_founded", "plant_one_takes_over_delft_pilot",
              "synbicite_white_city_move_planned"):
        assert ev.loc[e, f"name_{lang}"] in out
