"""The findings of an election's turnout, term of office and arithmetic checks, in words:
sentences of the summary's panel and of its JSON `notes` (`findings.summary.notes`).

Prose only: the figures are the `tally.Tally`'s and the election's audit's.
"""

from __future__ import annotations

from pollcli.audit import in_base, partly_published
from pollcli.columns import NOT_VALID_KINDS
from pollcli.formats import counted, pct
from pollcli.tally import Tally


def term_sentences(tally: Tally) -> list[str]:
    """The term of office: its years, how they changed, its limit and the next election due."""
    term = tally.term
    if term.years:
        sentence = f"Term of office: {term.years} years"
        if term.previous_years and term.previous_years != term.years:
            change = "lengthened" if term.years > term.previous_years else "shortened"
            sentence += f" ({change} from {term.previous_years})"
        if term.limit:
            sentence += f"; {term.limit}"
        due = term.next_election_due
        return [sentence + (f"; next regular election due in {due}." if due else ".")]
    if term.limit:
        return [f"Term limit: {term.limit}."]
    return []


def check_sentences(tally: Tally) -> list[str]:
    """What the audit found: do the published shares add up and fit the votes, and do valid votes
    and spoilt ballots make the ballots cast."""
    election = tally.election
    facts, audit = election.facts, election.audit
    sentences = []
    noun = "valid vote" if facts.share_base == "valid" else "ballot"
    counted_base = counted(audit.base_total or 0, noun) + ("" if noun == "valid vote" else " cast")
    if audit.share_sum is not None and not tally.no_votes:
        sentence = f"Check: published shares add up to {audit.share_sum.total:.2f} %"
        if partly_published(election.options, facts.share_base):
            listed = [o for o in election.options if in_base(o, facts.share_base)]
            given = sum(o.share is not None for o in listed)
            fits = (
                "agree with the votes"
                if audit.fit == facts.share_base
                else "are not of the base the votes give the others"
            )
            sentence = (
                f"Check: published shares, given for {given} of {len(listed)} options, add up to "
                f"{audit.share_sum.total:.2f} % and {fits}; the others' are computed from the "
                f"votes, of {counted_base}, and the options ranked by their votes"
            )
        elif audit.fit is not None:
            base_name = "valid votes" if audit.fit == "valid" else "ballots cast"
            sentence += f" and agree with the votes on the base of {base_name}"
        elif audit.larger_base is not None and audit.base_total:
            # (Malaysia's Perak: 36.9 % of the registered voters, "leading with 36.90 %".)
            sentence += (
                f": each option's votes of about {audit.larger_base:,}, not of the "
                f"{audit.base_total:,} votes listed — shares of a base the file does not give (with "
                "options or blank and invalid ballots it does not list, or the registered "
                "voters), shown as published: no shares of the votes listed"
            )
        sentences.append(sentence + ".")
    elif any(o.votes is not None for o in election.options) and audit.base_total:
        sentences.append(f"Shares are computed from the votes, of {_listed(tally, counted_base)}.")
    valid, ballots_cast = audit.valid, facts.ballots_cast
    if valid is None or ballots_cast is None:
        return sentences
    if any(o.kind in NOT_VALID_KINDS and o.votes is None for o in election.options):
        return sentences
    if (election.seats or 1) > 1 or election.per_ballot is not None:
        return sentences  # (N votes a ballot: valid votes and void ballots count no ballots)
    if tally.partial is not None:
        return sentences  # (--where: part of the race's valid votes, the whole race's ballots)
    if audit.spoilt is None:
        rest = ballots_cast - valid
        if rest >= 0:
            sentences.append(
                f"Ballots cast minus valid votes: {rest:,} (invalid, blank or unreturned ballots, derived)."
            )
        return sentences
    spoilt, what = audit.spoilt
    verdict = "equal" if valid + spoilt == ballots_cast else "do NOT equal"
    sentences.append(
        f"Check: valid votes ({valid:,}) plus {what} ({spoilt:,}) {verdict} "
        f"ballots cast ({ballots_cast:,})."
    )
    return sentences


