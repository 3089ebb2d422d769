"""The life of a visit request, read from its log without a database."""

import datetime as dt

import pytest

from solidarity.visits import figures, lifecycle
from solidarity.visits.lifecycle import Event, StepRefused, replay, step


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


REQUEST_TO_VISIT = [
    Event("requested", d("2024-01-10")),
    Event("reminder_sent", d("2024-04-10")),
    Event("reminder_sent", d("2024-07-10")),
    Event("acknowledged", d("2024-08-01")),
    Event("accepted", d("2024-09-15"), d("2025-03-03"), d("2025-03-12")),
    Event("underway", d("2025-03-03")),
    Event("completed", d("2025-03-12")),
]


def test_a_request_accepted_and_carried_out_reads_as_a_completed_visit_with_its_figures():
    history = replay(REQUEST_TO_VISIT)
    assert history.status == "completed"
    assert history.requested_on == d("2024-01-10")
    # First reply: the acknowledgement of 1 August 2024, 204 days after 10 January 2024
    # (21 days left of January, then 29 + 31 + 30 + 31 + 30 + 31 = 182, then 1 of August).
    assert history.first_reply_on == d("2024-08-01")
    assert history.days_to_first_reply == 21 + 182 + 1
    assert history.reminders == 2
    assert history.completed_visits == [(d("2025-03-03"), d("2025-03-12"))]


def test_a_reminder_counts_but_leaves_the_status_as_it_was():
    history = replay(REQUEST_TO_VISIT[:3])
    assert history.status == "requested"
    assert history.reminders == 2
    assert history.first_reply_on is None
    # 10 January to 1 March 2024: 21 + 29 + 1 days.
    assert history.days_pending(d("2024-03-01")) == 51


def test_a_visit_cannot_be_completed_before_the_state_accepted_it():
    history = replay(REQUEST_TO_VISIT[:4])  # acknowledged only
    with pytest.raises(StepRefused) as refusal:
        step(history, Event("completed", d("2024-09-01")))
    assert "completed only after it was underway" in str(refusal.value)
    assert "request acknowledged" in str(refusal.value)


def test_a_visit_cannot_start_before_acceptance_and_the_refusal_says_so():
    history = replay(REQUEST_TO_VISIT[:1])
    with pytest.raises(StepRefused) as refusal:
        step(history, Event("underway", d("2024-02-01")))
    assert "only after the State accepted it or invited the Expert" in str(refusal.value)


def test_dates_proposed_before_acceptance_do_not_let_the_visit_start():
    history = replay([Event("requested", d("2024-01-10"))])
    history = step(history, Event("dates_proposed", d("2024-02-01"), d("2024-06-01")))
    assert "underway" not in lifecycle.next_events(history)
    with pytest.raises(StepRefused):
        step(history, Event("underway", d("2024-06-01")))
    history = step(history, Event("accepted", d("2024-03-01")))
    assert step(history, Event("underway", d("2024-06-01"))).status == "underway"


def test_an_event_dated_before_the_last_one_is_refused():
    history = replay(REQUEST_TO_VISIT[:2])
    with pytest.raises(StepRefused, match="before the last one recorded"):
        step(history, Event("acknowledged", d("2024-03-01")))


def test_there_is_no_answer_before_a_request_and_no_second_request_while_one_is_open():
    with pytest.raises(StepRefused, match="There is no request yet"):
        step(lifecycle.History(), Event("accepted", d("2024-01-01")))
    with pytest.raises(StepRefused, match="A request is already open"):
        replay([Event("requested", d("2024-01-10")), Event("requested", d("2024-02-10"))])


def test_no_reminder_once_the_state_agreed():
    history = replay(REQUEST_TO_VISIT[:5])
    with pytest.raises(StepRefused, match="A reminder is sent only while the State has not agreed"):
        step(history, Event("reminder_sent", d("2024-10-01")))


def test_a_new_request_after_a_refusal_starts_its_own_figures():
    history = replay(
        [
            Event("requested", d("2020-05-01")),
            Event("reminder_sent", d("2020-08-01")),
            Event("declined", d("2020-09-01")),
            Event("requested", d("2023-01-02")),
        ]
    )
    assert history.status == "requested"
    assert history.requested_on == d("2023-01-02")
    assert history.reminders == 0
    assert history.first_reply_on is None


def test_an_invitation_of_the_state_is_its_own_first_reply():
    history = replay([Event("invited", d("2024-05-05"))])
    assert history.status == "invited"
    assert history.days_to_first_reply == 0
    assert lifecycle.view_of(history.status) == "forthcoming"


def test_a_reminder_falls_due_after_the_chosen_days_without_news():
    history = replay(REQUEST_TO_VISIT[:2])
    assert not lifecycle.reminder_due(history, d("2024-04-10"), d("2024-07-08"), 90)
    assert lifecycle.reminder_due(history, d("2024-04-10"), d("2024-07-09"), 90)
    accepted = replay(REQUEST_TO_VISIT[:5])
    assert not lifecycle.reminder_due(accepted, d("2024-09-15"), d("2026-01-01"), 90)


def test_response_rate_and_delays_by_regional_group_on_hand_worked_numbers():
    today = d("2024-12-31")
    african_1 = replay([Event("requested", d("2024-01-01")), Event("accepted", d("2024-01-31"))])
    african_2 = replay([Event("requested", d("2024-03-01")), Event("declined", d("2024-03-11"))])
    african_3 = replay(
        [
            Event("requested", d("2024-06-01")),
            Event("reminder_sent", d("2024-09-01")),
            Event("reminder_sent", d("2024-12-01")),
        ]
    )
    weog = replay([Event("requested", d("2024-02-01"))])
    rows = [
        ("African", african_1),
        ("African", african_2),
        ("African", african_3),
        ("Western European and other", weog),
    ]
    african, western = figures.by_group(rows, today)
    assert african.group == "African"
    assert (african.requests, african.answered, african.reminders) == (3, 2, 2)
    assert african.response_rate == 66.7  # 2 of 3
    assert african.mean_days_to_first_reply == 20.0  # (30 + 10) / 2
    assert african.median_days_to_first_reply == 20.0
    assert african.pending == 1  # the third request: a declined one waits no more
    assert western.response_rate == 0.0
    assert western.mean_days_to_first_reply is None
    everyone = figures.overall(rows, today)
    assert everyone.requests == 4 and everyone.response_rate == 50.0
