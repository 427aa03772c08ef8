"""Shanghai Zhangjiang (notebook 08): its figures, the MAH reform in sentences and the public service
platforms."""

from __future__ import annotations

import re
from fractions import Fraction
from html import escape

import pandas as pd

from .. import data, fmt
from ..fmt import text as _text
from ..htmlout import HTML
from ..i18n import check_lang, t
from ..model.facts import fact
from .base import bold, entity_name, figure, in_sentence, paragraph, source_note, year_in_sentence

# a share the source writes as a fraction (2/3的全球药械20强企业), as an English sentence says it; Chinese
# keeps the source's 2/3
FRACTION_WORDS = {Fraction(1, 2): "half", Fraction(1, 3): "one-third", Fraction(2, 3): "two-thirds",
                  Fraction(1, 4): "a quarter", Fraction(3, 4): "three-quarters"}


def _share(entity_id: str, indicator: str, lang: str) -> str:
    """A fraction fact in bold: en 'two-thirds', zh '2/3'; any other fact as `figure` writes it."""
    f = fact(entity_id, indicator)
    words = FRACTION_WORDS.get(Fraction(float(f["value"])).limit_denominator(1000)) \
        if lang == "en" and f["unit"] == "fraction" and not _text(f.get("qualifier")) else None
    return bold(words) if words else bold(fmt.fact(f, lang))


def figures(lang: str = "en") -> HTML:
    check_lang(lang)
    z = "shanghai_zhangjiang"
    yrs = figure(z, "development_history_duration", lang)
    drugs = data.facts(z, "class1_new_drug_approval_count")
    cum, this_year = drugs[drugs["year"].isna()].iloc[0], drugs[drugs["year"].notna()].iloc[0]
    sh = fact("shanghai", "class1_new_drug_approval_count", this_year["year"])
    dev, plat = figure(z, "innovative_device_approval_count", lang), figure(z, "public_service_platform_count", lang)
    g20 = _share(z, "share_of_global_top20_pharma_device_firms", lang)
    c100 = _share(z, "share_of_china_top100_pharma_firms", lang)
    oic = figure(z, "open_innovation_centre_count", lang)
    # the year is 今年 in the report: shown marked as inferred, with what it was inferred from
    c, y = bold(fmt.fact(cum, lang)), escape(year_in_sentence(sh, lang))
    a, b = bold(fmt.fact(this_year, lang)), bold(fmt.fact(sh, lang))
    text = paragraph(t("zj_figures", lang, years=yrs, drugs=c, devices=dev, year=y, shanghai=b, zhangjiang=a,
                       platforms=plat, top20=g20, top100=c100, centres=oic))
    note = fmt.inferred_note(pd.DataFrame([sh, this_year]), lang)
    return HTML(text.data + (f"<p class='src'>{escape(note)}</p>" if note else ""))


def mah(lang: str = "en") -> HTML:
    check_lang(lang)
    ev = data.table("events").set_index("event_id")
    gain = figure("pyrotinib_capsule", "time_to_market_advance", lang)
    pilots = ev[(ev["entity_id"] == "pudong") & (ev["kind"] == "reform_pilot")]
    lis = "".join(f"<li>{escape(_text(r[f'name_{lang}']))}{escape(t('paren', lang, text=t('tg_undated', lang)))}</li>"
                  if pd.isna(r["year"]) else f"<li>{escape(_text(r[f'name_{lang}']))}{escape(fmt.year_paren(r, lang))}</li>"
                  for _, r in pilots.iterrows())
    drug = escape(entity_name("pyrotinib_capsule", lang))
    return HTML(f"<p class='biomfg-prose'>{t('zj_mah_intro', lang, drug=drug, gain=gain)}</p><ul>{lis}</ul>")


def platforms(lang: str = "en") -> HTML:
    check_lang(lang)
    ev = data.table("events").set_index("event_id").loc["ev_zhangjiang_psp_founded"]
    plat = figure("shanghai_zhangjiang", "public_service_platform_count", lang)
    name = escape(entity_name("zhangjiang_yaogu_public_service_platform", lang))
    simm = escape(entity_name("simm", lang))
    return paragraph(t("zj_platforms", lang, year=ev["year"], name=name, platforms=plat, simm=simm))


def benchmark(lang: str = "en") -> HTML:
    """The industry's time-and-cost benchmark for a traditional new drug (facts on the glossary term, not on
    Zhangjiang), each figure labelled with its indicator, set beside XtalPi's weeks for Paxlovid."""
    check_lang(lang)
    term = "traditional_new_drug_development"
    ind = data.table("indicators").set_index("indicator_id")

    def label(i: str) -> str:
        return escape(in_sentence(_text(ind.loc[i, f"name_{lang}"]), lang))

    # the figures are a saying (耗时十年、花费十亿美金): shown with the report's words, as round figures
    quote = _text(fact(term, "drug_development_duration")["quote"])
    saying = re.search(r"“([^”]+)”", quote)
    adv = data.facts("paxlovid", "time_to_market_advance").set_index("qualifier")
    advance = bold(fmt.span(adv.loc["range_low", "value"], adv.loc["range_high", "value"], "months", lang))
    text = paragraph(t("zj_benchmark", lang, term=escape(in_sentence(entity_name(term, lang), lang)),
                       duration_label=label("drug_development_duration"),
                       years=figure(term, "drug_development_duration", lang),
                       cost_label=label("drug_development_cost"), cost=figure(term, "drug_development_cost", lang),
                       saying=escape(saying.group(1) if saying else quote),
                       xtalpi=escape(entity_name("xtalpi", lang)), drug=escape(entity_name("paxlovid", lang)),
                       weeks=figure("xtalpi", "crystal_form_confirmation_duration", lang), advance=advance))
    rows = pd.concat([data.facts(term), data.facts("xtalpi", "crystal_form_confirmation_duration"), adv.reset_index()])
    return HTML(text.data + source_note(rows, lang))


def simm_incentives(lang: str = "en") -> HTML:
    """SIMM's incentives: lifelong income from transferred results, and two ways for a researcher to found a firm."""
    check_lang(lang)
    names = {k: escape(entity_name(k, lang)) for k in
             ("simm", "simm_lifelong_income", "simm_full_time_venture", "simm_half_time_venture")}
    fac = data.table("facilities")
    rows = fac[fac["facility_id"].isin(list(names))]
    return HTML(paragraph(t("zj_simm_options", lang, simm=names["simm"], lifelong=names["simm_lifelong_income"],
                            full=names["simm_full_time_venture"], half=names["simm_half_time_venture"])).data
                + source_note(rows, lang))
