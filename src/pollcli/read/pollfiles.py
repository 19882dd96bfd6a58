"""A file of opinion polls: shares of a sample of people asked, not a count of votes.

FiveThirtyEight's `president_polls.csv` (`poll_id,pollster_id,pollster,…,sample_size,…,state,…,
race_id,party,answer,candidate_name,pct`) was read as official results: "Maine · official · Joe
Biden wins the seat with a majority" from one poll of 1,164 people, "Seats won REP 7, DEM 1", its
poll columns only "ignored". Polls listed as they are published (a poll a row, a column per party:
`Polling firm,Fieldwork date,Sample size,Con,Lab,…`) were added up as the places of one result.

A header with a column that only a poll has (`WORDS`: the pollster, a poll's id, its sample size,
its fieldwork dates, its margin of error, a pollster's grade) is a table of polls: refused as
results, naming those columns and what to do (one poll's rows, by the finest id the file gives,
read as a poll with `--stage exit_poll`; or a poll set against the count by `compare`). A stage
given (`--stage`), or the file's own stage of a poll (`# stage: exit_poll`, a stage column that
says so), is read as said, unless its rows are of several polls and no `--where` or `--race-by`
says which are one (`_several`); a file whose poll columns are left out with `--ignore-column` is
read as results, at the user's word.
Read from the header before the layout is settled, so long and wide tables alike (the streaming
engine hands such a file to the exact engine: `engines.streamable`).
"""

from __future__ import annotations

import shlex
from collections.abc import Mapping, Sequence
from typing import Any, Final

from pollcli.columns import canonical_column, normalize_header, stage_of
from pollcli.problems import Code, Found
from pollcli.read.dialect import FrontMatter, RawTable
from pollcli.read.options import ReadOptions

# Header words of a poll's own columns, as `columns.normalize_header` writes them. No word of a
# count's: `poll` alone is a polling station's number (Elections Canada's), and dates, states and
# methods are any file's.
WORDS: Final[frozenset[str]] = frozenset(
    {"pollster", "pollster_id", "pollster_name", "pollster_rating_id", "pollster_rating_name",
     "pollster_rating", "polling_firm", "polling_company", "polling_organisation",
     "polling_organization", "polling_agency", "poll_id", "poll_name", "fte_grade",
     "numeric_grade", "sample_size", "samplesize", "sample", "fieldwork", "fieldwork_date",
     "fieldwork_dates", "fieldwork_start", "fieldwork_end", "field_date", "field_dates",
     "dates_administered", "margin_of_error", "respondents",
     # French, German, Spanish, Italian, Portuguese, Dutch and Polish words of the same.
     "institut_de_sondage", "sondeur", "échantillon", "echantillon", "taille_de_l'échantillon",
     "umfrageinstitut", "befragte", "stichprobe", "stichprobengröße", "encuestadora",
     "casa_encuestadora", "muestra", "tamaño_de_la_muestra", "tamaño_muestra", "sondaggista",
     "istituto_di_sondaggi", "campione", "amostra", "instituto_de_pesquisa", "opiniepeiler",
     "steekproef", "ośrodek_badawczy", "wielkość_próby", "próba"}
)  # fmt: skip
# A poll's rows told apart, the finest first: FiveThirtyEight's question (a poll asks of several
# states, and of several fields of candidates), then the poll.
_IDS: Final[tuple[str, ...]] = ("question_id", "poll_id")
# Columns that tell one poll from another (`_several`): its id, its pollster, its fieldwork.
_WHICH: Final[frozenset[str]] = frozenset(
    {*_IDS, "pollster", "pollster_id", "pollster_name", "polling_firm", "polling_company",
     "polling_organisation", "polling_organization", "polling_agency", "poll_name",
     "fieldwork", "fieldwork_date", "fieldwork_dates", "fieldwork_start", "fieldwork_end",
     "field_date", "field_dates", "dates_administered", "institut_de_sondage", "sondeur",
     "umfrageinstitut", "encuestadora", "casa_encuestadora", "sondaggista",
     "istituto_di_sondaggi", "instituto_de_pesquisa", "opiniepeiler", "ośrodek_badawczy"}
)  # fmt: skip
# Columns of a table of a row per option (FiveThirtyEight's `candidate_name`, `party`).
_NAMES: Final[frozenset[str]] = frozenset({"candidate", "party", "given_name", "family_name"})


