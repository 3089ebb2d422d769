"""Inserting many rows of one model fast, for bulk imports.

``Model.objects.bulk_create`` spends most of its time compiling SQL for every
value; imports of thousands of records call this instead: one prepared
statement, ``executemany``, values prepared by each field for the database in
use (so JSON and dates are stored exactly as the ORM would store them).
On PostgreSQL the rows travel by COPY. No signals are sent and no primary
keys are returned.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

from django.db import connection, models


def _adapter(field):
    """The function that turns a value into what ``field`` stores, for the database in use."""
    kind = field.get_internal_type()
    ops = connection.ops
    if kind == "JSONField":
        # The JSON text itself, made where the rows are prepared (a worker process
        # may do it); each database reads it as its JSON type.
        return lambda value: None if value is None else json.dumps(value, cls=field.encoder)
    if kind == "DateTimeField":
        return ops.adapt_datetimefield_value
    if kind == "DateField":
        return ops.adapt_datefield_value
    if kind in {"BinaryField", "UUIDField"}:
        return lambda value: field.get_db_prep_save(value, connection)
    return None


def prepare_rows(model: type[models.Model], fields: Sequence[str], rows: Iterable[Sequence]):
    """Rows with each value as the field stores it in the database in use (JSON, dates).

    Needs no query: a worker process can prepare rows that another inserts.
    """
    meta = model._meta
    adapters = [
        (index, adapter)
        for index, name in enumerate(fields)
        if (adapter := _adapter(meta.get_field(name))) is not None
    ]
    prepared = []
    for row in rows:
        if adapters:
            row = list(row)
            for index, adapt in adapters:
                row[index] = adapt(row[index])
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
    table = quote(meta.db_table)
    columns = ", ".join(quote(meta.get_field(name).column) for name in fields)
    sql = f"INSERT INTO {table} ({columns}) VALUES ({', '.join(['%s'] * len(fields))})"
    if skip_existing:
        sql += " ON CONFLICT DO NOTHING"
    values = list(rows) if prepared else prepare_rows(model, fields, rows)
    if not values:
        return 0
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql" and not skip_existing:
            # COPY: one stream instead of a statement per row (several times faster).
            with cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in values:
                    copy.write_row(row)
        else:
            cursor.executemany(sql, values)
    return len(values)
