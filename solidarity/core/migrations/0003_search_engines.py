"""The engine-specific half of the search index."""

from django.db import migrations

SQLITE_FORWARD = [
    "CREATE VIRTUAL TABLE core_search_fts USING fts5("
    "title, body, content='core_searchdocument', content_rowid='id', "
    "tokenize='porter unicode61 remove_diacritics 2')",
    "CREATE TRIGGER core_search_ai AFTER INSERT ON core_searchdocument BEGIN "
    "INSERT INTO core_search_fts(rowid, title, body) VALUES (new.id, new.title, new.body); END",
    "CREATE TRIGGER core_search_ad AFTER DELETE ON core_searchdocument BEGIN "
    "INSERT INTO core_search_fts(core_search_fts, rowid, title, body) "
    "VALUES ('delete', old.id, old.title, old.body); END",
    "CREATE TRIGGER core_search_au AFTER UPDATE ON core_searchdocument BEGIN "
    "INSERT INTO core_search_fts(core_search_fts, rowid, title, body) "
    "VALUES ('delete', old.id, old.title, old.body); "
    "INSERT INTO core_search_fts(rowid, title, body) VALUES (new.id, new.title, new.body); END",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS core_search_au",
    "DROP TRIGGER IF EXISTS core_search_ad",
    "DROP TRIGGER IF EXISTS core_search_ai",
    "DROP TABLE IF EXISTS core_search_fts",
]
POSTGRES_FORWARD = [
    "ALTER TABLE core_searchdocument ADD COLUMN vector tsvector NOT NULL DEFAULT ''::tsvector",
    "CREATE INDEX core_searchdocument_vector ON core_searchdocument USING gin (vector)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS core_searchdocument_vector",
    "ALTER TABLE core_searchdocument DROP COLUMN IF EXISTS vector",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("core", "0002_searchdocument")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        )
    ]
