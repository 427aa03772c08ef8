"""Sources in full (issue 16): every source is cited with its title, kind, outlet, author where the seed gives
one and date where known (an inferred date shown as the inference it is), the seed's file name a secondary
detail; each detail sources.csv records is quoted from its seed, and validate checks those quotes.

The seeds that are newspaper pages (000, 003) hold several items, each with its own headline and byline
(data/source_items.csv): a figure is cited to the item that reports it, not to the page's lead story. English
citations read as English references (author. original title [translation]. outlet, kind, date.), Chinese ones
as Chinese footnotes (作者：《题名》，类型，出处，日期。)."""

from __future__ import annotations

import re
from html import escape

import pandas as pd
import pytest
from test_data import _set
from test_en_style import lint_en
from test_zh_typography import lint_zh

from biomfg import data
from biomfg.__main__ import main
from biomfg.model import brief as model_brief
from biomfg.model import cases
from biomfg.prose import briefing, sources
from biomfg.tools import validate

from conftest import SEEDS

LANGS = ("zh", "en")
SRC = data.sources().set_index("source_id")
IDS = list(SRC.index)
ITEMS = data.table("source_items").set_index("item_id")
# the bylines of the seeds, read off the texts: 000 opens "▶ 肖瑶", 003 "魏路 本报记者 王春"; the others have none
BYLINES = {"000_0f73dfafe09a0b58.txt": ("肖瑶", "Xiao Yao"),
           "003_e9588accd382155d.txt": ("魏路、王春", "Wei Lu and Wang Chun")}
AUTHOR_END = {"zh": "：", "en": ". "}
CHINESE_PUNCTUATION = re.compile(r"[《》〈〉、，。：；（）［］！？]")
PAGES = ("000_0f73dfafe09a0b58.txt", "003_e9588accd382155d.txt")  # the seeds that are newspaper pages


def _text(value) -> str:
    return "" if value is None or pd.isna(value) else str(value)


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_the_five_seeds_are_all_listed():
    assert sorted(IDS) == sorted(p.name for p in SEEDS.glob("*.txt"))


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("sid", IDS)
def test_every_source_is_cited_with_its_title_and_kind(sid, lang):
    row = SRC.loc[sid]
    cite = sources.citation(sid, lang)
    assert _text(row[f"name_{lang}"]) in cite, cite
    assert _text(row[f"kind_{lang}"]) and _text(row[f"kind_{lang}"]) in cite, cite
    assert sid not in cite  # the file name is a secondary detail, not part of the citation
    outlet = _text(row[f"outlet_{lang}"])
    assert (outlet or {"zh": "出处未注明", "en": "Outlet not stated"}[lang]) in cite, cite
    assert cite.endswith({"zh": "。", "en": "."}[lang]) and not cite.endswith(".."), cite


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("sid", IDS)
def test_the_author_is_shown_exactly_where_the_seed_gives_one(sid, lang):
    cite = sources.citation(sid, lang)
    if sid in BYLINES:
        author = BYLINES[sid][LANGS.index(lang)]
        assert cite.startswith(author + AUTHOR_END[lang]), cite
        assert _text(SRC.loc[sid, "author_zh"]) == BYLINES[sid][0]
    else:  # a citation with no author starts with its title: the seed's own, or the description marked untitled
        row = SRC.loc[sid]
        lang_of_title = _text(row["headline_lang"])
        own = _text(row[f"name_{lang_of_title}"]) if lang_of_title else ""
        # a Chinese citation sets a foreign original title in quotation marks (it is the seed's own words)
        starts = {"zh": (f"《{own}》" if lang_of_title == "zh" else f"“{own}”" if own else "", "［无标题："),
                  "en": (own, "[Untitled: ")}
        assert cite.startswith(tuple(filter(None, starts[lang]))), cite
        assert not _text(row["author_zh"]) and not _text(row["author_en"])


def test_known_details_are_recorded_as_the_seeds_state_them():
    assert (SRC.loc["003_e9588accd382155d.txt", "outlet_zh"], SRC.loc["003_e9588accd382155d.txt", "outlet_en"]) == (
        "科技日报", "Science and Technology Daily")
    assert SRC.loc["004_d0f988d17e3f55ba.txt", "outlet_zh"] == "杭州市促进生物医药产业创新发展领导小组办公室、杭州经信"
    assert SRC.loc["004_d0f988d17e3f55ba.txt", "outlet_kind"] == "credited_source"
    paper = SRC.loc["002_2345a6461b2e6a43.txt"]
    assert paper["kind_en"] == "journal article" and not _text(paper["outlet_zh"])  # the journal is unknown: not guessed
    assert SRC["date"].isna().all()  # no seed states its date


