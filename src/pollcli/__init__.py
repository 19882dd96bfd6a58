"""pollcli: election results from a CSV — who leads, by how much, and what it means.

The library is the product; the command line is a thin layer over it::

    from pollcli import load, summarize
    summary = summarize(load("data/kz_2022.csv"))
    seats = allocate(load("data/kz_2023_mazhilis.csv"))
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["__version__", "allocate", "compare", "load", "summarize", "validate"]

if TYPE_CHECKING:
    from pollcli.comparison import compare
    from pollcli.read import load, validate
    from pollcli.seats import allocate
    from pollcli.summary import summarize

# Imported on first use so that `pollcli --help` does not pay for the loaders.
_LAZY = {
    "load": "pollcli.read",
    "validate": "pollcli.read",
    "summarize": "pollcli.summary",
    "compare": "pollcli.comparison",
    "allocate": "pollcli.seats",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'pollcli' has no attribute {name!r}")
