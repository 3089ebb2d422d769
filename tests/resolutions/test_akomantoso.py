"""Resolutions leave the platform as Akoma Ntoso 3.0 and come back exactly as they left.

A documentalist exports a resolution for a legal-information system that speaks Akoma Ntoso
(AKN4UN flavour); the file must validate against the OASIS schema, identify the resolution by
its AKN IRI, and carry everything the platform knows, so that importing it again gives the
very same resolution.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from solidarity.resolutions.akomantoso import (
    AKN_NS,
    AkomaNtosoError,
    AkomaNtosoExportError,
    AkomaNtosoImportError,
    from_akn,
    to_akn,
    validate,
)
from tests.resolutions.akn_fixtures import assembly_without_a_vote, council_56_4

SCHEMA = json.loads(
    (
        Path(__file__).parents[2] / "solidarity" / "resolutions" / "resolution.schema.json"
    ).read_text()
)
SEED_PARSED = Path(__file__).parent / "parsing" / "golden" / "A-HRC-RES-56-4.json"
NS = {"akn": AKN_NS}

RESOLUTIONS = pytest.mark.parametrize(
    "resolution",
    [council_56_4(), assembly_without_a_vote()],
    ids=["council-56-4", "assembly-without-a-vote"],
)


def exported(resolution: dict) -> etree._Element:
    return etree.fromstring(to_akn(resolution))


def one(root: etree._Element, xpath: str) -> etree._Element:
    found = root.xpath(xpath, namespaces=NS)
    assert len(found) == 1, f"{xpath} matched {len(found)} elements"
    return found[0]


def text_of(element: etree._Element) -> str:
    return "".join(element.itertext())


# --------------------------------------------------------------------------- the two fixtures


@RESOLUTIONS
def test_the_hand_written_fixtures_are_resolutions_the_parser_could_produce(resolution):
    jsonschema.validate(resolution, SCHEMA)


@RESOLUTIONS
def test_an_exported_resolution_validates_against_the_oasis_schema(resolution):
    assert validate(to_akn(resolution)) == []


@RESOLUTIONS
def test_importing_an_export_gives_back_the_very_same_resolution(resolution):
    assert from_akn(to_akn(resolution)) == resolution


@RESOLUTIONS
def test_the_same_resolution_always_exports_to_the_same_bytes(resolution):
    assert to_akn(resolution) == to_akn(copy.deepcopy(resolution))


def test_resolution_56_4_is_identified_by_its_akn4un_iris():
    root = exported(council_56_4())
    work = "/akn/un/statement/deliberation/un-hrc/2024-07-10/56-4"
    assert one(root, "//akn:FRBRWork/akn:FRBRuri").get("value") == work
    assert one(root, "//akn:FRBRWork/akn:FRBRthis").get("value") == f"{work}/!main"
    assert one(root, "//akn:FRBRExpression/akn:FRBRuri").get("value") == f"{work}/eng@2024-07-10"
    assert one(root, "//akn:FRBRManifestation/akn:FRBRuri").get("value") == (
        f"{work}/eng@2024-07-10.akn"
    )
    assert one(root, "//akn:FRBRWork/akn:FRBRcountry").get("value") == "un"
    assert one(root, "//akn:FRBRExpression/akn:FRBRlanguage").get("language") == "eng"
    assert one(root, "//akn:FRBRWork/akn:FRBRauthor").get("href") == "#un-hrc"
    council = one(root, "//akn:references/akn:TLCOrganization[@eId='un-hrc']")
    assert council.get("showAs") == "Human Rights Council"
    assert one(root, "/akn:akomaNtoso/akn:statement").get("name") == "resolution"


def test_a_general_assembly_resolution_is_identified_under_un_ga():
    root = exported(assembly_without_a_vote())
    assert one(root, "//akn:FRBRWork/akn:FRBRuri").get("value") == (
        "/akn/un/statement/deliberation/un-ga/2023-12-19/78-123"
    )


def test_the_preface_carries_symbol_title_body_session_agenda_item_and_dates():
    preface = one(exported(council_56_4()), "//akn:preface")
    assert text_of(one(preface, ".//akn:docNumber")) == "A/HRC/RES/56/4"
    assert text_of(one(preface, ".//akn:docTitle")) == "Human rights and international solidarity"
    assert one(preface, ".//akn:docAuthority").get("refersTo") == "#un-hrc"
    session = one(preface, ".//akn:session")
    assert (session.get("value"), session.text) == ("56", "Fifty-sixth session")
    assert text_of(one(preface, ".//akn:inline[@name='agendaItem']")) == "3"
    adoption = one(preface, ".//akn:docDate[@refersTo='#adoption']")
    assert (adoption.get("date"), adoption.text) == ("2024-07-10", "10 July 2024")
    assert one(preface, ".//akn:docDate[@refersTo='#distribution']").get("date") == "2024-07-11"


def test_the_preamble_opens_with_the_enacting_formula_and_marks_each_lead():
    preamble = one(exported(council_56_4()), "//akn:preamble")
    formula = one(preamble, "akn:formula[@name='enactingFormula']/akn:p")
    assert text_of(formula) == "The Human Rights Council,"
    containers = preamble.xpath("akn:container[@name='preambularParagraph']", namespaces=NS)
    assert [c.get("eId") for c in containers] == [f"preamble__pp_{i}" for i in range(1, 16)]
    assert text_of(one(containers[6], "akn:p/akn:i")) == "Mindful"


def test_operative_paragraph_13_is_numbered_led_and_addressed():
    root = exported(council_56_4())
    paragraph = one(root, "//akn:paragraph[@eId='para_13']")
    assert text_of(one(paragraph, "akn:num")) == "13."
    assert text_of(one(paragraph, "akn:content/akn:p/akn:i")) == "Requests"
    addressees = []
    for ref in paragraph.get("refersTo").split():
        tlc = one(root, f"//akn:references/*[@eId='{ref.removeprefix('#')}']")
        addressees.append(tlc.get("showAs"))
    assert addressees == [
        "States",
        "United Nations agencies",
        "international organizations",
        "non-governmental organizations",
    ]


def test_the_footnote_of_paragraph_12_sits_where_its_marker_was():
    paragraph = one(exported(council_56_4()), "//akn:paragraph[@eId='para_12']")
    note = one(paragraph, "akn:content/akn:p/akn:authorialNote")
    assert (note.get("marker"), note.get("placement")) == ("1", "bottom")
    assert note.get("eId") == "para_12__authorialNote_1"
    assert text_of(note) == "A/HRC/56/57."
    assert note.getprevious().tail.endswith("regional networks;")
    assert "[^1]" not in text_of(paragraph)


def test_sub_paragraphs_become_nested_lists_of_points():
    paragraph = one(exported(assembly_without_a_vote()), "//akn:paragraph[@eId='para_8']")
    intro = one(paragraph, "akn:intro/akn:p")
    assert text_of(intro) == "Calls upon all States and the United Nations system:"
    point_a = one(paragraph, "akn:list[@eId='para_8__list_1']/akn:point[1]")
    assert point_a.get("eId") == "para_8__list_1__point_a"
    assert text_of(one(point_a, "akn:num")) == "(a)"
    nested = paragraph.xpath(".//akn:point/akn:list/akn:point", namespaces=NS)
    assert [point.get("eId") for point in nested] == [
        "para_8__list_1__point_b__list_1__point_i",
        "para_8__list_1__point_b__list_1__point_ii",
    ]
    assert [text_of(one(point, "akn:num")) for point in nested] == ["(i)", "(ii)"]
    assert one(nested[1], ".//akn:authorialNote").get("marker") == "2"


def test_citations_link_to_the_documents_they_cite():
    root = exported(assembly_without_a_vote())
    links = {ref.get("showAs"): ref.get("href") for ref in root.iterfind(".//akn:activeRef", NS)}
    assert links == {
        "70/1": "https://undocs.org/A/RES/70/1",
        "HRC 56/4": "https://undocs.org/A/HRC/RES/56/4",
        "A/HRC/56/57": "https://undocs.org/A/HRC/56/57",
        "A/78/250": "https://undocs.org/A/78/250",
    }
    recalled = one(root, "//akn:container[@eId='preamble__pp_1']//akn:ref")
    assert (recalled.text, recalled.get("href")) == ("70/1", "https://undocs.org/A/RES/70/1")
    in_footnote = one(root, "//akn:container[@eId='preamble__pp_2']//akn:authorialNote//akn:ref")
    assert in_footnote.get("href") == "https://undocs.org/A/HRC/56/57"


def test_the_recorded_vote_lists_29_14_4_with_every_country_and_its_code():
    root = exported(council_56_4())
    vote = one(root, "//akn:conclusions/akn:container[@name='vote']")
    counts = {q.get("refersTo"): q.get("normalized") for q in vote.iterfind(".//akn:quantity", NS)}
    assert counts == {"#vote-in-favour": "29", "#vote-against": "14", "#vote-abstaining": "4"}
    sides = {}
    for name in ("inFavour", "against", "abstaining"):
        side = one(vote, f"akn:container[@name='{name}']")
        sides[name] = {
            text_of(org): one(root, f"//akn:TLCOrganization[@eId='{org.get('refersTo')[1:]}']").get(
                "shortForm"
            )
            for org in side.iterfind(".//akn:organization", NS)
        }
    assert [len(members) for members in sides.values()] == [29, 14, 4]
    assert sides["against"]["Netherlands (Kingdom of the)"] == "NLD"
    assert sides["inFavour"]["Côte d'Ivoire"] == "CIV"
    meeting = one(root, "//akn:conclusions//akn:inline[@name='meeting']")
    assert meeting.text == "34th meeting"


def test_a_resolution_adopted_without_a_vote_has_no_vote_block():
    root = exported(assembly_without_a_vote())
    assert root.xpath("//akn:container[@name='vote']", namespaces=NS) == []
    assert from_akn(to_akn(assembly_without_a_vote()))["vote"] is None


# --------------------------------------------------------------------------- the parser's output


def test_the_parsers_output_for_the_seed_exports_validly_and_round_trips():
    parsed = json.loads(SEED_PARSED.read_text(encoding="utf-8"))
    assert (parsed["symbol"], parsed["vote"]["yes"], parsed["vote"]["no"]) == (
        "A/HRC/RES/56/4",
        29,
        14,
    )
    xml = to_akn(parsed)
    assert validate(xml) == []
    assert from_akn(xml) == parsed


@pytest.mark.parametrize(
    "golden", sorted(SEED_PARSED.parent.glob("*.json")), ids=lambda path: path.stem
)
def test_every_golden_parser_output_exports_validly_and_round_trips(golden):
    parsed = json.loads(golden.read_text(encoding="utf-8"))
    xml = to_akn(parsed)
    assert validate(xml) == []
    assert from_akn(xml) == parsed


# --------------------------------------------------------------------------- awkward but valid


def _awkward() -> dict:
    doc = assembly_without_a_vote()
    doc["preambular_paragraphs"][0]["index"] = 7  # not its position
    doc["preambular_paragraphs"][1]["lead"] = "Noting"  # does not open the text
    doc["preambular_paragraphs"][2]["lead"] = ""
    doc["operative_paragraphs"][1]["number"] = 1  # printed twice
    doc["operative_paragraphs"][7]["subparagraphs"][1]["label"] = "b bis"
    doc["operative_paragraphs"][8]["addressees"] = ["author", "nld", "", "Secretary-General"]
    doc["footnotes"] = [
        {"marker": "2", "text": "Listed first, printed second.", "paragraph": "op-8"},
        {"marker": "1", "text": "A/HRC/56/57.", "paragraph": "pp-2"},
        {"marker": "9", "text": "Its marker is nowhere.", "paragraph": "op-3"},
        {"marker": "*", "text": "No paragraph carries it.", "paragraph": None},
    ]
    doc["references"].append({"kind": "decision", "cited": "CHR 2005/1", "paragraphs": ["x"]})
    doc["agenda_item"] = ""
    doc["distributed_on"] = None
    doc["adopted_on"] = None
    doc["meeting"] = "\r\n  "
    doc["title"] = 'Fish & chips <b>"quoted"</b> ]]> التضامن 团结'
    doc["vote"] = {
        "yes": 1,
        "no": 0,
        "abstain": 7,
        "in_favour": [{"name": "Türkiye, Republic of", "iso3": "TUR"}],
        "against": [],
        "abstaining": [{"name": "", "iso3": "NLD"}, {"name": "Netherlands", "iso3": "NLD"}],
    }
    return doc


def test_dicts_the_printed_layout_cannot_express_still_validate_and_round_trip():
    doc = _awkward()
    jsonschema.validate(doc, SCHEMA)
    xml = to_akn(doc)
    assert validate(xml) == []
    assert from_akn(xml) == doc


def test_a_resolution_with_no_known_date_still_gets_a_well_formed_iri():
    root = exported(_awkward())
    assert one(root, "//akn:FRBRWork/akn:FRBRuri").get("value") == (
        "/akn/un/statement/deliberation/un-ga/0001-01-01/78-123"
    )
    assert one(root, "//akn:FRBRWork/akn:FRBRdate").get("name") == "unknown"


def test_a_dict_holding_characters_xml_cannot_carry_is_refused_by_name():
    doc = council_56_4()
    doc["operative_paragraphs"][2]["text"] += "\x00"
    with pytest.raises(AkomaNtosoExportError, match=r"operative_paragraphs\[2\]\.text"):
        to_akn(doc)


def test_a_date_that_is_not_iso_is_refused():
    doc = council_56_4()
    doc["adopted_on"] = "10 July 2024"
    with pytest.raises(AkomaNtosoExportError, match="adopted_on"):
        to_akn(doc)


# --------------------------------------------------------------------------- generated resolutions

ODD_TEXT = [
    "<", ">", "&", "&amp;", '"', "'", "]]>", "\r", "\r\n", "\t", "  ", "[^", "]",
    "مرحبا بالتضامن الدولي", "国际团结", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "é", "\u200f",
]  # fmt: skip
texts = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Cn")),
    max_size=30,
) | st.lists(st.sampled_from(ODD_TEXT), max_size=5).map("".join)
leads = st.sampled_from(["Recalling", "Also requests", "Takes note", "يؤكد", "重申", ""]) | texts
labels = st.sampled_from(["a", "b", "i", "ii", "a bis", "", "(c)", "٣"]) | texts
iso3 = st.from_regex(r"[A-Z]{3}", fullmatch=True)
dates = st.none() | st.dates(dt.date(1946, 1, 1), dt.date(2100, 12, 31)).map(dt.date.isoformat)


def _subparagraphs(depth: int):
    children = st.just([]) if depth == 0 else _subparagraphs(depth - 1)
    item = st.fixed_dictionaries({"label": labels, "text": texts, "subparagraphs": children})
    return st.lists(item, max_size=3)


@st.composite
def resolutions(draw) -> dict:
    body = draw(st.sampled_from(["HRC", "GA"]))
    session, number = draw(st.integers(1, 999)), draw(st.integers(1, 999))
    prefix = "A/HRC/RES" if body == "HRC" else "A/RES"

    def paragraph_text(lead: str) -> str:
        rest = draw(texts)
        return draw(st.sampled_from([lead + rest, lead + rest, rest, lead]))

    preambular = []
    for position in range(1, draw(st.integers(0, 4)) + 1):
        lead = draw(leads)
        index = draw(st.sampled_from([position, position, draw(st.integers(1, 5))]))
        preambular.append({"index": index, "lead": lead, "text": paragraph_text(lead)})
    operative = []
    for position in range(1, draw(st.integers(0, 4)) + 1):
        lead = draw(leads)
        operative.append(
            {
                "number": draw(st.sampled_from([position, position, draw(st.integers(1, 5))])),
                "lead": lead,
                "text": paragraph_text(lead),
                "subparagraphs": draw(_subparagraphs(2)),
                "addressees": draw(
                    st.lists(st.sampled_from(["States", "Secretary-General", "nld"]) | texts)
                ),
            }
        )

    def with_subparagraphs(paragraph: dict) -> list[dict]:
        nested = [paragraph]
        for sub in paragraph.get("subparagraphs", []):
            nested += with_subparagraphs(sub)
        return nested

    def carriers(anchor) -> list[dict]:
        found = [pp for pp in preambular if f"pp-{pp['index']}" == anchor]
        for op in operative:
            if f"op-{op['number']}" == anchor:
                found += with_subparagraphs(op)
        return found

    def print_into(anchor, fragment: str) -> None:
        """Sometimes print the fragment somewhere in a paragraph the anchor names."""
        if carriers(anchor) and draw(st.booleans()):
            carrier = draw(st.sampled_from(carriers(anchor)))
            at = draw(st.integers(0, len(carrier["text"])))
            carrier["text"] = carrier["text"][:at] + fragment + carrier["text"][at:]

    anchors = [f"pp-{pp['index']}" for pp in preambular]
    anchors += [f"op-{op['number']}" for op in operative]
    footnotes = []
    for _ in range(draw(st.integers(0, 4))):
        marker = draw(st.sampled_from(["1", "2", "3", "*"]) | texts)
        anchor = draw(st.none() | st.sampled_from(anchors or ["op-1"]) | texts)
        print_into(anchor, f"[^{marker}]")
        footnotes.append({"marker": marker, "text": draw(texts), "paragraph": anchor})

    anchors += [f"fn-{fn['marker']}" for fn in footnotes]
    references = []
    for _ in range(draw(st.integers(0, 3))):
        kind = draw(st.sampled_from(["document", "resolution", "decision"]))
        cited = draw(st.sampled_from(["A/HRC/56/57", "53/5", "GA 70/1", "HRC 1/2"]) | texts)
        paragraphs = draw(st.lists(st.sampled_from(anchors or ["op-1"]) | texts, max_size=3))
        for anchor in paragraphs:
            print_into(anchor, f" resolution {cited.rsplit(' ', 1)[-1]}, ")
        references.append({"kind": kind, "cited": cited, "paragraphs": paragraphs})
    voters = st.lists(st.fixed_dictionaries({"name": texts, "iso3": iso3}), max_size=4)
    vote = draw(
        st.none()
        | st.fixed_dictionaries(
            {
                "yes": st.integers(0, 200),
                "no": st.integers(0, 200),
                "abstain": st.integers(0, 200),
                "in_favour": voters,
                "against": voters,
                "abstaining": voters,
            }
        )
    )
    return {
        "symbol": f"{prefix}/{session}/{number}",
        "body": body,
        "session": session,
        "agenda_item": draw(st.sampled_from(["", "3", "69 (b)"]) | texts),
        "title": draw(texts.filter(bool)),
        "adopted_on": draw(dates),
        "distributed_on": draw(dates),
        "meeting": draw(st.sampled_from(["34th meeting", ""]) | texts),
        "preambular_paragraphs": preambular,
        "operative_paragraphs": operative,
        "footnotes": footnotes,
        "references": references,
        "vote": vote,
    }


@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(resolution=resolutions())
def test_any_valid_resolution_exports_validly_and_comes_back_unchanged(resolution):
    jsonschema.validate(resolution, SCHEMA)
    xml = to_akn(resolution)
    assert validate(xml) == []
    assert from_akn(xml) == resolution


# --------------------------------------------------------------------------- refusing bad input

SEED_XML = to_akn(council_56_4())


@pytest.mark.parametrize(
    ("xml", "complaint"),
    [
        (b"This is a resolution, honestly.", "not well-formed XML"),
        (b"<html><body>56/4</body></html>", "root element is <html>"),
        (f'<akomaNtoso xmlns="{AKN_NS}"><act name="x"/></akomaNtoso>'.encode(), "statement"),
        (
            b'<!DOCTYPE akomaNtoso [<!ENTITY x "y">]>' + SEED_XML.split(b"?>", 1)[1],
            "DOCTYPE",
        ),
        (SEED_XML.replace(b"docNumber", b"docStage"), "<docNumber>"),
        (SEED_XML.replace(b"<num>13.</num>", b"<num>thirteen</num>"), "'thirteen'"),
        (SEED_XML.replace(b'refersTo="#nld"', b'refersTo="#atlantis"'), "#atlantis"),
    ],
    ids=["prose", "html", "an-act", "doctype", "no-symbol", "bad-number", "unknown-country"],
)
def test_bytes_that_are_not_an_akn_resolution_are_refused_naming_the_problem(xml, complaint):
    with pytest.raises(AkomaNtosoImportError, match=complaint) as refused:
        from_akn(xml)
    assert isinstance(refused.value, AkomaNtosoError)
    assert isinstance(refused.value, ValueError)


def test_validation_reports_what_breaks_the_schema():
    broken = SEED_XML.replace(b'<statement name="resolution">', b"<statement>")
    errors = validate(broken)
    assert errors
    assert any("name" in error for error in errors)
    [not_xml] = validate(b"<unclosed>")
    assert not_xml.startswith("not well-formed XML")
