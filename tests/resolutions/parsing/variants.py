"""Variants of a Markdown resolution, as other converters would hand it to the parser.

Derived from the Markdown inputs so that no test depends on a hand-made copy:

- ``plain_text``: the markup gone (no italics, no ``#``, no ``---``), footnote
  markers glued to the word before them ("networks;1"), and at each page
  break the furniture a converter leaves: the running header (the symbol) and
  the page number;
- ``windows``: the same text with CRLF line endings;
- ``damaged``: lines dropped, lines joined, pages shuffled (for property tests).
"""

from __future__ import annotations

import re
from pathlib import Path

INPUTS = Path(__file__).resolve().parent / "inputs"
GOLDEN = Path(__file__).resolve().parent / "golden"
SEED = INPUTS / "A-HRC-RES-56-4.md"

_HEADING = re.compile(r"^#{1,6}\s+")
_SUP = re.compile(r"<sup>(\w+)</sup>")


def read_input(name: str) -> str:
    return (INPUTS / name).read_text(encoding="utf-8")


def seed_markdown() -> str:
    return SEED.read_text(encoding="utf-8")


def plain_text(markdown: str, *, symbol: str, page_numbers: str = "of") -> str:
    """The text without Markdown, with a running header and page number at each page break.

    ``page_numbers`` is "of" for "2/7" or "plain" for "2".
    """
    lines = markdown.split("\n")
    pages = 1 + sum(1 for line in lines if line.strip() == "---")
    page = 1
    result = []
    for line in lines:
        if line.strip() == "---":
            page += 1
            number = f"{page}/{pages}" if page_numbers == "of" else str(page)
            result.extend(["", symbol, number, ""])
            continue
        if line.startswith("<!--"):
            continue
        line = _HEADING.sub("", line)
        line = _SUP.sub(r"\1", line)
        result.append(line.replace("*", "").rstrip())
    return "\n".join(result)


def windows(text: str) -> str:
    """The text with Windows line endings."""
    return text.replace("\r\n", "\n").replace("\n", "\r\n")


def line_of(text: str, needle: str) -> int:
    """The 1-based number of the first line containing ``needle``."""
    for number, line in enumerate(text.split("\n"), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} is not in the text")


def replace_once(text: str, old: str, new: str) -> str:
    """The text with ``old`` replaced once; fails loudly if ``old`` is missing."""
    assert text.count(old) >= 1, f"{old!r} is not in the text"
    return text.replace(old, new, 1)
