"""Party lines → candidates: one candidate name under several parties in one race (issue 12 item 7).

The file cannot always tell which of two things it holds:

- **two candidates of one name** ("John Smith" DEM and "John Smith" REP). This is the default: each
  is named with its party ("John Smith (DEM)"), so that nothing downstream that keys options by name
  (ranks, regions, compare, charts, seats) merges them, and a `shared-name` warning names them, their
  parties and votes, and `--fusion`;
- **one candidate on several party lines** (fusion voting, as in New York: "Andrew Cuomo" Democratic
  and Working Families). The lines are added up by the assembly, with a note, when `--fusion` says
  so, or the file does: a `fusion_ticket` cell that is TRUE on one of the lines (MEDSL marks every
  line in some years, only the minor party's in others), or one candidate id on every line
  (FiveThirtyEight: `read.races`).

A row without a party beside rows of one party is that candidate's, as before (Kentucky's 2018 file
leaves some counties' parties blank). Options that are no candidates (Scatter, Blank) are never split
by party (New Hampshire's file writes the town in the party cell of its Scatter rows). Both engines
hand this stage the same records (the streaming engine's are summed per party), so they agree.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

from pollcli.columns import NOT_VALID_KINDS, YES_WORDS, option_key
from pollcli.election import Repeat
from pollcli.formats import counted
from pollcli.namekeys import option_keys, party_key
from pollcli.numbers import NA_WORDS
from pollcli.problems import Code, Found
from pollcli.read.listvotes import list_word
from pollcli.read.naparties import written_in_name
from pollcli.read.records import Record

# A repeated block (`repeated_blocks`) needs this many of a region's options repeated, each with at
# least MIN_REPEATED_VOTES, and at least half of the region's options of that many votes among
# them: in a primary of twenty candidates, two pairs of equal small counts happen by chance
# (Georgia's 2020 Democratic primary: 22 and 30 votes in one county).
MIN_REPEATED_OPTIONS = 2
MIN_REPEATED_VOTES = 100


def fusion_tickets(records: list[Record]) -> None:
    """MEDSL's `fusion_ticket` cells taken out of the facts (they are no election fact): a TRUE
    one marks the row as one of its candidate's party lines."""
    for record in records:
        cell = record.facts.pop("fusion_ticket", None)
        if cell is not None and option_key(cell) in YES_WORDS:
            record.fusion = True


def stage(
    fusion: bool, found: Found, column: str | None
) -> Callable[
    [str, list[Record], list[str], list[str]], tuple[list[Record], str | None, list[Repeat]]
]:
    """`party_lines` for the assembly stage of one file (`Assembly.party_lines`): `fusion` is
    `--fusion`, `column` the party column's header (which the warnings name)."""
    return partial(party_lines, fusion=fusion, found=found, column=column)


