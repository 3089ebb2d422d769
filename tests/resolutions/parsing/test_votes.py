"""Recorded votes: totals checked against the lists, every State resolved to its ISO code."""

from __future__ import annotations

import pytest

from solidarity.resolutions.parsing import ParseError, parse_file, parse_text
from tests.resolutions.parsing.variants import (
    INPUTS,
    line_of,
    plain_text,
    replace_once,
    seed_markdown,
)

SOURCE = "A-HRC-RES-56-4.md"


def _error(text: str) -> ParseError:
    with pytest.raises(ParseError) as caught:
        parse_text(text, source=SOURCE)
    return caught.value


def test_a_total_that_does_not_match_its_list_is_an_error_at_the_list():
    text = replace_once(seed_markdown(), "vote of 29 to 14", "vote of 30 to 14")
    error = _error(text)
    assert error.line == line_of(text, "*In favour:*")
    assert error.message == "vote: 29 States are listed in favour but the formula says 30"


def test_a_country_listed_twice_in_one_column_is_an_error_naming_it():
    text = replace_once(seed_markdown(), "Costa Rica, Morocco]", "Costa Rica, Morocco, Chile]")
    text = replace_once(text, "with 4 abstentions", "with 5 abstentions")
    error = _error(text)
    assert error.line == line_of(text, "Argentina, Chile, Costa Rica")
    assert error.message == "vote: Chile (CHL) is listed abstaining again"


def test_a_country_listed_in_two_columns_is_an_error_naming_both():
    text = replace_once(seed_markdown(), "Albania, Belgium", "Albania, Cuba, Belgium")
    text = replace_once(text, "29 to 14", "29 to 15")
    error = _error(text)
    assert error.line == line_of(text, "Albania, Cuba")
    assert error.message == "vote: Cuba (CUB) is listed against and also in favour"


def test_an_unknown_country_is_an_error_that_names_it_and_suggests_the_right_name():
    text = replace_once(seed_markdown(), "Eritrea,", "Eritria,")
    error = _error(text)
    assert error.line == line_of(text, "Algeria, Bangladesh")
    assert "unknown country name 'Eritria'" in error.message
    assert "did you mean Eritrea?" in error.message


def test_errors_in_the_vote_of_the_plain_text_point_at_lines_of_the_plain_text():
    text = plain_text(
        replace_once(seed_markdown(), "Eritrea,", "Eritria,"), symbol="A/HRC/RES/56/4"
    )
    error = _error(text)
    assert error.line == line_of(text, "Algeria, Bangladesh")


def test_the_assembly_form_resolves_names_broken_across_lines_and_an_and_before_the_last():
    vote = parse_file(INPUTS / "synthetic-ga-78-998.txt").document.vote
    assert (vote.yes, vote.no, vote.abstain) == (12, 3, 2)
    in_favour = {voter.name: voter.iso3 for voter in vote.in_favour}
    assert in_favour["Bolivia (Plurinational State of)"] == "BOL"
    assert in_favour["Saint Vincent and the Grenadines"] == "VCT"
    assert in_favour["Trinidad and Tobago"] == "TTO"
    assert in_favour["Antigua and Barbuda"] == "ATG"
    assert list(in_favour)[-2:] == ["Viet Nam", "Zimbabwe"]
    assert [voter.iso3 for voter in vote.against] == ["AUS", "CAN", "ISR"]
    assert [voter.iso3 for voter in vote.abstaining] == ["MEX", "CHE"]


def test_a_name_hyphenated_across_lines_keeps_its_printed_form_repaired():
    vote = parse_file(INPUTS / "synthetic-hrc-57-999.txt").document.vote
    names = [voter.name for voter in vote.in_favour]
    assert "Dominican Republic" in names
    assert "United Arab Emirates" in names
    assert (vote.yes, vote.no, vote.abstain) == (30, 13, 4)


RESOLUTION = """\
Resolution adopted by the General Assembly on 19 December 2023

78/123. A resolution for testing votes

The General Assembly,

Recalling its previous resolutions,

1. Decides to remain seized of the matter.

50th plenary meeting
19 December 2023

{vote}
"""


def test_adopted_without_a_vote_records_no_vote():
    result = parse_text(RESOLUTION.format(vote="[Adopted without a vote.]"))
    assert result.document.vote is None
    assert result.warnings == []


def test_a_general_assembly_resolution_printed_without_a_vote_records_none_and_no_warning():
    result = parse_text(RESOLUTION.format(vote=""))
    assert result.document.vote is None
    assert result.warnings == []


def test_the_general_assembly_recorded_vote_form_with_totals_only_keeps_the_totals():
    vote = "Adopted by a recorded vote of 120 to 10, with 40 abstentions."
    text = RESOLUTION.format(vote=vote)
    result = parse_text(text, source="ga.txt")
    assert result.document.vote.to_dict() == {
        "yes": 120,
        "no": 10,
        "abstain": 40,
        "in_favour": [],
        "against": [],
        "abstaining": [],
    }
    line = line_of(text, "Adopted by a recorded vote")
    assert [str(w) for w in result.warnings] == [
        f"ga.txt:{line}: warning: the recorded vote gives totals only, no list of States"
    ]


def test_a_recorded_vote_with_nobody_against_and_no_abstentions():
    vote = (
        "[Adopted by a recorded vote of 3 to none, with no abstentions, as follows:\n"
        "In favour: Brazil, India and South Africa\nAgainst: None\nAbstaining: None]"
    )
    recorded = parse_text(RESOLUTION.format(vote=vote)).document.vote
    assert (recorded.yes, recorded.no, recorded.abstain) == (3, 0, 0)
    assert [voter.iso3 for voter in recorded.in_favour] == ["BRA", "IND", "ZAF"]
    assert recorded.against == [] and recorded.abstaining == []


def test_names_split_across_lines_inside_brackets_resolve():
    vote = (
        "[Adopted by a recorded vote of 2 to 1, with 1 abstention. The voting was as follows:\n"
        "In favour: Bolivia (Plurinational\nState of), Venezuela (Bolivarian Republic\nof)\n"
        "Against: Netherlands (Kingdom\nof the)\nAbstaining: Iran (Islamic Re-\npublic of)]"
    )
    recorded = parse_text(RESOLUTION.format(vote=vote)).document.vote
    assert [(v.name, v.iso3) for v in recorded.in_favour] == [
        ("Bolivia (Plurinational State of)", "BOL"),
        ("Venezuela (Bolivarian Republic of)", "VEN"),
    ]
    assert recorded.against[0].iso3 == "NLD"
    assert recorded.abstaining[0].name == "Iran (Islamic Republic of)"


def test_a_count_against_with_no_list_against_is_an_error():
    vote = (
        "[Adopted by a recorded vote of 1 to 1, with 0 abstentions. The voting was as follows:\n"
        "In favour: Brazil]"
    )
    with pytest.raises(ParseError, match="counts 1 against but no such list is printed"):
        parse_text(RESOLUTION.format(vote=vote))
