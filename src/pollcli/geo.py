"""Regions of a results file matched to the features of a GeoJSON map, for `summary --by region --geojson`.

Pure apart from reading the file: `read_geojson` turns a GeoJSON text into `Feature`s (their names'
candidates and their polygons), `match_regions` pairs each region of an election with the features that
draw it and says which were left over. The chart (`pollcli.charts.regions`) only draws what this returns.

Matching uses `compare`'s name rules (`pollcli.names`, docs/compare.md), in three passes, each one to one
between distinct names:

1. equal normalised keys (case, accents, Cyrillic/Latin script, punctuation and word order ignored);
2. equal keys once generic words are dropped ("Region", "Oblast", "oblysy", "County", "Province"…),
   so "Akmola Region" is "Akmola oblysy" and "Akmola";
3. the fuzzy score of `compare` (at least `names.CUTOFF`), best pairs first; a name within
   `names.AMBIGUITY_MARGIN` of two partners is left unmatched rather than guessed.

Several features with the same name (an island drawn apart) all draw their region. The property that
names the features is `--geojson-name`, or else the one whose values match the most regions.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from pollcli import names
from pollcli.errors import UsageError

# Words that say what kind of unit a name is, not which one; dropped in the second matching pass.
GENERIC_WORDS: Final[frozenset[str]] = frozenset(
    {
        "region",
        "regions",
        "oblast",
        "oblasti",
        "oblys",
        "oblysy",
        "obl",
        "province",
        "provincia",
        "county",
        "district",
        "state",
        "department",
        "departement",
        "prefecture",
        "krai",
        "kray",
        "okrug",
        "rayon",
        "raion",
        "audany",
        "city",
        "of",
        "the",
    }
)
# Property names tried first, in this order, when several match as many regions.
NAME_PROPERTIES: Final[tuple[str, ...]] = (
    "name",
    "NAME",
    "Name",
    "name_en",
    "NAME_EN",
    "NAME_1",
    "NAME_2",
    "region",
    "shapeName",
)

Ring = list[tuple[float, float]]
Polygon = list[Ring]  # the exterior ring first, then holes


@dataclass(kw_only=True)
class Feature:
    """One GeoJSON feature: its properties that could name it, and its polygons."""

    index: int
    properties: dict[str, str]
    polygons: list[Polygon]


@dataclass(kw_only=True)
class MapFeature:
    name: str = field(metadata={"description": "the feature's name, from the name property"})
    region: str | None = field(metadata={"description": "the region it draws; null: none matched"})
    score: float | None
    polygons: list[Polygon]


@dataclass(kw_only=True)
class MapMatch:
    region: str
    feature: str
    score: float
    how: str  # "generic words" or "fuzzy"


@dataclass(kw_only=True)
class RegionMap:
    """The map of one election's regions: every feature with the region it draws (if any)."""

    source: str
    name_property: str
    features: list[MapFeature]
    unmatched_regions: list[str]
    unmatched_features: list[str]
    matches: list[MapMatch]
    # Degrees of longitude are shorter than degrees of latitude away from the equator: the y:x scale
    # that keeps shapes true near the map's middle latitude (1 for projected coordinates).
    aspect: float
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def read_geojson(path: str) -> list[Feature]:
    """The polygon features of a GeoJSON file (FeatureCollection or Feature); a usage error, naming
    the file and the feature, for anything that cannot be drawn."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise UsageError(f"--geojson {path}: no such file") from None
    except IsADirectoryError:
        raise UsageError(f"--geojson {path}: is a directory; give a GeoJSON file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"--geojson {path}: cannot read it as UTF-8 text ({exc})") from None
    return parse_geojson(text, path)


def parse_geojson(text: str, source: str = "<geojson>") -> list[Feature]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UsageError(
            f"--geojson {source}:{exc.lineno}: not JSON ({exc.msg}); give a GeoJSON FeatureCollection"
        ) from None
    if isinstance(data, dict) and data.get("type") == "Feature":
        items: Any = [data]
    elif isinstance(data, dict) and data.get("type") == "FeatureCollection":
        items = data.get("features")
        if not isinstance(items, list):
            raise UsageError(f"--geojson {source}: 'features' is not a list")
    else:
        raise UsageError(
            f"--geojson {source}: expected a GeoJSON FeatureCollection (or one Feature)"
        )
    features = []
    for index, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            raise UsageError(f"--geojson {source}: feature {index} is not an object")
        properties = item.get("properties") or {}
        if not isinstance(properties, dict):
            raise UsageError(f"--geojson {source}: feature {index}: 'properties' is not an object")
        named = {
            str(k): str(v).strip()
            for k, v in properties.items()
            if isinstance(v, str | int) and not isinstance(v, bool) and str(v).strip()
        }
        where = f"--geojson {source}: feature {index}"
        polygons = _polygons(item.get("geometry"), where)
        if polygons:
            features.append(Feature(index=index, properties=named, polygons=polygons))
    if not features:
        raise UsageError(f"--geojson {source}: no feature has a Polygon or MultiPolygon to draw")
    return features


def _polygons(geometry: Any, where: str) -> list[Polygon]:
    if geometry is None:
        return []
    if not isinstance(geometry, dict):
        raise UsageError(f"{where}: 'geometry' is not an object")
    kind = geometry.get("type")
    if kind == "GeometryCollection":
        parts = geometry.get("geometries")
        if not isinstance(parts, list):
            raise UsageError(f"{where}: 'geometries' is not a list")
        return [p for part in parts for p in _polygons(part, where)]
    coordinates = geometry.get("coordinates")
    if kind == "Polygon":
        return [_polygon(coordinates, where)]
    if kind == "MultiPolygon":
        if not isinstance(coordinates, list):
            raise UsageError(f"{where}: MultiPolygon coordinates are not a list")
        return [_polygon(c, where) for c in coordinates]
    return []  # points and lines draw no region


def _polygon(rings: Any, where: str) -> Polygon:
    if not isinstance(rings, list) or not rings:
        raise UsageError(f"{where}: a polygon needs a list of rings")
    return [_ring(r, where) for r in rings]


def _ring(points: Any, where: str) -> Ring:
    if not isinstance(points, list) or len(points) < 3:
        raise UsageError(f"{where}: a ring needs at least 3 positions")
    ring: Ring = []
    for point in points:
        if (
            not isinstance(point, list)
            or len(point) < 2
            or not all(
                isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v)
                for v in point[:2]
            )
        ):
            raise UsageError(f"{where}: a position is not [x, y] in finite numbers: {point!r:.60}")
        ring.append((float(point[0]), float(point[1])))
    return ring


def generic_key(name: str) -> str:
    """The normalised key without words that only say what kind of unit it is."""
    kept = [w for w in names.words(name) if w not in GENERIC_WORDS]
    return " ".join(sorted(kept)) or names.key(name)


def detect_name_property(features: Sequence[Feature], regions: Iterable[str]) -> str:
    """The property whose values match the most regions by key (then by generic key); ties go to the
    usual names (`NAME_PROPERTIES`), then to the order properties first appear."""
    wanted = {names.key(r) for r in regions}
    wanted_generic = {generic_key(r) for r in regions}
    order: dict[str, int] = {}
    for feature in features:
        for key in feature.properties:
            order.setdefault(key, len(order))
    if not order:
        raise UsageError("--geojson: the features have no text property to name them by")

    def score(prop: str) -> tuple[int, int, int, int]:
        values = [f.properties[prop] for f in features if prop in f.properties]
        exact = len({names.key(v) for v in values} & wanted)
        loose = len({generic_key(v) for v in values} & wanted_generic)
        usual = NAME_PROPERTIES.index(prop) if prop in NAME_PROPERTIES else len(NAME_PROPERTIES)
        return (-exact, -loose, usual, order[prop])

    return min(order, key=score)


def match_regions(
    features: Sequence[Feature],
    regions: Sequence[str],
    *,
    source: str,
    name_property: str | None = None,
) -> RegionMap:
    """Pair each region with the features drawing it (see the module's rules); list what is left."""
    chosen = name_property or detect_name_property(features, regions)
    if name_property is not None and not any(name_property in f.properties for f in features):
        found = sorted({k for f in features for k in f.properties})
        raise UsageError(
            f"--geojson-name {name_property!r}: no feature of {source} has that property; "
            f"its features have {', '.join(found[:12]) or 'no text properties'}"
        )
    feature_names = [f.properties.get(chosen, "") for f in features]
    distinct = list(dict.fromkeys(n for n in feature_names if n))
    paired: dict[str, tuple[str, float]] = {}  # feature name → (region, score)
    matches: list[MapMatch] = []
    notes: list[str] = []
    left_regions = list(dict.fromkeys(regions))
    left_names = list(distinct)

    for how, keyer in (("normalised", names.key), ("generic words", generic_key)):
        by_key: dict[str, list[str]] = {}
        for name in left_names:
            by_key.setdefault(keyer(name), []).append(name)
        region_keys: dict[str, list[str]] = {}
        for region in left_regions:
            region_keys.setdefault(keyer(region), []).append(region)
        for key, same in region_keys.items():
            found = by_key.get(key, [])
            if len(same) != 1 or not found:
                continue  # two regions alike under this key: the fuzzy pass or the user decides
            region = same[0]
            left_regions.remove(region)
            for name in found:  # spellings equal under the key all draw the region
                paired[name] = (region, 100.0)
                left_names.remove(name)
                if how != "normalised":
                    matches.append(MapMatch(region=region, feature=name, score=100.0, how=how))

    candidates = sorted(
        (
            (names.name_score(region, name), r, n)
            for r, region in enumerate(left_regions)
            for n, name in enumerate(left_names)
        ),
        key=lambda c: (-c[0], c[1], c[2]),
    )
    candidates = [c for c in candidates if c[0] >= names.CUTOFF]
    used_regions: set[int] = set()
    used_names: set[int] = set()
    for score, r, n in candidates:
        if r in used_regions or n in used_names:
            continue
        rivals = [
            c
            for c in candidates
            if (c[1] == r) != (c[2] == n)
            and c[1] not in used_regions
            and c[2] not in used_names
            and c[0] >= score - names.AMBIGUITY_MARGIN
        ]
        used_regions.add(r)
        used_names.add(n)
        if rivals:
            notes.append(
                f"Ambiguous map names: region “{left_regions[r]}” is as like “{left_names[n]}” as "
                "another name, so neither is matched; rename one of them."
            )
            for _, r2, n2 in rivals:
                used_regions.add(r2)
                used_names.add(n2)
            continue
        paired[left_names[n]] = (left_regions[r], score)
        matches.append(
            MapMatch(region=left_regions[r], feature=left_names[n], score=score, how="fuzzy")
        )
    matched_regions = {region for region, _ in paired.values()}
    unmatched_regions = [r for r in dict.fromkeys(regions) if r not in matched_regions]
    unmatched_features = [n for n in distinct if n not in paired]

    map_features = [
        MapFeature(
            name=name,
            region=paired[name][0] if name in paired else None,
            score=paired[name][1] if name in paired else None,
            polygons=feature.polygons,
        )
        for feature, name in zip(features, feature_names, strict=True)
    ]
    warnings = []
    if unmatched_regions:
        warnings.append(
            f"--geojson {source}: {len(unmatched_regions)} of {len(set(regions))} regions have no "
            f"feature named like them (property {chosen!r}), so they are not on the map: "
            + ", ".join(unmatched_regions)
        )
    notes += [
        f"Map: region “{m.region}” is drawn by the feature “{m.feature}” "
        + (
            "(matched without generic words)."
            if m.how != "fuzzy"
            else f"(similar names, score {m.score:.1f})."
        )
        for m in matches
    ]
    if unmatched_features:
        notes.append(
            f"Map: {len(unmatched_features)} feature(s) have no region in the results and are drawn "
            "in light grey: " + ", ".join(unmatched_features)
        )
    return RegionMap(
        source=source,
        name_property=chosen,
        features=map_features,
        unmatched_regions=unmatched_regions,
        unmatched_features=unmatched_features,
        matches=matches,
        aspect=_aspect(features),
        notes=notes,
        warnings=warnings,
    )


def _aspect(features: Sequence[Feature]) -> float:
    xs = [x for f in features for p in f.polygons for ring in p for x, _ in ring]
    ys = [y for f in features for p in f.polygons for ring in p for _, y in ring]
    degrees = all(-180 <= x <= 360 for x in xs) and all(-90 <= y <= 90 for y in ys)
    if not degrees:
        return 1.0
    middle = (min(ys) + max(ys)) / 2
    return 1 / max(math.cos(math.radians(middle)), 0.1)
