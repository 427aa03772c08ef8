"""Issue 17: what every lesson's exercises section holds, 00-10 alike (the per-question behaviour is in
test_exercises_teaching.py for 00-05 and test_exercises_teaching_regions.py for 06-10).

Three to five checked exercises, at least half of them reasoning (in each lesson and in all); marking notes for
every one; an open question with a model answer and marking notes; two or three discussion prompts; all called
from the notebook in the skeleton's order, each with its answer cell."""

from __future__ import annotations

import re

import nbformat
import pytest

from biomfg import exercises, i18n, toc

from conftest import NOTEBOOKS

LANGS = ("en", "zh")
LESSONS = [lesson["file"][:2] for lesson in toc.lessons()]
QIDS = list(exercises.QUESTIONS)


def test_every_lesson_and_only_lessons_have_exercises():
    assert sorted({q[:2] for q in QIDS}) == sorted(LESSONS)
    assert sorted(exercises.OPEN) == sorted(exercises.DISCUSSION) == sorted(LESSONS)


@pytest.mark.parametrize("nb", LESSONS)
def test_three_to_five_exercises_at_least_half_of_them_reasoning(nb):
    qs = [exercises.QUESTIONS[q] for q in QIDS if q.startswith(nb)]
    assert 3 <= len(qs) <= 5, f"notebook {nb}: {len(qs)} exercises"
    reason = sum(q.kind == "reason" for q in qs)
    assert 2 * reason >= len(qs), f"notebook {nb}: {reason} of {len(qs)} are reasoning"


def test_at_least_half_of_all_exercises_are_reasoning():
    assert 2 * sum(exercises.QUESTIONS[q].kind == "reason" for q in QIDS) >= len(QIDS)


@pytest.mark.parametrize("qid", QIDS)
def test_every_exercise_has_marking_notes_in_both_languages(qid):
    key = exercises.QUESTIONS[qid].marking
    assert key, f"{qid} has no marking notes"
    for lang in LANGS:
        assert len(i18n.t(key, lang)) > (150 if lang == "en" else 60), (qid, lang)  # what earns marks, and the slips


@pytest.mark.parametrize("nb", LESSONS)
def test_an_open_question_and_two_or_three_discussion_prompts(nb):
    q = exercises.OPEN[nb]
    assert 2 <= len(exercises.DISCUSSION[nb]) <= 3
    for lang in LANGS:
        for key in (q.prompt, q.model_answer, q.marking, *exercises.DISCUSSION[nb]):
            assert i18n.t(key, lang).strip(), (nb, key, lang)
        answer = exercises.model_answer(nb, lang).data
        assert "<details" in answer and i18n.t(q.marking, lang) in answer
        assert exercises.discussion(nb, lang).data.count("<li>") == len(exercises.DISCUSSION[nb])
        assert not re.search(r"\d", i18n.t(q.model_answer, lang)), (nb, lang)  # a typed figure, not computed


def _cells(nb: str) -> list[str]:
    path = next(NOTEBOOKS.glob(f"{nb}_*.ipynb"))
    return [c.source for c in nbformat.read(path, as_version=4).cells]


@pytest.mark.parametrize("nb", LESSONS)
def test_the_notebook_asks_everything_in_order(nb):
    cells = _cells(nb)
    at = {s: i for i, s in enumerate(cells)}
    heads = [i for i, s in enumerate(cells) if s.startswith("## ")]
    exercises_h = next(i for i in heads if cells[i].endswith("Exercises"))
    discussion_h = [i for i in heads if "Discussion" in cells[i]]
    summary_h = next(i for i in heads if cells[i].endswith("Summary"))
    assert len(discussion_h) == 1 and exercises_h < discussion_h[0] < summary_h  # one discussion, after the exercises
    last = exercises_h
    for qid in sorted(q for q in QIDS if q.startswith(nb)):
        ask = at[f'exercises.ask("{qid}", lang)']
        check = next(i for i, s in enumerate(cells) if f'exercises.check("{qid}", answer, lang)' in s)
        solve = at[f'exercises.solution("{qid}", lang)']
        assert last < ask < check < solve < discussion_h[0], qid
        last = solve
    open_ask, answer = at[f'exercises.ask_open("{nb}", lang)'], at[f'exercises.model_answer("{nb}", lang)']
    assert cells[open_ask - 1] == "### 开放题 · Open question"
    assert last < open_ask < answer < discussion_h[0] < at[f'exercises.discussion("{nb}", lang)'] < summary_h
    assert any("Your answer" in s for s in cells[open_ask:answer])
