"""The secretariat opens a call; everyone reads it, in Geneva time, with its paragraphs."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from solidarity.calls import selectors, services
from solidarity.calls.models import Call, CallStatus
from solidarity.core.models import AuditEntry
from tests.calls.conftest import DAY, QUESTIONS, call_fields, now, time_passes_beyond_deadline
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def test_status_is_computed_from_the_dates(open_call):
    assert open_call.status == CallStatus.OPEN
    assert open_call.status_at(open_call.opens_at - dt.timedelta(seconds=1)) == CallStatus.UPCOMING
    assert open_call.status_at(open_call.closes_at) == CallStatus.CLOSED
    assert time_passes_beyond_deadline(open_call).status == CallStatus.CLOSED


def test_the_secretariat_opens_a_call_with_questions_and_the_paragraphs_it_serves(open_call):
    assert [q.kind for q in open_call.questions.all()] == ["text", "multiple", "single"]
    assert open_call.questions.get(number=1).word_limit == 50
    assert sorted(p.number for p in open_call.paragraphs.all()) == [15, 18]
    entry = AuditEntry.objects.get(action="call.create")
    assert entry.target_id == str(open_call.pk)


def test_only_the_secretariat_opens_calls(resolution_56_4, reviewer, focal_point_a):
    for person in (reviewer, focal_point_a, None):
        with pytest.raises(PermissionDenied):
            services.call_create(actor=person, fields=call_fields(), questions=QUESTIONS)


def test_a_call_is_refused_when_it_closes_before_it_opens_or_serves_a_paragraph_that_is_not_there(
    secretariat, resolution_56_4
):
    with pytest.raises(ValidationError) as closes:
        services.call_create(
            actor=secretariat, fields=call_fields(closes_at=now() - 2 * DAY), questions=QUESTIONS
        )
    assert "closes_at" in closes.value.message_dict
    with pytest.raises(ValidationError) as paragraph:
        services.call_create(
            actor=secretariat,
            fields=call_fields(),
            resolution="A/HRC/RES/56/4",
            paragraphs=[15, 99],
        )
    assert "99" in str(paragraph.value)
    with pytest.raises(ValidationError):
        services.call_create(
            actor=secretariat, fields=call_fields(opens_at=dt.datetime(2026, 1, 1, 9, 0))
        )
    assert not Call.objects.exists()


def test_a_call_cannot_take_the_address_of_another_page(secretariat, resolution_56_4):
    for slug in ("new", "search", "2026"):
        with pytest.raises(ValidationError) as refused:
            services.call_create(actor=secretariat, fields=call_fields(slug=slug))
        assert "slug" in refused.value.message_dict


def test_a_choice_question_needs_two_choices(secretariat, resolution_56_4):
    with pytest.raises(ValidationError):
        services.call_create(
            actor=secretariat,
            fields=call_fields(),
            questions=[{"text": "Pick", "kind": "single", "choices": ["Only one"]}],
        )


def test_an_extended_deadline_is_kept_and_shown(open_call, secretariat):
    first = open_call.closes_at
    services.call_extend_deadline(
        actor=secretariat, call=open_call, closes_at=first + 7 * DAY, reason="Requests from States"
    )
    open_call.refresh_from_db()
    assert open_call.extended and open_call.original_closes_at == first
    assert open_call.extensions.get().previous_closes_at == first
    page = client_for(None).get(open_call.get_absolute_url()).content.decode()
    assert "extended" in page and "Requests from States" in page
    with pytest.raises(ValidationError):
        services.call_extend_deadline(actor=secretariat, call=open_call, closes_at=first)


def test_the_call_page_shows_geneva_time_and_links_each_paragraph_to_its_anchor(
    open_call, secretariat
):
    geneva_noon = dt.datetime(2027, 3, 1, 11, 0, tzinfo=dt.UTC)  # 12:00 in Geneva (CET)
    services.call_extend_deadline(actor=secretariat, call=open_call, closes_at=geneva_noon)
    page = client_for(None).get(f"/calls/{open_call.slug}/").content.decode()
    assert "1 March 2027, 12:00" in page
    assert 'href="/resolutions/A/HRC/RES/56/4/#op-15"' in page
    assert 'href="/resolutions/A/HRC/RES/56/4/#op-18"' in page
    assert client_for(None).get(f"/calls/{open_call.pk}/").status_code == 200
    assert "calls/local-time.js" in page and 'data-local-label="your time:"' in page


def test_the_list_filters_by_status_year_and_paragraph(open_call, secretariat):
    later = services.call_create(
        actor=secretariat,
        fields=call_fields(
            slug="upcoming-2027",
            title="Call on the draft declaration",
            opens_at=dt.datetime(2027, 5, 1, 8, 0, tzinfo=dt.UTC),
            closes_at=dt.datetime(2027, 6, 1, 8, 0, tzinfo=dt.UTC),
        ),
        resolution="A/HRC/RES/56/4",
        paragraphs=[16],
    )
    visitor = client_for(None)

    def titles(query: str) -> set[str]:
        rows = json.loads(visitor.get(f"/calls/?{query}&format=json").content)
        return {row["slug"] for row in rows}

    assert titles("status=open") == {open_call.slug}
    assert titles("status=upcoming") == {later.slug}
    assert titles("year=2027") == {later.slug}
    assert titles("paragraph=15") == {open_call.slug}
    assert titles("paragraph=16") == {later.slug}
    page = visitor.get("/calls/?status=upcoming").content.decode()
    assert later.title in page and open_call.title not in page


def test_calls_are_csv_json_and_atom(open_call):
    visitor = client_for(None)
    csv = b"".join(visitor.get("/calls/?format=csv").streaming_content).decode("utf-8-sig")
    assert csv.splitlines()[0].startswith("id,slug,title,status")
    assert "solidarity-2026" in csv and ",open," in csv
    record = json.loads(visitor.get(f"/calls/{open_call.slug}/?format=json").content)
    assert record["paragraphs"][0]["url"].endswith("/resolutions/A/HRC/RES/56/4/#op-15")
    assert record["questions"][0]["word_limit"] == 50
    feed = visitor.get("/calls/feed/")
    assert feed["Content-Type"].startswith("application/atom+xml")
    assert open_call.title.encode() in feed.content


def test_the_secretariat_opens_a_call_from_its_page(secretariat, resolution_56_4):
    client = client_for(secretariat)
    assert client.get("/calls/new/").status_code == 200
    response = client.post(
        "/calls/new/",
        {
            "title": "Call on solidarity and climate change",
            "slug": "climate-2026",
            "purpose": "Views for the report.",
            "resolution": "A/HRC/RES/56/4",
            "paragraphs": "15, 18",
            "invited": ["state", "ngo"],
            "languages": ["en", "fr"],
            "opens_at": "2026-01-05T09:00",
            "closes_at": "2026-02-27T18:00",
            "publication_policy": "with_consent",
            "q1_text": "What does your State do?",
            "q1_kind": "text",
            "q1_word_limit": "500",
            "q1_required": "on",
            "q2_text": "Which region?",
            "q2_kind": "single",
            "q2_choices": "Africa\nAsia-Pacific",
        },
    )
    call = Call.objects.get(slug="climate-2026")
    assert response.status_code == 302 and response["Location"] == call.get_absolute_url()
    # 18:00 in Geneva in winter is 17:00 UTC.
    assert call.closes_at == dt.datetime(2026, 2, 27, 17, 0, tzinfo=dt.UTC)
    assert [q.choices for q in call.questions.all()] == [[], ["Africa", "Asia-Pacific"]]


@pytest.mark.parametrize(
    "persona", ["anonymous", "public", "contributor", "focal_point", "reviewer"]
)
def test_nobody_but_the_secretariat_opens_or_changes_a_call_from_the_pages(
    persona, personas, open_call
):
    client = personas[persona]
    for url in ("/calls/new/", f"/calls/{open_call.slug}/edit/"):
        assert client.get(url).status_code in (302, 403)
        assert client.post(url, {"title": "Taken over"}).status_code in (302, 403)
    assert client.post(
        f"/calls/{open_call.slug}/extend/", {"closes_at": "2030-01-01T00:00"}
    ).status_code in (302, 403)
    open_call.refresh_from_db()
    assert open_call.title != "Taken over" and not open_call.extended


def test_selectors_list_every_status(open_call):
    assert list(selectors.calls(selectors.CallFilters(status="closed"))) == []


def test_the_secretariat_changes_an_open_call_whose_deadline_only_an_extension_moves(
    open_call, secretariat
):
    client = client_for(secretariat)
    page = client.get(f"/calls/{open_call.slug}/edit/").content.decode()
    assert 'name="closes_at"' in page and "Extend the deadline below." in page
    form = {
        "title": "A clearer title",
        "slug": open_call.slug,
        "purpose": open_call.purpose,
        "invited": open_call.invited,
        "languages": open_call.languages,
        "opens_at": "2026-01-05T09:00",
        "closes_at": "2040-01-01T00:00",  # ignored: the field is closed once the call opened
        "publication_policy": "with_consent",
        "q1_text": "How does your State cooperate internationally against poverty?",
        "q1_kind": "text",
        "q1_word_limit": "50",
        "q1_required": "on",
        "q2_text": "Which levels of solidarity do you work at?",
        "q2_kind": "multiple",
        "q2_choices": "National\nRegional\nInternational",
        "q3_text": "Have you pledged 0.7 per cent of GNI?",
        "q3_kind": "single",
        "q3_choices": "Yes\nNo",
    }
    first = open_call.closes_at
    response = client.post(f"/calls/{open_call.slug}/edit/", form)
    assert response.status_code == 302, response.context["form"].errors
    open_call.refresh_from_db()
    assert open_call.title == "A clearer title" and open_call.closes_at == first
    assert AuditEntry.objects.filter(action="call.update").exists()
