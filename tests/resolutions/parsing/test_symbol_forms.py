"""Symbols beyond "56/4": special and emergency special sessions, parts, decisions.

A researcher ingests ES-11/1 or a Council special session resolution and finds
it under its own symbol, numbered as the UN numbers it, never as a regular
session's resolution of the same number.
"""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest

from solidarity.resolutions.parsing import parse_file, parse_text
from solidarity.resolutions.parsing.header import session_number, session_type
from solidarity.resolutions.parsing.references import find_references
from solidarity.resolutions.parsing.symbols import Symbol, canonical
from solidarity.resolutions.schema import resolution_schema

FORMS = Path(__file__).parent / "symbol_forms"


def council_special_session(*, session_line: str = "Seventeenth special session") -> str:
    return f"""United Nations                                   A/HRC/RES/S-17/1
General Assembly
Distr.: General
23 August 2011

Human Rights Council
{session_line}

Resolution adopted by the Human Rights Council on 22 August 2011

S-17/1. The human rights situation in the Syrian Arab Republic

The Human Rights Council,

Guided by the Charter of the United Nations,

Reaffirming the purposes and principles of the Charter,

1. Decides to dispatch urgently an independent international commission of inquiry;

2. Decides to remain seized of the matter.

1st meeting
22 August 2011

[Adopted by a recorded vote of 2 to 1, with 1 abstention. The voting was as follows:
In favour: France, Mexico
Against: Cuba
Abstaining: India]
"""


def assembly_part(letter: str, *, printed: str | None = None) -> str:
    printed = printed or f"A/RES/78/262 {letter}"
    return f"""United Nations                                   {printed}
General Assembly
Distr.: General
2 January 2024

Seventy-eighth session
Agenda item 139

Resolution adopted by the General Assembly on 22 December 2023

[on the report of the Fifth Committee (A/78/648)]

78/262 {letter}. Questions relating to the programme budget

The General Assembly,

Having considered the report of the Secretary-General,

1. Approves the recommendations of the Advisory Committee;

2. Requests the Secretary-General to report at its seventy-ninth session.

50th plenary meeting
22 December 2023
"""


COUNCIL_DECISION = """United Nations                                   A/HRC/DEC/56/101
General Assembly
Distr.: General
18 July 2024

Human Rights Council
Fifty-sixth session
Agenda item 6

Decision adopted by the Human Rights Council on 4 July 2024

56/101. Outcome of the universal periodic review: Norway

The Human Rights Council,

Acting in compliance with General Assembly resolution 60/251 of 15 March 2006 and
Human Rights Council resolution 5/1 of 18 June 2007,

Having conducted the review of Norway on 7 November 2023 in conformity with all the
provisions contained in Council resolution 5/1,

Adopts the outcome of the universal periodic review of Norway, comprising the report of
the Working Group on the Universal Periodic Review (A/HRC/56/5).

30th meeting
4 July 2024

[Adopted without a vote.]
"""

ASSEMBLY_DECISION = """General Assembly
Seventy-ninth session

Decision adopted by the General Assembly on 24 December 2024

79/501. Appointment of members of the Committee on Contributions

The General Assembly,

Having considered the report of the Fifth Committee,

1. Appoints the members of the Committee on Contributions;

2. Notes the terms of office of the members appointed.

50th plenary meeting
24 December 2024
"""


def _valid(document) -> dict:
    data = document.to_dict()
    jsonschema.validate(data, resolution_schema())
    return data


@pytest.fixture(scope="module")
def aggression():
    return parse_file(FORMS / "A-RES-ES-11-1.txt")


def test_an_emergency_special_session_resolution_is_numbered_es(aggression):
    document = aggression.document
    assert document.symbol == "A/RES/ES-11/1"
    assert (document.body, document.session, document.session_type) == (
        "GA",
        11,
        "emergency_special",
    )
    assert (document.kind, document.part) == ("resolution", "")
    assert document.title == "Aggression against Ukraine"
    assert document.adopted_on.isoformat() == "2022-03-02"
    assert document.meeting == "5th plenary meeting"
    assert aggression.warnings == []


