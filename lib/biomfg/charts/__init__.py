"""Charts: pure functions `data -> alt.Chart`, each with a source line built from the rows it plots.

Every function takes the rows to draw (a DataFrame from biomfg.data) and `lang`, embeds only the
columns it draws, and titles itself in that language. One module per topic; this package re-exports
the public functions so notebooks write `charts.founding_timeline(...)`.
"""

from .base import source_line, titled, type_colour
from .overview import founding_timeline, platforms_by_type, short_names

__all__ = ["founding_timeline", "platforms_by_type", "short_names", "source_line", "titled", "type_colour"]
