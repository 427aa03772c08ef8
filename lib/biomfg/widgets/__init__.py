"""ipywidgets explorers built on charts and cards, each with a static view for reports and nbval.

One module per topic; this package re-exports the public functions.
"""

from .base import Explorer, show
from .china import growth_projection_explorer, policy_mix_explorer
from .platforms import (
    platform_compare_view,
    platform_comparer,
    platform_explorer,
    platform_finder,
    platform_finder_view,
)
from .regions import comparer_view, region_comparer, target_tracker, tracker_view

__all__ = [
    "Explorer", "comparer_view", "growth_projection_explorer", "platform_compare_view", "platform_comparer",
    "platform_explorer", "platform_finder", "platform_finder_view", "policy_mix_explorer", "region_comparer",
    "show", "target_tracker", "tracker_view",
]
