"""`contract.placed`: an option's validated row put in a region (and unit) without validating it
again is the row Pydantic's own copy gives — equal, same hash, same dump — for any cells."""

from __future__ import annotations

import dataclasses

from hypothesis import given
from hypothesis import strategies as st

from pollcli.contract import Row, cells_context, placed

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
    assert dataclasses.asdict(mine) == dataclasses.asdict(theirs)
    assert (mine.region, mine.unit) == (region, unit)
    assert row.region is None  # the option's row itself is left as it was
