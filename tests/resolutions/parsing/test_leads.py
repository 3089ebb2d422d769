"""The lead of a paragraph is read from its words, as the UN prints it in italics."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from solidarity.resolutions.parsing import parse_text
from solidarity.resolutions.parsing.leads import (
    GUESSED,
    KNOWN,
    NONE,
    operative_lead,
    preambular_lead,
    read_lead,
)


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        ("Reaffirming all previous resolutions,", "Reaffirming"),
        ("Taking note of the report,", "Taking note"),
        ("Taking note also of the report,", "Taking note also"),
        ("Mindful of the fact that,", "Mindful"),
        ("Deeply concerned that poverty persists,", "Deeply concerned"),
        ("Gravely concerned at the effects,", "Gravely concerned"),
        ("Recalling also its resolution 53/5,", "Recalling also"),
        ("Recalling further that,", "Recalling further"),
        ("Bearing in mind that,", "Bearing in mind"),
        ("Bearing in mind also that,", "Bearing in mind also"),
        ("Noting with appreciation the work,", "Noting with appreciation"),
        ("Noting also with deep concern that,", "Noting also with deep concern"),
        ("Emphasizing, in the light of the pandemic,", "Emphasizing"),
        ("Expressing deep concern at the effects,", "Expressing deep concern"),
        ("Expressing its appreciation to the Expert,", "Expressing its appreciation"),
        ("Having considered the report,", "Having considered"),
        ("Determined to take new steps,", "Determined"),
        ("Guided by the Charter,", "Guided"),
        ("Welcoming[^1] the report,", "Welcoming"),
    ],
)
def test_preambular_leads_are_read_from_plain_words(text, lead):
    assert preambular_lead(text) == (lead, KNOWN)


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        ("Reaffirms the recognition", "Reaffirms"),
        ("Also reaffirms that", "Also reaffirms"),
        ("Further requests the Independent Expert", "Further requests"),
        ("Takes note of the report", "Takes note"),
        ("Takes note with appreciation of the report", "Takes note with appreciation"),
        ("Reiterates its request to the Independent Expert", "Reiterates"),
        ("Calls upon all States", "Calls upon"),
        ("Calls on all States", "Calls on"),
        ("Decides to continue", "Decides"),
        ("Encourages States", "Encourages"),
        ("Strongly condemns all acts", "Strongly condemns"),
        ("Notes with appreciation the contributions", "Notes with appreciation"),
        ("Once again calls upon States", "Once again calls upon"),
        ("Expresses deep concern at", "Expresses deep concern"),
        ("Looks forward to the report", "Looks forward"),
        ("Decides also to hold", "Decides also"),
    ],
)
def test_operative_leads_keep_their_adverb_and_complement(text, lead):
    assert operative_lead(text) == (lead, KNOWN)


def test_a_lead_missing_from_the_lexicon_is_read_by_its_form():
    assert preambular_lead("Cherishing the ideals of the Charter,") == ("Cherishing", GUESSED)
    assert operative_lead("Salutes the work of the Expert;") == ("Salutes", GUESSED)
    assert operative_lead("Warmly salutes the work;") == ("Warmly salutes", GUESSED)


def test_text_that_opens_with_no_lead_gives_none():
    assert preambular_lead("the continuation of a sentence") == ("", NONE)
    assert preambular_lead("United Nations agencies,") == ("", NONE)
    assert operative_lead("The Council") == ("", NONE)


RESOLUTION = """\
Resolution adopted by the Human Rights Council on 10 July 2024

56/999. Leads

The Human Rights Council,

{preamble}

1. {operative}

34th meeting
10 July 2024

