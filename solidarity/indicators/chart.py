"""A donor's ODA/GNI over the years against 0.7 %, as an SVG drawn on the server. Plain Python.

The chart is a picture of the table printed under it: a line of the yearly
ratios, the 0.7 % pledge as a dashed line, and a vertical rule between 2017
and 2018 where the OECD changed its measure of ODA (net flows before, grant
equivalent after), so the two parts are not read as one series. Preliminary
figures are drawn hollow. Every point has a ``<title>`` a screen reader or a
pointer shows; colours are plain attributes, so the page's Content Security
Policy (no inline style) holds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from xml.sax.saxutils import escape, quoteattr

from solidarity.indicators.pledge import TARGET_PERCENT
from solidarity.indicators.readers import FIRST_GRANT_EQUIVALENT_YEAR

WIDTH, HEIGHT = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 24, 40


@dataclass(frozen=True)
class Point:
    year: int
    ratio: Decimal | None
    preliminary: bool


@dataclass(frozen=True)
class Labels:
    """The words of the chart, already in the reader's language."""

    title: str
    description: str
    pledge: str
    change_of_measure: str
    preliminary: str
    point: str  # "%(year)s: %(ratio)s %% of GNI"


def _ticks(top: Decimal) -> list[Decimal]:
    step = Decimal("0.2") if top <= Decimal("1.6") else Decimal("0.5")
    ticks, value = [], Decimal(0)
    while value <= top:
        ticks.append(value)
        value += step
    return ticks


def draw(points: Sequence[Point], labels: Labels) -> str:
    years = [point.year for point in points]
    shown = [point for point in points if point.ratio is not None]
    first, last = (min(years), max(years)) if years else (2015, 2024)
    span = max(last - first, 1)
    highest = max([point.ratio for point in shown if point.ratio is not None], default=Decimal(1))
    top = max(Decimal("1.2"), highest * Decimal("1.1"))
    ticks = _ticks(top)
    top = max(top, ticks[-1])
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(year: float) -> float:
        return round(LEFT + (year - first) / span * plot_w, 1)

    def y(value: Decimal) -> float:
        return round(TOP + plot_h - float(value / top) * plot_h, 1)

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" role="img" class="oda-chart" font-family="sans-serif" '
        'aria-labelledby="chart-title chart-desc">',
        f'<title id="chart-title">{escape(labels.title)}</title>',
        f'<desc id="chart-desc">{escape(labels.description)}</desc>',
        f'<rect x="0" y="0" width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>',
    ]
    for tick in ticks:
        out.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(tick)}" y2="{y(tick)}" '
            'stroke="#dddddd" stroke-width="1"/>'
            f'<text x="{LEFT - 6}" y="{y(tick) + 4}" text-anchor="end" font-size="11" '
            f'fill="#333333">{tick:.1f} %</text>'
        )
    for year in years:
        out.append(
            f'<text x="{x(year)}" y="{HEIGHT - BOTTOM + 16}" text-anchor="middle" '
            f'font-size="11" fill="#333333">{year}</text>'
        )
    if first < FIRST_GRANT_EQUIVALENT_YEAR <= last:
        rule = x(FIRST_GRANT_EQUIVALENT_YEAR - 0.5)
        out.append(
            f'<g class="change-of-measure"><line x1="{rule}" x2="{rule}" y1="{TOP}" '
            f'y2="{TOP + plot_h}" stroke="#7a4f00" stroke-width="1.5" stroke-dasharray="2 3"/>'
            f'<text x="{rule + 4}" y="{TOP + 10}" font-size="11" fill="#7a4f00">'
            f"{escape(labels.change_of_measure)}</text></g>"
        )
    pledge_y = y(TARGET_PERCENT)
    out.append(
        f'<g class="pledge"><line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{pledge_y}" '
        f'y2="{pledge_y}" stroke="#b00020" stroke-width="1.5" stroke-dasharray="6 4"/>'
        f'<text x="{WIDTH - RIGHT}" y="{pledge_y - 5}" text-anchor="end" font-size="11" '
        f'fill="#b00020">{escape(labels.pledge)}</text></g>'
    )
    # The line breaks at the change of measure and where a year has no ratio.
    segment: list[str] = []
    segments: list[list[str]] = []
    previous: Point | None = None
    for point in points:
        broken = point.ratio is None or (
            previous is not None and previous.year < FIRST_GRANT_EQUIVALENT_YEAR <= point.year
        )
        if broken and segment:
            segments.append(segment)
            segment = []
        if point.ratio is not None:
            segment.append(f"{x(point.year)},{y(point.ratio)}")
        previous = point
    if segment:
        segments.append(segment)
    for part in segments:
        out.append(
            f'<polyline points="{" ".join(part)}" fill="none" stroke="#1f4e79" stroke-width="2"/>'
        )
    for point in shown:
        assert point.ratio is not None
        text = labels.point % {"year": point.year, "ratio": f"{point.ratio:.2f}"}
        if point.preliminary:
            text = f"{text} ({labels.preliminary})"
        fill = "#ffffff" if point.preliminary else "#1f4e79"
        out.append(
            f'<circle cx="{x(point.year)}" cy="{y(point.ratio)}" r="4" fill="{fill}" '
            f'stroke="#1f4e79" stroke-width="2" data-year="{point.year}" '
            f"data-ratio={quoteattr(f'{point.ratio:.2f}')}><title>{escape(text)}</title></circle>"
        )
    out.append("</svg>")
    return "\n".join(out)
