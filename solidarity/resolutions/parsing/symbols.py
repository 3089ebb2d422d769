"""The symbols of resolutions and decisions, in every form the UN gives them.

A symbol names the body, the kind of text, the session and the number:

- ``A/HRC/RES/56/4``: Council resolution 56/4, adopted at a regular session;
- ``A/HRC/RES/S-35/1``: resolution 1 of the Council's thirty-fifth *special* session;
- ``A/RES/ES-11/1``: resolution 1 of the Assembly's eleventh *emergency special* session;
- ``A/RES/78/262 A`` and ``A/RES/78/262 B``: one number, adopted in parts, each
  part a resolution of its own (the letter follows a space);
- ``A/HRC/DEC/56/101`` and ``A/DEC/79/501``: decisions, not resolutions.

The session number stays a whole number (35 for S-35) and the session's type
says which series it counts in, so "S-35/1" and "35/1" never meet. The web
address writes the part without its space (``A/RES/78/262A``) and reads both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

RESOLUTION, DECISION = "resolution", "decision"
REGULAR, SPECIAL, EMERGENCY_SPECIAL = "regular", "special", "emergency_special"
SESSION_TYPES = (REGULAR, SPECIAL, EMERGENCY_SPECIAL)
_SESSION_PREFIX = {REGULAR: "", SPECIAL: "S-", EMERGENCY_SPECIAL: "ES-"}
_PREFIX_SESSION = {prefix: kind for kind, prefix in _SESSION_PREFIX.items()}
_KIND_CODE = {RESOLUTION: "RES", DECISION: "DEC"}
_CODE_KIND = {code: kind for kind, code in _KIND_CODE.items()}

# "S-35/1", "ES-11/1", "78/262 A" (a no-break space too, or none in an address).
NUMBER = r"(?:(E?S)-)?([1-9]\d{0,2})/([1-9]\d{0,3})(?:[ \u00a0]?([A-H])(?![A-Za-z]))?"
_SYMBOL = re.compile(rf"A/(HRC/)?(RES|DEC)/{NUMBER}")
_LABEL = re.compile(NUMBER)


@dataclass(frozen=True, slots=True)
class Symbol:
    """What a symbol says: body ("HRC", "GA"), kind, session and its type, number, part."""

    body: str
    kind: str
    session: int
    session_type: str
    number: int
    part: str = ""

    @classmethod
    def parse(cls, text: str) -> Symbol | None:
        """The symbol printed as ``text`` (whole), in its printed or address form; else None."""
        match = _SYMBOL.fullmatch(text.strip())
        if match is None:
            return None
        council, code, prefix, session, number, part = match.groups()
        return cls(
            body="HRC" if council else "GA",
            kind=_CODE_KIND[code],
            session=int(session),
            session_type=_PREFIX_SESSION[f"{prefix}-" if prefix else ""],
            number=int(number),
            part=part or "",
        )

    @classmethod
    def from_label(cls, label: str, *, body: str, kind: str = RESOLUTION) -> Symbol | None:
        """The symbol of "S-35/1", "78/262 A" or "56/4" for a body and kind; else None."""
        match = _LABEL.fullmatch(label.strip())
        if match is None:
            return None
        prefix, session, number, part = match.groups()
        return cls(
            body=body,
            kind=kind,
            session=int(session),
            session_type=_PREFIX_SESSION[f"{prefix}-" if prefix else ""],
            number=int(number),
            part=part or "",
        )

    @property
    def session_label(self) -> str:
        """'56', 'S-35', 'ES-11': the session as the number prints it."""
        return f"{_SESSION_PREFIX[self.session_type]}{self.session}"

    @property
    def number_label(self) -> str:
        """'56/4', 'S-35/1', '78/262 A': the number as the title line prints it."""
        part = f" {self.part}" if self.part else ""
        return f"{self.session_label}/{self.number}{part}"

    @property
    def path(self) -> str:
        """The symbol in a web address: the part without its space ('A/RES/78/262A')."""
        return str(self).replace(" ", "")

    def __str__(self) -> str:
        council = "HRC/" if self.body == "HRC" else ""
        return f"A/{council}{_KIND_CODE[self.kind]}/{self.number_label}"


def canonical(text: str) -> str:
    """The symbol as the UN prints it ('A/RES/78/262 A' for '…/262A'); unchanged if not one."""
    symbol = Symbol.parse(text)
    return text if symbol is None else str(symbol)
