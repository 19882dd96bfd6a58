"""The findings of a comparison in words: what changed between elections, and how the polls did.

Prose only: the figures come from the `Comparison`'s rows, summaries and poll accuracy, which
`comparison` computes; numbers are written by `pollcli.formats` (and `findings.summary.pct`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from pollcli.compare_models import CompareRow, PollAccuracy
from pollcli.election import Election, Facts
from pollcli.findings.summary import pct
from pollcli.models import ElectionSummary
from pollcli.polls import points_diff
from pollcli.volatility import Mixed, options_are_parties

STAGE_NAMES = {
    "official": "official count",
    "preliminary": "preliminary count",
    "exit_poll": "exit poll",
}


def part_notes(elections: list[Election]) -> list[str]:
    """The elections `--where` kept part of (a county's rows), by the filter that did: their
    figures are those rows', not their races' results (`summary` titles them so); then the
    other caveats of their figures (`caveat_notes`)."""
    by_filter: dict[str, list[str]] = {}
    for election in elections:
        if election.partial is not None:
            by_filter.setdefault(election.partial.filter, []).append(election.facts.election)
    notes = []
    for where, named in by_filter.items():
        one = len(named) == 1
        quoted = [f"“{name}”" for name in named]
        listed = quoted[0] if one else ", ".join(quoted[:-1]) + " and " + quoted[-1]
        if one:
            said = "is part of its race only", "its figures", "the race's result"
        else:
            said = "are part of their races only", "their figures", "the races' results"
        notes.append(
            f"{listed} {said[0]}: the rows with {where}, kept by --where; {said[1]} are those "
            f"rows', not {said[2]}."
        )
    return notes + caveat_notes(elections)


def caveat_notes(elections: list[Election]) -> list[str]:
    """What each election's summary says of its figures that the comparison must not drop: why
    it names no winner (`Election.no_winner`: tonmcg's 2024 county file, whose total holds more
    votes no option has than the lead), and a count under way (`Election.counted_so_far`)."""
    notes = []
    for election in elections:
        label = election.facts.election
        if election.no_winner is not None:
            notes.append(f"“{label}” names no winner (as its summary says): {election.no_winner}")
        if election.counted_so_far is not None:
            notes.append(
                f"“{label}” is a count under way: {election.counted_so_far}: its figures are "
                "those counted so far."
            )
    return notes


def order_notes(facts: list[Facts], yearly: bool) -> list[str]:
    """How undated elections were placed (`yearly`: a file's were ordered by their years)."""
    undated = [f for f in facts if f.date is None]
    if undated and len(undated) == len(facts):
        if yearly:
            return [
                "No election has a date: files are compared in the order given, and a file's "
                "elections ordered by their year (a general election before its runoff)."
            ]
        return ["No election has a date: they are compared in the order given."]
    return [f"“{f.election}” has no date; it is placed after the dated elections." for f in undated]


def stage_notes(
    facts: list[Facts],
    same: list[bool],
    polls: bool,
    same_election: Callable[[Facts, Facts], bool],
) -> list[str]:
    """Polls without their count, one count given twice, and why stages have no change column."""
    notes = [
        f"“{f.election}” ({STAGE_NAMES[f.stage]}) has no official count of its election among the "
        "inputs, so its accuracy is not measured."
        for f in facts
        if f.stage != "official"
        and not any(g.stage == "official" and same_election(g, f) for g in facts)
    ]
    both_official = [facts[p].stage == facts[p + 1].stage == "official" for p in range(len(same))]
    for p, one_election in enumerate(same):
        if one_election and both_official[p]:
            notes.append(
                f"“{facts[p].election}” and “{facts[p + 1].election}” are both the official count of "
                "one election (same date, country, office and round; the same file twice?): no change "
                "is computed between them."
            )
    if any(s and not o for s, o in zip(same, both_official, strict=True)):
        where = (
            "that difference is the poll's error, shown under “Polls against the official count”"
            if polls
            else "with no official count among the inputs, no poll's error can be measured"
        )
        notes.append(
            "Between two stages of one election (a poll and the count), changes and volatility are "
            f"left empty: {where}."
        )
    return notes


def points(value: float) -> str:
    return f"{value:+.2f} points".replace("-", "−")


def _listing(rows: list[CompareRow], position: int) -> str:
    return ", ".join(f"{row.candidate} ({pct(row.shares[position])})" for row in rows)


def pair_notes(
    facts: list[Facts],
    summaries: list[ElectionSummary],
    leaders: list[CompareRow | None],
    rows: list[CompareRow],
    same: list[bool],
    volatility: tuple[list[float | None], list[float | None] | None],
    labels: list[str],
    *,
    by_party: bool = False,
    mixed: Sequence[Sequence[Mixed]] = (),
) -> list[str]:
    """The notes of each pair of consecutive elections; `by_party`: `leaders` are party rows,
    named by their party (with candidates, the summaries' own leaders name them). `volatility`:
    of the rows, and of the candidates' parties (`pollcli.volatility`). `mixed`: per pair, the
    candidates in both elections whose parties' names do not match (`unmatched_parties`)."""
    notes: list[str] = []
    lists = all(options_are_parties(s) for s in summaries)
    basis = " by party" if by_party else "" if lists else " by candidate"
    for p, same_election in enumerate(same):
        if same_election:
            continue
        a, b = p, p + 1
        first, then = labels[a], labels[b]
        led_a, led_b = leaders[a], leaders[b]
        seen = list(mixed[p]) if p < len(mixed) else []
        one_party = next(
            (
                m
                for m in seen
                if by_party
                and led_a is not None
                and led_b is not None
                and (led_a.candidate, led_b.candidate) == m[:2]
            ),
            None,
        )
        if one_party is not None and led_a is not None and led_b is not None:
            notes.append(
                f"{one_party[0]} led in {first} ({pct(led_a.shares[a])}) and {one_party[1]} leads in "
                f"{then} ({pct(led_b.shares[b])}): one candidate, {one_party[2]}, stands for both, "
                "so they may be one party spelt two ways, which pollcli cannot tell from a change "
                "of party."
            )
        elif led_a is not None and led_b is not None and led_a is led_b:
            before, after, moved = led_a.shares[a], led_a.shares[b], led_a.changes[p]
            change = (
                f": {pct(before)} → {pct(after)} ({points(moved)})"
                if before is not None and after is not None and moved is not None
                else ""
            )
            notes.append(f"{led_b.candidate} led in both {first} and {then}{change}.")
        elif led_a is not None and led_b is not None:
            was, now = (None, None) if by_party else (summaries[a].leader, summaries[b].leader)
            notes.append(
                f"The lead changed hands: {was.candidate if was else led_a.candidate} led in {first} "
                f"({pct(led_a.shares[a])}); {now.candidate if now else led_b.candidate} leads in "
                f"{then} ({pct(led_b.shares[b])})."
            )
        else:
            notes += [f"No single leader in {labels[q]}." for q in (a, b) if leaders[q] is None]

        value, of_parties = volatility[0][p], (volatility[1] or [None] * len(same))[p]
        if value is None and by_party and seen:
            notes.append(
                f"No Pedersen volatility from {first} to {then} by party: "
                + _mixed_note(seen, first, then)
            )
        elif value is not None:
            notes.append(
                f"Pedersen volatility from {first} to {then}: {value:.2f} points{basis} (half the "
                "sum of every option's change in share; an option on one ballot only counts as 0 "
                "on the other)."
                + (
                    f" By party, {of_parties:.2f} points: the index measures parties, here the "
                    "candidates' parties as the files name them (--by party shows their rows)."
                    if of_parties is not None and abs(of_parties - value) >= 0.005
                    else ""
                )
            )
        if seen and not by_party:  # (with --by party, said where the volatility is)
            note = _mixed_note(seen, first, then)
            notes.append(note[0].upper() + note[1:])
        gone = [r for r in rows if r.shares[a] is not None and r.shares[b] is None]
        new = [r for r in rows if r.shares[a] is None and r.shares[b] is not None]
        gone_people = [r for r in gone if r.kind == "candidate"]
        new_people = [r for r in new if r.kind == "candidate"]
        if gone_people:
            notes.append(f"In {first} but not in {then}: {_listing(gone_people, a)}.")
        if new_people:
            notes.append(f"New in {then}: {_listing(new_people, b)}.")
        if by_party:
            notes += _written_short(gone_people, new_people, first, then)
        notes += [
            f"“{r.candidate}” was an option in {first} ({pct(r.shares[a])}) but not in {then}."
            for r in gone
            if r.kind != "candidate"
        ]
        notes += [
            f"“{r.candidate}” is new on the ballot in {then}: {pct(r.shares[b])}."
            for r in new
            if r.kind != "candidate"
        ]

        turnout_a, turnout_b = summaries[a].turnout.pct, summaries[b].turnout.pct
        if turnout_a is not None and turnout_b is not None:
            notes.append(
                f"Turnout: {pct(turnout_a)} in {first} → {pct(turnout_b)} in {then} "
                f"({points(points_diff(turnout_b, turnout_a))})."
            )
        elif turnout_a is not None or turnout_b is not None:
            missing = first if turnout_a is None else then
            notes.append(f"Turnout is not known for {missing}, so it is not compared.")
        enc_a, enc_b = summaries[a].effective_number, summaries[b].effective_number
        if enc_a is not None and enc_b is not None:
            what = (
                "parties" if summaries[a].party_list and summaries[b].party_list else "candidates"
            )
            notes.append(
                f"Effective number of {what}: {enc_a:.2f} in {first} → {enc_b:.2f} in {then}."
            )
        notes += _term_note(facts[a], facts[b], first, then)
    return notes


def withheld(mixed: Sequence[Sequence[Mixed]], labels: list[str]) -> list[str | None]:
    """With `--by party`, per consecutive pair, why its volatility is not given: the candidates in
    both elections whose parties' names do not match (`volatility.unmatched_parties`), a party
    spelt two ways that the figure would count as two parties (None where all match)."""
    return [
        _mixed_note(seen, labels[p], labels[p + 1]) if seen else None
        for p, seen in enumerate(mixed)
    ]


def _mixed_note(seen: Sequence[Mixed], first: str, then: str) -> str:
    """Why no volatility by party is given, and the aliases that would say they are one."""
    pairs = "; ".join(f"“{a}” in {first}, “{b}” in {then} ({who})" for a, b, who in seen)
    aliases = " ".join(f'--alias "{a}={b}"' for a, b, _ in seen)
    return (
        f"candidates in both {first} and {then} stand under party names that do not match: "
        f"{pairs}. A party's other spelling or new name cannot be told from a change of party, "
        f"so no volatility by party is given. If they are one party, say so ({aliases}, and the "
        "same for any other party spelt two ways)."
    )


def _written_short(
    gone: Sequence[CompareRow], new: Sequence[CompareRow], first: str, then: str
) -> list[str]:
    """With `--by party`, the parties new in `then` whose name may be a gone one's written short,
    and the other way round (West Virginia's 'LBN' and 'MTN' in 2020, 'Libertarian' and
    'Mountain' in 2016): each short name the letters of one gone name only, in order, from its
    first. Said, with the aliases, never matched: pollcli cannot tell them from a new party."""
    pairs: list[tuple[str, str, str]] = []  # (short, long, which is new)
    for shorts, longs, new_is_short in ((new, gone, True), (gone, new, False)):
        for row in shorts:
            fits = [r.candidate for r in longs if _abbreviates(row.candidate, r.candidate)]
            if len(fits) == 1:
                pairs.append((row.candidate, fits[0], then if new_is_short else first))
    if not pairs:
        return []
    (short, long, year), *more = pairs
    other = first if year == then else then
    said = "".join(f", and “{s}” “{n}”" for s, n, _ in more)
    aliases = " ".join(
        f'--alias "{n}={s}"' if y == then else f'--alias "{s}={n}"' for s, n, y in pairs
    )
    return [
        f"“{short}” (new in {year}) may be “{long}” ({other}) written short{said}: parties are "
        f"not matched by their initials; if they are one party, say so ({aliases})."
        if year == then
        else f"“{short}” ({year}) may be “{long}” (new in {other}) written short{said}: parties "
        f"are not matched by their initials; if they are one party, say so ({aliases})."
    ]


def _abbreviates(short: str, name: str) -> bool:
    """Whether `short` (2 to 5 capitals) is `name` (a word or more, longer) written short: its
    letters in `name`'s, in order, the first its first (`MTN`, `Mountain`; `LBN`, `Libertarian`)."""
    letters = short.strip()
    if not (2 <= len(letters) <= 5 and letters.isalpha() and letters.isupper()):
        return False
    folded = name.casefold()
    if len(folded) < len(letters) + 2 or folded[0] != letters[0].casefold():
        return False
    at = 0
    for letter in letters.casefold():
        at = folded.find(letter, at) + 1
        if not at:
            return False
    return True


def _term_note(a: Facts, b: Facts, first: str, then: str) -> list[str]:
    before = a.term_years if a.term_years is not None else b.previous_term_years
    after = b.term_years
    if before is None or after is None:
        return []
    if before == after:
        return [f"Term of office unchanged at {after} years ({first} → {then})."]
    change = "lengthened" if after > before else "shortened"
    return [f"Term of office {change} from {before} to {after} years ({first} → {then})."]


def poll_notes(polls: list[PollAccuracy]) -> list[str]:
    notes: list[str] = []
    for official in dict.fromkeys(p.official for p in polls):
        ranked = [p for p in polls if p.official == official]
        kinds = {STAGE_NAMES[p.stage] for p in ranked}
        what = kinds.pop() + "s" if len(kinds) == 1 else "polls and counts"
        notes.append(
            f"{len(ranked)} {what} against the official count “{official}”, ranked by mean absolute "
            "error (poll − official, in points, over the options in both):"
            if len(ranked) > 1
            else f"The {what[:-1]} against the official count “{official}”:"
        )
        for poll in ranked:
            notes.append(f"{poll.rank}. {_poll_sentence(poll)}")
    return notes


def _poll_sentence(poll: PollAccuracy) -> str:
    parts = [f"“{poll.election}”"]
    if poll.mean_abs_error is None:
        parts.append("no option is in both the poll and the count")
        return ": ".join(parts) + "."
    detail = f"mean absolute error {poll.mean_abs_error:.2f} points"
    if poll.largest_miss is not None and poll.largest_miss.error is not None:
        detail += f"; largest miss {poll.largest_miss.candidate} {points(poll.largest_miss.error)}"
    if poll.called_leader is True:
        call = f"called the leader ({poll.leader})"
    elif poll.called_leader is False:
        call = f"did not call the leader (it had {poll.leader or 'a tie'} ahead)"
    else:
        call = "the count has no single leader to call"
    if poll.called_runner_up is True:
        call += f" and the runner-up ({poll.runner_up})"
    elif poll.called_runner_up is False:
        call += f"; it had {poll.runner_up or 'nobody'} second, not the count's runner-up"
    sentence = f"{parts[0]}: {detail}; {call}"
    if poll.missing:
        sentence += f"; not in both: {', '.join(poll.missing)}"
    return sentence + "."
