"""Responses every operation of the API may give, whatever its view does.

Each router declares the errors its views give (``core.api.errors``); two come
from around the views and are added here to every operation of the OpenAPI
document: 429 when a client passes the rate limit, and the plain-text 400 of
``core.middleware.RefuseNulBytes`` for an address holding a NUL byte. An
address under the API that no operation matches (``/practices/abc``, which the
``int`` converter refuses, or one holding a line break) answers a JSON 404, as
a missing record does, rather than the site's HTML page.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404
from django.urls import register_converter
from ninja import Router

ERROR = {"$ref": "#/components/schemas/Error"}
NUL_BYTE = {"type": "string", "description": "The address contains a NUL character."}


def declare_common_responses(schema: dict[str, Any]) -> None:
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            bad_request = responses.setdefault(400, {"description": "Bad Request"})
            bad_request.setdefault("content", {})["text/plain"] = {"schema": dict(NUL_BYTE)}
            responses.setdefault(
                429,
                {
                    "description": "Too many requests from this address: try again later",
                    "content": {"application/json": {"schema": dict(ERROR)}},
                },
            )


class _AnyRest:
    """The rest of an address, whatever it holds: Django's ``path`` (``.+``) stops at a
    line break, and ``/api/v1/x%0A`` got the site's HTML 404."""

    regex = r"[\s\S]+"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(_AnyRest, "anyrest")

unmatched = Router()


@unmatched.api_operation(
    ["GET", "POST", "PUT", "PATCH", "DELETE"], "/{anyrest:rest}", include_in_schema=False
)
def no_such_address(request, rest: str):
    raise Http404("No such address in the API.")
