"""The services check what they store themselves, whoever calls them: a script,
the API or the admin gets the same refusals as the form, and nothing is stored."""

import pytest
from django.core.exceptions import ValidationError

from solidarity.core.models import AuditEntry
from solidarity.practices import services
from solidarity.practices.models import Practice, Theme
from solidarity.practices.validation import clean_content
from tests.conftest import practice_content

pytestmark = pytest.mark.django_db


def fields(**changes):
    return clean_content(
        practice_content(**changes),
        theme_codes=services.theme_codes(),
        country_codes=services.country_codes(),
    )


def _refused(call, *names):
    with pytest.raises(ValidationError) as refused:
        call()
    assert sorted(refused.value.message_dict) == sorted(names)
    return refused.value


def test_a_script_that_skips_the_form_cannot_store_a_practice_the_form_would_refuse(
    contributor_x,
):
    bad = {
        **fields(),
        "title": "",
        "sdg_targets": ["2.4", "99.9"],
        "countries": [{"country": "XXX", "role": "partner"}],
        "contact_email": "not an address",
    }
    _refused(
        lambda: services.practice_create(actor=contributor_x, fields=bad),
        "title",
        "sdg_targets",
        "countries",
        "contact_email",
    )
    assert not Practice.objects.exists()
    assert not AuditEntry.objects.filter(action="practice.create").exists()


def test_a_practice_cannot_be_given_its_status_or_owner_through_its_fields(contributor_x):
    _refused(
        lambda: services.practice_create(
            actor=contributor_x, fields={**fields(), "status": "published", "submitted_by": 1}
        ),
        "status",
        "submitted_by",
    )
    assert not Practice.objects.exists()


def test_rich_text_from_a_script_is_sanitized_as_the_forms_is(contributor_x):
    practice, _ = services.practice_create(
        actor=contributor_x,
        fields={**fields(), "description": '<p onclick="x()">Seeds<script>alert(1)</script></p>'},
    )
    practice.refresh_from_db()
    assert practice.description == "<p>Seeds</p>"


def test_an_update_with_a_wrong_field_changes_nothing(contributor_x):
    practice, _ = services.practice_create(actor=contributor_x, fields=fields())
    _refused(
        lambda: services.practice_update(
            actor=contributor_x,
            practice=practice,
            fields={"title": "New title", "started_on": "2024-01-01", "ended_on": "2020-01-01"},
        ),
        "ended_on",
    )
    practice.refresh_from_db()
    assert practice.title == "Community seed banks for drought-hit farmers"
    assert not AuditEntry.objects.filter(action="practice.update").exists()


def test_a_theme_needs_a_code_in_letters_and_an_english_label(secretariat):
    _refused(
        lambda: services.theme_create(
            actor=secretariat, code="water and sanitation", labels={"en": "Water"}
        ),
        "code",
    )
    _refused(
        lambda: services.theme_create(
            actor=secretariat, code="water", labels={"fr": "Eau", "xx": "?"}
        ),
        "labels",
    )
    assert not Theme.objects.filter(code__startswith="water").exists()


def test_a_theme_code_already_taken_is_refused_by_name_not_by_the_database(secretariat):
    existing = Theme.objects.first()
    _refused(
        lambda: services.theme_create(
            actor=secretariat, code=existing.code, labels={"en": "Another label"}
        ),
        "code",
    )