def test_an_emergency_special_session_resolution_keeps_every_paragraph(aggression):
    document = aggression.document
    assert len(document.preambular_paragraphs) == 18
    assert len(document.operative_paragraphs) == 16
    assert document.preambular_paragraphs[3].lead == "Taking note"
    assert document.preambular_paragraphs[-1].lead == "Welcoming"
    assert document.operative_paragraphs[1].text.startswith("Deplores in the strongest terms")
    assert document.operative_paragraphs[-1].text.startswith("Decides to adjourn the eleventh")


def test_the_json_of_an_emergency_special_session_says_so_and_fits_the_schema(aggression):
    data = _valid(aggression.document)
    assert data["session_type"] == "emergency_special"
    assert "kind" not in data and "part" not in data  # a resolution, in one part


def test_a_resolution_in_parts_cited_by_number_and_letter_is_found(aggression):
    cited = {r.cited for r in aggression.document.references}
    assert "GA 377 A (V)" in cited  # "General Assembly resolution 377 A (V)"


def test_a_council_special_session_resolution_is_numbered_s():
    result = parse_text(council_special_session())
    document = result.document
    assert document.symbol == "A/HRC/RES/S-17/1"
    assert (document.session, document.session_type) == (17, "special")
    assert document.title == "The human rights situation in the Syrian Arab Republic"
    assert document.adopted_on.isoformat() == "2011-08-22"
    assert document.vote is not None and document.vote.yes == 2
    assert result.warnings == []
    assert _valid(document)["session_type"] == "special"


def test_a_special_session_number_under_a_regular_session_line_is_warned_about():
    result = parse_text(council_special_session(session_line="Seventeenth session"))
    assert result.document.symbol == "A/HRC/RES/S-17/1"
    assert [w.message for w in result.warnings] == [
        "the header names session 17 but the resolution is numbered S-17/1"
    ]


@pytest.mark.parametrize("letter", ["A", "B"])
def test_each_part_of_a_resolution_in_parts_is_a_resolution_of_its_own(letter):
    result = parse_text(assembly_part(letter))
    document = result.document
    assert document.symbol == f"A/RES/78/262 {letter}"
    assert (document.session, document.part) == (78, letter)
    assert document.title == "Questions relating to the programme budget"
    assert result.warnings == []  # the running symbol with its letter agrees
    assert _valid(document)["part"] == letter


def test_a_page_header_naming_another_part_is_warned_about():
    result = parse_text(assembly_part("B", printed="A/RES/78/262 A"))
    assert [w.message for w in result.warnings] == [
        "the page header prints A/RES/78/262 A but the resolution is A/RES/78/262 B"
    ]


def test_a_council_decision_is_a_decision_with_its_one_paragraph_unnumbered():
    result = parse_text(COUNCIL_DECISION)
    document = result.document
    assert document.symbol == "A/HRC/DEC/56/101"
    assert document.kind == "decision"
    assert (document.session, document.session_type) == (56, "regular")
    assert document.title == "Outcome of the universal periodic review: Norway"
    assert [p.text[:22] for p in document.preambular_paragraphs] == [
        "Acting in compliance w",
        "Having conducted the r",
    ]
    (decides,) = document.operative_paragraphs
    assert (decides.number, decides.lead) == (1, "Adopts")
    assert decides.text.endswith("(A/HRC/56/5).")
    assert document.meeting == "30th meeting"
    assert result.warnings == []
    assert _valid(document)["kind"] == "decision"


def test_an_assembly_decision_has_a_dec_symbol():
    document = parse_text(ASSEMBLY_DECISION).document
    assert document.symbol == "A/DEC/79/501"
    assert (document.kind, document.body) == ("decision", "GA")
    assert _valid(document)["kind"] == "decision"


def test_a_document_read_back_from_its_json_keeps_its_symbol_form(aggression):
    from solidarity.resolutions.parsing import ResolutionDocument

    for document in (
        aggression.document,
        parse_text(assembly_part("B")).document,
        parse_text(COUNCIL_DECISION).document,
    ):
        again = ResolutionDocument.from_dict(document.to_dict())
        assert (again.kind, again.session_type, again.part) == (
            document.kind,
            document.session_type,
            document.part,
        )


