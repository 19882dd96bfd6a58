"""Fact cells compared by what they say, not as text: `vote_for` `02` on one row and `2` on another
is one race's one fact, not a conflict (`facts.election_facts`).

Two cells that differ as text are validated each by the input contract (`contract.Facts`, with the
file's decimal mark), and are one fact when both are valid and their values are equal. A cell the
contract refuses, or a key that is no fact of it (a race's own cells), is compared as text, as
before. Only cells that differ as text are validated, and each pair once.
"""

from __future__ import annotations

from functools import lru_cache

from pydantic import ValidationError

from pollcli.contract import Facts, cells_context


@lru_cache(maxsize=1 << 12)
def same_fact(key: str, one: str, two: str, decimal: str, decimal_given: bool) -> bool:
    """Whether two cells of fact `key` say the same (see the module's docstring)."""
    if one == two:
        return True
    if key not in Facts.model_fields or key == "election":
        return False
    context = cells_context(decimal, decimal_given)
    try:
        first = Facts.model_validate({"election": "-", key: one}, context=context)
        second = Facts.model_validate({"election": "-", key: two}, context=context)
    except ValidationError:
        return False
    value = getattr(first, key)
    return value is not None and value == getattr(second, key)
