"""A file of one race named by its race columns: the title its headings show.

Elections Canada's poll-by-poll file of one riding (`pollresults_resultatsbureau24049.csv`) says
its race in every row (`Electoral District Name`: Pierrefonds--Dollard), but a file of one race
keeps the label of the election column, the front matter or the file's stem: the table's heading
read `pollresults_resultatsbureau24049`. The race's own values (its office, district,
constituency…, not the election column that gives the label) name it as a race of a file of many
is named (`racekeys.race_name`); the headings show that name beside the label. JSON's `election`
stays the label SPEC gives it."""

from __future__ import annotations

from pollcli.read.racekeys import Race, is_pollcli_stage, ordered_roles, race_name


def race_title(race: Race) -> str | None:
    """The race's name from its race columns' values, or None where they name nothing of their
    own (only the election column, or blank cells)."""
    roles = [
        role
        for role, value in race.values.items()
        if role != "election"
        and value.strip()
        and not (role == "stage" and is_pollcli_stage(value))
    ]
    if not roles:
        return None
    name = race_name(race, ordered_roles(roles))
    return None if name == "(unnamed race)" else name
