"""The model: pure DataFrame logic over data/ (which rows, which case, which target; no HTML, charts or words).

A lesson writes `model.finder.find(stage="pilot")` or `model.cases.count_rows("jinan")`.
"""

from . import barriers, cases, china, facts, finder, names, policy, projection, targets  # noqa: F401
