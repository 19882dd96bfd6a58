"""What seats are allocated in, and who may take part: parliaments, their contests, the threshold.

A parliament is a file's elections (or one election); its contests are the units seats are allocated
in: the whole country, the districts of a file (an election each), the regions a seats file names,
or single-member races. A `Contest` holds only what the arithmetic needs (valid options, votes, seats,
the tie priority), so that `outcome` can run one many times over. The legal threshold (`Gate`) is
decided here too, once per parliament: the caller's, else the file's, on its base.
"""

from __future__ import annotations

import math
import random
import shlex
from dataclasses import dataclass, field, replace
from fractions import Fraction
from functools import cached_property

from pollcli.columns import NOT_VALID_KINDS, Kind
from pollcli.election import Election, Option
from pollcli.errors import DataError, UsageError
from pollcli.names import plain_key
from pollcli.openlists import PartyList, lists_of, pooled_list
from pollcli.overview_models import NoWinner
from pollcli.problems import Code, Problem
from pollcli.seats.options import SeatOptions
from pollcli.seats_models import Layout, Threshold

# The method of single-member races: the most votes wins the seat.
SINGLE_MEMBER = "single-member"
# The reasons for no winner that more votes could change (a what-if recounts them).
VOTES_DECIDE = frozenset({"tie", "seat_tie", "short", "others_ahead", "runoff"})
# How many offices a refusal lists before it counts the rest.
SHOWN = 8


def office_of(election: Election) -> str | None:
    """The office of a race of a file of many, as first written (its `office` race key); None
    where the file names none."""
    if election.race is None:
        return None
    value = election.race.roles.get("office", "").strip()
    return value or None


def chamber_office(group: list[Election]) -> str | None:
    """The office a parliament's races share, for its title: the one election's, the part the
    races' offices share where each names its seat ("State Representative" of "… 1st District"
    and "… 2nd District"), or None where no name is common to them all (trial 4: the first
    race's office titled the whole chamber)."""
    from pollcli.race_identity import offices

    if len(group) == 1:
        return group[0].facts.office
    found = offices(group)
    if len(found) == 1 and len(found[0].elections) == len(group):
        name = found[0].name
        written = {office_of(e) or "" for e in group}
        return name if all(w.startswith(name) for w in written) else None
    stated = {e.facts.office for e in group}
    return stated.pop() if len(stated) == 1 else None


def check_one_office(group: list[Election], source: str) -> None:
    """A parliament is one chamber: races of different offices (a president, a governor, the
    U.S. House, a state house) are not seats of one body to add up, so they are refused with
    the offices, their races and how to keep one."""
    from pollcli.race_identity import offices

    found = offices(group)
    if len(found) < 2:
        return
    listed = [(office.name, len(office.elections)) for office in found]
    shown = ", ".join(
        f"{name} ({count:,} race{'s' if count != 1 else ''})" for name, count in listed[:SHOWN]
    )
    if len(listed) > SHOWN:
        shown += f", … ({len(listed) - SHOWN} more)"
    largest = max(found, key=lambda office: len(office.elections))
    written = {office_of(e) for e in largest.elections}
    where = (
        f", --where {shlex.quote(f'{_office_header(largest.elections[0])}={largest.name}')} the "
        "rows of that office"
        if written == {largest.name}
        else ""
    )
    raise UsageError(
        f"{source} holds races of {len(listed)} offices: {shown}. seats allocates one chamber's "
        "seats and does not add different offices up (an office of one race, such as a "
        "president or a governor, is no chamber: 'pollcli summary' names its winner). Keep one "
        f"office: --race {shlex.quote(largest.name)} keeps the races named like it{where}"
    )


def check_not_one_race(election: Election, options: SeatOptions) -> None:
    """One race of a file of many races (kept by --race or --where) is no parliament: its
    winner is `summary`'s to name. A party-list district, or --seats, says otherwise."""
    if election.race is None or options.seats is not None or election.facts.system == "list":
        return
    office = office_of(election)
    name = election.facts.election
    of = f", of the office {office}" if office and office != name else ""
    hidden = election.race.split.whole_name
    raise UsageError(
        f"{election.source_file} gives one race to allocate ({name}{of}), and one race is no "
        "chamber: seats adds up the seats of a parliament's races, and 'pollcli summary' names "
        "this race's winner. Keep every race of one office (--race OFFICE, or --where COL=VALUE) "
        "to see a chamber's seats" + (f". {hidden[:-1]}" if hidden else "")
    )


def _office_header(election: Election) -> str:
    """The column that names the office, as the file writes it ("office" when not found)."""
    race = election.race
    if race is None:
        return "office"
    office = race.roles.get("office")
    return next((h for h, v in race.keys.items() if v == office), "office")


