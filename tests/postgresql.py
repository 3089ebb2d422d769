"""What the PostgreSQL-only tests share: two real connections at once.

Files named ``test_*_on_postgresql.py`` are collected only when ``DATABASE_URL``
is PostgreSQL (see ``tests/conftest.py``): they hold concurrent connections and
processes on one database, which the SQLite run (an in-memory database, one
writer at a time) cannot give. CI runs the suite on both databases.
"""

from __future__ import annotations

import os
import threading
import time

from django.db import connection

ON_POSTGRESQL = os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))


def in_own_connection(work):
    """Run ``work`` in a thread, which Django gives a connection of its own.

    Returns the thread, the errors ``work`` raised (reported by the test, not
    lost in the thread) and, once connected, the connection's backend pid.
    """
    failures: list[Exception] = []
    pid: list[int] = []

    def run():
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_backend_pid()")
                pid.append(cursor.fetchone()[0])
            work()
        except Exception as error:
            failures.append(error)
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    return thread, failures, pid


def finished_or_waiting_for_a_lock(thread: threading.Thread, pid: list[int]) -> bool:
    """Wait (a minute at most) until ``thread`` has finished or its connection waits on a lock."""
    deadline = time.monotonic() + 60
    while thread.is_alive() and not (pid and _waiting_for_a_lock(pid[0])):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True


def _waiting_for_a_lock(pid: int) -> bool:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE pid = %s AND NOT granted)", [pid]
        )
        return cursor.fetchone()[0]
