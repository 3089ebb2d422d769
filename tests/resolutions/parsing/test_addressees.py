"""Whom an operative paragraph asks to act, in the platform's fixed vocabulary."""

from __future__ import annotations

import pytest

from solidarity.resolutions.parsing.addressees import TERMS, addressees


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("Encourages States to continue", ["States"]),
        ("Calls upon all States that have not yet done so to ratify the Covenant", ["States"]),
        ("Urges Governments to cooperate", ["States"]),
        ("Invites the Human Rights Council to consider the report", ["Human Rights Council"]),
        (
            "Requests the Office of the United Nations High Commissioner for Human Rights "
            "to assist",
            ["Office of the High Commissioner"],
        ),
        ("Requests the High Commissioner to report", ["High Commissioner"]),
        (
            "Requests the Special Rapporteur on the right to food to report to the "
            "General Assembly",
            ["Special Rapporteur"],
        ),
        (
            "Reiterates its request to the Independent Expert to take into account the outcomes",
            ["Independent Expert"],
        ),
        (
            "Decides to request the Advisory Committee to prepare a study",
            ["Advisory Committee"],
        ),
        (
            "Appeals to the international community and donors to support the Fund",
            ["international community", "donors"],
        ),
        (
            "Encourages national human rights institutions and non-governmental organizations "
            "to engage",
            ["national human rights institutions", "non-governmental organizations"],
        ),
        (
            "Requests the Secretary-General, in close consultation with Member States, to prepare",
            ["Secretary-General"],
        ),
    ],
)
def test_the_object_of_a_request_is_named_in_the_vocabulary(text, asked):
    assert addressees(text) == asked


@pytest.mark.parametrize(
    "text",
    [
        "Reaffirms that international cooperation is a duty for States",
        "Takes note of the requests of the Independent Expert to visit countries",
        "Welcomes the invitations extended by States to the Independent Expert",
        "Requests the Independent Expert to report to the Human Rights Council and to the "
        "General Assembly",
        "Decides to continue its consideration of this matter",
        "Acknowledges the increased need for States and other actors to come together",
    ],
)
def test_those_only_mentioned_are_not_asked(text):
    asked = addressees(text)
    assert "Human Rights Council" not in asked and "General Assembly" not in asked
    assert "States" not in asked


def test_the_words_of_united_states_of_america_are_not_states():
    assert addressees("Urges the United States of America to act") == []


def test_the_vocabulary_is_a_fixed_list_of_distinct_terms():
    assert len(TERMS) == len(set(TERMS))
    for term in (
        "States",
        "Member States",
        "Independent Expert",
        "Secretary-General",
        "High Commissioner",
        "Office of the High Commissioner",
        "United Nations agencies",
        "international organizations",
        "non-governmental organizations",
        "civil society",
        "national human rights institutions",
        "Human Rights Council",
        "General Assembly",
        "Special Rapporteur",
    ):
        assert term in TERMS


def test_under_decides_a_sub_paragraph_to_request_someone_asks_them():
    subparagraphs = ["To request the Secretary-General to report;", "To hold a panel."]
    assert addressees("Also decides:", subparagraphs) == ["Secretary-General"]


def test_under_a_request_the_tasks_in_sub_paragraphs_are_the_addressee_s_own():
    subparagraphs = ["To invite States to respond;", "To report to the Council."]
    assert addressees("Requests the Secretary-General:", subparagraphs) == ["Secretary-General"]


def test_a_sub_paragraph_that_itself_calls_upon_someone_adds_them_in_order():
    subparagraphs = ["Calls upon civil society to share good practices;"]
    assert addressees("Urges States to act, and:", subparagraphs) == ["States", "civil society"]
