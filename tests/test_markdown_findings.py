"""Findings in Markdown are a list whose ranked lines nest under their heading, read back by a
Markdown parser (markdown-it-py, which Rich depends on) as the oracle."""

from __future__ import annotations

from markdown_it import MarkdownIt

from conftest import ROOT, invoke
from pollcli.render.safe import markdown_bullets


def _lists(text: str) -> list[tuple[str, int]]:
    """Each list the parser opens, with its nesting level."""
    return [
        (token.type, token.level)
        for token in MarkdownIt("commonmark").parse(text)
        if token.type in ("bullet_list_open", "ordered_list_open")
    ]


def test_ranked_notes_nest_under_their_heading() -> None:
    notes = ["Polls ranked:", "1. First.", "2. Second.", "Something else."]
    text = "\n".join(markdown_bullets(notes))
    assert _lists(text) == [("bullet_list_open", 0), ("ordered_list_open", 2)]
    html = MarkdownIt("commonmark").render(text)
    assert html.count("<li>") == 4
    assert "<li>First.</li>" in html


def test_a_number_after_no_heading_is_text() -> None:
    text = "\n".join(markdown_bullets(["2020. A year of elections.", "Other."]))
    assert _lists(text) == [("bullet_list_open", 0)]
    assert "<li>2020. A year of elections.</li>" in MarkdownIt("commonmark").render(text)


def test_compare_markdown_ranks_polls_in_one_nested_list(monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    polls = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "data").glob("kz_2022_exit_poll_*"))
    out = invoke("compare", *polls, "data/kz_2022.csv", "--format", "markdown").stdout
    findings = out.split("**Findings**", 1)[1]
    assert ("ordered_list_open", 2) in _lists(findings)
    assert "\n  1. “Exit poll 2022" in findings
