"""Namespaces, errors and the fixed vocabulary that the writer and the reader share."""

from __future__ import annotations

import re
from dataclasses import dataclass

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
SOLIDARITY_NS = "https://solidarity.invalid/ns/akomantoso/1.0"
NSMAP = {None: AKN_NS, "solidarity": SOLIDARITY_NS}
NS = {"akn": AKN_NS, "sol": SOLIDARITY_NS}


class AkomaNtosoError(ValueError):
    """A resolution that cannot be written as, or read from, Akoma Ntoso."""


class AkomaNtosoExportError(AkomaNtosoError):
    """The resolution dict cannot be written as Akoma Ntoso."""


class AkomaNtosoImportError(AkomaNtosoError):
    """The bytes are not an Akoma Ntoso resolution this module can read."""


def akn(tag: str) -> str:
    return f"{{{AKN_NS}}}{tag}"


def sol(name: str) -> str:
    return f"{{{SOLIDARITY_NS}}}{name}"


@dataclass(frozen=True)
class Body:
    code: str
    actor: str
    name: str


BODIES = {
    "HRC": Body("HRC", "un-hrc", "Human Rights Council"),
    "GA": Body("GA", "un-ga", "General Assembly"),
}
BODY_BY_REF = {f"#{body.actor}": body for body in BODIES.values()}

# Addressees that are office-holders become TLCRole; the others (States, agencies,
# organizations) TLCOrganization.
ROLE_ADDRESSEES = frozenset(
    {
        "Secretary-General",
        "High Commissioner",
        "Independent Expert",
        "Special Rapporteur",
        "President of the General Assembly",
        "President of the Human Rights Council",
    }
)

# The three sides of a recorded vote: dict key, count key, container name, TLCConcept id, label.
SIDES = (
    ("in_favour", "yes", "inFavour", "vote-in-favour", "In favour:"),
    ("against", "no", "against", "vote-against", "Against:"),
    ("abstaining", "abstain", "abstaining", "vote-abstaining", "Abstaining:"),
)

SOURCE_ID = "solidarity"
FIXED_IDS = (
    SOURCE_ID,
    *(body.actor for body in BODIES.values()),
    "author",
    "editor",
    "adoption",
    "distribution",
    *(side[3] for side in SIDES),
)

DIGITS = re.compile(r"[0-9]+")
