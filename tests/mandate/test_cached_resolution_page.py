"""What the mandate adds to a resolution's page shows at once, though the page is kept."""

from __future__ import annotations

import pytest
from django.test import Client

from solidarity.mandate import services
from solidarity.mandate.models import Task

pytestmark = pytest.mark.django_db

PAGE = "/resolutions/A/HRC/RES/56/4/"


def page() -> str:
    return Client().get(PAGE).content.decode()


def test_the_secretariat_confirms_a_task_and_the_resolutions_page_says_so(stored_56_4, secretariat):
    unconfirmed = page().count("not yet confirmed")
    assert unconfirmed >= 1
    services.task_confirm(actor=secretariat, task=Task.objects.filter(withdrawn=False).first())
    assert page().count("not yet confirmed") == unconfirmed - 1


def test_the_secretariat_sets_a_tasks_status_and_the_resolutions_page_shows_it(
    stored_56_4, secretariat
):
    task = Task.objects.filter(withdrawn=False).order_by("paragraph_number").first()
    assert f'{task.get_absolute_url()}">done</a>' not in page()
    services.task_set_status(actor=secretariat, task=task, status="done")
    assert f'{task.get_absolute_url()}">done</a>' in page()


def test_a_report_the_resolution_cites_is_recorded_and_its_footnote_links_to_it(
    stored_56_4, mandate
):
    assert "A/HRC/56/57" in page()
    report = services.document_save(
        actor=None,
        mandate=mandate,
        symbol="A/HRC/56/57",
        title="Participation of civil society organizations",
        body="HRC",
        session=56,
    )
    assert f'href="{report.get_absolute_url()}"' in page()  # was text only before
