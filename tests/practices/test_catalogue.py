"""Finding practices: words with stemming and operators, facets with counts, feeds, exports."""

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from solidarity.practices import services
from tests.conftest import practice_content

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def catalogue(secretariat):
    """Three published practices that differ in words and facets."""
    records = [
        practice_content(),  # seeds; KEN, ETH, BRA; food + climate; regional; 2019
        practice_content(
            title="Vaccine sharing among island States",
            summary="Small island States pooled vaccine purchases during the pandemic.",
            description="<p>Joint procurement of vaccines.</p>",
            challenge="Small orders were served last.",
            actions="A regional mechanism negotiated together.",
            results="Doses arrived earlier.",
            period={"start": "2021-01-01", "end": "2022-12-31", "ongoing": False},
            level="international",
            actors=[{"name": "A regional body", "type": "igo"}],
            countries=[
                {"country": "FJI", "role": "beneficiary"},
                {"country": "CUB", "role": "provider"},
            ],
            themes=["pandemics_recovery"],
            modalities=["south_south"],
            sdg_goals=[3],
            sdg_targets=["3.8"],
            human_rights=["health"],
        ),
        practice_content(
            title="Solar micro-grids for farming villages",
            summary="Villages run solar micro-grids to pump water for irrigation.",
            description="<p>Solar pumps replaced diesel.</p>",
            challenge="Diesel was costly.",
            actions="Engineers trained village technicians.",
            results="Irrigated land grew.",
            period={"start": "2015-06-01", "end": None, "ongoing": True},
            level="national",
            actors=[{"name": "A university", "type": "academic"}],
            countries=[{"country": "IND", "role": "beneficiary"}],
            themes=["climate_change"],
            modalities=["technology_transfer"],
            sdg_goals=[7, 13],
            sdg_targets=[],
            human_rights=["development"],
        ),
    ]
    return services.practices_import(actor=secretariat, records=records)


def titles(response) -> list[str]:
    return [r["title"] for r in response.json()["results"]]


def facet(response, name) -> dict[str, int]:
    return {v["value"]: v["count"] for v in response.json()["facets"][name]}


def test_every_facet_is_counted_over_the_whole_result(client, catalogue):
    response = client.get("/api/v1/practices")
    assert response.json()["total"] == 3
    assert facet(response, "theme") == {
        "climate_change": 2,
        "food_insecurity": 1,
        "pandemics_recovery": 1,
    }
    assert facet(response, "region") == {
        "African": 1,
        "Asia-Pacific": 2,
        "Latin American and Caribbean": 2,
    }
    assert facet(response, "year") == {"2015": 1, "2019": 1, "2021": 1}
    assert facet(response, "actor_type") == {"ngo": 1, "igo": 1, "academic": 1}
    assert facet(response, "sdg") == {"13": 2, "2": 1, "3": 1, "7": 1}
    assert facet(response, "level") == {"regional": 1, "international": 1, "national": 1}


def test_filters_combine_any_value_within_a_facet_and_every_facet(client, catalogue):
    response = client.get(
        "/api/v1/practices?theme=climate_change&theme=pandemics_recovery&sort=newest"
    )
    assert response.json()["total"] == 3
    response = client.get("/api/v1/practices?theme=climate_change&level=national")
    assert titles(response) == ["Solar micro-grids for farming villages"]
    assert facet(response, "country") == {"IND": 1}
    assert client.get("/api/v1/practices?theme=climate_change&country=FJI").json()["total"] == 0


def test_words_are_stemmed_and_operators_understood(client, catalogue):
    assert titles(client.get("/api/v1/practices?q=vaccination")) == [
        "Vaccine sharing among island States"
    ]
    assert sorted(titles(client.get("/api/v1/practices?q=farmed"))) == [
        "Community seed banks for drought-hit farmers",  # "farming cooperatives"
        "Solar micro-grids for farming villages",
    ]
    assert titles(client.get("/api/v1/practices?q=droughts")) == [
        "Community seed banks for drought-hit farmers"
    ]
    assert len(titles(client.get("/api/v1/practices?q=farmers OR farming"))) == 2
    assert titles(client.get("/api/v1/practices?q=farmers OR farming NOT solar")) == [
        "Community seed banks for drought-hit farmers"
    ]
    assert len(titles(client.get("/api/v1/practices?q=solar OR vaccine"))) == 2
    assert titles(client.get('/api/v1/practices?q="island States"')) == [
        "Vaccine sharing among island States"
    ]
    assert titles(client.get('/api/v1/practices?q="States island"')) == []


def test_the_page_highlights_matches_and_marks_chosen_facets(client, catalogue):
    page = client.get("/practices/?q=vaccines&country=CUB").content.decode()
    assert "<mark>" in page and "Vaccine sharing among island States" in page
    assert 'aria-current="true" class="selected" data-facet="country" data-value="CUB"' in page
    assert "1 good practice" in page
    assert "Community seed banks" not in page


def test_sorting_by_date_and_pagination(client, secretariat, catalogue):
    services.practices_import(
        actor=secretariat, records=[practice_content(title=f"Seed fair {n}") for n in range(21)]
    )
    first = client.get("/practices/?sort=newest").content.decode()
    assert "24 good practices" in first and "Page 1 of 2" in first
    assert "Seed fair 20" in first
    assert "Seed fair 20" not in client.get("/practices/?sort=newest&page=2").content.decode()
    # A page beyond the last shows the last.
    assert "Page 2 of 2" in client.get("/practices/?page=99").content.decode()


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(q=st.text(max_size=80))
def test_any_query_gives_results_or_a_clear_message_never_an_error(client, q):
    response = client.get("/practices/", {"q": q, "country": q[:5], "sort": q[:3]})
    if "\x00" in q:  # refused before any view, with a message saying why
        assert response.status_code == 400 and b"NUL" in response.content
        return
    assert response.status_code == 200
    api = client.get("/api/v1/practices", {"q": q})
    assert api.status_code in (200, 400, 422)


