"""An election's figures checked as a whole, as problems: the audit's findings (`pollcli.audit`), and
figures that cannot be compared (votes on some options, only shares on others)."""

from __future__ import annotations

from collections.abc import Sequence

from pollcli.audit import Audit, mismatches, no_votes, partly_published
from pollcli.audit import audit as audit_of
from pollcli.columns import NOT_VALID_KINDS
from pollcli.election import Election, Facts, Option
from pollcli.formats import counted
from pollcli.problems import NO_NAME_ADVICE, Code, Found
from pollcli.read.facts import FactSources
from pollcli.read.header import ColumnMap
from pollcli.read.party_totals import by_party, may_name_party
from pollcli.read.perballot import multiple, per_ballot

# How many regions of no votes a note names before it counts the rest.
SHOWN = 5


def check_election(
    election: Election,
    line: int,
    fact_line: int | None,
    sources: FactSources,
    found: Found,
    acclaimed: bool = False,
    named: bool = True,
) -> None:
    """Problems of one built election; `line` is its first row, `fact_line` where ballots_cast was
    given; `acclaimed`: a candidate's votes cell says no vote was held (`read.acclaimed`); not
    `named`: no option's name may be its party's (told for the whole file: `read.plainraces`)."""
    facts, columns = election.facts, sources.columns
    _check_mixed_figures(election, found)
    if named:
        _check_party_totals(election.options, found)
    _check_constant_votes(election.options, columns, found)
    if sources.party_named:
        _check_party_lines(election, sources.party_named, columns, found)
    _check_counts(election, fact_line, found, acclaimed)
    audit = election.audit
    if not no_votes(election.options):
        _check_share_sum(facts, audit, line, found, "")
    # A race's total is all its options (MEDSL's totalvotes counts blank and void rows) or its
    # valid votes (OpenElections' "Total Votes Cast" rows leave out over- and undervotes), or the
    # options and the blank ballots given as a fact (Spain's `Votos válidos`: the votes for the
    # lists, `Votos a candidaturas`, and `Votos en blanco`).
    with_blank = (
        audit.votes + facts.blank if audit.votes is not None and facts.blank is not None else None
    )
    if (
        facts.total_votes is not None
        and audit.votes is not None
        and facts.total_votes not in (audit.votes, audit.valid, with_blank)
    ):
        valid = (
            f" ({audit.valid:,} without blank and invalid ones)"
            if audit.valid is not None and audit.valid != audit.votes
            else ""
        )
        # Parts that hold their total twice or more are counted twice (or are no options: Chile's
        # `votos_comuna` beside `votos`), as README promises for a place's total: refused.
        parts = audit.votes if audit.valid is None else min(audit.votes, audit.valid)
        if facts.total_votes > 0 and parts >= 2 * facts.total_votes:
            found.add(
                Code.TOTAL_MISMATCH,
                line,
                f"the options' votes add up to {audit.votes:,}{valid}, "
                f"{parts / facts.total_votes:.1f} times the total given ({facts.total_votes:,}): "
                "votes counted twice or more (a total, a subtotal or a figure that is no option "
                "read as an option; rows listed again), not counted; check which columns hold "
                "the options' votes (--ignore-column COL, --votes COL) and which rows repeat others",
            )
        else:
            found.warn(
                Code.TOTAL_MISMATCH,
                line,
                f"the options' votes add up to {audit.votes:,}{valid} but the total given says "
                f"{facts.total_votes:,}; check for a missing or extra row",
            )
            _unlisted_over_lead(election, facts.total_votes - audit.votes)
    _check_share_fit(election.options, facts, audit, line, columns, found, "")
    empty = []
    for region in election.regions:
        # A published share per region is checked against the region's votes like a national
        # share against the nation's (issue 11 item 7).
        if not any(o.share is not None for o in region.options):
            continue
        if no_votes(region.options):
            # Shares of 0 where no vote was counted add up to 0, not 100: said once below.
            empty.append(region.name)
            continue
        region_facts = facts.model_copy(
            update={
                "registered": region.registered,
                "ballots_cast": region.ballots_cast,
                "invalid": None,
                "blank": None,
                "total_votes": None,
            }
        )
        region_audit = audit_of(region.options, region_facts)
        first = min(o.line for o in region.options)
        where = f" in region {region.name!r}"
        _check_share_sum(region_facts, region_audit, first, found, where)
        _check_share_fit(region.options, region_facts, region_audit, first, columns, found, where)
    if empty and not no_votes(election.options):
        shown = ", ".join(repr(name) for name in empty[:SHOWN])
        more = f" and {len(empty) - SHOWN:,} more" if len(empty) > SHOWN else ""
        election.notes.append(
            f"No votes at all in {counted(len(empty), 'region')} ({shown}{more}): their "
            "published shares are not checked."
        )


