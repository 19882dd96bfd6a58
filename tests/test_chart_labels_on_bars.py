"""A label printed on a bar keeps the lines that cross the bar off its figures.

Kazakhstan 2022: Tokayev's bar (81.31 %) carries '6,456,392 votes' on it, and the 50 % majority line
ran straight through the '6,' of the vote count, drawn over the white text."""

from chart_svg import NS, Chart
from conftest import DATA, invoke


def test_majority_line_passes_behind_the_votes_on_the_leaders_bar(tmp_path):
    out = tmp_path / "kz.svg"
    result = invoke("summary", str(DATA / "kz_2022.csv"), "--chart", str(out), "-q")
    assert result.code == 0, result.stderr
    svg = Chart(out)
    assert svg.text_of("c1-detail-0") == "6,456,392 votes"  # the count, from data/kz_2022.csv
    line = svg.box("c1-majority-line")
    assert svg.count("c1-detail-0", "path") == 1, "the votes on the bar have no mask"
    label = svg.box("c1-detail-0")  # the label's mask
    # The line crosses the label (it sits at 50 %, the label spans about 46–65 %)…
    assert label.left < line.left < label.right
    # …and the label has a mask of the bar's own colour, drawn after (over) the line.
    assert svg.fill("c1-detail-0") == svg.fill("c1-bar-0")
    order = [g.get("id") for g in svg.root.iter(f"{NS}g")]
    assert order.index("c1-majority-line") < order.index("c1-detail-0")
