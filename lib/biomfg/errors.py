"""One readable message instead of a long traceback for the errors a reader can fix.

`import biomfg` registers `show` with IPython for biomfg's own error types (`DataError` from data/,
`ChoiceError` from an unknown `lang` or parameter value). The cell still fails (papermill, nbclient
and nbval see an error output), but the output is a few lines in English and Chinese naming the
problem and the fix, not a 40-line traceback. Other exceptions keep IPython's normal traceback.
"""

from __future__ import annotations

from .choices import AddressError, ChoiceError
from .data import DataError, data_dir

FIXES = {
    AddressError: ("Unknown value in the page address · 页面地址中的参数值无效",
                   "Fix: change it in the address bar to one of the valid choices, or go back to the start page. "
                   "解决：在地址栏中改为有效值之一，或返回起始页。"),
    DataError: ("Data problem · 数据问题",
                "Fix: correct the file in {folder} (`python -m biomfg validate` lists every problem), "
                "then re-run the notebook. 解决：修正数据文件（`python -m biomfg validate` 列出全部问题），再重新运行笔记本。"),
    ChoiceError: ("Unknown parameter value · 参数值无效",
                  "Fix: set it to one of the valid choices (in the cell tagged `parameters`), then re-run. "
                  "解决：在 parameters 单元格中改为有效值之一，再重新运行。"),
}


def message(exc: BaseException) -> list[str]:
    """The lines shown for `exc`: what went wrong, and how to fix it (the most specific kind first)."""
    for kind, (title, fix) in FIXES.items():
        if isinstance(exc, kind):
            return [f"\x1b[1;31m{title}: {exc}\x1b[0m", fix.format(folder=data_dir())]
    return [f"{type(exc).__name__}: {exc}"]


def show(shell, etype, value, tb, tb_offset=None) -> list[str]:
    """IPython custom exception handler: publish a short error output (the cell still fails)."""
    stb = message(value)
    shell._showtraceback(etype, value, stb)
    return stb


def register() -> None:
    """Install `show` in the running IPython shell, if any (no-op in plain Python)."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython is a dependency
        return
    shell = get_ipython()
    if shell is not None:
        shell.set_custom_exc((DataError, ChoiceError), show)