def parliaments(items: list[Election]) -> list[list[Election]]:
    """One group per parliament: a file's elections together when they share date and stage."""
    by_file: dict[str, list[Election]] = {}
    for election in items:
        by_file.setdefault(election.source_file, []).append(election)
    groups: list[list[Election]] = []
    for members in by_file.values():
        dates = {e.facts.date for e in members if e.facts.date is not None}
        stages = {e.facts.stage for e in members}
        if len(members) > 1 and (len(dates) > 1 or len(stages) > 1):
            groups.extend([e] for e in members)
        else:
            groups.append(members)
    return groups


@dataclass
class Contest:
    """A district (or the whole country, or a race): its valid options and seats."""

    name: str
    names: list[str]
    kinds: list[Kind]
    votes: list[int]
    colours: list[str | None]
    seats: int
    single_member: bool
    majority: bool  # a race under system: majority goes to a runoff without a majority
    ballots_cast: int | None
    priority: list[int]
    # A race's verdict (`pollcli.verdict`, as `summary` names it): the positions elected, or why
    # none is; for a tie, the positions tied (the tie rule picks among them) and `elected` those
    # ahead of them. Read for the race's outcome; what-ifs with more votes recount the votes.
    judged: bool = False
    elected: list[int] = field(default_factory=list)
    why: NoWinner | None = None
    tied: list[int] = field(default_factory=list)
    uncounted: bool = False  # won unopposed with no count (`tally.Tally.uncounted`)
    # Won by a plurality only under first past the post that no one stated: `summary` names no
    # winner there (a two-round vote assumed), and a preferential count could elect another.
    assumed: bool = False
    # Candidates on open lists summed into their parties' lists: the list of the most candidates.
    pooled: PartyList | None = None
    list_totals: tuple[str, ...] = ()  # rows named as their party holding its list's sum

    @cached_property
    def keys(self) -> list[str]:
        """Each option's name as districts' sums and exemptions match it (`plain_key`)."""
        return [plain_key(name) for name in self.names]

    @property
    def seats_unknown(self) -> bool:
        """A race that does not say how many it elects, or rows that cannot be told apart from
        another race's (`Election.no_winner`): `seats` is 0, no seat is counted."""
        return self.why in ("seats_unknown", "no_winner")

    @property
    def fixed(self) -> bool:
        """No winner whatever the votes: the race's figures or its seats are not known."""
        return self.why is not None and self.why not in VOTES_DECIDE


def _contest(
    name: str,
    options: list[Option],
    seats: int,
    *,
    single_member: bool,
    majority: bool,
    ballots_cast: int | None,
    options_: SeatOptions,
    source: str,
) -> Contest:
    valid = [o for o in options if o.kind not in NOT_VALID_KINDS]
    missing = [o for o in valid if o.votes is None]
    if missing:
        raise DataError(
            [
                Problem(
                    code=Code.MISSING_VALUE,
                    severity="error",
                    file=source,
                    line=o.line,
                    column="votes",
                    message=f"{o.candidate!r} has no vote count; seats are allocated from votes, "
                    "so every option needs them",
                )
                for o in missing
            ]
        )
    names = [
        (o.party or o.candidate) if single_member and o.kind == "candidate" else o.candidate
        for o in valid
    ]
    lists = None if single_member else lists_of(valid, every=options_.open_lists)
    if lists is not None:  # candidates on open lists: the seats go to their parties' lists
        names = [entry.name for entry in lists]
        valid = [replace(entry.options[0], votes=entry.votes) for entry in lists]
    priority = list(range(len(valid)))
    if options_.tie == "lot":
        order = list(range(len(valid)))
        random.Random(options_.seed).shuffle(order)
        for rank, index in enumerate(order):
            priority[index] = rank
    return Contest(
        name=name,
        names=names,
        kinds=[o.kind for o in valid],
        votes=[o.votes or 0 for o in valid],
        colours=[o.colour for o in valid],
        seats=seats,
        single_member=single_member,
        majority=majority,
        ballots_cast=ballots_cast,
        priority=priority,
        pooled=pooled_list(lists),
        list_totals=tuple(e.total.candidate for e in lists or () if e.total is not None),
    )


