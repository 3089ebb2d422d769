"""The catalogue mirror on PostgreSQL: concurrent writers and several machines.

Collected only when the suite runs on PostgreSQL (see conftest.py). The tests
commit for real (``transaction=True``): other connections and processes must
see the data.
"""

import threading
import time
from pathlib import Path

import pytest
from django.db import connection, transaction

from solidarity.core import search
from solidarity.core.search import Document, engine

pytestmark = pytest.mark.django_db(transaction=True)
KIND = "test.mirror"
ROOT = Path(__file__).resolve().parents[2]


def _waiting_for_a_lock(pid: int) -> bool:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE pid = %s AND NOT granted)", [pid]
        )
        return cursor.fetchone()[0]


def _in_own_connection(work):
    """Run ``work`` in a thread, which Django gives a connection of its own."""
    failures = []

    def run():
        try:
            work()
        except Exception as error:  # reported by the test, not lost in the thread
            failures.append(error)
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    return thread, failures


def _found(*, fresh: bool = False) -> set[str]:
    if fresh:  # a new process's mirror on the same folder
        engine._INDEXES.clear()
    page = search.faceted_search(KIND, "", limit=1000)
    return {hit.object_id for hit in page.hits}


@pytest.mark.parametrize("first_batch", [1, 150], ids=["one row", "a batch by COPY"])
def test_a_change_committed_after_a_later_one_is_not_skipped(settings, first_batch):
    """Writer A logs its change first and commits last; the mirror must still get it."""
    settings.SEARCH_ENGINE = "tantivy"
    first_ids = [str(i) for i in range(1, first_batch + 1)]
    a_has_written, a_may_commit = threading.Event(), threading.Event()
    b_pid: list[int] = []

    def writer_a():
        with transaction.atomic():
            search.index_documents(
                kind=KIND, documents=[Document(i, "drought seeds", "water") for i in first_ids]
            )
            a_has_written.set()
            assert a_may_commit.wait(60)

    def writer_b():
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            b_pid.append(cursor.fetchone()[0])
        with transaction.atomic():
            later = Document("1000", "solar clinics", "water")
            search.index_documents(kind=KIND, documents=[later])

    a, a_failures = _in_own_connection(writer_a)
    assert a_has_written.wait(60)
    b, b_failures = _in_own_connection(writer_b)
    # B either commits at once, or waits for A's turn to end.
    deadline = time.monotonic() + 60
    while b.is_alive() and not (b_pid and _waiting_for_a_lock(b_pid[0])):
        assert time.monotonic() < deadline, "writer B neither committed nor waited"
        time.sleep(0.01)
    # A reader catches up with what is committed so far, then A commits.
    assert _found() <= {"1000"}
    a_may_commit.set()
    a.join(60)
    b.join(60)
    assert not a_failures and not b_failures
    everything = {*first_ids, "1000"}
    assert _found() == everything
    assert _found(fresh=True) == everything
