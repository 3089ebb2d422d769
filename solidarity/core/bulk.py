"""Inserting many rows of one model fast, for bulk imports.

``Model.objects.bulk_create`` spends most of its time compiling SQL for every
value; imports of thousands of records call this instead: one prepared
statement, ``executemany``, values prepared by each field for the database in
use (so JSON and dates are stored exactly as the ORM would store them).
No signals are sent and no primary keys are returned.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.db import connection, models


def prepare_rows(model: type[models.Model], fields: Sequence[str], rows: Iterable[Sequence]):
    """Rows with each value as the field stores it in the database in use (JSON, dates).

    Needs no query: a worker process can prepare rows that another inserts.
    """
    meta = model._meta
    columns = [meta.get_field(name) for name in fields]
    needs_preparing = [
        index
        for index, field in enumerate(columns)
        if field.get_internal_type()
        in {"JSONField", "DateField", "DateTimeField", "BinaryField", "UUIDField"}
    ]
    prepared = []
    for row in rows:
        if needs_preparing:
            row = list(row)
            for index in needs_preparing:
                row[index] = columns[index].get_db_prep_save(row[index], connection)
        prepared.append(tuple(row))
    return prepared


def insert_rows(
    model: type[models.Model],
    fields: Sequence[str],
    rows: Iterable[Sequence],
    *,
    skip_existing: bool = False,
    prepared: bool = False,
) -> int:
    """Insert ``rows`` (tuples in the order of ``fields``) into ``model``'s table.

    With ``skip_existing``, a row whose unique key is already stored is left as it is.
    ``prepared`` says the rows come from :func:`prepare_rows` already.
    """
    meta = model._meta
    quote = connection.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        quote(meta.db_table),
        ", ".join(quote(meta.get_field(name).column) for name in fields),
        ", ".join(["%s"] * len(fields)),
    )
    if skip_existing:
        sql += " ON CONFLICT DO NOTHING"
    values = list(rows) if prepared else prepare_rows(model, fields, rows)
    if values:
        with connection.cursor() as cursor:
            cursor.executemany(sql, values)
    return len(values)
