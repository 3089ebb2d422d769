"""What every router of the open API answers when it does not answer 200.

The bodies are django-ninja's own: ``{"detail": "a sentence"}`` for an error a
view raises (400, 404, 410) and for the rate limit (429), and ``{"detail":
[...]}`` listing each parameter that failed validation (422). Routers declare
the ones they give with ``errors(...)``; the API adds to every operation what
any of them may answer (429, and the 400 of an address holding a NUL byte).
"""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from ninja import Field, Schema


class Error(Schema):
    detail: str = Field(description="What went wrong, in a sentence")


class InvalidParameter(Schema):
    type: str = Field(description="The kind of error, e.g. int_parsing or missing")
    loc: list[str | int] = Field(description='Where: e.g. ["query", "limit"]')
    msg: str
    ctx: dict[str, Any] | None = None


class ValidationErrors(Schema):
    detail: list[InvalidParameter]


ERROR_SCHEMAS: dict[int, type[Schema]] = {
    400: Error,
    404: Error,
    410: Error,
    422: ValidationErrors,
    429: Error,
}


def errors(*codes: int) -> dict[int, type[Schema]]:
    """The error responses of an operation, for its ``response={200: ..., **errors(...)}``."""
    return {code: ERROR_SCHEMAS[code] for code in codes}


def error_responses(*codes: int) -> dict[int, dict[str, Any]]:
    """The same, for an operation that writes its responses in ``openapi_extra``."""
    return {
        code: {
            "description": HTTPStatus(code).phrase,
            "content": {
                "application/json": {
                    "schema": {"$ref": f"#/components/schemas/{ERROR_SCHEMAS[code].__name__}"}
                }
            },
        }
        for code in codes
    }


def csv_download() -> dict[str, Any]:
    """``openapi_extra`` of a list that also downloads as CSV (``?format=csv``)."""
    return {"responses": {200: {"content": {"text/csv": {"schema": {"type": "string"}}}}}}
