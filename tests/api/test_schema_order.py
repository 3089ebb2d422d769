"""Records read back from a JSON column are written in the order the API documents:
PostgreSQL's jsonb gives an object's keys back shortest first."""

from solidarity.api.shaped import in_schema_order
from solidarity.engagements.api import EngagementOut
from solidarity.practices.api import PracticeRecord


def test_a_practice_read_back_from_jsonb_is_written_in_the_documented_order():
    as_jsonb_gives_it = {
        "id": 7,
        "url": "/practices/7/",
        "level": "regional",
        "title": "Seed banks",
        "period": {"end": None, "start": "2019", "ongoing": True},
        "actors": [{"type": "ngo", "name": "Seed Savers"}],
    }
    ordered = in_schema_order(PracticeRecord, as_jsonb_gives_it)
    assert list(ordered) == [name for name in PracticeRecord.model_fields if name in ordered]
    assert list(ordered).index("title") < list(ordered).index("level")
    period_fields = [name for name in PracticeRecord.model_fields["period"].annotation.model_fields]
    assert list(ordered["period"]) == period_fields
    assert list(ordered["actors"][0]) == ["name", "type"]


def test_an_engagement_s_linked_documents_keep_the_documented_order():
    documents = [{"url": "https://example.org/statement", "title": "Statement"}]
    ordered = in_schema_order(EngagementOut, {"documents": documents, "id": 1})
    assert list(ordered) == ["id", "documents"]
    assert list(ordered["documents"][0]) == ["title", "url"]
