"""Each page prints a date in its language's one format; the data and forms keep ISO."""

import json
import re

import pytest

from solidarity.practices import services
from tests.conftest import client_for, practice_content

pytestmark = pytest.mark.django_db


def _visible(html: str) -> str:
    """The text a reader sees: no tags, so no attribute (datetime="...") is counted."""
    return re.sub(r"<[^>]+>", " ", html)


@pytest.fixture
def practice(secretariat):
    [made] = services.practices_import(
        actor=secretariat,
        records=[
            practice_content(period={"start": "2023-11-30", "end": "2024-07-10", "ongoing": False})
        ],
    )
    return made


@pytest.mark.parametrize(
    ("prefix", "start", "end"),
    [
        ("", "30 November 2023", "10 July 2024"),
        ("/fr", "30 novembre 2023", "10 juillet 2024"),
        ("/es", "30 de noviembre de 2023", "10 de julio de 2024"),
    ],
)
def test_a_practices_period_is_printed_as_its_language_prints_dates(
    client, practice, prefix, start, end
):
    html = client.get(f"{prefix}/practices/{practice.pk}/").content.decode()
    assert '<time datetime="2023-11-30">' in html
    seen = _visible(html)
    assert start in seen and end in seen
    assert "2023-11-30" not in seen


def test_the_resolution_and_the_practice_print_dates_alike(client, practice, resolution_56_4):
    practice_page = _visible(client.get(f"/practices/{practice.pk}/").content.decode())
    resolution_page = _visible(client.get("/resolutions/A/HRC/RES/56/4/").content.decode())
    assert "10 July 2024" in practice_page and "10 July 2024" in resolution_page


def test_the_api_and_the_form_keep_iso_dates(client, practice, secretariat):
    record = json.loads(client.get(f"/api/v1/practices/{practice.pk}").content)
    assert record["period"]["start"] == "2023-11-30"
    form = client_for(secretariat).get(f"/practices/{practice.pk}/edit/").content.decode()
    assert 'value="2023-11-30"' in form


def test_the_audit_trail_prints_its_times_in_the_pages_language(personas, practice):
    page = _visible(personas["secretariat"].get("/fr/audit/").content.decode())
    assert not re.search(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", page)
