"""Per-region figures for `summary --by region`: each region's leader, margin, shares and turnout.

Each region is tallied by the same rules as the whole election (`tally.tally`), with the region's own
registered voters and ballots cast, so a regional leader or margin can never disagree with what the
national summary would say of the same figures.
"""

from __future__ import annotations

from pollcli.election import Election, Region
from pollcli.models import RegionShare, RegionSummary
from pollcli.tally import standing, tally


def summarize_regions(
    election: Election, *, threshold: float, majority: float
) -> list[RegionSummary]:
    """One summary per region, in the order regions first appear in the file."""
    summaries = []
    for region in election.regions:
        local = _regional_election(election, region)
        figures = tally(local, threshold=threshold, majority=majority, region=True)
        summaries.append(
            RegionSummary(
                region=region.name,
                leader=standing(figures.leader),
                runner_up=standing(figures.runner_up),
                tied_for_first=[r.option.candidate for r in figures.tied],
                margin=figures.margin,
                majority_reached=figures.reached,
                results=[
                    RegionShare(
                        candidate=r.option.candidate,
                        party=r.option.party,
                        kind=r.option.kind,
                        votes=r.option.votes,
                        share=r.share,
                    )
                    for r in figures.ranked
                ],
                turnout=figures.turnout,
                # (As the election's own turnout says it: `findings.checks.turnout_sentences`.)
                over_registered=figures.turnout.pct is not None and figures.turnout.pct > 100,
                no_votes=figures.no_votes,
            )
        )
    return summaries


def _regional_election(election: Election, region: Region) -> Election:
    # National invalid/blank counts and published national shares say nothing about one region.
    facts = election.facts.model_copy(
        update={
            "registered": region.registered,
            "ballots_cast": region.ballots_cast,
            "invalid": None,
            "blank": None,
            "total_votes": None,
            "source": None,
            "term_years": None,
            "term_limit": None,
        }
    )
    # (A column's lead is no candidate's in a region either: `Election.split_options`.)
    return Election(
        facts=facts,
        source_file=election.source_file,
        options=region.options,
        split_options=election.split_options,
    )
