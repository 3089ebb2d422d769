"""Every public page opens in each of the six languages.

A translation can break a page: Django formats the text of every
``blocktranslate`` with ``%``, so a bare "0,7 %" in a catalogue is a server
error on that language's page only. Each page is asked for in each language.
"""

from __future__ import annotations

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db

PAGES = [
    "/",
    "/resolutions/",
    "/resolutions/A/HRC/RES/56/4/",
    "/resolutions/?q=solidarity+NOT+development",
    "/practices/",
    "/calls/",
    "/declaration/",
    "/visits/",
    "/engagements/",
    "/votes/",
    "/indicators/oda/",
    "/indicators/oda/NOR/",
    "/indicators/contributions/",
    "/countries/",
    "/countries/NOR/",
    "/countries/CUB/",
]
LANGUAGES = [code for code, _name in settings.LANGUAGES]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_public_page_opens_in_the_language(client, resolution_56_4, language):
    prefix = "" if language == settings.LANGUAGE_CODE else f"/{language}"
    broken = {}
    for page in PAGES:
        answer = client.get(prefix + page)
        if answer.status_code != 200:
            broken[page] = answer.status_code
        else:
            assert f'lang="{language}"' in answer.content.decode()[:300], page
    assert broken == {}
