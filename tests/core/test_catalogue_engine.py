"""The catalogue engine gives what the database gives, and stays in step with it."""

import datetime as dt
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from solidarity.core import search
from solidarity.core.search import Document, engine

pytestmark = pytest.mark.django_db
KIND = "test.catalogue"
# Content words that FTS5's Porter stemmer, PostgreSQL's English dictionary and
# the engine's Snowball stemmer all read alike (no stop words).
WORDS = [
    "farmers",
    "farming",
    "seeds",
    "drought",
    "vaccine",
    "vaccination",
    "solar",
    "schools",
    "water",
    "women",
    "cooperative",
    "insurance",
    "clinics",
    "rivers",
    "training",
]
FACET_VALUES = {
    "theme": ["food", "climate", "health", "water"],
    "country": ["KEN", "ETH", "BRA", "CUB", "IND", "FJI"],
    "year": ["2019", "2020", "2021"],
}


def _corpus(n: int, seed: int = 7) -> list[Document]:
    rng = random.Random(seed)
    start = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    return [
        Document(
            object_id=str(i),
            # Titles end on a word no query uses: PostgreSQL reads a phrase across the
            # end of the title and the start of the body, the other engines do not.
            title=" ".join(rng.choices(WORDS, k=3)) + " programme",
            body=" ".join(rng.choices(WORDS, k=rng.randint(5, 25))),
            sorted_at=start + dt.timedelta(hours=i),
            facets={
                "theme": rng.sample(FACET_VALUES["theme"], rng.randint(1, 2)),
                "country": rng.sample(FACET_VALUES["country"], rng.randint(1, 3)),
                "year": [rng.choice(FACET_VALUES["year"])],
            },
        )
        for i in range(1, n + 1)
    ]


def both_ways(settings_, q, filters, sort="newest", limit=200):
    facets = list(FACET_VALUES)
    settings_.SEARCH_ENGINE = "tantivy"
    fast = search.faceted_search(
        KIND, q, filters=filters, facets=facets, sort=sort, limit=limit, snippets=False
    )
    # The engine answered (it falls back on the database when it cannot).
    assert engine.catalogue_index(KIND).seen >= 0
    settings_.SEARCH_ENGINE = "database"
    reference = search.faceted_search(
        KIND, q, filters=filters, facets=facets, sort=sort, limit=limit, snippets=False
    )
    return fast, reference


@pytest.fixture
def corpus():
    documents = _corpus(120)
    search.index_documents(kind=KIND, documents=documents)
    return documents


queries = st.one_of(
    st.just(""),
    st.sampled_from(WORDS),
    st.lists(st.sampled_from(WORDS), min_size=2, max_size=3).map(" ".join),
    st.lists(st.sampled_from(WORDS), min_size=2, max_size=2).map(lambda w: f'"{w[0]} {w[1]}"'),
    st.tuples(st.sampled_from(WORDS), st.sampled_from(WORDS)).map(lambda w: f"{w[0]} OR {w[1]}"),
    st.tuples(st.sampled_from(WORDS), st.sampled_from(WORDS)).map(lambda w: f"{w[0]} -{w[1]}"),
)
filter_sets = st.fixed_dictionaries(
    {},
    optional={
        name: st.lists(st.sampled_from(values), max_size=2) for name, values in FACET_VALUES.items()
    },
)


@pytest.fixture(params=["few", "many"])
def counting(request, monkeypatch):
    """Each way of counting facets, forced whatever the number of matches."""
    monkeypatch.setattr(engine, "MANY_MATCHES_FROM", 2.0 if request.param == "few" else -1.0)
    return request.param


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(q=queries, filters=filter_sets)
def test_the_engine_counts_and_orders_as_the_database_does(settings, corpus, counting, q, filters):
    fast, reference = both_ways(settings, q, filters)
    assert fast.total == reference.total
    assert fast.facets == reference.facets
    assert [h.object_id for h in fast.hits] == [h.object_id for h in reference.hits]


@pytest.mark.parametrize("q", ["", "water", "farmers OR seeds", '"solar water"', "rivers -women"])
@pytest.mark.parametrize(
    "filters", [{}, {"theme": ["food"]}, {"country": ["FJI"], "year": ["2020"]}]
)
def test_newest_first_is_found_among_the_newest_documents_first(
    settings, corpus, monkeypatch, q, filters
):
    """Whether the newest documents hold the page or not, the page and total are the database's."""
    monkeypatch.setattr(engine, "NEWEST_WINDOW", 60)
    for offset in (0, 3):
        settings.SEARCH_ENGINE = "tantivy"
        fast = search.faceted_search(
            KIND, q, filters=filters, sort="newest", limit=3, offset=offset
        )
        settings.SEARCH_ENGINE = "database"
        reference = search.faceted_search(
            KIND, q, filters=filters, sort="newest", limit=3, offset=offset
        )
        assert fast.total == reference.total
        assert [h.object_id for h in fast.hits] == [h.object_id for h in reference.hits]


