"""The demonstration data: one open call, one closed call with published submissions, all
marked as examples."""

from __future__ import annotations

import io
import zipfile

import pytest

from solidarity.calls import demo
from solidarity.calls.extraction import pdf_text
from solidarity.calls.models import Call, CallStatus, PublishedArchive
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def test_the_demo_has_an_open_call_and_a_closed_one_with_published_examples(
    secretariat, focal_point_a, contributor_x, resolution_56_4
):
    assert demo.load() == 2
    assert demo.load() == 0  # once
    statuses = {call.slug: call.status for call in Call.objects.all()}
    assert sorted(statuses.values()) == [CallStatus.CLOSED, CallStatus.OPEN]
    assert all(call.example for call in Call.objects.all())
    closed = Call.objects.get(slug="example-solidarity-and-pandemics")
    published = closed.submissions.filter(published_at__isnull=False)
    assert published.count() == 2
    page = client_for(None).get(closed.get_absolute_url()).content.decode()
    assert "An example" in page and "Name withheld" in page
    archive = PublishedArchive.objects.get(call=closed)
    with zipfile.ZipFile(io.BytesIO(bytes(archive.zip_data))) as package:
        assert sum(name.endswith(".pdf") for name in package.namelist()) == 2
    found = client_for(None).get("/calls/search/?q=preparedness").content.decode()
    assert "2 submissions found" in found


def test_the_demo_pdf_has_a_text_layer():
    assert "Hello (world)" in pdf_text(demo.simple_pdf(["Hello (world)", "second line"]))
