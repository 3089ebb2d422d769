"""The mandate's request to visit Cuba (focal point A's State), as the secretariat records it."""

import datetime as dt

import pytest

from solidarity.countries.models import Country
from solidarity.visits import services


def days_ago(n: int) -> dt.date:
    return dt.date.today() - dt.timedelta(days=n)


@pytest.fixture
def cuba_request(secretariat):
    return services.visit_request_create(
        actor=secretariat,
        country=Country.objects.get(iso3="CUB"),
        on=days_ago(200),
        note="Letter to the Permanent Mission.",
    )
