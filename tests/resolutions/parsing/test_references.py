"""Documents and resolutions cited, each once, with the paragraphs and footnotes citing them."""

from __future__ import annotations

from pathlib import Path

from solidarity.resolutions.parsing import parse_file
from solidarity.resolutions.parsing.references import find_references
from tests.resolutions.parsing.variants import INPUTS

CORPUS = Path(__file__).parents[1] / "corpus"


def _cited(text: str, body: str = "HRC") -> list[tuple[str, str]]:
    return [(r.kind, r.cited) for r in find_references([("pp-1", text)], body)]


def test_document_symbols_are_cited_as_printed_without_the_final_full_stop():
    assert _cited("See A/HRC/56/57 and E/CN.4/2005/L.10/Add.17.") == [
        ("document", "A/HRC/56/57"),
        ("document", "E/CN.4/2005/L.10/Add.17"),
    ]


def test_a_resolution_number_is_prefixed_by_the_body_printed_before_it():
    assert _cited("General Assembly resolution 70/1 and Human Rights Council resolution 53/5") == [
        ("resolution", "GA 70/1"),
        ("resolution", "HRC 53/5"),
    ]


def test_a_number_without_a_body_stays_unprefixed():
    assert _cited("as set out in resolution 53/5,") == [("resolution", "53/5")]


def test_its_resolution_is_the_adopting_body_s_own():
    assert _cited("Recalling its resolution 53/5,", "HRC") == [("resolution", "HRC 53/5")]
    assert _cited("Recalling its resolution 76/156,", "GA") == [("resolution", "GA 76/156")]
    assert _cited("the General Assembly in its resolution 41/128", "HRC") == [
        ("resolution", "GA 41/128")
    ]


def test_a_list_of_council_resolutions_cites_each_one():
    assert _cited("Council resolutions 35/3 of 22 June 2017, 38/8 and 41/1,") == [
        ("resolution", "HRC 35/3"),
        ("resolution", "HRC 38/8"),
        ("resolution", "HRC 41/1"),
    ]


def test_decisions_and_security_council_resolutions_are_told_apart():
    assert _cited("Council decision 18/120 and Security Council resolution 1325 (2000)") == [
        ("decision", "HRC 18/120"),
        ("resolution", "SC 1325 (2000)"),
    ]


def test_the_symbol_of_a_resolution_is_the_same_reference_as_its_number():
    references = find_references(
        [("pp-1", "General Assembly resolution 70/1,"), ("fn-1", "A/RES/70/1.")], "HRC"
    )
    assert [r.to_dict() for r in references] == [
        {"kind": "resolution", "cited": "GA 70/1", "paragraphs": ["pp-1", "fn-1"]}
    ]


def test_footnotes_are_cited_in_document_order_after_the_paragraph_carrying_their_marker():
    document = parse_file(INPUTS / "synthetic-hrc-57-999.txt").document
    cited = {reference.cited: reference.paragraphs for reference in document.references}
    assert cited["GA 41/128"] == ["pp-2", "fn-1"]
    assert cited["HRC 56/4"] == ["pp-1", "fn-9"]
    assert cited["A/HRC/57/2"] == ["fn-10"]
    assert cited["GA 2625 (XXV)"] == ["fn-7"]
    order = [reference.cited for reference in document.references]
    assert order.index("A/HRC/57/45") < order.index("A/HRC/56/57")


def test_the_parts_of_one_resolution_printed_together_are_each_cited():
    # A/RES/80/17, preambular paragraph 1, read in tests/resolutions/corpus: "its resolutions
    # ... 35/147 of 12 December 1980, 36/87 A and B of 9 December 1981, 37/75 of ...".
    document = parse_file(CORPUS / "A_RES_80_17.txt").document
    cited = [reference.cited for reference in document.references]
    position = cited.index("GA 35/147")
    assert cited[position : position + 4] == ["GA 35/147", "GA 36/87 A", "GA 36/87 B", "GA 37/75"]
    assert _cited("Recalling its resolutions 78/262 A, B and C,", "GA") == [
        ("resolution", "GA 78/262 A"),
        ("resolution", "GA 78/262 B"),
        ("resolution", "GA 78/262 C"),
    ]
    assert _cited("resolutions 78/262 A and 79/1", "GA") == [
        ("resolution", "78/262 A"),
        ("resolution", "79/1"),
    ]
