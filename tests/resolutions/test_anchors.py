"""The anchors of 56/4 are a public contract: what researchers cite must keep pointing there."""

import re

import pytest

from solidarity.resolutions import akomantoso, anchors, selectors, services
from solidarity.resolutions.models import OperativeParagraph, PreambularParagraph
from tests.resolutions.akn_fixtures import assembly_without_a_vote

URL = "/resolutions/A/HRC/RES/56/4/"
PREAMBULAR = [f"pp-{n}" for n in range(1, 16)]
OPERATIVE = [f"op-{n}" for n in range(1, 21)]


def test_anchors_are_made_one_way_for_every_part():
    assert anchors.preambular(4) == "pp-4"
    assert anchors.operative(13) == "op-13"
    assert anchors.footnote("1") == "fn-1"
    assert anchors.subparagraph("op-7", "a") == "op-7-a"
    assert anchors.footnote_reference("1", "op-12") == "fnref-1-op-12"
    with pytest.raises(ValueError, match="no anchors"):
        anchors.anchor("annex", 1)


def test_the_parts_of_an_annex_are_anchored_under_the_annex():
    assert anchors.annex(2) == "annex-2"
    assert anchors.annex_paragraph(1, 13) == "annex-1-para-13"
    assert anchors.subparagraph(anchors.annex_paragraph(1, 13), "e") == "annex-1-para-13-e"
    content = [("paragraph", None), ("heading", None), ("paragraph", 1), ("paragraph", None)]
    assert anchors.annex_content_anchors(1, content) == [
        "annex-1-text-1",
        "annex-1-heading-1",
        "annex-1-para-1",
        "annex-1-text-2",
    ]
    assert anchors.split("op-13") == ("op", "13")


def test_the_anchors_of_56_4_are_those_researchers_cite(seed_document):
    assert anchors.paragraph_anchors(seed_document) == PREAMBULAR + OPERATIVE


@pytest.mark.django_db
def test_the_page_of_56_4_carries_every_cited_anchor(client, resolution_56_4):
    html = client.get(URL).content.decode()
    ids = re.findall(r'<(?:p|div) id="((?:pp|op)-\d+)" class="paragraph', html)
    assert ids == PREAMBULAR + OPERATIVE
    assert 'href="#op-13"' in html and 'href="#pp-15"' in html
    assert 'id="fn-1"' in html and 'href="#fnref-1-op-12"' in html
    assert 'href="#fn-1" id="fnref-1-op-12"' in html


@pytest.mark.django_db
def test_the_json_and_akoma_ntoso_name_the_same_paragraph_for_a_footnote(client, resolution_56_4):
    data = client.get(URL + "resolution.json").json()
    assert [note["paragraph"] for note in data["footnotes"]] == ["op-12"]
    xml = client.get(URL + "resolution.akn.xml").content
    assert [note["paragraph"] for note in akomantoso.from_akn(xml)["footnotes"]] == ["op-12"]


@pytest.mark.django_db
def test_search_results_point_at_the_cited_anchor(client, resolution_56_4):
    listed = client.get("/api/v1/resolutions?q=triangular").json()
    assert listed[0]["matching_paragraphs"] == ["op-10"]
    html = client.get("/resolutions/?q=triangular").content.decode()
    assert f'href="{URL}#op-10">para. 10</a>' in html


@pytest.mark.django_db
def test_the_page_reads_the_paragraphs_from_their_rows_in_few_queries(
    client, resolution_56_4, django_assert_max_num_queries
):
    with django_assert_max_num_queries(4):
        resolution = selectors.resolution_for_page("A/HRC/RES/56/4")
        rows = list(resolution.preambular_paragraphs.all())
        rows += list(resolution.operative_paragraphs.all())
    assert [row.anchor for row in rows] == PREAMBULAR + OPERATIVE
    assert isinstance(rows[0], PreambularParagraph) and isinstance(rows[-1], OperativeParagraph)
    assert rows[-1].addressees == resolution.document["operative_paragraphs"][-1]["addressees"]
    # The resolution with its vote, the votes cast, the two kinds of paragraph; what higher
    # areas add (resolutions/extensions.py): its tasks, the documents it cites, its series,
    # the Council's members that year (who did not vote); and the page cache's revision
    # tokens, which alone answer the next anonymous request.
    with django_assert_max_num_queries(9):
        assert client.get(URL).status_code == 200
    with django_assert_max_num_queries(1):
        assert client.get(URL).status_code == 200


@pytest.mark.django_db
def test_a_paragraph_changed_by_a_new_version_shows_from_its_row(
    client, resolution_56_4, seed_document
):
    changed = {**seed_document}
    changed["operative_paragraphs"] = [
        {**p, "text": "Decides to remain seized of the matter."} if p["number"] == 20 else p
        for p in seed_document["operative_paragraphs"]
    ]
    services.resolution_ingest(actor=None, document=changed)
    html = client.get(URL).content.decode()
    assert "</em> to remain seized of the matter." in html
    stored = OperativeParagraph.objects.get(number=20)
    assert stored.text == "Decides to remain seized of the matter."


@pytest.mark.django_db
def test_sub_paragraphs_have_anchors_and_their_footnotes_link_back(client):
    document = assembly_without_a_vote()
    services.resolution_ingest(actor=None, document=document)
    html = client.get("/resolutions/A/RES/78/123/").content.decode()
    for anchor in ("op-8-a", "op-8-b", "op-8-b-i", "op-8-b-ii"):
        assert f'id="{anchor}"' in html
    # The footnote's way back leads to the marker, wherever in op. 8 it stands.
    back = re.search(r'<li id="fn-2"[^>]*>.*?href="#([^"]+)"', html, re.DOTALL)[1]
    assert f'id="{back}"' in html
    assert back == "fnref-2-op-8"