def _unlisted_over_lead(election: Election, unlisted: int) -> None:
    """No winner named where the total given holds more votes that no option has than the lead
    they could overturn: they may be a candidate's the file leaves out (Georgia's 2014 local tables
    list the parties' columns only, an independent's votes in the valid votes alone: '3 · 5' was
    won with a lead of 685 beside 5,382 votes in no column). In a race of N seats (vote for N, as
    the tally elects the top N) that lead is the Nth's over the (N+1)th, or the Nth's votes where
    no (N+1)th is listed (Arizona's 2024 Pima County file: State House 18, vote for 2, lists two
    candidates and a total that holds a third's votes)."""
    votes = sorted((o.votes or 0 for o in election.options if o.kind == "candidate"), reverse=True)
    if unlisted <= 0 or len(votes) < 1 or election.no_winner is not None:
        return
    # (Fewer candidates than seats: the last one's votes, which any one unlisted must pass.)
    seats = election.seats or 1
    last = votes[min(seats, len(votes)) - 1]
    lead = last - (votes[seats] if len(votes) > seats else 0)
    if unlisted > lead:
        if seats == 1:
            whose = f"the leader's lead of {lead:,}"
        else:
            holder = _holding(election, last)
            whose = (
                f"the lead of {lead:,} by which {holder} the last of the {seats} seats"
                if len(votes) > seats
                else f"the {lead:,} votes by which {holder} the last of the {seats} seats"
            )
        election.no_winner = (
            f"The total given holds {unlisted:,} votes no option listed has, more than "
            f"{whose}: they may be a candidate's the file leaves out, so no winner is named; "
            "check the rows or columns of the options."
        )


def _holding(election: Election, votes: int) -> str:
    """'NAME holds': the candidate of `votes` votes, where one alone has them; else a tie's."""
    names = [o.candidate for o in election.options if o.kind == "candidate" and o.votes == votes]
    return f"{names[0]} holds" if len(names) == 1 else "candidates tie for"


def _check_share_sum(facts: Facts, audit: Audit, line: int, found: Found, where: str) -> None:
    """Published shares against 100, in an election or one of its regions (`where` says which)."""
    summed = audit.share_sum
    if summed is not None:
        if summed.total > 101:
            races = round(summed.total / 100)  # (about N × 100: N races' shares, Malaysia's DUNs)
            hint = (
                f"about {races} × 100 %: {races} races read as one? if a column tells them "
                "apart, read them apart with --race-by COL; else "
                if abs(summed.total - 100 * races) <= races
                else "far more than 100; "
            )
            found.add(
                Code.SHARES_SUM,
                line,
                f"shares of election {facts.election!r}{where} add up to {summed.total:.2f} %, "
                f"{hint}check for a double-counted row or shares of different bases",
            )
        elif (
            summed.complete
            and abs(summed.total - 100) > max(summed.slack, 0.01)
            and facts.stage != "exit_poll"
        ):
            found.warn(
                Code.SHARES_SUM,
                line,
                f"shares of election {facts.election!r}{where} add up to {summed.total:.2f} %, "
                f"not 100 (rounding explains up to {summed.slack:.2f}); check for a missing option",
            )


