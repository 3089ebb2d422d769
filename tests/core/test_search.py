"""The search interface: a query language people can type, on SQLite and PostgreSQL alike."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from solidarity.core import search
from solidarity.core.search.postgres import tsquery
from solidarity.core.search.query import QueryError, Term, parse_query, to_fts5


def test_words_are_all_required_and_or_offers_alternatives():
    query = parse_query("food security OR hunger")
    assert query.groups == (
        (Term(("food",)), Term(("security",))),
        (Term(("hunger",)),),
    )


def test_quotes_make_a_phrase_and_not_or_minus_leave_words_out():
    query = parse_query('"South-South cooperation" NOT triangular -aid')
    assert query.groups == (
        (
            Term(("south", "south", "cooperation")),
            Term(("triangular",), negated=True),
            Term(("aid",), negated=True),
        ),
    )


def test_a_query_of_only_exclusions_is_refused_with_a_reason():
    with pytest.raises(QueryError, match="at least one word"):
        parse_query("-poverty NOT aid")


def test_database_syntax_is_always_quoted():
    query = parse_query('climate OR "burden sharing" -pledge')
    assert to_fts5(query) == '"climate" OR ("burden sharing" NOT "pledge")'
    sql, params = tsquery(query)
    assert sql.count("phraseto_tsquery") == 6 and sql.count("!!") == 1
    assert params == ["climate", "climate", "burden sharing", "burden sharing", "pledge", "pledge"]


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_characters_give_a_query_or_a_clear_refusal(text):
    try:
        query = parse_query(text)
    except QueryError as error:
        assert str(error)
    else:
        to_fts5(query)
        tsquery(query)


@pytest.fixture
def paragraphs(db):
    search.index_documents(
        kind="test.paragraph",
        documents=[
            search.Document(*row)
            for row in [
                (
                    "1",
                    "56/4",
                    "Recognizes that international solidarity is a powerful tool for "
                    "addressing the structural causes of extreme poverty and food insecurity",
                    "en",
                ),
                (
                    "2",
                    "56/4",
                    "Emphasizes that humanitarian and technical cooperation, including "
                    "South-South and triangular cooperation, is an important aspect",
                    "en",
                ),
                ("3", "56/4", "Requests States to respond favourably to requests to visit", "en"),
            ]
        ],
    )
    search.index_document(kind="other.kind", object_id="9", title="", body="poverty", language="en")


def _ids(text):
    return [hit.object_id for hit in search.search("test.paragraph", text).hits]


def test_a_stemmed_word_finds_its_other_forms(paragraphs):
    assert _ids("recognized") == ["1"]
    assert _ids("request") == ["3"]


def test_phrases_booleans_and_exclusions(paragraphs):
    assert _ids('"triangular cooperation"') == ["2"]
    assert _ids('"cooperation triangular"') == []
    assert sorted(_ids("poverty OR visit")) == ["1", "3"]
    assert _ids("solidarity -poverty") == []
    assert _ids("cooperation NOT humanitarian") == []


def test_matches_are_marked_in_the_snippet_and_counted(paragraphs):
    page = search.search("test.paragraph", "poverty")
    assert page.total == 1
    assert f"{search.MARK_START}poverty{search.MARK_END}" in page.hits[0].snippet


def test_kinds_do_not_mix_and_removal_takes_effect(paragraphs):
    assert _ids("poverty") == ["1"]
    search.remove_documents(kind="test.paragraph", object_ids=["1"])
    assert _ids("poverty") == []
    assert search.search("other.kind", "poverty").total == 1


def test_replacing_a_document_replaces_its_words(paragraphs):
    search.index_document(
        kind="test.paragraph",
        object_id="3",
        title="56/4",
        body="Decides to continue",
        language="en",
    )
    assert _ids("visit") == []
    assert _ids("continue") == ["3"]


@pytest.mark.django_db
def test_a_large_batch_naming_a_record_twice_keeps_its_last_words():
    """Large batches travel another way on PostgreSQL (COPY): the same rules hold."""
    documents = [search.Document(str(i), "Practice", "seeds") for i in range(150)]
    documents.append(search.Document("7", "Practice", "drought"))
    search.index_documents(kind="test.batch", documents=documents)
    assert search.search("test.batch", "seeds").total == 149
    assert [h.object_id for h in search.search("test.batch", "drought").hits] == ["7"]


@pytest.mark.parametrize("text", ['"', "NOT", "AND OR", "*", "(", ")", ":", "'", "\\", "-"])
def test_odd_input_never_reaches_the_engine_as_syntax(paragraphs, text):
    page = search.search("test.paragraph", text)
    assert page.total == len(page.hits) >= 0
    # Symbols around a real word neither break the query nor hide the word.
    assert search.search("test.paragraph", "poverty " + text).total == 1


def test_a_ranking_without_snippets_is_the_same_ranking(paragraphs):
    with_snippets = search.search("test.paragraph", "cooperation OR poverty")
    ranking_only = search.search("test.paragraph", "cooperation OR poverty", snippets=False)
    assert [h.object_id for h in ranking_only.hits] == [h.object_id for h in with_snippets.hits]
    assert ranking_only.total == with_snippets.total == 2
    assert {h.snippet for h in ranking_only.hits} == {""}
    assert all(search.MARK_START in h.snippet for h in with_snippets.hits)
