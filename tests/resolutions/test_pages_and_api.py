"""A visitor reads 56/4 paragraph by paragraph, sees the vote, and downloads it."""

import json

import jsonschema
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from lxml import etree

from solidarity.resolutions import akomantoso, services
from solidarity.resolutions.models import Resolution
from solidarity.resolutions.schema import resolution_schema
from tests.conftest import SEED

pytestmark = pytest.mark.django_db
URL = "/resolutions/A/HRC/RES/56/4/"


def test_the_page_gives_each_paragraph_a_stable_anchor(client, resolution_56_4):
    html = client.get(URL).content.decode()
    assert "56/4. Human rights and international solidarity" in html
    assert html.count('class="paragraph preambular"') == 15
    assert html.count('class="paragraph operative"') == 20
    assert 'id="pp-7"' in html and 'id="op-13"' in html and 'href="#op-13"' in html
    assert "that demand increased coordination" in html


def test_footnotes_are_linked_both_ways(client, resolution_56_4):
    html = client.get(URL).content.decode()
    assert 'href="#fn-1" id="fnref-1-op-12"' in html
    assert 'id="fn-1"' in html and 'href="#fnref-1-op-12"' in html
    assert "A/HRC/56/57." in html


def test_lead_words_and_addressees_are_marked(client, resolution_56_4):
    html = client.get(URL).content.decode()
    assert "<em class='para-lead'>Further requests</em>" in html
    assert '<span class="tag addressee">Independent Expert</span>' in html


def test_the_vote_is_a_table_by_regional_group_and_a_map(client, resolution_56_4):
    html = client.get(URL).content.decode()
    assert "29 in favour" in html and "14 against" in html and "4 abstaining" in html
    assert html.count('href="/countries/') >= 47
    assert 'src="/resolutions/A/HRC/RES/56/4/vote-map.svg?v=' in html
    svg = client.get(URL + "vote-map.svg")
    assert svg["Content-Type"].startswith("image/svg+xml")
    tree = etree.fromstring(b"".join([svg.content]))
    assert tree.tag.endswith("svg")


def test_json_and_akoma_ntoso_downloads(client, resolution_56_4, seed_document):
    data = client.get(URL + "resolution.json").json()
    assert data == seed_document
    jsonschema.validate(data, resolution_schema())
    xml = client.get(URL + "resolution.akn.xml")
    assert xml["Content-Type"] == "application/akn+xml"
    assert akomantoso.validate(xml.content) == []
    assert akomantoso.from_akn(xml.content) == seed_document


def test_the_source_file_is_downloadable_as_it_came(client, resolution_56_4):
    response = client.get(URL + "source")
    assert response.content == SEED.read_bytes()
    assert response["Content-Type"] == "text/markdown"
    assert 'filename="A-HRC-RES-56-4.md"' in response["Content-Disposition"]


def test_an_uploaded_file_name_cannot_break_the_download_header(client, seed_document):
    services.resolution_ingest(
        actor=None,
        document=seed_document,
        source_name='evil"; filename="x.exe.md',
        source_data=SEED.read_bytes() + b"\n",
    )
    header = client.get(URL + "source")["Content-Disposition"]
    assert header.startswith("attachment;") and 'filename="x.exe.md"' not in header


def test_an_unknown_symbol_is_not_found(client, db):
    assert client.get("/resolutions/A/HRC/RES/99/99/").status_code == 404
    assert client.get("/api/v1/resolutions/A/HRC/RES/99/99").status_code == 404


def test_the_list_filters_by_body_year_and_adoption(client, resolution_56_4):
    def found(query):
        return "56/4. Human rights" in client.get("/resolutions/?" + query).content.decode()

    assert found("") and found("body=HRC") and found("year=2024") and found("voted=yes")
    assert not found("body=GA") and not found("year=2023") and not found("voted=no")
    assert found("session=56") and not found("session=55")


def test_searching_paragraphs_finds_stemmed_words_and_links_to_them(client, resolution_56_4):
    html = client.get("/resolutions/?q=pandemic").content.decode()
    assert "<mark>pandemics</mark>" in html or "<mark>pandemic</mark>" in html
    assert 'href="/resolutions/A/HRC/RES/56/4/#op-8"' in html
    phrase = client.get('/resolutions/?q="triangular cooperation"').content.decode()
    assert 'href="/resolutions/A/HRC/RES/56/4/#op-10"' in phrase
    none = client.get("/resolutions/?q=pandemic -solidarity NOT cooperation").content.decode()
    assert "No paragraph matches" in none


def test_any_query_gives_results_or_a_message_never_an_error(client, resolution_56_4):
    for query in ['"', "-", "NOT x", "((", "%", "a" * 400, "🙂"]:
        response = client.get("/resolutions/", {"q": query})
        assert response.status_code == 200, query
    refused = client.get("/resolutions/", {"q": "-solidarity"}).content.decode()
    assert "at least one word" in refused


def test_the_list_downloads_as_csv(client, resolution_56_4):
    body = b"".join(client.get("/resolutions/?format=csv").streaming_content).decode("utf-8-sig")
    lines = body.strip().splitlines()
    assert lines[0] == "symbol,body,session,title,adopted_on,yes,no,abstain"
    assert (
        lines[1]
        == "A/HRC/RES/56/4,HRC,56,Human rights and international solidarity,2024-07-10,29,14,4"
    )


def test_the_list_costs_the_same_queries_however_many_resolutions_match(
    client, resolution_56_4, seed_document
):
    def count_queries():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as captured:
            assert client.get("/resolutions/?q=solidarity").status_code == 200
        return len(captured.captured_queries)

    with_one = count_queries()
    for number in (5, 6, 7):
        document = {**seed_document, "symbol": f"A/HRC/RES/56/{number}"}
        services.resolution_ingest(actor=None, document=document)
    assert count_queries() == with_one <= 7