def contests_of(group: list[Election], options: SeatOptions) -> tuple[Layout, list[Contest]]:
    """What seats are allocated in: the districts (or races) of a file, the regions named by a seats
    file, or the one election."""
    first = group[0]
    facts = first.facts
    source = first.source_file
    if len(group) > 1:
        if options.seats is not None:
            raise UsageError(
                f"--seats sets one election's seats, but {source} holds {len(group)} districts "
                "(races): give each its seats in a 'seats' column or with --seats-file"
            )
        contests = [_district_contest(election, options, source) for election in group]
        layout: Layout = "single_member" if all(c.single_member for c in contests) else "districts"
        return layout, contests
    if options.district_seats is not None and first.regions:
        contests = []
        for region in first.regions:
            count = options.district(region.name)
            if count is None:
                raise UsageError(
                    f"--seats-file gives no seats for region {region.name!r} of {source}; "
                    "add a row for it"
                )
            contests.append(
                _contest(
                    region.name,
                    region.options,
                    count,
                    single_member=count == 1,
                    majority=False,
                    ballots_cast=region.ballots_cast,
                    options_=options,
                    source=source,
                )
            )
        return "districts", contests
    single = _is_single_race(first, options)
    count = options.seats if options.seats is not None else facts.seats
    if count is None and not single:
        raise UsageError(
            f"{source}: how many seats? Give --seats N, or '# seats: N' in the front matter "
            "(a file of single-member races needs one election per race; a file of one race, "
            "such as a governor's, is no chamber: 'pollcli summary' names its winner)"
        )
    if single:
        return "single_member", [_race_contest(first, options.seats, options, source)]
    contest = _contest(
        "",
        first.options,
        count or 1,
        single_member=False,
        majority=False,
        ballots_cast=facts.ballots_cast,
        options_=options,
        source=source,
    )
    return "national", [contest]


def _district_contest(election: Election, options: SeatOptions, source: str) -> Contest:
    facts = election.facts
    count = options.district(facts.election)
    if count is None:
        count = facts.seats
    if count is None and facts.system == "list":
        raise UsageError(
            f"{source}: district {facts.election!r} has no seats; give them in a 'seats' column "
            "or with --seats-file"
        )
    if (count is None or count == 1) and facts.system != "list":
        return _race_contest(election, count, options, source)
    return _contest(
        facts.election,
        election.options,
        count or 1,
        single_member=count == 1,
        majority=False,
        ballots_cast=facts.ballots_cast,
        options_=options,
        source=source,
    )


def _race_contest(
    election: Election, count: int | None, options: SeatOptions, source: str
) -> Contest:
    """A race: its seats and winners as `summary` names them (`pollcli.verdict`), with `count`,
    when the caller gives it (--seats, --seats-file), as the members it elects.

    Where the file does not state its system, a race is first past the post here (`summary`
    assumes a two-round vote for elections told apart only by an `election` column)."""
    from pollcli.tally import tally
    from pollcli.verdict import verdict

    facts = election.facts
    update: dict[str, object] = {}
    if count is not None and count != election.seats:
        update["vote_for"] = count
    if facts.system is None:
        update["system"] = "plurality"
    if update:
        election = replace(election, facts=facts.model_copy(update=update))
    figures = tally(election)
    found = verdict(figures)
    contest = _contest(
        facts.election,
        election.options,
        0 if found.why in ("seats_unknown", "no_winner") else figures.seats or 0,
        single_member=True,
        majority=figures.system == "majority",
        ballots_cast=facts.ballots_cast,
        options_=options,
        source=source,
    )
    valid = [o for o in election.options if o.kind not in NOT_VALID_KINDS]
    position = {id(o): i for i, o in enumerate(valid)}
    contest.judged = True
    contest.elected = [position[id(r.option)] for r in found.elected]
    contest.why = found.why
    contest.tied = [position[id(r.option)] for r in found.tied]
    contest.uncounted = figures.uncounted and found.why is None
    contest.assumed = (
        facts.system is None and figures.seats == 1 and bool(found.elected) and not figures.reached
    )
    return contest


def _is_single_race(election: Election, options: SeatOptions) -> bool:
    facts = election.facts
    if options.seats is not None:
        return options.seats == 1 and facts.system != "list"
    if facts.seats is not None:
        return facts.seats == 1 and facts.system != "list"
    return facts.system in ("plurality", "majority")


# --- the legal threshold ------------------------------------------------------------------------


@dataclass(frozen=True)
class Gate:
    """The legal threshold: `pct` percent of the `base` (exact, and as given for the output), taken
    in each district or over the country's votes (`scope`), with the lists it does not apply to
    (`exempt`, by `plain_key`). Nationwide, `national` holds each list's votes summed over the
    contests (by `plain_key`) and `national_base` the base summed (`nationwide` fills them)."""

    pct: Fraction
    pct_float: float
    base: str
    scope: str = "district"
    scope_given: bool = False  # by the caller or the file, not taken by default
    exempt: dict[str, str] = field(default_factory=dict)  # key → name as the caller wrote it
    national: dict[str, int] | None = None
    national_base: int | None = None


