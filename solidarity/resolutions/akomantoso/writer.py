"""Writing a resolution dict as an Akoma Ntoso 3.0 document."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from lxml import etree

from solidarity.resolutions.akomantoso.identifiers import frbr_uri, work_date
from solidarity.resolutions.akomantoso.layout import Layout, Slot, Span, lead_length
from solidarity.resolutions.akomantoso.names import (
    BODIES,
    FIXED_IDS,
    NS,
    NSMAP,
    ROLE_ADDRESSEES,
    SIDES,
    SOURCE_ID,
    AkomaNtosoExportError,
    akn,
    sol,
)
from solidarity.resolutions.parsing.header import ordinal_words, printed_date
from solidarity.resolutions.parsing.symbols import EMERGENCY_SPECIAL, REGULAR, SPECIAL, Symbol

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_SAFE_LABEL = re.compile(r"[A-Za-z0-9]+")


def to_akn(doc: dict) -> bytes:
    """The resolution as an Akoma Ntoso 3.0 document (UTF-8 bytes with an XML declaration)."""
    try:
        _check_writable(doc)
        root = _Writer(doc).build()
    except (KeyError, TypeError, AttributeError) as error:
        raise AkomaNtosoExportError(
            f"the resolution does not follow resolution.schema.json ({error!r})"
        ) from error
    _indent(root)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def _printed(iso: str) -> str:
    return printed_date(dt.date.fromisoformat(iso))


def _check_writable(doc: dict) -> None:
    if doc["body"] not in BODIES:
        raise AkomaNtosoExportError(f"body {doc['body']!r} is neither 'HRC' nor 'GA'")
    for key in ("adopted_on", "distributed_on"):
        value = doc[key]
        if value is None:
            continue
        try:
            valid = bool(_ISO_DATE.fullmatch(value)) and dt.date.fromisoformat(value)
        except ValueError:
            valid = False
        if not valid:
            raise AkomaNtosoExportError(f"{key} {value!r} is not an ISO 8601 date (YYYY-MM-DD)")
    for path, text in _strings(doc, "resolution"):
        bad = _NOT_XML.search(text)
        if bad:
            raise AkomaNtosoExportError(
                f"{path} holds U+{ord(bad[0]):04X}, a character XML 1.0 cannot carry"
            )


def _strings(value: Any, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(key, f"{path} key")
            yield from _strings(item, f"{path}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _strings(item, f"{path}[{i}]")


def _sub(parent: etree._Element, tag: str, text: str | None = None, **attrib: str):
    attributes = {name: value for name, value in attrib.items() if value is not None}
    element = etree.SubElement(parent, akn(tag), attributes)
    if text:
        element.text = text
    return element


def _append_text(element: etree._Element, text: str) -> None:
    if not text:
        return
    if len(element):
        element[-1].tail = (element[-1].tail or "") + text
    else:
        element.text = (element.text or "") + text


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


# "Thirty-fifth special session", "Eleventh emergency special session".
SESSION_WORDS = {REGULAR: "", SPECIAL: "special ", EMERGENCY_SPECIAL: "emergency special "}


class _Writer:
    def __init__(self, doc: dict):
        self.doc = doc
        self.body = BODIES[doc["body"]]
        symbol = Symbol.parse(doc["symbol"])
        if symbol is None:
            raise AkomaNtosoExportError(
                f"symbol {doc['symbol']!r} is not the symbol of a resolution or decision"
            )
        self.symbol = symbol
        self.layout = Layout(doc, self.body)
        self.taken_ids: set[str] = set(FIXED_IDS)
        self.countries: dict[str, str] = {}  # iso3 -> name shown in the TLC
        self.addressees: dict[str, str] = {}  # addressee -> TLC eId
        vote = doc["vote"] or {}
        for side in SIDES:
            for voter in vote.get(side[0], []):
                self.countries.setdefault(voter["iso3"], voter["name"])
        self.taken_ids.update(iso3.lower() for iso3 in self.countries)

    # ------------------------------------------------------------------ document

    def build(self) -> etree._Element:
        root = etree.Element(akn("akomaNtoso"), nsmap=NSMAP)
        statement = _sub(root, "statement", name=self.symbol.kind)  # or "decision"
        meta = _sub(statement, "meta")
        self._preface(_sub(statement, "preface"))
        self._preamble(_sub(statement, "preamble"))
        self._main_body(_sub(statement, "mainBody"))
        self._conclusions(_sub(statement, "conclusions"))
        if self.doc.get("annexes"):
            self._attachments(_sub(statement, "attachments"))
        self._meta(meta)
        self._number_notes(statement, meta)
        return root

    def _meta(self, meta: etree._Element) -> None:
        doc, uri = self.doc, frbr_uri(self.doc)
        date, date_name = work_date(doc)
        author = {"href": f"#{self.body.actor}", "as": "#author"}
        identification = _sub(meta, "identification", source=f"#{SOURCE_ID}")

        work = _sub(identification, "FRBRWork")
        _sub(work, "FRBRthis", value=uri.work_uri())
        _sub(work, "FRBRuri", value=uri.work_uri(work_component=False))
        _sub(work, "FRBRalias", value=doc["symbol"], name="symbol")
        _sub(work, "FRBRdate", date=date, name=date_name)
        _sub(work, "FRBRauthor", **author)
        _sub(work, "FRBRcountry", value="un")
        _sub(work, "FRBRsubtype", value=uri.subtype)
        _sub(work, "FRBRnumber", value=uri.number, showAs=self.symbol.number_label)

        manifestation = _expression_and_manifestation(identification, uri, date, date_name, author)
        _sub(manifestation, "FRBRformat", value="application/akn+xml")

        self._references(_sub(meta, "references", source=f"#{SOURCE_ID}"))
        self._unplaced_notes(meta)
        self._proprietary(_sub(meta, "proprietary", source=f"#{SOURCE_ID}"))

    def _references(self, references: etree._Element) -> None:
        doc, body = self.doc, self.body
        for eid, href, show_as in [
            (SOURCE_ID, "/akn/ontology/organization/solidarity", "Solidarity"),
            (body.actor, f"/akn/ontology/organization/un/{body.actor}", body.name),
        ]:
            _sub(references, "TLCOrganization", eId=eid, href=href, showAs=show_as)
        for role in ("author", "editor"):
            _sub(
                references,
                "TLCRole",
                eId=role,
                href=f"/akn/ontology/role/{role}",
                showAs=role.capitalize(),
            )
        for event, key in (("adoption", "adopted_on"), ("distribution", "distributed_on")):
            if doc[key]:
                _sub(
                    references,
                    "TLCEvent",
                    eId=event,
                    href=f"/akn/ontology/event/un/{event}",
                    showAs=event.capitalize(),
                )
        if doc["vote"] is not None:
            for _key, _count, _name, concept, label in SIDES:
                _sub(
                    references,
                    "TLCConcept",
                    eId=concept,
                    href=f"/akn/ontology/concept/un/{concept}",
                    showAs=label.rstrip(":"),
                )
        for iso3, name in self.countries.items():
            _sub(
                references,
                "TLCOrganization",
                eId=iso3.lower(),
                href=f"/akn/ontology/organization/iso3166/{iso3.lower()}",
                showAs=name,
                shortForm=iso3,
            )
        for addressee, eid in self.addressees.items():
            kind = "role" if addressee in ROLE_ADDRESSEES else "organization"
            _sub(
                references,
                f"TLC{kind.capitalize()}",
                eId=eid,
                href=f"/akn/ontology/{kind}/un/{eid}",
                showAs=addressee,
            )
        for k, href in self.layout.hrefs.items():
            cited = doc["references"][k]["cited"]
            _sub(references, "activeRef", eId=f"ref_{k + 1}", href=href, showAs=cited)

    def _unplaced_notes(self, meta: etree._Element) -> None:
        unplaced = [
            (k, fn) for k, fn in enumerate(self.doc["footnotes"]) if k not in self.layout.placed
        ]
        if not unplaced:
            return
        notes = _sub(meta, "notes", source=f"#{SOURCE_ID}")
        for position, (k, footnote) in enumerate(unplaced, 1):
            note = _sub(notes, "note", eId=f"note_{position}", marker=footnote["marker"])
            note.set("placement", "bottom")
            if footnote["paragraph"] is not None:
                note.set(sol("paragraph"), footnote["paragraph"])
            note.set(sol("order"), str(k))
            self._inline(_sub(note, "p"), ("fn", k))

    def _proprietary(self, proprietary: etree._Element) -> None:
        references = etree.SubElement(proprietary, sol("references"))
        for k, reference in enumerate(self.doc["references"]):
            entry = etree.SubElement(
                references, sol("reference"), kind=reference["kind"], cited=reference["cited"]
            )
            if k in self.layout.hrefs:
                entry.set("refersTo", f"#ref_{k + 1}")
            for anchor in reference["paragraphs"]:
                etree.SubElement(entry, sol("citedIn"), anchor=anchor)

    # ------------------------------------------------------------------ preface, preamble

    def _preface(self, preface: etree._Element) -> None:
        doc, body = self.doc, self.body
        _sub(_sub(preface, "p", **{"class": "symbol"}), "docNumber", doc["symbol"])
        if doc["distributed_on"]:
            p = _sub(preface, "p", "Distr.: General ", **{"class": "distribution"})
            date = doc["distributed_on"]
            _sub(p, "docDate", _printed(date), date=date, refersTo="#distribution")
        p = _sub(preface, "p", **{"class": "body"})
        _sub(p, "docAuthority", body.name, refersTo=f"#{body.actor}")
        p = _sub(preface, "p", **{"class": "session"})
        session, kind = doc["session"], SESSION_WORDS[self.symbol.session_type]
        _sub(p, "session", f"{ordinal_words(session)} {kind}session", value=str(session))
        if doc["agenda_item"]:
            p = _sub(preface, "p", "Agenda item ", **{"class": "agendaItem"})
            _sub(p, "inline", doc["agenda_item"], name="agendaItem")
        adopted = f"{self.symbol.kind.capitalize()} adopted by the {body.name}"
        p = _sub(preface, "p", adopted, **{"class": "adoption"})
        if doc["adopted_on"]:
            date = doc["adopted_on"]
            _append_text(p, " on ")
            _sub(p, "docDate", _printed(date), date=date, refersTo="#adoption")
        p = _sub(_sub(preface, "longTitle"), "p")
        _sub(p, "inline", self.symbol.number_label, name=f"{self.symbol.kind}Number")
        _append_text(p, ". ")
        _sub(p, "docTitle", doc["title"])

    def _preamble(self, preamble: etree._Element) -> None:
        formula = _sub(preamble, "formula", name="enactingFormula")
        italic = _sub(_sub(formula, "p"), "i", "The ")
        _sub(italic, "organization", self.body.name, refersTo=f"#{self.body.actor}")
        _append_text(italic, ",")
        for position, pp in enumerate(self.doc["preambular_paragraphs"], 1):
            container = _sub(
                preamble,
                "container",
                name="preambularParagraph",
                eId=f"preamble__pp_{position}",
            )
            if pp["index"] != position:
                container.set(sol("index"), str(pp["index"]))
            self._lead(container, pp)
            self._inline(_sub(container, "p"), ("pp", position - 1))

    def _lead(self, element: etree._Element, paragraph: dict) -> None:
        if paragraph["lead"] and not lead_length(paragraph):
            element.set(sol("lead"), paragraph["lead"])

    # ------------------------------------------------------------------ annexes

    def _attachments(self, attachments: etree._Element) -> None:
        """Each annex as an ``attachment`` holding a ``doc name="annex"`` of its own."""
        for k, annex in enumerate(self.doc["annexes"]):
            prefix = f"att_{k + 1}"
            attachment = _sub(attachments, "attachment", eId=prefix)
            annex_doc = _sub(attachment, "doc", name="annex")
            self._annex_identification(_sub(annex_doc, "meta"), k + 1)
            preface = _sub(annex_doc, "preface")
            _sub(preface, "p", annex["heading"], **{"class": "annexHeading"})
            _sub(_sub(_sub(preface, "longTitle"), "p"), "docTitle", annex["title"])
            main_body = _sub(annex_doc, "mainBody")
            if not annex["content"]:
                _sub(main_body, "p")  # the schema wants mainBody to hold something
            seen: dict[str, int] = {}
            for i, item in enumerate(annex["content"]):
                path = ("ax", k, i)
                # Headings and unnumbered paragraphs count by position, numbered
                # paragraphs go by their number (para_3, a repeated one para_3-2).
                if item["kind"] == "heading":
                    base, numbered = f"{prefix}__hcontainer", False
                elif item["number"] is None:
                    base, numbered = f"{prefix}__text", False
                else:
                    base, numbered = f"{prefix}__para_{item['number']}", True
                seen[base] = seen.get(base, 0) + 1
                if not numbered:
                    eid = f"{base}_{seen[base]}"
                else:
                    eid = base + (f"-{seen[base]}" if seen[base] > 1 else "")
                if item["kind"] == "heading":
                    container = _sub(main_body, "hcontainer", eId=eid, name="heading")
                    if item["number"]:
                        _sub(container, "num", f"{item['number']}.")
                    self._inline(_sub(container, "heading"), path)
                    continue
                paragraph = _sub(main_body, "paragraph", eId=eid)
                if item["number"] is not None:
                    _sub(paragraph, "num", f"{item['number']}.")
                self._content(paragraph, eid, path, item["subparagraphs"])

    def _annex_identification(self, meta: etree._Element, position: int) -> None:
        uri = frbr_uri(self.doc)
        uri.work_component = f"annex_{position}"
        date, date_name = work_date(self.doc)
        author = {"href": f"#{self.body.actor}", "as": "#author"}
        identification = _sub(meta, "identification", source=f"#{SOURCE_ID}")
        work = _sub(identification, "FRBRWork")
        _sub(work, "FRBRthis", value=uri.work_uri())
        _sub(work, "FRBRuri", value=uri.work_uri(work_component=False))
        _sub(work, "FRBRdate", date=date, name=date_name)
        _sub(work, "FRBRauthor", **author)
        _sub(work, "FRBRcountry", value="un")
        _expression_and_manifestation(identification, uri, date, date_name, author)

    # ------------------------------------------------------------------ operative part

    def _main_body(self, main_body: etree._Element) -> None:
        paragraphs = self.doc["operative_paragraphs"]
        if not paragraphs:
            _sub(main_body, "p")  # the schema wants mainBody to hold something
        seen: dict[int, int] = {}
        for i, op in enumerate(paragraphs):
            number = op["number"]
            seen[number] = seen.get(number, 0) + 1
            eid = f"para_{number}" + (f"-{seen[number]}" if seen[number] > 1 else "")
            paragraph = _sub(main_body, "paragraph", eId=eid)
            refs = [f"#{self._addressee_id(addressee)}" for addressee in op["addressees"]]
            if refs:
                paragraph.set("refersTo", " ".join(refs))
            self._lead(paragraph, op)
            _sub(paragraph, "num", f"{number}.")
            self._content(paragraph, eid, ("op", i), op["subparagraphs"])

    def _content(self, owner, eid: str, path: tuple, subparagraphs: list[dict]) -> None:
        if not subparagraphs:
            self._inline(_sub(_sub(owner, "content"), "p"), path)
            return
        self._inline(_sub(_sub(owner, "intro"), "p"), path)
        list_id = f"{eid}__list_1"
        items = _sub(owner, "list", eId=list_id)
        labels = [sub["label"] for sub in subparagraphs]
        unique = len(set(labels)) == len(labels)
        by_label = unique and all(_SAFE_LABEL.fullmatch(label) for label in labels)
        for position, sub in enumerate(subparagraphs):
            point_id = f"{list_id}__point_{sub['label'] if by_label else position + 1}"
            point = _sub(items, "point", eId=point_id)
            _sub(point, "num", f"({sub['label']})")
            self._content(point, point_id, (*path, position), sub["subparagraphs"])

    def _addressee_id(self, addressee: str) -> str:
        if addressee not in self.addressees:
            base = _slug(addressee) or "addressee"
            eid, n = base, 1
            while eid in self.taken_ids:
                n += 1
                eid = f"{base}-{n}"
            self.taken_ids.add(eid)
            self.addressees[addressee] = eid
        return self.addressees[addressee]

    # ------------------------------------------------------------------ text

    def _inline(self, p: etree._Element, path: tuple) -> None:
        slot = self.layout.slots[path]
        spans = sorted(slot.spans, key=lambda span: span.start)
        if slot.lead:
            italic = _sub(p, "i")
            self._fill(italic, slot, 0, slot.lead, [s for s in spans if s.end <= slot.lead])
            self._fill(p, slot, slot.lead, len(slot.text), [s for s in spans if s.end > slot.lead])
        else:
            self._fill(p, slot, 0, len(slot.text), spans)

    def _fill(self, element, slot: Slot, start: int, end: int, spans: list[Span]) -> None:
        cursor = start
        for span in spans:
            _append_text(element, slot.text[cursor : span.start])
            if span.note is not None:
                footnote = self.doc["footnotes"][span.note]
                note = _sub(element, "authorialNote", marker=footnote["marker"])
                note.set("placement", "bottom")
                note.set(sol("order"), str(span.note))
                self._inline(_sub(note, "p"), ("fn", span.note))
            else:
                _sub(element, "ref", slot.text[span.start : span.end], href=span.href)
            cursor = span.end
        _append_text(element, slot.text[cursor:end])

    def _number_notes(self, statement: etree._Element, meta: etree._Element) -> None:
        """Give notes their eIds; keep their list order only when reading order differs."""
        counters: dict[str, int] = {}
        placed = list(statement.iter(akn("authorialNote")))
        for note in placed:
            owner = next(a.get("eId") for a in note.iterancestors() if a.get("eId"))
            counters[owner] = counters.get(owner, 0) + 1
            note.set("eId", f"{owner}__authorialNote_{counters[owner]}")
        notes = placed + meta.findall("akn:notes/akn:note", NS)
        if [int(note.get(sol("order"))) for note in notes] == list(range(len(notes))):
            for note in notes:
                del note.attrib[sol("order")]

    # ------------------------------------------------------------------ conclusions

    def _conclusions(self, conclusions: etree._Element) -> None:
        doc = self.doc
        adoption = _sub(conclusions, "container", name="adoption", eId="conclusions__adoption")
        _sub(_sub(adoption, "p"), "inline", doc["meeting"], name="meeting")
        if doc["adopted_on"]:
            date = doc["adopted_on"]
            _sub(_sub(adoption, "p"), "date", _printed(date), date=date, refersTo="#adoption")
        vote = doc["vote"]
        if vote is None:
            if self.body.code == "HRC":
                _sub(adoption, "p", "[Adopted without a vote.]")
            return
        block = _sub(conclusions, "container", name="vote", eId="conclusions__vote")
        p = _sub(block, "p", "[Adopted by a recorded vote of ")
        self._count(p, vote["yes"], "vote-in-favour")
        _append_text(p, " to ")
        self._count(p, vote["no"], "vote-against")
        _append_text(p, ", with ")
        self._count(p, vote["abstain"], "vote-abstaining")
        plural = "" if vote["abstain"] == 1 else "s"
        _append_text(p, f" abstention{plural}. The voting was as follows:")
        last = None
        for key, _count, name, concept, label in SIDES:
            side = _sub(
                block,
                "container",
                name=name,
                eId=f"conclusions__vote__{name}",
                refersTo=f"#{concept}",
            )
            _sub(_sub(side, "p"), "i", label)
            last = _sub(side, "p")
            for position, voter in enumerate(vote[key]):
                if position:
                    _append_text(last, ", ")
                _sub(last, "organization", voter["name"], refersTo=f"#{voter['iso3'].lower()}")
        _append_text(last, "]")

    @staticmethod
    def _count(p: etree._Element, value: int, concept: str) -> None:
        _sub(p, "quantity", str(value), normalized=str(value), refersTo=f"#{concept}")


_STRUCTURAL = frozenset(
    {
        "akomaNtoso",
        "statement",
        "meta",
        "identification",
        "FRBRWork",
        "FRBRExpression",
        "FRBRManifestation",
        "references",
        "notes",
        "proprietary",
        "reference",
        "preface",
        "longTitle",
        "preamble",
        "formula",
        "container",
        "mainBody",
        "paragraph",
        "intro",
        "content",
        "list",
        "point",
        "conclusions",
        "attachments",
        "attachment",
        "doc",
        "hcontainer",
    }
)


def _indent(element: etree._Element, depth: int = 0) -> None:
    """Indent the element-only parts of the tree; text-bearing elements are left untouched."""
    children = list(element)
    if not children or etree.QName(element).localname not in _STRUCTURAL:
        return
    pad = "\n" + "  " * (depth + 1)
    element.text = pad
    for child in children:
        child.tail = pad
        _indent(child, depth + 1)
    children[-1].tail = "\n" + "  " * depth


def _expression_and_manifestation(identification, uri, date, date_name, author):
    """The English expression of a work, and this XML file as its manifestation (returned)."""
    expression = _sub(identification, "FRBRExpression")
    _sub(expression, "FRBRthis", value=uri.expression_uri())
    _sub(expression, "FRBRuri", value=uri.expression_uri(work_component=False))
    _sub(expression, "FRBRdate", date=date, name=date_name)
    _sub(expression, "FRBRauthor", **author)
    _sub(expression, "FRBRlanguage", language="eng")
    manifestation = _sub(identification, "FRBRManifestation")
    _sub(manifestation, "FRBRthis", value=uri.manifestation_uri())
    _sub(manifestation, "FRBRuri", value=uri.manifestation_uri(work_component=False))
    _sub(manifestation, "FRBRdate", date=date, name=date_name)
    _sub(manifestation, "FRBRauthor", href=f"#{SOURCE_ID}", **{"as": "#editor"})
    return manifestation
