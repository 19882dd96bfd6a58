"""What a loaded election is: its facts and its ballot options, summed across regions.

`Facts` (a Pydantic model) and the row contract (`Row`, a Pydantic dataclass) are in `pollcli.contract`:
they are what the input is validated against. The options, regions and elections built from them are plain dataclasses.
"""

from __future__ import annotations

from dataclasses import field
from functools import cached_property

from pollcli.audit import Audit, audit
from pollcli.columns import Kind, option_key
from pollcli.contract import Facts, Row
from pollcli.dataclass import dataclass
from pollcli.models import Partial, RaceSplit, RefusedRace
from pollcli.problems import Problem

__all__ = ["Election", "Elections", "Facts", "Option", "Race", "Region", "Repeat", "Row"]


@dataclass(kw_only=True, slots=True)
class Option:
    """A ballot option's national result: votes summed across regions, the published share."""

    candidate: str
    party: str | None = None
    kind: Kind = "candidate"
    votes: int | None = None
    share: float | None = None
    share_decimals: int | None = None
    colour: str | None = None
    line: int
    # Elected by acclamation, no vote held (`read.acclaimed`): its 0 votes are no count, and it
    # has no share.
    acclaimed: bool = False
    # A party's list votes written as a row beside its candidates (`read.listvotes`: Denmark's
    # `Listestemmer`): no candidate's, never a leader nor elected; counted in its party's list.
    list_votes: bool = False


@dataclass(kw_only=True)
class Region:
    name: str
    options: list[Option]
    registered: int | None = None
    ballots_cast: int | None = None


@dataclass(kw_only=True)
class Race:
    """What makes an election one race of a file of many: its name, the file's own values that pick
    it (header as written → value) and how the file was split."""

    name: str
    keys: dict[str, str]
    split: RaceSplit
    # Split by race keys other than `election` (offices, districts, constituencies): first past the
    # post unless the file or a flag says otherwise.
    constituency: bool = True
    # Split by constituency or district only: the races are seats, and the tally counts seats won.
    seats: bool = False
    # A primary (a stage `primary`, the party of a party primary, or a name that says so): its
    # leader wins a nomination, not a seat.
    primary: bool = False
    # Read as a primary on a guess (`read.primaries.one_party_runoffs`: one party's two in a runoff
    # that says neither primary nor general): the overview says so, and how to read it otherwise.
    primary_guessed: bool = False
    # A round of a majority system, whatever the split (Louisiana's open primary: a majority
    # elects, else the top two meet in a runoff): `majority.default_system`.
    majority: bool = False
    # The values of the race's keys by role ("office", "seat", "district", "year"…), as first
    # written: what tells one race from another across elections (`pollcli.race_identity`).
    roles: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Repeat:
    """A region's block of a race listed twice under other names with the same parties and votes
    (`read.partylines.repeated_blocks`): each copy's options, by the name they are counted under,
    with their votes. Counted once, either copy may be the one to leave out (`pollcli.verdict`)."""

    region: str | None
    first: tuple[tuple[str, int], ...]  # as first listed
    again: tuple[tuple[str, int], ...]  # listed again, further down
    first_line: int
    again_line: int


