"""Reading back a resolution dict from an Akoma Ntoso document written by the writer."""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from solidarity.resolutions import anchors
from solidarity.resolutions.akomantoso.names import (
    AKN_NS,
    BODY_BY_REF,
    DIGITS,
    NS,
    SIDES,
    AkomaNtosoImportError,
    akn,
    sol,
)
from solidarity.resolutions.parsing.symbols import DECISION, REGULAR, Symbol


def from_akn(xml: bytes) -> dict:
    """The resolution dict of an Akoma Ntoso document written by :func:`to_akn`.

    Raises :class:`AkomaNtosoImportError` (a ``ValueError``) naming what is missing or wrong.
    """
    statement = _statement(parse_xml(xml))
    try:
        return _Reader(statement).resolution()
    except AkomaNtosoImportError:
        raise
    except (ValueError, TypeError) as error:
        raise AkomaNtosoImportError(f"unreadable Akoma Ntoso resolution: {error}") from error


_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, remove_blank_text=False
)


def parse_xml(xml: bytes) -> etree._Element:
    if isinstance(xml, str):
        xml = xml.encode("utf-8")
    if not isinstance(xml, bytes | bytearray):
        raise AkomaNtosoImportError(f"expected XML bytes, got {type(xml).__name__}")
    try:
        tree = etree.fromstring(bytes(xml), _PARSER).getroottree()
    except etree.XMLSyntaxError as error:
        raise AkomaNtosoImportError(f"not well-formed XML: {error}") from error
    if tree.docinfo.doctype:
        raise AkomaNtosoImportError("Akoma Ntoso documents have no DOCTYPE; refusing to read one")
    return tree.getroot()


def _statement(root: etree._Element) -> etree._Element:
    if root.tag != akn("akomaNtoso"):
        raise AkomaNtosoImportError(
            f"the root element is <{etree.QName(root).localname}> in namespace "
            f"{etree.QName(root).namespace or 'none'!r}, not <akomaNtoso> in {AKN_NS!r}"
        )
    statement = root.find("akn:statement", NS)
    if statement is None or statement.get("name") not in ("resolution", "decision"):
        found = [etree.QName(child).localname for child in root if isinstance(child.tag, str)]
        raise AkomaNtosoImportError(
            f'<akomaNtoso> holds no <statement name="resolution"> (found {found})'
        )
    return statement


