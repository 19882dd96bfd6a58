"""pollcli: election results from a CSV — who leads, by how much, and what it means.

The library is the product; the command line is a thin layer over it::

    from pollcli import load, summarize
    summary = summarize(load("data/kz_2022.csv"))
"""

from __future__ import annotations

import sys
import types
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["__version__", "load", "summarize", "validate"]

if TYPE_CHECKING:
    from pollcli.load import load, validate
    from pollcli.summary import summarize

# Imported on first use so that `pollcli --help` does not pay for pydantic and the loaders.
_LAZY = {
    "load": "pollcli.load",
    "validate": "pollcli.load",
    "summarize": "pollcli.summary",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'pollcli' has no attribute {name!r}")


class _Package(types.ModuleType):
    """Keeps `pollcli.load` the function once the module `pollcli.load` has been imported.

    Importing a submodule binds it as an attribute of its package, and the module `pollcli.load`
    shares its name with the function `load`: without this, `from pollcli import load` would give
    the module whenever anything (the CLI, say) had imported it first.
    """

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _LAZY and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
