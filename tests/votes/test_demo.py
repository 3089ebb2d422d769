"""The demonstration queues the import of Voeten's data instead of waiting for it."""

from __future__ import annotations

import pytest

from solidarity.votes import demo
from solidarity.votes.models import RollCall, Source
from tests.votes.test_import import small_folder

pytestmark = pytest.mark.django_db


def test_the_demo_queues_voeten_data_for_the_job_queue_and_does_not_wait_for_it(
    tmp_path, client, django_capture_on_commit_callbacks
):
    folder = str(small_folder(tmp_path))
    with django_capture_on_commit_callbacks() as queued:
        assert demo.load(folder=folder) == 1
    # Nothing imported while the demonstration runs: the first page answers at once.
    assert not RollCall.objects.exists()
    assert client.get("/votes/").status_code == 200
    # The job, queued when the demonstration commits, imports the data (tests run jobs at once).
    assert len(queued) == 1
    queued[0]()
    assert RollCall.objects.filter(source=Source.UNVOTES).count() == 2
    assert "Erik Voeten" in client.get("/votes/").content.decode()
    # A second run queues nothing.
    with django_capture_on_commit_callbacks() as again:
        assert demo.load(folder=folder) == 0
    assert again == []
