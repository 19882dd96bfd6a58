"""A race whose leader and runner-up, as listed, are two lines of one name (`read.partylines`: a
candidate listed under two parties, named 'Name (Party)' each): namesakes, or one candidate's
fusion lines (Connecticut's cross-endorsed candidates, `Rep` and `Ind` in every town). The file
does not say which, so no margin is measured between them. Prose only."""

from __future__ import annotations

from pollcli.election import one_name
from pollcli.findings.naming import figures
from pollcli.tally import Tally


def own_lines_sentence(tally: Tally) -> str | None:
    """The runner-up sentence of such a race (`tally` gave it no margin), else None."""
    leader, runner_up = tally.leader, tally.runner_up
    if leader is None or runner_up is None or tally.margin is not None:
        return None
    name = one_name(leader.option, runner_up.option)
    if name is None:
        return None
    return (
        f"Runner-up as listed: {runner_up.option.candidate} with {figures(runner_up)}, another of "
        f"{name}'s lines under several parties: namesakes, or one candidate's fusion lines, which "
        "--fusion adds up; the file does not say, so no margin is measured."
    )
