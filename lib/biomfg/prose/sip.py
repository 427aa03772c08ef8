"""Suzhou Industrial Park (notebook 06): its 2023 figures and rankings, the three strategic industries,
the value chain and the platforms, as sentences whose figures are computed from data/."""

from __future__ import annotations

from html import escape

import pandas as pd

from .. import data, fmt
from ..htmlout import HTML
from ..i18n import check_lang, t
from ..model.facts import fact
from .base import bold, entity_name, figure, join, paragraph, year_in_sentence


def overview(lang: str = "en") -> HTML:
    """SIP's 2023 figures and its rankings."""
    check_lang(lang)
    year = fact("suzhou_sip", "gdp")["year"]
    g, rev, rd = (figure("suzhou_sip", i, lang, year) for i in ("gdp", "general_budget_revenue", "rd_intensity"))
    sip = escape(entity_name("suzhou_sip", lang))
    first = fact("suzhou_sip", "ndz_evaluation_consecutive_first_places")
    top = fact("suzhou_sip", "national_hitech_zone_evaluation_rank")
    # 八连冠 and 居全国前四 are set phrases: Chinese numerals, as the source writes them
    n_first = fmt.zh_numeral(int(first["value"])) if lang == "zh" else fmt.number(first["value"], "count", lang)
    n_top = fmt.fact(top, lang)  # 前四 / among the top four (rank 4, up_to), never "up to 4th"
    return paragraph(t("sip_overview", lang, year=year, sip=sip, gdp=g, revenue=rev, rd=rd, first=n_first, top=n_top))


def _in_sip(name: str, lang: str) -> str:
    """An industry's name in a sentence that already names SIP: en 'biomedicine and health industry' (the
    'SIP ' that the data's name starts with is not repeated); zh unchanged."""
    return name.removeprefix("SIP ") if lang == "en" else name


def industries(lang: str = "en") -> HTML:
    check_lang(lang)
    inds = ["sip_biomed_industry", "sip_nano_industry", "sip_ai_industry"]
    n = int(fact("suzhou_sip", "strategic_emerging_industry_count")["value"])
    n = fmt.zh_numeral(n) if lang == "zh" else fmt.number(n, "count", lang)  # 三大战略性新兴产业, a set phrase
    names = [escape(_in_sip(entity_name(i, lang), lang)) for i in inds]
    if lang == "en":  # names that hold 'and' themselves: a series with semicolons, without 'industry' each time
        names = [n.removesuffix(" industry") for n in names]
        names = (t("clause_sep", lang).join(names[:-1]) + t("clause_sep", lang).rstrip()
                 + t("china_list_last_sep", lang) + names[-1])
    else:
        names = join(names, lang)
    total = figure("sip_emerging_industries", "output_value", lang)
    # the total's year (inferred where the quote does not state it)
    total += escape(fmt.year_paren(fact("sip_emerging_industries", "output_value"), lang))
    undated = [escape(_in_sip(entity_name(i, lang), lang).removesuffix(" industry")) for i in inds
               if data.facts(i, "output_value")["year"].isna().all()]
    dated = join(sorted({year_in_sentence(r, lang) for i in inds for _, r in data.facts(i, "output_value").iterrows()
                         if pd.notna(r["year"])}), lang)  # an inferred year is marked
    note = t("sip_industries_note", lang, undated=join(undated, lang), dated=dated) if undated else ""
    return paragraph(t("sip_industries", lang, n=n, names=names, total=total, note=note))


def chain(lang: str = "en") -> HTML:
    """Who the chain story names, and who it names without a tier."""
    check_lang(lang)
    firms = data.table("firms")
    sip = firms[(firms["region_id"] == "suzhou_sip") & (firms["source"] == "000_0f73dfafe09a0b58.txt")]
    tiered, untiered = sip[sip["tier"].notna()], sip[sip["tier"].isna()]
    loose = join([escape(n) for n in untiered[f"name_{lang}"]], lang)
    down = int((tiered["tier"] == "downstream").sum())
    extra = t("sip_chain_no_downstream", lang) if down == 0 else ""
    return paragraph(t("sip_chain", lang, n=len(tiered), no_downstream=extra, loose=loose))


def _counted(entity_id: str, indicator: str, measure: str, lang: str) -> str:
    """A count in bold with its Chinese measure word: 11个, 17条 (en: the figure, the noun is the sentence's)."""
    f = fact(entity_id, indicator)
    return bold(fmt.count(f["value"], measure, lang, "" if pd.isna(f.get("qualifier")) else str(f["qualifier"])))


def platforms(lang: str = "en") -> HTML:
    check_lang(lang)
    built = _counted("suzhou_sip", "public_tech_platform_count", "个", lang)
    building = _counted("suzhou_sip", "public_tech_platform_under_construction_count", "个", lang)
    prov, city = (_counted(e, "consortium_count", "家", lang)  # 创新联合体4家, as the source counts them
                  for e in ("sip_jiangsu_level_consortia", "sip_suzhou_level_consortia"))
    sp, sc = figure("sip_jiangsu_level_consortia", "share_of_provincial_total", lang), \
        figure("sip_suzhou_level_consortia", "share_of_city_total", lang)
    measures = _counted("sip_innovation_consortium_policy_2023", "policy_measure_count", "条", lang)
    tic = entity_name("national_biologics_tic", lang)
    founded = data.table("events").set_index("event_id").loc["biologics_tic_settles_sip_2021", "year"]
    return paragraph(t("sip_platforms", lang, tic=escape(tic), founded=founded, built=built, building=building,
                       prov=prov, prov_share=sp, city=city, city_share=sc, measures=measures))


def industry_rows(lang: str = "en") -> pd.DataFrame:
    """Output value and firm counts of the three strategic industries, labelled for a chart."""
    inds = ["sip_biomed_industry", "sip_nano_industry", "sip_ai_industry"]
    f = data.facts()
    f = f[f["entity_id"].isin(inds) & f["indicator"].isin(["output_value", "firm_count"])]
    year = [fmt.year_paren(r, lang) for _, r in f.iterrows()]  # an inferred year is marked
    return f.assign(label=f["entity_id"].map(lambda e: entity_name(e, lang)) + year)


TRANSFER_CHAIN = ("suzhou_biomed_subcentre", "fudan_ibd_liver_cancer_target_project", "sip_poc_fund")


def tech_transfer(lang: str = "en") -> HTML:
    """The technology-transfer centre's Fudan case, step by step (events of the sub-centre, the project and the
    proof-of-concept fund, in data order), and the full-chain transfer model the action plan builds on it."""
    check_lang(lang)
    project = "fudan_ibd_liver_cancer_target_project"
    ev = data.table("events")
    steps = ev[ev["entity_id"].isin(TRANSFER_CHAIN)]
    lis = "".join(f"<li><b>{escape(entity_name(r['entity_id'], lang))}</b>{t('colon', lang)}"
                  f"{escape(str(r[f'name_{lang}']))}</li>" for _, r in steps.iterrows())
    head = paragraph(t("sip_transfer", lang, centre=escape(entity_name("sip_tech_transfer_centre", lang)),
                       project=escape(entity_name(project, lang)),
                       value=figure(project, "technology_transfer_agreement_value", lang)))
    term = data.table("glossary").set_index("term_id").loc["full_chain_university_tech_transfer"]
    model_ = paragraph(t("sip_transfer_model", lang, model=escape(str(term[f"name_{lang}"])),
                         definition=escape(str(term[f"definition_{lang}"]))))
    return HTML(f"{head.data}<ol class='biomfg-prose'>{lis}</ol>{model_.data}")
