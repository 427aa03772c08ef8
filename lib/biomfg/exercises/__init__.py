"""Exercises whose answers are computed from data/, checked with an explanation of why.

`check("00-q1", answer, lang)` says right or wrong and why; `solution("00-q1", lang)` shows the
worked answer folded away. Each notebook's questions live in their own module (q00, q01, ...).
"""

from . import q00  # noqa: F401  (registers its questions)
from .base import QUESTIONS, Question, ask, check, register, solution

__all__ = ["QUESTIONS", "Question", "ask", "check", "register", "solution"]
