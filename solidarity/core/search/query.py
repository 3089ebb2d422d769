"""The search query language, parsed in plain Python.

People type words, "quoted phrases", AND, OR, NOT (or a leading minus) and
parentheses are not needed: AND binds tighter than OR, as in most catalogues.
Anything else (stray quotes, symbols, operators in odd places) is read
leniently as words, so any input gives a query or a clear message — never an
error from the database engine.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field


class QueryError(ValueError):
    """The query cannot be searched; the message says why, for the person who typed it."""


@dataclass(frozen=True)
class Term:
    words: tuple[str, ...]  # one word, or several for a phrase
    negated: bool = False

    @property
    def is_phrase(self) -> bool:
        return len(self.words) > 1


@dataclass(frozen=True)
class Query:
    """A disjunction of conjunctions: ``any(all(term) for term in group)``."""

    groups: tuple[tuple[Term, ...], ...] = field(default_factory=tuple)

    @property
    def is_empty(self) -> bool:
        return not self.groups

    def positive_words(self) -> list[str]:
        return [w for g in self.groups for t in g if not t.negated for w in t.words]


_TOKEN = re.compile(r'"([^"]*)"?|(\S+)')
_WORD = re.compile(r"[^\W_]+")  # as the engines read words: "_" separates
MAX_TERMS = 32


def _words(text: str) -> tuple[str, ...]:
    text = unicodedata.normalize("NFKC", text)
    return tuple(w.casefold() for w in _WORD.findall(text))


def parse_query(text: str) -> Query:
    """Parse what a person typed. An empty query gives an empty Query."""
    groups: list[list[Term]] = [[]]
    negate_next = False
    count = 0
    for match in _TOKEN.finditer(text or ""):
        phrase, bare = match.group(1), match.group(2)
        if bare is not None and bare in {"AND", "&&"}:
            continue
        if bare is not None and bare in {"OR", "||", "|"}:
            if groups[-1]:
                groups.append([])
            negate_next = False
            continue
        if bare is not None and bare == "NOT":
            negate_next = True
            continue
        negated = negate_next
        negate_next = False
        if bare is not None and bare.startswith("-") and len(bare) > 1:
            negated, bare = True, bare[1:]
        words = _words(phrase if phrase is not None else bare)
        if not words:
            continue
        # A quoted phrase, or a hyphenated word ("South-South"), is a phrase of its words.
        count += 1
        if count > MAX_TERMS:
            raise QueryError(f"A search may have at most {MAX_TERMS} words or phrases.")
        groups[-1].append(Term(words, negated))
    cleaned = []
    for group in groups:
        if not group:
            continue
        if all(t.negated for t in group):
            raise QueryError(
                "A search needs at least one word to look for, besides the words to leave out."
            )
        cleaned.append(tuple(group))
    return Query(tuple(cleaned))


def _fts5_string(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def to_fts5(query: Query) -> str:
    """SQLite FTS5 MATCH syntax; every word quoted, so no input is read as syntax."""
    ors = []
    for group in query.groups:
        positives = [t for t in group if not t.negated]
        negatives = [t for t in group if t.negated]
        expression = " AND ".join(_fts5_string(" ".join(t.words)) for t in positives)
        if len(positives) > 1:
            expression = f"({expression})"
        for term in negatives:
            expression = f"{expression} NOT {_fts5_string(' '.join(term.words))}"
        ors.append(f"({expression})" if negatives else expression)
    return " OR ".join(ors)
