"""Charts: pure functions `data -> alt.Chart`, each with a source line built from the rows it plots.

Every function takes the rows to draw (a DataFrame from biomfg.data) and `lang`, embeds only the
columns it draws, and titles itself in that language. One module per topic; this package re-exports
the public functions so notebooks write `charts.founding_timeline(...)`.
"""

from .barriers import barrier_chain
from .base import source_line, titled, type_colour
from .briefing import timeline_with_type_picker
from .china import (
    LAB_INDICATORS,
    global_shares,
    growth_projection,
    incubator_gap,
    lab_inventory,
    one_unit,
    projection,
    scale_money,
)
from .facts import axis_for, fact_bars, facts_by_unit
from .overview import founding_timeline, platforms_by_type, short_names
from .platforms import (
    funding_amounts,
    funding_models,
    network_sizes,
    scale_ladder,
    success_matrix,
    support_instruments,
)
from .recommendations import coverage_rows, policy_coverage, rec_labels, recommendation_map
from .regions import (
    case_map,
    columns_diagram,
    consortium_results,
    district_platforms,
    industry_figures,
    reform_timeline,
    targets_by_group,
    track_columns,
    value_chain,
    zhangjiang_counts,
)

__all__ = [
    "LAB_INDICATORS", "axis_for", "barrier_chain", "case_map", "columns_diagram", "consortium_results",
    "coverage_rows", "district_platforms", "fact_bars", "facts_by_unit", "founding_timeline", "funding_amounts",
    "funding_models", "global_shares", "growth_projection", "incubator_gap", "industry_figures", "lab_inventory",
    "network_sizes", "one_unit", "platforms_by_type", "policy_coverage", "projection", "rec_labels",
    "recommendation_map", "reform_timeline", "scale_ladder", "scale_money", "short_names", "source_line",
    "success_matrix", "support_instruments", "targets_by_group", "timeline_with_type_picker", "titled",
    "track_columns", "type_colour", "value_chain", "zhangjiang_counts",
]