def _text(element: etree._Element) -> str:
    """Text of an inline element with each authorialNote turned back into its [^marker]."""
    parts = [element.text or ""]
    for child in element:
        if child.tag == akn("authorialNote"):
            marker = child.get("marker")
            if marker is None:
                raise AkomaNtosoImportError("an <authorialNote> has no marker attribute")
            parts.append(f"[^{marker}]")
        elif isinstance(child.tag, str):
            parts.append(_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _required(parent: etree._Element, path: str, what: str) -> etree._Element:
    found = parent.find(path, NS)
    if found is None:
        raise AkomaNtosoImportError(f"missing {what}")
    return found


def _owner_name(element: etree._Element) -> str:
    eid = element.get("eId")
    return f"<{etree.QName(element).localname}{f' eId={eid!r}' if eid else ''}>"


def _only_p(block: etree._Element) -> etree._Element:
    ps = block.findall("akn:p", NS)
    if len(ps) != 1:
        raise AkomaNtosoImportError(f"{_owner_name(block)} should hold one <p>, not {len(ps)}")
    return ps[0]


def _lead_and_text(owner: etree._Element, p: etree._Element) -> tuple[str, str]:
    text = _text(p)
    if owner.get(sol("lead")) is not None:
        return owner.get(sol("lead")), text
    if not p.text and len(p) and p[0].tag == akn("i"):
        return _text(p[0]), text
    return "", text


class _Reader:
    def __init__(self, statement: etree._Element):
        self.statement = statement
        self.meta = _required(statement, "akn:meta", "<meta>")
        self.preface = _required(statement, "akn:preface", "<preface>")
        self.tlcs = {
            element.get("eId"): element
            for element in self.meta.iterfind("akn:references/*", NS)
            if element.get("eId")
        }
        self.anchors: dict[etree._Element, str] = {}  # authorialNote -> paragraph anchor

    def resolution(self) -> dict:
        preface = self.preface
        authority = _required(preface, ".//akn:docAuthority", "<docAuthority> in <preface>")
        body = BODY_BY_REF.get(authority.get("refersTo", ""))
        if body is None:
            raise AkomaNtosoImportError(
                f"<docAuthority refersTo={authority.get('refersTo')!r}> names neither "
                "#un-hrc nor #un-ga"
            )
        session = _required(preface, ".//akn:session", "<session> in <preface>").get("value", "")
        if not DIGITS.fullmatch(session):
            raise AkomaNtosoImportError(f"<session value={session!r}> is not a session number")
        agenda = preface.find(".//akn:inline[@name='agendaItem']", NS)
        meeting = self.statement.find("akn:conclusions//akn:inline[@name='meeting']", NS)
        doc = {
            "symbol": _text(_required(preface, ".//akn:docNumber", "<docNumber> in <preface>")),
            "body": body.code,
            "session": int(session),
            "agenda_item": "" if agenda is None else _text(agenda),
            "title": _text(_required(preface, ".//akn:docTitle", "<docTitle> in <preface>")),
            "adopted_on": self._date("adoption"),
            "distributed_on": self._date("distribution"),
            "meeting": "" if meeting is None else _text(meeting),
            "preambular_paragraphs": self._preambular(),
            "operative_paragraphs": self._operative(),
        }
        annexes = self._annexes()
        if annexes:
            doc["annexes"] = annexes
        symbol = Symbol.parse(doc["symbol"])
        if symbol is None or symbol.body != body.code:
            raise AkomaNtosoImportError(
                f"<docNumber> {doc['symbol']!r} is not the symbol of a {body.name} text"
            )
        # What the symbol says besides body and session, as the parser gives it.
        if symbol.kind != DECISION and self.statement.get("name") == DECISION:
            raise AkomaNtosoImportError(f"a decision under the symbol {doc['symbol']!r}")
        if symbol.kind == DECISION:
            doc["kind"] = DECISION
        if symbol.session_type != REGULAR:
            doc["session_type"] = symbol.session_type
        if symbol.part:
            doc["part"] = symbol.part
        doc["footnotes"] = self._footnotes()
        doc["references"] = self._references()
        doc["vote"] = self._vote()
        return doc

    def _date(self, event: str) -> str | None:
        element = self.preface.find(f".//akn:docDate[@refersTo='#{event}']", NS)
        return None if element is None else element.get("date")

    def _preambular(self) -> list[dict]:
        preamble = self.statement.find("akn:preamble", NS)
        if preamble is None:
            return []
        paragraphs = []
        containers = preamble.findall("akn:container[@name='preambularParagraph']", NS)
        for position, container in enumerate(containers, 1):
            index = container.get(sol("index"), str(position))
            if not DIGITS.fullmatch(index):
                raise AkomaNtosoImportError(f"{_owner_name(container)} has index {index!r}")
            lead, text = _lead_and_text(container, _only_p(container))
            for note in container.iter(akn("authorialNote")):
                self.anchors[note] = anchors.preambular(index)
            paragraphs.append({"index": int(index), "lead": lead, "text": text})
        return paragraphs

    def _operative(self) -> list[dict]:
        main_body = _required(self.statement, "akn:mainBody", "<mainBody>")
        paragraphs = []
        for paragraph in main_body.findall("akn:paragraph", NS):
            num = _text(_required(paragraph, "akn:num", f"<num> in {_owner_name(paragraph)}"))
            match = re.fullmatch(r"([0-9]+)\.", num)
            if match is None:
                raise AkomaNtosoImportError(
                    f"{_owner_name(paragraph)} is numbered {num!r}, not like '13.'"
                )
            lead, text = _lead_and_text(paragraph, _only_p(self._block(paragraph)))
            for note in paragraph.iter(akn("authorialNote")):
                self.anchors[note] = anchors.operative(match[1])
            addressees = []
            for ref in paragraph.get("refersTo", "").split():
                tlc = self.tlcs.get(ref.removeprefix("#"))
                if tlc is None or tlc.get("showAs") is None:
                    raise AkomaNtosoImportError(
                        f"{_owner_name(paragraph)} refers to {ref!r}, which <references> "
                        "does not define"
                    )
                addressees.append(tlc.get("showAs"))
            paragraphs.append(
                {
                    "number": int(match[1]),
                    "lead": lead,
                    "text": text,
                    "subparagraphs": self._points(paragraph),
                    "addressees": addressees,
                }
            )
        return paragraphs

    def _annexes(self) -> list[dict]:
        attachments = self.statement.find("akn:attachments", NS)
        if attachments is None:
            return []
        annexes = []
        for position, attachment in enumerate(attachments.findall("akn:attachment", NS), 1):
            annex = _required(
                attachment, "akn:doc[@name='annex']", f"<doc> in {_owner_name(attachment)}"
            )
            preface = _required(annex, "akn:preface", f"<preface> in annex {position}")
            heading = _required(preface, "akn:p[@class='annexHeading']", "the annex heading")
            title = _required(preface, "akn:longTitle/akn:p/akn:docTitle", "the annex title")
            main_body = _required(annex, "akn:mainBody", f"<mainBody> in annex {position}")
            elements = [
                child for child in main_body if child.tag in (akn("paragraph"), akn("hcontainer"))
            ]
            content = [self._annex_item(element) for element in elements]
            named = anchors.annex_content_anchors(
                position, ((item["kind"], item["number"]) for item in content)
            )
            for anchor, element in zip(named, elements, strict=True):
                for note in element.iter(akn("authorialNote")):
                    self.anchors[note] = anchor
            annexes.append({"heading": _text(heading), "title": _text(title), "content": content})
        return annexes

    def _annex_item(self, element: etree._Element) -> dict:
        num = element.find("akn:num", NS)
        printed = None if num is None else _text(num)
        if printed is not None and not printed.endswith("."):
            raise AkomaNtosoImportError(
                f"{_owner_name(element)} is numbered {printed!r}, with no full stop"
            )
        if element.tag == akn("hcontainer"):
            text = _text(_required(element, "akn:heading", f"<heading> in {_owner_name(element)}"))
            return {
                "kind": "heading",
                "number": "" if printed is None else printed[:-1],
                "text": text,
            }
        number = None
        if printed is not None:
            if not DIGITS.fullmatch(printed[:-1]):
                raise AkomaNtosoImportError(
                    f"{_owner_name(element)} is numbered {printed!r}, not like '13.'"
                )
            number = int(printed[:-1])
        return {
            "kind": "paragraph",
            "number": number,
            "text": _text(_only_p(self._block(element))),
            "subparagraphs": self._points(element),
        }

    @staticmethod
    def _block(owner: etree._Element) -> etree._Element:
        for tag in ("content", "intro"):
            block = owner.find(f"akn:{tag}", NS)
            if block is not None:
                return block
        raise AkomaNtosoImportError(f"{_owner_name(owner)} has neither <content> nor <intro>")

    def _points(self, owner: etree._Element) -> list[dict]:
        items = owner.find("akn:list", NS)
        if items is None:
            return []
        subparagraphs = []
        for point in items.findall("akn:point", NS):
            num = _text(_required(point, "akn:num", f"<num> in {_owner_name(point)}"))
            if not (num.startswith("(") and num.endswith(")")) or len(num) < 2:
                raise AkomaNtosoImportError(
                    f"{_owner_name(point)} is numbered {num!r}, not like '(a)'"
                )
            subparagraphs.append(
                {
                    "label": num[1:-1],
                    "text": _text(_only_p(self._block(point))),
                    "subparagraphs": self._points(point),
                }
            )
        return subparagraphs

    def _footnotes(self) -> list[dict]:
        notes = []
        for note in self.statement.iter(akn("authorialNote")):
            anchor = note.get(sol("paragraph"), self.anchors.get(note))
            notes.append((note, anchor))
        for note in self.meta.iterfind("akn:notes/akn:note", NS):
            notes.append((note, note.get(sol("paragraph"))))
        if any(note.get(sol("order")) is not None for note, _anchor in notes):
            try:
                notes.sort(key=lambda item: int(item[0].get(sol("order"))))
            except (TypeError, ValueError) as error:
                raise AkomaNtosoImportError(
                    "footnotes carry an incomplete or non-numeric solidarity:order"
                ) from error
        footnotes = []
        for note, anchor in notes:
            marker = note.get("marker")
            if marker is None:
                raise AkomaNtosoImportError(f"{_owner_name(note)} has no marker attribute")
            footnotes.append({"marker": marker, "text": _text(_only_p(note)), "paragraph": anchor})
        return footnotes

    def _references(self) -> list[dict]:
        references = []
        for entry in self.meta.iterfind("akn:proprietary/sol:references/sol:reference", NS):
            kind, cited = entry.get("kind"), entry.get("cited")
            if kind not in ("document", "resolution", "decision") or cited is None:
                raise AkomaNtosoImportError(
                    f"solidarity:reference has kind {kind!r} and cited {cited!r}"
                )
            references.append(
                {
                    "kind": kind,
                    "cited": cited,
                    "paragraphs": [c.get("anchor", "") for c in entry.findall("sol:citedIn", NS)],
                }
            )
        return references

    def _vote(self) -> dict | None:
        block = self.statement.find("akn:conclusions/akn:container[@name='vote']", NS)
        if block is None:
            return None
        counts = {q.get("refersTo"): q.get("normalized", "") for q in block.iter(akn("quantity"))}
        vote: dict[str, Any] = {}
        for _key, count_key, _name, concept, _label in SIDES:
            count = counts.get(f"#{concept}", "")
            if not DIGITS.fullmatch(count):
                raise AkomaNtosoImportError(
                    f"the vote has no <quantity refersTo='#{concept}'> count (found {count!r})"
                )
            vote[count_key] = int(count)
        for key, _count_key, name, _concept, _label in SIDES:
            side = _required(block, f"akn:container[@name='{name}']", f"the {name!r} side")
            vote[key] = [
                {"name": _text(organization), "iso3": self._iso3(organization)}
                for organization in side.iter(akn("organization"))
            ]
        return vote

    def _iso3(self, organization: etree._Element) -> str:
        ref = organization.get("refersTo", "")
        tlc = self.tlcs.get(ref.removeprefix("#"))
        code = None if tlc is None else tlc.get("shortForm")
        if code is None:
            raise AkomaNtosoImportError(
                f"voter {_text(organization)!r} refers to {ref!r}, which has no "
                "TLCOrganization with an ISO 3166 shortForm"
            )
        return code