def party_lines(
    label: str,
    records: list[Record],
    notes: list[str],
    keys: list[str] | None = None,
    *,
    fusion: bool,
    found: Found,
    column: str | None,
) -> tuple[list[Record], str | None, list[Repeat]]:
    """One election's records, each candidate name under several parties either one candidate's
    party lines (left for the assembly to add up, noted once) or candidates of one name (renamed
    with their party, and a `shared-name` warning); the name that would lead the race were its
    lines added up, where it does not as listed (no winner is named then); and the regions whose
    block is listed twice (`repeated_blocks`), by the names their options are counted under.
    `keys`: each record's `option_key`, where the caller has them (`Assembly`)."""
    # Each candidate's name key, worked out once for both steps (None: no candidate).
    if keys is None:
        keys = option_keys([r.row.candidate for r in records])
    names = [k if r.row.kind == "candidate" else None for k, r in zip(keys, records, strict=True)]
    blocks = repeated_blocks(label, records, found, names)
    groups: dict[str, list[Record]] = {}
    keyed = [key for key in names if key is not None]
    for key, record in zip(names, records, strict=True) if len(set(keyed)) < len(keyed) else ():
        if key is not None:  # (a name listed more than once: grouped, else nothing to do)
            groups.setdefault(key, []).append(record)
    renamed: dict[int, str] = {}
    credited: dict[int, str] = {}  # a fused candidate's rows: the party they are credited with
    # shared-name: said once all are renamed (group, line, message, doubtful lines)
    warnings: list[tuple[list[Record], int, str, bool]] = []
    for group in groups.values():
        if len(group) == 1:
            continue  # a name listed once: one party at most
        named = {r.row.party for r in group} - {None, ""}
        if not named.isdisjoint(NA_WORDS) and written_in_name(group[0].row.candidate):
            _no_party(group)  # `NA` on a write-in line is no party (`read.naparties`)
            named -= NA_WORDS
        if len(named) < 2 and not (named and any(not r.row.party for r in group)):
            continue  # one party at most, never blank beside it: nothing to do
        group.sort(key=lambda r: r.line)  # both engines: parties in the order the file lists them
        parties: dict[str, str] = {}  # by `party_key`: the first spelling
        for record in group:
            if record.row.party:
                parties.setdefault(party_key(record.row.party), record.row.party)
        if len(parties) < 2:
            if parties:
                _one_party_two_ways(group, notes)
                _blank_beside_one(group, next(iter(parties.values())), notes)
            continue
        name = group[0].row.candidate
        shown = {id(r): parties[party_key(r.row.party)] if r.row.party else "" for r in group}
        if list_word(name):  # each party's own list votes (`listvotes`): apart, never fused
            renamed.update(
                (id(r), f"{r.row.candidate} ({shown[id(r)] or 'no party'})") for r in group
            )
            continue
        if fusion or any(r.fusion for r in group):
            main, lines = _main_line(group, parties)
            note = (
                f"{name} ran on {len(parties)} party lines ({lines}); their votes are added up "
                f"and credited to {main}, the line with most votes."
            )
            if note not in notes:
                notes.append(note)
            for record in group:
                credited[id(record)] = main
            continue
        line, message, apart = _shared_name(label, name, group, shown)
        # Lines of which one has no party, or whose parties never meet in one region, are most
        # likely one candidate's (a county that leaves the party blank, or writes it its own way:
        # Michigan's 2020 file): even one of their own lines leading says nothing sure.
        doubtful = apart or any(not r.row.party for r in group)
        warnings.append((group, line, message, doubtful))
        for record in group:
            renamed[id(record)] = f"{record.row.candidate} ({shown[id(record)] or 'no party'})"
    lead: str | None = None
    plain: list[tuple[int, str]] = []  # names whose lines change nothing: one warning (`_fold`)
    for group, line, message, doubtful in warnings:
        would = _would_lead(group, records, renamed, doubtful=doubtful)
        if would:
            lead = group[0].row.candidate
        if would or doubtful or len(warnings) == 1:
            found.warn(Code.SHARED_NAME, line, message + would, column=column)
        else:
            plain.append((line, _lines(group, renamed)))
    if plain:
        found.warn(Code.SHARED_NAME, *_fold(label, plain), column=column)
    repeats = _repeats(blocks, records, renamed) if blocks else []
    if not renamed and not credited:
        return records, lead, repeats
    return (
        [
            dataclasses.replace(r, row=r.row.model_copy(update={"candidate": renamed[id(r)]}))
            if id(r) in renamed
            else dataclasses.replace(r, credit=credited[id(r)])
            if id(r) in credited
            else r
            for r in records
        ],
        lead,
        repeats,
    )


def _repeats(
    blocks: dict[str | None, list[tuple[list[Any], list[Any]]]],
    records: list[Record],
    renamed: dict[int, str],
) -> list[Repeat]:
    """Each repeated block (`repeated_blocks`' pairs of a region) with its options' names as the
    election counts them (a candidate of one name under two parties is renamed with its party)."""
    counted_as: dict[tuple[str | None, str, str], str] = {}
    for record in records:
        if record.row.kind == "candidate":
            counted_as.setdefault(_sum_key(record), renamed.get(id(record), record.row.candidate))
    return [
        Repeat(
            region=region,
            first=tuple((counted_as[first[4]], first[0]) for first, _ in pairs),
            again=tuple((counted_as[again[4]], again[0]) for _, again in pairs),
            first_line=min(first[1] for first, _ in pairs),
            again_line=min(again[1] for _, again in pairs),
        )
        for region, pairs in blocks.items()
    ]


def _sum_key(record: Record) -> tuple[str | None, str, str]:
    """What `repeated_blocks` sums a region's rows by: the name and the party."""
    return (
        record.row.region,
        option_key(record.row.candidate),
        option_key(record.row.party or ""),
    )