def test_an_inferred_date_is_shown_as_an_inference_not_as_the_date():
    sid = "002_2345a6461b2e6a43.txt"
    assert SRC.loc[sid, "not_before"] == "2025-01-02" and "access" in SRC.loc[sid, "date_note"]
    assert sources.citation(sid, "zh").endswith("，日期未注明（据原文推断，不早于2025年1月2日）。")
    assert sources.citation(sid, "en").endswith(", n.d. [not before 2025-01-02; inferred].")  # ISO, as the header
    assert sources.citation("004_d0f988d17e3f55ba.txt", "en").endswith(", n.d.")  # not 'n.d..'
    assert sources.citation("004_d0f988d17e3f55ba.txt", "zh").endswith("，日期未注明。")


def test_a_translated_title_gives_the_original_first_and_the_translation_in_brackets():
    paper, zhangjiang = sources.citation("002_2345a6461b2e6a43.txt", "zh"), sources.citation("003_e9588accd382155d.txt", "en")
    # the paper's own title is English; the Chinese is a translation
    assert ("“Analysis and reflections on key platform facilities construction of global biomanufacturing industry”"
            "［译题：《全球生物制造产业关键平台设施建设分析与思考》］，期刊论文，") in paper
    assert zhangjiang.startswith("Wei Lu and Wang Chun. 张江科学城：原创新药从这里走向世界 [Zhangjiang Science City: "
                                 "original new drugs go from here to the world]. Science and Technology Daily, news report, ")
    assert sources.citation("004_d0f988d17e3f55ba.txt", "en").startswith("[Untitled: Hangzhou issues ")  # no headline
    assert sources.citation("004_d0f988d17e3f55ba.txt", "zh").startswith("［无标题：杭州发布")
    assert "]. Source: Office of the Hangzhou Leading Group" in sources.citation("004_d0f988d17e3f55ba.txt", "en")


def _all_citations(lang: str) -> dict[str, str]:
    out = {sid: sources.citation(sid, lang) for sid in IDS}
    out.update({iid: sources.citation(row["source_id"], lang, iid) for iid, row in ITEMS.iterrows()})
    return out


@pytest.mark.parametrize("lang", LANGS)
def test_citations_keep_the_house_style(lang):
    lint = lint_zh if lang == "zh" else lint_en
    found = {key: lint(cite) for key, cite in _all_citations(lang).items()}
    assert not any(found.values()), found


def test_english_citations_have_no_chinese_punctuation_outside_an_original_title():
    originals = [*SRC["name_zh"].dropna(), *ITEMS["headline_zh"].dropna()]
    for key, cite in _all_citations("en").items():
        rest = cite
        for title in sorted(originals, key=len, reverse=True):
            rest = rest.replace(title, "")
        assert not CHINESE_PUNCTUATION.search(rest), (key, cite)
        assert not re.search(r"[\u4e00-\u9fff]", rest), (key, cite)  # names in pinyin, the outlet in English


@pytest.mark.parametrize("lang", LANGS)
def test_a_briefings_sources_section_shows_the_citation_before_the_file_name(lang):
    facts = data.facts()
    html = briefing.sources_with_quotes(facts, lang).data
    credited = sorted(set(zip(facts["source"], cases.item_of(facts).fillna(""), strict=True)))
    heads = {sources.citation(sid, lang, iid or None) for sid, iid in credited}
    assert len(heads) == html.count("<li><b>") == 12  # 000: lead, Jinan, Luoyang; 001; 002; 003: six; 004
    for sid, iid in credited:
        cite = html.find(f"<b>{escape(sources.citation(sid, lang, iid or None))}</b>")
        file = html.find(f"<code>{sid}</code>", cite)
        assert -1 < cite < file, (sid, iid, cite, file)
        assert "class='file'" in html[cite:file + len(sid) + 13] and "<b>" not in html[cite + 3:file]
    first = facts.iloc[0]
    assert f"“{escape(first['quote'])}”" in html  # the quotes under each source stay as they are


# --- the items of a newspaper page ----------------------------------------------------------------------

def _briefing_sources(region: str, lang: str) -> str:
    return briefing.sources_with_quotes(model_brief.subject("region", region).figures, lang).data


