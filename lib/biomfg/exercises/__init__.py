"""Exercises whose answers are computed from data/, checked with an explanation of why.

`check("00-q1", answer, lang)` says right or wrong and why; `solution("00-q1", lang)` shows the
worked answer folded away. Each notebook's questions live in their own module (q00, q01, ...);
importing them registers their questions.
"""

from . import q00, q01, q02, q03, q04, q05, q06, q07, q08, q09, q10  # noqa: F401
from .base import QUESTIONS, Question, ask, check, register, solution

__all__ = ["QUESTIONS", "Question", "ask", "check", "register", "solution"]
