"""Exercises of 10_recommendations, checked with the policy-mix logic (biomfg.policy)."""

from __future__ import annotations

from html import escape
from itertools import combinations

from .. import data
from ..model import policy
from ..model.names import match_name
from .base import Question, register


def _zh(lang):
    return lang == "zh"


def _rec_id(given) -> str | None:
    """A recommendation from its id, its number in the article, or its name (zh or en, any case)."""
    return match_name(given, data.table("recommendations"), "rec_id", also=("order",))


def _rec_name(rid: str, lang: str) -> str:
    """'2 平台支撑' / '2 platform support': the article's number and the name, never the id."""
    r = data.table("recommendations").set_index("rec_id").loc[rid]
    return f"{int(r['order'])} {r[f'name_{lang}']}"


def _rec_choices(lang: str) -> str:
    """Every recommendation as its number and name, for a message naming the valid choices."""
    return ("、" if _zh(lang) else "; ").join(_rec_name(r, lang) for r in policy.recommendation_ids())


def _reach() -> dict[str, int]:
    links = data.table("recommendation_links")
    counts = links.groupby("rec_id").size()
    return {rid: int(counts.get(rid, 0)) for rid in policy.recommendation_ids()}


# --- q1: the recommendation that addresses the most ------------------------------------------

def _widest() -> str:
    reach = _reach()
    return max(reach, key=reach.get)


def _widest_judge(given, right, lang):
    rid = _rec_id(given)
    if rid is None:
        valid = _rec_choices(lang)
        return False, (f"不认识“{escape(str(given))}”；请填建议的编号或名称：{escape(valid)}" if _zh(lang) else
                       f"“{escape(str(given))}” is not a recommendation; give its number or name: {escape(valid)}")
    reach = _reach()
    name = escape(_rec_name(rid, lang))
    if reach[rid] == reach[right]:
        return True, (f"{name}针对{reach[rid]}个障碍或短板，最多。" if _zh(lang) else
                      f"{name} addresses {reach[rid]} barriers or gaps, more than any other.")
    return False, (f"{name}只针对{reach[rid]}个；在对应图中数一数每一列的圆点。" if _zh(lang) else
                   f"{name} addresses {reach[rid]}; count the dots in each column of the map.")


def _widest_solution(lang):
    code = "links = data.table('recommendation_links')\nlinks.groupby('rec_id').size().sort_values()"
    rid = _widest()
    n = _reach()[rid]
    said = f"（针对{n}个障碍或短板）" if _zh(lang) else f" (addresses {n} barriers or gaps)"
    return f"<pre>{escape(code)}</pre><p><b>{escape(_rec_name(rid, lang))}</b>{said}</p>"


register("10-q1", Question(
    {"en": "Which recommendation addresses the most barriers and gaps? (its number or name)",
     "zh": "哪条建议针对的障碍和短板最多？（填编号或名称）"},
    _widest, _widest_judge, _widest_solution))


# --- q2: the pilot-platform challenge no recommendation addresses ----------------------------

def _challenge_id(given) -> str | None:
    g = data.table("gaps")
    return match_name(given, g[g["kind"] == "pilot_challenge"], "gap_id")


def _orphan() -> str:
    m = policy.mix(policy.equal_weights())
    pcs = m.targets[(m.targets["kind"] == "pilot_challenge") & ~m.targets["reachable"]]
    return str(pcs.iloc[0]["target_id"]) if len(pcs) else ""


def _orphan_judge(given, right, lang):
    gid = _challenge_id(given)
    g = data.table("gaps")
    valid = ("、" if _zh(lang) else "; ").join(g.loc[g["kind"] == "pilot_challenge", f"name_{lang}"])
    if gid is None:
        return False, (f"这不是五大挑战之一；可选：{escape(valid)}" if _zh(lang) else
                       f"That is not one of the pilot-platform challenges; choose from: {escape(valid)}")
    name = escape(str(g.set_index("gap_id").loc[gid, f"name_{lang}"]))
    if gid == right:
        return True, (f"“{name}”在数据中没有任何建议与之对应：即使所有建议权重都很高，它仍是空白。" if _zh(lang) else
                      f"No recommendation is linked to “{name}” in the data: it stays open whatever the weights.")
    by = policy.mix(policy.equal_weights()).targets.set_index("target_id").loc[gid, "by"]
    who = escape(("、" if _zh(lang) else ", ").join(_rec_name(r, lang) for r in by))
    return False, (f"“{name}”由建议{who}针对；找一个在政策组合中始终为空白的挑战。" if _zh(lang) else
                   f"“{name}” is addressed by {who}; look for the challenge that stays open in every mix.")


