"""The measures of docs/votes.md on cases small enough to compute by hand, and their properties."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from solidarity.votes import analytics

Y, A, N, _ = 1, 2, 3, 0

# Three States, four roll calls (0: did not vote).
#            rc1 rc2 rc3 rc4
THREE = np.array(
    [
        [Y, Y, N, A],  # State 0
        [Y, N, N, _],  # State 1
        [N, _, A, A],  # State 2
    ],
    dtype=np.int8,
)


def test_agreement_counts_the_roll_calls_both_voted_in_and_those_they_voted_alike():
    # 0 and 1 both voted in rc1-rc3 and agreed in rc1 (yes) and rc3 (no).
    assert analytics.agreement(THREE[0], THREE[1]) == analytics.Agreement(agreed=2, compared=3)
    assert analytics.agreement(THREE[0], THREE[1]).share == pytest.approx(2 / 3)
    # 0 and 2 both voted in rc1, rc3, rc4 and agreed in rc4 (abstain).
    assert analytics.agreement(THREE[0], THREE[2]).share == pytest.approx(1 / 3)
    # 1 and 2 both voted in rc1 and rc3 and never agreed.
    assert analytics.agreement(THREE[1], THREE[2]) == analytics.Agreement(agreed=0, compared=2)
    assert analytics.agreement(THREE[1], THREE[2]).share == 0.0


def test_two_states_that_never_both_voted_have_no_agreement_rather_than_zero():
    a = np.array([Y, _], dtype=np.int8)
    b = np.array([_, N], dtype=np.int8)
    assert analytics.agreement(a, b).compared == 0
    assert analytics.agreement(a, b).share is None


def test_the_matrix_holds_every_pair_as_computed_by_hand():
    agreed, compared = analytics.agreement_counts(THREE)
    assert agreed.tolist() == [[4, 2, 1], [2, 3, 0], [1, 0, 3]]
    assert compared.tolist() == [[4, 3, 3], [3, 3, 2], [3, 2, 3]]
    shares = analytics.agreement_shares(agreed, compared)
    assert shares[0, 1] == pytest.approx(2 / 3) and shares[0, 2] == pytest.approx(1 / 3)


def test_partners_are_ranked_closest_first():
    ranked = analytics.partners(THREE, 0)
    assert [(p.index, p.agreement.agreed, p.agreement.compared) for p in ranked] == [
        (1, 2, 3),
        (2, 1, 3),
    ]
    assert [p.index for p in analytics.partners(THREE, 0, min_compared=4)] == []


def test_group_cohesion_is_the_hix_noury_roland_index_averaged_over_roll_calls():
    # rc1: 2 yes, 1 no -> (2 - 1/2) / 3 = 0.5; rc2: 1 yes, 1 no -> (1 - 1/2) / 2 = 0.25;
    # rc3: 2 no, 1 abstain -> 0.5; rc4: 2 abstain -> 1.
    per_roll_call = analytics.cohesion_per_roll_call(THREE)
    assert per_roll_call.tolist() == pytest.approx([0.5, 0.25, 0.5, 1.0])
    assert analytics.cohesion(THREE) == analytics.Cohesion(
        index=pytest.approx(2.25 / 4), roll_calls=4
    )
    # The same index for one roll call's counts, as a resolution's page shows it per group.
    assert analytics.agreement_index(yes=2, no=1, abstain=0) == 0.5
    assert analytics.agreement_index(yes=1, no=1, abstain=1) == 0.0
    assert analytics.agreement_index(yes=0, no=0, abstain=0) is None


def test_a_roll_call_where_fewer_than_two_of_the_group_voted_does_not_count():
    group = np.array([[Y, N], [_, N]], dtype=np.int8)
    assert analytics.cohesion(group) == analytics.Cohesion(index=1.0, roll_calls=1)


def test_a_states_yearly_composition_counts_its_yes_no_and_abstain():
    years = np.array([2000, 2000, 2001, 2001])
    assert analytics.yearly_composition(THREE[0], years) == [
        analytics.YearComposition(2000, yes=2, no=0, abstain=0),
        analytics.YearComposition(2001, yes=0, no=1, abstain=1),
    ]
    # A year without a vote of the State is not listed.
    assert [y.year for y in analytics.yearly_composition(THREE[1], np.array([1, 1, 1, 2]))] == [1]


def test_the_share_adopted_by_vote_is_counted_per_year():
    per_year = analytics.adopted_by_vote_per_year(
        [(2020, True), (2020, False), (2021, True), (2020, False)]
    )
    assert [(y.year, y.by_vote, y.total) for y in per_year] == [(2020, 1, 3), (2021, 1, 1)]
    assert per_year[0].share_by_vote == pytest.approx(1 / 3)


positions_matrices = arrays(
    np.int8,
    st.tuples(st.integers(1, 7), st.integers(1, 30)),
    elements=st.sampled_from([0, Y, A, N]),
)


@settings(max_examples=150, deadline=None)
@given(positions_matrices)
def test_a_state_agrees_fully_with_itself_and_the_matrix_is_symmetric(matrix):
    agreed, compared = analytics.agreement_counts(matrix)
    assert (agreed == agreed.T).all() and (compared == compared.T).all()
    for row in range(matrix.shape[0]):
        if (matrix[row] > 0).any():
            assert agreed[row, row] == compared[row, row] == (matrix[row] > 0).sum()
            assert analytics.agreement(matrix[row], matrix[row]).share == 1.0


@settings(max_examples=150, deadline=None)
@given(positions_matrices)
def test_the_matrix_agrees_with_the_pairwise_measure(matrix):
    agreed, compared = analytics.agreement_counts(matrix)
    for i in range(matrix.shape[0]):
        for j in range(matrix.shape[0]):
            pair = analytics.agreement(matrix[i], matrix[j])
            assert (agreed[i, j], compared[i, j]) == (pair.agreed, pair.compared)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from([Y, A, N]), min_size=1, max_size=20),
    st.integers(2, 6),
    st.data(),
)
def test_cohesion_is_one_when_a_group_votes_as_one(line, size, data):
    group = np.array([line] * size, dtype=np.int8)
    # Some members absent from some roll calls; those present vote alike.
    for row in range(1, size):
        for column in range(len(line)):
            if data.draw(st.booleans()):
                group[row, column] = 0
    result = analytics.cohesion(group)
    assert result.roll_calls == 0 or result.index == 1.0


@settings(max_examples=100, deadline=None)
@given(positions_matrices)
def test_cohesion_lies_between_zero_and_one(matrix):
    result = analytics.cohesion(matrix)
    assert result.index is None or 0.0 <= result.index <= 1.0


def test_a_state_is_outvoted_when_the_other_side_of_yes_and_no_had_more_votes():
    # rc1: 2 yes 1 no -> State 2 outvoted; rc2: 1 yes 1 no -> a tie, nobody counted;
    # rc3: 2 no (abstain aside) -> nobody outvoted; rc4: abstentions only -> not counted.
    lost, counted = analytics.outvoted(THREE)
    assert lost.tolist() == [0, 0, 1]
    assert counted.tolist() == [2, 2, 1]


def test_each_member_is_compared_with_its_groups_majority():
    # Majorities: rc1 yes, rc2 none (a tie), rc3 no, rc4 abstain.
    assert analytics.group_majority(THREE).tolist() == [Y, 0, N, A]
    assert analytics.agreement_with_majority(THREE) == [
        analytics.Agreement(agreed=3, compared=3),
        analytics.Agreement(agreed=2, compared=2),
        analytics.Agreement(agreed=1, compared=3),
    ]


def test_ideal_points_put_states_that_vote_alike_together_and_blocs_apart():
    blocs = np.array(
        [
            [Y, Y, N, Y, A],
            [Y, Y, N, Y, A],
            [Y, Y, N, _, A],
            [N, N, Y, N, Y],
            [N, N, Y, N, Y],
        ],
        dtype=np.int8,
    )
    points = analytics.ideal_points(*analytics.agreement_counts(blocs))
    assert points[0] == pytest.approx(points[1]) == pytest.approx(points[2])
    assert points[3] == pytest.approx(points[4])
    assert np.sign(points[0]) != np.sign(points[3])
    # The sign is fixed: the coordinate furthest from 0 is positive.
    assert points[np.argmax(np.abs(points))] > 0
