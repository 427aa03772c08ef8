"""Chinese typography in every Chinese text a reader sees (issue 15): the house style of the sources.

- space: no space between a Chinese character (or full-width punctuation) and a number or a Latin word
  (总产值超4000亿元, not 总产值 超 4000亿元); spaces between Latin tokens are English's own.
- punct: full-width punctuation next to Chinese: no ASCII , : ; ( ) ? ! . touching a Chinese character
  (来源：…, （技术创新平台）); ASCII inside Latin names and numbers is left alone (Pilots4U, 2024-2026).
- grouping: no thousands separator in a Chinese figure (2000, not 2,000).
- measure: a count takes its measure word (11个, 4家, 17条): a bare Arabic number directly followed by a
  Chinese word that is not a measure word or a unit (MEASURES) is flagged; not a label (表3, 第4, 前4), a
  fraction (2/3) or the first number of a range or a choice (200至7.5万升, 12.3或…).
- numeral: set phrases use Chinese numerals: 三大, 五大, 八连冠, 前四, 第一 (not 3大, 8连冠, 前4, 第1).
- english: no English sentence shown to a Chinese reader: three or more English words in a row, or two
  lower-case ones ("valid choices"), outside quotes “…” and the names data/ gives things.
- id: no snake_case id (suzhou_sip) and no indicator name dumped in brackets (…3项要点（核心功能数量）): the
  sentence says what the figure counts.

Verbatim quotes “…” are the sources' own typography and are not linted (their text is never changed).
"""

from __future__ import annotations

import functools
import re

import pytest

import reader

CJK = r"\u3400-\u4dbf\u4e00-\u9fff"
FULL = r"，。：；（）、！？“”《》〈〉【】"  # full-width punctuation (a spaced · or — is a separator)
HAN = f"[{CJK}]"
HAN_OR_FULL = f"[{CJK}{FULL}]"
LATIN_NUM = r"[A-Za-z0-9%]"
SPACE = r"[ \t\u00a0\u3000]+"

# What may directly follow an Arabic number in Chinese: measure words, units, magnitudes, dates and the
# words that qualify a number (多, 余, 以上 ...). A Chinese noun directly after a count is a missing measure.
MEASURES = set(
    "个家项条座所名位件类种批次只台套篇本道张层级期届款例支组处栋间片股笔份枚部辆架艘株头轮场门节段章页"
    "人户强国"  # 近30位, 100多位, 20强 (a set phrase the sources write with digits above ten), 汇集8国
    "年月日号时分秒周天岁"
    "元米吨升亩剂倍克度"
    "万亿千百十"
    "多余来"
)
MEASURE_WORDS = ("个月", "平方", "立方", "公里", "公顷", "千瓦", "兆瓦", "美元", "英镑", "欧元", "丹麦克朗", "以上", "以下",
                 "以内", "左右", "万", "亿",
                 "至", "到", "或", "和", "与")  # a range or a choice: the measure follows the last number


@functools.cache
def _latin_names() -> tuple[str, ...]:
    """The Latin parts of the names data/ gives things (BioPilots UK, Bio Base Europe Pilot Plant), longest
    first: a name is not an English sentence."""
    names = set()
    for value in reader.data_names()["names"]:
        names.update(m.strip() for m in re.findall(r"[A-Za-z][A-Za-z0-9.&'’\- ]*[A-Za-z0-9.]", value))
    return tuple(sorted((n for n in names if " " in n), key=len, reverse=True))


def _snip(text: str, m: re.Match) -> str:
    """The match in brackets, with up to 15 characters of its line either side."""
    start, end = text.rfind("\n", 0, m.start()) + 1, text.find("\n", m.end())
    end = len(text) if end < 0 else end
    return f"{text[max(start, m.start() - 15):m.start()]}⟦{m.group()}⟧{text[m.end():min(end, m.end() + 15)]}"


RULES = {
    "space": re.compile(rf"(?<={HAN_OR_FULL}){SPACE}(?={LATIN_NUM})|(?<={LATIN_NUM}){SPACE}(?={HAN_OR_FULL})"
                        rf"|(?<={HAN_OR_FULL}){SPACE}(?={HAN})|(?<={HAN}){SPACE}(?={HAN_OR_FULL})"),
    "punct": re.compile(rf"{HAN} ?[,:;()?!]|[,:;()?!] ?{HAN}|{HAN}\.(?![\w.])|[(][^()\n]*{HAN}[^()\n]*[)]"),
    "grouping": re.compile(r"(?<![A-Za-z0-9_.])\d{1,3}(?:,\d{3})+(?![\d])"),
    "numeral": re.compile(r"(?<![\d.A-Za-z])[1-9](?:大|连冠)|(?<!提)前[1-9](?![\d.])|第[1-9](?![\d.])"),
    "id": re.compile(r"(?<![A-Za-z0-9_.\-/])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![A-Za-z0-9_.\-/])"),
}
NUMBER = re.compile(rf"(?<![A-Za-z0-9_.,])\d+(?:\.\d+)?(?={HAN})")


