"""Storing a resolution of the mandate's series makes its tasks; the secretariat confirms them."""

import copy

import pytest

from solidarity.core.models import AuditEntry
from solidarity.mandate.models import Task, TaskStatus
from solidarity.resolutions import services as resolution_services
from tests.conftest import client_for


def _task(number: int) -> Task:
    return Task.objects.get(resolution__symbol="A/HRC/RES/56/4", paragraph_number=number)


@pytest.mark.django_db
def test_storing_56_4_yields_the_experts_tasks_and_the_states_each_linked_to_its_paragraph(
    stored_56_4,
):
    by_number = {t.paragraph_number: t for t in Task.objects.all()}
    assert [n for n, t in sorted(by_number.items()) if "Independent Expert" in t.addressees] == [
        14,
        15,
        16,
        18,
        19,
    ]
    assert by_number[13].addressees[0] == "States"
    assert by_number[13].paragraph.number == 13
    assert by_number[13].paragraph_url == "/resolutions/A/HRC/RES/56/4/#op-13"
    assert by_number[19].status == TaskStatus.ONGOING
    assert not any(t.is_confirmed for t in by_number.values())


@pytest.mark.django_db
def test_a_resolution_outside_the_series_makes_no_task(mandate, seed_document):
    other = copy.deepcopy(seed_document)
    other["symbol"] = "A/HRC/RES/56/9"
    other["title"] = "The right to development"
    resolution_services.resolution_ingest(actor=None, document=other)
    assert not Task.objects.exists()


@pytest.mark.django_db
def test_the_secretariat_confirms_a_task_with_a_correction_that_survives_a_reingest(
    stored_56_4, secretariat, seed_document
):
    task = _task(19)
    client = client_for(secretariat)
    page = client.get(f"/mandate/tasks/{task.pk}/")
    assert page.status_code == 200
    assert 'href="/resolutions/A/HRC/RES/56/4/#op-19"' in page.content.decode()
    response = client.post(
        f"/mandate/tasks/{task.pk}/confirm/",
        {
            "addressees": "Independent Expert",
            "action": "Report to the Council each September and to the Assembly each October",
            "target_session": "",
            "target_date": "",
            "frequency": "annually",
        },
    )
    assert response.status_code == 302
    task.refresh_from_db()
    assert task.is_confirmed and task.confirmed_by == secretariat
    assert sorted(task.corrected) == ["action", "frequency"]
    assert AuditEntry.objects.filter(action="mandate.task.confirm").count() == 1

    # The same resolution stored again, its paragraph 19 read afresh.
    resolution_services.resolution_ingest(actor=None, document=copy.deepcopy(seed_document))
    task.refresh_from_db()
    assert task.action.startswith("Report to the Council each September")
    assert task.frequency == "annually"
    assert task.is_confirmed
    # What was not corrected still follows the text.
    assert task.addressees == ["Independent Expert"]
    assert task.extracted["action"].startswith("report regularly")


@pytest.mark.django_db
def test_a_paragraph_that_no_longer_asks_keeps_its_confirmed_task_marked_withdrawn(
    stored_56_4, secretariat, seed_document
):
    from solidarity.mandate import services

    services.task_confirm(actor=secretariat, task=_task(16))
    changed = copy.deepcopy(seed_document)
    for p in changed["operative_paragraphs"]:
        if p["number"] in (16, 15):
            p["text"] = "Decides to remain seized of the matter;"
            p["lead"] = "Decides"
            p["addressees"] = []
    resolution_services.resolution_ingest(actor=None, document=changed)
    assert _task(16).withdrawn
    assert not Task.objects.filter(paragraph_number=15).exists()  # never confirmed: removed


@pytest.mark.django_db
def test_only_the_secretariat_confirms_tasks(stored_56_4, reviewer, focal_point_a):
    task = _task(13)
    for person in (reviewer, focal_point_a, None):
        response = client_for(person).post(
            f"/mandate/tasks/{task.pk}/confirm/",
            {"addressees": "States", "action": "x", "frequency": "once"},
        )
        assert response.status_code == 403
    assert not _task(13).is_confirmed
    assert "Confirm or correct" not in client_for(reviewer).get(task.get_absolute_url()).text


@pytest.mark.django_db
def test_a_wrong_correction_is_refused_and_nothing_changes(stored_56_4, secretariat):
    task = _task(14)
    response = client_for(secretariat).post(
        f"/mandate/tasks/{task.pk}/confirm/",
        {"addressees": " , ", "action": "participate", "frequency": "once", "target_date": "soon"},
    )
    assert response.status_code == 400
    assert not _task(14).is_confirmed


@pytest.mark.django_db
def test_status_and_evidence_are_recorded(stored_56_4, secretariat):
    task = _task(19)
    response = client_for(secretariat).post(
        f"/mandate/tasks/{task.pk}/status/",
        {
            "status": "in_progress",
            "evidence": "Report to the Council | /mandate/documents/A/HRC/56/57/",
        },
    )
    assert response.status_code == 302
    task.refresh_from_db()
    assert task.status == "in_progress"
    assert task.evidence == [
        {"label": "Report to the Council", "url": "/mandate/documents/A/HRC/56/57/"}
    ]
    refused = client_for(secretariat).post(
        f"/mandate/tasks/{task.pk}/status/",
        {"status": "done", "evidence": "x | javascript:alert(1)"},
    )
    assert refused.status_code == 400
    task.refresh_from_db()
    assert task.status == "in_progress"


@pytest.mark.django_db
def test_the_task_list_shows_each_task_and_exports_csv(stored_56_4, django_assert_max_num_queries):
    client = client_for(None)
    with django_assert_max_num_queries(6):
        page = client.get("/mandate/tasks/?addressee=Independent+Expert").content.decode()
    assert page.count('<tr><th scope="row"><a href="/mandate/tasks/') == 5
    rows = b"".join(client.get("/mandate/tasks/?format=csv").streaming_content).decode()
    assert rows.count("\r\nA/HRC/RES/56/4,") == 8
    assert "/resolutions/A/HRC/RES/56/4/#op-13" in rows


@pytest.mark.django_db
def test_the_resolutions_page_lists_its_tasks(stored_56_4):
    page = client_for(None).get("/resolutions/A/HRC/RES/56/4/").content.decode()
    assert 'id="tasks"' in page
    assert page.count('href="/mandate/tasks/') == 8
