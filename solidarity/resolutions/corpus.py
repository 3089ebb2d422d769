"""Check the parser against a folder of real resolutions and what a reader found in them.

A corpus folder holds, for each document, the text (``<stem>.txt``, ``.md`` or
``.pdf``) and ``<stem>.facts.json``: the symbol, title, date, paragraph counts
and leads, footnote count, vote and annexes, written by reading the document
(the layout is described in ``tests/resolutions/corpus/README.md``). A
document is exact when the parser reads every one of those facts and warns
about nothing: a warning means the document was not read as printed.

Pure Python, like the parser: ``solidarity parse --check DIR`` and the test
suite both call :func:`check_folder`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from solidarity.resolutions.parsing import ParseError, ResolutionDocument, parse_file

FACTS_SUFFIX = ".facts.json"
DOCUMENT_SUFFIXES = (".txt", ".md", ".pdf")
SHOWN_WARNINGS = 3  # per document on its line; the rest are counted


@dataclass(slots=True)
class DocumentCheck:
    """One document of the corpus: what differs from its facts, and the parser's warnings."""

    path: Path
    symbol: str
    differences: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    error: str = ""

    @property
    def exact(self) -> bool:
        return not (self.differences or self.warnings or self.error)

    def line(self) -> str:
        """One line for the terminal: the symbol and either "exact" or what went wrong."""
        if self.error:
            return f"{self.symbol}: refused: {self.error}"
        if self.exact:
            return f"{self.symbol}: exact"
        shown = self.warnings[:SHOWN_WARNINGS]
        problems = self.differences + [f"warning: {warning}" for warning in shown]
        if len(self.warnings) > len(shown):
            problems.append(f"and {len(self.warnings) - len(shown)} more warnings")
        return f"{self.symbol}: " + "; ".join(problems)


def documents_in(folder: Path) -> list[tuple[Path, Path]]:
    """(document, facts) pairs in name order; a facts file without its document is an error."""
    pairs = []
    for facts in sorted(folder.glob(f"*{FACTS_SUFFIX}")):
        stem = facts.name[: -len(FACTS_SUFFIX)]
        texts = [folder / f"{stem}{suffix}" for suffix in DOCUMENT_SUFFIXES]
        found = [path for path in texts if path.exists()]
        if not found:
            raise FileNotFoundError(f"{facts}: no document {stem}.txt, .md or .pdf next to it")
        pairs.append((found[0], facts))
    return pairs


def _leads_differ(kind: str, expected: list[str], found: list[str]) -> list[str]:
    if len(expected) != len(found):
        return [f"{kind} paragraphs: {len(found)} read, {len(expected)} printed"]
    for position, (want, got) in enumerate(zip(expected, found, strict=True), start=1):
        if want != got:
            return [f"{kind} paragraph {position}: lead {got!r}, printed {want!r}"]
    return []


def _vote_differs(expected: dict[str, Any] | None, document: ResolutionDocument) -> list[str]:
    vote = document.vote
    if expected is None:
        return [] if vote is None else ["a vote was read where the document prints none"]
    if vote is None:
        return ["no vote read, the document prints one"]
    differences = []
    for column, total_key in (("in_favour", "yes"), ("against", "no"), ("abstaining", "abstain")):
        total = getattr(vote, total_key)
        if total != expected[total_key]:
            differences.append(f"vote {total_key}: {total} read, {expected[total_key]} printed")
        names = [voter.name for voter in getattr(vote, column)]
        if names != expected[column]:
            missing = [name for name in expected[column] if name not in names]
            extra = [name for name in names if name not in expected[column]]
            differences.append(
                f"vote {column.replace('_', ' ')}: names differ "
                f"(missing {missing or 'none'}, extra {extra or 'none'})"
            )
    return differences


def compare(document: ResolutionDocument, facts: dict[str, Any]) -> list[str]:
    """What the parser read differently from the facts, as short sentences."""
    differences = []
    for key in ("symbol", "title", "session", "body"):
        if getattr(document, key) != facts[key]:
            differences.append(f"{key}: {getattr(document, key)!r} read, {facts[key]!r} printed")
    adopted = document.adopted_on.isoformat() if document.adopted_on else None
    if adopted != facts["adopted_on"]:
        differences.append(f"adopted on {adopted} read, {facts['adopted_on']} printed")
    differences += _leads_differ(
        "preambular",
        facts["preambular_leads"],
        [paragraph.lead for paragraph in document.preambular_paragraphs],
    )
    differences += _leads_differ(
        "operative",
        facts["operative_leads"],
        [paragraph.lead for paragraph in document.operative_paragraphs],
    )
    if len(document.footnotes) != facts["footnote_count"]:
        differences.append(
            f"footnotes: {len(document.footnotes)} read, {facts['footnote_count']} printed"
        )
    differences += _vote_differs(facts["vote"], document)
    differences += _annexes_differ(facts, document)
    return differences


def _annexes_differ(facts: dict[str, Any], document: ResolutionDocument) -> list[str]:
    if len(document.annexes) != facts["annexes"]:
        return [f"annexes: {len(document.annexes)} read, {facts['annexes']} printed"]
    expected = facts.get("annex_paragraph_counts")
    if expected is None:
        return []
    found = [
        sum(1 for paragraph in annex.paragraphs if paragraph.number is not None)
        for annex in document.annexes
    ]
    if found != expected:
        return [f"numbered paragraphs of the annexes: {found} read, {expected} printed"]
    return []


def check_document(path: Path, facts_path: Path) -> DocumentCheck:
    facts = json.loads(facts_path.read_text(encoding="utf-8"))
    check = DocumentCheck(path=path, symbol=facts["symbol"])
    try:
        result = parse_file(path)
    except ParseError as error:
        check.error = str(error)
        return check
    check.differences = compare(result.document, facts)
    check.warnings = [str(warning) for warning in result.warnings]
    return check


def check_folder(folder: str | Path) -> list[DocumentCheck]:
    """Parse every document of a corpus folder and compare it with its facts."""
    return [check_document(path, facts) for path, facts in documents_in(Path(folder))]
