"""The accounts services check what they store, whoever calls them."""

import pytest
from django.core.exceptions import ValidationError

from solidarity.accounts import services
from solidarity.accounts.models import User
from solidarity.core.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_a_script_cannot_create_an_account_with_a_wrong_address_name_or_language(secretariat):
    for wrong, field in (
        ({"email": "not an address"}, "email"),
        ({"full_name": "  \x07 "}, "full_name"),
        ({"language": "tlh"}, "language"),
        ({"role": "emperor"}, "role"),
    ):
        values = {
            "email": "someone@example.org",
            "full_name": "Some One",
            "role": "reviewer",
            "password": None,
            **wrong,
        }
        with pytest.raises(ValidationError) as refused:
            services.user_create(actor=secretariat, **values)
        assert list(refused.value.message_dict) == [field]
    assert not User.objects.filter(email="someone@example.org").exists()
    assert not AuditEntry.objects.filter(action="user.create", actor=secretariat).exists()


def test_an_unknown_role_is_refused_by_name_and_changes_nothing(secretariat, reviewer):
    with pytest.raises(ValidationError) as refused:
        services.user_set_role(actor=secretariat, user=reviewer, role="emperor")
    assert list(refused.value.message_dict) == ["role"]
    reviewer.refresh_from_db()
    assert reviewer.role == "reviewer"
