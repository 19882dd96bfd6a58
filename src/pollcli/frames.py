"""Result models → pandas DataFrames, for notebooks. pandas is imported here only, when asked for."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd  # type: ignore[import-untyped,unused-ignore]

    from pollcli.models import Summary, ValidationReport

SUMMARY_COLUMNS = (
    "election",
    "date",
    "country",
    "office",
    "round",
    "stage",
    "source_file",
    "rank",
    "candidate",
    "party",
    "kind",
    "votes",
    "share",
    "below_threshold",
    "leader",
    "runner_up",
)
VALIDATION_COLUMNS = ("file", "code", "severity", "line", "column", "message")


def summary_frame(summary: Summary) -> pd.DataFrame:
    """One row per option per election, in the order of the summary (elections, then rank)."""
    import pandas as pd

    rows: list[dict[str, Any]] = []
    for election in summary.elections:
        leader = election.leader.candidate if election.leader else None
        runner_up = election.runner_up.candidate if election.runner_up else None
        for result in election.results:
            rows.append(
                {
                    "election": election.election,
                    "date": election.date,
                    "country": election.country,
                    "office": election.office,
                    "round": election.round,
                    "stage": election.stage,
                    "source_file": election.source_file,
                    "rank": result.rank,
                    "candidate": result.candidate,
                    "party": result.party,
                    "kind": result.kind,
                    "votes": result.votes,
                    "share": result.share,
                    "below_threshold": result.below_threshold,
                    "leader": result.candidate == leader,
                    "runner_up": result.candidate == runner_up,
                }
            )
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

    rows = [
        {
            "file": file.file,
            "code": problem.code,
            "severity": problem.severity,
            "line": problem.line,
            "column": problem.column,
            "message": problem.message,
        }
        for file in report.files
        for problem in file.problems
    ]
    frame = pd.DataFrame(rows, columns=list(VALIDATION_COLUMNS))
    return frame.astype({"line": "Int64"})
