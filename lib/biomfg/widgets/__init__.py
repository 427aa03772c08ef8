"""ipywidgets explorers built on charts and cards, each with a static view for reports and nbval.

One module per topic; this package re-exports the public functions.
"""

from .base import Explorer, show
from .platforms import platform_explorer

__all__ = ["Explorer", "platform_explorer", "show"]
