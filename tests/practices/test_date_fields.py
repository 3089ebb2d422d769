"""The dates of a practice survive an edit in every language: a date field
holds only an ISO date (2019-03-01), and a browser empties one given
01/03/2019, so the dates were lost when the form was sent back."""

import re

import pytest
from django.conf import settings

from solidarity.practices import services
from solidarity.practices.validation import clean_content
from tests.conftest import practice_content

pytestmark = pytest.mark.django_db


@pytest.fixture
def dated_draft(contributor_x):
    fields = clean_content(
        practice_content(),  # started on 2019-03-01
        theme_codes=services.theme_codes(),
        country_codes=services.country_codes(),
    )
    practice, _ = services.practice_create(actor=contributor_x, fields=fields)
    return practice


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_the_edit_form_gives_the_browser_the_start_date_as_an_iso_date(
    client, contributor_x, dated_draft, language
):
    client.force_login(contributor_x)
    prefix = "" if language == settings.LANGUAGE_CODE else f"/{language}"
    page = client.get(f"{prefix}/practices/{dated_draft.pk}/edit/").content.decode()
    field = re.search(r'<input type="date" name="started_on"[^>]*>', page).group(0)
    assert 'value="2019-03-01"' in field
