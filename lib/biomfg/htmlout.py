"""HTML output that JupyterLab never typesets as maths.

Data strings may contain `$…$` or `\\(…\\)`; JupyterLab runs MathJax over HTML outputs, which would turn
such text into formulas. Every HTML the library displays goes through this class, whose wrapper carries
MathJax's ignore classes, so data is always shown as the text it is.
"""

from __future__ import annotations

from IPython.display import HTML as _IPythonHTML

NO_MATH = "tex2jax_ignore mathjax_ignore"


def no_math(html: str) -> str:
    return f'<div class="{NO_MATH}">{html}</div>'


class HTML(_IPythonHTML):
    def _repr_html_(self):
        return no_math(super()._repr_html_())
