"""The key that groups resolutions of the same title into a series. Plain Python.

Titles are compared without case, accents, punctuation or spacing, so that
"Human rights and international solidarity" and "Human rights and
international solidarity." are one series; anything else that differs makes
another, which the secretariat can correct (``solidarity votes series-move``).
"""

from __future__ import annotations

import re
import unicodedata

_NOT_WORD = re.compile(r"[^0-9a-z]+")


def title_key(title: str) -> str:
    text = unicodedata.normalize("NFKD", title)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    return " ".join(_NOT_WORD.sub(" ", text).split())[:300]
