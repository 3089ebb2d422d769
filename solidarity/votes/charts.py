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
