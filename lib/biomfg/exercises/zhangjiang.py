"""Exercises of 08_shanghai_zhangjiang."""

from __future__ import annotations

from html import escape

from .. import data
from .base import Question, register
from .judges import as_int, match_name, whole_number


def _event_year(kind: str) -> int:
    ev = data.table("events")
    ev = ev[(ev["kind"] == kind) & ev["year"].notna()].sort_values("year")
    return int(ev["year"].iloc[0])


def _proposed() -> int:
    return _event_year("reform_proposed")


def _proposed_judge(given, right, lang):
    n = as_int(given)
    if n is None:
        return False, whole_number(lang)
    if n == right:
        return True, (f"{right}年，张江率先提出MAH改革需求。" if lang == "zh"
                      else f"In {right} Zhangjiang first proposed the MAH reform.")
    if n == _event_year("reform_pilot"):
        return False, ("这是首个试点品种获批的年份；提出还要更早。" if lang == "zh"
                       else "That is the year of the first pilot variety; the proposal came earlier.")
    return False, ("看时间线的第一步。" if lang == "zh" else "Look at the first step of the timeline.")


def _proposed_solution(lang):
    code = "ev = data.table('events')\nev[ev['kind'] == 'reform_proposed'][['year', 'name_en']]"
    return f"<pre>{escape(code)}</pre><p>{_proposed()}</p>"


def _gap() -> int:
    return _event_year("reform_pilot") - _event_year("reform_proposed")


def _gap_judge(given, right, lang):
    n = as_int(given)
    if n is None:
        return False, whole_number(lang)
    a, b = _event_year("reform_proposed"), _event_year("reform_pilot")
    if n == right:
        return True, (f"{b} − {a} = {right}年。" if lang == "zh" else f"{b} − {a} = {right} years.")
    return False, ("用试点年份减去提出年份。" if lang == "zh" else "Subtract the proposal year from the pilot year.")


def _gap_solution(lang):
    code = ("ev = data.table('events').dropna(subset=['year'])\n"
            "ev.loc[ev['kind'] == 'reform_pilot', 'year'].min() - ev.loc[ev['kind'] == 'reform_proposed', 'year'].min()")
    return f"<pre>{escape(code)}</pre><p>{_gap()}</p>"


def _maker() -> str:
    return str(data.table("products").set_index("product_id").loc["pyrotinib_capsule", "firm_id"])


def _maker_judge(given, right, lang):
    firms = data.table("firms")
    text = str(given).strip().lower()
    if "hengrui" in text or "恒瑞" in text:
        return False, ("现实中吡咯替尼通常被认为是恒瑞医药的药物，但本题问的是来源怎么写：来源把它写成了另一家企业的药。"
                       "数据照原文记录，并为维护者注明了这一矛盾，没有改正。" if lang == "zh" else
                       "Pyrotinib is generally known as Jiangsu Hengrui's drug, but the question asks what the "
                       "source says, and it names another firm. The data keeps the source's wording, records the "
                       "contradiction for its maintainers, and does not correct it.")
    fid = match_name(given, firms, "firm_id")
    if fid is None:
        return False, ("请填写一家企业的名称。" if lang == "zh" else "Name a firm.")
    name = escape(str(firms.set_index("firm_id").loc[right, f"name_{lang}"]))
    if fid == right:
        return True, (f"来源写的是{name}。但要注意：这与通常的认知矛盾，数据为维护者记录了这一点，没有改正。" if lang == "zh"
                      else f"The source says {name}. Note, though, that this contradicts what is generally known; "
                      "the data records the contradiction for its maintainers and does not correct it.")
    return False, ("看药品表中吡咯替尼胶囊那一行。" if lang == "zh" else "Look at the pyrotinib row of the drugs table.")


def _maker_solution(lang):
    code = ("firm = data.table('products').set_index('product_id').loc['pyrotinib_capsule', 'firm_id']\n"
            "data.table('firms').set_index('firm_id').loc[firm, ['name_zh', 'name_en']]")
    name = escape(str(data.table("firms").set_index("firm_id").loc[_maker(), f"name_{lang}"]))
    why = ("来源如此写；这与通常的认知（吡咯替尼是恒瑞医药的药物）矛盾，数据照原文记录，没有改正。" if lang == "zh" else
           "So the source says; it contradicts what is generally known (pyrotinib is Jiangsu Hengrui's drug), and "
           "the data keeps the source's wording without correcting it.")
    return f"<pre>{escape(code)}</pre><p><b>{name}</b></p><p>{why}</p>"


register("08-q1", Question(
    {"en": "In what year did Zhangjiang first propose the MAH reform?", "zh": "张江在哪一年率先提出MAH改革需求？"},
    _proposed, _proposed_judge, _proposed_solution))
register("08-q2", Question(
    {"en": "How many years passed between the first proposal and the first pilot variety?",
     "zh": "从率先提出到首个试点品种获批，相隔多少年？"},
    _gap, _gap_judge, _gap_solution))
register("08-q3", Question(
    {"en": "Which firm does the source name as the maker of pyrotinib capsules?",
     "zh": "来源说吡咯替尼胶囊是哪家企业的药？"},
    _maker, _maker_judge, _maker_solution))
