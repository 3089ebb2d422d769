"""What search holds of a resolution: one part per paragraph, in the order of their anchors."""

import pytest

from solidarity.core import search
from solidarity.resolutions import anchors, indexing, services
from tests.resolutions.akn_fixtures import assembly_without_a_vote

pytestmark = pytest.mark.django_db


def test_each_part_of_the_search_entry_is_the_paragraph_its_anchor_names():
    document = assembly_without_a_vote()
    resolution, _ = services.resolution_ingest(actor=None, document=document)
    entry = indexing.document_of(resolution, document)
    parts = [part.strip() for part in entry.body.split(indexing.PARAGRAPH_MARK)]
    named = dict(zip(anchors.paragraph_anchors(document), parts, strict=True))
    assert named["pp-3"].startswith("Deeply concerned")
    assert named["op-8"].startswith("Calls upon")
    assert "(b) To cooperate" in named["op-8"] and "(ii) By supporting" in named["op-8"]
    assert entry.title == "78/123. " + document["title"]


def test_the_resolution_reindexer_is_the_one_search_calls():
    services.resolution_ingest(actor=None, document=assembly_without_a_vote())
    search.remove_documents(kind=indexing.SEARCH_KIND)
    assert search.reindexers()[indexing.SEARCH_KIND] is indexing.reindex_all
    assert search.reindexers()[indexing.SEARCH_KIND]() == 1
    assert search.search(indexing.SEARCH_KIND, "mainstream").total == 1


def test_footnote_markers_are_not_searched_or_shown_in_snippets(resolution_56_4, seed_document):
    # Op. 12 of 56/4 ends "... regional networks;" with the marker of footnote 1 (A/HRC/56/57).
    entry = indexing.document_of(resolution_56_4, seed_document)
    parts = [part.strip() for part in entry.body.split(indexing.PARAGRAPH_MARK)]
    op_12 = dict(zip(anchors.paragraph_anchors(seed_document), parts, strict=True))["op-12"]
    assert op_12.endswith("international and regional networks;")
    assert "[^" not in entry.body
