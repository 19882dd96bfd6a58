"""The split note's words on primaries (`read.races`): how the party keys a file's races — party
primaries, a top-two primary, Louisiana's open primary — and how to read them the other way (a
file's name cannot tell a top-two primary from party primaries)."""

from __future__ import annotations

from pollcli.read.racekeys import KeyColumn, PartyRule


def primary_note(rule: PartyRule | None, split_by_party: bool, keys: list[KeyColumn]) -> str:
    """The split note's words on primaries: how the party keys them, and how to read them the
    other way (a file's name cannot tell a top-two primary from party primaries)."""
    if rule is None or rule.every_row:
        return ""
    if rule.open_majority:
        closed = ", and Congress's from 2008 to 2010," if rule.closed_congress else ""
        return (
            " (Louisiana's open primary, as the file's name says: one race of every party per "
            "office, which a majority wins, else the top two meet in a runoff; presidential "
            f"primaries and party committees{closed} stay party primaries; --primary party reads "
            "party primaries)"
        )
    if rule.top_two:
        how = "as the file's name says" if rule.detected else "by --primary top-two"
        other = "; --primary party reads party primaries" if rule.detected else ""
        offices = (
            "the presidential race and party committees are general races, as the file's name "
            "says general"
            if rule.general_offices
            else "presidential primaries and party committees stay party primaries"
        )
        return (
            f" (a top-two primary {how}: one race of every party per office, whose top two "
            f"advance; {offices}{other})"
        )
    if not split_by_party:
        return ""
    if any(k.role == "stage" for k in keys):
        return " (the party in primaries only)"
    return (
        " (party primaries: the file's name says so; a top-two primary, one race of every "
        "party per office, is read with --primary top-two)"
    )
