"""Exercises of 10_recommendations, checked with the policy-mix logic (biomfg.policy): two look-ups on the map,
the smallest mix that covers every barrier, which recommendation answers a gap, and which one comes closest to
what a park's transfer centre does; its open question and discussion prompts."""

from __future__ import annotations

import re
import unicodedata
from html import escape
from itertools import combinations

from .. import data, figures
from ..i18n import t
from ..model import policy
from ..model.names import match_name
from .base import OpenQuestion, Question, register, register_discussion, register_open
from .judges import unclear
from .lettered import Choice, lettered
from .reasoning import barrier_name, regional, regional_name

# a recommendation as the lesson and a reader write it: （2）平台支撑, 2 · 平台支撑, 第2条, 第二条, 2号, 建议2,
# '2 platform support', 'recommendation 2', '#2'; group 1 its number, group 2 its name after it
_REC_FORM = re.compile(
    r"^\s*(?:(?:recommendation|rec\.?|no\.?|number|建议|第)\s*)?#?\s*[(]?\s*(\d+|[一二三四五六七八九十]+)\s*[)]?\s*"
    r"(?:条建议|条|号|项)?\s*(?:$|[·・.、,:;\-—]?\s*((?<![\d一二三四五六七八九十])[^\d\s].*)$)", re.IGNORECASE)


def _rec_id(given) -> str | None:
    """A recommendation from its id, its number in the article, or its name (zh or en, any case), or both as the
    lesson writes them (see _REC_FORM; a number and a name that disagree name none)."""
    table = data.table("recommendations")
    rid = match_name(given, table, "rec_id", also=("order",))
    if rid is not None or not isinstance(given, str):
        return rid
    m = _REC_FORM.match(unicodedata.normalize("NFKC", given))
    if not m:
        return None
    n = int(m[1]) if m[1].isdigit() else figures.chinese_number(m[1])
    rows = table.loc[table["order"] == n, "rec_id"]
    if len(rows) != 1:
        return None
    name = (m[2] or "").strip()
    return rows.iloc[0] if not name or match_name(name, table, "rec_id") == rows.iloc[0] else None


def _rec_name(rid: str, lang: str) -> str:
    """'（2）平台支撑' / '2 platform support': the article's number and the name, never the id."""
    r = data.table("recommendations").set_index("rec_id").loc[rid]
    return t("rec_numbered", lang, n=int(r["order"]), name=r[f"name_{lang}"])


def _rec_choices(lang: str) -> str:
    """Every recommendation as its number and name, for a message naming the valid choices."""
    return t("ex_choice_sep", lang).join(_rec_name(r, lang) for r in policy.recommendation_ids())


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
        return False, t("ex_10_q1_unknown", lang, given=escape(str(given)), valid=escape(valid))
    reach = _reach()
    name = escape(_rec_name(rid, lang))
    if reach[rid] == reach[right]:
        return True, t("ex_10_q1_right", lang, name=name, n=reach[rid])
    return False, t("ex_10_q1_wrong", lang, name=name, n=reach[rid])


def _widest_solution(lang):
    code = "links = data.table('recommendation_links')\nlinks.groupby('rec_id').size().sort_values()"
    rid = _widest()
    n = _reach()[rid]
    said = t("ex_10_q1_solution", lang, name=escape(_rec_name(rid, lang)), n=n)
    return f"<pre>{escape(code)}</pre><p>{said}</p>"


register("10-q1", Question(
    "ex_10_q1",
    _widest, _widest_judge, _widest_solution, kind="lookup", marking="ex_10_q1_marking"))


# --- q2: the gaps no recommendation addresses ------------------------------------------------

def _target_id(given) -> str | None:
    """A barrier, gap or pilot-platform challenge from its id or its name (zh or en, any case)."""
    return match_name(given, policy.targets_frame(), "target_id", partial=True)


def _orphans() -> tuple[str, ...]:
    """Every barrier, gap and challenge that no recommendation addresses in the data, in data order."""
    return tuple(policy.mix(policy.equal_weights()).unreachable)


