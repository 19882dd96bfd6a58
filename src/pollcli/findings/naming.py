"""How the findings name an option and its figures: 'Name (Party)', '25.00 % (30 votes)'.

Prose only. A party that holds brackets of its own ('Scottish National Party (SNP)') or a name that
ends in them ('John Smith (Jr)') would nest or run into the party's: such an option is named in
apposition, 'Name, Party (SNP)', whose closing comma is written only where the sentence goes on
after it ('…, Party (SNP), leads with'), never before a comma, a semicolon or a full stop; a list
of names that holds one is separated by semicolons. Scotland's 2017 council findings read
"Elects 3 (the top 3 by votes): …, Gordon Scott Townson, Scottish National Party (SNP),." and
"Hugh MacDonald, Scottish National Party (SNP),, Sheena Wardhaugh…".
"""

from __future__ import annotations

from collections.abc import Sequence

from pollcli.formats import counted, pct, with_party
from pollcli.tally import Ranked


def _party(item: Ranked) -> str | None:
    """The option's party as a name gives it: one in brackets of its own (Washington's
    '(Prefers Democratic Party)') without them."""
    party = item.option.party
    if party and party.startswith("(") and party.endswith(")") and party.count("(") == 1:
        return party[1:-1].strip() or None
    return party


def apposed(item: Ranked) -> bool:
    """Whether an option is named in apposition: its party's brackets, or its name's, would nest
    or run into those of 'Name (Party)'."""
    name, party = item.option.candidate, _party(item)
    if not party or party == name or name.endswith(f"({party})"):
        return False
    return "(" in party or name.rstrip().endswith(")")


def describe(item: Ranked, *, goes_on: bool = True) -> str:
    """'Name (Party)', or 'Name, Party (x)' where brackets would nest, with the apposition's
    closing comma where the sentence `goes_on` after the name with a word ('…, leads with')."""
    name, party = item.option.candidate, _party(item)
    if apposed(item):
        return f"{name}, {party}" + ("," if goes_on else "")
    return with_party(name, party)


def described(items: Sequence[Ranked]) -> str:
    """Options named one after the other: 'A (P), B (Q)', or 'A (P); B, Q (x)' where a name in
    apposition holds commas of its own."""
    sep = "; " if any(map(apposed, items)) else ", "
    return sep.join(describe(item, goes_on=False) for item in items)


def figures(item: Ranked) -> str:
    """'81.31 % (6,456,392 votes)', as much of it as is known."""
    parts = [pct(item.share, missing="n/a")] if item.share is not None else []
    if item.option.votes is not None:
        parts.append(counted(item.option.votes, "vote"))
    return parts[0] + (f" ({parts[1]})" if len(parts) > 1 else "") if parts else "no figures"
