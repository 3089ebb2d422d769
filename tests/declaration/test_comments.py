"""Participants comment on the draft declaration article by article; the comments follow
the text from version to version by the elements they are about."""

from __future__ import annotations

import csv
import io
import re
import uuid
import zipfile

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from solidarity.accounts.models import User
from solidarity.core.models import AuditEntry
from solidarity.declaration import selectors, services
from solidarity.declaration.models import DeclarationComment, DeclarationVersion
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def _comment(client, number, eid, body, proposed="", on=None):
    return client.post(
        f"/declaration/versions/{number}/{eid}/",
        {"eid": on or eid, "body": body, "proposed_wording": proposed, "key": str(uuid.uuid4())},
    )


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_a_state_comments_on_an_article_and_proposes_wording(version_1, focal_point_a):
    client = client_for(focal_point_a)
    form = client.get("/declaration/versions/1/art_2/").content.decode()
    assert 'id="comment-form"' in form and 'name="proposed_wording"' in form
    response = _comment(
        client,
        1,
        "art_2",
        "Cooperation should include international organizations.",
        proposed="States shall cooperate with one another and with international organizations.",
    )
    comment = DeclarationComment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/declaration/versions/1/art_2/#comment-{comment.pk}"
    assert (comment.version, comment.eid, comment.stakeholder_type, comment.country_id) == (
        version_1,
        "art_2",
        "state",
        "CUB",
    )
    page = _text(client_for(None).get("/declaration/versions/1/art_2/").content.decode())
    assert "Cuba · State · on Article 2" in page
    assert "Cooperation should include international organizations." in page
    assert "Proposed wording: States shall cooperate with one another and with" in page
    assert AuditEntry.objects.filter(action="declaration.comment").count() == 1


def test_a_comment_can_be_on_one_paragraph_of_an_article(version_1, contributor_x):
    _comment(client_for(contributor_x), 1, "art_1", "Define union.", on="art_1__para_1")
    comment = DeclarationComment.objects.get()
    assert (comment.eid, comment.stakeholder_type, comment.organization.name) == (
        "art_1__para_1",
        "ngo",
        "Organization X",
    )
    page = _text(client_for(None).get("/declaration/versions/1/art_1/").content.decode())
    assert "Organization X · Non-governmental organization · on Article 1, paragraph 1" in page


def test_a_member_of_the_public_comments_as_an_individual_whose_name_is_not_shown(
    version_1, member_of_public
):
    _comment(client_for(member_of_public), 1, "art_3", "Add young people.")
    page = _text(client_for(None).get("/declaration/versions/1/art_3/").content.decode())
    assert "An individual · Individual · on Article 3" in page
    assert member_of_public.full_name not in page


def test_comments_carry_forward_to_a_new_version_where_their_element_remains(
    version_1, focal_point_a, contributor_x
):
    _comment(client_for(focal_point_a), 1, "art_2", "On article 2.")
    _comment(client_for(contributor_x), 1, "art_5", "On article 5.")
    version_2 = services.version_import(
        actor=None,
        source=DeclarationVersion.objects.get(number=1)
        .source_text.replace(
            "States shall cooperate to realize", "States shall cooperate in good faith to realize"
        )
        .replace("\nArticle 5: Reports\nStates shall report every five years.\n", ""),
        label="Revised draft",
        publish=True,
    )
    on_2 = _text(client_for(None).get("/declaration/versions/2/art_2/").content.decode())
    assert "On article 2." in on_2
    assert "made on version 1" in on_2
    assert [c.eid for c in selectors.comments_shown_on(version_2)] == ["art_2"]
    # The comment on the removed article stays with version 1.
    assert client_for(None).get("/declaration/versions/2/art_5/").status_code == 404
    on_5 = _text(client_for(None).get("/declaration/versions/1/art_5/").content.decode())
    assert "On article 5." in on_5
    assert "made on version" not in on_5
    assert "the text under consultation is version 2" in on_5
    # Nothing about a comment was changed by the new version.
    assert set(DeclarationComment.objects.values_list("version__number", "eid")) == {
        (1, "art_2"),
        (1, "art_5"),
    }


def test_a_comment_on_a_removed_element_does_not_come_back_when_the_element_does(
    version_1, focal_point_a
):
    _comment(client_for(focal_point_a), 1, "art_5", "On article 5.")
    source = version_1.source_text
    without_5 = source.replace("\nArticle 5: Reports\nStates shall report every five years.\n", "")
    services.version_import(actor=None, source=without_5, label="Without 5", publish=True)
    version_3 = services.version_import(actor=None, source=source, label="5 again", publish=True)
    assert selectors.comments_shown_on(version_3) == []


