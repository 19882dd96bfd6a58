"""How every chart looks and is saved: fonts, sizes, layout in inches, and byte-stable files.

Reproducible: the same results give the same bytes. SVG element ids are hashes salted with a fixed
salt, no date is written, and the creator is pollcli (not the matplotlib version). Text stays text
(`svg.fonttype: none`, TrueType in PDF), so names can be searched, copied and read by screen readers.

Independent of the machine's fonts: text is measured and laid out with DejaVu Sans, which ships with
matplotlib, never a font found on the machine. An SVG names it first and falls back to the viewer's
sans-serif. Names are plain text, never TeX or mathtext: `$` in a party's name is a dollar sign.
"""

from __future__ import annotations

import functools
import io
import warnings
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING, Any, Final, cast

import matplotlib
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.textpath import TextToPath

from pollcli.charts.files import ChartFormat
from pollcli.errors import UsageError
from pollcli.render.safe import visible

if TYPE_CHECKING:
    from matplotlib.axes import Axes

FONT: Final[str] = "DejaVu Sans"
INK: Final[str] = "#1a1a1a"
MUTED: Final[str] = "#5c5c5c"
RULE: Final[str] = "#d9d9d9"
# Inches: 461 pt, about 615 CSS pixels, an article column; on a narrower screen the SVG shrinks to fit.
WIDTH: Final[float] = 6.4
MARGIN: Final[float] = 0.3
PNG_DPI: Final[int] = 200

# Points. Large for a 6.4-inch figure, so that text stays legible when a phone shrinks it to 400 pixels.
TITLE_SIZE: Final[float] = 16.0
SUBTITLE_SIZE: Final[float] = 11.0
LABEL_SIZE: Final[float] = 11.0
SMALL_SIZE: Final[float] = 9.5
NOTE_SIZE: Final[float] = 8.5

RC: Final[dict[str, Any]] = {
    "font.family": ["sans-serif"],
    "font.sans-serif": [FONT],
    "font.size": LABEL_SIZE,
    "text.color": INK,
    "text.usetex": False,
    "text.parse_math": False,
    "axes.edgecolor": RULE,
    "axes.labelcolor": MUTED,
    "axes.linewidth": 0.8,
    "xtick.color": MUTED,
    "ytick.color": MUTED,
    "xtick.labelsize": SMALL_SIZE,
    "ytick.labelsize": SMALL_SIZE,
    "svg.fonttype": "none",
    "svg.hashsalt": "pollcli",
    "svg.id": "pollcli-chart",
    "svg.image_inline": True,
    "pdf.fonttype": 42,
    "pdf.compression": 6,
    "path.simplify": False,
    "figure.dpi": 100,
    "savefig.dpi": PNG_DPI,
    "savefig.facecolor": "white",
    "savefig.transparent": False,
}

_METADATA: Final[dict[ChartFormat, dict[str, Any]]] = {
    "svg": {"Date": None, "Creator": "pollcli"},
    "pdf": {"CreationDate": None, "ModDate": None, "Creator": "pollcli", "Producer": "pollcli"},
    "png": {"Software": "pollcli"},
}


@contextmanager
def chart_style() -> Iterator[None]:
    """pollcli's rcParams for everything drawn and saved inside; the caller's are restored after."""
    with matplotlib.rc_context(cast(Any, RC)):
        yield


_MEASURE = TextToPath()


