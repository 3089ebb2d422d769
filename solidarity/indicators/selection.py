"""Which figure stands for a donor in a year, when sources or vintages disagree. Plain Python.

Every figure read is kept; one per donor and year is *chosen* and shown in the
tables, charts, CSV and API, the others beside it. The rule, in order:

1. a final or revised figure comes before a preliminary one;
2. a later import comes before an earlier one: the secretariat adds next
   year's figures, or a newer vintage, by importing them;
3. within one import, the shipped dataset's reference rows come first, as its
   README says: for 2015–2023 the rows read from the OECD DAC1 extract
   ``table1_raw_2010_2023.parquet``, for 2024 the revised rows of ONE's
   dashboard at commit ``b8dd889…``;
4. then the earlier line of the file.

So in the shipped dataset alone, every donor-year gets exactly the README's
figure; the April 2025 preliminary figures for 2024, the OECD's rounded
headlines and the older vintages stay visible as other versions.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

REFERENCE_EXTRACT = "table1_raw_2010_2023.parquet"
REVISED_2024 = "@b8dd88957855b6cf97f2778cbeae70c056aa03ab"


def is_reference(year: int, source: str) -> bool:
    """Whether a row of the shipped dataset is the one its README says to use."""
    if 2015 <= year <= 2023:
        return REFERENCE_EXTRACT in source
    if year == 2024:
        return source.endswith(REVISED_2024)
    return False


@dataclass(frozen=True)
class Candidate:
    key: Any
    year: int
    preliminary: bool
    source: str
    batch: int
    line: int


def rank(candidate: Candidate) -> tuple:
    return (
        not candidate.preliminary,
        candidate.batch,
        is_reference(candidate.year, candidate.source),
        -candidate.line,
    )


def choose(candidates: Iterable[Candidate]) -> Candidate:
    """The figure that stands for its donor and year (the candidates share both)."""
    return max(candidates, key=rank)