def _check_share_fit(
    options: Sequence[Option],
    facts: Facts,
    audit: Audit,
    line: int,
    columns: ColumnMap,
    found: Found,
    where: str,
) -> None:
    """Published shares against the votes, in an election or one of its regions."""
    if not any(o.share is not None and o.votes is not None for o in options):
        return
    if audit.fit is not None and audit.fit != facts.share_base:
        found.warn(
            Code.SHARE_MISMATCH,
            line,
            f"published shares{where} fit the {audit.fit} base, not {facts.share_base}; "
            f"add '# share_base: {audit.fit}' to the front matter",
        )
        return
    implied = audit.larger_base
    if implied is not None and audit.base_total:
        # Every share off by one ratio: shares of a larger base the file does not give (the
        # ballots cast, with blank and null ballots listed elsewhere), said once, not per row.
        shown = (
            "the shares are shown as published, the others' computed from the valid votes, and "
            "the options ranked by their votes"
            if partly_published(options, facts.share_base)
            else "the shares are shown as published"
        )
        # The blank and invalid ballots the file lists, with the valid votes: the ballots cast.
        listed = sum(o.votes or 0 for o in options if o.kind in NOT_VALID_KINDS)
        cast = audit.base_total + listed
        message = (
            f"published shares{where} are each option's votes of the {cast:,} ballots cast (the "
            f"{audit.base_total:,} valid votes and the {listed:,} blank and invalid ballots "
            f"listed), not of the valid votes: {shown}; add '# share_base: cast' and "
            f"'# ballots_cast: {cast}' to the front matter to read them so"
            if listed and not mismatches(options, "cast", cast)
            else f"published shares{where} are each option's votes of about {implied:,} votes, "
            f"not of the {audit.base_total:,} valid votes counted: shares of the ballots cast, "
            f"with about {implied - audit.base_total:,} blank or invalid ballots the file does "
            f"not list, or of the registered voters{_as_turnout(audit)}? {shown}, no shares of "
            "the votes; give the ballots cast (a ballots_cast column, or "
            "'# ballots_cast: N' and '# share_base: cast' in the front matter) to check the "
            "published ones"
        )
        found.warn(Code.SHARE_MISMATCH, line, message, column=columns.header_of("share"))
        return
    for option, computed in audit.mismatches:
        found.warn(
            Code.SHARE_MISMATCH,
            option.line,
            f"published share {option.share:g} % of {option.candidate!r}{where} differs from its "
            f"votes, which give {computed:.3f} % of {facts.share_base} votes; check both cells",
            column=columns.header_of("share"),
        )


def _as_turnout(audit: Audit) -> str:
    """What the published shares add up to, where they may be of the registered voters."""
    summed = audit.share_sum
    return f" (they add up to {summed.total:.2f} %)" if summed else ""


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


def _check_counts(election: Election, line: int | None, found: Found, acclaimed: bool) -> None:
    facts = election.facts
    counted = [o.votes for o in election.options if o.votes is not None]
    # As many candidates as seats and none counted: elected unopposed with no count, as the
    # findings say (`tally.uncounted`: Malaysia's seats won unopposed in 2004, listed at 0 votes).
    unopposed = sum(o.kind == "candidate" for o in election.options) <= (election.seats or 1)
    if (
        counted
        and len(counted) == len(election.options)
        and not any(counted)
        and not acclaimed
        and not unopposed
    ):
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
    # A ballot holds one vote per seat in a race of several (vote for N): N times as many votes.
    each = election.seats or (election.per_ballot[0] if election.per_ballot else 1)
    if valid > each * facts.ballots_cast and per_ballot(election) is not None:
        # N votes a ballot, as the race's sum with its under and over votes tells, whatever the
        # seats it states (DC's at-large council): the race-split warning says so, and how to
        # give N (`read.perballot`, marked after this check); valid votes and void ballots then
        # count no ballots either.
        return
    if valid > each * facts.ballots_cast:
        # (Of one vote a ballot assumed, no number stated: Clear Ballot's council of four.)
        several = f"{valid / max(facts.ballots_cast, 1):.1f} votes a ballot: several seats? "
        found.warn(
            Code.INCONSISTENT_METADATA,
            line,
            f"the options' valid votes ({valid:,}) exceed ballots_cast ({facts.ballots_cast:,})"
            + (f", though at {each} votes a ballot" if each > 1 else "")
            + "; "
            + (
                ""
                if each > 1 or facts.vote_for or not facts.ballots_cast
                else several + "give their number (--vote-for N), or "
            )
            + "check ballots_cast and the vote counts",
        )
    elif (
        each == 1
        and spoilt is not None
        and valid + spoilt[0] != facts.ballots_cast
        and multiple(valid + spoilt[0], facts.ballots_cast) is None
    ):
        # (Of N votes a ballot, valid votes and void ballots add up to no count of ballots: nor
        # where they make N times it, a lone candidate's race of 2 votes a ballot.)
        # The summary's findings say the same ("do NOT equal"); validate must not stay silent.
        found.warn(
            Code.INCONSISTENT_METADATA,
            line,
            f"valid votes ({valid:,}) plus {spoilt[1]} ({spoilt[0]:,}) make "
            f"{valid + spoilt[0]:,}, not ballots_cast ({facts.ballots_cast:,}); "
            "check the three figures",
        )


