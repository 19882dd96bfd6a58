"""An option whose votes are the others' added up: a line of the ballot account, no party; where
the options are codes alone, pollcli cannot tell which are parties, and names no leader.

Bulgaria's open data give each polling station's votes by party number (`section_id;party;votes`):
the parties 1–30, then codes 99–106, lines of the ballot account (99 "support no one", 100 the
valid votes for parties, 101 the ballots in the urn, 102 the invalid ones, 103 the parties' votes
added up, 104 the registered voters…). Read with `--unit section_id`, `104` "led" with 22.04 %,
`106` second (trial 26). The file names no code; but a code whose votes are those of a run of the
others added up (103: of 1–30, listed first) is no party, and tells that the codes hold such
lines beside the parties'. So, where every option is a code (a whole number) and one holds the
sum of a run of the others (`_sum_lines`: in the codes' order, the first or the last of them, half
of them or more, two at least), no leader, runner-up or threshold is named (`Election.split_options`),
with a note that names it, says what pollcli could not tell and how to tell it (`--where` on
each code it adds up; `--kind` where that sum is the one other code). The
same where the options have names and one holds the sum of all the others in every region (three
or more; `X9 1,330 50.00 % LEADER` over Alpha's 580, Gamma's 440 and Beta's 310), of a hundred
votes or more: a total, or a candidate the others' sum by chance? pollcli cannot tell. With no
regions, the sum over the whole election tells nothing of a named option: a candidate of half
the votes of a small race's is common; nor of a code's, unless it holds 100 votes or more and
sums three codes at least (a small race's party 1 of 12 votes beside 2's 7 and 3's 5), numbered
apart after the codes it sums (Bulgaria's 103 after 1–30; not party 4 after 1–3, nor party 1).
A code told so in some races of a file is such a line in each of its races of codes alone
(`_told_elsewhere`), a small polling station's too.
"""

from __future__ import annotations

import shlex
from collections.abc import Iterator
from dataclasses import field
from typing import TYPE_CHECKING, Final

from pollcli.dataclass import dataclass

if TYPE_CHECKING:
    from pollcli.election import Election, Option

# The fewest regions that tell a named option the sum of all the others in each.
REGIONS_AT_LEAST: Final[int] = 3
# The fewest votes of a named option told the others' sum (Pennsylvania's 2025 county files: a
# write-in race's 3 votes beside three candidates' 1, in each precinct).
VOTES_AT_LEAST: Final[int] = 100
# The most codes the advice names one by one (`--where party=1 --where party=2 …`).
MAX_WHERE: Final[int] = 40


def mark(elections: list[Election], column: str | None) -> None:
    """No leader named, with a note, in an election of the options described in the module's
    docstring; the others as they are. `column`: the header of the options' column. Then, once a
    race of the file has told a code a line of the account, every other race of codes alone that
    lists it (`_told_elsewhere`): Bulgaria's polling stations read as races (`--race-by
    section_id`), 1,909 of them under 100 votes, were each "led" by '104', the registered voters,
    for 103's sum of the parties was told only in a station of 100 votes or more."""
    told: dict[str, _Told] = {}
    for election in elections:
        if election.no_winner is None and (note := _note(election, column, told)) is not None:
            election.no_winner = note
            election.split_options = True  # (no leader, runner-up, tie or threshold is named)
    if told:
        _told_elsewhere(elections, column, told)


@dataclass
class _Told:
    """A code told a line of the account in some races of a file: the first such race, how many,
    and the codes it adds up in any of them (by number)."""

    race: str
    races: int = 0
    parts: dict[int, str] = field(default_factory=dict)


