"""Searching resolutions paragraph by paragraph, on the real 56/4.

What each paragraph holds was read in solidarity/demo/data/A-HRC-RES-56-4.md:
"solidarity" is in preambular paragraphs 1, 5, 9, 10, 11, 13 and 14 and in
operative paragraphs 1, 2, 5-10 and 12-16; forms of "development" are in
preambular 3-10 and operative 4, 9, 14 and 16.
"""

from __future__ import annotations

import re

import pytest

SOLIDARITY = {
    "pp-1", "pp-5", "pp-9", "pp-10", "pp-11", "pp-13", "pp-14",
    "op-1", "op-2", "op-5", "op-6", "op-7", "op-8", "op-9", "op-10",
    "op-12", "op-13", "op-14", "op-15", "op-16",
}  # fmt: skip
DEVELOPMENT = {
    "pp-3", "pp-4", "pp-5", "pp-6", "pp-7", "pp-8", "pp-9", "pp-10",
    "op-4", "op-9", "op-14", "op-16",
}  # fmt: skip
LINK = re.compile(r'href="/resolutions/A/HRC/RES/56/4/#((?:pp|op)-\d+)"')


HIT_LISTS = re.compile(r'<ul class="hits">(.*?)</ul>', re.DOTALL)
LEFT_OUT = re.compile(r'<p class="left-out">(.*?)</p>', re.DOTALL)


def linked(html: str) -> set[str]:
    """The paragraphs listed as hits."""
    return {anchor for hits in HIT_LISTS.findall(html) for anchor in LINK.findall(hits)}


def left_out(html: str) -> set[str]:
    """The paragraphs the page says it leaves out for a word left out."""
    return {anchor for note in LEFT_OUT.findall(html) for anchor in LINK.findall(note)}


def page(client, query: str) -> str:
    response = client.get("/resolutions/", {"q": query})
    assert response.status_code == 200
    return response.content.decode()


def test_every_paragraph_holding_a_common_word_is_linked(client, resolution_56_4):
    html = page(client, "solidarity")
    assert linked(html) == SOLIDARITY
    assert f"Show all {len(SOLIDARITY)} matching paragraphs" in html
    assert "<details" in html  # opens without scripts


def test_a_word_left_out_is_left_out_of_each_paragraph_not_of_the_resolution(
    client, resolution_56_4
):
    html = page(client, "solidarity NOT development")
    assert "No paragraph matches" not in html
    assert linked(html) == SOLIDARITY - DEVELOPMENT
    assert "op-13" in linked(html)
    assert "1 resolution" in html
    assert "Not shown: 6 paragraphs hold the words searched for but also a word left out" in html
    assert left_out(html) == SOLIDARITY & DEVELOPMENT


def test_all_the_words_must_stand_in_one_paragraph(client, resolution_56_4):
    html = page(client, "pandemic development")
    # "pandemic" is in preambular 13 and 14 and operative 8, none of which speaks of development.
    assert linked(html) == set()
    assert "1 more resolution holds these words, but in no one paragraph" in html
    assert "No paragraph matches the search on its own" in html
    both = page(client, "solidarity cooperation")
    # Operative 13 asks States "to cooperate": the same stem as "cooperation".
    assert linked(both) == {"pp-11", "pp-13", "op-2", "op-9", "op-10", "op-13", "op-15"}


@pytest.mark.parametrize(
    ("query", "anchors"),
    [
        ('"triangular cooperation"', {"op-10"}),
        ("pandemic -solidarity", set()),
        ("pandemic NOT cooperation", {"pp-14", "op-8"}),
        ("pandemic OR triangular", {"pp-13", "pp-14", "op-8", "op-10"}),
    ],
)
def test_phrases_and_alternatives_hold_paragraph_by_paragraph(
    client, resolution_56_4, query, anchors
):
    assert linked(page(client, query)) == anchors


def test_the_api_names_only_the_paragraphs_that_match(client, resolution_56_4):
    listed = client.get("/api/v1/resolutions", {"q": "solidarity NOT development"}).json()
    assert [r["symbol"] for r in listed] == ["A/HRC/RES/56/4"]
    assert set(listed[0]["matching_paragraphs"]) == SOLIDARITY - DEVELOPMENT


def test_a_phrase_does_not_run_from_one_paragraph_into_the_next(client, resolution_56_4):
    # Preambular 1 ends "international solidarity," and preambular 2 begins "Underlining".
    html = page(client, '"solidarity underlining"')
    assert linked(html) == set()
    assert "1 more resolution holds these words, but in no one paragraph" in html


def test_checking_paragraphs_costs_the_same_queries_however_many_resolutions_match(
    client, resolution_56_4, seed_document
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from solidarity.resolutions import services

    def count_queries():
        with CaptureQueriesContext(connection) as captured:
            html = page(client, "solidarity NOT development")
        assert "op-13" in linked(html)
        return len(captured.captured_queries)

    with_one = count_queries()
    for number in (5, 6, 7):
        document = {**seed_document, "symbol": f"A/HRC/RES/56/{number}"}
        services.resolution_ingest(actor=None, document=document)
    assert count_queries() == with_one