def test_comments_are_accepted_only_on_the_version_open_for_comments(version_1, focal_point_a):
    services.version_import(actor=None, source=version_1.source_text, label="v2", publish=True)
    response = _comment(client_for(focal_point_a), 1, "art_2", "Too late.")
    assert response.status_code == 403
    page = client_for(focal_point_a).get("/declaration/versions/1/art_2/").content.decode()
    assert "This version is not open for comments." in page
    assert not DeclarationComment.objects.exists()


@pytest.mark.parametrize("role", ["secretariat", "reviewer", "unconfirmed"])
def test_moderators_and_unconfirmed_contributors_do_not_comment(
    role, version_1, people, contributor_y
):
    person = people.get(role) or contributor_y
    if role == "unconfirmed":
        User.objects.filter(pk=person.pk).update(organization_confirmed_at=None)
        person.refresh_from_db()
    assert _comment(client_for(person), 1, "art_2", "No.").status_code == 403
    with pytest.raises(PermissionDenied):
        services.comment_create(actor=person, version=version_1, eid="art_2", body="No.")
    assert not DeclarationComment.objects.exists()


def test_a_visitor_is_asked_to_sign_in_to_comment(version_1):
    page = client_for(None).get("/declaration/versions/1/art_2/").content.decode()
    assert "/accounts/login/?next=/declaration/versions/1/art_2/" in page
    response = _comment(client_for(None), 1, "art_2", "Anonymous.")
    assert response["Location"] == "/accounts/login/?next=/declaration/versions/1/art_2/"
    assert not DeclarationComment.objects.exists()


def test_a_script_cannot_comment_on_an_element_the_version_does_not_have(version_1, focal_point_a):
    with pytest.raises(ValidationError) as error:
        services.comment_create(actor=focal_point_a, version=version_1, eid="art_9", body="Hm.")
    assert "eid" in error.value.message_dict
    with pytest.raises(ValidationError):
        services.comment_create(actor=focal_point_a, version=version_1, eid="art_2", body="  ")
    assert not DeclarationComment.objects.exists()


def test_a_double_click_makes_one_comment(version_1, focal_point_a):
    client = client_for(focal_point_a)
    data = {"eid": "art_2", "body": "Once.", "proposed_wording": "", "key": str(uuid.uuid4())}
    first = client.post("/declaration/versions/1/art_2/", data)
    second = client.post("/declaration/versions/1/art_2/", data)
    assert DeclarationComment.objects.count() == 1
    assert first["Location"] == second["Location"]


def test_a_moderator_hides_a_comment_with_a_reason_and_it_stays_in_the_record(
    version_1, focal_point_a, reviewer
):
    _comment(client_for(focal_point_a), 1, "art_2", "Something offensive.")
    comment = DeclarationComment.objects.get()
    moderator = client_for(reviewer)
    assert "Hide this comment" in moderator.get("/declaration/versions/1/art_2/").content.decode()
    refused = moderator.post(f"/declaration/comments/{comment.pk}/hide/", {"reason": ""})
    assert refused.status_code == 302
    comment.refresh_from_db()
    assert comment.hidden_at is None
    moderator.post(f"/declaration/comments/{comment.pk}/hide/", {"reason": "Insulting language."})
    comment.refresh_from_db()
    assert (comment.hidden_reason, comment.hidden_by) == ("Insulting language.", reviewer)
    assert comment.body == "Something offensive."  # kept in the record
    public = _text(client_for(None).get("/declaration/versions/1/art_2/").content.decode())
    assert "Hidden by the moderators: Insulting language." in public
    assert "Something offensive." not in public
    assert (
        "Something offensive." in moderator.get("/declaration/versions/1/art_2/").content.decode()
    )
    csv_text = client_for(None).get("/declaration/versions/1/art_2/comments.csv")
    assert "Something offensive." not in b"".join(csv_text.streaming_content).decode()
    assert AuditEntry.objects.filter(action="declaration.comment_hide").count() == 1


def test_only_moderators_hide_comments(version_1, focal_point_a, people):
    _comment(client_for(focal_point_a), 1, "art_2", "Fine.")
    comment = DeclarationComment.objects.get()
    for role in ("public", "contributor", "focal_point", "focal_point_b"):
        response = client_for(people[role]).post(
            f"/declaration/comments/{comment.pk}/hide/", {"reason": "Mine to hide."}
        )
        assert response.status_code == 404, role
    comment.refresh_from_db()
    assert comment.hidden_at is None


