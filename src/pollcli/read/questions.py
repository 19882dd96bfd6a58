"""Options that answer several yes/no questions, read as one race: no winner, each answer noted.

MEDSL's precinct returns (2018) write a judge's retention as two options of the court's race,
`MICHAEL COREY - YES` and `MICHAEL COREY - NO`; a court district with four judges up holds eight,
read as one race of one seat: Alaska's Superior Court, 3rd district, "MICHAEL L WOLVERTON - YES
leads with 14.32 %", CLOSE, a race won — where the voters retained three judges and not Michael
Corey (79,526 yes, 89,510 no). Colorado's file does the same for its district courts (session 17's
world trial).

A race whose candidates are all named `NAME - ANSWER` (a dash, colon or comma before the answer),
the answers one pair of a measure's (`answer_words.ANSWER_PAIRS`: YES / NO, FOR / AGAINST…) and
blank or invalid votes (Wyoming's `NAME - UNDERVOTES`, `NAME - OVERVOTES`), each name with both
answers, is one question or several: no winner is named (`Election.no_winner`) and a note gives
each name's answers; where there are several, one `race-split` warning says so. (One name alone,
`DENISE NAU - YES` beside `… - NO` and `… - UNDERVOTES`, had "won the seat" with 56.99 %.)
"""

from __future__ import annotations

import re
from typing import Final

from pollcli.answer_words import ANSWER_PAIRS
from pollcli.election import Election
from pollcli.formats import listed
from pollcli.kinds import NOT_VALID_KINDS, kind_from_name
from pollcli.namekeys import name_key
from pollcli.problems import Problem, race_split

# `NAME - YES`: the name, a separator, the answer last.
_ASKED: Final[re.Pattern[str]] = re.compile(
    r"^(?P<name>.*\S)\s*(?:-|–|—|:|,)\s*(?P<answer>[^-–—:,]+)$"
)
_SHOWN: Final[int] = 3


def questions(election: Election) -> dict[str, dict[str, int]] | None:
    """Each name's votes by answer (answers as written, in the order of the pair), where the race's
    candidates answer yes/no questions (see the module); else None."""
    asked: dict[str, dict[str, int]] = {}
    keys: set[str] = set()
    for option in election.options:
        if option.kind != "candidate":
            continue
        found = _ASKED.match(option.candidate.strip())
        if found is None or option.votes is None:
            return None
        name, answer = found["name"].strip(), found["answer"].strip()
        keys.add(name_key(answer))
        votes = asked.setdefault(name, {})
        votes[answer] = votes.get(answer, 0) + option.votes
    if not asked:
        return None
    # Beside the answers, a question's blank and invalid votes (Wyoming's `NAME - UNDERVOTES`).
    spoilt = {k for k in keys if kind_from_name(k) in NOT_VALID_KINDS}
    pair = next((p for p in ANSWER_PAIRS if keys - spoilt == set(p)), None)
    if pair is None or any(not {name_key(a) for a in got} >= set(pair) for got in asked.values()):
        return None
    order = {side: i for i, side in enumerate(pair)}
    return {
        name: dict(sorted(answers.items(), key=lambda item: order.get(name_key(item[0]), 2)))
        for name, answers in asked.items()
    }


def _answered(name: str, answers: dict[str, int]) -> str:
    """`'ANN ROE': YES 990 (56.25 %), NO 770`: the first answer's share of the two answers."""
    (first, votes), (_, against), *_ = answers.items()
    total = votes + against
    share = f" ({100 * votes / total:.2f} %)" if total else ""
    others = "".join(f", {answer} {count:,}" for answer, count in list(answers.items())[1:])
    return f"{name!r}: {first} {votes:,}{share}{others}"


def mark(elections: list[Election], problems: list[Problem]) -> None:
    """Mark the races that answer several questions (`questions`): no winner, each answer noted,
    one `race-split` warning for them all."""
    marked = []
    for election in elections:
        if election.no_winner is not None:
            continue
        asked = questions(election)
        if asked is None:
            continue
        names = list(asked)
        election.notes.extend(f"Question {_answered(n, a)}." for n, a in asked.items())
        if len(names) == 1:
            election.no_winner = (
                f"Its options answer one yes/no question ({names[0]!r}: a judge's retention or a "
                "measure), not a contest of candidates: no winner is named; its answers are in "
                "the notes."
            )
            continue
        shown = listed(names, _SHOWN, repr)
        election.no_winner = (
            f"Its options answer {len(names)} yes/no questions, two to each ({shown}: a "
            "judge's retention, most likely): no winner is named; each question's answers are "
            "in the notes."
        )
        marked.append((election, names))
    if not marked:
        return
    first, names = marked[0]
    race_split(
        [election for election, _ in marked],
        problems,
        f"{len(marked):,} race(s) hold the answers of several yes/no questions (e.g. "
        f"{first.facts.election!r}: {len(names)} yes/no questions, {names[0]!r} first), read as "
        "one race: no winner is named; each question's answers are in the race's notes. Give each "
        "question a race of its own (its name in a race column) to read it as a measure",
    )
