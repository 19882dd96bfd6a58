"""Both engines give the same elections and problems on small precinct files drawn at random.

The grammar mixes what the reading stages judge row by row or unit by unit: rows repeated with the
same or other figures, copies of a place with zeros, blank precincts, a Total row, counts per
precinct (total votes, registered) that may disagree, parties blank beside given ones. The oracle is
the other engine (the exact one reads every row in Python; the streaming one sums blocks with
pyarrow, cut here every few rows), as the house rule asks: one answer on every engine.
"""

from __future__ import annotations

from dataclasses import asdict

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import write
from pollcli.read import ReadOptions, engines, load_file, stream

COUNTIES = ["C0", "C1"]
PRECINCTS = ["P0", "P1", ""]
OFFICES = ["Mayor", "Clerk"]
CANDIDATES = [("Ann", "DEM"), ("Bo", "REP"), ("Ann", ""), ("Scattering", ""), ("Total", "")]

ROW = st.tuples(
    st.sampled_from(COUNTIES),
    st.sampled_from(PRECINCTS),
    st.sampled_from(OFFICES),
    st.sampled_from(CANDIDATES),
    st.integers(0, 40),
)


@st.composite
def files(draw: st.DrawFn) -> str:
    with_precinct = draw(st.booleans())
    counts = draw(st.sampled_from(["none", "total", "registered"]))
    rows = draw(st.lists(ROW, min_size=1, max_size=14))
    if draw(st.booleans()) and rows:
        # A block of rows listed again, with zeros or as they are.
        start = draw(st.integers(0, len(rows) - 1))
        block = rows[start : start + draw(st.integers(1, 4))]
        zero = draw(st.booleans())
        copy = [(c, p, o, n, 0 if zero else v) for c, p, o, n, v in block]
        at = draw(st.integers(0, len(rows)))
        rows[at:at] = copy
    header = ["county"] + (["precinct"] if with_precinct else []) + ["office"]
    header += {"none": [], "total": ["total votes"], "registered": ["registered"]}[counts]
    header += ["party", "candidate", "votes"]
    lines = [",".join(header)]
    for county, precinct, office, (name, party), votes in rows:
        cells = [county] + ([precinct] if with_precinct else []) + [office]
        if counts != "none":
            # The precinct's count: one per place, unless the draw says otherwise.
            figure = draw(st.sampled_from([100, 100, 100, 0, 7]))
            cells.append(str(figure))
        cells += [party, name, str(votes)]
        lines.append(",".join(cells))
    return "\n".join(lines) + "\n"


def both(path, monkeypatch) -> dict[str, tuple[list, list]]:
    monkeypatch.setattr(stream, "BLOCK_BYTES", 64)
    results = {}
    for engine in ("exact", "stream"):
        monkeypatch.setenv(engines.ENGINE_ENV, engine)
        elections, problems = load_file(path, ReadOptions())
        results[engine] = ([asdict(e) for e in elections], [asdict(p) for p in problems])
    return results


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=files())
def test_both_engines_read_a_drawn_precinct_file_alike(tmp_path_factory, monkeypatch, text):
    path = write(tmp_path_factory.mktemp("parity"), text)
    results = both(path, monkeypatch)
    assert results["exact"][1] == results["stream"][1]
    assert results["exact"][0] == results["stream"][0]


def test_a_conflicting_count_on_rows_of_the_same_cells_is_said_on_each(tmp_path, monkeypatch):
    """Drawn by the property above: the streaming engine sums rows of the same cells into one
    record, and said a conflicting election count on its first line only."""
    text = (
        "county,office,registered,party,candidate,votes\n"
        "C0,Mayor,0,DEM,Ann,0\nC0,Mayor,100,DEM,Ann,0\nC0,Mayor,100,DEM,Ann,0\n"
    )
    results = both(write(tmp_path, text), monkeypatch)
    for _, problems in results.values():
        lines = [p["line"] for p in problems if p["code"] == "inconsistent-metadata"]
        assert lines == [3, 4]
    assert results["exact"] == results["stream"]
