"""A party's list votes written as a row beside its candidates: no candidate's votes.

Denmark's valg.dk lists each party's candidates' personal votes and, on a row of its own, the
party's list votes (`A. Socialdemokratiet,Listestemmer,1500`): ballots marked for the party and
none of its candidates. A row named as its party may hold them too, less than its candidates' sum
(the sum is the list's total, set aside by `party_totals`). Read as a candidate, `Listestemmer (A.
Socialdemokratiet)` led the race (LEADER), was elected by `--vote-for 2`, and had "the most votes
of a candidate" among open lists, its party's candidates' count one too many.

Such a row is marked (`Option.list_votes`): never a leader, runner-up or member elected (`tally`),
its votes valid and counted in its party's list (`openlists`), tagged LIST VOTES, with a note. A
row of a list-votes word, of a party, in a race of other options (its party's candidates may be
unlisted, none having a personal vote: `Listestemmer (V. …)` led such a race); a row named as its
party beside candidates of that party who hold more (a mayor's 'Green' of 3,000 votes beside the
Green party's 'Tom Green' of 200 is a candidate).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING, Final

from pollcli.formats import counted
from pollcli.read.party_totals import may_name_party

if TYPE_CHECKING:
    from pollcli.election import Election, Option

# A list-votes row's name (case and runs of spaces aside): Danish and Norwegian `Listestemmer`,
# `Partiliste`, German `Listenstimmen`, and the English words.
LIST_WORDS: Final[frozenset[str]] = frozenset(
    {
        "listestemmer",
        "listestemmer i alt",
        "partiliste",
        "partilisten",
        "partilistestemmer",
        "listenstimmen",
        "list votes",
        "list vote",
        "party list",
        "party list votes",
    }
)


# A piece of each list-votes word, its spaces taken out: no name holds one in most files, told
# over all their names at once (`_may_hold`).
_STEMS: Final[tuple[str, ...]] = (
    "listestemmer",
    "partiliste",
    "listenstimmen",
    "listvote",
    "partylist",
)


def mark(elections: list[Election]) -> None:
    """Each election's list-votes rows marked (`Option.list_votes`), in its regions too, with a
    note naming them (see the module's docstring). Told first over every election's names at
    once, then over each election's (a file of 10,000 races of 100 names: no row looked at)."""
    if not _may_hold([o for e in elections for o in e.options]):
        return
    for election in elections:
        if not _may_hold(election.options):
            continue
        rows = [o for o in election.options if _party(o)]
        kinds = {(o.candidate, o.party): _list_row(o) for o in rows}
        people: Counter[str] = Counter()  # (each party's candidates' votes, its list rows aside)
        for o in rows:
            if not kinds[(o.candidate, o.party)]:
                people[_party(o)] += o.votes or 0
        others = len(election.options) > 1
        marked = {
            (o.candidate, o.party)
            for o in rows
            if (kinds[(o.candidate, o.party)] == "word" and others)
            or (kinds[(o.candidate, o.party)] and (o.votes or 0) < people[_party(o)])
        }
        if not marked:
            continue
        election.options = _marked(election.options, marked)
        for region in election.regions:
            region.options = _marked(region.options, marked)
        rows = [o for o in election.options if o.list_votes]
        named = ", ".join(
            f"{o.party} {counted(o.votes, 'vote')}" if o.votes is not None else str(o.party)
            for o in rows[:4]
        ) + (" …" if len(rows) > 4 else "")
        election.notes.append(
            f"{_said(rows)}: each party's list votes ({named}), ballots marked for the party and "
            "none of its candidates, written as a row beside them: no candidate's, never a "
            "leader, runner-up or member elected; counted in the valid votes and in the party's "
            "list, where the seats go."
        )


def _may_hold(options: list[Option]) -> bool:
    """Whether some option may be a list-votes row: a name that holds a list-votes word, or one
    that may be named as a party of them (`party_totals.may_name_party`), each told in C."""
    names = {o.candidate for o in options}
    joined = "".join("\x00".join(names).casefold().split())
    return any(stem in joined for stem in _STEMS) or may_name_party(
        names, {o.party for o in options}
    )


def plain_key(name: str) -> str:
    """A name as `openlists` compares parties (case and runs of spaces aside)."""
    return " ".join(name.casefold().split())


def list_word(name: str) -> bool:
    """Whether a name is a list-votes word (`LIST_WORDS`), case and runs of spaces aside."""
    return plain_key(name) in LIST_WORDS


def _party(option: Option) -> str:
    """The option's party key where it is a candidate of a party, else ''."""
    return plain_key(option.party) if option.kind == "candidate" and option.party else ""


def _list_row(option: Option) -> str:
    """'word' where a candidate's name is a list-votes word, 'party' where it is its party's own
    name (its party's name added by `partylines` aside: `Listestemmer (A. Socialdemokratiet)`),
    else ''. A row named as its party is its list votes only where it holds less than its
    party's other candidates' sum (`mark`): 'Green' of 3,000 votes beside 'Tom Green' of 200 of
    the Green party is no list of theirs."""
    name, party = plain_key(option.candidate), plain_key(option.party or "")
    suffix = f" ({party})"
    if name.endswith(suffix):
        name = name[: -len(suffix)].strip()
    return "word" if name in LIST_WORDS else "party" if name == party else ""


def _marked(options: list[Option], marked: set[tuple[str, str | None]]) -> list[Option]:
    return [replace(o, list_votes=True) if (o.candidate, o.party) in marked else o for o in options]


def _said(rows: list[Option]) -> str:
    names = list(dict.fromkeys(plain_key(o.candidate).split(" (")[0] for o in rows))
    if len(names) == 1 and names[0] in LIST_WORDS:
        return f"The {rows[0].candidate.split(' (')[0]!r} rows"
    return f"{len(rows)} rows named as their party or as list votes"
