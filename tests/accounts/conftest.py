"""Tests of organization names that need PostgreSQL are collected only on it.

They hold two real connections at once on one database, which the SQLite run
(an in-memory database, one writer at a time) cannot give; the CI runs the
suite on both (`make test` and `make test-postgres`).
"""

import os

ON_POSTGRESQL = os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))

collect_ignore_glob = [] if ON_POSTGRESQL else ["test_*_on_postgresql.py"]