def poll_columns(header: Sequence[str], ignored: Sequence[str] = ()) -> list[str]:
    """The header's cells that only a table of polls has (`WORDS`), in order, but those that
    `--ignore-column` leaves out."""
    unused = {normalize_header(c) for c in ignored}
    keys = [normalize_header(label) for label in header]
    return [h for h, k in zip(header, keys, strict=True) if k in WORDS and k not in unused]


def _a_poll(
    header: Sequence[str],
    records: Sequence[tuple[int, list[str]]],
    front: Sequence[FrontMatter],
    facts: Mapping[str, Any],
) -> bool:
    """Whether a stage is given (the flag: the user's word), or the file's says it is a poll."""
    if facts.get("stage") is not None:
        return True
    if any(m.key.strip().lower() == "stage" and stage_of(m.value) == "exit_poll" for m in front):
        return True
    at = [i for i, h in enumerate(header) if canonical_column(h) == "stage"]
    return any(
        i < len(cells) and stage_of(cells[i]) == "exit_poll" for _, cells in records for i in at
    )


def check(table: RawTable, options: ReadOptions, found: Found) -> bool:
    """Refuse a table of polls read as results, or the rows of several polls read as one poll
    (see the module); True if refused."""
    header, line, records = table.header, table.header_line, table.records
    said = poll_columns(header, options.ignore_columns)
    if not said:
        return False
    keys = {normalize_header(h): h for h in header}
    ident = next((keys[k] for k in _IDS if k in keys), said[0])
    if _a_poll(header, records, table.front_matter, options.facts):
        return _several(table, said, options, found)
    if any(canonical_column(h) in _NAMES for h in header):  # a row per option: one poll's rows
        one = f"keep its rows with --where {shlex.quote(ident + '=VALUE')} --stage exit_poll"
        compare = (
            "put its rows in a file with a line '# stage: exit_poll' above the header and give it"
        )
    else:  # a poll a row, its figures shares under the options' columns: no counts to add up
        one = (
            "write its shares as a table of a row per option (candidate,share) with a line "
            "'# stage: exit_poll' above the header"
        )
        compare = "give that file"
    found.add(
        Code.INVALID_METADATA,
        line,
        f"a table of opinion polls, not a count of votes: its columns "
        f"{', '.join(map(repr, said))} say so, and a poll's shares are no result: they elect "
        f"no one. To read one poll, {one}; to set a poll against the count, {compare} to "
        "pollcli compare beside the count (docs/compare.md)",
        column=said[0],
    )
    return True


def _several(table: RawTable, said: list[str], options: ReadOptions, found: Found) -> bool:
    """Refuse the rows of several polls read as a poll, where no `--where` or `--race-by` says
    which rows are one: a column that tells polls apart (`_WHICH`: an id, the pollster, the
    fieldwork dates) holds two values or more. Added up, their shares are no poll's (a race of
    FiveThirtyEight's polls refused for its candidates "listed again", whose advice of a unit
    column would have added the polls' percentages up)."""
    if options.where or options.race_by:
        return False
    header = table.header
    which = [i for i, h in enumerate(header) if normalize_header(h) in _WHICH]
    for i in which:
        values = {c[i].strip() for _, c in table.records if i < len(c) and c[i].strip()}
        if len(values) < 2:
            continue
        keys = {normalize_header(h): h for h in header}
        name = next((keys[k] for k in _IDS if k in keys), header[i])
        found.add(
            Code.RACE_SPLIT,
            table.header_line,
            f"the rows are of several polls ({header[i]!r} holds {len(values):,} values), read "
            f"as one poll: added up, their shares are no poll's; read one with --where "
            f"{shlex.quote(name + '=VALUE')}, or each as a race of its own with --race-by "
            f"{shlex.quote(name)}",
            column=header[i],
        )
        return True
    return False
