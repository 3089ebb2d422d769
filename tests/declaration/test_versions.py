"""The secretariat imports versions of the draft declaration; everyone reads them and sees
what changed; every version is kept and exported as Akoma Ntoso."""

from __future__ import annotations

import re

import pytest
from django.core.management import CommandError, call_command
from lxml import etree

from solidarity.core.models import AuditEntry
from solidarity.declaration.models import DeclarationElement, DeclarationVersion
from solidarity.resolutions.akomantoso import AKN_NS, validate
from tests.conftest import client_for
from tests.declaration.conftest import VERSION_1, VERSION_2

pytestmark = pytest.mark.django_db


def test_the_secretariat_imports_a_declaration_from_a_text_file_at_the_command_line(
    tmp_path, capsys
):
    source = tmp_path / "draft.txt"
    source.write_text(VERSION_1, encoding="utf-8")
    call_command("declaration", "import", str(source), "--version-label", "First draft")
    version = DeclarationVersion.objects.get()
    assert (version.number, version.label, version.source_name) == (1, "First draft", "draft.txt")
    assert version.published_at is None
    assert list(version.elements.values_list("eid", flat=True)) == [
        "preamble__p_1",
        "art_1",
        "art_1__para_1",
        "art_1__para_2",
        "art_2",
        "art_3",
        "art_4",
        "art_5",
    ]
    assert version.elements.get(eid="art_2").heading == "Duties of States"
    assert "Version 1 (First draft): 8 elements, not published yet." in capsys.readouterr().out
    assert AuditEntry.objects.filter(action="declaration.import").count() == 1


def test_every_version_is_kept_when_a_new_one_is_imported(tmp_path):
    for number, text in enumerate((VERSION_1, VERSION_2), start=1):
        path = tmp_path / f"v{number}.txt"
        path.write_text(text, encoding="utf-8")
        call_command("declaration", "import", str(path), "--version-label", f"Draft {number}")
    assert list(DeclarationVersion.objects.values_list("number", "label")) == [
        (1, "Draft 1"),
        (2, "Draft 2"),
    ]
    assert DeclarationElement.objects.filter(version__number=1, eid="art_5").exists()
    assert not DeclarationElement.objects.filter(version__number=2, eid="art_5").exists()


def test_a_file_that_does_not_follow_the_layout_is_refused_naming_the_line_and_nothing_is_stored(
    tmp_path,
):
    path = tmp_path / "broken.txt"
    path.write_text("Title\n\nArticle 1\n1. One.\n3. Three.\n", encoding="utf-8")
    with pytest.raises(CommandError, match="Line 5: paragraph 3 of article 1 should be numbered 2"):
        call_command("declaration", "import", str(path), "--version-label", "Broken")
    assert not DeclarationVersion.objects.exists()
    assert not DeclarationElement.objects.exists()


def test_a_version_not_yet_published_is_seen_by_the_secretariat_only(
    version_2_unpublished, personas
):
    assert personas["secretariat"].get("/declaration/versions/2/").status_code == 200
    for role in ("anonymous", "public", "contributor", "focal_point", "reviewer"):
        assert personas[role].get("/declaration/versions/2/").status_code == 404, role
        assert personas[role].get("/declaration/compare/?from=1&to=2").status_code == 404, role
    # The public page shows the published version 1.
    page = personas["anonymous"].get("/declaration/").content.decode()
    assert "Version 1: First draft" in page


def test_the_secretariat_imports_and_publishes_a_version_through_the_page(version_1, secretariat):
    client = client_for(secretariat)
    response = client.post(
        "/declaration/versions/new/", {"label": "Revised draft", "text": VERSION_2}
    )
    assert response.status_code == 302
    assert response["Location"] == "/declaration/versions/2/"
    assert client.post("/declaration/versions/2/publish/").status_code == 302
    version_1.refresh_from_db()
    version_2 = DeclarationVersion.objects.get(number=2)
    assert version_2.published_at is not None and version_2.comments_open
    assert not version_1.comments_open  # the consultation moved to the new version
    assert "Version 2: Revised draft" in client.get("/declaration/").content.decode()


