"""The exercise checker: answers computed from data/, checked with an explanation of why.

Exercises whose answers are computed from data/, checked with an explanation of why.

`check("00-q1", answer, lang)` says right or wrong and why; `solution("00-q1", lang)` shows the
worked answer folded away, so a student opens it only on purpose.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from ..htmlout import HTML
from ..i18n import check_lang, t

# What an exercise asks of a student. A look-up reads one figure or name off a table or chart; a reasoning
# exercise makes the student apply the framework (which platform type, which barrier, which
# recommendation), explain why two figures cannot be compared, or estimate with a stated assumption.
KINDS = ("lookup", "reason")


@dataclass
class Question:
    prompt: str                                      # the key of its message in the catalogue
    answer: Callable[[], object]                     # the right answer, computed from data
    judge: Callable[[object, object, str], tuple[bool, str]]  # (given, right, lang) -> (ok, why)
    solution: Callable[[str], str]                   # lang -> worked solution (HTML)
    kind: str = "lookup"                             # one of KINDS
    marking: str | None = None                       # key of the teacher's marking notes (answer key only)
    options: Callable[[str], list[str]] | None = None  # a choice question: lang -> its options (HTML), shown lettered
    hint: str | None = None                          # key of how to answer, after the prompt (a lettered question's)

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"exercise kind {self.kind!r} is not one of {', '.join(KINDS)}")


@dataclass
class OpenQuestion:
    """A question with no single right answer: the student writes a paragraph, the teacher marks it."""
    prompt: str          # catalogue key of the question
    model_answer: str    # catalogue key of a model answer (HTML allowed)
    marking: str         # catalogue key of the marking notes for the teacher (HTML allowed)


QUESTIONS: dict[str, Question] = {}
OPEN: dict[str, OpenQuestion] = {}          # notebook number ('06') -> its open question
DISCUSSION: dict[str, tuple[str, ...]] = {}  # notebook number -> catalogue keys of its discussion prompts
QID = re.compile(r"(\d\d)-q\d+")


def register(qid: str, question: Question) -> None:
    """Add a question; ids are '<notebook>-q<n>', e.g. '02-q1', and unique."""
    if not QID.fullmatch(qid):
        raise ValueError(f"exercise id {qid!r} is not '<notebook>-q<n>', e.g. '02-q1'")
    if qid in QUESTIONS:
        raise ValueError(f"exercise {qid!r} is registered twice")
    QUESTIONS[qid] = question


def register_open(notebook: str, question: OpenQuestion) -> None:
    if notebook in OPEN:
        raise ValueError(f"notebook {notebook!r} has two open questions")
    OPEN[notebook] = question


def register_discussion(notebook: str, *keys: str) -> None:
    if notebook in DISCUSSION:
        raise ValueError(f"notebook {notebook!r} has its discussion prompts registered twice")
    if not 2 <= len(keys) <= 3:
        raise ValueError(f"notebook {notebook!r}: two or three discussion prompts, not {len(keys)}")
    DISCUSSION[notebook] = keys


def _known(registry: dict, notebook: str, what: str):
    if notebook not in registry:
        raise KeyError(f"no {what} for notebook {notebook!r}; valid choices: {', '.join(sorted(registry))}")
    return registry[notebook]


def _question(qid: str) -> Question:
    if qid not in QUESTIONS:
        raise KeyError(f"no exercise {qid!r}; valid choices: {', '.join(QUESTIONS)}")
    return QUESTIONS[qid]


LETTERS = "ABCDEFGH"  # a choice question's options are lettered A, B, C ... (exercises.lettered reads them back)


def ask(qid: str, lang: str = "en") -> HTML:
    check_lang(lang)
    q = _question(qid)
    prompt = escape(t(q.prompt, lang))
    if q.hint is not None:  # every lettered question says how to answer it: with a letter or the option's words
        prompt = t("ex_ask_hint", lang, prompt=prompt, hint=escape(t(q.hint, lang)))
    html = f"<p>{t('ex_ask', lang, qid=escape(qid), prompt=prompt)}</p>"
    if q.options is not None:  # the letters are text, not list markers: they survive copying and plain-text output
        items = "".join(f"<li>{t('ex_letter_option', lang, letter=f'<b>{LETTERS[i]}</b>', label=text)}</li>"
                        for i, text in enumerate(q.options(lang)))
        html += f"<ul class='biomfg-options' style='list-style:none;padding-left:1em'>{items}</ul>"
    return HTML(html)


# Right, wrong and unanswered differ by colour, by border and by their first word, never by a pictograph
# alone (the documented fonts have no emoji: a missing glyph prints as a box).
CHECK_CSS = """<style>
.biomfg-check{border-left:6px solid #777;background:#f4f4f4;color:#1a1a1a;padding:.45em .8em;margin:.4em 0;
 line-height:1.5;max-width:56em}
.biomfg-check.ok{border-color:#007a4d;background:#e8f5ee}
.biomfg-check.ok>b:first-child{color:#006140}
.biomfg-check.no{border-color:#b8002e;background:#fbeaec}
.biomfg-check.no>b:first-child{color:#a00028}
</style>"""


def verdict(kind: str, word: str, why: str, lang: str) -> HTML:
    """A check's box: kind ok / no / open (unanswered), its first word in bold, then why (HTML)."""
    body = t("ex_verdict", lang, word=escape(word), why=why) if why else f"<b>{escape(word)}</b>"
    return HTML(f"{CHECK_CSS}<div class='biomfg-check {kind}' role='status'>{body}</div>")


def check(qid: str, answer, lang: str = "en") -> HTML:
    """Say whether `answer` is right, and why. An unanswered exercise (None) gets a nudge."""
    check_lang(lang)
    q = _question(qid)
    if answer is None or (isinstance(answer, str) and not answer.strip()):
        # HTML, not Markdown: the variable's name is set as code, never in literal backticks
        return verdict("open", t("ex_not_answered", lang), t("ex_not_answered_why", lang), lang)
    ok, why = q.judge(answer, q.answer(), lang)
    return verdict("ok" if ok else "no", t("correct" if ok else "not_quite", lang), why, lang)


def solution(qid: str, lang: str = "en") -> HTML:
    """The worked solution, folded: a <details> block the student opens on purpose."""
    check_lang(lang)
    return HTML(f"<details class='biomfg-solution'><summary>{t('ex_show_solution', lang)}</summary>"
                f"{_question(qid).solution(lang)}</details>")


def ask_open(notebook: str, lang: str = "en") -> HTML:
    """The notebook's open question: no check, a paragraph for the teacher to read."""
    check_lang(lang)
    q = _known(OPEN, notebook, "open question")
    return HTML(f"<p>{t('ex_open_ask', lang, prompt=t(q.prompt, lang))}</p>")


def model_answer(notebook: str, lang: str = "en") -> HTML:
    """The open question's model answer and the teacher's marking notes, folded."""
    check_lang(lang)
    q = _known(OPEN, notebook, "open question")
    return HTML(f"<details class='biomfg-solution'><summary>{t('ex_show_model_answer', lang)}</summary>"
                f"<p>{t(q.model_answer, lang)}</p><p><b>{t('ex_marking', lang)}</b>{t('colon', lang)}"
                f"{t(q.marking, lang)}</p></details>")


def discussion(notebook: str, lang: str = "en") -> HTML:
    """The notebook's discussion prompts, numbered, for the class or a pair of students."""
    check_lang(lang)
    items = "".join(f"<li>{t(k, lang)}</li>" for k in _known(DISCUSSION, notebook, "discussion prompts"))
    return HTML(f"<ol class='biomfg-discussion'>{items}</ol>")
