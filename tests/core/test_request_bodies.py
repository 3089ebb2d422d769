"""Forms posted to a real server are read whole: the check for bodies cut short
must not get in the way of any ordinary form."""

import http.cookiejar
import re
import urllib.error
import urllib.parse
import urllib.request

import pytest

from tests.conftest import PASSWORD

# A real server reads committed rows; the flush after such a test empties every table, so the
# story needs no State or organization (they are loaded by a migration, not by the test).
pytestmark = pytest.mark.django_db(transaction=True)


def _opener():
    return urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )


def test_a_person_signs_in_through_a_real_server(live_server, member_of_public):
    browser = _opener()
    login = f"{live_server.url}/accounts/login/"
    form = browser.open(login).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    body = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token, "username": member_of_public.email, "password": PASSWORD}
    ).encode()

    answer = browser.open(urllib.request.Request(login, data=body, headers={"Referer": login}))

    assert answer.status == 200
    assert answer.url == f"{live_server.url}/desk/"