@pytest.mark.parametrize(
    ("printed", "label", "path"),
    [
        ("A/HRC/RES/56/4", "56/4", "A/HRC/RES/56/4"),
        ("A/HRC/RES/S-35/1", "S-35/1", "A/HRC/RES/S-35/1"),
        ("A/RES/ES-11/1", "ES-11/1", "A/RES/ES-11/1"),
        ("A/RES/78/262 A", "78/262 A", "A/RES/78/262A"),
        ("A/HRC/DEC/56/101", "56/101", "A/HRC/DEC/56/101"),
        ("A/DEC/79/501", "79/501", "A/DEC/79/501"),
    ],
)
def test_a_symbol_reads_back_from_its_printed_form_and_its_address(printed, label, path):
    symbol = Symbol.parse(printed)
    assert symbol is not None
    assert (str(symbol), symbol.number_label, symbol.path) == (printed, label, path)
    assert Symbol.parse(path) == symbol
    assert canonical(path) == printed


def test_special_and_regular_sessions_of_the_same_number_are_different_symbols():
    assert Symbol.parse("A/HRC/RES/S-35/1") != Symbol.parse("A/HRC/RES/35/1")
    assert Symbol.parse("A/RES/78/262 A") != Symbol.parse("A/RES/78/262 B")
    assert Symbol.parse("A/HRC/DEC/56/101") != Symbol.parse("A/HRC/RES/56/101")


@pytest.mark.parametrize("text", ["A/HRC/56/4", "A/RES/78", "A/RES/78/262 AB", "S/RES/2623"])
def test_what_is_not_a_resolution_symbol_is_not_read_as_one(text):
    assert Symbol.parse(text) is None
    assert canonical(text) == text


def _cited(text: str, body: str = "HRC") -> list[tuple[str, str]]:
    return [(r.kind, r.cited) for r in find_references([("pp-1", text)], body)]


def test_special_sessions_and_parts_are_cited_with_their_forms():
    assert _cited(
        "Recalling its resolution S-35/1 and General Assembly resolutions ES-11/1 and "
        "78/262 A of 22 December 2023,"
    ) == [
        ("resolution", "HRC S-35/1"),
        ("resolution", "GA ES-11/1"),
        ("resolution", "GA 78/262 A"),
    ]


def test_a_part_printed_after_a_symbol_is_kept():
    assert _cited("See A/RES/78/262 B and A/HRC/RES/S-35/1.") == [
        ("resolution", "GA 78/262 B"),
        ("resolution", "HRC S-35/1"),
    ]


def test_an_old_resolution_in_parts_is_cited_with_its_letter():
    assert _cited("the Covenant (General Assembly resolution 2200 A (XXI), annex),") == [
        ("resolution", "GA 2200 A (XXI)")
    ]


@pytest.mark.parametrize(
    ("line", "number", "kind"),
    [
        ("Seventeenth special session", 17, "special"),
        ("Thirty-fifth special session", 35, "special"),
        ("Eleventh emergency special session", 11, "emergency_special"),
        ("Fifty-sixth session", 56, "regular"),
        ("Seventy-eighth regular session", 78, "regular"),
    ],
)
def test_a_session_line_gives_its_number_and_its_type(line, number, kind):
    assert (session_number(line), session_type(line)) == (number, kind)


def test_another_special_session_in_the_header_is_warned_about():
    result = parse_text(council_special_session(session_line="Eighteenth special session"))
    assert [w.message for w in result.warnings] == [
        "the header names special session 18 but the resolution is numbered S-17/1"
    ]


def test_an_emergency_special_session_line_over_a_special_session_number_is_warned_about():
    text = council_special_session(session_line="Seventeenth emergency special session")
    assert [w.message for w in parse_text(text).warnings] == [
        "the header names emergency special session 17 but the resolution is numbered S-17/1"
    ]
