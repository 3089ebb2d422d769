"""An API answer as the operation's declared schema writes it, to compare with what was sent.

django-ninja validates a view's result against the operation's response schema
and writes the validated data. Views that write their answer themselves
(``solidarity/api/shaped.py``) must send the same bytes: the answer is read
back through the declared schema, as django-ninja reads a view's result, and
written again. A field missing, added, reordered or of another type (``1``
where the schema says ``float``: django-ninja writes ``1.0``) gives other bytes.
"""

from __future__ import annotations

import json
from functools import cache

from ninja.operation import Operation, ResponseObject
from ninja.responses import NinjaJSONEncoder


@cache
def operations() -> dict[str, Operation]:
    """The API's operations by their operationId in the OpenAPI document."""
    from solidarity.api.urls import api

    return {
        api.get_openapi_operation_id(operation): operation
        for _prefix, router in api._routers
        for view in router.path_operations.values()
        for operation in view.operations
    }


def as_declared(operation_id: str, status: int, body: bytes) -> bytes | None:
    """``body`` as django-ninja writes it through the declared schema of that status
    (None when the operation declares none: its view answers as it likes)."""
    operation = operations()[operation_id]
    model = operation.response_models.get(status)
    if model is None or not hasattr(model, "model_validate"):
        return None
    context = {"request": None, "response_status": status}
    validated = model.model_validate(ResponseObject(json.loads(body)), context=context)
    data = validated.model_dump(
        by_alias=operation.by_alias,
        exclude_unset=operation.exclude_unset,
        exclude_defaults=operation.exclude_defaults,
        exclude_none=operation.exclude_none,
        context=context,
    )["response"]
    return json.dumps(data, cls=NinjaJSONEncoder).encode()


def answers_as_declared(ctx, response, case) -> None:
    """A schemathesis check: every JSON answer 200 is its declared schema's, byte for byte."""
    if response.status_code != 200 or not response.headers.get("content-type", [""])[0].startswith(
        "application/json"
    ):
        return
    expected = as_declared(case.operation.definition.raw["operationId"], 200, response.content)
    if expected is not None and expected != response.content:
        raise AssertionError(
            f"{case.path}: the answer is not what its schema writes:\n"
            f"sent     {response.content[:600]!r}\nschema's {expected[:600]!r}"
        )
