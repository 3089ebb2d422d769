"""The published JSON Schema of a resolution, and its form for the OpenAPI document."""

from __future__ import annotations

import copy
import functools
import json
from pathlib import Path

SCHEMA_PATH = Path(__file__).resolve().parent / "resolution.schema.json"


@functools.cache
def resolution_schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def openapi_components(prefix: str = "Resolution") -> dict[str, dict]:
    """The schema and its $defs as OpenAPI components, references rewritten."""
    schema = copy.deepcopy(resolution_schema())
    definitions = schema.pop("$defs", {})
    for key in ("$schema", "$id"):
        schema.pop(key, None)

    def rewrite(node):
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/$defs/"):
                node["$ref"] = f"#/components/schemas/{prefix}_{ref.rsplit('/', 1)[1]}"
            for value in node.values():
                rewrite(value)
        elif isinstance(node, list):
            for value in node:
                rewrite(value)

    rewrite(schema)
    rewrite(definitions)
    components = {prefix: schema}
    components.update({f"{prefix}_{name}": value for name, value in definitions.items()})
    return components