@pytest.mark.parametrize(("region", "zh", "en", "not_zh", "not_en"), [
    ("jinan_hitech", "高小欣：《济南高新区：深耕智能工厂建设，打造转型升级新标杆》", "Gao Xiaoxin. 济南高新区：深耕智能工厂建设",
     "肖瑶", "Xiao Yao"),
    ("luoyang", "［无标题：洛阳轴研科技主轴轴承配套17兆瓦海上风电机组］", "[Untitled: Luoyang Bearing Research Technology",
     "肖瑶", "Xiao Yao"),
    ("hetao_shenzhen_hk", "罗云鹏：《三家国际科创机构落地——河套深港科技创新合作区深圳园区》", "Luo Yunpeng. 三家国际科创机构落地",
     "魏路", "Wei Lu"),
    ("zhaoqing_hitech", "龙跃梅、方斌、赖小琴：《肇庆高新区：新能源智能汽车“一路疾驰”》",
     "Long Yuemei, Fang Bin and Lai Xiaoqin. ", "魏路", "Wei Lu"),
    ("zhengzhou", "孙越、刘地：《郑州高新区", "Sun Yue and Liu Di. 郑州高新区", "魏路", "Wei Lu"),
    ("xiangyang_hitech", "吴纯新、李宁、车琦璐：", "Wu Chunxin, Li Ning and Che Qilu. ", "魏路", "Wei Lu"),
    ("fujian_three_gorges_wind_park",
     "姜克红：《福建三峡海上风电国际产业园：提升海上风电装备国产化制造能力》，新闻图片，《科技日报》",
     "Jiang Kehong. 福建三峡海上风电国际产业园", "魏路", "Wei Lu"),
])
def test_a_short_items_figures_are_cited_to_it_not_to_the_lead_story(region, zh, en, not_zh, not_en):
    html = {lang: _briefing_sources(region, lang) for lang in LANGS}
    assert escape(zh) in html["zh"] and escape(en) in html["en"], region
    assert not_zh not in html["zh"] and not_en not in html["en"], region  # the lead story's byline is gone
    page = next(sid for sid in PAGES if f"<code>{sid}</code>" in html["en"])  # the file stays, a secondary detail
    assert escape(sources.citation(page, "en")) not in html["en"]


@pytest.mark.parametrize(("region", "byline"), [("suzhou_sip", "Xiao Yao. "), ("shanghai_zhangjiang", "Wei Lu and Wang Chun. ")])
def test_the_lead_storys_figures_keep_the_pages_citation(region, byline):
    html = _briefing_sources(region, "en")
    assert escape(byline) in html
    page = next(sid for sid in PAGES if f"<code>{sid}</code>" in html)
    assert html.count(f"<code>{page}</code>") == 1  # its facts with no case of their own (Paxlovid) join the lead's


def test_the_items_table_covers_every_item_of_the_two_pages():
    assert sorted(ITEMS.index) == sorted(["item_000_sip", "item_000_jinan", "item_000_luoyang", "item_003_zhangjiang",
                                          "item_003_zhaoqing", "item_003_zhengzhou", "item_003_hetao",
                                          "item_003_xiangyang", "item_003_fujian"])
    assert set(ITEMS["source_id"]) == set(PAGES)
    facts = data.facts()
    on_pages = facts[facts["source"].isin(PAGES)]
    assert cases.item_of(on_pages).notna().sum() == len(on_pages) - 5  # 003: the drug-development and Paxlovid
    # figures and Shanghai's count belong to no case; they are the lead story's, the page's own citation
    assert cases.item_of(facts[~facts["source"].isin(PAGES)]).isna().all()
    for sid in PAGES:  # the lead story is the item sources.csv cites for the whole page
        lead = ITEMS[ITEMS["source_id"] == sid].iloc[0]
        for lang in LANGS:
            assert sources.citation(sid, lang, lead.name) == sources.citation(sid, lang)


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed texts not beside the project (../shared/seeds)")
def test_each_figure_on_a_page_lies_in_the_text_of_the_item_it_is_cited_to():
    facts = data.facts()
    facts = facts[facts["source"].isin(PAGES)]
    credited = cases.item_of(facts)
    for sid in PAGES:
        text = _squash((SEEDS / sid).read_text(encoding="utf-8"))
        items = ITEMS[ITEMS["source_id"] == sid]
        starts = sorted((text.index(_squash(q)), iid) for iid, q in items["start_quote"].items())
        assert starts[0][0] == 0  # the lead story opens the page
        for fid, f in facts[facts["source"] == sid].iterrows():
            at = text.index(_squash(str(f["quote"]).split(validate.QUOTE_SEPARATOR)[0]))
            placed = [iid for start, iid in starts if start <= at][-1]
            assert placed == (credited[fid] or starts[0][1]), (f["fact_id"], f["quote"], placed, credited[fid])


def test_an_unknown_item_or_an_item_of_another_seed_is_refused():
    with pytest.raises(ValueError, match="valid choices: item_000_sip, item_000_jinan"):
        sources.citation("000_0f73dfafe09a0b58.txt", "en", "item_000_nowhere")
    with pytest.raises(ValueError, match="is on 003_e9588accd382155d.txt"):
        sources.citation("000_0f73dfafe09a0b58.txt", "en", "item_003_hetao")


