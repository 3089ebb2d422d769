"""Special sessions, parts and decisions, from the upload to the page, the API and Akoma Ntoso.

The secretariat uploads ES-11/1, the two parts of 78/262 and a Council decision;
a visitor finds each under its own symbol, at one address, labelled as the UN
numbers it; a decision says it is one.
"""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from lxml import etree

from solidarity.resolutions import akomantoso, services
from solidarity.resolutions.akomantoso import AKN_NS
from solidarity.resolutions.models import Resolution
from solidarity.resolutions.parsing import parse_file, parse_text
from tests.resolutions.parsing.test_symbol_forms import (
    COUNCIL_DECISION,
    FORMS,
    assembly_part,
    council_special_session,
)

pytestmark = pytest.mark.django_db
NS = {"akn": AKN_NS}
AGGRESSION = FORMS / "A-RES-ES-11-1.txt"


def _ingest(document: dict) -> Resolution:
    resolution, _ = services.resolution_ingest(actor=None, document=document)
    return resolution


@pytest.fixture
def parts():
    """Parts A and B of 78/262, stored B first (the list must still put A first)."""
    stored = [_ingest(parse_text(assembly_part(letter)).document.to_dict()) for letter in "BA"]
    return stored[::-1]


@pytest.fixture
def decision():
    return _ingest(parse_text(COUNCIL_DECISION).document.to_dict())


def test_the_secretariat_uploads_an_emergency_special_session_resolution(personas):
    response = personas["secretariat"].post(
        "/resolutions/ingest/",
        {"file": SimpleUploadedFile(AGGRESSION.name, AGGRESSION.read_bytes(), "text/plain")},
    )
    assert response.status_code == 302
    assert response["Location"] == "/resolutions/A/RES/ES-11/1/"
    stored = Resolution.objects.get(symbol="A/RES/ES-11/1")
    assert (stored.body, stored.session, stored.session_type, stored.number) == (
        "GA",
        11,
        "emergency_special",
        1,
    )
    html = personas["anonymous"].get(response["Location"]).content.decode()
    assert "ES-11/1. Aggression against Ukraine" in html
    assert "General Assembly, emergency special session 11" in html
    assert html.count('class="paragraph operative"') == 16


def test_a_council_special_session_resolution_has_its_own_page_and_api_document(client):
    _ingest(parse_text(council_special_session()).document.to_dict())
    html = client.get("/resolutions/A/HRC/RES/S-17/1/").content.decode()
    assert "S-17/1. The human rights situation in the Syrian Arab Republic" in html
    assert "Human Rights Council, special session 17" in html
    data = client.get("/api/v1/resolutions/A/HRC/RES/S-17/1").json()
    assert (data["symbol"], data["session_type"]) == ("A/HRC/RES/S-17/1", "special")
    # Session 17's regular resolution 1 is another text, not this one.
    assert client.get("/resolutions/A/HRC/RES/17/1/").status_code == 404


def test_each_part_has_its_address_without_the_space_and_the_printed_form_redirects(client, parts):
    assert [part.get_absolute_url() for part in parts] == [
        "/resolutions/A/RES/78/262A/",
        "/resolutions/A/RES/78/262B/",
    ]
    page = client.get("/resolutions/A/RES/78/262B/").content.decode()
    assert "78/262 B. Questions relating to the programme budget" in page
    assert "<code>A/RES/78/262 B</code>" in page
    moved = client.get("/resolutions/A/RES/78/262%20B/")
    assert (moved.status_code, moved["Location"]) == (301, "/resolutions/A/RES/78/262B/")
    moved = client.get("/resolutions/A/RES/78/262%20A/resolution.json?x=1")
    assert moved["Location"] == "/resolutions/A/RES/78/262A/resolution.json?x=1"
    assert client.get("/resolutions/A/RES/78/262C/").status_code == 404
    assert client.get("/resolutions/A/RES/78/262/").status_code == 404


def test_the_api_finds_a_part_by_either_spelling(client, parts):
    for spelling in ("A/RES/78/262B", "A/RES/78/262%20B"):
        data = client.get(f"/api/v1/resolutions/{spelling}").json()
        assert (data["symbol"], data["part"]) == ("A/RES/78/262 B", "B")
    akn = client.get("/api/v1/resolutions/A/RES/78/262A/akn")
    assert akomantoso.from_akn(akn.content)["symbol"] == "A/RES/78/262 A"


def test_the_list_shows_both_parts_a_before_b_and_labels_them(client, parts):
    html = client.get("/resolutions/").content.decode()
    assert html.index("78/262 A. Questions") < html.index("78/262 B. Questions")
    listed = client.get("/api/v1/resolutions?body=GA").json()
    assert [(r["symbol"], r["part"], r["kind"]) for r in listed] == [
        ("A/RES/78/262 A", "A", "resolution"),
        ("A/RES/78/262 B", "B", "resolution"),
    ]
    csv = client.get("/resolutions/?format=csv").streaming_content
    lines = b"".join(csv).decode("utf-8-sig").strip().splitlines()
    assert [line.split(",")[0] for line in lines[1:]] == ["A/RES/78/262 A", "A/RES/78/262 B"]