def test_the_comments_on_an_article_filter_by_stakeholder_type(
    version_1, focal_point_a, contributor_x, member_of_public
):
    _comment(client_for(focal_point_a), 1, "art_2", "From a State.")
    _comment(client_for(contributor_x), 1, "art_2", "From an NGO.")
    _comment(client_for(member_of_public), 1, "art_2", "From a person.")
    page = _text(
        client_for(None).get("/declaration/versions/1/art_2/?stakeholder=ngo").content.decode()
    )
    assert "From an NGO." in page
    assert "From a State." not in page and "From a person." not in page
    page = _text(
        client_for(None).get("/declaration/versions/1/art_2/?stakeholder=state").content.decode()
    )
    assert "From a State." in page and "From an NGO." not in page


def test_the_comments_on_an_article_export_as_csv_and_as_a_word_document(
    version_1, focal_point_a, contributor_x
):
    _comment(client_for(focal_point_a), 1, "art_2", "=cmd|' /C calc'!A0", proposed="New text.")
    _comment(client_for(contributor_x), 1, "art_1", "On paragraph 2.", on="art_1__para_2")
    response = client_for(None).get("/declaration/versions/1/art_2/comments.csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[0] == [
        "on",
        "eid",
        "made_on_version",
        "stakeholder_type",
        "speaks_for",
        "made_at",
        "comment",
        "proposed_wording",
    ]
    assert len(rows) == 2  # the comment on article 1 is not in article 2's export
    assert rows[1][:5] == ["Article 2", "art_2", "1", "State", "Cuba"]
    assert rows[1][6:] == ["'=cmd|' /C calc'!A0", "New text."]  # no formula for spreadsheets
    docx = client_for(None).get("/declaration/versions/1/art_1/comments.docx")
    assert docx["Content-Type"].startswith("application/vnd.openxmlformats")
    body = zipfile.ZipFile(io.BytesIO(docx.content)).read("word/document.xml").decode()
    assert "On paragraph 2." in body
    assert "Article 1, paragraph 2" in body
    assert "International solidarity is the union of interests and purposes." in body


def test_a_comment_form_works_without_script_and_labels_every_field(version_1, focal_point_a):
    page = client_for(focal_point_a).get("/declaration/versions/1/art_1/").content.decode()
    form = page.split('id="comment-form"', 1)[1]
    # The only script of the page folds the main navigation on phones; the form needs none.
    assert re.findall(r"<script[^>]*>", page) == ['<script src="/static/solidarity/menu.js" defer>']
    for name in ("eid", "body", "proposed_wording"):
        assert f'<label for="id_{name}">' in form, name
    options = re.findall(
        r'<option value="([^"]+)"', form.split('name="eid"', 1)[1].split("</select>")[0]
    )
    assert options == ["art_1", "art_1__para_1", "art_1__para_2"]


def test_the_secretariat_closes_the_consultation_at_the_command_line(
    version_1, focal_point_a, capsys
):
    from django.core.management import call_command

    call_command("declaration", "comments", "1", "close")
    assert "Version 1 is closed for comments." in capsys.readouterr().out
    assert _comment(client_for(focal_point_a), 1, "art_2", "Late.").status_code == 403
    call_command("declaration", "comments", "1", "open")
    assert _comment(client_for(focal_point_a), 1, "art_2", "In time.").status_code == 302
    assert list(DeclarationComment.objects.values_list("body", flat=True)) == ["In time."]


def test_pages_and_the_api_read_a_bounded_number_of_times_however_many_comments(
    version_1, focal_point_a, contributor_x, member_of_public, django_assert_max_num_queries
):
    for person in (focal_point_a, contributor_x, member_of_public) * 5:
        for eid in ("art_1__para_1", "art_2", "preamble__p_1"):
            services.comment_create(actor=person, version=version_1, eid=eid, body="A comment.")
    services.version_import(actor=None, source=version_1.source_text, label="v2", publish=True)
    client = client_for(None)
    for path in (
        "/declaration/versions/2/",
        "/declaration/versions/2/art_1/",
        "/declaration/versions/2/art_1/comments.csv",
        "/api/v1/declaration/versions/2",
        "/declaration/compare/?from=1&to=2",
    ):
        with django_assert_max_num_queries(12):
            response = client.get(path)
            assert response.status_code == 200, path
            if hasattr(response, "streaming_content"):
                b"".join(response.streaming_content)
