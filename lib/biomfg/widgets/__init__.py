"""ipywidgets explorers built on charts and prose, each with a static view for reports and nbval.

One module per topic, named as in prose/, charts/ and exercises/; a lesson writes
`widgets.platforms.explorer(lang)`. The fast callback paths live in `widgets.fast`.
"""

from . import base, china, fast, platforms, recommendations, regions  # noqa: F401