def test_counts_leave_out_removed_and_replaced_documents(settings, corpus, counting):
    """The index keeps a removed document until it merges: it must count for nothing."""
    search.remove_documents(kind=KIND, object_ids=[d.object_id for d in corpus[:40]])
    search.index_documents(
        kind=KIND,
        documents=[
            Document(d.object_id, d.title, d.body, sorted_at=d.sorted_at, facets={"year": ["2019"]})
            for d in corpus[40:60]
        ],
    )
    for q in ["", "water", "farmers OR seeds OR water OR solar", '"solar water"']:
        fast, reference = both_ways(settings, q, {})
        assert fast.total == reference.total
        assert fast.facets == reference.facets


def test_long_phrases_match_their_words_in_order_and_nothing_else(settings):
    search.index_documents(
        kind=KIND,
        documents=[
            Document("1", "x", "solar water schools farmers"),
            # Every pair of the phrase, but not the phrase.
            Document("2", "x", "solar water clinics water schools rivers schools farmers"),
            Document("3", "solar water schools", "x"),
        ],
    )
    expected = {
        '"solar water schools"': {"1", "3"},
        '"water schools farmers"': {"1"},
        '"solar water"': {"1", "2", "3"},
    }
    for q, found in expected.items():
        fast, reference = both_ways(settings, q, {})
        assert {h.object_id for h in fast.hits} == {h.object_id for h in reference.hits} == found
    page = search.faceted_search(KIND, '"solar water schools"', sort="relevance")
    assert [h.object_id for h in page.hits] == ["3", "1"]


def test_relevance_puts_title_matches_first(settings):
    search.index_documents(
        kind=KIND,
        documents=[
            Document("1", "clinics", "drought " * 3 + "insurance"),
            Document("2", "insurance for farmers", "drought"),
            Document("3", "rivers", "schools"),
        ],
    )
    page = search.faceted_search(KIND, "insurance", sort="relevance")
    assert [h.object_id for h in page.hits] == ["2", "1"] and page.total == 2


def test_changes_are_seen_at_once_even_when_another_process_made_them(settings, corpus):
    first = search.faceted_search(KIND, "", facets=["year"])
    assert first.total == 120
    # Another process on the same folder: a fresh mirror object, as a new worker has.
    other = engine.CatalogueIndex(KIND, engine.catalogue_index(KIND).folder)
    search.remove_documents(kind=KIND, object_ids=["1", "2"])
    search.index_documents(kind=KIND, documents=[Document("500", "rare unicorn", "unicorn")])
    total, ranked, _ = other.faceted(
        search.parse_query("unicorn"), filters={}, facets=[], sort="relevance", limit=5, offset=0
    )
    assert total == 1 and ranked[0][0] == "500"
    assert search.faceted_search(KIND, "").total == 119
    assert search.faceted_search(KIND, "unicorn").total == 1


def test_a_lost_or_damaged_index_is_rebuilt_from_the_database(settings, corpus):
    index = engine.catalogue_index(KIND)
    assert search.faceted_search(KIND, "").total == 120
    folder = index.folder
    engine._INDEXES.clear()
    for path in (folder / "index").iterdir():
        if path.suffix in {".idx", ".pos", ".store", ".term", ".fast"}:
            path.write_bytes(b"damaged")
    (folder / "index" / "meta.json").write_text("{not json")
    assert search.faceted_search(KIND, "drought OR water").total == sum(
        1 for d in corpus if {"drought", "water"} & set(f"{d.title} {d.body}".split())
    )
    engine._INDEXES.clear()
    import shutil

    shutil.rmtree(folder)
    assert search.faceted_search(KIND, "").total == 120


def test_an_index_ahead_of_its_database_is_rebuilt(settings, corpus):
    """After a restored backup, the index may hold changes the database no longer has."""
    index = engine.catalogue_index(KIND)
    search.faceted_search(KIND, "")
    index._write_state(10**9)
    engine._INDEXES.clear()
    assert search.faceted_search(KIND, "").total == 120
    assert engine.catalogue_index(KIND)._read_state()["applied"] < 10**9