def lint_zh(text: str) -> list[tuple[str, str]]:
    """(rule, offending text) for each fault in one Chinese text a reader sees."""
    plain = reader.unquoted(text)
    out = []
    for rule, pattern in RULES.items():
        out += [(rule, _snip(plain, m)) for m in pattern.finditer(plain)]
    for m in NUMBER.finditer(plain):
        after = plain[m.end():]
        before = plain[max(0, m.start() - 1):m.start()]
        label = before in ("第", "前", "/", "表", "图")  # 第4, 前4 (the numeral rule's), 2/3, 表3: not a count
        if label or after.startswith(("大", "连冠", *MEASURE_WORDS)) or after[0] in MEASURES:
            continue
        out.append(("measure", _snip(plain, m)))
    # English: names data/ gives things are not sentences; then 3+ words, or 2 lower-case words, in a row
    latin = plain
    for name in _latin_names():
        latin = latin.replace(name, reader.CODE)
    for m in re.finditer(r"[A-Za-z][A-Za-z'’\-]*(?:[ ,]+[A-Za-z][A-Za-z'’\-]*)+", latin):
        words = re.findall(r"[A-Za-z][A-Za-z'’\-]*", m.group())
        lower = [w for w in words if w.islower() and len(w) > 1]
        if len(words) >= 3 or len(lower) >= 2:
            out.append(("english", _snip(latin, m)))
    for name in reader.data_names()["indicators_zh"]:
        for m in re.finditer(rf"（{re.escape(name)}）", plain):
            out.append(("id", _snip(plain, m)))
    return out


# --- the rules catch what they look for, and leave alone what they should ------------------------------

@pytest.mark.parametrize(("rule", "bad", "good"), [
    ("space", "总产值 超 4000亿元", "总产值超4000亿元"),
    ("space", "在 JupyterLab 中运行", "在JupyterLab中运行"),
    ("space", "学习时间： 20 分钟", "学习时间：20分钟"),
    ("space", "上游 、中游", "Bio Base Europe Pilot Plant的中试"),
    ("punct", "来源: 原文", "来源：原文"),
    ("punct", "欧盟Pilots4U (中试放大平台)", "欧盟Pilots4U（中试放大平台）"),
    ("punct", "原文没有说明.", "规划期（2024-2026）。"),
    ("grouping", "约2,000家", "约2000家"),
    ("measure", "共3障碍", "共3道障碍，4家企业，17条措施，11个平台"),
    ("measure", "原文介绍了4代表案例", "2027年，超100家，5.16%，3686亿元，20个月"),
    ("measure", "2025-2027行动计划", "200至7.5万升，12至15，例如12.3或15，表1至表3共介绍了，2/3的企业，汇集8国13家机构"),
    ("numeral", "园区的3大产业", "园区的三大产业"),
    ("numeral", "实现8连冠", "实现八连冠"),
    ("numeral", "居全国前4", "居全国前四，全球前20，提前3年"),
    ("numeral", "列苏州市第1", "列苏州市第一，第23位"),
    ("english", "原文：the park builds a full-chain ecosystem", "原文：“office, lab and event space”"),
    ("english", "阶段 (valid choices)", "英国生物试点项目（BioPilots UK）"),
    ("id", "所属园区：suzhou_sip", "见002_2345a6461b2e6a43.txt"),
    ("id", "核心功能数量为5个（核心功能数量）", "核心功能数量为5个"),
])
def test_each_rule_flags_the_fault_and_passes_the_house_style(rule, bad, good):
    assert rule in {r for r, _ in lint_zh(bad)}, lint_zh(bad)
    assert lint_zh(good) == [], lint_zh(good)


def test_quotes_are_the_sources_own_and_are_not_linted():
    assert lint_zh("原文：“ABF 为创新项目提供 2 类资金支持”") == []
    assert lint_zh("原文：ABF 为创新项目提供 2 类资金支持") != []
    assert lint_zh("原文“欧盟Pilots4U … 欧盟委员会通过“地平线2020” … 成立时间 2020年 2017年”") == []


# --- every Chinese text a reader sees ------------------------------------------------------------------

def test_every_chinese_text_a_reader_sees_keeps_the_house_style():
    texts = list(reader.texts("zh"))
    kinds = {k for where, _ in texts for k in ("markdown", "exercise", "[chart]", "[control]", "region=", "cell") if k in where}
    assert len(texts) > 1000 and len(kinds) == 6, (len(texts), kinds)  # the harvest is whole, so zero means zero
    found = [f"{where}\n    [{rule}] {snip}" for where, text in texts for rule, snip in lint_zh(text)]
    print("\n".join(found))
    assert found == [], f"{len(found)} findings:\n" + "\n".join(found)