def _target_names(ids, lang: str, sep: str = "list_sep") -> str:
    """Names joined; `ex_10_q2_sep` for the choices, whose names hold commas and 、."""
    names = policy.targets_frame().set_index("target_id")[f"name_{lang}"]
    return t(sep, lang).join(str(names[i]) for i in ids)


def _several_targets(given) -> list[str] | None:
    """The targets of an answer that names two or more at once ('overcapacity in bulk products, environmental
    challenges', '产能过剩和环保'), each by its name or a unique part of it; None if a part names none."""
    if not isinstance(given, str):
        return None
    parts = [p for p in re.split(r"\s*(?:[,，、;；/&+]|\band\b|和|与|以及|及)\s*", given.strip()) if p.strip()]
    ids = [_target_id(p) for p in parts]
    return ids if len(ids) > 1 and None not in ids and len(set(ids)) == len(ids) else None


def _orphan_judge(given, right, lang):
    gid = _target_id(given)
    several = _several_targets(given) if gid is None else None
    if several:  # two gaps at once: right if every one is open, else one at a time
        names = escape(_target_names(several, lang))
        if right and set(several) <= set(right):
            others = [o for o in right if o not in several]
            also = t("ex_10_q2_also", lang, names=escape(_target_names(others, lang))) if others else ""
            return True, t("ex_10_q2_right_all", lang, names=names, also=also)
        return False, t("ex_10_q2_one_at_a_time", lang, names=names)
    if gid is None and unclear(given, policy.targets_frame(), "target_id", lang):
        return False, unclear(given, policy.targets_frame(), "target_id", lang)
    if gid is None:
        valid = _target_names(policy.targets_frame()["target_id"], lang, "ex_10_q2_sep")
        return False, t("ex_10_q2_unknown", lang, valid=escape(valid))
    name = escape(_target_names([gid], lang))
    if not right:
        return False, t("ex_10_q2_none_open", lang)
    if gid in right:
        others = [o for o in right if o != gid]
        also = t("ex_10_q2_also", lang, names=escape(_target_names(others, lang))) if others else ""
        return True, t("ex_10_q2_right", lang, name=name, also=also)
    by = policy.mix(policy.equal_weights()).targets.set_index("target_id").loc[gid, "by"]
    who = escape(t("list_sep", lang).join(_rec_name(r, lang) for r in by))
    return False, t("ex_10_q2_wrong", lang, name=name, recs=who)


def _orphan_solution(lang):
    code = "m = policy.mix(policy.equal_weights())\nm.unreachable"
    names = _target_names(_orphans(), lang) if _orphans() else t("ex_10_q2_none_open", lang)
    return f"<pre>{escape(code)}</pre><p><b>{escape(names)}</b></p>"


register("10-q2", Question(
    "ex_10_q2",
    _orphans, _orphan_judge, _orphan_solution, kind="lookup", marking="ex_10_q2_marking"))


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
    if isinstance(given, list | tuple | set | frozenset):  # recommendations without weights: say so
        recs = [_rec_id(k) for k in given]
        order = data.table("recommendations").set_index("rec_id")["order"]
        mix = {int(order[r]): 1 for r in recs if r is not None} if recs and None not in recs else {2: 1}
        example = escape("{" + ", ".join(f"{k}: {v}" for k, v in mix.items()) + "}")
        return False, t("ex_10_q3_list", lang, example=example)
    weights = _as_weights(given)
    try:
        if weights is None:
            raise policy.PolicyError("not a mix")
        m = policy.mix(weights)
    except policy.PolicyError:
        valid = escape(_rec_choices(lang))
        return False, t("ex_10_q3_invalid", lang, valid=valid)
    names = data.table("barriers").set_index("barrier_id")[f"name_{lang}"]
    missing = [b for b in _barrier_ids() if b not in m.covered]
    used = sum(1 for v in m.weights.values() if v > 0)
    if missing:
        miss = escape(t("list_sep", lang).join(names[b] for b in missing))
        return False, t("ex_10_q3_open", lang, missing=miss)
    if used > right:
        return False, t("ex_10_q3_too_many", lang, used=used, right=right)
    return True, t("ex_10_q3_right", lang, used=used)