def test_the_api_lists_and_gives_the_document(client, resolution_56_4, seed_document):
    listed = client.get("/api/v1/resolutions?body=HRC&q=triangular").json()
    assert listed[0]["symbol"] == "A/HRC/RES/56/4"
    assert listed[0]["yes"] == 29 and listed[0]["matching_paragraphs"] == ["op-10"]
    assert client.get("/api/v1/resolutions/A/HRC/RES/56/4").json() == seed_document
    akn = client.get("/api/v1/resolutions/A/HRC/RES/56/4/akn")
    assert akomantoso.validate(akn.content) == []
    assert client.get("/api/v1/resolutions?q=-x").status_code == 400


def test_the_openapi_document_reuses_the_published_json_schema(client, db):
    spec = client.get("/api/v1/openapi.json").json()
    component = spec["components"]["schemas"]["Resolution"]
    assert component["required"] == resolution_schema()["required"]
    operation = spec["paths"]["/api/v1/resolutions/{symbol}"]["get"]
    assert operation["responses"]["200"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Resolution"
    }


def test_the_secretariat_adds_a_resolution_in_the_browser(personas):
    client = personas["secretariat"]
    response = client.post(
        "/resolutions/ingest/",
        {"file": SimpleUploadedFile("56-4.md", SEED.read_bytes(), "text/markdown")},
    )
    assert response.status_code == 302 and response["Location"] == URL
    assert Resolution.objects.filter(symbol="A/HRC/RES/56/4").exists()


def test_a_file_that_is_not_a_resolution_is_refused_with_its_name_and_reason(personas):
    client = personas["secretariat"]
    binary = client.post(
        "/resolutions/ingest/",
        {"file": SimpleUploadedFile("scan.pdf", b"\x00\x01\x02binary" * 50, "application/pdf")},
    )
    assert binary.status_code == 200
    assert "scan.pdf" in binary.content.decode()
    assert not Resolution.objects.exists()


def test_an_oversized_file_is_refused_before_reading(personas):
    client = personas["secretariat"]
    big = SimpleUploadedFile("big.pdf", b"%PDF-1.7\n" + b"0" * (20 * 1024 * 1024 + 1))
    response = client.post("/resolutions/ingest/", {"file": big})
    assert "big.pdf is 20.0 MB; the limit is 20 MB." in response.content.decode()


def test_only_the_secretariat_may_open_the_ingest_page(personas):
    assert personas["secretariat"].get("/resolutions/ingest/").status_code == 200
    for role in ("reviewer", "focal_point", "contributor", "public"):
        assert personas[role].get("/resolutions/ingest/").status_code == 403
    response = personas["anonymous"].get("/resolutions/ingest/")
    assert response["Location"] == "/accounts/login/?next=/resolutions/ingest/"


def test_the_page_and_its_json_twin_say_the_same(client, resolution_56_4):
    html = client.get(URL).content.decode()
    data = json.loads(client.get("/api/v1/resolutions/A/HRC/RES/56/4").content)
    for paragraph in data["operative_paragraphs"]:
        assert f'id="op-{paragraph["number"]}"' in html


def test_a_state_page_shows_how_it_voted(client, resolution_56_4):
    page = client.get("/countries/NLD/").content.decode()
    assert "Votes on resolutions" in page
    assert "In 1 recorded vote: 0 in favour, 1 against, 0 abstaining." in page
    assert 'href="/resolutions/A/HRC/RES/56/4/#vote"' in page
    assert client.get("/api/v1/countries/vnm/votes").json() == [
        {
            "symbol": "A/HRC/RES/56/4",
            "title": "Human rights and international solidarity",
            "adopted_on": "2024-07-10",
            "position": "yes",
        }
    ]
    quiet = client.get("/countries/NOR/").content.decode()
    assert "No recorded vote of this State is stored yet." in quiet


def _more_resolutions(seed_document, sessions):
    for session in sessions:
        services.resolution_ingest(
            actor=None,
            document={**seed_document, "symbol": f"A/HRC/RES/{session}/4", "session": session},
        )


def test_a_filter_and_a_common_word_find_every_match_however_many_resolutions_match(
    client, resolution_56_4, seed_document, monkeypatch
):
    from solidarity.resolutions import selectors

    _more_resolutions(seed_document, [50, 51, 52, 53])
    monkeypatch.setattr(selectors, "MAX_SEARCH_HITS", 2)  # as if thousands matched
    for session in (50, 51, 52, 53, 56):
        listed = client.get(f"/api/v1/resolutions?q=solidarity&session={session}").json()
        assert [r["session"] for r in listed] == [session]
    page = client.get("/resolutions/?q=solidarity").content.decode()
    assert "5 resolutions" in page and "the 2 most relevant are listed" in page


@pytest.mark.parametrize(
    "query",
    [
        "year=10000",
        "year=-5",
        "year=99999999999",
        "session=abc",
        "session=99999999999",
        "page=-1",
        "page=99999",
        "voted=maybe",
        "body=XX",
        "format=csv&year=0",
        "q=" + "%F0%9F%99%82" * 50,
        "q=solidarity%20_",
    ],
)
def test_odd_list_parameters_are_ignored_or_refused_never_an_error(client, resolution_56_4, query):
    assert client.get(f"/resolutions/?{query}").status_code == 200


@pytest.mark.parametrize(
    "query",
    ["year=-1", "year=100000", "offset=99999999999999999999", "limit=-5", "session=0"],
)
def test_odd_api_parameters_are_a_clear_422(client, resolution_56_4, query):
    response = client.get(f"/api/v1/resolutions?{query}")
    assert response.status_code == 422
    assert response.json()["detail"]
