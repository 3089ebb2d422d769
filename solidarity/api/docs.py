"""The API's documentation page, inside the site's own frame.

Each operation of the OpenAPI document is written out as plain HTML (its
address, what it gives, its parameters, its answers), so the reference reads
without a script, with the site's header and language links, headings and
labelled tables. Swagger UI, shipped with django-ninja and served from our own
static files, stays below it to try the operations in the browser.
"""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from ninja.openapi.docs import DocsBase

METHODS = ("get", "post", "put", "patch", "delete")


def _type_of(schema: dict[str, Any]) -> str:
    """A parameter's type as a reader writes it: "integer", "one of json, csv"."""
    if "enum" in schema:
        return ", ".join(str(value) for value in schema["enum"])
    if "anyOf" in schema:
        return " | ".join(_type_of(part) for part in schema["anyOf"] if part.get("type") != "null")
    return str(schema.get("type", ""))


def operations_by_tag(schema: dict[str, Any]) -> list[dict[str, Any]]:
    """The document's operations grouped under their tag, in the document's order."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for path, item in schema.get("paths", {}).items():
        for method in METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            tag = (operation.get("tags") or ["api"])[0]
            groups.setdefault(tag, []).append(
                {
                    "id": operation.get("operationId") or f"{method}-{path}",
                    "method": method.upper(),
                    "path": path,
                    "summary": operation.get("summary", ""),
                    "description": operation.get("description", ""),
                    "parameters": [
                        {
                            "name": parameter["name"],
                            "where": parameter["in"],
                            "required": parameter.get("required", False),
                            "type": _type_of(parameter.get("schema", {})),
                            "default": parameter.get("schema", {}).get("default"),
                            "description": parameter.get("description")
                            or parameter.get("schema", {}).get("description", ""),
                        }
                        for parameter in operation.get("parameters", [])
                    ],
                    "responses": [
                        {
                            "status": status,
                            "description": response.get("description", ""),
                            "media_types": sorted(response.get("content", {})),
                        }
                        for status, response in sorted(operation.get("responses", {}).items())
                    ],
                }
            )
    return [{"tag": tag, "operations": operations} for tag, operations in groups.items()]


class SiteDocs(DocsBase):
    """``/api/v1/docs``: the reference in the site's layout, Swagger UI below it."""

    template = "api/docs.html"

    def __init__(self) -> None:
        # The document changes only with the code: made once per process (half a second).
        self._made: dict[str, tuple[str, list[dict[str, Any]], dict[str, Any]]] = {}

    def render_page(self, request: HttpRequest, api: Any, **kwargs: Any) -> HttpResponse:
        key = json.dumps(kwargs, sort_keys=True)
        if key not in self._made:
            schema = api.get_openapi_schema(path_params=kwargs)
            openapi_url = self.get_openapi_url(api, kwargs)
            # No deep links: Swagger UI puts each one inside the operation's expand button, a
            # control within a control that keyboards and screen readers cannot reach; the
            # reference above the explorer has an anchor per operation. No colouring of the
            # answers either: its themes print numbers and strings below 4.5:1 contrast.
            settings = {
                "url": openapi_url,
                "layout": "BaseLayout",
                "deepLinking": False,
                "syntaxHighlight": False,
            }
            self._made[key] = (openapi_url, operations_by_tag(schema), settings)
        openapi_url, groups, settings = self._made[key]
        return render(
            request,
            self.template,
            {
                "api": api,
                "openapi_url": openapi_url,
                "groups": groups,
                "swagger_settings": settings,
            },
        )
