"""The model: pure DataFrame logic over data/ (which rows, which case, which target; no HTML, charts or words).

A lesson writes `model.finder.find(stage="pilot")` or `model.cases.count_rows("jinan")`.
"""

from ..topics import import_all

TOPICS = import_all(__name__, __path__)