def _told_elsewhere(elections: list[Election], column: str | None, told: dict[str, _Told]) -> None:
    """No leader named in a race of codes alone, three or more, among which is a code that other
    races of the file told a line of the account (its sum held there, of 100 votes or more): in a
    small station it is the same line, though its votes are too few to tell it by themselves."""
    for election in elections:
        if election.no_winner is not None or not election.options:
            continue
        options = [o for o in election.options if o.kind == "candidate" and not o.list_votes]
        if len(options) < 3 or not all(o.candidate.strip().isdigit() for o in options):
            continue
        lines = [o.candidate for o in options if o.candidate in told]
        if not lines:
            continue
        line = max(lines, key=lambda c: told[c].races)  # (the likeliest: told most often)
        seen = told[line]
        codes = sorted((o.candidate for o in options), key=int)
        parts = [seen.parts[n] for n in sorted(seen.parts)]
        others = [c for c in codes if c != line and int(c) not in seen.parts]
        where = seen.race if seen.races == 1 else f"{seen.race!r} and {seen.races - 1:,} more"
        election.no_winner = (
            f"The options are codes alone ({', '.join(repr(c) for c in codes[:3])} … "
            f"{codes[-1]!r}), and {line!r} is a line of the ballot account, no party's: in other "
            f"races of the file ({where}, of {VOTES_AT_LEAST} votes or more) it holds the votes "
            f"of {_span(parts)} added up. pollcli cannot tell which codes are parties and which "
            "are such lines (ballots cast, invalid, registered…), so no leader is named. If the "
            f"codes it adds up are the parties, {_advice(line, parts, others, column)}"
        )
        election.split_options = True


def _span(codes: list[str]) -> str:
    """`'1' … '30' (29 codes)`, or two codes by name."""
    if len(codes) > 2:
        return f"{codes[0]!r} … {codes[-1]!r} ({len(codes)} codes)"
    return " and ".join(repr(c) for c in codes) + f" ({len(codes)} codes)"


def _advice(name: str, parts: list[str], others: list[str], column: str | None) -> str:
    """How to keep the parties (`--where` on each code the line adds up), or what the line is
    (`--kind`, where it is the one other code). Each piece works as given: no kind says what
    Bulgaria's 105 or 106 is, and left as options they are counted."""
    filters = [shlex.quote(f"{column or 'party'}={p}") for p in parts]
    keep = " ".join(f"--where {w}" for w in filters[:MAX_WHERE]) + (
        " … (one --where for each)" if len(filters) > MAX_WHERE else ""
    )
    if others:
        return f"keep them, the other codes ({_listed(others)}) left out: {keep}"
    return (
        f"say what {name!r} is: --kind {shlex.quote(name + '=total_votes')} — or keep them: {keep}"
    )


def _note(
    election: Election, column: str | None, told: dict[str, _Told] | None = None
) -> str | None:
    options = [o for o in election.options if o.kind == "candidate" and not o.list_votes]
    if len(options) < 3 or any(o.votes is None for o in options):
        return None
    codes = all(o.candidate.strip().isdigit() for o in options)
    if not codes and len(election.regions) < REGIONS_AT_LEAST:
        return None  # (told in each region alone: `_in_each_region`)
    if codes:  # (by number: a code first met late, in few places, is listed last)
        options.sort(key=lambda o: int(o.candidate))
    few = len(election.regions) < REGIONS_AT_LEAST
    for at, run in _sum_lines([o.votes or 0 for o in options], whole=not codes):
        total, parts = options[at], [options[n] for n in run]
        if codes and few and not _apart(options, at, run):
            continue  # (a party the sum of others by chance: the account is numbered apart)
        if _in_each_region(election, total, parts, named=not codes):
            break  # (else the next: a party of half the votes is no sum line, 103 may be)
    else:
        return None
    name = total.candidate
    if not codes:
        where = f", in each of its {len(election.regions):,} regions"
        return (
            f"{name!r} holds the votes of all the other options added up{where}: a total, no "
            "option? pollcli cannot tell, so no leader is named; if it is one, say so: --kind "
            f"{shlex.quote(name + '=total_votes')}"
        )
    shown = f"{parts[0].candidate!r} … {parts[-1].candidate!r}" if len(parts) > 2 else ""
    summed = {id(p) for p in parts} | {id(total)}
    others = [o.candidate for o in options if id(o) not in summed]
    how = _advice(name, [p.candidate for p in parts], others, column)
    if told is not None:
        seen = told.setdefault(name, _Told(election.facts.election))
        seen.races += 1
        seen.parts.update((int(p.candidate), p.candidate) for p in parts)
    return (
        f"The options are codes alone ({', '.join(repr(o.candidate) for o in options[:3])} … "
        f"{options[-1].candidate!r}), and {name!r} holds the votes of "
        f"{shown or ' and '.join(repr(p.candidate) for p in parts)} ({len(parts)} codes) added up: "
        "no party's, a line of the ballot account (the valid votes?). pollcli cannot tell which "
        "codes are parties and which are such lines (ballots cast, invalid, registered…), so no "
        f"leader is named. If the codes it adds up are the parties, {how}"
    )


