"""Names are text: markup and control characters cannot act; CSV cells cannot run as formulas."""

import json

import pytest

from conftest import invoke, write
from pollcli.render.safe import spreadsheet_cell, visible

NASTY = "[bold red]Boss[/] \x1b[2J\x1b]8;;http://x\x07link\u202eevil"


@pytest.fixture
def nasty_file(tmp_path):
    return write(
        tmp_path, f'candidate,party,votes\n"{NASTY}","=HYPERLINK(""http://x"")",10\nB,+1 party,5\n'
    )


@pytest.mark.parametrize("fmt", ["table", "markdown", "csv"])
def test_no_control_character_reaches_the_terminal(nasty_file, fmt):
    out = invoke("summary", str(nasty_file), "--format", fmt, env={"COLUMNS": "200"}).stdout
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert "\\x1b" in out


def test_rich_markup_is_printed_literally(nasty_file):
    out = invoke("summary", str(nasty_file), env={"COLUMNS": "200"}).stdout
    assert "[bold red]Boss[/]" in out


def test_json_keeps_the_name_but_escapes_controls(nasty_file):
    text = invoke("summary", str(nasty_file), "--format", "json").stdout
    assert "\x1b" not in text and "\u202e" not in text
    assert json.loads(text)["elections"][0]["leader"]["candidate"] == NASTY


def test_csv_guards_formulas(nasty_file):
    out = invoke("summary", str(nasty_file), "--format", "csv").stdout
    assert "'=HYPERLINK" in out and "'+1 party" in out


@pytest.mark.parametrize(
    ("cell", "guarded"),
    [
        ("=1+1", "'=1+1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("-cmd", "'-cmd"),
        ("-5", "-5"),
        ("+3.5", "+3.5"),
        ("Bob", "Bob"),
    ],
)
def test_spreadsheet_cell(cell, guarded):
    assert spreadsheet_cell(cell) == guarded


def test_visible_escapes_c0_c1_and_bidi():
    assert visible("a\x1bb\x9bc\u202ed\te") == "a\\x1bb\\x9bc\\u202ed\\x09e"


def test_error_messages_escape_controls(tmp_path):
    path = write(tmp_path, "candidate,votes\nA,\x1b[31m5\n")
    result = invoke("summary", str(path))
    assert result.code == 1 and "\x1b" not in result.stderr and "\\x1b" in result.stderr


def test_inputs_are_never_written(tmp_path, kz2022):
    before = kz2022.read_bytes()
    for fmt in ("table", "json", "csv", "markdown"):
        invoke("summary", str(kz2022), "--format", fmt)
    invoke("validate", str(kz2022))
    assert kz2022.read_bytes() == before


def test_a_file_name_with_controls_is_escaped_in_the_hint_to_validate(tmp_path):
    path = write(tmp_path, "candidate,votes\nA,-1\n", name="\x1b[31mred.csv")
    result = invoke("summary", str(path))
    assert result.code == 1
    assert "\x1b" not in result.stderr
    assert "run 'pollcli validate " in result.stderr and "\\x1b[31mred.csv" in result.stderr


# Issue 13 item 19: a name cannot become a link or an image in Markdown.
PIXEL = "![x](http://evil/pixel.png)"
LINK = "[click](http://evil/)"
AUTOLINK = "<http://evil/>"


def _rendered(markdown: str) -> str:
    """Oracle: markdown-it (a CommonMark parser, installed with Rich) with GFM tables."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table").render(markdown)


@pytest.mark.parametrize("command", ["summary", "compare", "validate"])
def test_markdown_names_never_become_links_or_images(tmp_path, command):
    rows = f'"{PIXEL}","{LINK}",10\n"{AUTOLINK}",B,5\n'
    if command == "validate":  # an error whose message quotes the name
        rows += f'"{PIXEL}","{LINK}",1\n'
    path = write(tmp_path, "candidate,party,votes\n" + rows)
    files = [str(path), str(path)] if command == "compare" else [str(path)]
    result = invoke(command, *files, "--format", "markdown")
    html = _rendered(result.stdout)
    assert "<img" not in html and "<a " not in html, html
    assert PIXEL in html  # shown as text, as written
    assert command == "validate" or (LINK in html and "&lt;http://evil/&gt;" in html)


def test_the_oracle_does_see_an_image_and_a_link():
    """The control: unescaped, these names are an image and a link."""
    html = _rendered(f"| a |\n|---|\n| {PIXEL} {LINK} |\n")
    assert "<img" in html and "<a " in html
