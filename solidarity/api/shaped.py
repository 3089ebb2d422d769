"""Answers built in the shape the OpenAPI document declares, written straight to JSON.

django-ninja checks what a view returns against the operation's response
schema: it wraps each object, and each nested dict, in a getter and looks up
and converts every field through it (``ninja.schema.DjangoGetter``). For the
195 States of ``/api/v1/countries`` that was three quarters of the request
(97,600 lookups for 100 requests).

A view that builds its answer as plain data in the declared shape returns
``shaped(data)`` instead: rows from ``.values(*fields(Schema))``, or dicts
written key by key in the schema's order, with the types the schema gives
(``str``, ``int``, ``float``, ``bool``, ``None``, dates, lists and dicts of
them). The JSON is written at once, with the encoder and media type django-ninja
uses, so the bytes are the ones its validation would have written. The view
keeps declaring its response schemas, so the OpenAPI document does not change
(``tests/api/data/openapi.json``); errors, the rate limit and parameter
validation happen before the view, as for every operation.

What the schema no longer checks at run time, the tests check for every
operation: ``tests/api/test_shapes.py`` validates each answer against the
operation's declared schema and requires the same bytes back (no field
missing, added, reordered or of another type: ``1`` where the schema says
``float`` fails, since django-ninja writes ``1.0``).
"""

from __future__ import annotations

import json
import typing
from typing import Any

from django.http import HttpResponse
from ninja import Schema
from ninja.responses import NinjaJSONEncoder

MEDIA_TYPE = "application/json; charset=utf-8"  # what ninja's JSONRenderer sends


class ShapedResponse(HttpResponse):
    """JSON of data already in the operation's response shape; ``data`` keeps it for tests."""

    def __init__(self, data: Any, *, status: int = 200) -> None:
        super().__init__(
            json.dumps(data, cls=NinjaJSONEncoder), status=status, content_type=MEDIA_TYPE
        )
        self.data = data


def shaped(data: Any, *, status: int = 200) -> ShapedResponse:
    """The answer of an operation, written as it is: ``data`` must have the declared shape."""
    return ShapedResponse(data, status=status)


def fields(schema: type[Schema], *, without: tuple[str, ...] = ()) -> list[str]:
    """The schema's field names in its order, for ``.values(*fields(Schema))``."""
    return [name for name in schema.model_fields if name not in without]


def in_schema_order(schema: type[Schema], data: dict) -> dict:
    """``data`` with its keys, and those of the objects inside it, in ``schema``'s order.

    For data read back from a JSON column: PostgreSQL's ``jsonb`` keeps an object's
    keys in an order of its own (shorter first), while SQLite keeps them as written.
    """
    ordered = {}
    for name, field in schema.model_fields.items():
        if name in data:
            ordered[name] = _in_order(field.annotation, data[name])
    return ordered


def _in_order(annotation: Any, value: Any) -> Any:
    if isinstance(value, dict):
        model = _model_in(annotation)
        return in_schema_order(model, value) if model else value
    if isinstance(value, list):
        args = typing.get_args(annotation)
        item = args[0] if typing.get_origin(annotation) is list and args else None
        return [_in_order(item, element) for element in value]
    return value


def _model_in(annotation: Any) -> type[Schema] | None:
    """The schema an annotation names, itself or inside ``X | None``."""
    if isinstance(annotation, type) and issubclass(annotation, Schema):
        return annotation
    for arg in typing.get_args(annotation):
        if isinstance(arg, type) and issubclass(arg, Schema):
            return arg
    return None
