"""Results → pandas DataFrames, for notebooks. pandas is imported here only, when asked for."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pollcli.models import SUMMARY_COLUMNS, VALIDATION_COLUMNS

if TYPE_CHECKING:
    import pandas as pd  # type: ignore[import-untyped,unused-ignore]

    from pollcli.models import Summary, ValidationReport


def summary_frame(summary: Summary) -> pd.DataFrame:
    """One row per option per election, in the order of the summary (elections, then rank)."""
    import pandas as pd

    rows = summary.flat_rows()
    frame = pd.DataFrame(rows, columns=list(SUMMARY_COLUMNS))
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


def validation_frame(report: ValidationReport) -> pd.DataFrame:
    """One row per problem, with the file it was found in."""
    import pandas as pd

    rows = report.flat_rows()
    frame = pd.DataFrame(rows, columns=list(VALIDATION_COLUMNS))
    return frame.astype({"line": "Int64"})
