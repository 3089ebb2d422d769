"""What the parser reports: errors that stop it and warnings that do not.

Both name the input (``source``) and, where known, the 1-based line of the
input as given, so that messages read like a compiler's:
``A-HRC-RES-56-4.md:104: vote lists 28 names in favour, the formula says 29``.
"""

from __future__ import annotations

from dataclasses import dataclass


class ParseError(Exception):
    """The input is not a resolution the parser can read, or it contradicts itself."""

    def __init__(self, source: str, line: int | None, message: str):
        self.source = source
        self.line = line
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        if self.line is None:
            return f"{self.source}: {self.message}"
        return f"{self.source}:{self.line}: {self.message}"

    def __reduce__(self):
        return (type(self), (self.source, self.line, self.message))


@dataclass(frozen=True, slots=True)
class ParseWarning:
    """Something odd the parser recovered from; the document is still usable."""

    source: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = self.source if self.line is None else f"{self.source}:{self.line}"
        return f"{where}: warning: {self.message}"


class Diagnostics:
    """Collects warnings for one input and builds its errors."""

    __slots__ = ("source", "warnings")

    def __init__(self, source: str):
        self.source = source
        self.warnings: list[ParseWarning] = []

    def warn(self, line: int | None, message: str) -> None:
        self.warnings.append(ParseWarning(self.source, line, message))

    def error(self, line: int | None, message: str) -> ParseError:
        return ParseError(self.source, line, message)
