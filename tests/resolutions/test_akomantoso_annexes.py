"""Annexes leave in Akoma Ntoso as attachments and come back exactly as they left.

A documentalist exports A/RES/80/3 for a legal-information system: the Awaza
Political Declaration it endorses must travel with it, as an ``<attachment>``
holding a ``<doc name="annex">`` valid against the OASIS schema, with its
headings, numbered paragraphs, sub-paragraphs and footnotes.
"""

from __future__ import annotations

import copy
from pathlib import Path

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from solidarity.resolutions.akomantoso import AKN_NS, from_akn, to_akn, validate
from solidarity.resolutions.parsing import parse_file
from solidarity.resolutions.schema import resolution_schema
from tests.resolutions.akn_fixtures import assembly_without_a_vote
from tests.resolutions.test_akomantoso import texts

CORPUS = Path(__file__).parent / "corpus"
NS = {"akn": AKN_NS}


def awaza() -> dict:
    return parse_file(CORPUS / "A_RES_80_3.txt").document.to_dict()


def test_the_awaza_declaration_exports_validly_and_comes_back_unchanged():
    resolution = awaza()
    xml = to_akn(resolution)
    assert validate(xml) == []
    assert from_akn(xml) == resolution


def test_the_declaration_is_an_attachment_with_its_heading_title_and_parts():
    root = etree.fromstring(to_akn(awaza()))
    [annex] = root.xpath("//akn:attachments/akn:attachment/akn:doc", namespaces=NS)
    assert annex.get("name") == "annex"
    assert annex.xpath("string(akn:preface/akn:p[@class='annexHeading'])", namespaces=NS) == (
        "Annex"
    )
    assert annex.xpath("string(.//akn:docTitle)", namespaces=NS) == "Awaza Political Declaration"
    this = annex.xpath("string(.//akn:FRBRWork/akn:FRBRthis/@value)", namespaces=NS)
    assert this == "/akn/un/statement/deliberation/un-ga/2025-10-14/80-3/!annex_1"
    numbers = annex.xpath("akn:mainBody/akn:paragraph/akn:num/text()", namespaces=NS)
    assert numbers == [f"{n}." for n in range(1, 26)]
    headings = annex.xpath("akn:mainBody/akn:hcontainer[@name='heading']", namespaces=NS)
    assert [h.xpath("string(akn:num)", namespaces=NS) for h in headings] == [
        "I.",
        "II.",
        "",
        "",
        "III.",
    ]
    points = annex.xpath(
        "akn:mainBody/akn:paragraph[@eId='att_1__para_13']/akn:list/akn:point/akn:num/text()",
        namespaces=NS,
    )
    assert points == ["(a)", "(b)", "(c)", "(d)", "(e)"]
    [note] = annex.xpath(".//akn:authorialNote[@marker='1']", namespaces=NS)
    assert note.xpath("string(ancestor::akn:paragraph/@eId)", namespaces=NS) == "att_1__para_2"


def test_the_footnote_of_an_annex_paragraph_comes_back_attached_to_it():
    notes = from_akn(to_akn(awaza()))["footnotes"]
    assert notes[0] == {
        "marker": "1",
        "text": "Resolution 79/233, annex; see also resolution 79/279.",
        "paragraph": "annex-1-para-2",
    }


def test_a_resolution_without_annexes_has_no_attachments():
    root = etree.fromstring(to_akn(assembly_without_a_vote()))
    assert root.xpath("//akn:attachments", namespaces=NS) == []


labels = st.sampled_from(["a", "b", "i", ""]) | texts


def _subparagraphs(depth: int):
    children = st.just([]) if depth == 0 else _subparagraphs(depth - 1)
    item = st.fixed_dictionaries({"label": labels, "text": texts, "subparagraphs": children})
    return st.lists(item, max_size=2)


headings = st.fixed_dictionaries(
    {
        "kind": st.just("heading"),
        "number": st.sampled_from(["I", "II", "A", ""]) | texts,
        "text": texts,
    }
)
paragraphs = st.fixed_dictionaries(
    {
        "kind": st.just("paragraph"),
        "number": st.none() | st.integers(1, 40),
        "text": texts,
        "subparagraphs": _subparagraphs(1),
    }
)
annexes = st.lists(
    st.fixed_dictionaries(
        {
            "heading": st.sampled_from(["Annex", "Annex I", "Annex II"]) | texts,
            "title": texts,
            "content": st.lists(headings | paragraphs, max_size=5),
        }
    ),
    min_size=1,
    max_size=3,
)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(annexes=annexes)
def test_any_annexes_export_validly_and_come_back_unchanged(annexes):
    resolution = {**copy.deepcopy(assembly_without_a_vote()), "annexes": annexes}
    jsonschema.validate(resolution, resolution_schema())
    xml = to_akn(resolution)
    assert validate(xml) == []
    assert from_akn(xml) == resolution