def _listed(codes: list[str]) -> str:
    """Codes as the note names them: `'99', '100' and '106'`; of many, the first and a count."""
    quoted = [repr(c) for c in codes]
    if len(quoted) > MAX_WHERE:
        return f"{', '.join(quoted[:3])} … {quoted[-1]}: {len(quoted)} codes"
    return quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} and {quoted[-1]}"


def _sum_lines(votes: list[int], *, whole: bool) -> Iterator[tuple[int, list[int]]]:
    """Each index of an option whose votes are those of a run of the others added up, with that
    run (its first found): the others listed before it or after it (a first or last run of them:
    all of them where `whole`), half of them or more, two at least with votes."""
    if whole:  # (the sum of all the others: half of all the votes, one pass)
        every = sum(votes)
        at = next((n for n, v in enumerate(votes) if v > 0 and 2 * v == every), None)
        others = [n for n in range(len(votes)) if n != at]
        if at is not None and sum(1 for n in others if votes[n]) >= 2:
            yield at, others
        return
    for at, mine in enumerate(votes):
        if mine <= 0:
            continue
        others = [n for n in range(len(votes)) if n != at]
        least, found = max(2, (len(others) + 1) // 2), False
        for run in (others, others[::-1]):
            summed = 0
            for count, n in enumerate(run, start=1):
                summed += votes[n]
                if summed > mine:
                    break
                if summed == mine and count >= least:
                    # (a run ends at its last option with votes: zeros after it are no part)
                    if sum(1 for m in run[:count] if votes[m]) >= 2:
                        yield at, sorted(run[:count])
                        found = True
                    break
            if found:
                break  # (one run an option: the next option)


def _apart(options: list[Option], at: int, run: list[int]) -> bool:
    """Whether a code (`options` by number) is numbered after the codes it sums, and a gap in the
    numbering follows them (and the codes of no votes after them): Bulgaria's parties 1–24, then
    99–106, 103 their sum. Parties numbered
    1 … N have no such gap (party 6's 150 the sum of 1–3's 40, 60 and 50, 4 and 5 between, is
    a party's, by chance)."""
    last = max(run)
    if at < last:
        return False
    number = [int(o.candidate) for o in options[: at + 1]]
    while last + 1 < at and not options[last + 1].votes and number[last + 1] == number[last] + 1:
        last += 1  # (codes of no votes after the run's: its parties too, none of them voted for)
    return number[last + 1] > number[last] + 1


def _in_each_region(election: Election, total: Option, parts: list[Option], *, named: bool) -> bool:
    """Whether the total holds its parts' sum in each region, where the election has regions;
    with none, a code's over the whole election (`_sum_lines`). A named option's in each of three
    regions or more, of `VOTES_AT_LEAST` votes or more (a small race's write-in of 3 votes beside
    three of 1 is no total). Codes in fewer regions: of `VOTES_AT_LEAST` votes or more, the sum
    of three codes at least (party 1's 12 votes, 2's 7 and 3's 5: a small race's chance);
    numbered apart (`_apart`, told first: party 4's 150 beside 1, 2 and 3's 40, 60 and 50 is
    some 1 % of small races of numbered parties, by chance)."""
    regions = election.regions
    few, small = len(regions) < REGIONS_AT_LEAST, (total.votes or 0) < VOTES_AT_LEAST
    if named and (few or small):
        return False
    if few and (small or sum(1 for p in parts if p.votes) < 3):
        return False  # (a small race's party 1 of 12 votes beside 2's 7 and 3's 5: by chance)
    keys = {p.candidate for p in parts}
    for region in regions:
        mine = sum(o.votes or 0 for o in region.options if o.candidate == total.candidate)
        theirs = sum(o.votes or 0 for o in region.options if o.candidate in keys)
        if mine != theirs:
            return False
    return True
