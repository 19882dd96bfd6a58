"""What every renderer says of a result in words: tags, the election's details line, region leaders.

Shared by the Rich table and Markdown (and free of Rich, so Markdown output never imports it); the
renderers only lay these out.
"""

from __future__ import annotations

from typing import Final

from pollcli import formats as fmt
from pollcli.compare_models import Comparison
from pollcli.models import (
    ElectionSummary,
    Overview,
    RaceLine,
    RaceTally,
    RegionSummary,
    ResultRow,
    Summary,
)
from pollcli.overview_models import PARTY_NOT_GIVEN
from pollcli.seats_models import (
    METHOD_LABELS,
    Allocation,
    DistrictSeats,
    ElectionSeats,
    PartySeats,
    Threshold,
)

# How a name was matched across elections (compare), in words.
MATCH_METHODS: Final[dict[str, str]] = {
    "normalised": "same after normalising",
    "fuzzy": "similar",
    "alias": "alias",
    "kind": "same kind",
    "party": "one party's usual spellings",
}
KIND_TAGS: Final[dict[str, str]] = {
    "against_all": "AGAINST ALL",
    "blank": "BLANK",
    "invalid": "INVALID",
    "other": "OTHER",
}


def result_tags(row: ResultRow, summary: ElectionSummary) -> list[tuple[str, str]]:
    """The row's tags as (text, role); the role is "leader", "tied", "runner_up", "below" or the
    option's kind, for a renderer to style."""
    tags = []
    if summary.open_lists:  # candidates on open lists: the lists lead (the findings say how)
        if summary.leader is not None and row.candidate == summary.leader.candidate:
            tags.append(("MOST VOTES", "leader"))
    elif summary.seats != 1:  # several seats: who is elected, not who leads whom
        if row.kind == "candidate" and row.candidate in (summary.elected or []):
            tags.append(("ELECTED", "leader"))
        if summary.elected is None and summary.leader and row.candidate == summary.leader.candidate:
            tags.append(("LEADER", "leader"))
    elif summary.leader is not None and row.candidate == summary.leader.candidate:
        tags.append(("LEADER", "leader"))
    if row.candidate in summary.tied_for_first:  # (equal at the file's rounding: no tie)
        step = summary.tie_step
        tags.append(("TIED FIRST" if step is None else f"EQUAL AT {step:g}", "tied"))
    if (
        summary.seats == 1
        and not summary.open_lists
        and summary.runner_up is not None
        and row.candidate == summary.runner_up.candidate
    ):
        tags.append(("RUNNER-UP", "runner_up"))
    if row.below_threshold:
        tags.append((f"BELOW {summary.threshold:g} %", "below"))
    if row.acclaimed:
        tags.append(("ACCLAIMED, NO COUNT", "other"))
    if row.list_votes:
        tags.append(("LIST VOTES", "other"))
    if row.kind in KIND_TAGS:
        tags.append((KIND_TAGS[row.kind], row.kind))
    return tags


RACE_TAGS: Final[dict[str, str]] = {
    "close": "CLOSE",
    "tie": "TIE",
    "no_majority": "NO MAJORITY",
    "unopposed": "UNOPPOSED",
    "no_count": "NO COUNT",
    "spelling": "SPELLING?",
    "total_mismatch": "TOTAL?",
}


# The overview's margin columns: the leader's lead over the runner-up, in points and in votes.
LEAD_POINTS: Final[str] = "Lead (pts)"
LEAD_VOTES: Final[str] = "Lead (votes)"


def race_leader(line: RaceLine) -> str:
    if line.leader is not None:
        return line.leader.candidate
    if not line.tied_for_first:
        return "—"
    said = "tie" if line.tie_step is None else f"equal at {line.tie_step:g}"
    return f"{said}: " + ", ".join(line.tied_for_first)


def race_share(line: RaceLine) -> str:
    return fmt.pct(line.leader.share if line.leader is not None else None)


def overview_columns(overview: Overview, *, turnout: bool) -> list[tuple[str, list[str]]]:
    """The overview table's columns as (header, cells), in text: one row per race."""
    races = overview.races
    columns = [
        ("Race", [r.race for r in races]),
        ("Leader", [race_leader(r) for r in races]),
        ("Party", [(r.leader.party or "") if r.leader else "" for r in races]),
        ("Share", [race_share(r) for r in races]),
        # The lead over the runner-up, not the leader's own votes (CSV: margin_pp, margin_votes).
        (LEAD_POINTS, [fmt.number(r.margin.pp if r.margin else None) for r in races]),
        (LEAD_VOTES, [fmt.votes(r.margin.votes if r.margin else None) for r in races]),
        ("Runner-up", [r.runner_up.candidate if r.runner_up else "" for r in races]),
    ]
    if turnout:
        columns.append(("Turnout", [fmt.pct(r.turnout_pct) for r in races]))
    columns.append(("Tags", [race_tags(r) for r in races]))
    return columns


