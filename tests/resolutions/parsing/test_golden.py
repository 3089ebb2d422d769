"""Each input gives exactly its golden output, compared whole.

The golden files are the reference for the whole platform: a change to the
parser that changes them must be a deliberate one. To write them anew after
such a change, run with SOLIDARITY_UPDATE_GOLDEN=1 and read the diff line by
line before committing it.
"""

from __future__ import annotations

import json
import os

import jsonschema
import pytest

from solidarity.resolutions.parsing import ResolutionDocument, parse_file
from tests.resolutions.parsing.variants import GOLDEN, INPUTS

SCHEMA_PATH = INPUTS.parents[3] / "solidarity" / "resolutions" / "resolution.schema.json"
PAIRS = [
    "A-HRC-RES-56-4.md",
    "synthetic-ga-78-999.md",
    "synthetic-ga-78-998.txt",
    "synthetic-hrc-57-999.txt",
]
# The warnings each input is expected to raise (line, start of message).
EXPECTED_WARNINGS = {
    "A-HRC-RES-56-4.md": [],
    "synthetic-ga-78-999.md": [],
    "synthetic-ga-78-998.txt": [],
    "synthetic-hrc-57-999.txt": [
        (76, "heading 'Cooperation with the mandate' inside the operative part"),
    ],
}


def _golden(name: str) -> dict:
    path = GOLDEN / (name.rsplit(".", 1)[0] + ".json")
    if os.environ.get("SOLIDARITY_UPDATE_GOLDEN") == "1":
        document = parse_file(INPUTS / name).document.to_dict()
        path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", "utf-8")
    return json.loads(path.read_text("utf-8"))


@pytest.mark.parametrize("name", PAIRS)
def test_each_input_parses_to_its_golden_document(name):
    assert parse_file(INPUTS / name).document.to_dict() == _golden(name)


@pytest.mark.parametrize("name", PAIRS)
def test_each_input_raises_only_the_expected_warnings(name):
    warnings = parse_file(INPUTS / name).warnings
    found = [(warning.line, warning.message) for warning in warnings]
    expected = EXPECTED_WARNINGS[name]
    assert len(found) == len(expected), found
    for (line, message), (expected_line, start) in zip(found, expected, strict=True):
        assert line == expected_line
        assert message.startswith(start)


@pytest.mark.parametrize("name", PAIRS)
def test_every_golden_document_validates_against_the_resolution_schema(name):
    schema = json.loads(SCHEMA_PATH.read_text("utf-8"))
    jsonschema.Draft202012Validator(schema).validate(_golden(name))


@pytest.mark.parametrize("name", PAIRS)
def test_a_document_read_back_from_its_dictionary_is_the_same_document(name):
    document = parse_file(INPUTS / name).document
    again = ResolutionDocument.from_dict(json.loads(json.dumps(document.to_dict())))
    assert again == document
    assert again.to_dict() == document.to_dict()
