"""HTML output that JupyterLab never typesets as maths.

Data strings may contain `$…$` or `\\(…\\)`; JupyterLab runs MathJax over HTML outputs, which would turn
such text into formulas. Every HTML the library displays goes through this class, whose wrapper carries
MathJax's ignore classes, so data is always shown as the text it is.

`HTMLText` is for HTML that callers also join into larger pages: it is a `str` (so it concatenates and
formats like one), but a notebook shows it as HTML, never as the quoted source text.
"""

from __future__ import annotations

from IPython.display import HTML as _IPythonHTML

NO_MATH = "tex2jax_ignore mathjax_ignore"


def no_math(html: str) -> str:
    return f'<div class="{NO_MATH}">{html}</div>'


class HTML(_IPythonHTML):
    def _repr_html_(self):
        return no_math(super()._repr_html_())


class HTMLText(str):
    """A str of HTML that displays as HTML (text/html), with a short text/plain stand-in."""

    __slots__ = ()

    def _repr_html_(self) -> str:
        return no_math(str(self))

    def _repr_pretty_(self, p, cycle) -> None:
        p.text("<biomfg HTML>")
