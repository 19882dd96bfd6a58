"""A district's race whose candidates each stand in one region only, in two regions at least: rows
of another district, most likely (`district-regions`; called by `read.racechecks`)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import replace

from pollcli.election import Election
from pollcli.problems import Code, Problem
from pollcli.read.assemble import option_key


def district_regions(
    elections: list[Election],
    problems: list[Problem],
    values: Mapping[str, Mapping[str, str]],
    many: bool,
) -> None:
    """A district's race whose candidates each stand in one region only, in two regions at least:
    a race that spans counties holds its candidates in each, so the candidates outside the region
    where most stand are rows of another district, most likely (Michigan's 2020 file: Melissa
    Noelle Lambert's row of State House 101 under Isabella, the race's others under Manistee). A
    `district-regions` warning names them; they are counted in the race, as the file has them
    (`read.geography` makes no race of them, as it would a sheriff's per county)."""
    for election in elections:
        own = values.get(election.facts.election, {})
        if len(election.regions) < 2 or not any(own.get(r) for r in ("district", "constituency")):
            continue
        where: dict[str, set[str]] = {}
        for region in election.regions:
            for option in region.options:
                if option.kind == "candidate":
                    where.setdefault(option_key(option.candidate), set()).add(region.name)
        if any(len(places) > 1 for places in where.values()):
            continue
        standing = Counter(next(iter(places)) for places in where.values())
        if len(standing) < 2 or max(standing.values()) < 2:
            continue
        main = max(standing, key=lambda name: standing[name])  # of equal ones, the first
        stray = sorted(
            ((option, region.name) for region in election.regions if region.name != main
             for option in region.options if option.kind == "candidate"),
            key=lambda pair: pair[0].line,
        )  # fmt: skip
        parts = [f"{o.candidate!r} (line {o.line}, {name!r})" for o, name in stray]
        listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
        race = election.facts.election
        warning = Problem(
            code=Code.DISTRICT_REGIONS,
            severity="warning",
            file=election.source_file,
            line=stray[0][0].line,
            column=None,
            message=f"in {race!r}, {listed} stand"
            f"{'s' if len(stray) == 1 else ''} where none of the race's other candidates do "
            f"(they stand in {main!r} only): candidates of one district who stand in different "
            "regions only — a row of another district? Counted in this race as the file has it; "
            "check the district column",
        )
        tagged = replace(warning, race=race) if many else warning
        problems.append(tagged)
        election.warnings.append(tagged)