def repeated_blocks(
    label: str, records: list[Record], found: Found, names: list[str | None] | None = None
) -> dict[str | None, list[tuple[list[Any], list[Any]]]]:
    """A `repeated-block` warning for each region of the election (or the election, without
    regions) where several options are listed again under other names with the same party (one
    party spelt two ways, `R` and `REP`, is one) and the same votes: a block of rows repeated with the names written another way (Florida's 2020
    county file lists Suwannee twice, as "Trump / Pence" and as "Donald J Trump"), whose votes are
    counted twice. Compared on each region's sums per name and party, which both engines hand
    this stage alike (the streaming engine sums a region's precincts). Returns each such
    region's pairs of entries (first listed, listed again: votes, first line, name, party, key).
    `names`: each record's `option_key` of its candidate, when known (None for no candidate)."""
    sums: dict[tuple[str | None, str, str], list[Any]] = {}  # votes, line, name, party, key
    if names is None:
        names = [
            option_key(r.row.candidate) if r.row.kind == "candidate" else None for r in records
        ]
    if no_pairs(records, names):
        return {}  # (most races: no two options of one party share their votes)
    parties: dict[str | None, str] = {}  # each party's key, once (a race has a few parties)
    for name, record in zip(names, records, strict=True):
        if name is None or record.votes is None:
            continue
        row = record.row
        party = parties.get(row.party)
        if party is None:
            party = parties[row.party] = option_key(row.party or "")
        key = (row.region, name, party)
        entry = sums.get(key)
        if entry is None:
            sums[key] = [record.votes, record.line, record.row.candidate, record.row.party, key]
        else:
            entry[0] += record.votes
            entry[1] = min(entry[1], record.line)
    buckets: dict[tuple[str | None, str, int], list[list[Any]]] = {}
    options: dict[str | None, int] = {}  # per region: options of MIN_REPEATED_VOTES or more
    for (region, _, party), entry in sums.items():
        if entry[0] >= MIN_REPEATED_VOTES:
            # A party spelt two ways is one (Idaho 2016 lists a county again with `R` for `REP`).
            party = party_key(party)
            buckets.setdefault((region, party, entry[0]), []).append(entry)
            options[region] = options.get(region, 0) + 1
    pairs: dict[str | None, list[tuple[list[Any], list[Any]]]] = {}
    for (region, _, _), entries in buckets.items():
        if len(entries) > 1:
            first, again = sorted(entries, key=lambda e: e[1])[:2]
            pairs.setdefault(region, []).append((first, again))
    blocks: dict[str | None, list[tuple[list[Any], list[Any]]]] = {}
    for region, found_pairs in pairs.items():
        if len(found_pairs) < MIN_REPEATED_OPTIONS or 4 * len(found_pairs) < options[region]:
            continue  # fewer than half the region's options are in pairs (2 each)
        blocks[region] = found_pairs
        found_pairs.sort(key=lambda pair: pair[1][1])
        listed = "; ".join(
            f"{again[2]!r} (line {again[1]}) has the votes of {first[2]!r} (line {first[1]}): "
            f"{counted(first[0], 'vote')}" + (f", {first[3]}" if first[3] else "")
            for first, again in found_pairs
        )
        where = f"{region!r} of {label!r}" if region else repr(label)
        found.warn(
            Code.REPEATED_BLOCK,
            found_pairs[0][1][1],
            f"in {where}, {len(found_pairs)} options are listed again under other names with the "
            f"same party and votes ({listed}): the block listed twice? Both are counted, so its "
            "votes are counted twice; remove the repeated rows",
        )
    return blocks


def _party_of_pair(party: str | None) -> str:
    """A party cell as `repeated_blocks` pairs its options: its `option_key`, one of its party's
    ways of spelling it (`R`, `REP`)."""
    return party_key(party or "")


