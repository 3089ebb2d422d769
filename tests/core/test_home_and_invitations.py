"""The home page leads to every area, good practices included, and to the resolution it is
about; the catalogue invites a visitor to submit a practice."""

import re

import pytest

from tests.conftest import client_for

pytestmark = pytest.mark.django_db

RESOLUTION = "/resolutions/A/HRC/RES/56/4/"


def test_the_home_page_has_a_card_for_good_practices(client):
    html = client.get("/").content.decode()
    cards = re.findall(r'<li class="card">\s*<h3><a href="([^"]+)">([^<]+)</a></h3>', html)
    assert ("/practices/", "Good practices") in cards


def test_resolution_56_4_named_on_the_home_page_leads_to_its_page(client, resolution_56_4):
    html = client.get("/").content.decode()
    assert f'<a href="{RESOLUTION}">resolution 56/4</a>' in html
    assert client.get(RESOLUTION).status_code == 200


@pytest.mark.parametrize("language", ["fr", "es", "ru", "zh-hans", "ar"])
def test_the_link_to_56_4_is_kept_in_every_language(client, language):
    html = client.get(f"/{language}/").content.decode()
    assert re.search(rf'<a href="/{language}{RESOLUTION}">[^<]*56/4</a>', html), language


def test_a_visitor_to_the_catalogue_is_invited_to_sign_in_or_up_to_submit_a_practice(client):
    html = client.get("/practices/").content.decode()
    assert '<a href="/accounts/login/?next=/practices/new/">Sign in</a>' in html
    assert '<a href="/accounts/sign-up/">create an account</a>' in html
    # The invitation leads where it says: sign in, then the form.
    response = client.get("/accounts/login/?next=/practices/new/")
    assert 'name="next" value="/practices/new/"' in response.content.decode()


def test_a_signed_in_contributor_gets_the_form_not_the_invitation(contributor_x):
    html = client_for(contributor_x).get("/practices/").content.decode()
    assert "create an account</a> to submit it" not in html
    assert '<a href="/practices/new/">Submit a good practice</a>' in html
