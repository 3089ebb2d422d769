"""The structured resolution: plain data classes in the shape of resolution.schema.json.

``ResolutionDocument.to_dict()`` gives exactly the schema's JSON object (dates as
ISO strings) and ``ResolutionDocument.from_dict()`` reads it back without loss.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from typing import Any

from solidarity.resolutions import anchors

# A footnote's marker as it stands in a paragraph's text: "networks;[^1]".
FOOTNOTE_MARKER = re.compile(r"\[\^([0-9A-Za-z*]+)\]")


@dataclass(slots=True)
class Voter:
    """A State in a recorded vote: its name as printed and its ISO 3166-1 alpha-3 code."""

    name: str
    iso3: str

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "iso3": self.iso3}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Voter:
        return cls(name=data["name"], iso3=data["iso3"])


@dataclass(slots=True)
class RecordedVote:
    """The totals as stated and the States in each column."""

    yes: int
    no: int
    abstain: int
    in_favour: list[Voter] = field(default_factory=list)
    against: list[Voter] = field(default_factory=list)
    abstaining: list[Voter] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "yes": self.yes,
            "no": self.no,
            "abstain": self.abstain,
            "in_favour": [voter.to_dict() for voter in self.in_favour],
            "against": [voter.to_dict() for voter in self.against],
            "abstaining": [voter.to_dict() for voter in self.abstaining],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RecordedVote:
        return cls(
            yes=data["yes"],
            no=data["no"],
            abstain=data["abstain"],
            in_favour=[Voter.from_dict(item) for item in data["in_favour"]],
            against=[Voter.from_dict(item) for item in data["against"]],
            abstaining=[Voter.from_dict(item) for item in data["abstaining"]],
        )


@dataclass(slots=True)
class Subparagraph:
    """A lettered or roman sub-paragraph: label as printed without brackets ('a', 'ii')."""

    label: str
    text: str
    subparagraphs: list[Subparagraph] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "text": self.text,
            "subparagraphs": [item.to_dict() for item in self.subparagraphs],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Subparagraph:
        return cls(
            label=data["label"],
            text=data["text"],
            subparagraphs=[cls.from_dict(item) for item in data["subparagraphs"]],
        )


@dataclass(slots=True)
class PreambularParagraph:
    """A paragraph of the preamble; ``index`` counts from 1."""

    index: int
    lead: str
    text: str

    @property
    def anchor(self) -> str:
        return anchors.preambular(self.index)

    def to_dict(self) -> dict[str, Any]:
        return {"index": self.index, "lead": self.lead, "text": self.text}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PreambularParagraph:
        return cls(index=data["index"], lead=data["lead"], text=data["text"])


@dataclass(slots=True)
class OperativeParagraph:
    """A numbered paragraph; ``text`` runs up to its first sub-paragraph."""

    number: int
    lead: str
    text: str
    subparagraphs: list[Subparagraph] = field(default_factory=list)
    addressees: list[str] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return anchors.operative(self.number)

    def to_dict(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "lead": self.lead,
            "text": self.text,
            "subparagraphs": [item.to_dict() for item in self.subparagraphs],
            "addressees": list(self.addressees),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> OperativeParagraph:
        return cls(
            number=data["number"],
            lead=data["lead"],
            text=data["text"],
            subparagraphs=[Subparagraph.from_dict(item) for item in data["subparagraphs"]],
            addressees=list(data["addressees"]),
        )


@dataclass(slots=True)
class AnnexHeading:
    """A heading inside an annex: its number as printed ('I', 'A'; '' when it has none)."""

    number: str
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"kind": "heading", "number": self.number, "text": self.text}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> AnnexHeading:
        return cls(number=data["number"], text=data["text"])


@dataclass(slots=True)
class AnnexParagraph:
    """A paragraph of an annex: numbered as printed, or ``number`` None when it is not."""

    number: int | None
    text: str
    subparagraphs: list[Subparagraph] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": "paragraph",
            "number": self.number,
            "text": self.text,
            "subparagraphs": [item.to_dict() for item in self.subparagraphs],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> AnnexParagraph:
        return cls(
            number=data["number"],
            text=data["text"],
            subparagraphs=[Subparagraph.from_dict(item) for item in data["subparagraphs"]],
        )


@dataclass(slots=True)
class Annex:
    """An annex: its heading as printed ('Annex', 'Annex II'), its title, and its headings
    and paragraphs in reading order."""

    heading: str
    title: str
    content: list[AnnexHeading | AnnexParagraph] = field(default_factory=list)

    def content_anchors(self, position: int) -> list[str]:
        """The anchors of the content, for the annex at this position (from 1)."""
        return anchors.annex_content_anchors(
            position,
            (
                ("heading", None) if isinstance(item, AnnexHeading) else ("paragraph", item.number)
                for item in self.content
            ),
        )

    @property
    def paragraphs(self) -> list[AnnexParagraph]:
        return [item for item in self.content if isinstance(item, AnnexParagraph)]

    def to_dict(self) -> dict[str, Any]:
        return {
            "heading": self.heading,
            "title": self.title,
            "content": [item.to_dict() for item in self.content],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Annex:
        content: list[AnnexHeading | AnnexParagraph] = [
            AnnexHeading.from_dict(item)
            if item["kind"] == "heading"
            else AnnexParagraph.from_dict(item)
            for item in data["content"]
        ]
        return cls(heading=data["heading"], title=data["title"], content=content)


@dataclass(slots=True)
class Footnote:
    """A footnote; ``paragraph`` is the anchor of the paragraph carrying its marker
    (``op-12``, or ``annex-1-para-3`` for a paragraph of an annex)."""

    marker: str
    text: str
    paragraph: str | None = None

    @property
    def anchor(self) -> str:
        return anchors.footnote(self.marker)

    def to_dict(self) -> dict[str, Any]:
        return {"marker": self.marker, "text": self.text, "paragraph": self.paragraph}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Footnote:
        return cls(marker=data["marker"], text=data["text"], paragraph=data["paragraph"])


@dataclass(slots=True)
class Reference:
    """A document or resolution cited, once, with the anchors that cite it."""

    kind: str  # "document", "resolution" or "decision"
    cited: str
    paragraphs: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "cited": self.cited, "paragraphs": list(self.paragraphs)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Reference:
        return cls(kind=data["kind"], cited=data["cited"], paragraphs=list(data["paragraphs"]))


def _iso(day: datetime.date | None) -> str | None:
    return None if day is None else day.isoformat()


def _date(value: str | None) -> datetime.date | None:
    return None if value is None else datetime.date.fromisoformat(value)


@dataclass(slots=True)
class ResolutionDocument:
    """A resolution of the Human Rights Council ("HRC") or the General Assembly ("GA")."""

    symbol: str
    body: str
    session: int
    agenda_item: str
    title: str
    adopted_on: datetime.date | None
    distributed_on: datetime.date | None
    meeting: str
    preambular_paragraphs: list[PreambularParagraph] = field(default_factory=list)
    operative_paragraphs: list[OperativeParagraph] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    vote: RecordedVote | None = None
    # What the symbol says besides body and session (see parsing/symbols.py):
    # "resolution" or "decision"; "regular", "special" (S-35/1) or
    # "emergency_special" (ES-11/1); the part's letter of "78/262 A", or "".
    kind: str = "resolution"
    session_type: str = "regular"
    part: str = ""
    annexes: list[Annex] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The schema's object; ``annexes`` is there only when the resolution has some
        (schema version 2), so a resolution without annexes keeps its earlier shape."""
        data = {
            "symbol": self.symbol,
            "body": self.body,
            "session": self.session,
            "agenda_item": self.agenda_item,
            "title": self.title,
            "adopted_on": _iso(self.adopted_on),
            "distributed_on": _iso(self.distributed_on),
            "meeting": self.meeting,
            "preambular_paragraphs": [item.to_dict() for item in self.preambular_paragraphs],
            "operative_paragraphs": [item.to_dict() for item in self.operative_paragraphs],
            "footnotes": [item.to_dict() for item in self.footnotes],
            "references": [item.to_dict() for item in self.references],
            "vote": None if self.vote is None else self.vote.to_dict(),
        }
        if self.annexes:
            data["annexes"] = [annex.to_dict() for annex in self.annexes]
        # Likewise a decision, a special session or a part says so, and only then.
        if self.kind != "resolution":
            data["kind"] = self.kind
        if self.session_type != "regular":
            data["session_type"] = self.session_type
        if self.part:
            data["part"] = self.part
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ResolutionDocument:
        vote = data["vote"]
        return cls(
            symbol=data["symbol"],
            body=data["body"],
            session=data["session"],
            agenda_item=data["agenda_item"],
            title=data["title"],
            adopted_on=_date(data["adopted_on"]),
            distributed_on=_date(data["distributed_on"]),
            meeting=data["meeting"],
            preambular_paragraphs=[
                PreambularParagraph.from_dict(item) for item in data["preambular_paragraphs"]
            ],
            operative_paragraphs=[
                OperativeParagraph.from_dict(item) for item in data["operative_paragraphs"]
            ],
            footnotes=[Footnote.from_dict(item) for item in data["footnotes"]],
            references=[Reference.from_dict(item) for item in data["references"]],
            vote=None if vote is None else RecordedVote.from_dict(vote),
            kind=data.get("kind", "resolution"),
            session_type=data.get("session_type", "regular"),
            part=data.get("part", ""),
            annexes=[Annex.from_dict(item) for item in data.get("annexes", [])],
        )

    def paragraph(
        self, anchor: str
    ) -> PreambularParagraph | OperativeParagraph | AnnexParagraph | None:
        """The paragraph with this anchor ('pp-3', 'op-12', 'annex-1-para-3'), or None."""
        for position, annex in enumerate(self.annexes, start=1):
            for item_anchor, item in zip(
                annex.content_anchors(position), annex.content, strict=True
            ):
                if item_anchor == anchor and isinstance(item, AnnexParagraph):
                    return item
        kind, number = anchors.split(anchor)
        if not number.isdigit():
            return None
        if kind == anchors.PREAMBULAR:
            return next((p for p in self.preambular_paragraphs if p.index == int(number)), None)
        if kind == anchors.OPERATIVE:
            return next((p for p in self.operative_paragraphs if p.number == int(number)), None)
        return None
