"""Recorded votes as open data: the measures of docs/votes.md over any selection of roll calls."""

from __future__ import annotations

import math

from django.http import Http404
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from solidarity.api.shaped import shaped
from solidarity.core.api import errors
from solidarity.votes import selectors
from solidarity.votes.models import Topic

router = Router(tags=["recorded votes"])

_BOUND = r"^(\d{4}|\d{4}-\d{2}-\d{2})?$"


class VoteSelectionParams(Schema):
    from_: str = Field(
        "", alias="from", pattern=_BOUND, description="First year (1990) or day (1990-05-01)"
    )
    to: str = Field("", pattern=_BOUND, description="Last year or day")
    body: str = Field("", pattern="^(|GA|HRC)$", description="GA or HRC; both when empty")
    topic: str = Field(
        "",
        pattern="^(|" + "|".join(Topic.values) + ")$",
        description="; ".join(f"{code}: {label}" for code, label in Topic.choices),
    )
    session: int | None = Field(None, ge=1, le=999, description="A session number")

    def selection(self) -> selectors.Selection:
        try:
            start = selectors.read_bound(self.from_, end=False) if self.from_ else None
            end = selectors.read_bound(self.to, end=True) if self.to else None
        except ValueError:
            raise HttpError(
                400, "`from` and `to` are a year (1990) or a day (1990-05-01)."
            ) from None
        return selectors.Selection(
            start=start, end=end, body=self.body, topic=self.topic, session=self.session
        )


class AgreementParams(VoteSelectionParams):
    a: str = Field(pattern="^[A-Za-z]{3}$", description="ISO 3166-1 alpha-3 code of one State")
    b: str = Field(pattern="^[A-Za-z]{3}$", description="ISO 3166-1 alpha-3 code of the other")


class VoteAgreementOut(Schema):
    a: str
    b: str
    agreement: float | None = Field(
        description="Share of the roll calls compared where both voted alike; null when none"
    )
    compared: int = Field(description="Roll calls in the selection where both voted")
    agreed: int = Field(description="Of those, roll calls where they voted alike")
    roll_calls: int = Field(description="Roll calls in the selection")


def _unknown(iso3: str):
    return Http404(f"No State with the code {iso3!r} has votes here.")


@router.get(
    "/votes/agreement",
    response={200: VoteAgreementOut, **errors(400, 404, 422)},
    summary="How often two States voted alike, over all roll calls or a selection",
)
def agreement(request, params: Query[AgreementParams]):
    selection = params.selection()
    try:
        found = selectors.agreement_of(params.a, params.b, selection)
    except selectors.UnknownState as error:
        raise _unknown(str(error)) from None
    return shaped(
        {
            "a": params.a.upper(),
            "b": params.b.upper(),
            "agreement": found.share,
            "compared": found.compared,
            "agreed": found.agreed,
            "roll_calls": selectors.selected_count(selection),
        }
    )


class MatrixParams(VoteSelectionParams):
    states: str = Field(
        "",
        pattern="^([A-Za-z]{3}(,[A-Za-z]{3})*)?$",
        description="Comma-separated ISO3 codes; every State that voted when empty",
    )


class VoteMatrixOut(Schema):
    states: list[str] = Field(description="ISO3 codes, in the order of the rows and columns")
    roll_calls: int
    agreement: list[list[float | None]] = Field(
        description="Row i, column j: agreement of i with j"
    )
    compared: list[list[int]]


@router.get(
    "/votes/matrix",
    response={200: VoteMatrixOut, **errors(400, 404, 422)},
    summary="The agreement of every pair of States over a selection of roll calls",
)
def matrix(request, params: Query[MatrixParams]):
    states = [code.upper() for code in params.states.split(",")] if params.states else None
    try:
        found = selectors.agreement_matrix(params.selection(), states)
    except selectors.UnknownState as error:
        raise _unknown(str(error)) from None
    shares = found.shares
    return shaped(
        {
            "states": found.states,
            "roll_calls": found.roll_calls,
            "agreement": [[None if math.isnan(v) else float(v) for v in row] for row in shares],
            "compared": found.compared.tolist(),
        }
    )


class PartnerParams(VoteSelectionParams):
    limit: int = Field(10, ge=1, le=200, description="How many closest and furthest")
    min_compared: int = Field(20, ge=1, description="Fewest roll calls shared to be ranked")


class VotePartnerOut(Schema):
    iso3: str
    agreement: float
    compared: int
    agreed: int


class VotePartnersOut(Schema):
    iso3: str
    roll_calls: int
    closest: list[VotePartnerOut]
    furthest: list[VotePartnerOut] = Field(description="Furthest first")


