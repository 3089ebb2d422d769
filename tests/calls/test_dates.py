"""A call's dates read as the page's language writes dates, in Geneva time."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from solidarity.calls import services
from solidarity.calls.models import Submission
from tests.calls.conftest import answers, call_fields
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

UTC = dt.UTC


def _visible(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.fixture
def summer_call(secretariat):
    """Opened 1 June 2026 at 10:00 in Geneva (08:00 UTC), due 10 July at 16:00, extended to
    24 July at 16:00 (Geneva is two hours ahead of UTC in summer)."""
    call = services.call_create(
        actor=secretariat,
        fields=call_fields(
            slug="summer-2026",
            opens_at=dt.datetime(2026, 6, 1, 8, 0, tzinfo=UTC),
            closes_at=dt.datetime(2026, 7, 10, 14, 0, tzinfo=UTC),
        ),
    )
    return services.call_extend_deadline(
        actor=secretariat,
        call=call,
        closes_at=dt.datetime(2026, 7, 24, 14, 0, tzinfo=UTC),
        reason="Requests from regional groups.",
    )


@pytest.mark.parametrize(
    ("prefix", "opens", "closes", "first_deadline"),
    [
        ("", "1 June 2026, 10:00", "24 July 2026, 16:00", "10 July 2026, 16:00"),
        ("/fr", "1 juin 2026 10:00", "24 juillet 2026 16:00", "10 juillet 2026 16:00"),
        (
            "/es",
            "1 de junio de 2026 a las 10:00",
            "24 de julio de 2026 a las 16:00",
            "10 de julio de 2026 a las 16:00",
        ),
        ("/ru", "1 июня 2026 г. 10:00", "24 июля 2026 г. 16:00", "10 июля 2026 г. 16:00"),
        ("/zh-hans", "2026年6月1日 10:00", "2026年7月24日 16:00", "2026年7月10日 16:00"),
    ],
)
def test_a_calls_dates_are_printed_as_the_pages_language_prints_them(
    client, summer_call, prefix, opens, closes, first_deadline
):
    page = _visible(client.get(f"{prefix}/calls/{summer_call.slug}/").content.decode())
    assert opens in page and closes in page and first_deadline in page
    listing = _visible(client.get(f"{prefix}/calls/?status=closed").content.decode())
    assert closes in listing
    if prefix:
        assert "July 2026" not in page and "July 2026" not in listing


def test_a_receipt_and_the_reading_date_follow_the_pages_language(
    open_call, focal_point_a, reviewer
):
    draft, _ = services.submission_save(
        actor=focal_point_a, call=open_call, answers=answers(), consent="publish"
    )
    sent = services.submission_submit(actor=focal_point_a, submission=draft)
    Submission.objects.filter(pk=sent.pk).update(
        submitted_at=dt.datetime(2026, 11, 30, 9, 30, tzinfo=UTC),  # 10:30 in Geneva
        read_at=dt.datetime(2026, 12, 1, 8, 0, tzinfo=UTC),
    )
    path = f"/fr/calls/{open_call.slug}/submissions/{sent.pk}/"
    receipt = _visible(client_for(focal_point_a).get(path).content.decode())
    assert "30 novembre 2026 10:30" in receipt
    reviewed = _visible(client_for(reviewer).get(path).content.decode())
    assert "1 décembre 2026" in reviewed and "December" not in reviewed
