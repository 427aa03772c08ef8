"""Charts: pure functions `rows -> alt.Chart`, each with a source line built from the rows it plots.

Every function takes the rows to draw (a DataFrame from biomfg.data) and `lang`, embeds only the
columns it draws, and titles itself in that language. One module per topic, named as in prose/,
widgets/ and exercises/; a lesson writes `charts.sip.value_chain(firms, lang)`.
"""

from ..topics import import_all

TOPICS = import_all(__name__, __path__)