def test_a_pasted_text_with_a_mistake_is_refused_on_the_page_naming_the_line(secretariat):
    response = client_for(secretariat).post(
        "/declaration/versions/new/",
        {"label": "Broken", "text": "Title\n\nArticle 1\n1. One.\n\nArticle 1\nAgain.\n"},
    )
    assert response.status_code == 200
    assert "Line 6: article 1 comes after article 1" in response.content.decode()
    assert not DeclarationVersion.objects.exists()


def test_only_the_secretariat_imports_and_publishes(version_2_unpublished, personas):
    for role in ("public", "contributor", "focal_point", "reviewer"):
        assert personas[role].get("/declaration/versions/new/").status_code == 403, role
        response = personas[role].post(
            "/declaration/versions/new/", {"label": "X", "text": VERSION_1}
        )
        assert response.status_code == 403, role
        assert personas[role].post("/declaration/versions/2/publish/").status_code == 404, role
    assert DeclarationVersion.objects.count() == 2
    assert not DeclarationVersion.objects.get(number=2).published_at


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_compare_view_shows_article_by_article_the_words_that_changed(
    version_2_unpublished, secretariat
):
    page = client_for(secretariat).get("/declaration/compare/?from=1&to=2").content.decode()
    assert "What changed from version 1 to version 2" in page
    section = page.split('id="change-art_2"', 1)[1].split("</section>", 1)[0]
    assert "changed" in section
    assert re.search(
        r"cooperate<ins>\s*in good faith with one another\s*</ins>\s*to realize", section
    )
    removed = page.split('id="change-art_5"', 1)[1].split("</section>", 1)[0]
    assert "removed" in removed
    assert "<del>Reports<br>States shall report every five years.</del>" in removed
    unchanged = page.split('id="change-art_1"', 1)[1].split("</section>", 1)[0]
    assert "unchanged" in unchanged and "<ins>" not in unchanged and "<del>" not in unchanged


def test_a_version_exports_as_akoma_ntoso_that_the_oasis_schema_accepts(version_1, client):
    response = client.get("/declaration/versions/1/declaration.akn.xml")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/akn+xml"
    assert validate(response.content) == []
    root = etree.fromstring(response.content)
    ns = {"a": AKN_NS}
    assert root.find("a:statement", ns).get("name") == "draftDeclaration"
    articles = root.findall(".//a:mainBody/a:article", ns)
    assert [a.get("eId") for a in articles] == ["art_1", "art_2", "art_3", "art_4", "art_5"]
    assert [p.get("eId") for p in articles[0].findall("a:paragraph", ns)] == [
        "art_1__para_1",
        "art_1__para_2",
    ]
    assert articles[1].findtext("a:heading", namespaces=ns) == "Duties of States"
    assert root.find(".//a:preamble/a:p", ns).get("eId") == "preamble__p_1"
    assert root.find(".//a:FRBRversionNumber", ns).get("value") == "1"


def test_the_command_prints_a_version_as_akoma_ntoso(version_1, capsys):
    call_command("declaration", "akn", "1")
    assert validate(capsys.readouterr().out.encode()) == []


def test_the_secretariat_edits_the_text_of_a_version_and_imports_it_as_the_next(
    version_1, secretariat
):
    client = client_for(secretariat)
    page = client.get("/declaration/versions/1/").content.decode()
    assert 'href="/declaration/versions/new/?from=1"' in page
    form = client.get("/declaration/versions/new/?from=1").content.decode()
    assert "Article 2: Duties of States" in form  # the text of version 1, ready to change
    edited = VERSION_1.replace("Everyone may take part.", "Everyone may take part freely.")
    client.post("/declaration/versions/new/", {"label": "Edited", "text": edited})
    assert DeclarationVersion.objects.get(number=2).elements.get(eid="art_3").text == (
        "Everyone may take part freely."
    )
    assert DeclarationVersion.objects.get(number=1).elements.get(eid="art_3").text == (
        "Everyone may take part."
    )