def test_a_query_of_only_exclusions_is_explained(client, catalogue):
    page = client.get("/practices/?q=-seed").content.decode()
    assert "at least one word to look for" in page
    assert client.get("/api/v1/practices?q=-seed").status_code == 400


def test_any_search_downloads_as_csv_and_json(client, catalogue):
    response = client.get("/practices/?q=farmers OR farming&format=csv")
    rows = list(
        csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")))
    )
    assert sorted(row["title"] for row in rows) == [
        "Community seed banks for drought-hit farmers",
        "Solar micro-grids for farming villages",
    ]
    assert rows[0]["url"].startswith("http://testserver/practices/")
    response = client.get("/practices/?theme=pandemics_recovery&format=json")
    records = json.loads(b"".join(response.streaming_content))
    assert [r["title"] for r in records] == ["Vaccine sharing among island States"]
    assert "contact_email" not in records[0] and "contact" not in records[0]


def test_the_atom_feed_lists_new_practices_and_follows_a_search(client, catalogue):
    feed = ET.fromstring(client.get("/practices/feed/").content)
    assert len(feed.findall(f"{ATOM}entry")) == 3
    feed = ET.fromstring(client.get("/practices/feed/?q=solar").content)
    [entry] = feed.findall(f"{ATOM}entry")
    assert entry.find(f"{ATOM}title").text == "Solar micro-grids for farming villages"
    assert entry.find(f"{ATOM}link").get("href").endswith(f"/practices/{catalogue[2].pk}/")
    assert "solar" in feed.find(f"{ATOM}title").text


def test_the_detail_page_shows_the_record_and_related_practices(client, catalogue):
    page = client.get(catalogue[0].get_absolute_url()).content.decode()
    assert "Community seed banks for drought-hit farmers" in page
    assert "Kenya" in page and "Beneficiary" in page
    assert "Solar micro-grids for farming villages" in page  # shares climate change
    assert "Vaccine sharing" not in page
    assert "Contact (private)" not in page


def test_a_states_page_lists_the_practices_that_involve_it(client, catalogue):
    page = client.get("/countries/CUB/").content.decode()
    assert 'Vaccine sharing among island States</a> <span class="meta">(Provider)</span>' in page
    assert "Community seed banks" not in page
    assert "/practices/?country=CUB" in page
    assert (
        "No published good practice involves this State yet."
        in client.get("/countries/NLD/").content.decode()
    )


def test_an_absurdly_deep_page_shows_the_last_page(client, catalogue):
    page = client.get("/practices/?page=99999999999").content.decode()
    assert "3 good practices" in page and "Vaccine sharing among island States" in page
    assert client.get("/api/v1/practices?offset=1000000").json()["results"] == []


def test_a_catalogue_page_costs_the_same_queries_however_many_practices_it_shows(
    client, secretariat, catalogue
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count_queries():
        url = "/practices/?q=farmers OR vaccines OR solar"
        client.get(url)  # the engine first catches up with the changes: not a page's cost
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured.captured_queries)

    few = count_queries()
    services.practices_import(
        actor=secretariat, records=[practice_content(title=f"Seed fair {n}") for n in range(15)]
    )
    assert count_queries() == few


def test_a_catalogue_page_reads_the_themes_once_for_its_facets_and_results(client, catalogue):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = "/practices/?q=farmers OR vaccines OR solar"
    client.get(url)  # the engine first catches up with the changes
    with CaptureQueriesContext(connection) as captured:
        page = client.get(url).content.decode()
    from solidarity.practices.models import Theme

    label = Theme.objects.get(code="climate_change").label()
    assert f'data-value="climate_change">{label}</a>' in page  # the facet
    assert f'<span class="tag">{label}</span>' in page  # a result's themes
    assert sum('"practices_theme"' in q["sql"] for q in captured.captured_queries) == 1


def test_facet_links_escape_what_the_secretariat_typed_and_keep_the_search(client, secretariat):
    services.theme_create(
        actor=secretariat, code="water_sanitation", labels={"en": '<b>Water & "sanitation"</b>'}
    )
    services.practices_import(
        actor=secretariat, records=[practice_content(themes=["water_sanitation"])]
    )
    page = client.get("/practices/?q=seeds&sort=newest").content.decode()
    assert "<b>Water" not in page
    assert "&lt;b&gt;Water &amp; &quot;sanitation&quot;&lt;/b&gt;" in page
    assert 'href="?q=seeds&amp;sort=newest&amp;theme=water_sanitation"' in page
    chosen = client.get("/practices/?q=seeds&theme=water_sanitation").content.decode()
    # The chosen value links to the same search without it.
    assert 'href="?q=seeds" aria-current="true"' in chosen


@pytest.mark.parametrize("grouped", [False, True])
@pytest.mark.parametrize("language", ["en", "fr", "es", "ru", "ar", "zh-hans"])
def test_facet_counts_are_written_as_each_language_writes_numbers(settings, language, grouped):
    from django.utils import translation
    from django.utils.formats import localize

    from solidarity.practices.views import whole_number_format

    settings.USE_THOUSAND_SEPARATOR = grouped
    with translation.override(language):
        number = whole_number_format()
        for n in [0, 7, 999, 1234, 65_432, 1_000_000]:
            assert number(n) == localize(n)
