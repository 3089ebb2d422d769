"""A visitor looks up States in the browser and through the open API."""

import csv
import io

import pytest

pytestmark = pytest.mark.django_db


def test_a_visitor_filters_states_by_regional_group(client):
    page = client.get("/countries/?group=Eastern%20European").content.decode()
    assert "23 States" in page
    assert "Georgia" in page and "Germany" not in page


def test_a_visitor_searches_states_by_name_or_code(client):
    page = client.get("/countries/?q=NLD").content.decode()
    assert "Netherlands (Kingdom of the)" in page and "1 State" in page


def test_a_state_page_shows_its_group_and_years_on_the_council(client):
    page = client.get("/countries/CUB/").content.decode()
    assert "Latin American and Caribbean States" in page
    assert "2024" in page and "2006" in page


def test_an_unknown_code_is_a_page_not_found(client):
    assert client.get("/countries/XYZ/").status_code == 404


def test_the_country_list_costs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        client.get("/countries/")


def test_the_api_lists_states_and_exports_csv(client):
    data = client.get("/api/v1/countries?group=African").json()
    assert len(data) == 54
    assert {
        "iso3": "DZA",
        "iso2": "DZ",
        "un_name": "Algeria",
        "status": "member",
        "regional_group": "African",
    } in data
    response = client.get("/api/v1/countries?format=csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[0] == ["iso3", "iso2", "un_name", "status", "regional_group"]
    assert len(rows) == 196


def test_the_api_gives_a_state_with_its_council_years(client):
    data = client.get("/api/v1/countries/nld").json()
    assert data["un_name"] == "Netherlands (Kingdom of the)"
    assert 2024 in data["council_years"]


def test_the_api_resolves_a_printed_name_or_says_why_not(client):
    assert client.get("/api/v1/countries/resolve", {"name": "Türkiye"}).json()["iso3"] == "TUR"
    missing = client.get("/api/v1/countries/resolve", {"name": "Atlantis"})
    assert missing.status_code == 404
    assert "unknown country name 'Atlantis'" in missing.json()["detail"]


def test_the_openapi_document_describes_the_country_endpoints(client):
    spec = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/countries" in spec["paths"]
    assert "/api/v1/countries/{iso3}" in spec["paths"]


def test_pages_in_arabic_are_laid_out_right_to_left(client):
    html = client.get("/ar/countries/").content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    english = client.get("/countries/").content.decode()
    assert '<html lang="en" dir="ltr">' in english
    assert 'href="/ar/countries/"' in english


def test_organizations_download_as_csv(client, organization_x):
    response = client.get("/api/v1/organizations?format=csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows == [
        ["slug", "name", "type", "website", "countries"],
        ["organization-x", "Organization X", "ngo", "", "KEN"],
    ]


def test_the_openapi_document_is_strict_json_that_documentation_tools_can_read(client):
    duplicates = []

    def refuse_duplicates(pairs):
        keys = [key for key, _ in pairs]
        duplicates.extend(key for key in set(keys) if keys.count(key) > 1)
        return dict(pairs)

    import json

    spec = json.loads(
        client.get("/api/v1/openapi.json").content, object_pairs_hook=refuse_duplicates
    )
    assert duplicates == []
    assert spec["openapi"].startswith("3.")
    docs = client.get("/api/v1/docs").content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in docs and "cdn" not in docs.lower()
