"""Loaded elections → the `Summary` of an election night: ranked results and findings, per election.

Pure: `summarize` takes `Election`s and returns a `Summary`; nothing here reads files or prints. The
figures are `tally`'s, the sentences `findings.summary`'s, the per-region figures `regions`'.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from pollcli.election import Election
from pollcli.findings import summary as findings
from pollcli.findings.ties import rounded
from pollcli.models import (
    ElectionSummary,
    Majority,
    RaceLine,
    RefusedRace,
    RepeatedBlock,
    ResultRow,
    Summary,
)
from pollcli.problems import Code, Problem
from pollcli.tally import DEFAULT_MAJORITY, DEFAULT_THRESHOLD, Ranked, standing, tally
from pollcli.verdict import UNMEASURED, WITHHELD, verdict

__all__ = ["DEFAULT_MAJORITY", "DEFAULT_THRESHOLD", "summarize", "summarize_election"]


def summarize(
    elections: Election | Sequence[Election],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    majority: float = DEFAULT_MAJORITY,
    by_region: bool = False,
    detail: bool = False,
    sort: str = "file",
    one_line_per_race: bool = False,
    release: bool = False,
) -> Summary:
    """Summarise each election: ranked results and findings, as the `summary` command shows them.

    With `by_region`, each election also gets `regions`: every region's leader, margin, shares and
    turnout (an empty list, and a warning, when the file has no region column).

    When a file held several races (`load`'s `Elections`), the summary also has an `overview` (each
    race in one line, `sort`: file order or the closest first), a `tally` of races (seats) won per
    party, how each file was `splits` and the races `refused`. The table shows the overview instead
    of every race when there are more than `overview.OVERVIEW_FROM` of them, unless `detail`.
    `one_line_per_race` (--overview) gives the overview however few the races, also of elections
    read whole, and CSV output a line per race.

    `release` lets each election's options and regions go once it is summarised
    (`Election.release`), for a caller that reads them no more (the CLI): the summary's million
    results of a file of 10,000 races of 100 candidates are then made in the memory its million
    options held, not beside them, and the run's peak is the load's (`bench` party_lists_1M:
    the summary had raised it from 434 to 525 MiB; elections_1M by 20-25 MiB).
    """
    items = [elections] if isinstance(elections, Election) else list(elections)
    last = {id(election): index for index, election in enumerate(items)}  # (one listed twice)
    summaries = []
    for index, election in enumerate(items):
        problems = list(election.warnings)
        if by_region and not election.regions and not _regions_dropped(election):
            problems.append(
                Problem(
                    code=Code.NO_REGION_COLUMN,
                    severity="warning",
                    file=election.source_file,
                    line=None,
                    column=None,
                    message="--by region needs a region column (region, precinct, district or "
                    "county); none was found",
                )
            )
        summary = summarize_election(
            election, threshold=threshold, majority=majority, problems=problems
        )
        if by_region:
            from pollcli.findings.regions import over_registered, regions_led
            from pollcli.regions import summarize_regions

            summary.regions = summarize_regions(election, threshold=threshold, majority=majority)
            sentence = regions_led(summary.regions, election.split_options)
            summary.regions_led = sentence
            if sentence is not None:
                summary.notes.append(sentence)
            if (over := over_registered(summary.regions)) is not None:
                summary.notes.append(over)
        if election.race is not None:
            summary.race_keys = election.race.keys
        summary.title = election.title
        summary.read_notes = list(election.notes)
        summaries.append(summary)
        if release and last[id(election)] == index:
            election.release()
    result = Summary(
        elections=summaries, set_aside=getattr(elections, "unsummarised", None) or None
    )
    refused = list(getattr(elections, "refused", []))
    if one_line_per_race or refused or any(e.race is not None for e in items):
        _add_overview(result, items, refused, detail=detail, sort=sort)
        result.one_line_per_race = one_line_per_race
        result.show_overview |= one_line_per_race
    return result


def _regions_dropped(election: Election) -> bool:
    """Whether the election's regions were read as precincts (`read.manyregions`): its warning
    says so, and what to do, in place of `no-region-column`."""
    return any(p.code == Code.TOO_MANY_REGIONS for p in election.warnings)


def _add_overview(
    result: Summary, items: list[Election], refused: list[RefusedRace], *, detail: bool, sort: str
) -> None:
    from pollcli.findings.overview import offices_sentence, runoffs_sentence, tally_sentence
    from pollcli.overview import OVERVIEW_FROM, overview, race_tally

    splits = list({id(e.race.split): e.race.split for e in items if e.race is not None}.values())
    result.overview = overview(
        result.elections,
        sort=sort,  # type: ignore[arg-type]  # checked by `overview`
        splits=splits,
        refused=refused,
    )
    seats = bool(items) and all(e.race is not None and e.race.seats for e in items)
    result.tally = race_tally(result.overview.races, seats=seats)
    result.overview.notes.append(tally_sentence(result.tally))
    guessed = [e.facts.election for e in items if e.race is not None and e.race.primary_guessed]
    if guessed:
        result.overview.notes.append(runoffs_sentence(guessed))
    if lists := sum(1 for s in result.elections if s.system == "list" and not s.system_given):
        from pollcli.findings.systems import lists_sentence

        result.overview.notes.append(lists_sentence(lists))
    offices = _offices(items, result.overview.races)
    if len(offices) > 1 and not result.tally.no_party_given:  # (no races won per party)
        result.overview.notes.append(offices_sentence(offices))
    result.splits = splits
    result.refused = refused
    result.show_overview = not detail and len(result.elections) > OVERVIEW_FROM


def _offices(items: list[Election], lines: Sequence[RaceLine]) -> list[str]:
    """The offices of the races the tally counts (primaries and measures aside)."""
    from pollcli.race_identity import offices

    counted = {line.race for line in lines if not line.primary and not line.measure}
    return [o.name for o in offices([e for e in items if e.facts.election in counted])]


def summarize_election(
    election: Election,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    majority: float = DEFAULT_MAJORITY,
    problems: list[Problem] | None = None,
) -> ElectionSummary:
    """One election's summary; `problems` are its warnings (the election's own by default)."""
    figures = tally(election, threshold=threshold, majority=majority)
    undecided = verdict(figures).why
    # No one elected in a race of several seats whose verdict names no one (a race split…).
    withheld = figures.seats != 1 and undecided in WITHHELD
    # No winner in what seem several races read as one: no margin between their candidates.
    withheld = withheld or (undecided == "no_winner" and election.several)
    facts = election.facts
    warnings = election.warnings if problems is None else problems
    return ElectionSummary(
        election=facts.election,
        date=facts.date,
        country=facts.country,
        office=facts.office,
        round=facts.round,
        stage=facts.stage,
        source_file=election.source_file,
        threshold=figures.threshold,
        results=_results(figures.ranked, figures.below, figures.uncounted),
        leader=standing(figures.leader),
        runner_up=standing(figures.runner_up),
        tied_for_first=[r.option.candidate for r in figures.tied],
        tie_step=rounded(figures),
        parties_as_options=figures.parties_as_options,
        # (the last seat's with no one elected; none where no winner is named: `UNMEASURED`)
        margin=None if withheld or undecided in UNMEASURED else figures.margin,
        majority=Majority(
            threshold=figures.majority,
            reached=figures.reached,
            # (no runoff between what may be two races' candidates, nor where no leader is
            # measured: the findings name none, Mexico's table of coalitions' columns)
            runoff=None if withheld or undecided in UNMEASURED else figures.runoff,
        ),
        below_threshold=[r.option.candidate for r in figures.below],
        turnout=figures.turnout,
        effective_number=figures.effective_number,
        term=figures.term,
        notes=findings.notes(figures),
        warnings=[_rendered(p) for p in warnings],
        warning_codes=[str(p.code) for p in warnings],
        problems=list(warnings),
        partial=figures.partial,
        fused_lead=figures.election.fused_lead,
        repeated_block=[
            RepeatedBlock(region=r.region, line=r.again_line, repeats_line=r.first_line)
            for r in election.repeated
        ]
        if undecided == "repeated_block"
        else None,
        no_winner=figures.election.no_winner,
        counted_so_far=figures.election.counted_so_far,
        undecided=undecided,
        uncounted=figures.uncounted,
        majority_unjudged=figures.majority_unjudged,
        party_list=figures.party_list,
        open_lists=figures.lists_below is not None,
        source=facts.source,
        system=figures.system,
        system_given=figures.system_given,
        primary=figures.primary,
        seats=figures.seats,
        elected=None
        if figures.elected is None or withheld
        else [r.option.candidate for r in figures.elected],
        advance=None if figures.advance is None else [r.option.candidate for r in figures.advance],
        seats_won=None if figures.seats_won is None else [n for _, n in figures.seats_won],
    )


@lru_cache(maxsize=64)
def _rendered(problem: Problem) -> str:
    """A warning's text, made once for a warning that many races carry (`problems.race_split`):
    a summary of 10,000 races held 10,000 copies of one 900-byte text (bench party_lists_1M)."""
    return problem.render()


def _results(ranked: list[Ranked], below: list[Ranked], uncounted: bool) -> list[ResultRow]:
    """The options' result rows in rank order, each `below_threshold` if it is one of `below`;
    an acclaimed candidate marked so beside counted ones (`uncounted`: the race has none)."""
    flags = _among(ranked, below)
    return [
        # (rank, candidate, party, kind, votes, share, below_threshold, colour, acclaimed, list votes)
        ResultRow(
            r.rank,
            (o := r.option).candidate,
            o.party,
            o.kind,
            o.votes,
            r.share,
            flag,
            o.colour,
            o.acclaimed and not uncounted,
            o.list_votes,
        )
        for r, flag in zip(ranked, flags, strict=True)
    ]


def _among(ranked: list[Ranked], below: list[Ranked]) -> list[bool]:
    """For each of `ranked`, whether it is (the very object) one of `below`. `below` is mostly
    in rank order (`tally.tally`: the candidates below the threshold as ranked), then found in one
    walk by identity, an `is` a row; otherwise by the identities of `below`, a set."""
    flags = [False] * len(ranked)
    if not below:
        return flags
    wanted, found = below[0], 0
    for index, item in enumerate(ranked):
        if item is wanted:
            flags[index] = True
            found += 1
            if found == len(below):
                return flags
            wanted = below[found]
    ids = set(map(id, below))  # (not in rank order: lists under their threshold, a NaN share)
    return [id(item) in ids for item in ranked]