def race_tags(line: RaceLine) -> str:
    """The race's tags in words, and PARTIAL when --where kept part of its rows, PRIMARY for a
    primary whose name does not say so (TOP-TWO PRIMARY for a top-two primary)."""
    tags = [RACE_TAGS[t] for t in line.tags]
    if line.seats != 1:
        tags.append(f"{line.seats} SEATS" if line.seats else "SEATS?")
    if line.partial is not None:
        tags.append("PARTIAL")
    if line.top_two:
        tags.append("TOP-TWO PRIMARY")
    elif line.primary and "primary" not in line.race.casefold():
        tags.append("PRIMARY")
    return " ".join(tags)


def tally_rows(tally: RaceTally) -> list[tuple[str, str]]:
    """(party, races won) per party, the undecided races, and those kept in part last."""
    rows = [(p.party or f"({PARTY_NOT_GIVEN})", f"{p.won:,}") for p in tally.parties]
    if tally.undecided - tally.partial:
        # Counted in races, also under a column of seats (a race of unknown seats has no number).
        label = "undecided races" if tally.unit == "seats" else "undecided"
        rows.append((label, f"{tally.undecided - tally.partial:,}"))
    if tally.partial:
        rows.append(("partial (--where)", f"{tally.partial:,}"))
    return rows


def tally_title(tally: RaceTally) -> str:
    what = "Seats" if tally.unit == "seats" else "Races"
    if not tally.races and tally.primaries:
        return f"{what} won by party: none counted (primaries only)"
    if tally.seats is not None:
        # Seats counted, races unknown: each number says which it counts.
        races = "race" if tally.seats_unknown == 1 else "races"
        unknown = (
            f"; {tally.seats_unknown:,} {races} of an unknown number of seats"
            if tally.seats_unknown
            else ""
        )
        return f"{what} won by party ({tally.won:,} of {tally.seats:,} seats decided{unknown})"
    return f"{what} won by party ({tally.won:,} of {tally.races:,} decided)"


def election_title(summary: ElectionSummary) -> str:
    """The election's name, and the --where filter when only part of the race is counted:
    'U.S. Senate (Special) — county = Cherokee only'."""
    name = summary.election
    if summary.title and summary.title != name:
        name = f"{summary.title} ({name})"  # a file of one race, named by its race columns
    if summary.partial is None:
        return name
    return f"{name} — {summary.partial.filter} only"


def shared_notes(summary: Summary) -> list[str]:
    """The notes on reading a file of races that every race shown shares (FiveThirtyEight's
    `'party' is left unused…`, the split): said once, in the overview, not in every race's
    findings. None for a single election, or a summary without an overview."""
    elections = summary.elections
    if len(elections) < 2 or summary.overview is None:
        return []
    rest = [set(e.read_notes) for e in elections[1:]]
    return [note for note in elections[0].read_notes if all(note in notes for notes in rest)]


def seats_title(election: ElectionSeats) -> str:
    """The parliament's name, and the --where filter when only part of its vote is counted."""
    if election.partial is None:
        return election.election
    return f"{election.election} — {election.partial.filter} only"


def election_details(summary: ElectionSummary) -> list[str]:
    """Office, country, date, round and stage, those that are known; "partial count" where rows
    report under 100 % of their count (`ElectionSummary.counted_so_far`)."""
    return [
        str(v)
        for v in (
            summary.office,
            summary.country,
            summary.date,
            f"round {summary.round}" if summary.round else None,
            summary.stage.replace("_", " "),
            "partial count" if summary.counted_so_far is not None else None,
        )
        if v
    ]


def leader_label(region: RegionSummary) -> str:
    if region.leader is not None:
        return region.leader.candidate
    return "tie: " + ", ".join(region.tied_for_first) if region.tied_for_first else "—"


def leader_share(region: RegionSummary) -> float | None:
    if region.leader is not None:
        return region.leader.share
    # Candidates tied for first have the same share.
    return next((r.share for r in region.results if r.candidate in region.tied_for_first), None)


# The mark of a region's turnout over 100 % (`RegionSummary.over_registered`; the findings'
# sentence, `findings.regions.over_registered`, says what it means).
OVER_MARK: Final[str] = " (!)"


def region_columns(
    regions: list[RegionSummary], *, runner_up: bool, turnout: bool
) -> list[tuple[str, list[str]]]:
    """The region table's columns as (header, cells), in text."""
    columns = [
        ("Region", [r.region for r in regions]),
        ("Leader", [leader_label(r) for r in regions]),
        ("Share", [fmt.pct(leader_share(r)) for r in regions]),
    ]
    if runner_up:
        columns += [
            ("Runner-up", [r.runner_up.candidate if r.runner_up else "" for r in regions]),
            ("Share", [fmt.pct(r.runner_up.share if r.runner_up else None) for r in regions]),
        ]
    columns.append(("Margin", [fmt.points(r.margin.pp if r.margin else None) for r in regions]))
    if turnout:
        # Over 100 % (more ballots than registered voters) is marked, the findings saying why.
        columns.append(
            ("Turnout", [fmt.pct(r.turnout.pct) + OVER_MARK * r.over_registered for r in regions])
        )
    return columns