@functools.lru_cache(maxsize=4096)
def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width in inches of `text` set in DejaVu Sans at `size` points, as it will be drawn."""
    prop = FontProperties(family=FONT, size=size, weight="bold" if bold else "normal")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a glyph DejaVu lacks: measured as its fallback box
        width, _, _ = _MEASURE.get_text_width_height_descent(text, prop, ismath=False)
    return float(width) / 72


def wrap(text: str, width: float, size: float, bold: bool = False) -> list[str]:
    """`text` cut into lines no wider than `width` inches (a single long word is left whole)."""
    words = text.split()
    lines: list[str] = []
    current = ""
    for word in words:
        trial = f"{current} {word}" if current else word
        if current and text_width(trial, size, bold) > width:
            lines.append(current)
            current = word
        else:
            current = trial
    if current:
        lines.append(current)
    return lines or [""]


def fit(text: str, width: float, size: float, bold: bool = False) -> str:
    """`text` cut with an ellipsis to fit `width` inches on one line."""
    if text_width(text, size, bold) <= width:
        return text
    low, high = 0, len(text)  # the longest prefix that fits with the ellipsis, by bisection
    while low < high:
        middle = (low + high + 1) // 2
        if text_width(text[:middle].rstrip() + "…", size, bold) <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + "…"


def line_height(size: float) -> float:
    """Inches from one line's baseline to the next at `size` points."""
    return size * 1.3 / 72


def shown(text: str) -> str:
    """A name from an input file as a chart shows it: control characters escaped, never acted on."""
    return visible(text)


@dataclass
class Frame:
    """A panel of a figure, laid out in inches from its top-left corner.

    Charts place everything by inches from the top (rows of labels and bars stack downwards), and the
    frame turns that into the figure fractions matplotlib wants; panels stacked in one figure each get
    their own frame.
    """

    figure: Figure
    top: float  # inches from the figure's top to the panel's top
    width: float
    height: float

    @property
    def figure_height(self) -> float:
        return float(self.figure.get_figheight())

    def x(self, inches: float) -> float:
        return inches / float(self.figure.get_figwidth())

    def y(self, inches_from_top: float) -> float:
        return 1 - (self.top + inches_from_top) / self.figure_height

    def axes(self, left: float, top: float, width: float, height: float, **kwargs: Any) -> Axes:
        """Axes whose box starts `left` inches in and `top` inches down, `width` × `height` inches."""
        return self.figure.add_axes(
            (self.x(left), self.y(top + height), self.x(width), height / self.figure_height),
            **kwargs,
        )

    def text(self, left: float, top: float, text: str, **kwargs: Any) -> Any:
        """Text whose top-left corner (by default) is `left`, `top` inches into the panel."""
        kwargs.setdefault("va", "top")
        kwargs.setdefault("ha", "left")
        return self.figure.text(self.x(left), self.y(top), text, **kwargs)


def heading_height(title: str, subtitle: str | None, width: float) -> float:
    """The inches `heading` will take for this title and subtitle at this width."""
    usable = width - 2 * MARGIN
    height = len(wrap(shown(title), usable, TITLE_SIZE, bold=True)) * line_height(TITLE_SIZE)
    if subtitle:
        height += 0.03 + len(wrap(shown(subtitle), usable, SUBTITLE_SIZE)) * line_height(
            SUBTITLE_SIZE
        )
    return height


def heading(
    frame: Frame, title: str, subtitle: str | None, top: float = MARGIN, gid: str = "title"
) -> float:
    """Title (wrapped, bold) and a grey subtitle from the top-left; returns the inches they take."""
    usable = frame.width - 2 * MARGIN
    y = top
    for number, line in enumerate(wrap(shown(title), usable, TITLE_SIZE, bold=True)):
        frame.text(MARGIN, y, line, fontsize=TITLE_SIZE, fontweight="bold", gid=f"{gid}-{number}")
        y += line_height(TITLE_SIZE)
    if subtitle:
        y += 0.03
        for number, line in enumerate(wrap(shown(subtitle), usable, SUBTITLE_SIZE)):
            frame.text(
                MARGIN, y, line, fontsize=SUBTITLE_SIZE, color=MUTED, gid=f"subtitle-{number}"
            )
            y += line_height(SUBTITLE_SIZE)
    return y - top


def footnote_lines(texts: Sequence[str], width: float) -> list[str]:
    usable = width - 2 * MARGIN
    return [line for text in texts if text for line in wrap(shown(text), usable, NOTE_SIZE)]


def footnote(frame: Frame, lines: Sequence[str], top: float) -> None:
    y = top
    for number, line in enumerate(lines):
        frame.text(MARGIN, y, line, fontsize=NOTE_SIZE, color=MUTED, gid=f"footnote-{number}")
        y += line_height(NOTE_SIZE)


