"""`--svg` and `--html`: pictures of the table, byte-stable, never written over an input."""

import os
import re

import pytest

from conftest import DATA, invoke, write
from pollcli import export

GOLDEN = DATA.parent / "tests" / "golden"
UPDATE = os.environ.get("POLLCLI_UPDATE_GOLDEN") == "1"


def normalise(text: str) -> str:
    """Rich names SVG elements after a hash of the content; the hash is stable, but Rich's own."""
    return re.sub(r"terminal-\d+", "terminal-ID", text)


def check_golden(actual: str, name: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_text(actual, encoding="utf-8")
    expected = path.read_text(encoding="utf-8")
    assert normalise(actual) == normalise(expected), (
        f"{name} changed; if the new picture is right, run "
        "'POLLCLI_UPDATE_GOLDEN=1 python -m pytest tests/test_export.py' and review the diff"
    )


def pictures(tmp_path, *args, env=None):
    svg, html = tmp_path / "out.svg", tmp_path / "out.html"
    result = invoke(*args, "--svg", str(svg), "--html", str(html), env=env)
    return result, svg, html


def test_summary_pictures_match_golden_files(tmp_path, kz2022):
    result, svg, html = pictures(tmp_path, "summary", str(kz2022), "--format", "json")
    assert result.code == 0, result.stderr
    check_golden(svg.read_text(encoding="utf-8"), "kz_2022.svg")
    check_golden(html.read_text(encoding="utf-8"), "kz_2022.html")


def test_validate_pictures_match_golden_files(tmp_path):
    svg = tmp_path / "validate.svg"
    data = b"candidate,votes,share,comment\nA,10,60,red\nB,7,140,\nA,-1,,\n"
    result = invoke("validate", "-", "--svg", str(svg), "--format", "json", stdin=data)
    assert result.code == 1
    check_golden(svg.read_text(encoding="utf-8"), "validate.svg")


def test_pictures_are_deterministic_and_ignore_the_terminal(tmp_path, kz2022):
    first, svg1, html1 = pictures(tmp_path, "summary", str(kz2022), "-q")
    (tmp_path / "a").mkdir()
    second, svg2, html2 = pictures(
        tmp_path / "a", "summary", str(kz2022), "-q", env={"COLUMNS": "60", "NO_COLOR": "1"}
    )
    assert first.code == second.code == 0
    assert svg1.read_bytes() == svg2.read_bytes()
    assert html1.read_bytes() == html2.read_bytes()


def test_pictures_keep_colour_and_bars(tmp_path, kz2022):
    """NO_COLOR is about the terminal: a picture asked for by name keeps its colours."""
    result, svg, html = pictures(tmp_path, "summary", str(kz2022), env={"NO_COLOR": "1"})
    assert result.code == 0
    picture, page = svg.read_text(encoding="utf-8"), html.read_text(encoding="utf-8")
    for text in (picture, page):
        assert "█" in text
        assert "LEADER" in text
        assert "RUNNER" in text
    assert len(set(re.findall(r"fill: (#[0-9a-f]{6})", picture))) >= 5
    assert "color: #" in page
    assert page.startswith("<!DOCTYPE html>")
    assert "<title>Kazakhstan presidential election 2022</title>" in page


def test_picture_ids_differ_between_pictures():
    """Two pictures embedded in one page must not share style names."""
    from rich.text import Text

    first = re.findall(r"terminal-\d+", export.to_svg(Text("one")))
    second = re.findall(r"terminal-\d+", export.to_svg(Text("two")))
    assert first and second
    assert set(first).isdisjoint(second)


def test_names_are_escaped_in_pictures(tmp_path):
    source = write(tmp_path, 'candidate,votes\n"[bold]X</text><script>alert(1)</script>",10\nB,5\n')
    result, svg, html = pictures(tmp_path, "summary", str(source))
    assert result.code == 0, result.stderr
    for path in (svg, html):
        text = path.read_text(encoding="utf-8")
        assert "<script>" not in text
        assert "[bold]X" in text


def test_pictures_do_not_replace_standard_output(tmp_path, kz2022):
    result, svg, _ = pictures(tmp_path, "summary", str(kz2022), "--format", "csv")
    assert result.stdout.startswith("election,")
    assert svg.exists()


@pytest.mark.parametrize("command", ["summary", "validate"])
@pytest.mark.parametrize("flag", ["--svg", "--html"])
def test_pictures_never_overwrite_an_input(tmp_path, command, flag):
    source = write(tmp_path, "candidate,votes\nA,10\nB,5\n")
    before = source.read_bytes()
    result = invoke(command, str(source), flag, str(source))
    assert result.code == 2
    assert f"{flag} {source} is an input file; pollcli never overwrites its inputs" in result.stderr
    assert source.read_bytes() == before


def test_picture_and_output_need_their_own_files(tmp_path, kz2022):
    target = tmp_path / "x.out"
    result = invoke("summary", str(kz2022), "--output", str(target), "--svg", str(target))
    assert result.code == 2
    assert "--output and --svg both name" in result.stderr
    assert not target.exists()


def test_picture_to_standard_output_is_refused(kz2022):
    result = invoke("summary", str(kz2022), "--html", "-")
    assert result.code == 2
    assert "--html needs a file name" in result.stderr


def test_unwritable_picture_is_a_usage_error(tmp_path, kz2022):
    result = invoke("summary", str(kz2022), "--svg", str(tmp_path / "missing" / "x.svg"))
    assert result.code == 2
    assert "--svg" in result.stderr
    assert "does not exist" in result.stderr
    assert result.stdout == ""  # refused before any output, as docs/shell.md says


def test_a_picture_fetches_nothing_from_the_web(tmp_path, kz2022):
    """Trial 3: opening the SVG fetched its font from a CDN. Only the SVG namespace (an identifier,
    never fetched) and Rich's comment name a web address."""
    svg = tmp_path / "t.svg"
    assert invoke("summary", str(kz2022), "--svg", str(svg)).code == 0
    text = svg.read_text(encoding="utf-8")
    fetched = re.findall(r'url\("?https?:|(?:href|src)\s*=\s*"https?:', text)
    assert fetched == []
    assert 'src: local("FiraCode-Regular");' in text
