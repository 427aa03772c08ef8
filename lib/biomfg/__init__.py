"""biomfg: the helper library of the biomanufacturing-platforms notebook collection.

Importing it registers the house theme and the offline chart renderer once, so a notebook's
preamble is `from biomfg import data, charts, widgets` and `lang = "en"`.
"""

from . import fastimport

fastimport.defer()  # before altair imports jsonschema: see biomfg.fastimport

from . import errors, render, theme  # noqa: E402

theme.register()
render.register()
errors.register()


def _chart_data(chart):
    from .prose.chartdata import block  # the layer that knows citations and figures: imported when a chart shows

    return block(chart)


render.show_with(_chart_data)

__version__ = "0.1.0"  # the one place; make release writes it (YEAR.MONTH.N)
