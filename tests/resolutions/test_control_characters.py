"""A resolution file carrying control characters is stored without them, so its
page, its JSON and its Akoma Ntoso XML all come out."""

import pytest
from lxml import etree

from solidarity.resolutions import services
from solidarity.resolutions.parsing import parse_bytes
from tests.conftest import SEED

pytestmark = pytest.mark.django_db


def test_a_resolution_file_with_control_characters_is_stored_clean_and_exports_as_xml(client):
    data = SEED.read_bytes().replace(
        b"international solidarity", b"international\x07 solidarity\x1b", 3
    )
    document = parse_bytes(data, source=SEED.name).document.to_dict()
    resolution, _ = services.resolution_ingest(
        actor=None, document=document, source_name=SEED.name, source_data=data
    )
    resolution.refresh_from_db()
    assert "\x07" not in str(resolution.document) and "\x1b" not in str(resolution.document)
    assert "international solidarity" in str(resolution.document)

    response = client.get(resolution.get_absolute_url() + "resolution.akn.xml")
    assert response.status_code == 200
    etree.fromstring(response.content)  # well-formed