@pytest.mark.parametrize("lang", LANGS)
def test_the_closing_list_shows_the_citation_with_the_file_name_after_it(lang):
    html = sources.listing(lang).data
    for sid in IDS:
        cite, file = html.find(escape(sources.citation(sid, lang))), html.find(f"<code>{sid}</code>")
        assert -1 < cite < file, (sid, cite, file)
    one = sources.listing(lang, ["003_e9588accd382155d.txt"]).data
    assert one.count("<li>") == 1 and {"zh": "《科技日报》", "en": "Science and Technology Daily"}[lang] in one


def test_an_unknown_source_names_the_valid_choices():
    with pytest.raises(ValueError, match="valid choices: 000_0f73dfafe09a0b58.txt"):
        sources.citation("999_unknown.txt", "en")


# --- the quotes behind the details ------------------------------------------------------------------------

@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed texts not beside the project (../shared/seeds)")
@pytest.mark.parametrize("column", list(validate.SOURCE_DETAILS))
def test_each_new_quote_is_found_in_its_seed(column):
    texts = {p.name: _squash(p.read_text(encoding="utf-8")) for p in SEEDS.glob("*.txt")}
    quoted = 0
    for sid, row in SRC.iterrows():
        quote = _text(row[column])
        values = [_text(row[c]) for c in validate.SOURCE_DETAILS[column]]
        assert bool(quote) == any(values), (sid, column)  # a detail comes with its quote, a quote with its detail
        for part in filter(None, quote.split(validate.QUOTE_SEPARATOR)):
            assert _squash(part) in texts[sid], (sid, column, part)
            quoted += 1
    assert quoted or column == "date_quote"  # no seed states its date


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed texts not beside the project (../shared/seeds)")
def test_each_items_quotes_are_found_in_its_seed():
    texts = {p.name: _squash(p.read_text(encoding="utf-8")) for p in SEEDS.glob("*.txt")}
    for iid, row in ITEMS.iterrows():
        assert bool(_text(row["author_quote"])) == bool(_text(row["author_zh"])) == bool(_text(row["author_en"])), iid
        assert bool(_text(row["kind_quote"])) == bool(_text(row["kind_zh"])) == bool(_text(row["kind_en"])), iid
        for column in validate.DETAIL_QUOTES["source_items"]:
            for part in filter(None, _text(row[column]).split(validate.QUOTE_SEPARATOR)):
                assert _squash(part) in texts[row["source_id"]], (iid, column, part)
    assert ITEMS["headline_quote"].isna().sum() == 1  # the Luoyang item has no headline in the extraction


BROKEN_DETAILS = [  # (table, row, column, value, what validate says); sources row 2 is 000, items row 3 the Jinan item
    ("sources", 2, "author_quote", "▶ 王小明", "column author_quote: not found verbatim in 000_0f73dfafe09a0b58.txt"),
    ("sources", 2, "author_quote", "", "column author_quote: author_zh is given without the seed's words for it"),
    ("sources", 2, "outlet_quote", "科技日报讯", "column outlet_quote: a quote for no value"),
    ("sources", 2, "author_en", "Xiao Yao, Li Si", "column author_en: 'Xiao Yao, Li Si' does not name each of"),
    ("sources", 2, "date_note", "", "column date_note: not_before is an inference"),
    ("source_items", 3, "author_quote", "新高地。 王小明", "column author_quote: not found verbatim in 000_0f73dfafe09a0b58.txt"),
    ("source_items", 3, "author_quote", "", "column author_quote: author_zh is given without the seed's words for it"),
    ("source_items", 3, "author_en", "Gao Xiaoxin, Li Si", "column author_en: 'Gao Xiaoxin, Li Si' does not name each of"),
    ("source_items", 3, "headline_quote", "济南高新区 深耕智能制造", "column headline_quote: not found verbatim"),
    ("source_items", 3, "start_quote", "本报讯 近日，山西省", "column start_quote: not found verbatim"),
    ("source_items", 3, "kind_quote", "本报讯", "column kind_quote: a quote for no value"),
    ("source_items", 3, "region_id", "jinan", "column region_id: 'jinan' is not a case"),
    ("source_items", 3, "region_id", "suzhou_sip", "column region_id: row 2 of the same seed already reports on"),
    ("source_items", 3, "region_id", "nowhere", "column region_id: 'nowhere' is not a region_id in regions.csv"),
    ("source_items", 3, "source_id", "999_unknown.txt", "column source_id: '999_unknown.txt' is not a source_id"),
]


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed texts not beside the project (../shared/seeds)")
@pytest.mark.parametrize(("table", "row", "column", "value", "expected"), BROKEN_DETAILS)
def test_validate_checks_the_details_and_their_quotes(table, row, column, value, expected, data_copy, capsys):
    _set(data_copy, table, row, column, value)
    assert main(["validate", "--data", str(data_copy), "--seeds", str(SEEDS)]) == 1
    assert f"{table}.csv row {row}, {expected}" in capsys.readouterr().err
