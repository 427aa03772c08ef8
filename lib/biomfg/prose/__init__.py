"""Prose and HTML views: sentences whose figures come from data/, cards, tables and briefing pages.

One module per topic, named as in charts/, widgets/ and exercises/; a lesson writes
`prose.sip.overview(lang)`. Every function returns HTML with every string from data/ escaped.
"""

from ..topics import import_all

TOPICS = import_all(__name__, __path__)
