"""Exercises whose answers are computed from data/, checked with an explanation of why.

`exercises.check("06-q1", answer, lang)` says right or wrong and why; `exercises.solution("06-q1", lang)`
shows the worked answer folded away. Questions live in one module per topic (the same topic names as
prose/, charts/ and widgets/); importing the package registers them all.
"""

from ..topics import import_all
from .base import (
    DISCUSSION,
    KINDS,
    OPEN,
    QUESTIONS,
    OpenQuestion,
    Question,
    ask,
    ask_open,
    check,
    discussion,
    model_answer,
    register,
    register_discussion,
    register_open,
    solution,
)

TOPICS = import_all(__name__, __path__)  # importing a topic module registers its questions

__all__ = ["DISCUSSION", "KINDS", "OPEN", "QUESTIONS", "OpenQuestion", "Question", "ask", "ask_open", "check", "discussion",
           "model_answer", "register", "register_discussion", "register_open", "solution"]