def gate_of(election: Election, options: SeatOptions) -> Gate | None:
    """The threshold the caller gave, else the election's; none for none or 0 %."""
    facts = election.facts
    pct = options.list_threshold if options.list_threshold is not None else facts.list_threshold
    base = options.threshold_base or facts.threshold_base or "valid"
    scope = options.threshold_scope or facts.threshold_scope
    if pct is None or pct == 0:
        return None
    return Gate(
        pct=Fraction(repr(float(pct))),
        pct_float=float(pct),
        base=base,
        scope=scope or "district",
        scope_given=scope is not None,
        exempt=dict(options.threshold_exempt),
    )


def nationwide(gate: Gate, contests: list[Contest]) -> Gate:
    """`gate` taken over the country: each list's votes and the base, summed over the list
    contests (a list is its name, as the districts' sums match it)."""
    lists = [c for c in contests if not c.single_member]
    summed: dict[str, int] = {}
    for contest in lists:
        for key, kind, votes in zip(contest.keys, contest.kinds, contest.votes, strict=True):
            if kind == "candidate":
                summed[key] = summed.get(key, 0) + votes
    total = sum(base_votes(c, gate, 0) for c in lists)
    return replace(gate, scope="national", national=summed, national_base=total)


def base_votes(contest: Contest, gate: Gate, extra: int) -> int:
    """What the threshold is a percent of, with `extra` votes more (a what-if grows it too)."""
    if gate.base == "cast":
        return (contest.ballots_cast or 0) + extra
    if gate.base == "parties":
        kept = (v for v, k in zip(contest.votes, contest.kinds, strict=True) if k != "against_all")
        return sum(kept) + extra
    return sum(contest.votes) + extra


def standing(contest: Contest, gate: Gate, i: int, votes: list[int], extra: int) -> tuple[int, int]:
    """List i's votes and the base its share is of, with `votes` in place of the contest's and
    `extra` votes more in all: the district's own, or (nationwide) the country's, where the
    district's extra votes count too."""
    if gate.national is None or gate.national_base is None:
        return votes[i], base_votes(contest, gate, extra)
    national = gate.national.get(contest.keys[i], 0)
    return national + votes[i] - contest.votes[i], gate.national_base + extra


def clears(gate: Gate, votes: int, base: int) -> bool:
    """votes / base ≥ pct / 100, in whole numbers: votes · 100 · den ≥ num · base."""
    return votes * 100 * gate.pct.denominator >= gate.pct.numerator * base


def threshold_of(contest: Contest, gate: Gate | None) -> Threshold | None:
    """The threshold as the output shows it: its base in votes, and the votes that reach it."""
    if gate is None:
        return None
    base = gate.national_base if gate.national_base is not None else base_votes(contest, gate, 0)
    return Threshold(
        pct=gate.pct_float,
        base=gate.base,  # type: ignore[arg-type]
        base_votes=base,
        votes=math.ceil(gate.pct * base / 100),
        scope=gate.scope,  # type: ignore[arg-type]
        exempt=list(gate.exempt.values()),
    )


def check_exempt(elections: list[Election], options: SeatOptions) -> None:
    """A list exempt from the threshold must be a list of the inputs: a misspelt name would
    leave the threshold on it, silently."""
    known = {
        plain_key(o.candidate): o.candidate
        for e in elections
        for o in e.options
        if o.kind == "candidate"
    }
    unknown = [name for key, name in options.threshold_exempt.items() if key not in known]
    for key in options.threshold_exempt:
        if key in known:  # as the file writes it
            options.threshold_exempt[key] = known[key]
    if unknown:
        shown = ", ".join(sorted(known.values(), key=str.casefold)[:12])
        raise UsageError(
            f"--threshold-exempt {', '.join(repr(n) for n in unknown)}: no list of the inputs is "
            f"named so; the lists are {shown}" + (" …" if len(known) > 12 else "")
        )


def check_cast_base(contests: list[Contest], gate: Gate | None, source: str) -> None:
    """A threshold of ballots cast needs them in every list contest: a usage error says where."""
    if gate is None or gate.base != "cast":
        return
    lacking = [c.name or source for c in contests if not c.single_member and c.ballots_cast is None]
    if lacking:
        raise UsageError(
            f"threshold base 'cast' needs ballots cast, which {source} does not give"
            + (f" for {', '.join(lacking[:3])}" if lacking != [source] else "")
            + "; add ballots_cast, or use --threshold-base valid"
        )
