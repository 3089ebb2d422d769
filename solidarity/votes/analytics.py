"""Measures of how States vote, in plain Python and numpy (no database).

The input is a matrix of positions, one row per State and one column per roll
call, holding Voeten's codes: 1 yes, 2 abstain, 3 no, and 0 where the State
cast no vote (absent, not a member, or no record). Every formula is written out
in docs/votes.md; pages, API and CSV all call these functions.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from solidarity.votes.positions import ABSTAIN, NO, VOTES, YES


@dataclass(frozen=True, slots=True)
class Agreement:
    agreed: int
    compared: int

    @property
    def share(self) -> float | None:
        """Agreed / compared, or None when the two never both voted."""
        return self.agreed / self.compared if self.compared else None


def agreement(a: np.ndarray, b: np.ndarray) -> Agreement:
    """Two States' rows: the roll calls where both voted, and those where they voted alike."""
    both = (a > 0) & (b > 0)
    return Agreement(agreed=int(np.count_nonzero(both & (a == b))), compared=int(both.sum()))


def agreement_counts(matrix: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(agreed, compared): two States x States integer matrices for all pairs at once.

    compared[i, j] = sum over roll calls of [i voted][j voted];
    agreed[i, j] = sum over the three positions p of [i voted p][j voted p].
    Each is a product of 0/1 matrices, made in float32 (exact below 2**24 roll calls)
    so that BLAS does the work.
    """
    voted = (matrix > 0).astype(np.float32)
    compared = voted @ voted.T
    agreed = np.zeros_like(compared)
    for position in VOTES:
        took = (matrix == position).astype(np.float32)
        agreed += took @ took.T
    return np.rint(agreed).astype(np.int64), np.rint(compared).astype(np.int64)


def agreement_shares(agreed: np.ndarray, compared: np.ndarray) -> np.ndarray:
    """agreed / compared, NaN where two States never both voted."""
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(compared > 0, agreed / np.maximum(compared, 1), np.nan)


@dataclass(frozen=True, slots=True)
class Partner:
    index: int
    agreement: Agreement


def partners(matrix: np.ndarray, row: int, *, min_compared: int = 1) -> list[Partner]:
    """Every other State by agreement with State ``row``, closest first.

    States that shared fewer than ``min_compared`` roll calls with it are left out;
    ties are broken by more roll calls compared, then by row order.
    """
    mine = matrix[row]
    voted = mine > 0
    others_voted = matrix > 0
    both = others_voted & voted
    compared = both.sum(axis=1)
    agreed = (both & (matrix == mine)).sum(axis=1)
    found = [
        Partner(index, Agreement(int(agreed[index]), int(compared[index])))
        for index in range(matrix.shape[0])
        if index != row and compared[index] >= min_compared
    ]
    found.sort(key=lambda p: (-(p.agreement.share or 0.0), -p.agreement.compared, p.index))
    return found


def cohesion_per_roll_call(group: np.ndarray) -> np.ndarray:
    """Hix–Noury–Roland agreement index of a group in each roll call (NaN where none voted).

    AI = (max(Y, N, A) - ((Y + N + A) - max(Y, N, A)) / 2) / (Y + N + A)
    """
    counts = np.stack([(group == p).sum(axis=0) for p in (YES, NO, ABSTAIN)])
    total = counts.sum(axis=0)
    largest = counts.max(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(total > 0, (largest - (total - largest) / 2) / np.maximum(total, 1), np.nan)


def agreement_index(yes: int, no: int, abstain: int) -> float | None:
    """The Hix–Noury–Roland index of one group in one roll call (None when none voted)."""
    total = yes + no + abstain
    if not total:
        return None
    largest = max(yes, no, abstain)
    return (largest - (total - largest) / 2) / total


@dataclass(frozen=True, slots=True)
class Cohesion:
    index: float | None  # mean AI over the roll calls counted
    roll_calls: int  # roll calls where at least two of the group voted


def cohesion(group: np.ndarray) -> Cohesion:
    """The group's mean agreement index over the roll calls where at least two of it voted."""
    if group.size == 0:
        return Cohesion(None, 0)
    counted = (group > 0).sum(axis=0) >= 2
    values = cohesion_per_roll_call(group[:, counted])
    if values.size == 0:
        return Cohesion(None, 0)
    return Cohesion(float(values.mean()), int(values.size))


@dataclass(frozen=True, slots=True)
class YearComposition:
    year: int
    yes: int
    no: int
    abstain: int

    @property
    def total(self) -> int:
        return self.yes + self.no + self.abstain


def yearly_composition(row: np.ndarray, years: np.ndarray) -> list[YearComposition]:
    """A State's yes, no and abstain counts in each year it voted, oldest first."""
    voted = row > 0
    if not voted.any():
        return []
    cast, when = row[voted], years[voted].astype(np.int64)
    first = int(when.min())
    offset = when - first
    size = int(offset.max()) + 1
    yes, no, abstain = (np.bincount(offset[cast == p], minlength=size) for p in (YES, NO, ABSTAIN))
    return [
        YearComposition(first + i, int(yes[i]), int(no[i]), int(abstain[i]))
        for i in range(size)
        if yes[i] + no[i] + abstain[i]
    ]


@dataclass(frozen=True, slots=True)
class YearAdoption:
    year: int
    by_vote: int
    total: int

    @property
    def share_by_vote(self) -> float:
        return self.by_vote / self.total


def adopted_by_vote_per_year(adoptions: Iterable[tuple[int, bool]]) -> list[YearAdoption]:
    """(year, adopted by a recorded vote?) of each resolution -> per year, oldest first."""
    by_vote: dict[int, int] = {}
    total: dict[int, int] = {}
    for year, voted in adoptions:
        total[year] = total.get(year, 0) + 1
        by_vote[year] = by_vote.get(year, 0) + int(bool(voted))
    return [YearAdoption(year, by_vote[year], total[year]) for year in sorted(total)]


def matrix_from_rows(
    rows: Sequence[tuple[int, int, int]], n_states: int, n_roll_calls: int
) -> np.ndarray:
    """(state index, roll-call index, position) triples -> the positions matrix."""
    matrix = np.zeros((n_states, n_roll_calls), dtype=np.int8)
    if rows:
        array = np.asarray(rows, dtype=np.int64)
        matrix[array[:, 0], array[:, 1]] = array[:, 2]
    return matrix


def outvoted(matrix: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(outvoted, counted) per State: roll calls where it voted yes or no and the other of the
    two had more votes, out of the roll calls where it voted yes or no and one of them had more.

    Abstentions count for neither side, as in the rules of both bodies ("present and voting").
    """
    yes = (matrix == YES).sum(axis=0)
    no = (matrix == NO).sum(axis=0)
    winner = np.where(yes > no, YES, np.where(no > yes, NO, 0))
    took_side = (matrix == YES) | (matrix == NO)
    counted = took_side & (winner > 0)
    lost = counted & (matrix != winner)
    return lost.sum(axis=1), counted.sum(axis=1)


def group_majority(group: np.ndarray) -> np.ndarray:
    """The group's majority position in each roll call: the one most of its voting members
    took (yes, abstain or no), or 0 where none voted or two positions tie for the most."""
    counts = np.stack([(group == p).sum(axis=0) for p in VOTES])
    largest = counts.max(axis=0)
    unique = (counts == largest).sum(axis=0) == 1
    majority = np.asarray(VOTES, dtype=np.int8)[counts.argmax(axis=0)]
    return np.where((largest > 0) & unique, majority, 0).astype(np.int8)


def agreement_with_majority(group: np.ndarray) -> list[Agreement]:
    """Each member's agreement with its group's majority (the member counted in it)."""
    majority = group_majority(group)
    return [agreement(row, majority) for row in group]


def ideal_points(agreed: np.ndarray, compared: np.ndarray) -> np.ndarray:
    """One dimension on which States that vote alike lie close: classical (Torgerson)
    multidimensional scaling of the disagreement 1 - agreement, first coordinate.

    Pairs never compared take the mean disagreement of the first State's row. The sign is
    arbitrary in the method; it is fixed so that the coordinate furthest from 0 is positive.
    """
    n = agreed.shape[0]
    if n < 2:
        return np.zeros(n)
    distance = 1.0 - agreement_shares(agreed, compared)
    row_means = np.nanmean(np.where(np.isnan(distance), np.nan, distance), axis=1)
    distance = np.where(np.isnan(distance), row_means[:, None], distance)
    distance = (distance + distance.T) / 2
    np.fill_diagonal(distance, 0.0)
    centring = np.eye(n) - np.ones((n, n)) / n
    inner = -0.5 * centring @ (distance**2) @ centring
    values, vectors = np.linalg.eigh(inner)
    first = vectors[:, -1] * np.sqrt(max(values[-1], 0.0))
    if first[np.argmax(np.abs(first))] < 0:
        first = -first
    return first
