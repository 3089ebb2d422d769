"""Benchmark: drawing the world map of a recorded vote (resolution 56/4's 47 votes).

Prints the one-time cost of preparing the country shapes, the time per map
and the size of the SVG served.

    .venv/bin/python benchmarks/vote_map.py
"""

from __future__ import annotations

import time

from solidarity.countries import world_map

IN_FAVOUR = [
    "DZA",
    "BGD",
    "BEN",
    "BRA",
    "BDI",
    "CMR",
    "CHN",
    "CIV",
    "CUB",
    "DOM",
    "ERI",
    "GMB",
    "GHA",
    "HND",
    "IND",
    "IDN",
    "KAZ",
    "KWT",
    "KGZ",
    "MWI",
    "MYS",
    "MDV",
    "PRY",
    "QAT",
    "SOM",
    "ZAF",
    "SDN",
    "ARE",
    "VNM",
]
AGAINST = [
    "ALB",
    "BEL",
    "BGR",
    "FIN",
    "FRA",
    "GEO",
    "DEU",
    "JPN",
    "LTU",
    "LUX",
    "MNE",
    "NLD",
    "ROU",
    "USA",
]
ABSTAINING = ["ARG", "CHL", "CRI", "MAR"]
ROUNDS = 200


def main() -> None:
    started = time.perf_counter()
    world_map.countries_with_shapes()
    first = time.perf_counter() - started
    categories = world_map.vote_categories(IN_FAVOUR, AGAINST, ABSTAINING)
    started = time.perf_counter()
    for _ in range(ROUNDS):
        svg = world_map.render_world_map(
            categories,
            world_map.VOTE_LEGEND,
            title="Recorded vote on resolution 56/4",
            description="29 in favour, 14 against, 4 abstaining",
            link_template="/countries/{iso3}/",
        )
    each = (time.perf_counter() - started) / ROUNDS
    print(f"shapes prepared once in {first * 1000:.0f} ms")
    print(f"one map: {each * 1000:.2f} ms, {len(svg.encode()) / 1024:.1f} KiB of SVG")


if __name__ == "__main__":
    main()
