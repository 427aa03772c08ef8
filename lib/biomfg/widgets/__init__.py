"""ipywidgets explorers built on charts and prose, each with a static view for reports and nbval.

One module per topic, named as in prose/, charts/ and exercises/; a lesson writes
`widgets.platforms.explorer(lang)`. The fast callback paths live in `widgets.fast`.
"""

from ..topics import import_all

TOPICS = import_all(__name__, __path__)
