"""Reading pollcli's chart SVGs as XML, for structural tests: elements by id, their boxes, their text.

Charts give the elements tests look for an id (`bar-3`, `threshold-line`…); matplotlib writes each as a
`<g id=…>` holding a `<path d=…>` (bars, lines) or a `<text>`. Coordinates are the SVG's own (points).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

NS = "{http://www.w3.org/2000/svg}"
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:e-?\d+)?")


@dataclass
class Box:
    left: float
    top: float
    right: float
    bottom: float

    @property
    def width(self) -> float:
        return self.right - self.left


class Chart:
    def __init__(self, path: Path | str) -> None:
        self.text = Path(path).read_text(encoding="utf-8")
        self.root = ET.fromstring(self.text)
        self.groups = {g.get("id"): g for g in self.root.iter(f"{NS}g") if g.get("id")}

    def ids(self, prefix: str) -> list[str]:
        """Ids matching `prefix` followed by numbers and dashes only (`bar-` → bar-0, bar-1…)."""
        pattern = re.compile(re.escape(prefix) + r"\d+(?:-\d+)*$")
        return [i for i in self.groups if pattern.match(i)]

    def box(self, element_id: str) -> Box:
        """The bounding box of the first path in the group (a bar, a line)."""
        path = next(self.groups[element_id].iter(f"{NS}path"))
        numbers = [float(n) for n in _NUMBER.findall(path.get("d", ""))]
        xs, ys = numbers[0::2], numbers[1::2]
        return Box(min(xs), min(ys), max(xs), max(ys))

    def fill(self, element_id: str) -> str:
        """The fill of the group's first path, or of its first marker (`<use>`) for a dot."""
        for element in self.groups[element_id].iter():
            if element.tag in (f"{NS}path", f"{NS}use"):
                found = re.search(r"fill: (#[0-9a-f]{6})", element.get("style", ""))
                if found:
                    return found.group(1)
        raise AssertionError(f"{element_id} has no fill")

    def count(self, element_id: str, tag: str) -> int:
        """How many `tag` elements the group holds (`use`: markers drawn)."""
        return sum(1 for _ in self.groups[element_id].iter(f"{NS}{tag}"))

    def texts(self) -> list[str]:
        return ["".join(t.itertext()) for t in self.root.iter(f"{NS}text")]

    def text_of(self, element_id: str) -> str:
        return "".join("".join(t.itertext()) for t in self.groups[element_id].iter(f"{NS}text"))


def point(chart: Chart, element_id: str) -> tuple[float, float]:
    """Where a marker (a `<use>` of a marker path) is drawn."""
    use = next(chart.groups[element_id].iter(f"{NS}use"))
    return float(use.get("x", "nan")), float(use.get("y", "nan"))
