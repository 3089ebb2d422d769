"""Pages kept for anonymous visitors show a change of the roll calls or the series at once."""

from __future__ import annotations

import pytest
from django.test import Client

from solidarity.resolutions import services as resolution_services
from solidarity.votes import rollcall_csv, services

pytestmark = pytest.mark.django_db

PAGE_56_4 = "/resolutions/A/HRC/RES/56/4/"

TWO_MORE_ROLL_CALLS = """body,symbol,date,state,vote,session,topics
GA,A/RES/79/1,2024-09-22,Cuba,Y,79,
GA,A/RES/79/2,2024-09-23,Cuba,N,79,
"""


def page(path: str) -> str:
    return Client().get(path).content.decode()


def _store(seed_document, symbol: str, adopted_on: str, title: str):
    document = {**seed_document, "symbol": symbol, "adopted_on": adopted_on, "title": title}
    return resolution_services.resolution_ingest(actor=None, document=document)[0]


def test_the_secretariat_imports_roll_calls_and_a_states_page_counts_them_at_once(
    resolution_56_4, secretariat
):
    assert "1 vote in roll calls" in page("/countries/CUB/")
    reading = rollcall_csv.read(TWO_MORE_ROLL_CALLS)
    services.csv_import(actor=secretariat, roll_calls=reading.roll_calls, source_name="votes.csv")
    assert "3 votes in roll calls" in page("/countries/CUB/")


def test_a_resolution_stored_in_the_series_is_listed_at_once_on_the_others_pages(
    resolution_56_4, seed_document
):
    assert "A/HRC/RES/53/2" not in page(PAGE_56_4)
    _store(seed_document, "A/HRC/RES/53/2", "2023-07-12", resolution_56_4.title)
    assert "A/HRC/RES/53/2" in page(PAGE_56_4)


def test_the_secretariat_moves_a_resolution_into_the_series_and_its_members_list_it(
    resolution_56_4, seed_document, secretariat
):
    other = _store(
        seed_document, "A/HRC/RES/53/2", "2023-07-12", "International solidarity and human rights"
    )
    assert "A/HRC/RES/53/2" not in page(PAGE_56_4)
    services.series_move(actor=secretariat, resolution=other, title=resolution_56_4.title)
    assert "A/HRC/RES/53/2" in page(PAGE_56_4)
