"""The assembly's fast rejections are exact (issue 10 item 3, step 2).

Each stage of a race's assembly that looks for something row by row (a party's total row named as
its party: `party_totals`; a block of options listed again under other names: `partylines`) first asks one set test over the race's distinct cells whether it can
find anything at all, and skips the race when it cannot (10,000 races of 100 candidates: most have
nothing to find). That is sound only where the test never says "nothing" of a race the loop would
have changed or warned about: these hold each so against the full loop, on hostile races (names
equal to their party up to case and white space, blank parties, totals rows, repeats).
"""

from __future__ import annotations

import sys
from unittest import mock

from hypothesis import example, given
from hypothesis import strategies as st

from pollcli import namekeys
from pollcli.contract import Row
from pollcli.namekeys import option_key, option_keys
from pollcli.problems import Found
from pollcli.read import party_totals, partylines
from pollcli.read.records import Record

_PARTIES = ["VVD", "PvdA", "Straße", "Groen Links", "D66", "List 1 VVD", "ÉLAN"]
_NAMES = ["Ann Ash", "Bob Bell", "Total", "List 1", "Strasse", "GroenLinks", "Other"]
_SPACES = [" ", "  ", "\t", "\xa0", "\u3000", "\u2009", "\x1c", "\n"]


@st.composite
def spelt(draw: st.DrawFn, text: str) -> str:
    """`text` in another case, with its spaces (and some around it) of other widths and kinds."""
    text = draw(st.sampled_from([text, text.upper(), text.lower(), text.casefold(), text.title()]))
    words = text.split(" ")
    gaps = draw(
        st.lists(st.sampled_from(_SPACES), min_size=len(words) + 1, max_size=len(words) + 1)
    )
    if draw(st.booleans()):
        words = ["".join(words)]  # (the words run together: no `_key` of the party)
        gaps = gaps[:2]
    return gaps[0] + "".join(w + g for w, g in zip(words, gaps[1:], strict=True))


@st.composite
def cell(draw: st.DrawFn, choices: list[str]) -> str:
    """A name or a party: one of `choices`, or of the other list, spelt another way or not."""
    text = draw(st.sampled_from(choices + _PARTIES[:3] + _NAMES[:2]))
    return draw(spelt(text)) if draw(st.booleans()) else text


@st.composite
def race(draw: st.DrawFn) -> list[Record]:
    """A race's records: names and parties that may be one another's up to case and spaces, blank
    parties, repeated rows, votes that may be another row's or their sum."""
    rows = draw(
        st.lists(
            st.tuples(
                cell(_NAMES),
                st.one_of(st.none(), st.just(""), cell(_PARTIES)),
                st.one_of(st.none(), st.sampled_from([0, 50, 100, 150, 250, 400, 1000])),
            ),
            min_size=1,
            max_size=16,
        )
    )
    records = []
    for line, (name, party, votes) in enumerate(rows, start=2):
        cells = {"candidate": name.strip() or "Blank", "party": party}
        row = Row.model_validate({k: v for k, v in cells.items() if v is not None})
        records.append(Record(line, "Race", row, votes, {}))
    return records


def test_the_spaces_are_those_str_split_splits_on() -> None:
    every = "".join(c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace())
    assert every == party_totals.SPACES
    # (and folding a cell's case makes no white space of what was none)
    assert not any(
        any(x.isspace() for x in c.casefold())
        for c in map(chr, range(sys.maxunicode + 1))
        if not c.isspace()
    )


@given(st.lists(st.tuples(cell(_NAMES), st.one_of(st.none(), st.just(""), cell(_PARTIES)))))
def test_no_name_may_be_a_party_only_where_none_is(pairs: list[tuple[str, str | None]]) -> None:
    names, parties = {n for n, _ in pairs}, {p for _, p in pairs}
    grouped = party_totals.by_party((i, p, n) for i, (n, p) in enumerate(pairs) if p)
    if any(named for named, _ in grouped.values()):
        assert party_totals.may_name_party(names, parties)


_ANY = st.text(st.characters(blacklist_categories=()), max_size=6)  # (NUL, surrogates too)


@given(st.sets(st.one_of(_ANY, cell(_NAMES))), st.sets(st.one_of(st.none(), _ANY, cell(_PARTIES))))
def test_the_set_test_is_the_cells_compared_one_by_one(
    names: set[str], parties: set[str | None]
) -> None:
    """All cells at once (one string of them, ASCII as bytes) as each alone: folded, unspaced."""

    def bare(text: str) -> str:
        return "".join(text.casefold().split())

    expected = not {bare(p) for p in parties if p}.isdisjoint(map(bare, names))
    assert party_totals.may_name_party(names, parties) == expected


