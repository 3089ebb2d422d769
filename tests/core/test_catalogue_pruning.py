"""The change log is pruned of what every mirror has applied, and no mirror loses a change."""

import datetime as dt
import gzip
import io
import json

import pytest
from django.core.management import call_command
from django.utils import timezone

from solidarity.core import search
from solidarity.core.models import SearchChange, SearchMirror
from solidarity.core.search import Document, engine

pytestmark = pytest.mark.django_db
KIND = "test.catalogue"


def _documents(first: int, count: int, word: str) -> list[Document]:
    return [Document(str(i), word, "water") for i in range(first, first + count)]


def _found(mirror: engine.CatalogueIndex, word: str) -> set[str]:
    _total, ranked, _ = mirror.faceted(
        search.parse_query(word), filters={}, facets=[], sort="relevance", limit=100, offset=0
    )
    return {object_id for object_id, _rank in ranked}


@pytest.fixture
def two_machines(settings, tmp_path):
    """Two mirrors of one database, each in its own folder, as two machines have."""
    settings.SEARCH_ENGINE = "tantivy"
    search.index_documents(kind=KIND, documents=_documents(1, 30, "drought"))
    return engine.CatalogueIndex(KIND, tmp_path / "a"), engine.CatalogueIndex(KIND, tmp_path / "b")


def _last_change() -> int:
    return SearchChange.objects.filter(kind=KIND).order_by("-id").first().id


def test_pruning_keeps_the_changes_a_mirror_has_not_applied_yet(two_machines):
    a, b = two_machines
    b.ensure_current()
    b_position = _last_change()
    search.index_documents(kind=KIND, documents=_documents(100, 20, "solar"))
    search.remove_documents(kind=KIND, object_ids=["1", "2"])
    a.ensure_current()

    pruned = engine.prune_changes()[KIND]

    assert pruned == 29  # the first thirty changes but the one b stands on
    assert SearchChange.objects.filter(kind=KIND).count() == 1 + 20 + 2
    assert b.ensure_current() == "replayed"
    assert _found(b, "solar") == {str(i) for i in range(100, 120)}
    assert _found(b, "drought") == {str(i) for i in range(3, 31)}
    assert SearchMirror.objects.get(kind=KIND, name=b._read_state()["mirror"]).applied > b_position


def test_a_mirror_left_behind_by_pruning_rebuilds_rather_than_miss_a_change(two_machines):
    a, b = two_machines
    b.ensure_current()
    search.index_documents(kind=KIND, documents=_documents(100, 20, "solar"))
    search.remove_documents(kind=KIND, object_ids=["1", "2"])
    a.ensure_current()
    # b's machine has been off for two days: it no longer holds back pruning.
    SearchMirror.objects.filter(name=b._read_state()["mirror"]).update(
        seen_at=timezone.now() - dt.timedelta(days=2)
    )

    engine.prune_changes()

    assert SearchChange.objects.filter(kind=KIND).count() == 1  # only the last change
    assert not SearchMirror.objects.filter(name=b._read_state()["mirror"]).exists()
    assert b.ensure_current() == "rebuilt"
    assert _found(b, "solar") == {str(i) for i in range(100, 120)}
    assert _found(b, "drought") == {str(i) for i in range(3, 31)}
    assert a.ensure_current() == "current"


def test_reindex_prune_empties_the_log_a_reindex_filled(settings, published_practice):
    """`reindex` logs two changes per record; once applied, `reindex --prune` deletes them."""
    settings.SEARCH_ENGINE = "tantivy"
    call_command("reindex", stdout=io.StringIO())
    engine.catalogue_index("practice").ensure_current()
    out = io.StringIO()
    call_command("reindex", "--prune", stdout=out)
    assert "practice:" in out.getvalue()
    for kind in ("practice", "resolution"):
        assert SearchChange.objects.filter(kind=kind).count() <= 1
    # The mirror stands on the change that was kept, and nothing is rebuilt.
    engine._INDEXES.clear()
    assert engine.catalogue_index("practice").ensure_current() == "current"


def test_a_backup_carries_no_mirror_positions(two_machines, tmp_path):
    """Positions belong to the database they read: restored elsewhere, they would be wrong."""
    a, _b = two_machines
    a.ensure_current()
    search.index_documents(kind=KIND, documents=_documents(100, 2, "solar"))
    a.ensure_current()
    engine.prune_changes()
    target = tmp_path / "backup.json.gz"
    call_command("backup", str(target), stdout=io.StringIO())
    models = {row["model"] for row in json.loads(gzip.decompress(target.read_bytes()))}
    assert models and not models & {"core.searchmirror", "core.searchchangepruned"}


def test_the_job_queue_prunes_the_log_every_night(two_machines):
    from huey.contrib.djhuey import HUEY

    from solidarity.core.tasks import prune_search_changes

    a, b = two_machines
    a.ensure_current()
    b.ensure_current()

    def due(at):
        return {job.name for job in HUEY.read_periodic(at)}

    assert any(
        name.endswith("prune_search_changes") for name in due(dt.datetime(2026, 12, 5, 3, 17))
    )
    assert not any(
        name.endswith("prune_search_changes") for name in due(dt.datetime(2026, 12, 5, 12))
    )
    assert prune_search_changes.call_local() == {KIND: 29}
    assert SearchChange.objects.filter(kind=KIND).count() == 1