def _orphan_solution(lang):
    code = ("m = policy.mix(policy.equal_weights())\n"
            "m.targets[(m.targets['kind'] == 'pilot_challenge') & ~m.targets['reachable']]")
    name = data.table("gaps").set_index("gap_id").loc[_orphan(), f"name_{lang}"] if _orphan() else "—"
    return f"<pre>{escape(code)}</pre><p><b>{escape(str(name))}</b></p>"


register("10-q2", Question(
    {"en": "Which of the pilot-platform challenges does no recommendation address? (its name)",
     "zh": "中试平台的哪一项挑战没有任何建议针对？（填名称）"},
    _orphan, _orphan_judge, _orphan_solution))


# --- q3: the smallest mix that covers every barrier ------------------------------------------

def _barrier_ids() -> list[str]:
    return list(data.table("barriers")["barrier_id"])


def _smallest_cover() -> int:
    """The fewest recommendations whose links reach every barrier (0 if none can)."""
    ids = policy.recommendation_ids()
    for k in range(1, len(ids) + 1):
        for combo in combinations(ids, k):
            m = policy.mix(dict.fromkeys(combo, 1))
            if set(_barrier_ids()) <= set(m.covered):
                return k
    return 0


def _as_weights(given):
    """A mix keyed by recommendation id, number or name (the judge accepts all three); None if not a dict
    or a key names no recommendation."""
    if not isinstance(given, dict):
        return None
    out = {}
    for key, weight in given.items():
        rid = _rec_id(key)
        if rid is None:
            return None
        out[rid] = weight  # policy.mix checks the weights and names a bad one
    return out


def _cover_judge(given, right, lang):
    weights = _as_weights(given)
    try:
        if weights is None:
            raise policy.PolicyError("not a mix")
        m = policy.mix(weights)
    except policy.PolicyError:
        valid = escape(_rec_choices(lang))
        return False, ("组合无效：请给出一个字典，键为建议的编号或名称，值为不小于零的数字，例如 <code>{2: 1}</code>。"
                       f"可选的建议：{valid}" if _zh(lang) else
                       "That is not a mix: give a dict whose keys are recommendations (their number or name) and "
                       f"whose values are numbers of zero or more, e.g. <code>{{2: 1}}</code>. The recommendations: {valid}")
    names = data.table("barriers").set_index("barrier_id")[f"name_{lang}"]
    missing = [b for b in _barrier_ids() if b not in m.covered]
    used = sum(1 for v in m.weights.values() if v > 0)
    if missing:
        miss = escape("、".join(names[b] for b in missing) if _zh(lang) else ", ".join(names[b] for b in missing))
        return False, (f"还没有覆盖：{miss}。看对应图中这些障碍所在的行。" if _zh(lang) else
                       f"Still open: {miss}. Look at the rows of these barriers in the map.")
    if used > right:
        return False, (f"全部障碍都覆盖了，但用了{used}条建议；最少只需{right}条。" if _zh(lang) else
                       f"Every barrier is covered, but with {used} recommendations; {right} are enough.")
    return True, (f"只用{used}条建议就覆盖了全部障碍。注意还有哪些短板仍是空白。" if _zh(lang) else
                  f"{used} recommendations cover every barrier. Notice which gaps are still open.")


def _cover_solution(lang):
    ids = policy.recommendation_ids()
    best = next(dict.fromkeys(c, 1) for k in range(1, len(ids) + 1) for c in combinations(ids, k)
                if set(_barrier_ids()) <= set(policy.mix(dict.fromkeys(c, 1)).covered))
    recs = data.table("recommendations").set_index("rec_id")["order"]
    code = f"answer = {{{', '.join(f'{int(recs[r])}: 1' for r in best)}}}"
    return (f"<pre>{escape(code)}</pre>"
            f"<p>{escape(('、' if _zh(lang) else ', ').join(_rec_name(r, lang) for r in best))}</p>")


register("10-q3", Question(
    {"en": "Give a policy mix (a dict: recommendation -> weight; a recommendation by its number, its name, or as "
           "in the weights above) that covers every barrier with as few recommendations as possible.",
     "zh": "给出一个政策组合（字典：建议 -> 权重；建议可用编号、名称，或像上面的权重那样写），用尽可能少的建议覆盖全部障碍。"},
    _smallest_cover, _cover_judge, _cover_solution))
