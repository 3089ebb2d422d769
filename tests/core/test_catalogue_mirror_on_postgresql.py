"""The catalogue mirror on PostgreSQL: concurrent writers and several machines.

Collected only when the suite runs on PostgreSQL (see conftest.py). The tests
commit for real (``transaction=True``): other connections and processes must
see the data.
"""

import json
import os
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection, transaction

from solidarity.core import search
from solidarity.core.search import Document, engine
from tests.postgresql import finished_or_waiting_for_a_lock, in_own_connection

pytestmark = pytest.mark.django_db(transaction=True)
KIND = "test.mirror"
ROOT = Path(__file__).resolve().parents[2]


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
        with transaction.atomic():
            later = Document("1000", "solar clinics", "water")
            search.index_documents(kind=KIND, documents=[later])

    a, a_failures, _ = in_own_connection(writer_a)
    assert a_has_written.wait(60)
    b, b_failures, b_pid = in_own_connection(writer_b)
    # B either commits at once, or waits for A's turn to end.
    assert finished_or_waiting_for_a_lock(b, b_pid), "writer B neither committed nor waited"
    # A reader catches up with what is committed so far, then A commits.
    assert _found() <= {"1000"}
    a_may_commit.set()
    a.join(60)
    b.join(60)
    assert not a_failures and not b_failures
    everything = {*first_ids, "1000"}
    assert _found() == everything
    assert _found(fresh=True) == everything


# One machine of the platform: its own index folder, the shared database. It reads
# one command a line (JSON) and answers one line: writes go through the search
# interface in a transaction of their own, finds through the catalogue engine.
MACHINE = r"""
import json, sys
import django

django.setup()
from django.db import transaction
from solidarity.core import search
from solidarity.core.search import Document, engine

kind = sys.argv[1]
engine.register_catalogue(kind)  # a writer replays its own change once committed
for line in sys.stdin:
    command = json.loads(line)
    if command["do"] == "write":
        documents = [Document(i, command["title"], "water") for i in command["ids"]]
        with transaction.atomic():
            search.index_documents(kind=kind, documents=documents)
        answer = "ok"
    elif command["do"] == "remove":
        with transaction.atomic():
            search.remove_documents(kind=kind, object_ids=command["ids"])
        answer = "ok"
    else:
        page = search.faceted_search(kind, command["words"], limit=1000)
        answer = sorted(hit.object_id for hit in page.hits)
    print(json.dumps(answer), flush=True)
"""


def _database_url() -> str:
    config = connection.settings_dict
    user = quote(config["USER"] or "")
    password = f":{quote(config['PASSWORD'])}" if config.get("PASSWORD") else ""
    return (
        f"postgres://{user}{password}@{config['HOST'] or '127.0.0.1'}:"
        f"{config['PORT'] or 5432}/{config['NAME']}"
    )


class Machine:
    def __init__(self, folder: Path):
        self.folder = folder
        environment = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "solidarity.settings",
            "SOLIDARITY_ENV": "test",
            "DATABASE_URL": _database_url(),
            "SOLIDARITY_SEARCH_ENGINE": "tantivy",
            "SOLIDARITY_SEARCH_INDEX_DIR": str(folder),
            "PYTHONPATH": str(ROOT),
        }
        self.process = subprocess.Popen(
            [sys.executable, "-c", MACHINE, KIND],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=environment,
            cwd=ROOT,
            text=True,
        )

    def ask(self, **command):
        self.process.stdin.write(json.dumps(command) + "\n")
        self.process.stdin.flush()
        answer = self.process.stdout.readline()
        assert answer, self.process.stderr.read()
        return json.loads(answer)

    def write(self, ids, title):
        assert self.ask(do="write", ids=ids, title=title) == "ok"

    def remove(self, ids):
        assert self.ask(do="remove", ids=ids) == "ok"

    def find(self, words):
        return self.ask(do="find", words=words)

    def stop(self) -> str:
        """Stop the machine; what it logged."""
        self.process.stdin.close()
        self.process.wait(60)
        return self.process.stderr.read()


@pytest.fixture
def two_machines(tmp_path):
    machines = [Machine(tmp_path / "machine-a"), Machine(tmp_path / "machine-b")]
    yield machines
    for machine in machines:
        if machine.process.poll() is None:
            machine.process.kill()
            machine.process.wait(60)


def test_two_machines_on_one_database_find_each_others_writes(settings, two_machines):
    a, b = two_machines
    a.write(["1", "2"], "drought seeds")
    assert a.find("drought") == ["1", "2"]
    assert b.find("drought") == ["1", "2"]

    b.write(["3"], "drought clinics")
    b.remove(["1"])
    assert b.find("drought") == ["2", "3"]
    assert a.find("drought") == ["2", "3"]

    a.write(["2"], "solar clinics")  # a record changed: its old words are gone everywhere
    for machine in (a, b):
        assert machine.find("drought") == ["3"]
        assert machine.find("clinics") == ["2", "3"]

    # And this process, a third machine, agrees with them.
    settings.SEARCH_ENGINE = "tantivy"
    assert sorted(h.object_id for h in search.faceted_search(KIND, "clinics").hits) == ["2", "3"]

    for machine in (a, b):
        logged = machine.stop()
        assert "the database answers" not in logged, logged  # the engine answered
        state = json.loads((machine.folder / KIND / "state.json").read_text())
        assert state["applied"] > 0
