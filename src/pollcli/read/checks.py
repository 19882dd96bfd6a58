"""An election's figures checked as a whole, as problems: the audit's findings (`pollcli.audit`), and
figures that cannot be compared (votes on some options, only shares on others)."""

from __future__ import annotations

from pollcli.election import Election
from pollcli.problems import Code, Found
from pollcli.read.header import ColumnMap


def check_election(
    election: Election, line: int, fact_line: int | None, columns: ColumnMap, found: Found
) -> None:
    """Problems of one built election; `line` is its first row, `fact_line` where ballots_cast was
    given."""
    facts = election.facts
    _check_mixed_figures(election, found)
    _check_counts(election, fact_line, found)
    audit = election.audit
    summed = audit.share_sum
    if summed is not None:
        if summed.total > 101:
            found.add(
                Code.SHARES_SUM,
                line,
                f"shares of election {facts.election!r} add up to {summed.total:.2f} %, far more "
                "than 100; check for a double-counted row or shares of different bases",
            )
        elif (
            summed.complete
            and abs(summed.total - 100) > max(summed.slack, 0.01)
            and facts.stage != "exit_poll"
        ):
            found.warn(
                Code.SHARES_SUM,
                line,
                f"shares of election {facts.election!r} add up to {summed.total:.2f} %, not 100 "
                f"(rounding explains up to {summed.slack:.2f}); check for a missing option",
            )
    if (
        facts.total_votes is not None
        and audit.votes is not None
        and audit.votes != facts.total_votes
    ):
        found.warn(
            Code.TOTAL_MISMATCH,
            line,
            f"the options' votes add up to {audit.votes:,} but totalvotes says "
            f"{facts.total_votes:,}; check for a missing or extra row",
        )
    if not any(o.share is not None and o.votes is not None for o in election.options):
        return
    if audit.fit is not None and audit.fit != facts.share_base:
        found.warn(
            Code.SHARE_MISMATCH,
            line,
            f"published shares fit the {audit.fit} base, not {facts.share_base}; "
            f"add '# share_base: {audit.fit}' to the front matter",
        )
        return
    for option, computed in audit.mismatches:
        found.warn(
            Code.SHARE_MISMATCH,
            option.line,
            f"published share {option.share:g} % of {option.candidate!r} differs from its "
            f"votes, which give {computed:.3f} % of {facts.share_base} votes; check both cells",
            column=columns.header_of("share"),
        )


def _check_mixed_figures(election: Election, found: Found) -> None:
    """Votes on some rows and only shares on others cannot be ranked against each other."""
    only_votes = [o for o in election.options if o.share is None and o.votes is not None]
    only_share = [o for o in election.options if o.votes is None and o.share is not None]
    if only_votes and only_share:
        found.add(
            Code.MISSING_VALUE,
            max(only_votes[0].line, only_share[0].line),
            f"{only_votes[0].candidate!r} has only votes and {only_share[0].candidate!r} only a "
            "share, so they cannot be compared; give every option votes, or every option a share",
        )


def _check_counts(election: Election, line: int | None, found: Found) -> None:
    facts = election.facts
    counted = [o.votes for o in election.options if o.votes is not None]
    if counted and len(counted) == len(election.options) and not any(counted):
        found.warn(
            Code.MISSING_VALUE,
            min(o.line for o in election.options),
            f"every option of election {facts.election!r} has 0 votes, so nothing can be "
            "compared; check that the count has been entered",
        )
    if facts.registered and facts.ballots_cast and facts.ballots_cast > facts.registered:
        found.warn(
            Code.INCONSISTENT_METADATA,
            line,
            f"ballots_cast {facts.ballots_cast:,} exceed registered {facts.registered:,}; "
            "check both figures",
        )
    valid, spoilt = election.audit.valid, election.audit.spoilt
    if valid is None or facts.ballots_cast is None:
        return
    if valid > facts.ballots_cast:
        found.warn(
            Code.INCONSISTENT_METADATA,
            line,
            f"the options' valid votes ({valid:,}) exceed ballots_cast ({facts.ballots_cast:,}); "
            "check ballots_cast and the vote counts",
        )
    elif spoilt is not None and valid + spoilt[0] != facts.ballots_cast:
        # The summary's findings say the same ("do NOT equal"); validate must not stay silent.
        found.warn(
            Code.INCONSISTENT_METADATA,
            line,
            f"valid votes ({valid:,}) plus {spoilt[1]} ({spoilt[0]:,}) make "
            f"{valid + spoilt[0]:,}, not ballots_cast ({facts.ballots_cast:,}); "
            "check the three figures",
        )