def _listed(tally: Tally, counted_base: str) -> str:
    """The base of computed shares as what it is: the votes of the options the file lists, which
    are its valid votes only if it lists every option (Nigeria 2023's national file lists 4 of
    18 candidates: its 23,377,466 are no valid votes). Valid votes where the file shows them to
    be: with its invalid (or blank) ballots, they make its ballots cast."""
    election, audit = tally.election, tally.election.audit
    if election.facts.share_base != "valid" or audit.valid is None:
        return counted_base
    spoilt, cast = audit.spoilt, election.facts.ballots_cast
    if spoilt is not None and cast is not None and audit.valid + spoilt[0] == cast:
        return counted_base
    listed = sum(in_base(o, "valid") for o in election.options)
    options = "the option listed" if listed == 1 else f"the {listed:,} options listed"
    return f"the {counted(audit.valid, 'vote')} of {options}"


def turnout_sentences(tally: Tally) -> list[str]:
    """The turnout: its figure and what it is of, or why it is not computed."""
    turnout, facts = tally.turnout, tally.election.facts
    # Over 100 %: more ballots than voters, which no count gives (Indiana's Brown County, 2016:
    # 157.43 %, each precinct's two figures swapped?); never a plain figure.
    over = (
        " — more ballots than registered voters, which should not be (unless voters register "
        "on the day, or the register leaves some out): check both figures (swapped?) before "
        "reading a turnout from them"
        if turnout.pct is not None and turnout.pct > 100
        else ""
    )
    if turnout.pct is not None and facts.ballots_cast is None:
        parts = "valid votes plus invalid" + (" and blank" if facts.blank is not None else "")
        return [
            f"Turnout: {pct(turnout.pct)} ({counted(turnout.ballots_cast or 0, 'ballot')} counted: "
            f"{parts} ballots, as the file gives no ballots cast; of "
            f"{counted(turnout.registered or 0, 'registered voter')}){over}."
        ]
    if turnout.pct is not None:
        return [
            f"Turnout: {pct(turnout.pct)} ({counted(turnout.ballots_cast or 0, 'ballot')} cast of "
            f"{counted(turnout.registered or 0, 'registered voter')}){over}."
        ]
    if turnout.ballots_cast == 0 and turnout.registered:  # (`race_figures.turnout`)
        return ["Turnout: not computed (ballots cast are 0 beside the options' votes: no count)."]
    if facts.stage == "official":
        missing = [
            k.replace("_", " ") for k in ("registered", "ballots_cast") if getattr(facts, k) is None
        ]
        said = f"{' and '.join(missing)} not given" if missing else "registered voters are 0"
        said += " for the rows --where keeps" if missing and tally.partial is not None else ""
        return [f"Turnout: not computed ({said})."]
    return []


def not_valid_figure(tally: Tally, votes: int, ballots_cast: int) -> str:
    """A blank or invalid line beside the ballots cast. In a race of N votes a ballot (vote for N,
    or `read.perballot`'s N) under and over votes are votes (DC's at-large committee, vote for 7:
    258,530 under votes of 81,424 ballots): a share of N votes a ballot. N unknown: no share."""
    if (n := tally.seats or (tally.election.per_ballot or (1, ""))[0]) > 1:
        share = pct(votes / (n * ballots_cast) * 100)
        return f"{counted(votes, 'vote')}, {share} of the {n} votes each ballot had ({n * ballots_cast:,}; not in the share base)"
    if votes > ballots_cast:
        return (
            f"{counted(votes, 'vote')}, more than the {ballots_cast:,} ballots cast: votes, not "
            "ballots, as in a race of several votes a ballot (not in the share base)"
        )
    return f"{counted(votes, 'ballot')}, {pct(votes / ballots_cast * 100)} of ballots cast (not in the share base)"