# Options that share one count before it reads as a column of one constant: 100 (a share's sum)
# for five (three lists of 100 are a tie `pollcli seats` breaks), another above 1 for ten (a race of
# many write-ins may give a few of them one vote each).
HUNDRED_OPTIONS = 5
CONSTANT_OPTIONS = 10


def _check_constant_votes(options: Sequence[Option], columns: ColumnMap, found: Found) -> None:
    """An error where every option of votes has the same votes, 100 for five options or more (a
    column of shares, 100 % on each row: Italy's 2008 table by province, its `Votes` 100.0), or
    another count above 1 for ten or more (a column of one constant): no tie of them all."""
    counted = [o for o in options if o.votes]
    values = {o.votes or 0 for o in counted}
    if len(values) != 1 or len(counted) < HUNDRED_OPTIONS:
        return
    (value,) = values
    if value != 100 and (value < 2 or len(counted) < CONSTANT_OPTIONS):
        return
    column = columns.header_of("votes")  # (None: the sum of vote-mode columns)
    found.add(
        Code.TYPE_ERROR,
        min(o.line for o in counted),
        f"every one of the {len(counted):,} options has {value:,} votes"
        + (f" in the {column!r} column: " if column else ": ")
        + (
            "a column of shares (each row's 100 %), not votes"
            if value == 100
            else "a column of one number, not each option's votes"
        )
        + "; no tie is named. Name the column of each option's votes with --votes COL (a file of "
        "shares alone holds no votes to count)",
        column=column,
    )


def _check_party_totals(options: Sequence[Option], found: Found) -> None:
    """A warning for an option named as its party that holds exactly the votes of the party's
    other candidates (the Kiesraad's `VVD,VVD,1000` above its candidates; a blank name beside the
    party, read as the party's line): if it is the list's total, it is counted twice here."""
    if not may_name_party({o.candidate for o in options}, {o.party for o in options}):
        return  # (no option is named as a party)
    grouped = by_party(
        (option, option.party, option.candidate)
        for option in options
        if option.kind == "candidate" and option.party and option.votes is not None
    )
    for named, others in grouped.values():
        if len(named) != 1 or not others or not named[0].votes:
            continue
        (total,) = named
        if total.votes == sum(o.votes or 0 for o in others):
            found.add(
                Code.TOTAL_ROW,
                total.line,
                f"{total.candidate!r} names its party and holds exactly the votes of its "
                f"{len(others):,} other {'candidate' if len(others) == 1 else 'candidates'} "
                f"({total.votes:,}): if it is the party's total, 'pollcli summary' counts its "
                "votes twice (remove that row) and 'pollcli seats' sets it apart",
                severity="warning",
            )


def _check_party_lines(
    election: Election, parties: frozenset[str], columns: ColumnMap, found: Found
) -> None:
    """An error for a party's line (a blank candidate cell beside the party, `party_named`) in a
    place of a race where a named candidate stands for that party: the row may be that
    candidate's, its name left out (New Hampshire 2020's `State Senate,CS06,DEM,,154` below
    William Hatch's first row in Coos), or another's; pollcli cannot tell, and the race is
    refused. (MEDSL's unnamed INDEPENDENT of one state beside a named one of another is read.)"""
    said: set[str] = set()
    read = sorted(
        {o.party for o in election.options if o.party in parties and o.candidate == o.party}
    )
    for options in [r.options for r in election.regions] or [election.options]:
        for line in options:
            if line.party not in parties or line.candidate != line.party or line.party in said:
                continue
            named = [
                o
                for o in options
                if o is not line and o.kind == "candidate" and o.party == line.party
            ]
            if not named:
                continue
            said.add(line.party)
            shown = ", ".join(f"{o.candidate!r} (line {o.line})" for o in named[:2])
            more = f" and {len(named) - 2:,} more" if len(named) > 2 else ""
            found.add(
                Code.BLANK_NAME,
                line.line,
                f"the candidate cell is blank beside the party {line.party!r}, for which "
                f"{shown}{more} stand{'s' if len(named) == 1 else ''} in this race and place: "
                "if the row is that candidate's, fill in the name; if another candidate's of the "
                "party, write that name; if it counts others of the party, none of theirs, write "
                f"OTHER there; {NO_NAME_ADVICE}",
                column=columns.header_of("candidate"),
            )
    if read and not said:
        shown = ", ".join(map(repr, read[:5])) + (
            f" and {len(read) - 5:,} more" if len(read) > 5 else ""
        )
        election.notes.append(
            f"Rows that name no candidate, only a party ({shown}), are read as that party's "
            "line, named by the party."
        )
