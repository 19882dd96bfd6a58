"""`contract.placed`: an option's validated row put in a region (and unit) without validating it
again is the row Pydantic's own copy gives — equal, same hash, same dump — for any cells."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pollcli.contract import Row, cells_context, placed, with_party

names = st.text(alphabet="abcdeAB é-", min_size=1, max_size=12).filter(lambda s: s.strip())
places = st.none() | st.text(alphabet="PQ 0123é", min_size=1, max_size=8)


@given(
    name=names,
    party=st.none() | names,
    share=st.none() | st.sampled_from(["12.5", "0", "99.99"]),
    region=places,
    unit=places,
)
def test_placed_is_the_models_own_copy(name, party, share, region, unit):
    cells = {"candidate": name}
    if party is not None:
        cells["party"] = party
    if share is not None:
        cells["share"] = share
    row = Row.model_validate(cells, context=cells_context(".", False))
    mine = placed(row, region, unit)
    theirs = row.model_copy(update={"region": region, "unit": unit})
    assert mine == theirs
    assert hash(mine) == hash(theirs)
    assert mine.model_dump() == theirs.model_dump()
    assert (mine.region, mine.unit) == (region, unit)
    assert row.region is None  # the option's row itself is left as it was


@given(
    name=names | st.sampled_from(["Against all", "Ballots Cast", "Registered Voters", "Other"]),
    party=st.none() | st.text(alphabet="PQ -é\u200b", min_size=1, max_size=8),
    share=st.none() | st.sampled_from(["12.5", "0", "99.99"]),
    kinds=st.sampled_from([{}, {"against all": "candidate"}, {"other": "registered"}]),
)
def test_with_party_is_pydantic_validating_the_cells_with_their_party(name, party, share, kinds):
    """`contract.with_party`: the row of an option's other cells given its party is the row
    Pydantic validates from all the cells (the streaming engine's `read.optioncells`)."""
    cells = {"candidate": name}
    if share is not None:
        cells["share"] = share
    context = cells_context(".", False, [], kinds)
    alone = Row.model_validate(cells, context=context)
    mine = with_party(alone, party)
    theirs = Row.model_validate(
        cells if party is None else {**cells, "party": party}, context=context
    )
    assert mine == theirs
    assert hash(mine) == hash(theirs)
    assert mine.model_dump() == theirs.model_dump()
    assert mine.model_fields_set == theirs.model_fields_set
    assert alone.party is None  # the shape's row itself is left as it was
