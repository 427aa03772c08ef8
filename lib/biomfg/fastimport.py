"""Defer `rfc3987_syntax`'s grammar build until an IRI is actually validated.

`import altair` imports jsonschema, whose format checker runs `from rfc3987_syntax import
is_valid_syntax` at import time when that package is installed (it is: jupyter-events asks for
`jsonschema[format-nongpl]`). Importing rfc3987_syntax builds an Earley parser for the whole RFC 3987
grammar, about 0.9 s on a 2-core machine: half of `import altair` (jsonschema issues #1428, #1392).
Altair never validates the `iri` / `iri-reference` formats, so that work is wasted on every import.

`defer()` registers, before jsonschema is imported, a stand-in module whose `is_valid_syntax` imports
the real package on its first call and delegates to it, so IRI validation behaves exactly as before;
any other attribute also loads the real module. Nothing in site-packages changes: it holds in any
environment where biomfg is imported before jsonschema, and is a no-op otherwise (or if the package is
missing). Set BIOMFG_EAGER_RFC3987=1 to turn it off.
"""

from __future__ import annotations

import importlib.util
import os
import sys
import types

NAME = "rfc3987_syntax"


class _Deferred(types.ModuleType):
    def _real(self):
        spec = self.__dict__["_spec"]
        module = importlib.util.module_from_spec(spec)
        sys.modules[NAME] = module
        try:
            spec.loader.exec_module(module)
        except BaseException:
            sys.modules[NAME] = self
            raise
        return module

    def __getattr__(self, attr):
        if attr.startswith("__") and attr.endswith("__"):
            raise AttributeError(attr)
        return getattr(self._real(), attr)


def _is_valid_syntax(term: str, value: str):
    real = sys.modules.get(NAME)
    if isinstance(real, _Deferred):
        real = real._real()
    return real.is_valid_syntax(term, value)


def defer() -> bool:
    """Install the stand-in; True if installed (False: already imported, missing, or turned off)."""
    if NAME in sys.modules or os.environ.get("BIOMFG_EAGER_RFC3987"):
        return False
    spec = importlib.util.find_spec(NAME)
    if spec is None or spec.loader is None:
        return False
    module = _Deferred(NAME, "deferred stand-in; the real module loads on first use (see biomfg.fastimport)")
    module.__dict__.update(_spec=spec, __spec__=spec, __file__=spec.origin, __path__=spec.submodule_search_locations,
                           is_valid_syntax=_is_valid_syntax)
    sys.modules[NAME] = module
    return True
