"""Charts of votes as SVG documents, made on the server from the numbers they show.

Plain Python. Each chart is a standalone SVG (served as its own file, shown with
``<img>`` next to a table of the same numbers), with a title and a description
for assistive technology, and colours from the colour-blind-safe palette of the
vote map (yes blue, abstain orange, no vermilion, which is also hatched).
"""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape

from solidarity.votes.analytics import YearComposition

COLOURS = {"yes": "#0072B2", "abstain": "#E69F00", "no": "#D55E00"}


def composition_svg(
    years: Sequence[YearComposition],
    *,
    title: str,
    description: str = "",
    labels: dict[str, str] | None = None,
) -> str:
    """Stacked bars, one a year, of the shares of yes, abstain and no among a State's votes."""
    labels = labels or {"yes": "Yes", "abstain": "Abstain", "no": "No"}
    width, height = 760, 300
    left, right, top, bottom = 48, 12, 40, 44
    plot_w, plot_h = width - left - right, height - top - bottom
    n = max(len(years), 1)
    step = plot_w / n
    bar = max(step * 0.8, 1.0)
    parts = [
        '<svg xmlns="http://www.w3.org/2000/svg" role="img" '
        'aria-labelledby="chart-title chart-desc" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        'font-family="sans-serif" font-size="12">',
        f'<title id="chart-title">{escape(title)}</title>',
        f'<desc id="chart-desc">{escape(description)}</desc>',
        '<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="6" height="6" fill="#D55E00"/>'
        '<line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" stroke-width="2"/></pattern></defs>',
    ]
    fills = {"yes": COLOURS["yes"], "abstain": COLOURS["abstain"], "no": "url(#hatch)"}
    for share in (0, 25, 50, 75, 100):
        y = top + plot_h * (1 - share / 100)
        parts.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" stroke="#cccccc"/>'
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{share}%</text>'
        )
    label_every = 1 if n <= 15 else 5 if n <= 60 else 10
    for index, year in enumerate(years):
        x = left + index * step + (step - bar) / 2
        y = top + plot_h
        for key in ("yes", "abstain", "no"):
            count = getattr(year, key)
            if not count:
                continue
            h = plot_h * count / year.total
            y -= h
            parts.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                f'fill="{fills[key]}"><title>{year.year}: {escape(labels[key])} {count} '
                f"/ {year.total}</title></rect>"
            )
        if year.year % label_every == 0 or n <= 15:
            parts.append(
                f'<text x="{x + bar / 2:.1f}" y="{top + plot_h + 16}" text-anchor="middle">'
                f"{year.year}</text>"
            )
    x = left
    for key in ("yes", "abstain", "no"):
        parts.append(
            f'<rect x="{x}" y="12" width="14" height="14" fill="{fills[key]}"/>'
            f'<text x="{x + 20}" y="24">{escape(labels[key])}</text>'
        )
        x += 30 + 8 * len(labels[key])
    parts.append("</svg>")
    return "".join(parts)


def strip_svg(
    points: Sequence[tuple[str, str, float]],
    rows: Sequence[tuple[str, str]],
    *,
    title: str,
    description: str = "",
) -> str:
    """States as dots along one axis, one line per group: ``points`` are (name, group, value),
    ``rows`` the (group, label) lines in order. Each dot names its State and value."""
    width, left, right, top, line = 760, 210, 16, 16, 34
    height = top + line * len(rows) + 30
    values = [value for _name, _group, value in points] or [0.0]
    low, high = min(values), max(values)
    span = (high - low) or 1.0
    palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"]

    def x_of(value: float) -> float:
        return left + (width - left - right) * (value - low) / span

    parts = [
        '<svg xmlns="http://www.w3.org/2000/svg" role="img" '
        'aria-labelledby="strip-title strip-desc" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        'font-family="sans-serif" font-size="12">',
        f'<title id="strip-title">{escape(title)}</title>',
        f'<desc id="strip-desc">{escape(description)}</desc>',
    ]
    for index, (group, label) in enumerate(rows):
        y = top + line * index + line / 2
        colour = palette[index % len(palette)]
        parts.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" stroke="#dddddd"/>'
            f'<text x="{left - 8}" y="{y + 4:.1f}" text-anchor="end">{escape(label)}</text>'
        )
        for name, point_group, value in points:
            if point_group == group:
                parts.append(
                    f'<circle cx="{x_of(value):.1f}" cy="{y:.1f}" r="4" fill="{colour}" '
                    f'fill-opacity="0.7" stroke="#333333" stroke-width="0.5">'
                    f"<title>{escape(name)}: {value:.3f}</title></circle>"
                )
    axis = top + line * len(rows) + 4
    parts.append(
        f'<line x1="{left}" y1="{axis}" x2="{width - right}" y2="{axis}" stroke="#333333"/>'
        f'<text x="{left}" y="{axis + 18}">{low:.2f}</text>'
        f'<text x="{width - right}" y="{axis + 18}" text-anchor="end">{high:.2f}</text>'
    )
    parts.append("</svg>")
    return "".join(parts)