def no_pairs(records: list[Record], names: Sequence[str | None]) -> bool:
    """Whether `repeated_blocks` can find no block in the race, told without its sums: where no
    name is listed twice (each sum is one record's votes), fewer than `MIN_REPEATED_OPTIONS`
    pairs of records of one party (as it pairs them) and the same votes, of `MIN_REPEATED_VOTES`
    at least, in the race as a whole (fewer in each region, then). The votes first, in one
    pass; the parties only of the records whose votes another's are. Exact: each test counts a
    pair wherever the sums would (of any kind, region or party: more, never fewer)."""
    if len(set(names)) != len(names):
        return False
    votes = [r.votes for r in records]
    big = [v for v in votes if v is not None and v >= MIN_REPEATED_VOTES]
    if len(big) - len(set(big)) < MIN_REPEATED_OPTIONS:
        return True
    again = {v for v, n in Counter(big).items() if n > 1}
    cells = [(r.row.party, v) for r, v in zip(records, votes, strict=True) if v in again]
    parties = {party: _party_of_pair(party) for party in {p for p, _ in cells}}
    paired = [(parties[p], v) for p, v in cells]
    return len(paired) - len(set(paired)) < MIN_REPEATED_OPTIONS


def _no_party(group: list[Record]) -> None:
    """A write-in line's `NA` party cells made blank (in place), as `naparties.settle` makes them
    after reading, before the lines are told apart by party."""
    for record in group:
        if record.row.party in NA_WORDS:
            record.row = record.row.model_copy(update={"party": None})


def _one_party_two_ways(group: list[Record], notes: list[str]) -> None:
    """A candidate whose party is one party written several ways (`D` in some towns, `Dem` in
    others: Connecticut's 2000 town file) is one candidate, their votes added up: said in a note,
    with the spellings (`namekeys.party_key`)."""
    spellings = list(dict.fromkeys(" ".join(r.row.party.split()) for r in group if r.row.party))
    if len({option_key(spelling) for spelling in spellings}) < 2:
        return  # one spelling (case and spacing aside): nothing to say
    note = (
        f"{group[0].row.candidate}'s party is written {_and(spellings)}: one party, "
        "counted as one candidate."
    )
    if note not in notes:
        notes.append(note)


def _blank_beside_one(group: list[Record], party: str, notes: list[str]) -> None:
    """A candidate's rows without a party beside rows of one party are that candidate's (a county
    that leaves the party cell blank): counted as theirs, with a note saying so. The note counts
    regions, not rows: the streaming engine hands this stage a region's precincts summed."""
    blank = [r for r in group if not r.row.party]
    if not blank:
        return
    votes = None if any(r.votes is None for r in blank) else sum(r.votes or 0 for r in blank)
    figure = "" if votes is None else f" ({counted(votes, 'vote')})"
    regions = {r.row.region for r in blank if r.row.region}
    where = f"in {counted(len(regions), 'region')}" if regions else "on some rows"
    note = (
        f"{group[0].row.candidate} has no party {where}{figure}, beside rows of {party}: "
        "counted as that candidate's."
    )
    if note not in notes:
        notes.append(note)


def _main_line(group: list[Record], parties: dict[str, str]) -> tuple[str, str]:
    """A fused candidate's main party line (most votes in the election; of equal lines, the first
    listed) and the lines with their votes, most first, for the note. The main line is the party a
    tally by party credits them with: a candidate is counted for one party, never for "A / B", and
    not for the minor line a file happens to list first (MEDSL's Jack Kemp: Conservative, then
    Republican)."""
    votes: dict[str, float] = dict.fromkeys(parties, 0.0)
    for record in group:
        if record.row.party:
            key = party_key(record.row.party)
            figure = record.votes if record.votes is not None else record.row.share
            votes[key] += figure or 0
    order = sorted(votes, key=lambda key: -votes[key])  # stable: equal lines stay in file order
    counts = all(r.votes is not None for r in group)
    lines = ", ".join(
        f"{parties[key]} {votes[key]:,.0f}" if counts else parties[key] for key in order
    )
    return parties[order[0]], lines


