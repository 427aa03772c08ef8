"""The map of the collection: every notebook with its titles, and whether it is present yet."""

from __future__ import annotations

from html import escape

from .htmlout import HTML
from .i18n import check_lang, t
from .notebooks import NOTEBOOKS

CATALOGUE = [
    ("00_start_here", "从这里开始：生物制造平台设施导览", "Start here: a guide to biomanufacturing platforms",
     "本合集的内容、用法和每本笔记本的结构", "What the collection covers, how to use it, how each notebook is built"),
    ("01_three_barriers", "三大障碍：断桥、死亡谷与达尔文死海", "The barriers: broken bridge, valley of death, Darwinian sea",
     "从研究到市场的链条，以及每类平台弥合哪道鸿沟", "The chain from research to market, and which platform bridges which gap"),
    ("02_technology_innovation_platforms", "技术创新平台", "Technology-innovation platforms",
     "ABF、CPI、弗劳恩霍夫CBP、DTU Biosustain", "ABF, CPI, Fraunhofer CBP, DTU Biosustain"),
    ("03_pilot_scale_platforms", "中试放大平台", "Pilot and scale-up platforms",
     "BioMADE、Pilots4U、BBEPP、BioPilots UK", "BioMADE, Pilots4U, BBEPP, BioPilots UK"),
    ("04_incubation_platforms", "产业孵化平台", "Industry-incubation platforms",
     "QB3、SynbiCITE、代尔夫特生物技术园区、IndieBio", "QB3, SynbiCITE, Biotech Campus Delft, IndieBio"),
    ("05_china_status_and_gaps", "中国的现状与短板", "China: status and gaps",
     "规模、平台清单、孵化器缺口、中试平台的挑战", "Scale, platform inventory, the incubator gap, pilot-platform challenges"),
    ("06_suzhou_industrial_park", "苏州工业园区", "Suzhou Industrial Park",
     "全链条生态、三大产业与2025-2027行动计划", "Full-chain ecosystem, strategic industries and the action plan"),
    ("07_hangzhou_synbio_plan", "杭州合成生物三年行动计划", "Hangzhou's synthetic-biology plan",
     "目标、赛道与空间布局", "Targets, tracks and spatial layout"),
    ("08_shanghai_zhangjiang", "上海张江科学城", "Shanghai Zhangjiang Science City",
     "原创新药、MAH制度改革与公共服务平台", "Original new drugs, the MAH reform and public service platforms"),
    ("09_other_parks", "其他园区案例", "Other parks",
     "济南、洛阳、肇庆、郑州、河套、襄阳与福建海上风电产业园",
     "Jinan, Luoyang, Zhaoqing, Zhengzhou, Hetao, Xiangyang, Fujian offshore wind"),
    ("10_recommendations", "七条建议", "The recommendations",
     "建议如何对应障碍与短板", "How the recommendations map to barriers and gaps"),
]
STATUS = {"zh": ("可用", "计划中"), "en": ("available", "planned")}
HEADERS = {"zh": ("笔记本", "主题", "内容", "状态"), "en": ("Notebook", "Topic", "What it covers", "Status")}


def notebook_map(lang: str = "en") -> HTML:
    """A table of the notebooks; status is read from the files present, not typed."""
    check_lang(lang)
    i = 0 if lang == "zh" else 1
    rows = []
    for stem, tzh, ten, szh, sen in CATALOGUE:
        present = (NOTEBOOKS / f"{stem}.ipynb").exists()
        status = STATUS[lang][0 if present else 1]
        name = f"<a href='{escape(stem)}.ipynb'>{escape(stem)}</a>" if present else escape(stem)
        rows.append(f"<tr><td><code>{name}</code></td><td>{escape((tzh, ten)[i])}</td>"
                    f"<td>{escape((szh, sen)[i])}</td><td>{escape(status)}</td></tr>")
    head = "".join(f"<th>{escape(h)}</th>" for h in HEADERS[lang])
    from .cards import TABLE_CSS

    return HTML(f"{TABLE_CSS}<table class='biomfg-table biomfg-map'><caption>{escape(t('collection_title', lang))}</caption>"
                f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>")