[Adopted without a vote.]
"""


def test_an_unknown_lead_in_plain_text_is_kept_with_a_warning_naming_it():
    text = RESOLUTION.format(
        preamble="Cherishing the ideals of the Charter,", operative="Salutes the work."
    )
    result = parse_text(text, source="leads.txt")
    assert result.document.preambular_paragraphs[0].lead == "Cherishing"
    assert result.document.operative_paragraphs[0].lead == "Salutes"
    assert [str(w) for w in result.warnings] == [
        "leads.txt:7: warning: preambular paragraph 1: lead 'Cherishing' is not in the lexicon",
        "leads.txt:9: warning: operative paragraph 1: lead 'Salutes' is not in the lexicon",
    ]


def test_in_markdown_the_italics_decide_a_lead_the_lexicon_does_not_know():
    text = RESOLUTION.format(
        preamble="*Cherishing deeply* the ideals of the Charter,",
        operative="*Salutes* the work.",
    )
    result = parse_text(text)
    assert result.document.preambular_paragraphs[0].lead == "Cherishing deeply"
    assert result.warnings == []


def test_italics_that_disagree_with_a_known_lead_are_reported():
    text = RESOLUTION.format(preamble="*Recalling* also the Charter,", operative="*Decides* so.")
    result = parse_text(text, source="leads.md")
    assert result.document.preambular_paragraphs[0].lead == "Recalling also"
    assert [str(w) for w in result.warnings] == [
        "leads.md:7: warning: the lead printed in italics, 'Recalling', differs from "
        "'Recalling also' read from the words"
    ]


def test_a_preambular_paragraph_after_a_blank_line_may_open_with_an_unknown_lead():
    preamble = "Recalling the Charter,\n\nCherishing its ideals,"
    result = parse_text(RESOLUTION.format(preamble=preamble, operative="Decides so."))
    assert [p.lead for p in result.document.preambular_paragraphs] == ["Recalling", "Cherishing"]


# Leads of real General Assembly resolutions, each with the line it opens (from
# tests/resolutions/corpus) and the lead as the UN sets it in italics.
@pytest.mark.parametrize(
    ("text", "lead"),
    [
        # A/RES/80/27, operative paragraph 5: two verbs sharing their object.
        (
            "Supports and encourages efforts aimed at promoting confidence-building",
            "Supports and encourages",
        ),
        # A/RES/80/3, operative paragraph 2.
        (
            "Expresses its profound gratitude to the Government and the people of",
            "Expresses its profound gratitude",
        ),
        # A/RES/80/21, operative paragraph 4.
        (
            "Expresses its deep regret over the years of stalemate in the work",
            "Expresses its deep regret",
        ),
        # A/RES/80/6, operative paragraph 22: the verb that goes on, with its own verb.
        (
            "Continues to welcome the statement by the President of the Security",
            "Continues to welcome",
        ),
        # A/RES/80/40, operative paragraph 5: an adverb between the verb and "upon".
        ("Calls once again upon all Member States to renew and fulfil", "Calls once again upon"),
        # A/RES/80/35, operative paragraph 6.
        ("Renews its call upon all States and other relevant parties", "Renews its call upon"),
        # A/RES/80/31, operative paragraph 7.
        ("Congratulates the States Parties and signatories to the treaties", "Congratulates"),
    ],
)
def test_real_operative_leads_keep_their_fixed_complement(text, lead):
    assert operative_lead(text) == (lead, KNOWN)


@pytest.mark.parametrize(
    "text",
    [
        # A/RES/80/6, operative paragraph 21, and A/RES/80/46, operative paragraph 12.
        "Encourages further dialogue between the United Nations and the",
        "Encourages further steps to enable States to increasingly prevent",
    ],
)
def test_further_before_a_noun_belongs_to_the_object_not_to_the_operative_lead(text):
    assert operative_lead(text) == ("Encourages", KNOWN)


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        # A/RES/80/28, preambular paragraph 2.
        (
            "Continuing to take the view that an enhanced level of transparency",
            "Continuing to take the view",
        ),
        # A/RES/80/21, preambular paragraph 2.
        (
            "Expressing grave alarm over the threat of an arms race in outer space",
            "Expressing grave alarm",
        ),
        # A/RES/80/40.
        (
            "Being gravely concerned at the continuous and progressive erosion",
            "Being gravely concerned",
        ),
        # A/RES/80/29.
        (
            "Noting with particular interest the initiatives taken in this regard",
            "Noting with particular interest",
        ),
        # A/RES/80/13 and A/RES/80/18: after a preambular lead "further" is its adverb.
        ("Recalling further paragraph 102 of the Final Document", "Recalling further"),
        ("Taking note further of the unilateral declarations made", "Taking note further"),
    ],
)
def test_real_preambular_leads_read_as_printed(text, lead):
    assert preambular_lead(text) == (lead, KNOWN)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Supports and encourages efforts aimed at promoting", "operative"),
        ("Expresses its profound gratitude to the Government", "operative"),
        ("Continues to welcome the statement by the President", "operative"),
        ("Calls once again upon all Member States to renew", "operative"),
        ("Encourages further dialogue between the United Nations", "operative"),
        ("Continuing to take the view that an enhanced level", "preambular"),
        ("Being gravely concerned at the continuous erosion", "preambular"),
        ("Recalling and reaffirming its resolutions", "preambular"),
    ],
)
def test_the_word_by_word_grammar_reads_the_new_leads_as_the_compiled_one(text, kind):
    read = preambular_lead if kind == "preambular" else operative_lead
    assert read_lead(text, kind) == read(text)


_PREAMBLE_WORDS = ["Reaffirming", "Taking", "Bearing", "Expressing", "Noting", "Deeply", "Mindful"]
_PREAMBLE_WORDS += ["Continuing", "Being", "Recalling"]
_OPERATIVE_WORDS = ["Also", "Further", "Takes", "Calls", "Expresses", "Notes", "Strongly"]
_OPERATIVE_WORDS += ["Supports", "Continues", "Encourages", "Renews"]
_FOLLOWING = ["note", "also", "with", "appreciation", "in", "mind", "upon", "its", "deep"]
_FOLLOWING += ["concern", "further", "concerned", "reaffirms", "requests", "the", "report,"]
_FOLLOWING += ["and", "encourages", "reaffirming", "to", "welcome", "take", "view", "once"]
_FOLLOWING += ["again", "gravely", "profound", "gratitude", "particular", "dialogue", "call"]


@settings(max_examples=300, deadline=None)
@given(
    kind=st.sampled_from(["preambular", "operative"]),
    data=st.data(),
)
def test_the_compiled_grammar_reads_every_known_lead_as_the_word_by_word_grammar(kind, data):
    first = data.draw(
        st.sampled_from(_PREAMBLE_WORDS if kind == "preambular" else _OPERATIVE_WORDS)
    )
    rest = data.draw(st.lists(st.sampled_from(_FOLLOWING), max_size=5))
    text = " ".join([first, *rest, "of the Council,"])
    read = preambular_lead if kind == "preambular" else operative_lead
    assert read(text) == read_lead(text, kind)
