"""Every user-visible label in zh and en. Entity names come from the data's name_zh / name_en."""

from __future__ import annotations

LANGS = ("en", "zh")
DEFAULT_LANG = "en"

LABELS: dict[str, dict[str, str]] = {
    # collection
    "collection_title": {"en": "Biomanufacturing platforms: from the lab to the market",
                         "zh": "生物制造平台设施：从实验室到市场"},
    "source": {"en": "Source", "zh": "来源"},
    "sources": {"en": "Sources", "zh": "来源"},
    "quote": {"en": "Quote", "zh": "原文"},
    "note": {"en": "Note", "zh": "备注"},
    "no_data": {"en": "No value in the sources", "zh": "来源中没有该数值"},
    "static_view": {"en": "Static view (for reports): all platforms", "zh": "静态视图（用于报告）：全部平台"},
    "interactive_needs_kernel": {"en": "Interactive widget: run the notebook to use it",
                                 "zh": "交互组件：运行笔记本后可用"},
    # platform types and barriers (names also in data; these are short axis labels)
    "platform_type": {"en": "Platform type", "zh": "平台类型"},
    "platform": {"en": "Platform", "zh": "平台"},
    "country": {"en": "Country", "zh": "国家"},
    "founded": {"en": "Founded", "zh": "成立时间"},
    "founded_year": {"en": "Year founded", "zh": "成立年份"},
    "direction": {"en": "Main research direction", "zh": "主要研究方向"},
    "progress": {"en": "Latest progress", "zh": "最新进展"},
    "success": {"en": "Success factors", "zh": "成功经验"},
    "operator": {"en": "Operator", "zh": "运营方"},
    "funding": {"en": "Funding", "zh": "资金来源"},
    "facts": {"en": "Figures", "zh": "数据"},
    "value": {"en": "Value", "zh": "数值"},
    "year": {"en": "Year", "zh": "年份"},
    "indicator": {"en": "Indicator", "zh": "指标"},
    # charts
    "timeline_title": {"en": "When the exemplar platforms were founded",
                       "zh": "国际代表性平台的成立时间"},
    "timeline_subtitle": {"en": "Founding year, by platform type", "zh": "成立年份，按平台类型着色"},
    "count_by_type_title": {"en": "Exemplars by platform type", "zh": "各类平台的代表案例数"},
    "count": {"en": "Number of platforms", "zh": "平台数量"},
    # widgets
    "choose_platform": {"en": "Platform", "zh": "选择平台"},
    "choose_type": {"en": "Platform type", "zh": "平台类型"},
    "all_types": {"en": "All types", "zh": "全部类型"},
    # notebook skeleton
    "overview": {"en": "Overview", "zh": "概述"},
    "prerequisites": {"en": "Prerequisites", "zh": "预备知识"},
    "time_to_learn": {"en": "Time to learn", "zh": "学习时间"},
    "summary": {"en": "Summary", "zh": "小结"},
    "whats_next": {"en": "What's next", "zh": "下一步"},
    # reports and briefings
    "briefing_suffix": {"en": ": briefing", "zh": "简报"},
    "overview_briefing": {"en": "Biomanufacturing platforms: overview briefing", "zh": "生物制造平台设施总览简报"},
    "reports_title": {"en": "Reports", "zh": "报告"},
    "data_version": {"en": "Data version", "zh": "数据版本"},
    "files": {"en": "Files", "zh": "文件"},
    "key_figures": {"en": "Key figures", "zh": "关键数据"},
    "figures_period": {"en": "Figures refer to", "zh": "数据年份"},
    "undated": {"en": "undated", "zh": "未注明年份"},
    "quotes_behind": {"en": "Sources and the quotes behind the figures", "zh": "来源及数据所依据的原文"},
    "target": {"en": "target", "zh": "目标"},
    "figures_title": {"en": "Every figure the sources give", "zh": "来源给出的全部数据"},
    "all_in_appendix": {"en": "All {n} figures, with the quotes behind them, are in the appendix.",
                        "zh": "全部{n}项数据及其原文见附录。"},
    "headline_title": {"en": "The figures in {unit}", "zh": "以{unit}计的各项数据"},
    "no_headline_chart": {"en": "The sources give no two figures of one kind to compare; every figure is listed in the appendix.",
                          "zh": "来源未给出两项可比较的同类数据；全部数据见附录。"},
    "targets_title": {"en": "Targets and their deadlines", "zh": "目标及期限"},
    "no_targets": {"en": "The sources state no numeric target for this case.", "zh": "来源中没有该案例的数值目标。"},
    "estimate": {"en": "estimate", "zh": "预计"},
    # errors shown to users
    "error": {"en": "Problem", "zh": "问题"},
    "fix": {"en": "How to fix", "zh": "解决办法"},
    # exercise checker
    "correct": {"en": "Correct", "zh": "正确"},
    "not_quite": {"en": "Not quite", "zh": "还不对"},
}


def register(labels: dict[str, dict[str, str]]) -> None:
    """Add a topic module's labels. Each needs both languages; a key may be defined only once."""
    for key, texts in labels.items():
        if set(texts) != set(LANGS) or not all(texts.values()):
            raise ValueError(f"label {key!r} needs non-empty text for each of: {', '.join(LANGS)}")
        if key in LABELS and LABELS[key] != texts:
            raise ValueError(f"label {key!r} is already defined differently")
        LABELS[key] = texts


class ChoiceError(ValueError):
    """An unknown parameter value (lang, region, ...): the message names the valid choices."""


def check_lang(lang: str) -> str:
    """Return lang if supported, else raise a one-line error naming the valid choices."""
    if lang not in LANGS:
        raise ChoiceError(f"lang={lang!r} is not supported; valid choices: {', '.join(LANGS)}")
    return lang


def t(key: str, lang: str = DEFAULT_LANG) -> str:
    """The label `key` in `lang`."""
    check_lang(lang)
    try:
        return LABELS[key][lang]
    except KeyError:
        raise KeyError(f"no label {key!r}; add it to biomfg.i18n.LABELS in zh and en") from None


def name(row, lang: str = DEFAULT_LANG) -> str:
    """An entity's name from a data row (mapping or Series with name_zh / name_en)."""
    return str(row[f"name_{check_lang(lang)}"])


def col(base: str, lang: str = DEFAULT_LANG) -> str:
    """The column holding `base` text in `lang`, e.g. col('direction', 'zh') == 'direction_zh'."""
    return f"{base}_{check_lang(lang)}"