def _cover_solution(lang):
    ids = policy.recommendation_ids()
    best = next(dict.fromkeys(c, 1) for k in range(1, len(ids) + 1) for c in combinations(ids, k)
                if set(_barrier_ids()) <= set(policy.mix(dict.fromkeys(c, 1)).covered))
    recs = data.table("recommendations").set_index("rec_id")["order"]
    code = f"answer = {{{', '.join(f'{int(recs[r])}: 1' for r in best)}}}"
    return (f"<pre>{escape(code)}</pre>"
            f"<p>{escape(t('list_sep', lang).join(_rec_name(r, lang) for r in best))}</p>")


register("10-q3", Question(
    "ex_10_q3",
    _smallest_cover, _cover_judge, _cover_solution, kind="reason", marking="ex_10_q3_marking"))


# --- q4 and q5: which recommendation answers a gap, and which comes closest to a park's scheme (reason) ----

def _addresses(rid: str) -> list[str]:
    """The barriers, gaps and challenges the data links a recommendation to, in link order."""
    links = data.table("recommendation_links")
    return list(links.loc[links["rec_id"] == rid, "target_id"])


def _rec_option(rid: str, reply_key: str, **fields) -> Choice:
    """A recommendation as an option, accepted by its number or name too; its reply (the message `reply_key`,
    one per recommendation) is told what the data links it to (the option, named, precedes the reply)."""
    r = data.table("recommendations").set_index("rec_id").loc[rid]

    def why(lang):
        extra = {k: v(lang) for k, v in fields.items()}
        return t(reply_key, lang, targets=escape(_target_names(_addresses(rid), lang, "ex_10_q2_sep")), **extra)
    return Choice(rid, lambda lang: _rec_name(rid, lang), why, (str(int(r["order"])), str(r["name_zh"]), str(r["name_en"])))


def _links_worked(rids, lang: str) -> str:
    colon = t("colon", lang)
    rows = "".join(f"<li>{escape(_rec_name(r, lang))}{colon}{escape(_target_names(_addresses(r), lang, 'ex_10_q2_sep'))}</li>"
                   for r in rids)
    return f"<p>{t('ex_10_links_worked', lang)}</p><ul>{rows}</ul>"


GAP = "gap_incubator_scarcity"
GAP_OPTIONS = ("rec_capability_enhancement", "rec_ecosystem_building", "rec_policy_guidance")


def _gap_options() -> list[Choice]:
    return [_rec_option(r, f"ex_10_q4_{r}") for r in GAP_OPTIONS]


def _gap_answer() -> str:
    return next(r for r in GAP_OPTIONS if GAP in _addresses(r))


SCHEME = "ex_sip_biomed_subcentre"  # it assesses projects and their patents, as rec 1's transfer offices are to
SCHEME_OPTIONS = ("rec_innovation_leadership", "rec_platform_support", "rec_policy_guidance")


def _scheme_barrier() -> str:
    return str(regional(SCHEME)["barrier_id"])


def _scheme_answer() -> str:
    return next(r for r in SCHEME_OPTIONS if _scheme_barrier() in _addresses(r))


def _scheme_options() -> list[Choice]:
    return [_rec_option(r, f"ex_10_q5_{r}", scheme=lambda lang: escape(regional_name(SCHEME, lang)),
                        barrier=lambda lang: escape(barrier_name(_scheme_barrier(), lang)),
                        right=lambda lang: escape(_rec_name(_scheme_answer(), lang)))
            for r in SCHEME_OPTIONS]


register("10-q4", lettered("ex_10_q4", _gap_options, _gap_answer, marking="ex_10_q4_marking", also=_rec_id,
                          details=lambda lang: _links_worked(GAP_OPTIONS, lang)))
register("10-q5", lettered("ex_10_q5", _scheme_options, _scheme_answer, marking="ex_10_q5_marking", also=_rec_id,
                          details=lambda lang: _links_worked(SCHEME_OPTIONS, lang)))

register_open("10", OpenQuestion("ex_10_open", "ex_10_open_model", "ex_10_open_marking"))
register_discussion("10", "ex_10_discuss_open", "ex_10_discuss_links", "ex_10_discuss_weights")
