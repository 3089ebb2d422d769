"""The demonstration holds the draft declaration in two versions with comments."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from solidarity.declaration import selectors
from solidarity.declaration.models import DeclarationComment, DeclarationVersion

pytestmark = pytest.mark.django_db


def test_the_demo_holds_an_example_declaration_in_two_versions_with_comments(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    call_command("demo")
    call_command("demo")  # a second run adds nothing
    versions = list(DeclarationVersion.objects.order_by("number"))
    assert [(v.number, v.label, v.is_published) for v in versions] == [
        (1, "Example, first version", True),
        (2, "Example, second version", True),
    ]
    # Plainly an example, not the text of a UN document.
    assert "an example for demonstration, not an official text" in versions[0].title
    assert DeclarationComment.objects.count() == 4
    assert all(c.body.startswith("(Example comment.)") for c in DeclarationComment.objects.all())
    shown_on_2 = {c.eid for c in selectors.comments_shown_on(versions[1])}
    assert shown_on_2 == {"art_2", "art_4", "art_1__para_2"}  # article 5 was removed
    assert "art_5" in {c.eid for c in selectors.comments_shown_on(versions[0])}
    assert versions[1].comments_open and not versions[0].comments_open
