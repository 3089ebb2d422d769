"""The corpus of real resolutions is whole and its facts agree with themselves.

Each document in tests/resolutions/corpus/ comes with a facts file written by
reading the document. These tests do not parse anything: they check that every
document has its facts, every facts file has its document, and that the facts
are complete and consistent (counts equal the lead lists, vote totals equal the
name lists, the symbol names the body and session it claims).
"""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path

import pytest

CORPUS = Path(__file__).parent / "corpus"
DOCUMENT_SUFFIXES = (".txt", ".md")
FACTS_SUFFIX = ".facts.json"
REQUIRED = {
    "symbol",
    "body",
    "session",
    "title",
    "adopted_on",
    "source",
    "preambular_count",
    "preambular_leads",
    "operative_count",
    "operative_leads",
    "footnote_count",
    "vote",
    "annexes",
}
FORMS = {"pdf text layer", "markdown", "html", "plain text"}
SYMBOL = re.compile(
    r"^(?P<prefix>A/HRC/RES|A/HRC/DEC|A/RES)/"
    r"(?P<session>S-\d{1,2}|ES-\d{1,2}|\d{1,3})/\d{1,3}(?: [A-Z])?$"
)


def _documents() -> list[Path]:
    return sorted(
        p for p in CORPUS.iterdir() if p.suffix in DOCUMENT_SUFFIXES and p.name != "README.md"
    )


def _document_of(stem: str) -> Path | None:
    found = [CORPUS / f"{stem}{s}" for s in DOCUMENT_SUFFIXES if (CORPUS / f"{stem}{s}").exists()]
    return found[0] if found else None


def _facts_files() -> list[Path]:
    return sorted(CORPUS.glob(f"*{FACTS_SUFFIX}"))


def _stem_of_facts(path: Path) -> str:
    return path.name[: -len(FACTS_SUFFIX)]


def _load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def test_the_corpus_holds_documents():
    assert _documents(), "the corpus folder holds no document"


def test_every_document_has_its_facts_file():
    missing = [d.name for d in _documents() if not (CORPUS / f"{d.stem}{FACTS_SUFFIX}").exists()]
    assert missing == []


def test_every_facts_file_has_its_document():
    orphans = [f.name for f in _facts_files() if _document_of(_stem_of_facts(f)) is None]
    assert orphans == []


def test_no_document_is_present_in_two_forms():
    stems = [d.stem for d in _documents()]
    assert sorted({s for s in stems if stems.count(s) > 1}) == []


@pytest.mark.parametrize("facts_path", _facts_files(), ids=lambda p: p.name)
def test_a_facts_file_is_complete_and_agrees_with_itself(facts_path: Path):
    facts = _load(facts_path)
    assert facts.keys() >= REQUIRED, f"missing: {sorted(REQUIRED - facts.keys())}"

    symbol = facts["symbol"]
    match = SYMBOL.match(symbol)
    assert match, f"unexpected symbol {symbol!r}"
    assert symbol.replace("/", "_").replace(" ", "_") == _stem_of_facts(facts_path)
    assert facts["body"] == ("GA" if match["prefix"] == "A/RES" else "HRC")
    session = match["session"]
    if session.isdigit():
        assert facts["session"] == int(session)
    else:
        assert facts["session"] == session

    assert isinstance(facts["title"], str) and facts["title"].strip() == facts["title"] != ""
    adopted = datetime.date.fromisoformat(facts["adopted_on"])
    assert datetime.date(2006, 6, 19) <= adopted <= datetime.date(2026, 12, 31)

    source = facts["source"]
    assert source["repository"] and source["path"]
    assert source["form"] in FORMS
    document = _document_of(_stem_of_facts(facts_path))
    assert document is not None
    # A Markdown copy keeps its suffix; re-flowed text from a .md file is stored as .txt.
    assert (source["form"] == "markdown") == (document.suffix == ".md"), (
        f"form {source['form']!r} stored as {document.name}"
    )
    if source.get("commit") is not None:
        assert re.fullmatch(r"[0-9a-f]{40}", source["commit"])

    assert facts["preambular_count"] == len(facts["preambular_leads"])
    assert facts["operative_count"] == len(facts["operative_leads"])
    for lead in facts["preambular_leads"] + facts["operative_leads"]:
        assert lead == lead.strip() and lead[:1].isupper(), f"odd lead {lead!r}"
    assert isinstance(facts["footnote_count"], int) and facts["footnote_count"] >= 0
    assert isinstance(facts["annexes"], int) and facts["annexes"] >= 0
    if "annex_paragraph_counts" in facts:
        assert len(facts["annex_paragraph_counts"]) == facts["annexes"]

    vote = facts["vote"]
    # A General Assembly resolution as published prints no vote (it is in the meeting record).
    assert vote is None or facts["body"] == "HRC", "a General Assembly text with a vote"
    if vote is not None:
        assert vote["yes"] == len(vote["in_favour"])
        assert vote["no"] == len(vote["against"])
        assert vote["abstain"] == len(vote["abstaining"])
        names = vote["in_favour"] + vote["against"] + vote["abstaining"]
        assert len(names) == len(set(names)), "a State is listed twice"


@pytest.mark.parametrize("facts_path", _facts_files(), ids=lambda p: p.name)
def test_the_facts_match_what_can_be_seen_in_the_document_without_parsing(facts_path: Path):
    """Cheap textual checks that catch a facts file paired with the wrong text."""
    facts = _load(facts_path)
    document = _document_of(_stem_of_facts(facts_path))
    assert document is not None
    text = " ".join(document.read_text(encoding="utf-8").split())
    # A re-flowed text may have lost the symbol of its masthead, and a Council resolution as it
    # circulates on the web may never print it; the number before the title ("56/4. ") stays.
    number = "/".join(facts["symbol"].split(" ")[0].split("/")[-2:])
    assert facts["symbol"] in text or f"{number}. " in text
    for lead in facts["preambular_leads"] + facts["operative_leads"]:
        assert lead in text, f"lead {lead!r} not in the document"
    vote = facts["vote"]
    if vote is not None:
        for name in vote["in_favour"] + vote["against"] + vote["abstaining"]:
            assert " ".join(name.split()) in text, f"{name!r} not in the document"