@dataclass
class Panel:
    """One chart of a figure: its height in inches, and how to draw it into a frame."""

    height: float
    draw: Callable[[Frame], None]
    title: str = ""
    description: str = ""


def compose(panels: Sequence[Panel], width: float = WIDTH) -> Figure:
    """One figure of the panels stacked top to bottom, each at its own height.

    The ids charts give their elements (`bar-0`, `threshold-line`) get the panel's number in front
    (`c1-bar-0`, `c2-bar-0`), so that ids stay unique in a file of several charts.
    """
    total = sum(p.height for p in panels)
    figure = Figure(figsize=(width, total))
    top = 0.0
    for number, panel in enumerate(panels, start=1):
        before = {id(a) for a in figure.findobj()}
        panel.draw(Frame(figure, top, width, panel.height))
        for artist in figure.findobj():
            gid = artist.get_gid()
            if id(artist) not in before and gid:
                artist.set_gid(f"c{number}-{gid}")
        top += panel.height
    return figure


def save(panels: Sequence[Panel], path: str, fmt: ChartFormat) -> list[str]:
    """Draw the panels as one figure and write it; returns warnings (glyphs DejaVu Sans lacks)."""
    found: list[str] = []
    with chart_style(), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        figure = compose(panels)
        metadata = dict(_METADATA[fmt])
        title = " · ".join(p.title for p in panels if p.title)
        if title and fmt != "png":
            metadata["Title"] = title
        if fmt == "svg":
            buffer = io.StringIO()
            figure.savefig(buffer, format="svg", metadata=metadata)
            data = _accessible_svg(buffer.getvalue(), title, panels).encode("utf-8")
        else:
            binary = io.BytesIO()
            figure.savefig(binary, format=fmt, metadata=metadata)
            data = binary.getvalue()
    missing = sorted(
        {
            str(w.message).split(" missing from")[0]
            for w in caught
            if "missing from" in str(w.message)
        }
    )
    if missing:
        found.append(
            f"--chart {path}: DejaVu Sans has no {', '.join(missing[:3])}"
            f"{' …' if len(missing) > 3 else ''}; "
            + (
                "the SVG keeps the text, drawn by the viewer's fonts, so its width may differ"
                if fmt == "svg"
                else "those characters show as boxes"
            )
        )
    from pollcli import atomic

    there = atomic.existed(path)
    try:
        atomic.write_bytes(path, data)  # whole or not at all: a full disk keeps the old chart
    except OSError as exc:
        kept = "the file is left as it was" if there else "nothing was written"
        raise UsageError(f"--chart {path}: cannot write ({exc.strerror or exc}); {kept}") from None
    return found


def _accessible_svg(svg: str, title: str, panels: Sequence[Panel]) -> str:
    """A <title> and <desc> for screen readers, and a width that shrinks to fit a narrow screen."""
    description = " ".join(p.description for p in panels if p.description)
    head = svg.index("<svg ")
    end = svg.index(">", head) + 1
    opening = svg[head:end]
    opening = opening.replace(
        ' version="1.1"', ' version="1.1" role="img" style="max-width: 100%; height: auto"', 1
    )
    inserted = f"\n <title>{escape(visible(title))}</title>"
    if description:
        inserted += f"\n <desc>{escape(visible(description))}</desc>"
    return svg[:head] + opening + inserted + svg[end:]


def hide_frame(ax: Axes) -> None:
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.tick_params(left=False, labelleft=False)


def percent_ticks(ax: Axes, limit: float) -> None:
    """Ticks under a share axis from 0 to `limit`, every 10 or 25 points, with a faint grid."""
    step = 10 if limit <= 60 else 25
    ticks = [float(v) for v in range(0, int(limit) + 1, step)]
    ax.set_xticks(ticks, [f"{t:g} %" for t in ticks])
    ax.tick_params(axis="x", length=0, pad=4, colors=MUTED)
    ax.grid(axis="x", color=RULE, linewidth=0.6)
    ax.set_axisbelow(True)