def _partner(row: selectors.PartnerRow) -> dict:
    return {
        "iso3": row.iso3,
        "agreement": row.agreement.share,
        "compared": row.agreement.compared,
        "agreed": row.agreement.agreed,
    }


@router.get(
    "/votes/partners/{iso3}",
    response={200: VotePartnersOut, **errors(400, 404, 422)},
    summary="A State's closest and furthest voting partners",
)
def partners(request, iso3: str, params: Query[PartnerParams]):
    selection = params.selection()
    try:
        ranked = selectors.partners_of(iso3, selection, min_compared=params.min_compared)
    except selectors.UnknownState:
        raise _unknown(iso3) from None
    return shaped(
        {
            "iso3": iso3.upper(),
            "roll_calls": selectors.selected_count(selection),
            "closest": [_partner(row) for row in ranked[: params.limit]],
            "furthest": [_partner(row) for row in reversed(ranked[-params.limit :])],
        }
    )


class VoteCohesionOut(Schema):
    group: str
    label: str
    members: int = Field(description="Member States in the group today")
    cohesion: float | None = Field(description="Mean Hix-Noury-Roland agreement index")
    roll_calls: int = Field(description="Roll calls where at least two members voted")


@router.get(
    "/votes/cohesion",
    response={200: list[VoteCohesionOut], **errors(400, 422)},
    summary="Each UN regional group's cohesion (Hix-Noury-Roland index) over a selection",
)
def cohesion(request, params: Query[VoteSelectionParams]):
    return shaped(
        [
            {
                "group": row.group,
                "label": row.label,
                "members": row.members,
                "cohesion": row.cohesion.index,
                "roll_calls": row.cohesion.roll_calls,
            }
            for row in selectors.group_cohesion(params.selection())
        ]
    )


class VoteYearOut(Schema):
    year: int
    yes: int
    no: int
    abstain: int


class VoteRollCallsOut(Schema):
    count: int = Field(description="The State's votes in the roll calls on record")
    years: list[VoteYearOut]
    group_majority_agreed: int | None = Field(
        description="Roll calls where it voted with its regional group's majority"
    )
    group_majority_compared: int | None


def roll_calls_record_of_country(country, base_url: str = "") -> dict:
    """How the State votes in roll calls, for its record: the figures of its page's section."""
    found = selectors.country_section(country)
    majority = found.get("group_majority")
    return {
        "count": found["count"],
        "years": [
            {"year": y.year, "yes": y.yes, "no": y.no, "abstain": y.abstain}
            for y in found.get("composition", [])
        ],
        "group_majority_agreed": majority.agreed if majority else None,
        "group_majority_compared": majority.compared if majority else None,
    }


@router.get(
    "/votes/composition/{iso3}",
    response={200: list[VoteYearOut], **errors(400, 404, 422)},
    summary="A State's yes, no and abstain votes in each year",
)
def composition(request, iso3: str, params: Query[VoteSelectionParams]):
    try:
        years = selectors.composition_of(iso3, params.selection())
    except selectors.UnknownState:
        raise _unknown(iso3) from None
    return shaped([{"year": y.year, "yes": y.yes, "no": y.no, "abstain": y.abstain} for y in years])


class VoteStateFigureOut(Schema):
    iso3: str
    state: str
    regional_group: str


class VoteOutvotedOut(VoteStateFigureOut):
    share_outvoted: float
    outvoted: int = Field(description="Yes or no votes cast on the losing side")
    counted: int = Field(description="Yes or no votes in roll calls one of them won")


@router.get(
    "/votes/outvoted",
    response={200: list[VoteOutvotedOut], **errors(400, 422)},
    summary="States by how often their yes or no was on the losing side, highest first",
)
def outvoted(request, params: Query[VoteSelectionParams]):
    return shaped(
        [
            {
                "iso3": f.iso3,
                "state": f.name,
                "regional_group": f.group,
                "share_outvoted": f.value,
                "outvoted": f.part,
                "counted": f.count,
            }
            for f in selectors.most_outvoted(params.selection())
        ]
    )


class VoteIdealPointOut(VoteStateFigureOut):
    point: float = Field(description="First coordinate of classical MDS of 1 - agreement")
    votes: int


@router.get(
    "/votes/ideal-points",
    response={200: list[VoteIdealPointOut], **errors(400, 422)},
    summary="States along the first dimension of their votes (docs/votes.md), lowest first",
)
def ideal_points(request, params: Query[VoteSelectionParams]):
    return shaped(
        [
            {
                "iso3": f.iso3,
                "state": f.name,
                "regional_group": f.group,
                "point": f.value,
                "votes": f.count,
            }
            for f in selectors.ideal_points(params.selection())
        ]
    )
