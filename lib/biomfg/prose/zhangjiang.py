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
from .base import bold, entity_name, figure, paragraph


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
    c, y = bold(fmt.fact(cum, lang)), this_year["year"]
    a, b = bold(fmt.fact(this_year, lang)), bold(fmt.fact(sh, lang))
    if lang == "zh":
        return paragraph(f"张江科学城经过 {yrs}发展，累计 {c}个1类新药作为MAH产品获批上市，累计获批创新医疗器械 {dev}个；"
                         f"{y} 年上海市获批的 {b}个国产1类新药中，张江占 {a}个。这里有公共服务平台 {plat}个，"
                         f"吸引了 {g20} 的全球药械20强企业和 {c100} 的全国医药百强企业，{oic}家大企业在此开放创新中心。")
    return paragraph(f"After {yrs} of development, Zhangjiang Science City has had {c} class-1 new drugs approved as MAH "
                     f"products and {dev} innovative medical devices approved. Of the {b} domestic class-1 new drugs "
                     f"approved in Shanghai in {y}, {a} came from Zhangjiang. It has {plat} public service platforms, "
                     f"hosts {g20} of the global top-20 pharma and device firms and {c100} of China's top-100 pharma firms, "
                     f"and {oic} large firms run open innovation centres there.")


def mah(lang: str = "en") -> HTML:
    check_lang(lang)
    ev = data.table("events").set_index("event_id")
    gain = figure("pyrotinib_capsule", "time_to_market_advance", lang)
    pilots = ev[(ev["entity_id"] == "pudong") & (ev["kind"] == "reform_pilot")]
    lis = "".join(f"<li>{escape(_text(r[f'name_{lang}']))} ({escape(t('rg_year_unknown', lang))})</li>"
                  if pd.isna(r["year"]) else f"<li>{escape(_text(r[f'name_{lang}']))} ({r['year']})</li>"
                  for _, r in pilots.iterrows())
    drug = escape(entity_name("pyrotinib_capsule", lang))
    if lang == "zh":
        return HTML(f"<p class='biomfg-prose'>MAH制度让{drug}提前 {gain}进入市场（企业高管的说法）。"
                    f"此外，以下制度也在浦东先行试点（来源未给出年份）：</p><ul>{lis}</ul>")
    return HTML(f"<p class='biomfg-prose'>The MAH system brought {drug} to market {gain} earlier (in the words of "
                f"the firm's executive). Other reforms piloted first in Pudong (no years in the source):</p>"
                f"<ul>{lis}</ul>")


def platforms(lang: str = "en") -> HTML:
    check_lang(lang)
    ev = data.table("events").set_index("event_id").loc["ev_zhangjiang_psp_founded"]
    plat = figure("shanghai_zhangjiang", "public_service_platform_count", lang)
    name = escape(entity_name("zhangjiang_yaogu_public_service_platform", lang))
    simm = escape(entity_name("simm", lang))
    if lang == "zh":
        return paragraph(f"早在 {ev['year']} 年，张江成立了国内首家国家级生物医药孵化器——{name}。如今张江拥有各类公共服务平台 "
                         f"{plat}个，覆盖从靶点发现到注册上市、委托生产的全产业链。位于张江的{simm}建立了成果转化收益终身制等激励制度。")
    return paragraph(f"As early as {ev['year']} Zhangjiang set up China's first national-level biomedicine incubator, the "
                     f"{name}. Today it has {plat} public service platforms of all kinds, covering the chain from target "
                     f"discovery to registration and contract manufacturing. The {simm}, in Zhangjiang, rewards inventors "
                     f"for life from the results they transfer.")