@dataclass(kw_only=True)
class Election:
    """One election as loaded: facts, options in input order, optional regions, and what loading
    noticed (notes for the findings, warnings as problems)."""

    facts: Facts
    source_file: str
    options: list[Option]
    regions: list[Region] = field(default_factory=list)
    # Counted place by place: in several regions, or by unit (precinct) — a table of winners
    # lists a race once (`read.winners_only`).
    placed: bool = False
    notes: list[str] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    # The one value of a place column read as a whole (`read.mergeoptions.one_place`: a county
    # file's county), the places it counts where it has no regions (`pollcli.coverage`).
    place: str | None = None
    # Set when the election is one race of a file of many races.
    race: Race | None = None
    # A file of one race whose race columns hold one value each (`constituency`, `office`): the
    # race so named ("Pierrefonds--Dollard"), for the headings; the label stays the file's.
    title: str | None = None
    # A top-two primary (`read.racekeys.top_two`; one race of a file, or a file of one race): one
    # race of every party, whose top two advance to the general election; no one wins it.
    top_two: bool = False
    # Set when --where kept some of the race's rows and left out others: its figures are those
    # rows', not the race's result.
    partial: Partial | None = None
    # No candidate column: the options are parties (`read.header`), so a majority rule's runoff
    # between two of them is no reading to offer.
    parties_as_options: bool = False
    # The header of the column that names the regions, if any: where the options are parties, the
    # advice to read each region as a race of its own (`--race-by`) names it.
    region_column: str | None = None
    # The members the race elects as its district's name states them, "BE 02 (4)"; and, when
    # nothing states how many, the parties with several candidates ("4 REP, 4 DEM"), which suggest
    # more than one (`read.racechecks`).
    named_seats: int | None = None
    crowded: str | None = None
    # Of those, two parties' several candidates each in a file not said to be of a general
    # election: party primaries (or runoffs) read as one race, likelier than several seats.
    crowded_primaries: bool = False
    # A name listed under several parties that would lead the race were its lines added up (one
    # candidate's fusion lines?), where another leads as listed: no winner is named (`partylines`).
    fused_lead: str | None = None
    # Spellings of a race's candidate that never meet in a region (`name-variant`) whose votes
    # added up would change who is elected: why no winner is named, with the --alias that merges
    # them (`read.spellings`).
    spelt_lead: str | None = None
    # Regions whose block of the race is listed twice (`partylines`): where counting it once
    # could change the verdict, no winner is named (`pollcli.verdict`).
    repeated: list[Repeat] = field(default_factory=list)
    # Why no winner is named, where the race cannot be told apart from others (`racechecks`: rows
    # with a blank district beside districts of the same office).
    no_winner: str | None = None
    # The race seems several read as one (`read.unit_groups`: candidates in groups never listed in
    # one precinct): its leader and runner-up may stand in different races, so no margin is
    # measured (no lead, no CLOSE). (Rows of another race, `read.racechecks`, are one race's.)
    several: bool = False
    # A candidate's votes are split across options the file does not add up (coalitions' columns,
    # `read.coalitions`): the options' order is no candidates' standing, so no leader, runner-up
    # or tie for first is named (a column's is no candidate's), only the options as ranked.
    split_options: bool = False
    # Nothing states how many members the race elects, no candidate has a majority, and other
    # districts of its office state that they elect several: one of them, named ("BE 02 (4)").
    office_seats: str | None = None
    # Nothing states how many members the race elects, and many candidates share its votes nearly
    # evenly, as in a race for several seats ("16 candidates, the leader with 9.02 %";
    # `read.racechecks`).
    flat: str | None = None
    # Nothing states how many members the race elects, and its name says it elects delegates
    # ("5TH REPUBLICAN DELEGATE"), several to a race: that name (`read.delegates`).
    delegates: str | None = None
    # Nothing states how many members the race elects (or it states fewer than N), and its options
    # with the under and over votes add up to N times its ballots cast (N of 2 or more): N votes a
    # ballot, and why (`read.perballot`).
    per_ballot: tuple[int, str] | None = None
    # Every seats cell of the race blank where the file gives the seats each option won in its
    # other races (Belgium's 2000 councils: Jurbise's 2001 re-run): how many it fills is not
    # known (`read.seatswon`), and no winner is named.
    seats_blank: bool = False
    # A file of first preferences whose race's leader has no more than half of the formal votes:
    # the distribution of preferences decides it (`read.preferences`): why no winner is named.
    preferences: str | None = None
    # The same file, whose race's leader has more than half: the sentence that says the vote is
    # preferential and the majority elects, in place of "first past the post" (`read.preferences`).
    preferential: str | None = None
    # The seats each option won, as the file gives them (a column of seats per option: Belgium's
    # `Nombre de sièges`), by (name key, party): `read.seatswon`. No method allocates them.
    seats_won: dict[tuple[str, str | None], int] | None = None
    # Its seats to fill are its seats won added up, none being stated (`seats.filed`).
    seats_summed: bool = False
    # Rows of the file report under 100 % of their count (`read.reporting`): how many, of how
    # many, by which column. Its figures are those counted so far, and no one wins yet.
    counted_so_far: str | None = None

    @property
    def seats(self) -> int | None:
        """How many members the race elects, the top N by votes: a `vote_for` fact (a column such
        as MEDSL's `magnitude`, front matter, --vote-for), the seats of a race said to be
        `plurality`, or the number its district's name states; else 1, or None (unknown) where
        several candidates of one party suggest more than one."""
        facts = self.facts
        plurality_seats = facts.seats if facts.system == "plurality" else None
        stated = facts.vote_for or plurality_seats or self.named_seats
        if stated and not self.per_ballot:  # (N times the ballots cast: not the N stated)
            return stated
        unknown = (
            self.crowded
            or self.office_seats
            or self.flat
            or self.delegates
            or self.per_ballot
            or self.seats_blank
        )
        return None if unknown else 1

    def seats_of(self, option: Option) -> int:
        """The seats the file gives an option (`seats_won`), 0 where it gives none."""
        won, party = self.seats_won or {}, option.party or None
        # Namesakes of two parties are named 'John Smith (Blue)' after reading (`partylines`).
        name = option.candidate.removesuffix(f" ({party})") if party else option.candidate
        key = option_key(name)
        # (the party a file of parties' own names gives its options after reading: none read)
        return won.get((key, party), won.get((key, None), 0))

    def give_seats_won(self, won: dict[tuple[str, str | None], int]) -> list[Option]:
        """The seats the file gives each option (`seats_won`); an option read as blank or invalid
        ballots by its name that the file gives a seat is a list (Belgium's `VB`, Vlaams Belang,
        is Peru's word for blank votes): a candidate again, the audit made anew. Those returned."""
        self.seats_won = won
        turned = [o for o in self.options if o.kind in ("blank", "invalid") and self.seats_of(o)]
        for option in turned:
            option.kind = "candidate"
        if turned:
            self.__dict__.pop("audit", None)
        return turned

    @cached_property
    def audit(self) -> Audit:
        """The arithmetic checks of the options against the facts, computed once."""
        return audit(self.options, self.facts)

    def release(self) -> None:
        """Let the options and regions go (and the audit made of them), once the election is
        summarised and nothing reads them again (`summary.summarize(release=True)`): the
        election is then spent, its facts, race and findings kept, its figures gone."""
        self.options = []
        self.regions = []
        self.__dict__.pop("audit", None)


class Elections(list[Election]):
    """What `load` returns: the elections (races) read, in file order — a list — with the races of
    files of many races that were left out for their errors (`refused`), how each such file was
    split (`splits`), and the warnings of races that gave no election and no error (`unsummarised`:
    a race of `Total` lines alone, set aside), which no election carries."""

    def __init__(
        self,
        elections: list[Election] | None = None,
        *,
        refused: list[RefusedRace] | None = None,
        splits: list[RaceSplit] | None = None,
    ) -> None:
        super().__init__(elections or [])
        self.refused: list[RefusedRace] = refused or []
        self.splits: list[RaceSplit] = splits or []
        self.unsummarised: list[Problem] = []


def one_name(first: Option, second: Option) -> str | None:
    """The name of which both options are lines, where they are: `read.partylines` names each
    line of a candidate listed under several parties 'Name (Party)' ('Name (no party)')."""
    names = [o.candidate.removesuffix(f" ({o.party or 'no party'})") for o in (first, second)]
    if names[0] == names[1] and names[0] != first.candidate and names[1] != second.candidate:
        return names[0]
    return None
