"""From draft to published, through review: who may do what, and what people are told."""

import uuid

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from solidarity.core import search
from solidarity.core.models import AuditEntry
from solidarity.practices import services
from solidarity.practices.indexing import SEARCH_KIND
from solidarity.practices.models import Practice, PracticeStatus
from solidarity.practices.validation import clean_content
from tests.conftest import practice_content, publish

pytestmark = pytest.mark.django_db


def fields(**changes):
    return clean_content(
        practice_content(**changes),
        theme_codes=services.theme_codes(),
        country_codes=services.country_codes(),
    )


def in_catalogue(q="", **filters) -> list[str]:
    page = search.faceted_search(SEARCH_KIND, q, filters=filters, facets=["country"])
    return [hit.object_id for hit in page.hits]


def test_review_round_trip_tells_the_submitter_and_publishes_once_approved(
    contributor_x, reviewer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        practice, created = services.practice_create(actor=contributor_x, fields=fields())
        assert created and practice.organization == contributor_x.organization
        services.practice_submit(actor=contributor_x, practice=practice)
    assert [m.to for m in mail.outbox] == [[reviewer.email]]
    assert str(practice.pk) not in in_catalogue()

    with django_capture_on_commit_callbacks(execute=True):
        services.practice_request_changes(
            actor=reviewer, practice=practice, message="Please add the results of 2023."
        )
    practice.refresh_from_db()
    assert practice.status == PracticeStatus.CHANGES_REQUESTED
    assert mail.outbox[-1].to == [contributor_x.email]
    assert "Please add the results of 2023." in mail.outbox[-1].body
    assert f"/practices/{practice.pk}/workspace/" in mail.outbox[-1].body

    services.practice_update(
        actor=contributor_x, practice=practice, fields=fields(results="Harvests recovered in 2023.")
    )
    services.practice_submit(actor=contributor_x, practice=practice)
    with django_capture_on_commit_callbacks(execute=True):
        version = services.practice_publish(actor=reviewer, practice=practice, note="Checked.")
    practice.refresh_from_db()
    assert version.number == 1 and practice.is_public
    assert practice.published["results"] == "Harvests recovered in 2023."
    assert "published" in mail.outbox[-1].body
    assert in_catalogue("harvest", country=["KEN"]) == [str(practice.pk)]
    assert [e.action for e in practice.events.all()] == [
        "submitted",
        "changes_requested",
        "submitted",
        "published",
    ]
    actions = set(
        AuditEntry.objects.filter(target_id=str(practice.pk)).values_list("action", flat=True)
    )
    assert {"practice.create", "practice.submit", "practice.publish", "practice.update"} <= actions


def test_a_reviewer_cannot_publish_what_they_submitted(reviewer, secretariat):
    practice, _ = services.practice_create(actor=reviewer, fields=fields())
    services.practice_submit(actor=reviewer, practice=practice)
    with pytest.raises(PermissionDenied):
        services.practice_publish(actor=reviewer, practice=practice)
    services.practice_publish(actor=secretariat, practice=practice)
    practice.refresh_from_db()
    assert practice.is_public


def test_only_confirmed_members_of_an_organization_submit_in_its_name(
    contributor_x, member_of_public
):
    contributor_x.organization_confirmed_at = None
    contributor_x.save()
    for person in (contributor_x, member_of_public):
        with pytest.raises(PermissionDenied):
            services.practice_create(actor=person, fields=fields())
    assert not Practice.objects.exists()


def test_a_focal_point_submits_for_their_state(focal_point_a):
    practice, _ = services.practice_create(actor=focal_point_a, fields=fields())
    assert practice.state_id == "CUB" and practice.organization is None


def test_the_same_form_sent_twice_makes_one_practice(contributor_x, contributor_y):
    key = uuid.uuid4()
    first, created = services.practice_create(
        actor=contributor_x, fields=fields(), submission_key=key
    )
    again, created_again = services.practice_create(
        actor=contributor_x, fields=fields(), submission_key=key
    )
    assert created and not created_again and first.pk == again.pk
    assert Practice.objects.count() == 1
    with pytest.raises(ValidationError):
        services.practice_create(actor=contributor_y, fields=fields(), submission_key=key)


def test_an_incomplete_draft_is_not_sent_for_review_and_the_message_names_what_is_missing(
    contributor_x,
):
    practice, _ = services.practice_create(actor=contributor_x, fields={"title": "Just a title"})
    with pytest.raises(ValidationError) as refused:
        services.practice_submit(actor=contributor_x, practice=practice)
    assert "summary" in str(refused.value) and "countries involved" in str(refused.value)
    practice.refresh_from_db()
    assert practice.status == PracticeStatus.DRAFT


def test_sending_for_review_twice_counts_once(contributor_x, reviewer):
    practice, _ = services.practice_create(actor=contributor_x, fields=fields())
    services.practice_submit(actor=contributor_x, practice=practice)
    services.practice_submit(actor=contributor_x, practice=practice)
    assert practice.events.filter(action="submitted").count() == 1


def test_a_published_practice_not_changed_since_is_not_sent_for_review_again(
    published_practice, contributor_x
):
    events, audited = published_practice.events.count(), AuditEntry.objects.count()
    with pytest.raises(ValidationError) as refused:
        services.practice_submit(actor=contributor_x, practice=published_practice)
    assert "change it before sending it for review" in str(refused.value)
    published_practice.refresh_from_db()
    assert published_practice.status == PracticeStatus.PUBLISHED
    assert published_practice.events.count() == events
    assert AuditEntry.objects.count() == audited


def test_rejection_needs_a_reason_and_is_final_for_a_new_practice(
    contributor_x, reviewer, django_capture_on_commit_callbacks
):
    practice, _ = services.practice_create(actor=contributor_x, fields=fields())
    services.practice_submit(actor=contributor_x, practice=practice)
    with pytest.raises(ValidationError):
        services.practice_reject(actor=reviewer, practice=practice, reason="  ")
    with django_capture_on_commit_callbacks(execute=True):
        services.practice_reject(actor=reviewer, practice=practice, reason="Not about solidarity.")
    practice.refresh_from_db()
    assert practice.status == PracticeStatus.REJECTED
    assert "Not about solidarity." in mail.outbox[-1].body
    with pytest.raises(PermissionDenied):
        services.practice_update(actor=contributor_x, practice=practice, fields=fields())


def test_a_published_practice_changes_only_when_the_revision_is_published(
    published_practice, contributor_x, reviewer
):
    services.practice_update(
        actor=contributor_x,
        practice=published_practice,
        fields=fields(title="Community seed banks in four countries"),
    )
    published_practice.refresh_from_db()
    assert published_practice.status == PracticeStatus.DRAFT
    assert published_practice.published["title"] == "Community seed banks for drought-hit farmers"
    assert in_catalogue("drought") == [str(published_practice.pk)]
    services.practice_submit(actor=contributor_x, practice=published_practice)
    services.practice_reject(actor=reviewer, practice=published_practice, reason="Keep the first.")
    published_practice.refresh_from_db()
    assert published_practice.is_public and published_practice.status == PracticeStatus.PUBLISHED

    services.practice_update(
        actor=contributor_x,
        practice=published_practice,
        fields=fields(title="Community seed banks in four countries"),
    )
    services.practice_submit(actor=contributor_x, practice=published_practice)
    version = services.practice_publish(actor=reviewer, practice=published_practice)
    assert version.number == 2
    assert published_practice.versions.count() == 2
    assert in_catalogue('"four countries"') == [str(published_practice.pk)]


def test_retraction_takes_a_practice_out_of_the_catalogue_but_keeps_it(
    published_practice, reviewer, contributor_x
):
    with pytest.raises(PermissionDenied):
        services.practice_retract(actor=contributor_x, practice=published_practice, reason="x")
    with pytest.raises(ValidationError):
        services.practice_retract(actor=reviewer, practice=published_practice, reason="")
    services.practice_retract(
        actor=reviewer, practice=published_practice, reason="Duplicate of 12."
    )
    published_practice.refresh_from_db()
    assert (
        published_practice.retracted_at
        and published_practice.retraction_reason == "Duplicate of 12."
    )
    assert in_catalogue() == []
    assert Practice.objects.filter(pk=published_practice.pk).exists()
    assert published_practice.versions.count() == 1


def test_import_is_all_or_nothing_and_names_the_wrong_record(secretariat, contributor_x):
    good, bad = (
        practice_content(),
        practice_content(title="Second", countries=[{"country": "ZZZ", "role": "partner"}]),
    )
    with pytest.raises(ValidationError) as refused:
        services.practices_import(actor=secretariat, records=[good, bad])
    assert "Record 2 (Second)" in str(refused.value) and "ZZZ" in str(refused.value)
    assert not Practice.objects.exists()
    with pytest.raises(PermissionDenied):
        services.practices_import(actor=contributor_x, records=[good])
    [practice] = services.practices_import(actor=secretariat, records=[good])
    assert practice.is_public and in_catalogue("seed") == [str(practice.pk)]


def test_reindex_rebuilds_the_catalogue_from_the_records(
    published_practice, contributor_x, reviewer
):
    other = publish(
        practice_content(title="Solar lanterns"), submitter=contributor_x, reviewer=reviewer
    )
    search.remove_documents(kind=SEARCH_KIND)
    assert in_catalogue() == []
    assert search.reindexers()[SEARCH_KIND]() == 2
    assert sorted(in_catalogue()) == sorted([str(published_practice.pk), str(other.pk)])
    assert in_catalogue("lantern") == [str(other.pk)]
