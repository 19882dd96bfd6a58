"""Loaded elections → seats: party lists with a legal threshold, per district, or races won.

Pure: `allocate` takes `Election`s and returns a `SeatsReport`; nothing here reads files or prints. The
arithmetic of each method is `pollcli.apportion`'s and the sentences are `pollcli.findings.seats`'s.
This package decides who takes part (the legal threshold; options that are not party lists never get
seats), groups districts, finds what each party needed for one more seat, and computes the indices,
one stage a module:

    options (allocate's arguments, checked) · contests (parliaments, the contests seats are
    allocated in, the threshold gate) · outcome (one contest by one method; votes for one more seat)
    · allocation (outcomes → the `Allocation`s users read; districts summed) · scope (what a
    national threshold would change where the file's districts take it each on its own) · filed
    (the seats a file gives each option won: the seats to fill, and the method's seats beside them)
    · listseats (districts of a list vote whose seats are not known: refused)

composed here, parliament by parliament, by `allocate`.

Decisions, repeated for users in docs/seats.md:

- **One parliament per file.** A file with one election is one allocation. The elections of one file
  (told apart by an `election` column today, by race keys later) are the districts of one parliament
  when they share date and stage; seats are allocated in each and summed per party. A district with
  one seat, or with no seats given, is a single-member race won by the most votes (`system: majority`:
  only with more than half of the valid votes; otherwise it is left to a runoff) — but districts
  told to be a list vote (a list threshold, its scope, exempt lists) with no seats given are
  refused (`seats.listseats`), and in a file of seats won, a race whose seats cells are all blank is left out with a note (`seats.filed`). Races
  keyed by a municipality (`--race-by commune`) are councils of their own: no majority of their
  seats added up is claimed.
- **One office, one chamber.** Races of several offices (the `office` race key) are not one
  parliament's districts: they are refused with the offices and how to keep one. One race of a
  file of many, kept alone (a governor), is no chamber either: `summary` names its winner.
- **One election with regions** and `district_seats` (`--seats-file`) is allocated per region.
- **The threshold gate**: a list qualifies when its votes are at or above `list_threshold` percent of
  the base: `valid` (every valid option, "Against all" included), `parties` (the options that are not
  "Against all"), or `cast` (ballots cast). Only qualifying party lists share the seats, on their own
  votes: the Hare quota is the qualifying lists' votes over the seats (Kazakhstan's law, and what
  reproduces its published seats). "Against all", "Others" and blank or invalid ballots never get seats.
  A file of districts takes it in each district unless told `national` (`threshold_scope`: the
  districts' votes summed, Poland's Sejm), as the file cannot say; a note says where the other
  reading would treat a list otherwise. Lists named exempt (a national minority's) always take part.
- **Ties** (equal remainders or quotients for fewer seats than contenders; equal votes for first in a
  race) go to the list earlier in the file (`earlier`) or to a seeded lot (`lot`), and are always
  reported.
- **Votes for one more seat**: the fewest more votes that win a list one more seat outright (it loses
  every tie), every other option's votes unchanged; the threshold's base grows with them (ballots cast
  too, for the `cast` base), and the whole allocation is run again, so a quota that moves, a threshold
  to pass and lists that fall under it are all counted.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from pollcli.columns import is_municipal
from pollcli.election import Election
from pollcli.errors import UsageError
from pollcli.findings.seat_races import (
    filed_note,
    filed_warning,
    left_out_note,
    unknown_seats_note,
)
from pollcli.findings.seats import findings, warnings_of
from pollcli.findings.threshold_scope import scope_note as threshold_scope_note
from pollcli.kinds import is_answer
from pollcli.seats.allocation import allocation_of, sum_districts
from pollcli.seats.contests import (
    SINGLE_MEMBER,
    chamber_office,
    check_cast_base,
    check_exempt,
    check_not_one_race,
    check_one_office,
    contests_of,
    gate_of,
    nationwide,
    parliaments,
    threshold_of,
)
from pollcli.seats.filed import compared, seats_filled, without_seats
from pollcli.seats.listseats import check_list_seats
from pollcli.seats.options import (
    DEFAULT_METHOD,
    TIE_RULES,
    SeatOptions,
    parse_district_seats,
    parse_methods,
)
from pollcli.seats.scope import contrast
from pollcli.seats_models import (
    Allocation,
    DistrictSeats,
    ElectionSeats,
    SeatsReport,
)

__all__ = [
    "DEFAULT_METHOD",
    "SINGLE_MEMBER",
    "TIE_RULES",
    "allocate",
    "parse_district_seats",
    "parse_methods",
]


def allocate(
    elections: Election | Sequence[Election],
    *,
    seats: int | None = None,
    methods: str | Sequence[str] | None = None,
    list_threshold: float | None = None,
    threshold_base: str | None = None,
    tie: str = "earlier",
    seed: int | None = None,
    district_seats: Mapping[str, int] | None = None,
    threshold_scope: str | None = None,
    threshold_exempt: Sequence[str] | None = None,
) -> SeatsReport:
    """Seats for each parliament among `elections`, as `pollcli seats` shows them.

    Arguments override the elections' facts: `seats` (one election's total), `methods` (a name or
    several, comma-separated or a list: hare, droop, dhondt, sainte-lague, modified-sainte-lague,
    imperiali), `list_threshold` (percent) and `threshold_base` (valid, parties, cast).
    `district_seats` maps district (or region) names to their seats. `tie` is "earlier" or "lot"
    (with `seed`, 0 by default). `threshold_scope` says where a file of districts takes the
    threshold: "district" (each district's votes; the default) or "national" (the districts'
    votes summed); `threshold_exempt` names the lists it does not apply to.
    """
    items = [elections] if isinstance(elections, Election) else list(elections)
    options = SeatOptions.checked(
        seats,
        methods,
        list_threshold,
        threshold_base,
        tie,
        seed,
        district_seats,
        threshold_scope,
        threshold_exempt,
    )
    # Primaries and ballot measures win nominations and answers, not seats: left out, as the
    # races won of `summary`'s tally leave them out.
    seated = [e for e in items if not _no_seat(e)]
    if items and not seated:
        raise UsageError(
            "every race is a primary or a ballot measure: their leaders win nominations and "
            "answers, not seats; 'pollcli summary' names them"
        )
    # One allocation is one chamber: races of several offices, or one race alone, are refused
    # before any seat is counted (trial 4: a governor, the U.S. House and both state chambers
    # were added into one "parliament" of 248 seats).
    check_exempt(seated, options)
    # Mexico's 2012 table by state gave the combination PRI_PVEM 15 of 200 seats as a list.
    if (split := next((e for e in seated if e.split_options), None)) is not None:
        raise UsageError(
            f"{split.source_file}: its options include coalitions' columns (the coalition-votes "
            "warning names them), votes marked for several parties of one coalition, which the "
            "law shares among those parties: no list, so no seats, of their own. Add each such "
            "column's votes to its parties' columns as the law shares them (Mexico's: evenly, "
            "the remainder to the party of the most votes), or leave it out with --ignore-column "
            "COL, then allocate"
        )
    # Belgium's `Nombre de sièges`: each race's seats won, as `summary` shows them. With no seats
    # given, a race's seats won added up are the seats it filled (`seats.filed`), and the method's
    # seats are compared with the file's.
    filled = options.seats is None and not options.district_seats
    unknown: list[Election] = []
    if filled:
        seated, unknown = without_seats(seats_filled(seated))
    groups = parliaments(seated)
    for group in groups:
        check_one_office(group, group[0].source_file)
        check_list_seats(group, options)
    by_file: dict[str, list[Election]] = {}
    for item in seated:
        by_file.setdefault(item.source_file, []).append(item)
    for members in by_file.values():
        if len(members) == 1:
            check_not_one_race(members[0], options)
    report = SeatsReport(elections=[_parliament(group, options) for group in groups])
    for election, group in zip(report.elections, groups, strict=True):
        found = compared(election, group)
        if found:
            districts = len(election.districts) if election.districts is not None else 1
            note = filed_note(election.methods[0], found, districts)
            if any(f.differ for f in found):  # (first, and warned: the table is the method's)
                election.notes.insert(0, note)
                election.warnings.append(filed_warning(election.methods[0], found))
            else:
                election.notes.append(note)
    left_out = [e for e in items if _no_seat(e)]
    for election in report.elections:
        mine = [e for e in left_out if e.source_file == election.source_file]
        primaries = sum(1 for e in mine if e.race is not None and e.race.primary)
        if mine:
            election.notes.append(left_out_note(primaries, len(mine) - primaries))
        blank = [e.facts.election for e in unknown if e.source_file == election.source_file]
        if blank:
            election.notes.append(unknown_seats_note(blank))
    options.check_districts_used(report)
    return report


def _no_seat(election: Election) -> bool:
    """A primary (its leader wins a nomination) or a ballot measure (every option an answer)."""
    if election.race is None:
        return False
    candidates = [o for o in election.options if o.kind == "candidate"]
    measure = bool(candidates) and all(is_answer(o.candidate) for o in candidates)
    return election.race.primary or measure


def _methods(election: Election, options: SeatOptions) -> tuple[list[str], bool]:
    """The methods asked for, and whether the default was taken for want of any."""
    if options.methods is not None:
        return options.methods, False
    if election.facts.method is not None:
        return [election.facts.method], False
    return [DEFAULT_METHOD], True


def _parliament(group: list[Election], options: SeatOptions) -> ElectionSeats:
    """One parliament's seats: each contest by each method, districts summed, findings written."""
    first = group[0]
    facts = first.facts
    source = first.source_file
    methods, defaulted = _methods(first, options)
    gate = gate_of(first, options)
    layout, contests = contests_of(group, options)
    if any(c.pooled is not None for c in contests) and not options.open_lists:
        # Candidates on open lists in a district: every district's candidates by party, so that
        # a district where each party fields one adds its seats to the parties' too.
        layout, contests = contests_of(group, replace(options, open_lists=True))
    cast = gate is not None and gate.base == "cast"
    if first.partial is not None and cast and facts.ballots_cast is None:
        # (Those given for the whole race are left out of part of it: `read.countnotes`.)
        raise UsageError(
            "threshold base 'cast' needs the ballots cast of the rows --where keeps "
            f"({first.partial.filter}), which {source} does not give (those given for the "
            "whole race are not theirs); use --threshold-base valid, or leave out --where"
        )
    check_cast_base(contests, gate, source)
    warnings = [w.render() for e in group for w in e.warnings]
    if gate is None and options.threshold_exempt:
        warnings.append("--threshold-exempt changes nothing: no legal threshold applies")
    scope_note = None
    if gate is not None and layout == "national":
        # One election's threshold is the country's whatever the scope asked (its own votes: two
        # lists of one name are not added up here).
        gate = replace(gate, scope="national")
    elif gate is not None and gate.scope == "national" and layout == "districts":
        gate = nationwide(gate, contests)
    elif gate is not None and layout == "districts" and not gate.scope_given:
        found = contrast(contests, gate, methods[0])
        if found is not None:
            scope_note = threshold_scope_note(
                gate.pct_float, found.shut_out, found.let_in, found.changes
            )
    if layout == "single_member":
        if options.methods is not None:
            counted = "the most votes"
            if any(e.preferential or e.preferences for e in group):  # (`read.preferences`)
                counted = "a majority of first preferences, or names no winner"
            warnings.append(
                f"--method does not apply to single-member races: each is won by {counted}"
            )
        methods = [SINGLE_MEMBER]

    per_contest: list[list[Allocation]] = []
    # Won by a majority of first preferences (`read.preferences`): the votes a rival needed depend
    # on preferences the file does not hold, so none are claimed (first past the post's sum is not).
    preferential = {e.facts.election for e in group if e.preferential is not None}
    for contest in contests:
        row = [allocation_of(contest, method, gate, options) for method in methods]
        _changes(row)
        for party in (p for a in row for p in a.parties) if contest.name in preferential else ():
            party.votes_for_next_seat = None
        per_contest.append(row)
    districts = None
    threshold = threshold_of(contests[0], gate)
    if layout == "national":
        allocations = per_contest[0]
    else:
        allocations = [
            sum_districts([row[k] for row in per_contest], method, sum(c.seats for c in contests))
            for k, method in enumerate(methods)
        ]
        _changes(allocations)
        districts = [
            DistrictSeats(
                district=contest.name,
                seats=None if contest.seats_unknown else contest.seats,
                threshold=None if contest.single_member else threshold_of(contest, gate),
                allocations=row,
                no_winner=contest.why if row[0].undecided else None,
                uncounted=contest.uncounted,
                assumed=contest.assumed,
                preferential=contest.name in preferential and not row[0].undecided,
            )
            for contest, row in zip(contests, per_contest, strict=True)
        ]
        # Each district has its own base: the summed view keeps only the rule (a national
        # threshold has one base, the country's).
        threshold = None
        if gate is not None and layout == "districts":
            threshold = threshold_of(contests[0], gate)
            if gate.national is None and threshold is not None:
                threshold.base_votes = threshold.votes = None
    seats = ElectionSeats(
        election=facts.election if len(group) == 1 else _file_label(source),
        date=facts.date,
        # The races' shared country, or none: the UK's constituencies each name theirs (Commons
        # Library: 'Country name'), and the first one's, Wales, is no title for the chamber.
        country=facts.country if len({e.facts.country for e in group}) == 1 else None,
        office=chamber_office(group),
        stage=facts.stage,
        source_file=source,
        layout=layout,
        seats=sum(c.seats for c in contests),
        methods=methods,
        threshold=threshold,
        tie_rule=options.tie,
        seed=options.seed,
        allocations=allocations,
        districts=districts,
        notes=[],
        warnings=warnings,
        partial=next((e.partial for e in group if e.partial is not None), None),
        source=facts.source,
    )
    seats.notes.extend(
        findings(
            seats,
            method_defaulted=defaulted,
            source=facts.source,
            scope=scope_note,
            pooled=next((c.pooled for c in contests if c.pooled is not None), None),
            list_totals=sorted({name for c in contests for name in c.list_totals}),
            regions=[r.name for r in first.regions] if len(group) == 1 else [],
            councils=_councils(group),
        )
    )
    seats.warnings.extend(warnings_of(seats))
    return seats


def _councils(group: list[Election]) -> str | None:
    """The race key that names a municipality, where every race of the group is one's (Belgium's
    councils, `--race-by commune`): councils of their own, no parliament's districts."""
    if len(group) < 2 or any(e.race is None for e in group):
        return None
    keys = [{k for k in e.race.split.keys if is_municipal(k)} for e in group if e.race is not None]
    shared = set.intersection(*keys)
    return min(shared) if shared else None


def _file_label(source: str) -> str:
    from pathlib import PurePath

    return PurePath(source).stem if source not in ("-", "<stdin>") else source


def _changes(allocations: list[Allocation]) -> None:
    """Each method's seats against the first method's, party by party."""
    if len(allocations) < 2:
        return
    first = {p.party: p.seats for p in allocations[0].parties}
    for allocation in allocations[1:]:
        for party in allocation.parties:
            party.seats_change = party.seats - first.get(party.party, 0)
