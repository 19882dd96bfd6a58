"""Flat result rows → pandas DataFrames, for notebooks. pandas is imported here only, when asked for.

The rows and their column order come from the result (`Summary.flat_rows`, `models.SUMMARY_COLUMNS`),
so this module knows pandas' types and nothing of pollcli's models.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd  # type: ignore[import-untyped,unused-ignore]


def summary_frame(rows: list[dict[str, Any]], columns: Sequence[str]) -> pd.DataFrame:
    """One row per option per election, in the order of the summary (elections, then rank)."""
    import pandas as pd

    frame = pd.DataFrame(rows, columns=list(columns))
    return frame.astype(
        {
            "date": "datetime64[s]",
            "round": "Int64",
            "rank": "int64",
            "votes": "Int64",
            "share": "float64",
            "below_threshold": "bool",
            "leader": "bool",
            "runner_up": "bool",
        }
    )


def validation_frame(rows: list[dict[str, Any]], columns: Sequence[str]) -> pd.DataFrame:
    """One row per problem, with the file it was found in."""
    import pandas as pd

    frame = pd.DataFrame(rows, columns=list(columns))
    return frame.astype({"line": "Int64"})