def _shared_name(
    label: str, name: str, group: list[Record], shown: dict[int, str]
) -> tuple[int, str, bool]:
    """The `shared-name` warning's line (the second party's first row) and message: each party
    with its votes, the names they are listed under, `--fusion`; and, where the parties never meet
    in one region, that the party may be written two ways (then True)."""
    votes: dict[str, int | None] = {}
    regions: dict[str, set[str | None]] = {}
    first: dict[str, int] = {}
    for record in group:
        party = shown[id(record)]
        known = votes.get(party, 0)
        votes[party] = None if known is None or record.votes is None else known + record.votes
        regions.setdefault(party, set()).add(record.row.region)
        first.setdefault(party, record.line)
    figures = _and(
        [
            (party or "no party") + ("" if count is None else f" ({counted(count, 'vote')})")
            for party, count in votes.items()
        ]
    )
    listed = _and([repr(f"{name} ({party or 'no party'})") for party in votes])
    sets = list(regions.values())
    apart = any(r.row.region for r in group) and not any(
        a & b for i, a in enumerate(sets) for b in sets[i + 1 :]
    )
    if apart:
        message = (
            f"{name!r} of {label!r} stands for {figures}, which never appear in the same region: "
            "one candidate whose party is written two ways? They are listed apart, as "
            f"{listed}; --fusion adds their votes up"
        )
    else:
        message = (
            f"{name!r} of {label!r} stands for {figures}: {len(votes)} candidates of one name, "
            f"listed as {listed}; if one candidate ran on several party lines (fusion voting), "
            "--fusion adds their votes up"
        )
    return sorted(first.values())[1], message, apart


def _lines(group: list[Record], renamed: dict[int, str]) -> str:
    """A name listed under several parties, with each line's votes: `'Ann Hale' (DEM 150 votes,
    WOR 15 votes)`."""
    votes: dict[str, int | None] = {}
    for record in group:
        party = renamed[id(record)][len(record.row.candidate) + 2 : -1]
        known = votes.get(party, 0)
        votes[party] = None if known is None or record.votes is None else known + record.votes
    figures = ", ".join(
        p + ("" if n is None else f" {counted(n, 'vote')}") for p, n in votes.items()
    )
    return f"{group[0].row.candidate!r} ({figures})"


def _fold(label: str, plain: list[tuple[int, str]]) -> tuple[int, str]:
    """One `shared-name` warning for a race's names listed under several parties (New York's
    fusion lines, two a race): each with its lines, the reading and `--fusion` said once."""
    names = _and([named for _, named in plain])
    return min(line for line, _ in plain), (
        f"{len(plain)} names of {label!r} each stand for several parties: {names}. Each line is "
        "listed as a candidate of its own, named with its party, and the shares and margin are "
        "between lines; if each name is one candidate on several party lines (fusion voting), "
        "--fusion adds their votes up"
    )


def _would_lead(
    group: list[Record], records: list[Record], renamed: dict[int, str], *, doubtful: bool
) -> str:
    """Where adding every name's lines up (`--fusion`) would make this name lead the race, which
    one of its lines does not as listed, the warning says so: a file without a `fusion_ticket`
    column (MEDSL's Senate file) lists a fused winner's lines apart, and his main line alone may
    trail (D'Amato, New York 1980 and 1992). Where the lines are `doubtful` (one has no party, or
    their parties never meet in one region), one of them leading as listed is no sure winner
    either: as one candidate they would lead with other figures, perhaps another verdict."""
    if any(r.votes is None for r in records):
        return ""
    listed: dict[str, int] = {}
    fused: dict[str, int] = {}
    shown: dict[str, str] = {}
    for record in records:
        if record.row.kind in NOT_VALID_KINDS:
            continue
        name = renamed.get(id(record), record.row.candidate)
        listed[option_key(name)] = listed.get(option_key(name), 0) + (record.votes or 0)
        shown.setdefault(option_key(name), name)
        key = option_key(record.row.candidate)
        fused[key] = fused.get(key, 0) + (record.votes or 0)
    mine = option_key(group[0].row.candidate)
    leader = max(listed, key=lambda key: listed[key])  # of equal ones, the first
    if max(fused, key=lambda key: fused[key]) != mine:
        return ""
    if leader in {option_key(renamed[id(r)]) for r in group if id(r) in renamed}:
        if not doubtful or listed[leader] == fused[mine]:
            return ""
        return (
            f"; {shown[leader]!r}, one of these lines, leads as listed "
            f"({counted(listed[leader], 'vote')}), and added up they would have "
            f"{counted(fused[mine], 'vote')}: no winner is named unless --fusion says they are "
            "one candidate's lines"
        )
    return (
        f"; added up, {group[0].row.candidate!r} would lead the race with "
        f"{counted(fused[mine], 'vote')}, where {shown[leader]!r} leads as listed "
        f"({counted(listed[leader], 'vote')}): no winner is named unless --fusion says they are "
        "one candidate's lines"
    )


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
