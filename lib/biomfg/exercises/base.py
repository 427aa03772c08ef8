"""The exercise checker: answers computed from data/, checked with an explanation of why.

Exercises whose answers are computed from data/, checked with an explanation of why.

`check("00-q1", answer, lang)` says right or wrong and why; `solution("00-q1", lang)` shows the
worked answer folded away, so a student opens it only on purpose.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from ..htmlout import HTML
from ..i18n import check_lang, t


@dataclass
class Question:
    prompt: dict[str, str]
    answer: Callable[[], object]                     # the right answer, computed from data
    judge: Callable[[object, object, str], tuple[bool, str]]  # (given, right, lang) -> (ok, why)
    solution: Callable[[str], str]                   # lang -> worked solution (HTML)


QUESTIONS: dict[str, Question] = {}


def register(qid: str, question: Question) -> None:
    """Add a question; ids are '<notebook>-q<n>', e.g. '02-q1', and unique."""
    if qid in QUESTIONS:
        raise ValueError(f"exercise {qid!r} is registered twice")
    QUESTIONS[qid] = question


def _question(qid: str) -> Question:
    if qid not in QUESTIONS:
        raise KeyError(f"no exercise {qid!r}; valid choices: {', '.join(QUESTIONS)}")
    return QUESTIONS[qid]


def ask(qid: str, lang: str = "en") -> HTML:
    check_lang(lang)
    return HTML(f"<p><b>{escape(qid)}</b> {escape(_question(qid).prompt[lang])}</p>")


def check(qid: str, answer, lang: str = "en") -> HTML:
    """Say whether `answer` is right, and why. An unanswered exercise (None) gets a nudge."""
    check_lang(lang)
    q = _question(qid)
    if answer is None or (isinstance(answer, str) and not answer.strip()):
        # HTML, not Markdown: the variable's name is set as code, never in literal backticks
        msg = "还没有作答：把答案填入 <code>answer</code> 后重新运行本单元。" if lang == "zh" else \
            "Not answered yet: put your answer in <code>answer</code> and run the cell again."
        return HTML(f"<div class='biomfg-check'>✍️ {msg}</div>")
    ok, why = q.judge(answer, q.answer(), lang)
    mark, word = ("✅", t("correct", lang)) if ok else ("❌", t("not_quite", lang))
    return HTML(f"<div class='biomfg-check'>{mark} <b>{escape(word)}</b> — {why}</div>")


def solution(qid: str, lang: str = "en") -> HTML:
    """The worked solution, folded: a <details> block the student opens on purpose."""
    check_lang(lang)
    label = "查看解答" if lang == "zh" else "Show the solution"
    return HTML(f"<details class='biomfg-solution'><summary>{label}</summary>"
                f"{_question(qid).solution(lang)}</details>")
