"""biomfg: the helper library of the biomanufacturing-platforms notebook collection.

Importing it registers the house theme and the offline chart renderer once, so a notebook's
preamble is `from biomfg import data, charts, widgets` and `lang = "en"`.
"""

from . import render, theme

theme.register()
render.register()

__version__ = "0.1.0"
