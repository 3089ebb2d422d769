"""A visitor reads the declaration A/RES/80/3 endorses, below the resolution, and cites it."""

from pathlib import Path

import pytest

from solidarity.resolutions import akomantoso, services
from solidarity.resolutions.parsing import parse_file

pytestmark = pytest.mark.django_db
CORPUS = Path(__file__).parent / "corpus"
URL = "/resolutions/A/RES/80/3/"


@pytest.fixture
def resolution_80_3(db):
    path = CORPUS / "A_RES_80_3.txt"
    document = parse_file(path).document.to_dict()
    resolution, _ = services.resolution_ingest(
        actor=None, document=document, source_name=path.name, source_data=path.read_bytes()
    )
    return resolution


def test_the_annex_is_shown_below_the_resolution_with_citable_paragraphs(client, resolution_80_3):
    html = client.get(URL).content.decode()
    assert html.index('id="op-2"') < html.index('id="annex-1"')
    assert '<span class="annex-title">Awaza Political Declaration</span>' in html
    assert html.count('class="paragraph annex-paragraph"') == 25
    assert 'id="annex-1-para-13"' in html and 'href="#annex-1-para-13"' in html
    assert 'id="annex-1-para-13-e"' in html
    assert "Means of implementation." in html
    assert 'href="#annex-1"' in html  # in the table of contents


def test_the_headings_of_the_annex_are_shown_in_order(client, resolution_80_3):
    html = client.get(URL).content.decode()
    first = html.index("I. Global context and shared commitments")
    partnerships = html.index("Partnerships and support mechanisms")
    conclusion = html.index("III. Conclusion and call to action")
    assert html.index('id="annex-1-para-2"') < first < html.index('id="annex-1-para-3"')
    assert html.index('id="annex-1-para-16"') < partnerships < html.index('id="annex-1-para-17"')
    assert conclusion < html.index('id="annex-1-para-23"')


def test_footnotes_of_the_annex_link_to_its_paragraphs_and_back(client, resolution_80_3):
    html = client.get(URL).content.decode()
    assert 'href="#fn-1" id="fnref-1-annex-1-para-2"' in html
    assert 'href="#fnref-1-annex-1-para-2"' in html
    assert "Resolution 79/233, annex; see also resolution 79/279." in html


def test_the_downloads_keep_the_annex(client, resolution_80_3):
    data = client.get(URL + "resolution.json").json()
    assert [len(annex["content"]) for annex in data["annexes"]] == [30]
    xml = client.get(URL + "resolution.akn.xml").content
    assert akomantoso.validate(xml) == []
    assert akomantoso.from_akn(xml) == data


def test_a_resolution_that_only_adopts_its_annex_shows_its_one_paragraph_unnumbered(client):
    # A/RES/80/9 prints a single operative paragraph, "Adopts ...", with no number before it.
    path = CORPUS / "A_RES_80_9.txt"
    document = parse_file(path).document.to_dict()
    services.resolution_ingest(actor=None, document=document)
    html = client.get("/resolutions/A/RES/80/9/").content.decode()
    paragraph = html[html.index('id="op-1"') :]
    paragraph = paragraph[: paragraph.index("</p>")]
    assert "Adopts" in paragraph
    assert ">1.</a>" not in paragraph
