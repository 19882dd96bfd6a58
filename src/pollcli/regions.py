"""Per-region figures for `summary --by region`: each region's leader, margin, shares and turnout.

Each region is summarised by the same rules as the whole election (`summary.summarize_election`), with the
region's own registered voters and ballots cast, so a regional leader or margin can never disagree with what
the national summary would say of the same figures.
"""

from __future__ import annotations

import dataclasses
from collections import Counter

from pollcli.election import Election, Region
from pollcli.models import RegionShare, RegionSummary


def summarize_regions(
    election: Election, *, threshold: float, majority: float
) -> list[RegionSummary]:
    """One summary per region, in the order regions first appear in the file."""
    from pollcli.summary import summarize_election

    summaries = []
    for region in election.regions:
        local = _regional_election(election, region)
        result = summarize_election(local, threshold=threshold, majority=majority)
        summaries.append(
            RegionSummary(
                region=region.name,
                leader=result.leader,
                runner_up=result.runner_up,
                tied_for_first=result.tied_for_first,
                margin=result.margin,
                majority_reached=result.majority.reached,
                results=[
                    RegionShare(
                        candidate=r.candidate,
                        party=r.party,
                        kind=r.kind,
                        votes=r.votes,
                        share=r.share,
                    )
                    for r in result.results
                ],
                turnout=result.turnout,
            )
        )
    return summaries


def _regional_election(election: Election, region: Region) -> Election:
    # National invalid/blank counts and published national shares say nothing about one region.
    facts = dataclasses.replace(
        election.facts,
        registered=region.registered,
        ballots_cast=region.ballots_cast,
        invalid=None,
        blank=None,
        total_votes=None,
        source=None,
        term_years=None,
        term_limit=None,
    )
    return Election(facts=facts, source_file=election.source_file, options=region.options)


def regions_led(regions: list[RegionSummary]) -> str | None:
    """The findings' sentence on regions: who leads in how many (most first), where candidates tie,
    and where no candidate is listed, so that every region is counted; None without regions."""
    if not regions:
        return None
    total = len(regions)
    led = Counter(r.leader.candidate for r in regions if r.leader is not None)
    ties = sum(1 for r in regions if r.leader is None and r.tied_for_first)
    without = total - led.total() - ties
    clauses = [
        f"{name} leads in {count}" if index == 0 else f"{name} in {count}"
        for index, (name, count) in enumerate(led.most_common())
    ]
    if ties:
        clauses.append(f"candidates tie for first in {ties}")
    if without:
        clauses.append(f"no candidate is listed in {without}")
    clauses[0] += f" of {total} {'region' if total == 1 else 'regions'}"
    return "By region: " + "; ".join(clauses) + "."