THRESHOLD_BASE_WORDS: Final[dict[str, str]] = {
    "valid": "valid votes",
    "parties": "party votes",
    "cast": "ballots cast",
}


def seat_tags(party: PartySeats, allocation: Allocation, threshold: Threshold | None) -> list[str]:
    """A seats row's tags: the last seat and who was next for it, ties, below the threshold, kind."""
    tags = []
    if allocation.last_seat is not None and allocation.last_seat.party == party.party:
        tags.append("LAST SEAT")
    if allocation.next_in_line is not None and allocation.next_in_line.party == party.party:
        tags.append("NEXT IN LINE")
    if any(party.party in tie.contenders for tie in allocation.ties):
        tags.append("TIE")
    if party.kind == "candidate" and not party.qualified and threshold is not None:
        tags.append(f"BELOW {threshold.pct:g} %")
    if party.kind in KIND_TAGS:
        tags.append(KIND_TAGS[party.kind])
    return tags


def seats_details(election: ElectionSeats) -> list[str]:
    """Office, country, date and stage, those that are known."""
    return [
        str(v)
        for v in (
            election.office,
            election.country,
            election.date,
            election.stage.replace("_", " "),
        )
        if v
    ]


def seats_rule(election: ElectionSeats) -> str:
    """'69 seats · threshold 5 % of valid votes · Hare quota and largest remainder'."""
    parts = [f"{election.seats:,} seat{'' if election.seats == 1 else 's'}"]
    if election.layout == "districts":
        parts.append(f"{len(election.districts or [])} districts")
    threshold = election.threshold
    if threshold is not None:
        each = ""
        if election.layout == "districts":
            each = " nationally" if threshold.scope == "national" else " in each district"
        exempt = f" ({', '.join(threshold.exempt)} exempt)" if threshold.exempt else ""
        parts.append(
            f"threshold {threshold.pct:g} % of {THRESHOLD_BASE_WORDS[threshold.base]}{each}{exempt}"
        )
    elif election.layout != "single_member":
        parts.append("no threshold")
    if election.layout == "single_member":
        # Races of several seats (--vote-for 2), or of seats unknown, are no single-member races.
        several = any(d.seats != 1 for d in election.districts or [])
        parts.append("races won by the most votes" if several else "single-member races")
        undecided = election.allocations[0].undecided if election.allocations else 0
        if undecided:
            # The seats are those of the races won: the others are counted apart, as in summary.
            parts.append(f"{undecided:,} race{'' if undecided == 1 else 's'} with no winner named")
    else:
        parts.append(" / ".join(METHOD_LABELS.get(m, m) for m in election.methods))
    return " · ".join(parts)


def seat_cell(party: PartySeats, first: bool) -> str:
    """Seats, and for a method after the first the change from it: '41 +1'."""
    if party.kind != "candidate":
        return "—"
    if first or not party.seats_change:
        return str(party.seats)
    change = party.seats_change
    return f"{party.seats} {'+' if change > 0 else '−'}{abs(change)}"


def district_seats(district: DistrictSeats) -> str:
    """The district's seats, '?' where a race does not say how many it elects."""
    return "?" if district.seats is None else str(district.seats)


def district_winners(district: DistrictSeats) -> str:
    """'PP 3 · PSOE 2 · Vox 1': who won the district's seats, by the first method."""
    if not district.allocations:
        return ""
    won = [p for p in district.allocations[0].parties if p.seats]
    if not won:
        if not district.allocations[0].undecided:
            return "no seat awarded"
        return "no seat awarded" + (
            " (runoff)" if district.no_winner == "runoff" else " (no winner named)"
        )
    if district.seats == 1 and len(won) == 1:
        return won[0].party
    return " · ".join(f"{p.party} {p.seats}" for p in won)


def election_names(comparison: Comparison) -> list[str]:
    """The elections as the tables name them: by their labels where two share a name (one race
    of two files, "Anvers (be_commune_1988)"), so that the reader can tell them apart."""
    names = [e.election for e in comparison.elections]
    if len(set(names)) == len(names):
        return names
    return [
        e.label if e.label.startswith(f"{e.election} (") else e.election
        for e in comparison.elections
    ]


def volatility_rows(comparison: Comparison) -> list[tuple[str, list[float | None]]]:
    """The volatility lines of the shares table: of its rows, saying which they are where the
    candidates' parties have a line of their own (`Comparison.volatility_by_party`)."""
    if comparison.volatility_by_party is None:
        return [("Pedersen volatility", comparison.volatility)]
    return [
        ("Pedersen by candidate", comparison.volatility),
        ("Pedersen by party", comparison.volatility_by_party),
    ]
