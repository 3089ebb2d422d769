"""The desk: where each person starts once signed in."""

import datetime as dt

import pytest
from django.utils import timezone

from solidarity.mandate import services
from solidarity.mandate.models import Body
from tests.conftest import client_for, practice_content


@pytest.mark.django_db
def test_the_desk_shows_what_falls_due_in_90_days_and_tasks_by_status(stored_56_4, secretariat):
    today = timezone.localdate()
    for days, title in ((30, "Due soon"), (120, "Due later"), (-1, "Overdue yesterday")):
        services.deliverable_save(
            actor=None,
            mandate=stored_56_4.mandate_tasks.first().mandate,
            body=Body.HRC,
            session=63,
            title=title,
            due_on=today + dt.timedelta(days=days),
        )
    page = client_for(secretariat).get("/desk/").content.decode()
    due = page.split('id="due"')[1].split("</ul>")[0]
    assert "Due soon" in due and "Due later" not in due and "Overdue" not in due
    counts = page.split('id="task-counts"')[1].split("</ul>")[0]
    # 56/4: six tasks asked "regularly" or "continue to" are ongoing, two open.
    assert '?status=ongoing">ongoing</a>: 6' in counts
    assert '?status=open">open</a>: 2' in counts


@pytest.mark.django_db
def test_reviewers_see_the_practice_review_queue_with_its_count(
    mandate, reviewer, contributor_x, focal_point_a
):
    from solidarity.practices import services as practices
    from solidarity.practices.validation import clean_content

    fields = clean_content(
        practice_content(),
        theme_codes=practices.theme_codes(),
        country_codes=practices.country_codes(),
    )
    practice, _ = practices.practice_create(actor=contributor_x, fields=fields)
    practices.practice_submit(actor=contributor_x, practice=practice)
    page = client_for(reviewer).get("/desk/").content.decode()
    assert 'href="/practices/review/">1 practice waiting for a decision' in page
    assert "/practices/review/" not in client_for(focal_point_a).get("/desk/").content.decode()


@pytest.mark.django_db
def test_the_desk_is_for_people_signed_in_and_linked_from_the_header(mandate, focal_point_a):
    assert client_for(None).get("/desk/")["Location"] == "/accounts/login/?next=/desk/"
    assert 'href="/desk/"' in client_for(focal_point_a).get("/").content.decode()
    assert 'href="/desk/"' not in client_for(None).get("/").content.decode()


@pytest.mark.django_db
def test_the_desk_offers_what_the_calls_visits_and_engagements_areas_expose(
    mandate, secretariat, focal_point_a
):
    page = client_for(secretariat).get("/desk/").content.decode()
    assert 'href="/calls/">Open calls for input</a>' in page
    assert 'href="/visits/desk/">Visit requests: reminders due</a>' in page
    assert 'href="/engagements/">Engagements in the next 90 days</a>' in page
    # A State's focal point is offered their State's requests, not the secretariat's reminders.
    theirs = client_for(focal_point_a).get("/desk/").content.decode()
    assert "reminders due" not in theirs
    assert f'href="/visits/{focal_point_a.country_id}/">Your State' in theirs
