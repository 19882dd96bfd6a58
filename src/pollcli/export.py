"""Rich renderables → standalone SVG and HTML pictures, as the terminal shows them.

The pictures are made at a fixed width so that the same input always gives byte-equal files, whatever
the size of the terminal that ran the command. Rich derives the SVG's element ids from its content, so
two pictures embedded in one web page do not share styles, and one picture never changes between runs.
"""

from __future__ import annotations

import io
import re
from typing import Final

from rich.console import Console, RenderableType
from rich.terminal_theme import DEFAULT_TERMINAL_THEME, SVG_EXPORT_THEME

# Wide enough for the share bars, which tables narrower than this leave out.
EXPORT_WIDTH: Final[int] = 100

# The web addresses of the font in Rich's SVG, taken out: opening the picture fetched Fira Code
# from a CDN (a request a reader's machine makes, and nothing offline); a local Fira Code, else
# the system's monospace font, is used, as the HTML page does.
_FONT_URLS: Final[re.Pattern[str]] = re.compile(r',\s*url\("https?://[^"]*"\) format\("[^"]*"\)')

HTML_FORMAT: Final[str] = """\
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="pollcli">
<title>{title}</title>
<style>
{stylesheet}
body {{
    color: {foreground};
    background-color: {background};
}}
pre.pollcli {{
    font-family: "Fira Code", "DejaVu Sans Mono", Menlo, Consolas, "Liberation Mono", monospace;
    font-size: 14px;
    line-height: 1.25;
    padding: 1em;
    overflow-x: auto;
}}
</style>
</head>
<body>
<pre class="pollcli"><code>{code}</code></pre>
</body>
</html>
"""


def _record(renderable: RenderableType, width: int) -> Console:
    console = Console(
        file=io.StringIO(),
        record=True,
        width=width,
        color_system="truecolor",
        force_terminal=True,
        force_jupyter=False,
        highlight=False,
        markup=False,
        emoji=False,
        soft_wrap=False,
        legacy_windows=False,
        no_color=False,  # NO_COLOR is about terminals; a picture asked for by name keeps its colours
    )
    console.print(renderable)
    return console


def to_svg(renderable: RenderableType, *, title: str = "pollcli", width: int = EXPORT_WIDTH) -> str:
    """An SVG picture of `renderable` in a terminal window `width` cells wide."""
    svg = _record(renderable, width).export_svg(title=title, theme=SVG_EXPORT_THEME)
    return _FONT_URLS.sub("", svg)


def to_html(
    renderable: RenderableType, *, title: str = "pollcli", width: int = EXPORT_WIDTH
) -> str:
    """A standalone HTML page showing `renderable` as preformatted, coloured text."""
    from html import escape

    # export_html fills {code}, {stylesheet}, {foreground} and {background} with str.format.
    safe_title = escape(title).replace("{", "{{").replace("}", "}}")
    return _record(renderable, width).export_html(
        theme=DEFAULT_TERMINAL_THEME,
        inline_styles=True,  # spans carry their colours when pasted into an article
        code_format=HTML_FORMAT.replace("{title}", safe_title),
    )
