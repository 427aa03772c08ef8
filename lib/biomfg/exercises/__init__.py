"""Exercises whose answers are computed from data/, checked with an explanation of why.

`exercises.check("06-q1", answer, lang)` says right or wrong and why; `exercises.solution("06-q1", lang)`
shows the worked answer folded away. Questions live in one module per topic (the same topic names as
prose/, charts/ and widgets/); importing the package registers them all.
"""

from ..topics import import_all
from .base import QUESTIONS, Question, ask, check, register, solution

TOPICS = import_all(__name__, __path__)  # importing a topic module registers its questions

__all__ = ["QUESTIONS", "Question", "ask", "check", "register", "solution"]
