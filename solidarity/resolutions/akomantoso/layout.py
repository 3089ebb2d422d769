"""Where each footnote marker and each citation lands in the printed text of a resolution."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import quote

from solidarity.resolutions import anchors
from solidarity.resolutions.akomantoso.names import Body
from solidarity.resolutions.parsing.symbols import Symbol


@dataclass
class Span:
    """A stretch of a text replaced by a footnote or wrapped in a reference."""

    start: int
    end: int
    note: int | None = None  # index in doc["footnotes"]
    href: str | None = None


@dataclass
class Slot:
    """One printed text (a paragraph, a sub-paragraph or a footnote) and its markup."""

    text: str
    lead: int = 0  # length of the italic lead opening the text; 0 when none is marked
    spans: list[Span] = field(default_factory=list)

    def find(self, needle: str, bounded: bool = False) -> int | None:
        """First occurrence of needle that markup already placed leaves free."""
        at = self.text.find(needle) if needle else -1
        while at != -1:
            end = at + len(needle)
            if self._free(at, end) and (not bounded or _bounded(self.text, at, end)):
                return at
            at = self.text.find(needle, at + 1)
        return None

    def _free(self, start: int, end: int) -> bool:
        if start < self.lead < end:
            return False
        return all(end <= span.start or span.end <= start for span in self.spans)


def _bounded(text: str, start: int, end: int) -> bool:
    """True when text[start:end] is a whole citation, not part of a longer number."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or before == "/") and not (after.isalnum() or after == "/")


def lead_length(paragraph: dict) -> int:
    lead = paragraph["lead"]
    return len(lead) if lead and paragraph["text"].startswith(lead) else 0


def _walk(subparagraphs: list[dict], path: tuple) -> Iterator[tuple[tuple, dict]]:
    for position, sub in enumerate(subparagraphs):
        sub_path = (*path, position)
        yield sub_path, sub
        yield from _walk(sub["subparagraphs"], sub_path)


class Layout:
    """Decides where each footnote marker and each citation lands in the text."""

    def __init__(self, doc: dict, body: Body):
        self.slots: dict[tuple, Slot] = {}
        self.groups: list[tuple[str, list[tuple]]] = []  # (anchor, slot paths), reading order
        self.placed: dict[int, tuple] = {}  # footnote index -> slot path
        for i, pp in enumerate(doc["preambular_paragraphs"]):
            self.slots["pp", i] = Slot(pp["text"], lead_length(pp))
            self.groups.append((anchors.preambular(pp["index"]), [("pp", i)]))
        for i, op in enumerate(doc["operative_paragraphs"]):
            self.slots["op", i] = Slot(op["text"], lead_length(op))
            paths = [("op", i)]
            for path, sub in _walk(op["subparagraphs"], ("op", i)):
                self.slots[path] = Slot(sub["text"])
                paths.append(path)
            self.groups.append((anchors.operative(op["number"]), paths))
        for k, annex in enumerate(doc.get("annexes", [])):
            content = annex["content"]
            named = anchors.annex_content_anchors(
                k + 1, ((item["kind"], item["number"]) for item in content)
            )
            for i, (anchor, item) in enumerate(zip(named, content, strict=True)):
                self.slots["ax", k, i] = Slot(item["text"])
                paths = [("ax", k, i)]
                for path, sub in _walk(item.get("subparagraphs", []), ("ax", k, i)):
                    self.slots[path] = Slot(sub["text"])
                    paths.append(path)
                self.groups.append((anchor, paths))
        note_groups = []
        for k, footnote in enumerate(doc["footnotes"]):
            self.slots["fn", k] = Slot(footnote["text"])
            note_groups.append((anchors.footnote(footnote["marker"]), [("fn", k)]))

        for k, footnote in enumerate(doc["footnotes"]):
            self._place_note(k, footnote)
        self.hrefs: dict[int, str] = {}  # reference index -> link, when one can be given
        for k, reference in enumerate(doc["references"]):
            href = _citation_href(reference, body)
            if href is not None:
                self.hrefs[k] = href
                self._place_citation(reference, href, [*self.groups, *note_groups])

    def _place_note(self, k: int, footnote: dict) -> None:
        token = f"[^{footnote['marker']}]"
        for anchor, paths in self.groups:
            if anchor != footnote["paragraph"]:
                continue
            for path in paths:
                at = self.slots[path].find(token)
                if at is not None:
                    self.slots[path].spans.append(Span(at, at + len(token), note=k))
                    self.placed[k] = path
                    return

    def _place_citation(self, reference: dict, href: str, groups: list) -> None:
        needle = reference["cited"]
        if reference["kind"] != "document":
            needle = _CITED_BODY.sub("", needle)  # "GA 78/262 A" is printed "78/262 A"
        for wanted in reference["paragraphs"]:
            paths = [path for anchor, paths in groups if anchor == wanted for path in paths]
            for path in paths:
                at = self.slots[path].find(needle, bounded=True)
                if at is not None:
                    self.slots[path].spans.append(Span(at, at + len(needle), href=href))
                    break


_CITED_BODY = re.compile(r"^(?:GA|HRC|SC|ECOSOC|CHR) ")
_CITED_NUMBER = re.compile(r"(?:(GA|HRC) )?((?:E?S-)?[0-9]{1,3}/[0-9]+(?: [A-Z])?)")
_UN_SYMBOL = re.compile(r"[A-Z][A-Za-z0-9.()-]*(?:/[A-Za-z0-9.()-]+)+")


def _citation_href(reference: dict, body: Body) -> str | None:
    """A resolvable link for a citation, or None when its symbol would be a guess."""
    cited = reference["cited"]
    if reference["kind"] == "document":
        return f"https://undocs.org/{cited}" if _UN_SYMBOL.fullmatch(cited) else None
    match = _CITED_NUMBER.fullmatch(cited)
    if match is None:
        return None
    cited_body = match[1] or body.code
    symbol = Symbol.from_label(match[2], body=cited_body, kind=reference["kind"])
    if symbol is None or (symbol.kind, symbol.body) == ("decision", "GA"):
        return None  # the Assembly's decisions are printed in its Official Records only
    return f"https://undocs.org/{quote(str(symbol))}"