# Documents whose words look like the engines' syntax, and bait for each syntax:
# a column filter (title:x) would find 2, a prefix (seed*) 3, NEAR 5, a boost 4 to 6.
# (No English stop words are searched for: PostgreSQL does not index them.)
SYNTAX_KIND = "test.syntax"
SYNTAX_DOCUMENTS = {
    "1": ("Marking the spot", "the title x stays on the map"),
    "2": ("x", "a letter alone"),
    "3": ("Seedlings", "seedling nurseries for farmers"),
    "4": ("Seed banks", "seeds kept near water"),
    "5": ("Rivers", "seeds water"),
    "6": ("Nurseries", "wells near seeds stores and water tanks"),
    "7": ("Health", "the body water balance"),
    "8": ("Steps", "ranked in 1 to 3 steps, 2 at most"),
}
EVERY_DOCUMENT = set(SYNTAX_DOCUMENTS)


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("title:x", {"1"}),  # the phrase "title x", not x in the title
        ("{title}: x", {"1"}),  # FTS5's column filter: the words title and x
        ("body:water", {"7"}),
        ("seed*", {"4", "5", "6"}),  # the word seed, not a prefix: no seedling
        ("NEAR(seeds water)", {"6"}),  # the phrase "near seeds", and water
        ("(seeds OR water", {"4", "5", "6", "7"}),
        ("NEAR(", {"4", "6"}),  # the word near
        ("(water AND (seeds", {"4", "5", "6"}),
        ("+title", {"1"}),
        ('x"', {"1", "2"}),
        ("seeds^9", set()),  # the phrase "seeds 9", which no document holds
        ("[1 3]", {"8"}),  # the numbers, not a range
        ("~2", {"8"}),
        ("title:x OR NEAR(seeds water)", {"1", "6"}),
        # No word at all: the whole catalogue, as for an empty search.
        ("*", EVERY_DOCUMENT),
        ('"', EVERY_DOCUMENT),
        ("\\", EVERY_DOCUMENT),
        ("-", EVERY_DOCUMENT),
    ],
)
def test_what_looks_like_the_engines_syntax_is_searched_as_words(settings, typed, found):
    search.index_documents(
        kind=SYNTAX_KIND,
        documents=[
            Document(object_id=key, title=title, body=body)
            for key, (title, body) in SYNTAX_DOCUMENTS.items()
        ],
    )
    pages = {}
    for name in ("tantivy", "database"):
        settings.SEARCH_ENGINE = name
        page = search.faceted_search(SYNTAX_KIND, typed, limit=100, snippets=False)
        pages[name] = {hit.object_id for hit in page.hits}
        assert page.total == len(pages[name])
    assert pages == {"tantivy": found, "database": found}


def test_remembered_counts_are_forgotten_at_the_next_change(settings, corpus):
    before = dict(search.faceted_search(KIND, "drought", facets=["year"]).facets["year"])
    again = dict(search.faceted_search(KIND, "drought", facets=["year"]).facets["year"])
    assert again == before
    search.index_documents(
        kind=KIND,
        documents=[Document("900", "drought", "drought", facets={"year": ["2019"]})],
    )
    after = dict(search.faceted_search(KIND, "drought", facets=["year"]).facets["year"])
    assert after["2019"] == before.get("2019", 0) + 1


def test_a_word_left_out_is_left_out_in_every_form_of_it(settings, corpus):
    """PostgreSQL matches a word stemmed and as written: "-farmers" must exclude both."""
    fast, reference = both_ways(settings, "drought -farmers", {})
    assert fast.total == reference.total
    leaving = {
        d.object_id
        for d in corpus
        if "drought" in f"{d.title} {d.body}".split()
        and "farmers" not in f"{d.title} {d.body}".split()
    }
    assert {h.object_id for h in reference.hits} == leaving


def marks(snippet: str) -> list[str]:
    """The marked words of a snippet, in order."""
    return [part.split(search.MARK_END)[0] for part in snippet.split(search.MARK_START)[1:]]


def test_snippets_mark_what_the_engine_matched_and_only_that(settings):
    """Stemmed forms are marked, a phrase where its words stand together, left-out words never."""
    search.index_documents(
        kind=KIND,
        documents=[
            Document(
                "1",
                "Village granaries",
                "Farmers harvested their crops and kept them in seed banks. A seed of maize sat "
                "in every bank; women farmers traded Seed-Banks at the fair.",
            ),
            Document("2", "Solar pumps", "Solar pumps for schools."),
        ],
    )
    page = search.faceted_search(KIND, '"seed banks" OR harvesting -drought', sort="relevance")
    assert [h.object_id for h in page.hits] == ["1"]
    assert marks(page.hits[0].snippet) == ["harvested", "seed banks", "Seed-Banks"]

    page = search.faceted_search(KIND, "maize -women OR harvesting OR schools", sort="relevance")
    assert {h.object_id: marks(h.snippet) for h in page.hits} == {
        "1": ["harvested"],  # maize belongs to the alternative that "women" rules out
        "2": ["schools"],
    }
    # Matched in the title alone: no snippet, the page shows the summary instead.
    assert search.faceted_search(KIND, "granaries").hits[0].snippet == ""
