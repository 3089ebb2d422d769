"""The catalogue's first page and a practice's page are kept for anonymous visitors until a
published practice or the vocabulary changes."""

from __future__ import annotations

import pytest
from django.test import Client

from solidarity.practices import services
from solidarity.practices.models import Theme
from solidarity.practices.validation import clean_content
from tests.conftest import practice_content, publish

pytestmark = pytest.mark.django_db


def page(path: str) -> str:
    return Client().get(path).content.decode()


def test_a_reviewer_publishes_a_practice_and_the_catalogues_first_page_shows_it_at_once(
    published_practice, contributor_x, reviewer
):
    assert "Mobile clinics for nomadic herders" not in page("/practices/")
    assert "Mobile clinics for nomadic herders" not in page("/fr/practices/")
    publish(
        practice_content(title="Mobile clinics for nomadic herders"),
        submitter=contributor_x,
        reviewer=reviewer,
    )
    assert "Mobile clinics for nomadic herders" in page("/practices/")
    assert "Mobile clinics for nomadic herders" in page("/fr/practices/")
    # The States it names list it too, and the other practice's page among related ones.
    assert "Mobile clinics for nomadic herders" in page("/countries/KEN/")
    assert "Mobile clinics for nomadic herders" in page(published_practice.get_absolute_url())


def test_a_reviewer_retracts_a_practice_and_it_leaves_the_catalogue_and_the_states_page(
    published_practice, reviewer
):
    title = published_practice.published["title"]
    assert title in page("/practices/") and title in page("/countries/ETH/")
    assert Client().get(published_practice.get_absolute_url()).status_code == 200
    services.practice_retract(actor=reviewer, practice=published_practice, reason="Duplicate.")
    assert title not in page("/practices/") and title not in page("/countries/ETH/")
    assert Client().get(published_practice.get_absolute_url()).status_code == 410


def test_a_new_version_published_shows_on_the_practices_page_at_once(
    published_practice, contributor_x, reviewer
):
    assert "Seed was saved in 2024 too." not in page(published_practice.get_absolute_url())
    fields = clean_content(
        practice_content(results="Seed was saved in 2024 too."),
        theme_codes=services.theme_codes(),
        country_codes=services.country_codes(),
    )
    services.practice_update(actor=contributor_x, practice=published_practice, fields=fields)
    services.practice_submit(actor=contributor_x, practice=published_practice)
    services.practice_publish(actor=reviewer, practice=published_practice)
    assert "Seed was saved in 2024 too." in page(published_practice.get_absolute_url())


def test_the_secretariat_relabels_a_theme_and_the_catalogue_uses_the_new_label(
    published_practice, secretariat
):
    theme = Theme.objects.get(code="food_insecurity")
    assert "Hunger and food systems" not in page("/practices/")
    services.theme_update(
        actor=secretariat, theme=theme, labels={**theme.labels, "en": "Hunger and food systems"}
    )
    assert "Hunger and food systems" in page("/practices/")
