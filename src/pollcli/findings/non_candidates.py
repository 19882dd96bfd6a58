"""The findings' sentences on the options that are no candidates: blank and invalid ballots,
"Against all", write-ins and others, and the placeholders where no one stood.

Arizona's `NO OFFICIAL CANDIDATE` with 0 votes was shown as a race's runner-up ("margin 98.89
points") beside its only candidate; it is of kind `other` now (`kind_words.PLACEHOLDERS`), never
a runner-up nor in a margin, and its line is said to be a placeholder rather than an option that
"took 0.00 %". Prose only: the figures are the `tally.Tally`'s."""

from __future__ import annotations

from pollcli.columns import NOT_VALID_KINDS
from pollcli.findings.checks import not_valid_figure
from pollcli.findings.naming import figures
from pollcli.formats import counted
from pollcli.formats import pct as _pct
from pollcli.kinds import placeholder
from pollcli.tally import Tally


def pct(value: float | None) -> str:
    return _pct(value, missing="n/a")


def non_candidates(tally: Tally) -> list[str]:
    """A sentence for each non-candidate option: the blank and invalid ballots' share of those
    cast, the others' share and rank (and whom they outpolled); a placeholder where no one stood
    (`kinds.placeholder`) said to be one, never a runner-up."""
    if len(tally.candidates) == len(tally.ranked):  # (read without a loop over each candidate)
        return []
    sentences = []
    ballots_cast = tally.election.facts.ballots_cast
    leader, runner_up = tally.leader, tally.runner_up
    for item in tally.ranked:
        option = item.option
        if option.kind == "candidate":
            continue
        label = f"“{option.candidate}”"
        if placeholder(option.candidate) and not option.votes:
            sentences.append(
                f"{label} ({counted(option.votes or 0, 'vote')}) is the ballot's line where no "
                "candidate stood: no candidate, so never the runner-up."
            )
            continue
        if option.kind in NOT_VALID_KINDS:
            if option.votes is not None and ballots_cast:
                sentences.append(f"{label}: {not_valid_figure(tally, option.votes, ballots_cast)}.")
            continue
        sentence = (
            f"{label} took {figures(item)}, ranking {item.rank} of {len(tally.ranked)} options"
        )
        strength = tally.strength(item)
        if leader is not None and strength > tally.strength(leader):
            sentence += f" — more than the leader, {leader.option.candidate}"
        elif runner_up is not None and strength > tally.strength(runner_up):
            sentence += (
                f" — ahead of the runner-up, {runner_up.option.candidate} "
                f"({pct(runner_up.share)}), "
                "and so ahead of every candidate but the leader"
            )
        sentences.append(sentence + ".")
    return sentences
