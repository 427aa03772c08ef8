"""Shanghai Zhangjiang (notebook 08): its figures, the MAH reform in sentences and the public service
platforms."""

from __future__ import annotations

from html import escape

import pandas as pd

from .. import data, fmt
from ..fmt import text as _text
from ..htmlout import HTML
from ..i18n import check_lang, t
from ..model.facts import fact
from .base import bold, entity_name, figure, paragraph, year_in_sentence


def figures(lang: str = "en") -> HTML:
    check_lang(lang)
    z = "shanghai_zhangjiang"
    yrs = figure(z, "development_history_duration", lang)
    drugs = data.facts(z, "class1_new_drug_approval_count")
    cum, this_year = drugs[drugs["year"].isna()].iloc[0], drugs[drugs["year"].notna()].iloc[0]
    sh = fact("shanghai", "class1_new_drug_approval_count", this_year["year"])
    dev, plat = figure(z, "innovative_device_approval_count", lang), figure(z, "public_service_platform_count", lang)
    g20 = figure(z, "share_of_global_top20_pharma_device_firms", lang)
    c100 = figure(z, "share_of_china_top100_pharma_firms", lang)
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