def test_the_same_symbol_spelt_without_its_space_is_the_same_resolution(parts):
    document = parse_text(assembly_part("A")).document.to_dict()
    document["symbol"] = "A/RES/78/262A"
    resolution, created = services.resolution_ingest(actor=None, document=document)
    assert not created and resolution.pk == parts[0].pk
    assert Resolution.objects.filter(session=78, number=262).count() == 2


def test_a_decision_says_it_is_a_decision_on_its_page_and_in_lists(client, decision):
    assert decision.kind == "decision" and decision.number == 101
    html = client.get("/resolutions/A/HRC/DEC/56/101/").content.decode()
    assert "56/101. Outcome of the universal periodic review: Norway" in html
    assert '<span class="tag">decision</span>' in html
    assert html.count('class="paragraph operative"') == 1
    data = client.get("/api/v1/resolutions/A/HRC/DEC/56/101").json()
    assert data["kind"] == "decision"
    only_decisions = client.get("/api/v1/resolutions?kind=decision").json()
    assert [r["symbol"] for r in only_decisions] == ["A/HRC/DEC/56/101"]
    listed = client.get("/resolutions/?kind=resolution").content.decode()
    assert "56/101." not in listed


def test_a_decision_and_a_resolution_of_the_same_number_are_two_texts(decision):
    document = parse_text(COUNCIL_DECISION).document.to_dict()
    document.pop("kind")
    document["symbol"] = "A/HRC/RES/56/101"
    _ingest(document)
    assert Resolution.objects.filter(session=56, number=101).count() == 2


def _frbr(xml: bytes) -> tuple[str, str, str, str]:
    root = etree.fromstring(xml)

    def value(path: str) -> str:
        (element,) = root.xpath(path, namespaces=NS)
        return element.get("value") if element.get("value") is not None else element.text

    return (
        value("//akn:FRBRWork/akn:FRBRuri"),
        value("//akn:FRBRWork/akn:FRBRnumber"),
        "".join(root.xpath("//akn:preface//akn:session", namespaces=NS)[0].itertext()),
        root.xpath("/akn:akomaNtoso/akn:statement", namespaces=NS)[0].get("name"),
    )


def test_akoma_ntoso_identifies_an_emergency_special_session_resolution():
    document = parse_file(AGGRESSION).document.to_dict()
    xml = akomantoso.to_akn(document)
    assert akomantoso.validate(xml) == []
    assert _frbr(xml) == (
        "/akn/un/statement/deliberation/un-ga/2022-03-02/ES-11-1",
        "ES-11-1",
        "Eleventh emergency special session",
        "resolution",
    )
    assert akomantoso.from_akn(xml) == document


def test_akoma_ntoso_identifies_a_special_session_a_part_and_a_decision():
    cases = [
        (
            parse_text(council_special_session()).document.to_dict(),
            "/akn/un/statement/deliberation/un-hrc/2011-08-22/S-17-1",
            "Seventeenth special session",
            "resolution",
        ),
        (
            parse_text(assembly_part("B")).document.to_dict(),
            "/akn/un/statement/deliberation/un-ga/2023-12-22/78-262-B",
            "Seventy-eighth session",
            "resolution",
        ),
        (
            parse_text(COUNCIL_DECISION).document.to_dict(),
            "/akn/un/statement/decision/un-hrc/2024-07-04/56-101",
            "Fifty-sixth session",
            "decision",
        ),
    ]
    for document, work, session, name in cases:
        xml = akomantoso.to_akn(document)
        assert akomantoso.validate(xml) == [], work
        uri, number, printed_session, statement = _frbr(xml)
        assert (uri, number, printed_session, statement) == (
            work,
            work.rsplit("/", 1)[1],
            session,
            name,
        )
        assert akomantoso.from_akn(xml) == document


def test_akoma_ntoso_links_a_cited_part_and_special_session_to_their_symbols():
    document = parse_text(council_special_session()).document.to_dict()
    document["preambular_paragraphs"][0]["text"] = (
        "Guided by General Assembly resolution 78/262 A and its resolution S-16/1,"
    )
    document["references"] = [
        {"kind": "resolution", "cited": "GA 78/262 A", "paragraphs": ["pp-1"]},
        {"kind": "resolution", "cited": "HRC S-16/1", "paragraphs": ["pp-1"]},
    ]
    root = etree.fromstring(akomantoso.to_akn(document))
    links = {
        "".join(ref.itertext()): ref.get("href")
        for ref in root.xpath("//akn:preamble//akn:ref", namespaces=NS)
    }
    assert links == {
        "78/262 A": "https://undocs.org/A/RES/78/262%20A",
        "S-16/1": "https://undocs.org/A/HRC/RES/S-16/1",
    }
