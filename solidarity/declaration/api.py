"""The draft declaration as open data: its published versions, their text element by
element, and the published comments shown on each."""

from __future__ import annotations

from django.http import Http404
from ninja import Field, Router, Schema

from solidarity.api.shaped import shaped
from solidarity.core.api import errors
from solidarity.declaration import selectors
from solidarity.declaration.models import DeclarationVersion
from solidarity.declaration.presentation import speaker_of

router = Router(tags=["draft declaration"])


class DeclarationVersionSummary(Schema):
    number: int
    label: str
    title: str
    published_at: str = Field(description="ISO 8601 date-time")
    comments_open: bool = Field(description="Whether the version is open for comments now")
    url: str = Field(description="The version's page")


class DeclarationElement(Schema):
    eid: str = Field(description="Akoma Ntoso eId, e.g. art_3__para_2 or preamble__p_4")
    kind: str = Field(description="preamble_paragraph, article or paragraph")
    number: str
    heading: str
    text: str = Field(description="Empty for an article whose text is in its paragraphs")


class DeclarationComment(Schema):
    id: int
    eid: str = Field(description="The element commented on")
    made_on_version: int = Field(
        description="The version the comment was made on; earlier than this version when "
        "the comment is carried forward because its element is still there"
    )
    stakeholder_type: str = Field(
        description="state, un_entity, igo, ngo, nhri, academic, individual or other"
    )
    speaks_for: str = Field(description="The State or organization; individuals are not named")
    made_at: str = Field(description="ISO 8601 date-time")
    body: str
    proposed_wording: str


class DeclarationVersionDetail(DeclarationVersionSummary):
    akoma_ntoso: str = Field(description="Where the version is given as Akoma Ntoso XML")
    elements: list[DeclarationElement]
    comments: list[DeclarationComment] = Field(description="Published comments, oldest first")


def _summary(request, version: DeclarationVersion) -> dict:
    return {
        "number": version.number,
        "label": version.label,
        "title": version.title,
        "published_at": version.published_at.isoformat(),
        "comments_open": version.comments_open,
        "url": request.build_absolute_uri(version.get_absolute_url()),
    }


@router.get(
    "/declaration/versions",
    response={200: list[DeclarationVersionSummary]},
    summary="The published versions of the draft declaration, oldest first",
)
def list_versions(request):
    return shaped([_summary(request, v) for v in selectors.published_versions()])


@router.get(
    "/declaration/versions/{int:number}",
    response={200: DeclarationVersionDetail, **errors(404)},
    summary="One published version: its elements and the published comments shown on it",
)
def get_version(request, number: int):
    version = selectors.published_versions().filter(number=number).first()
    if version is None:
        raise Http404("No published version of the declaration has this number.")
    comments = selectors.comments_shown_on(version)
    return shaped(
        {
            **_summary(request, version),
            "akoma_ntoso": request.build_absolute_uri(
                f"{version.get_absolute_url()}declaration.akn.xml"
            ),
            "elements": [
                {
                    "eid": e.eid,
                    "kind": e.kind,
                    "number": e.number,
                    "heading": e.heading,
                    "text": e.text,
                }
                for e in selectors.elements_of(version)
            ],
            "comments": [
                {
                    "id": c.pk,
                    "eid": c.eid,
                    "made_on_version": c.version.number,
                    "stakeholder_type": c.stakeholder_type,
                    "speaks_for": speaker_of(c),
                    "made_at": c.created_at.isoformat(),
                    "body": c.body,
                    "proposed_wording": c.proposed_wording,
                }
                for c in comments
            ],
        }
    )
