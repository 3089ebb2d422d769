"""A resolution's page is kept for anonymous visitors until the resolution is stored again."""

from __future__ import annotations

import copy

import pytest
from django.test import Client

from solidarity.resolutions import services

pytestmark = pytest.mark.django_db

PAGE = "/resolutions/A/HRC/RES/56/4/"


def page(path: str = PAGE) -> str:
    return Client().get(path).content.decode()


def test_the_secretariat_stores_a_corrected_text_and_its_page_shows_it_at_once(
    resolution_56_4, seed_document
):
    assert "Human rights and international solidarity" in page()
    assert "in every language" not in page("/fr" + PAGE)
    corrected = copy.deepcopy(seed_document)
    corrected["title"] = "Human rights and international solidarity, corrected"
    corrected["operative_paragraphs"][0]["text"] = "Reaffirms its resolve in every language;"
    services.resolution_ingest(actor=None, document=corrected)
    assert "Human rights and international solidarity, corrected" in page()
    assert "in every language" in page("/fr" + PAGE)