@given(race())
def test_set_aside_skips_only_races_the_loop_leaves_alone(records: list[Record]) -> None:
    found, loop_found = Found("race.csv"), Found("race.csv")
    kept = party_totals.set_aside(list(records), found)
    with mock.patch.object(party_totals, "may_name_party", lambda names, parties: True):
        looped = party_totals.set_aside(list(records), loop_found)
    assert kept == looped
    assert found.items == loop_found.items


# Parties spelt several ways (one party to `repeated_blocks`), votes that meet again by chance.
_BLOCK_PARTIES = ["R", "REP", "Republican", "D", "dem", "Democratic", "Green", "", None]
_BLOCK_VOTES = [0, 99, 100, 150, 400, 1000, 1001, None]


_RESPELT = {"R": "REP", "REP": "Republican", "D": "dem", "dem": "D", "Democratic": "D"}


@st.composite
def blocks_race(draw: st.DrawFn) -> list[Record]:
    """A race's records: names mostly distinct (a few listed twice), in no region or a few,
    parties of several spellings, votes of a few values, and often a block of them listed again
    under other names (its parties spelt another way, or not), the votes the same."""
    rows = draw(
        st.lists(
            st.tuples(
                st.sampled_from(["Ann Ash", "Bob Bell", "Write-in", "Total"])
                | st.integers(0, 40).map(lambda k: f"Name {k}"),
                st.sampled_from(_BLOCK_PARTIES),
                st.sampled_from(_BLOCK_VOTES) | st.integers(100, 5000),
            ),
            min_size=1,
            max_size=20,
        )
    )
    again = draw(st.lists(st.integers(0, len(rows) - 1), max_size=len(rows)))
    respell = draw(st.booleans())
    rows += [
        (f"Again {k}", _RESPELT.get(p or "", p) if respell else p, v)
        for k, (_, p, v) in ((k, rows[k]) for k in again)
    ]
    # Some rows in two halves (one option's two rows: its sum is the block's votes, no half is).
    halves = set(draw(st.lists(st.integers(0, len(rows) - 1), max_size=4)))
    rows = [
        half
        for k, (n, p, v) in enumerate(rows)
        for half in (
            [(n, p, v // 2), (n, p, v - v // 2)] if k in halves and v is not None else [(n, p, v)]
        )
    ]
    regions = draw(st.sampled_from([[None], ["North"], ["North", "South"]]))
    records = []
    for line, (name, party, votes) in enumerate(rows, start=2):
        region = draw(st.sampled_from(regions[:1] if name.startswith("Again") else regions))
        cells = {"candidate": name, "party": party, "region": region}
        row = Row.model_validate({k: v for k, v in cells.items() if v is not None})
        records.append(Record(line, "Race", row, votes, {}))
    return records


@given(blocks_race())
def test_repeated_blocks_skips_only_races_the_loop_finds_none_in(records: list[Record]) -> None:
    names = [option_key(r.row.candidate) if r.row.kind == "candidate" else None for r in records]
    found, loop_found = Found("race.csv"), Found("race.csv")
    blocks = partylines.repeated_blocks("Race", records, found, names)
    with mock.patch.object(partylines, "no_pairs", lambda records, names: False):
        looped = partylines.repeated_blocks("Race", records, loop_found, names)
    if partylines.no_pairs(records, names):
        assert looped == {}
        assert loop_found.items == []
    assert blocks == looped
    assert found.items == loop_found.items


# Names of marks, digits either side of them, spaces, NUL and letters of other scripts.
_NAME_TEXT = st.text(st.sampled_from("aZ09 .-'\t\x00é_,"), max_size=8) | st.sampled_from(
    ["E. CULVER KIDD", "E.CULVER KIDD", "O'Brien", "1-2", "12", "-", "*", "", "  "]
)


@given(st.lists(_NAME_TEXT, max_size=40))
@example(["Ann\x00Ash", "Bob"])  # (a NUL of its own: no separator)
def test_a_list_s_keys_at_once_are_each_name_s_alone(names: list[str]) -> None:
    """`option_keys` (ASCII lists by one translation of them all) is `option_key` name by name."""
    alone = [option_key.__wrapped__(name) for name in names]
    at_once = namekeys._ascii_keys(names)
    assert at_once is None or at_once == alone
    option_key.cache_clear()  # (new names: not through the cache)
    assert option_keys(names) == alone
