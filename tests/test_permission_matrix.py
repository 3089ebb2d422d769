"""What each person may open and do, on every page, action and API endpoint that exists.

One row per address or action; one column per persona. A change of rule shows
up here as one cell, so the whole matrix is read at a glance.

The personas stand on each side of every boundary: a contributor of
organization X ("contributor") and one of organization Y ("contributor_y"), the
State focal point of Cuba ("focal_point") and the one of France
("focal_point_b"), a reviewer, the secretariat, a signed-up member of the
public and an anonymous visitor.

Actions are posted as a browser does, with CSRF checks on and the token read
from the page that holds the form. A cell says what happened, not only the
status code: "done" means the action's effect is in the database and the
answer led where it should; a refusal means nothing at all changed.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from django.core import mail
from django.db import transaction

from solidarity.accounts.models import Organization, User
from solidarity.calls.models import Call, Submission
from solidarity.core.models import AuditEntry
from solidarity.declaration.models import DeclarationComment, DeclarationVersion
from solidarity.engagements.models import Engagement
from solidarity.practices.models import (
    Attachment,
    Practice,
    PracticeStatus,
    PracticeVersion,
    ReviewAction,
    ReviewEvent,
)
from solidarity.resolutions.models import Resolution
from solidarity.visits.models import VisitEvent, VisitRequest
from tests.conftest import PASSWORD, PDF_BYTES, SEED, client_for, form_data, practice_content
from tests.declaration.conftest import VERSION_1, VERSION_2

OK, REDIRECT, FORBIDDEN, NOT_FOUND, GONE = 200, 302, 403, 404, 410
ROLES = [
    "anonymous",
    "public",
    "contributor",
    "contributor_y",
    "focal_point",
    "focal_point_b",
    "reviewer",
    "secretariat",
]


def _row(
    anonymous, public, contributor, contributor_y, focal_point, focal_point_b, reviewer, secretariat
):
    cells = [
        anonymous,
        public,
        contributor,
        contributor_y,
        focal_point,
        focal_point_b,
        reviewer,
        secretariat,
    ]
    return dict(zip(ROLES, cells, strict=True))


EVERYONE = _row(*[OK] * 8)
SECRETARIAT_ONLY = _row(REDIRECT, *[FORBIDDEN] * 6, OK)  # anonymous: to sign in

# ---------------------------------------------------------------------------
# The practices everything is tried on
# ---------------------------------------------------------------------------

# Organization X's practice in each state of its life, then Cuba's own.
STATES = [
    "draft",
    "submitted",
    "changes_requested",
    "under_revision",  # published, then edited: the public still sees version 1
    "published",
    "retracted",
    "rejected",
    "state_draft",  # Cuba's focal point's
    "state_submitted",
]


@pytest.fixture
def practices(contributor_x, focal_point_a, reviewer) -> dict[str, Practice]:
    from solidarity.practices import services
    from solidarity.practices.files import check_attachment
    from solidarity.practices.validation import clean_content

    def draft(owner, state, files=()):
        fields = clean_content(
            practice_content(title=f"Practice {state}"),
            theme_codes=services.theme_codes(),
            country_codes=services.country_codes(),
        )
        practice, _ = services.practice_create(actor=owner, fields=fields, files=list(files))
        return practice

    def submitted(owner, state, files=()):
        return services.practice_submit(actor=owner, practice=draft(owner, state, files))

    def published(state, files=()):
        practice = submitted(contributor_x, state, files)
        services.practice_publish(actor=reviewer, practice=practice)
        practice.refresh_from_db()
        return practice

    made = {
        "draft": draft(
            contributor_x, "draft", [check_attachment("notes.pdf", PDF_BYTES + b"draft")]
        ),
        "submitted": submitted(contributor_x, "submitted"),
        "changes_requested": services.practice_request_changes(
            actor=reviewer, practice=submitted(contributor_x, "changes"), message="Add a source."
        ),
        "under_revision": services.practice_update(
            actor=contributor_x,
            practice=published("under revision"),
            fields={"title": "Practice under revision, edited"},
        ),
        "published": published("published", [check_attachment("evaluation.pdf", PDF_BYTES)]),
        "retracted": services.practice_retract(
            actor=reviewer, practice=published("retracted"), reason="Not a practice."
        ),
        "rejected": services.practice_reject(
            actor=reviewer, practice=submitted(contributor_x, "rejected"), reason="Out of scope."
        ),
        "state_draft": draft(focal_point_a, "state draft"),
        "state_submitted": submitted(focal_point_a, "state submitted"),
    }
    for state, practice in made.items():
        practice.refresh_from_db()
        expected = state.removeprefix("state_")
        if state == "under_revision":
            assert practice.status == PracticeStatus.DRAFT and practice.is_public
        else:
            assert practice.status == expected, state
    return made


def _fill(path: str, practices: dict[str, Practice]) -> str:
    """An address of the matrix with its {placeholders} replaced."""
    for state, practice in practices.items():
        path = path.replace(f"{{{state}}}", str(practice.pk))
    if "_file}" in path:
        path = path.replace(
            "{published_file}", str(practices["published"].attachments.get().pk)
        ).replace("{draft_file}", str(practices["draft"].attachments.get().pk))
    return path


# ---------------------------------------------------------------------------
# Pages and API: GET
# ---------------------------------------------------------------------------

MATRIX = {
    "/": EVERYONE,
    "/ar/": EVERYONE,
    "/fr/countries/": EVERYONE,
    "/countries/": EVERYONE,
    "/countries/CUB/": EVERYONE,
    "/countries/PSE/": EVERYONE,
    "/organizations/": EVERYONE,
    "/organizations/organization-x/": EVERYONE,
    "/accounts/login/": _row(OK, *[REDIRECT] * 7),
    "/accounts/sign-up/": _row(OK, *[REDIRECT] * 7),
    "/accounts/password/reset/": EVERYONE,
    "/accounts/password/change/": _row(REDIRECT, *[OK] * 7),
    "/accounts/me/": _row(REDIRECT, *[OK] * 7),
    "/audit/": SECRETARIAT_ONLY,
    "/accounts/pending/": SECRETARIAT_ONLY,
    "/admin/": _row(*[REDIRECT] * 7, OK),
    "/admin/accounts/user/": _row(*[REDIRECT] * 7, OK),
    "/admin/core/auditentry/": _row(*[REDIRECT] * 7, OK),
    "/resolutions/": EVERYONE,
    "/resolutions/?q=solidarity": EVERYONE,
    "/resolutions/A/HRC/RES/56/4/": EVERYONE,
    "/resolutions/A/HRC/RES/56/4/resolution.json": EVERYONE,
    "/resolutions/A/HRC/RES/56/4/resolution.akn.xml": EVERYONE,
    "/resolutions/A/HRC/RES/56/4/vote-map.svg": EVERYONE,
    "/resolutions/A/HRC/RES/56/4/source": EVERYONE,
    "/resolutions/ingest/": SECRETARIAT_ONLY,
    "/practices/": EVERYONE,
    "/practices/?q=seed&theme=food_insecurity&sort=newest": EVERYONE,
    "/practices/?format=csv": EVERYONE,
    "/practices/?format=json": EVERYONE,
    "/practices/feed/": EVERYONE,
    "/practices/{published}/": EVERYONE,
    "/practices/{published}/history/": EVERYONE,
    "/practices/{published}/history/1/": EVERYONE,
    "/practices/{published}/files/{published_file}/": EVERYONE,
    "/practices/{under_revision}/": EVERYONE,
    "/practices/{retracted}/": _row(GONE, GONE, OK, GONE, GONE, GONE, OK, OK),
    "/practices/{retracted}/history/": _row(*[NOT_FOUND] * 2, OK, *[NOT_FOUND] * 3, OK, OK),
    "/practices/{draft}/": _row(*[NOT_FOUND] * 8),
    "/practices/{submitted}/": _row(*[NOT_FOUND] * 8),
    "/practices/{state_draft}/": _row(*[NOT_FOUND] * 8),
    "/practices/{draft}/files/{draft_file}/": _row(*[NOT_FOUND] * 2, OK, *[NOT_FOUND] * 3, OK, OK),
    # A working copy another may not see does not exist for them (404, not 403).
    "/practices/{draft}/workspace/": _row(REDIRECT, *[NOT_FOUND] * 5, OK, OK) | {"contributor": OK},
    "/practices/{submitted}/workspace/": _row(REDIRECT, *[NOT_FOUND] * 5, OK, OK)
    | {"contributor": OK},
    "/practices/{under_revision}/workspace/": _row(REDIRECT, *[NOT_FOUND] * 5, OK, OK)
    | {"contributor": OK},
    "/practices/{state_draft}/workspace/": _row(REDIRECT, *[NOT_FOUND] * 5, OK, OK)
    | {"focal_point": OK},
    # Those who see it but may not change it now are refused (403).
    "/practices/{draft}/edit/": _row(REDIRECT, *[NOT_FOUND] * 5, FORBIDDEN, FORBIDDEN)
    | {"contributor": OK},
    "/practices/{under_revision}/edit/": _row(REDIRECT, *[NOT_FOUND] * 5, FORBIDDEN, FORBIDDEN)
    | {"contributor": OK},
    "/practices/{submitted}/edit/": _row(REDIRECT, *[NOT_FOUND] * 5, FORBIDDEN, FORBIDDEN)
    | {"contributor": FORBIDDEN},
    "/practices/{state_draft}/edit/": _row(REDIRECT, *[NOT_FOUND] * 5, FORBIDDEN, FORBIDDEN)
    | {"focal_point": OK},
    "/practices/new/": _row(REDIRECT, FORBIDDEN, *[OK] * 6),
    "/practices/mine/": _row(REDIRECT, *[OK] * 7),
    "/practices/review/": _row(REDIRECT, *[FORBIDDEN] * 5, OK, OK),
    "/health/": EVERYONE,
    "/api/v1/countries": EVERYONE,
    "/api/v1/countries/NLD": EVERYONE,
    "/api/v1/countries/resolve?name=Viet%20Nam": EVERYONE,
    "/api/v1/organizations": EVERYONE,
    "/api/v1/organizations/organization-x": EVERYONE,
    "/api/v1/resolutions": EVERYONE,
    "/api/v1/countries/NLD/votes": EVERYONE,
    "/api/v1/countries/NLD/record": EVERYONE,
    "/api/v1/resolutions/A/HRC/RES/56/4": EVERYONE,
    "/api/v1/resolutions/A/HRC/RES/56/4/akn": EVERYONE,
    "/api/v1/practices": EVERYONE,
    "/api/v1/practices?q=seed&country=KEN&theme=food_insecurity": EVERYONE,
    "/api/v1/practices/{published}": EVERYONE,
    "/api/v1/practices/{published}/versions": EVERYONE,
    "/api/v1/practices/{published}/versions/1": EVERYONE,
    "/api/v1/practices/{under_revision}": EVERYONE,
    "/api/v1/practices/{draft}": _row(*[NOT_FOUND] * 8),
    "/api/v1/practices/{state_submitted}": _row(*[NOT_FOUND] * 8),
    "/api/v1/practices/{retracted}": _row(*[GONE] * 8),
    "/declaration/": EVERYONE,
    "/declaration/versions/": EVERYONE,
    "/declaration/versions/new/": _row(REDIRECT, *[FORBIDDEN] * 6, OK),
    "/declaration/versions/1/": EVERYONE,
    "/declaration/versions/2/": _row(*[NOT_FOUND] * 7, OK),  # not published yet
    "/declaration/versions/1/declaration.akn.xml": EVERYONE,
    "/declaration/versions/2/declaration.akn.xml": _row(*[NOT_FOUND] * 7, OK),
    "/declaration/versions/1/art_2/": EVERYONE,
    "/declaration/versions/2/art_2/": _row(*[NOT_FOUND] * 7, OK),
    "/declaration/versions/1/art_2/comments.csv": EVERYONE,
    "/declaration/versions/1/art_2/comments.docx": EVERYONE,
    "/declaration/versions/2/art_2/comments.csv": _row(*[NOT_FOUND] * 7, OK),
    "/declaration/compare/?from=1&to=2": _row(*[NOT_FOUND] * 7, OK),
    "/api/v1/declaration/versions": EVERYONE,
    "/api/v1/declaration/versions/1": EVERYONE,
    "/api/v1/declaration/versions/2": _row(*[NOT_FOUND] * 8),
    "/api/v1/openapi.json": EVERYONE,
    "/api/v1/docs": EVERYONE,
    # Calls for input: an open call and Cuba's draft answer (tests/calls has
    # each submission's page, file and action by GET and POST, on both sides of each boundary).
    "/calls/": EVERYONE,
    "/calls/feed/": EVERYONE,
    "/calls/search/?q=poverty": EVERYONE,
    "/calls/new/": _row(REDIRECT, *[FORBIDDEN] * 6, OK),
    "/calls/mine/": _row(REDIRECT, *[OK] * 7),
    "/calls/solidarity-2026/": EVERYONE,
    "/calls/solidarity-2026/edit/": _row(REDIRECT, *[FORBIDDEN] * 6, OK),
    "/calls/solidarity-2026/answer/": _row(REDIRECT, *[OK] * 5, *[FORBIDDEN] * 2),
    "/calls/solidarity-2026/review/": _row(REDIRECT, *[FORBIDDEN] * 5, OK, OK),
    "/api/v1/calls": EVERYONE,
    "/api/v1/calls/solidarity-2026": EVERYONE,
    "/api/v1/calls/solidarity-2026/submissions": EVERYONE,
    "/calls/solidarity-2026/published.zip": _row(*[NOT_FOUND] * 8),  # nothing published yet
    "/calls/solidarity-2026/published.csv": _row(*[NOT_FOUND] * 8),
}


# The mandate: its record with 56/4's tasks, its report A/HRC/56/57 and an example report due
# (the pages of one task or report, and every action posted, are in tests/mandate, on both
# sides of each boundary).
MATRIX.update(
    {
        "/mandate/": EVERYONE,
        "/mandate/tasks/": EVERYONE,
        "/mandate/tasks/?format=csv": EVERYONE,
        "/mandate/reports/": EVERYONE,
        "/mandate/reports/new/": _row(REDIRECT, *[FORBIDDEN] * 6, OK),
        "/mandate/documents/A/HRC/56/57/": EVERYONE,
        "/desk/": _row(REDIRECT, *[OK] * 7),
        "/api/v1/mandate": EVERYONE,
        "/api/v1/mandate/tasks": EVERYONE,
    }
)


# Indicators: ODA against the 0.7 % pledge and voluntary contributions, read by everyone
# (figures are imported at the command line; tests/indicators checks them against the data file).
MATRIX.update(
    {
        "/indicators/oda/": EVERYONE,
        "/indicators/oda/?year=2017&format=csv": EVERYONE,
        "/indicators/oda/NOR/": EVERYONE,
        "/indicators/oda/NOR/?format=svg": EVERYONE,
        "/indicators/oda/CUB/": _row(*[NOT_FOUND] * 8),  # Cuba reports no ODA to the OECD
        "/indicators/contributions/": EVERYONE,
        "/api/v1/indicators/oda?year=2023": EVERYONE,
        "/api/v1/indicators/oda/donors/NOR": EVERYONE,
        "/api/v1/indicators/contributions": EVERYONE,
    }
)


# Recorded votes: read by everyone (roll calls are imported at the command line; the roll
# call of 56/4 is made when it is stored; tests/votes checks the figures).
MATRIX.update(
    {
        "/votes/": EVERYONE,
        "/votes/?a=CUB&b=FRA&from=2024&format=csv": EVERYONE,
        "/votes/states/CUB/by-year.svg": EVERYONE,
        "/votes/states/CUB/by-year.csv": EVERYONE,
        "/api/v1/votes/agreement?a=CUB&b=FRA": EVERYONE,
        "/api/v1/votes/matrix?states=CUB,FRA": EVERYONE,
        "/api/v1/votes/partners/CUB": EVERYONE,
        "/api/v1/votes/cohesion": EVERYONE,
        "/api/v1/votes/composition/CUB": EVERYONE,
        "/votes/ideal-points.svg?from=2024": EVERYONE,
        "/votes/agreement-map.svg?a=CUB": EVERYONE,
        "/votes/agreement-map.svg?a=XXX": _row(*[NOT_FOUND] * 8),
        "/api/v1/votes/outvoted": EVERYONE,
        "/api/v1/votes/ideal-points": EVERYONE,
    }
)


@pytest.fixture
def mandate_record(resolution_56_4):
    from solidarity.mandate import demo

    demo.load()


# Country visits and engagements: the mandate's request to visit Cuba and one engagement
# (tests/visits has each step by GET and POST on both sides of the State boundary).
ENGAGEMENT = 4242  # a fixed number, for its addresses
MATRIX.update(
    {
        "/visits/": EVERYONE,
        "/visits/?view=pending&format=csv": EVERYONE,
        "/visits/new/": _row(REDIRECT, *[FORBIDDEN] * 6, OK),
        "/visits/desk/": _row(REDIRECT, *[FORBIDDEN] * 6, OK),
        "/visits/CUB/": EVERYONE,
        "/visits/FRA/": _row(*[NOT_FOUND] * 8),  # no request to France
        # Cuba's focal point answers for Cuba; the secretariat records answers received by letter.
        "/visits/CUB/answer/": _row(REDIRECT, *[FORBIDDEN] * 3, OK, *[FORBIDDEN] * 2, OK),
        "/engagements/": EVERYONE,
        "/engagements/new/": _row(REDIRECT, *[FORBIDDEN] * 6, OK),
        f"/engagements/{ENGAGEMENT}/": EVERYONE,
        f"/engagements/{ENGAGEMENT}/edit/": _row(REDIRECT, *[FORBIDDEN] * 6, OK),
        "/events.ics": EVERYONE,
        "/api/v1/visits": EVERYONE,
        "/api/v1/visits/CUB": EVERYONE,
        "/api/v1/engagements": EVERYONE,
        f"/api/v1/engagements/{ENGAGEMENT}": EVERYONE,
    }
)


def _visits(people) -> None:
    """The request to visit Cuba, sent on 10 January 2025, and an engagement."""
    import datetime as dt

    from solidarity.countries.models import Country
    from solidarity.engagements.models import Engagement
    from solidarity.visits import services

    services.visit_request_create(
        actor=people["secretariat"],
        country=Country.objects.get(iso3="CUB"),
        on=dt.date(2025, 1, 10),
    )
    Engagement.objects.create(
        pk=ENGAGEMENT,
        title="Social Forum",
        kind="forum",
        starts_on=dt.date(2030, 10, 1),
        place="Geneva",
        organizer="Human Rights Council",
        role="speaker",
    )


@pytest.fixture
def visit_to_cuba(people) -> None:
    _visits(people)


def _check_rows(paths, personas):
    got = {path: {} for path in paths}
    for path, filled in paths.items():
        for role in ROLES:
            response = personas[role].get(filled)
            got[path][role] = response.status_code
            if response.status_code == REDIRECT and MATRIX[path][role] == REDIRECT:
                # Each redirect is checked for its target too.
                got[path][role] = to(response["Location"])
                if response["Location"] == _redirect_of_get(filled, role):
                    got[path][role] = REDIRECT
    assert got == {path: MATRIX[path] for path in paths}


@pytest.mark.django_db
@pytest.mark.parametrize("path", [path for path in MATRIX if "{" not in path])
def test_each_role_sees_exactly_what_it_should(path, request, personas, organization_x):
    if "/resolutions/" in path or "votes" in path:
        request.getfixturevalue("resolution_56_4")
    if "/declaration/" in path:
        request.getfixturevalue("declaration")
    if path.startswith(
        ("/visits/", "/engagements/", "/events.ics", "/api/v1/visits", "/api/v1/engagements")
    ):
        request.getfixturevalue("visit_to_cuba")
    if "/calls/" in path:
        request.getfixturevalue("call_with_cubas_draft")
    if path.startswith(("/mandate/", "/api/v1/mandate", "/desk/")):
        request.getfixturevalue("mandate_record")
    _check_rows({path: path}, personas)


@pytest.mark.django_db
def test_each_role_sees_exactly_what_it_should_of_each_practice(personas, practices):
    """The pages of practices in every state, mine and others', the public's and not."""
    _check_rows({path: _fill(path, practices) for path in MATRIX if "{" in path}, personas)


def _redirect_of_get(path: str, role: str) -> str:
    """Where a refused GET leads: each redirect is checked for its target."""
    if path.startswith("/admin/"):
        return f"/admin/login/?next={path}"
    if role == "anonymous":
        return f"/accounts/login/?next={path}"
    return "/desk/"  # signing in or up again, once signed in: the desk


# ---------------------------------------------------------------------------
# Actions: POST, with CSRF checks on
# ---------------------------------------------------------------------------

DONE = "done"  # the effect is in the database, and the answer led to the right page
UNCHANGED = "unchanged"  # the right page, and nothing to do (already done)
SIGN_IN = "sign-in"  # to the sign-in page, with next= this address; nothing changed


def to(location: str) -> str:
    """A redirect elsewhere, nothing changed."""
    return f"-> {location}"


@dataclass(frozen=True)
class Action:
    """One thing a person can post, and how to tell whether it happened."""

    path: str  # with {pk} for the practice acted on
    form_page: str  # the page holding the form, where the token is read
    data: Callable[[], dict]
    happened: Callable[..., bool]  # (before, after, world) -> bool
    target: Callable[..., str | None]  # (world) -> where a done action leads; None: a 200 page
    files: bool = False
    routes: tuple[str, ...] = field(default=())


def _status_became(status):
    return lambda before, after, world: before.status != status and after.status == status


def _decision(decision: str, message: str = "Said for the submitter."):
    return lambda: {"decision": decision, "message": message}


def _workspace(world):
    return f"/practices/{world['practice'].pk}/workspace/"


def _public_page(world):
    return f"/practices/{world['practice'].pk}/"


def _new_event(action):
    def happened(before, after, world):
        return after.events.filter(action=action).count() == (
            before.events.filter(action=action).count() + 1
        )

    return happened


def _published_again(before, after, world):
    return after.status == PracticeStatus.PUBLISHED and after.published_version == (
        (before.published_version or 0) + 1
    )


def _rejected(before, after, world):
    return before.status == PracticeStatus.SUBMITTED and after.status in (
        PracticeStatus.REJECTED,
        PracticeStatus.PUBLISHED,  # a revision refused: the last version stays public
    )


WORKSPACE = "/practices/{pk}/workspace/"
PRACTICE_ACTIONS = {
    "submit": Action(
        WORKSPACE,
        WORKSPACE,
        lambda: {"decision": "submit"},
        _status_became(PracticeStatus.SUBMITTED),
        _workspace,
    ),
    "comment": Action(
        WORKSPACE,
        WORKSPACE,
        _decision("comment"),
        lambda before, after, world: (
            after.events.filter(
                action=ReviewAction.COMMENTED, message="Said for the submitter."
            ).count()
            == 1
        ),
        _workspace,
    ),
    "request changes": Action(
        WORKSPACE,
        WORKSPACE,
        _decision("changes"),
        _status_became(PracticeStatus.CHANGES_REQUESTED),
        _workspace,
    ),
    "publish": Action(WORKSPACE, WORKSPACE, _decision("publish", ""), _published_again, _workspace),
    "reject": Action(WORKSPACE, WORKSPACE, _decision("reject"), _rejected, _workspace),
    "edit": Action(
        "/practices/{pk}/edit/",
        "/practices/{pk}/edit/",
        lambda: form_data(title="Edited by its submitter"),
        lambda before, after, world: after.title == "Edited by its submitter",
        _workspace,
    ),
    "retract": Action(
        "/practices/{pk}/retract/",
        "/practices/{pk}/",
        lambda: {"message": "Found to be a copy."},
        lambda before, after, world: (
            before.retracted_at is None
            and after.retracted_at is not None
            and after.status == PracticeStatus.RETRACTED
        ),
        _public_page,
    ),
}

# Who may do what to each practice: a row per state, a column per persona.
# The working copy and its thread are its submitter's and the reviewers'; to
# anyone else a practice's workspace does not exist (N, 404), whatever they post.
S, F, N, D, U = SIGN_IN, FORBIDDEN, NOT_FOUND, DONE, UNCHANGED
NOBODY = _row(S, F, F, F, F, F, F, F)
NOBODY_X = _row(S, N, F, N, N, N, F, F)
NOBODY_CUBA = _row(S, N, N, N, F, N, F, F)
SUBMITTER_X = _row(S, N, D, N, N, N, F, F)
SUBMITTER_CUBA = _row(S, N, N, N, D, N, F, F)
REVIEWERS_X = _row(S, N, F, N, N, N, D, D)
REVIEWERS_CUBA = _row(S, N, N, N, F, N, D, D)
THREAD_X = _row(S, N, D, N, N, N, D, D)
THREAD_CUBA = _row(S, N, N, N, D, N, D, D)
DECISIONS = {
    "draft": NOBODY_X,
    "submitted": REVIEWERS_X,
    "changes_requested": NOBODY_X,
    "under_revision": NOBODY_X,
    "published": NOBODY_X,
    "retracted": NOBODY_X,
    "rejected": NOBODY_X,
    "state_draft": NOBODY_CUBA,
    "state_submitted": REVIEWERS_CUBA,
}
POST_MATRIX = {
    "submit": {
        "draft": SUBMITTER_X,
        # Sent twice: the submitter is told it is on its way; nobody else may.
        "submitted": _row(S, N, U, N, N, N, F, F),
        "changes_requested": SUBMITTER_X,
        "under_revision": SUBMITTER_X,
        # Published and unchanged since: nothing new to review.
        "published": _row(S, N, U, N, N, N, F, F),
        "retracted": NOBODY_X,
        "rejected": NOBODY_X,
        "state_draft": SUBMITTER_CUBA,
        "state_submitted": _row(S, N, N, N, U, N, F, F),
    },
    "comment": {state: THREAD_CUBA if state.startswith("state") else THREAD_X for state in STATES},
    "request changes": DECISIONS,
    "publish": DECISIONS,
    "reject": DECISIONS,
    "edit": {
        "draft": SUBMITTER_X,
        "submitted": NOBODY_X,
        "changes_requested": SUBMITTER_X,
        "under_revision": SUBMITTER_X,
        "published": SUBMITTER_X,
        "retracted": NOBODY_X,
        "rejected": NOBODY_X,
        "state_draft": SUBMITTER_CUBA,
        "state_submitted": NOBODY_CUBA,
    },
    # Retracting acts on the public page: a practice never published is not found.
    "retract": {
        state: _row(S, F, F, F, F, F, D, D)
        if state in ("under_revision", "published")
        else NOBODY
        if state == "retracted"
        else _row(S, *[N] * 7)
        for state in STATES
    },
}

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def _token(client, page: str) -> tuple[str, bool]:
    """A CSRF token as a browser has it: from the form's page, or else from any page."""
    response = client.get(page)
    found = TOKEN.search(response.content.decode()) if response.status_code == OK else None
    if found:
        return found.group(1), True
    found = TOKEN.search(client.get("/accounts/password/reset/").content.decode())
    return found.group(1), False


def world_state() -> dict:
    """Everything an action could change, to prove that a refused one changed nothing."""
    return {
        "practices": list(
            Practice.objects.order_by("pk").values_list(
                "pk", "status", "title", "published_version", "retracted_at", "updated_at"
            )
        ),
        "events": ReviewEvent.objects.count(),
        "versions": PracticeVersion.objects.count(),
        "attachments": list(Attachment.objects.order_by("pk").values_list("pk", "removed")),
        "people": list(
            User.objects.order_by("pk").values_list(
                "pk", "is_active", "role", "organization_confirmed_at", "password"
            )
        ),
        "organizations": list(Organization.objects.order_by("pk").values_list("pk", "verified")),
        "resolutions": Resolution.objects.count(),
        "declaration": list(
            DeclarationVersion.objects.order_by("pk").values_list(
                "pk", "published_at", "comments_open"
            )
        ),
        "declaration comments": list(
            DeclarationComment.objects.order_by("pk").values_list("pk", "hidden_at")
        ),
        "calls": list(Call.objects.order_by("pk").values_list("pk", "title", "closes_at")),
        "call submissions": list(
            Submission.objects.order_by("pk").values_list(
                "pk", "status", "answers", "read_at", "published_at", "tags"
            )
        ),
        "visit requests": list(
            VisitRequest.objects.order_by("pk").values_list("country", "status")
        ),
        "visit events": list(VisitEvent.objects.order_by("pk").values_list("pk", "kind")),
        "engagements": list(Engagement.objects.order_by("pk").values_list("pk", "title")),
        "audit": AuditEntry.objects.count(),
        "mail": len(mail.outbox),
    }


def _sign_in_page(path: str) -> str:
    return f"/accounts/login/?next={path}"


def _outcome(response, *, path, changed, happened, target, from_form_page) -> str:
    """What one cell of the matrix saw, in the matrix's words."""
    status = response.status_code
    location = response.get("Location") if status == REDIRECT else None
    if status in (FORBIDDEN, NOT_FOUND, 405, GONE):
        return status if not changed else f"{status} yet changed"
    if location == _sign_in_page(path):
        return SIGN_IN if not changed else "sign-in yet changed"
    arrived = location if status == REDIRECT else None
    if status not in (OK, REDIRECT) or arrived != target:
        seen = to(arrived) if arrived else status
        return f"{seen} yet changed" if changed else seen
    if happened:
        return DONE if from_form_page else "done without opening the form"
    return UNCHANGED if not changed else "changed, not as asked"


def _try(client, action: Action, path: str, world: dict, capture, *, token: str | None) -> tuple:
    data = action.data()
    if token is not None:
        data["csrfmiddlewaretoken"] = token
    before = world_state()
    with capture(execute=True):
        response = client.post(path, data)
    return response, before, world_state()


@pytest.mark.django_db
@pytest.mark.parametrize("name", list(POST_MATRIX))
def test_each_role_may_do_exactly_what_it_should_to_each_practice(
    name, people, practices, django_capture_on_commit_callbacks
):
    action = PRACTICE_ACTIONS[name]
    clients = {role: client_for(people[role], enforce_csrf_checks=True) for role in ROLES}
    # Refused people post with a real token too, so that the refusal is the policy's.
    tokens = {
        role: _token(client, "/accounts/password/reset/")[0] for role, client in clients.items()
    }
    got, expected = {}, {}
    for state in STATES:
        for role in ROLES:
            expected[state, role] = POST_MATRIX[name][state][role]
            client, token, from_form_page = clients[role], tokens[role], False
            with transaction.atomic():
                practice = Practice.objects.get(pk=practices[state].pk)
                path = action.path.format(pk=practice.pk)
                if expected[state, role] in (DONE, UNCHANGED):
                    # Those allowed open the form first and post the token it holds.
                    token, from_form_page = _token(client, action.form_page.format(pk=practice.pk))
                world = {"practice": practice}
                response, before, after = _try(
                    client, action, path, world, django_capture_on_commit_callbacks, token=token
                )
                got[state, role] = _outcome(
                    response,
                    path=path,
                    changed=before != after,
                    happened=action.happened(practice, Practice.objects.get(pk=practice.pk), world),
                    target=action.target(world),
                    from_form_page=from_form_page or expected[state, role] != DONE,
                )
                transaction.set_rollback(True)
    assert got == expected


# Actions on no practice: one row each.
@pytest.fixture
def world(people, organization_x) -> dict:
    """A contributor who signed up and waits for the secretariat's confirmation."""
    from solidarity.accounts import services
    from solidarity.core.roles import Role

    waiting = services.user_create(
        actor=None,
        email="waiting@example.org",
        full_name="Waiting Person",
        role=Role.CONTRIBUTOR,
        password=PASSWORD,
        organization=organization_x,
    )
    User.objects.filter(pk=waiting.pk).update(organization_confirmed_at=None)
    _visits(people)
    return {"waiting": waiting, "people": people, **_declaration(people), **_calls(people)}


def _calls(people) -> dict:
    """An open call for input, which Cuba has answered (for publication, if chosen)."""
    from solidarity.calls import services
    from tests.calls.conftest import QUESTIONS, answers, call_fields

    call = services.call_create(
        actor=people["secretariat"], fields=call_fields(), questions=QUESTIONS
    )
    draft, _ = services.submission_save(
        actor=people["focal_point"], call=call, answers=answers(), consent="publish"
    )
    sent = services.submission_submit(actor=people["focal_point"], submission=draft)
    return {"call_submission": sent}


def _declaration(people) -> dict:
    """Version 1 of the draft declaration, published, with a State's comment on article 2;
    version 2 imported, not published yet."""
    from solidarity.declaration import services

    version_1 = services.version_import(actor=None, source=VERSION_1, label="One", publish=True)
    comment, _ = services.comment_create(
        actor=people["focal_point"], version=version_1, eid="art_2", body="A State's comment."
    )
    services.version_import(actor=None, source=VERSION_2, label="Two")
    return {"declaration_comment": comment}


@pytest.fixture
def declaration(people) -> dict:
    return _declaration(people)


@pytest.fixture
def call_with_cubas_draft(people, resolution_56_4):
    from solidarity.calls import services
    from tests.calls.conftest import QUESTIONS, answers, call_fields

    call = services.call_create(
        actor=people["secretariat"], fields=call_fields(), questions=QUESTIONS
    )
    draft, _ = services.submission_save(
        actor=people["focal_point"], call=call, answers=answers(), consent="do_not_publish"
    )
    return draft


def _signed_in_as(client) -> int | None:
    value = client.session.get("_auth_user_id")
    return int(value) if value else None


def _seed_upload():
    from django.core.files.uploadedfile import SimpleUploadedFile

    return {"file": SimpleUploadedFile("56-4.md", SEED.read_bytes(), "text/markdown")}


def _created_practice(world):
    practice = Practice.objects.filter(title="A practice of one's own").first()
    return practice.get_workspace_url() if practice else "(none created)"


OTHER_ACTIONS = {
    "create": Action(
        "/practices/new/",
        "/practices/new/",
        lambda: form_data(title="A practice of one's own"),
        lambda before, after, world: Practice.objects.filter(
            title="A practice of one's own", submitted_by=world["person"]
        ).exists(),
        _created_practice,
    ),
    "confirm": Action(
        "/accounts/pending/{waiting}/",
        "/accounts/pending/",
        lambda: {"decision": "confirm"},
        lambda before, after, world: (
            User.objects.get(pk=world["waiting"].pk).organization_confirmed_at is not None
        ),
        lambda world: "/accounts/pending/",
    ),
    "refuse": Action(
        "/accounts/pending/{waiting}/",
        "/accounts/pending/",
        lambda: {"decision": "refuse", "reason": "Not a member of this organization."},
        lambda before, after, world: not User.objects.get(pk=world["waiting"].pk).is_active,
        lambda world: "/accounts/pending/",
    ),
    "ingest": Action(
        "/resolutions/ingest/",
        "/resolutions/ingest/",
        _seed_upload,
        lambda before, after, world: Resolution.objects.filter(symbol="A/HRC/RES/56/4").exists(),
        lambda world: "/resolutions/A/HRC/RES/56/4/",
    ),
    "sign up": Action(
        "/accounts/sign-up/",
        "/accounts/sign-up/",
        lambda: {
            "full_name": "New Person",
            "email": "new.person@example.org",
            "password": "solidarity-across-borders-2024",
            "new_organization_name": "A New Network",
            "new_organization_type": "ngo",
        },
        lambda before, after, world: User.objects.filter(email="new.person@example.org").exists(),
        lambda world: None,
    ),
    "sign in": Action(
        "/accounts/login/",
        "/accounts/login/",
        lambda: {"username": "reader@example.org", "password": PASSWORD},
        lambda before, after, world: (
            world["signed_in_before"] is None
            and world["signed_in_after"] == world["people"]["public"].pk
        ),
        lambda world: "/desk/",
    ),
    "sign out": Action(
        "/accounts/logout/",
        "/",
        dict,
        lambda before, after, world: (
            world["signed_in_before"] is not None and world["signed_in_after"] is None
        ),
        lambda world: "/",
    ),
    "choose language": Action(
        "/i18n/setlang/",
        "/accounts/password/reset/",  # no page holds this form: any page's token serves
        lambda: {"language": "fr", "next": "/countries/"},
        lambda before, after, world: (
            getattr(world["client"].cookies.get("django_language"), "value", None) == "fr"
        ),
        lambda world: "/fr/countries/",
    ),
    "reset password": Action(
        "/accounts/password/reset/",
        "/accounts/password/reset/",
        lambda: {"email": "reader@example.org"},
        lambda before, after, world: any(
            "reader@example.org" in message.to for message in mail.outbox
        ),
        lambda world: "/accounts/password/reset/sent/",
    ),
    "change password": Action(
        "/accounts/password/change/",
        "/accounts/password/change/",
        lambda: {
            "old_password": PASSWORD,
            "new_password1": "a-brand-new-passphrase-77",
            "new_password2": "a-brand-new-passphrase-77",
        },
        lambda before, after, world: (
            world["person"] is not None
            and User.objects.get(pk=world["person"].pk).check_password("a-brand-new-passphrase-77")
            and [m.to for m in mail.outbox] == [[world["person"].email]]
        ),
        lambda world: "/accounts/me/",
    ),
}


def _new_comment(world):
    comment = DeclarationComment.objects.filter(body="Said in the consultation.").first()
    return f"/declaration/versions/1/art_2/#comment-{comment.pk}" if comment else "(none made)"


DECLARATION_ACTIONS = {
    "import declaration": Action(
        "/declaration/versions/new/",
        "/declaration/versions/new/",
        lambda: {"label": "Three", "text": VERSION_2},
        lambda before, after, world: DeclarationVersion.objects.filter(label="Three").exists(),
        lambda world: "/declaration/versions/3/",
    ),
    "publish declaration": Action(
        "/declaration/versions/2/publish/",
        "/declaration/versions/2/",
        dict,
        lambda before, after, world: (
            DeclarationVersion.objects.get(number=2).published_at is not None
        ),
        lambda world: "/declaration/versions/2/",
    ),
    "comment on declaration": Action(
        "/declaration/versions/1/art_2/",
        "/declaration/versions/1/art_2/",
        lambda: {"eid": "art_2", "body": "Said in the consultation.", "key": str(uuid.uuid4())},
        lambda before, after, world: DeclarationComment.objects.filter(
            body="Said in the consultation.", author=world["person"]
        ).exists(),
        _new_comment,
    ),
    "hide declaration comment": Action(
        "/declaration/comments/{comment}/hide/",
        "/declaration/versions/1/art_2/",
        lambda: {"reason": "Off topic."},
        lambda before, after, world: (
            DeclarationComment.objects.get(pk=world["declaration_comment"].pk).hidden_at is not None
        ),
        lambda world: f"/declaration/versions/1/art_2/#comment-{world['declaration_comment'].pk}",
    ),
}
OTHER_ACTIONS.update(DECLARATION_ACTIONS)


def _call_form(**changes) -> dict:
    """The secretariat's call form, with the questions the world's call already has."""
    from tests.calls.conftest import QUESTIONS

    data = {
        "title": "Call for input: international solidarity and the fight against poverty",
        "slug": "solidarity-2026",
        "purpose": "For the next report.",
        "invited": ["state", "ngo", "academic", "individual"],
        "languages": ["en", "fr", "es"],
        "opens_at": "2026-01-05T09:00",
        "closes_at": "2036-02-27T18:00",
        "publication_policy": "with_consent",
    }
    for n, question in enumerate(QUESTIONS, start=1):
        data[f"q{n}_text"] = question["text"]
        data[f"q{n}_kind"] = question["kind"]
        data[f"q{n}_choices"] = "\n".join(question.get("choices", []))
        data[f"q{n}_word_limit"] = question.get("word_limit") or ""
        if question.get("required"):
            data[f"q{n}_required"] = "on"
    data.update(changes)
    return data


def _answered_already(world) -> str:
    """Cuba has sent its answer: its focal point is shown the submission, not the form."""
    if world["person"] is not None and world["person"] == world["people"]["focal_point"]:
        return world["call_submission"].get_absolute_url()
    return "/calls/solidarity-2026/answer/"


def _submission_became(field: str):
    def happened(before, after, world):
        submission = Submission.objects.get(pk=world["call_submission"].pk)
        return getattr(submission, field) is not None

    return happened


CALL_REVIEW = "/calls/solidarity-2026/submissions/{submission}/review/"
CALL_ACTIONS = {
    "open call": Action(
        "/calls/new/",
        "/calls/new/",
        lambda: _call_form(slug="matrix-call", closes_at="2026-02-27T18:00"),
        lambda before, after, world: Call.objects.filter(slug="matrix-call").exists(),
        lambda world: "/calls/matrix-call/",
    ),
    "change call": Action(
        "/calls/solidarity-2026/edit/",
        "/calls/solidarity-2026/edit/",
        lambda: _call_form(title="A title changed"),
        lambda before, after, world: Call.objects.filter(title="A title changed").exists(),
        lambda world: "/calls/solidarity-2026/",
    ),
    "extend call": Action(
        "/calls/solidarity-2026/extend/",
        "/calls/solidarity-2026/edit/",
        lambda: {"closes_at": "2040-01-01T12:00", "reason": "More time asked."},
        lambda before, after, world: Call.objects.filter(extensions__isnull=False).exists(),
        lambda world: "/calls/solidarity-2026/",
    ),
    "answer call": Action(
        "/calls/solidarity-2026/answer/",
        "/calls/solidarity-2026/answer/",
        lambda: {
            "submission_key": str(uuid.uuid4()),
            "q1": "Said in the call.",
            "language": "en",
            "action": "save",
        },
        lambda before, after, world: Submission.objects.filter(
            answers__q1="Said in the call."
        ).exists(),
        _answered_already,
    ),
    "mark submission read": Action(
        CALL_REVIEW,
        "/calls/solidarity-2026/review/",
        lambda: {"action": "read"},
        _submission_became("read_at"),
        lambda world: "/calls/solidarity-2026/review/",
    ),
    "publish submission": Action(
        CALL_REVIEW,
        "/calls/solidarity-2026/review/",
        lambda: {"action": "publish"},
        _submission_became("published_at"),
        lambda world: "/calls/solidarity-2026/review/",
    ),
}
OTHER_ACTIONS.update(CALL_ACTIONS)
DESK = to("/desk/")
OTHER_MATRIX = {
    "create": _row(S, F, D, D, D, D, D, D),
    "confirm": _row(S, *[F] * 6, D),
    "refuse": _row(S, *[F] * 6, D),
    "ingest": _row(S, *[F] * 6, D),
    "sign up": _row(D, *[DESK] * 7),
    # Signed in already, the form is not offered again: nobody is signed in as another.
    "sign in": _row(D, U, U, U, U, U, U, U),
    "sign out": _row(U, D, D, D, D, D, D, D),
    "choose language": _row(*[D] * 8),
    "reset password": _row(*[D] * 8),
    # One's own, giving the current one; the owner is told by e-mail.
    "change password": _row(S, *[D] * 7),
    "import declaration": _row(S, F, F, F, F, F, F, D),
    # A version not published yet does not exist for anyone but the secretariat.
    "publish declaration": _row(S, N, N, N, N, N, N, D),
    # Those consulted comment; the reviewers and the secretariat moderate.
    "comment on declaration": _row(S, D, D, D, D, D, F, F),
    "hide declaration comment": _row(S, N, N, N, N, N, D, D),
    "open call": _row(S, F, F, F, F, F, F, D),
    "change call": _row(S, F, F, F, F, F, F, D),
    "extend call": _row(S, F, F, F, F, F, F, D),
    # Those invited answer for their party; Cuba has answered already; reviewers do not.
    "answer call": _row(S, D, D, D, U, D, F, F),
    "mark submission read": _row(S, F, F, F, F, F, D, D),
    "publish submission": _row(S, F, F, F, F, F, D, D),
}


def _visit_event(kind: str):
    def happened(before, after, world):
        from solidarity.visits.models import VisitEvent

        return VisitEvent.objects.filter(request__country="CUB", kind=kind).exists()

    return happened


def _engagement_form(**changes) -> dict:
    return {
        "title": "Social Forum",
        "kind": "forum",
        "starts_on": "2030-10-01",
        "place": "Geneva",
        "organizer": "Human Rights Council",
        "role": "speaker",
        **changes,
    }


def _engagement_titled(title: str):
    def happened(before, after, world):
        from solidarity.engagements.models import Engagement

        return Engagement.objects.filter(title=title).exists()

    return happened


def _new_engagement(world) -> str | None:
    from solidarity.engagements.models import Engagement

    found = Engagement.objects.filter(title="A forum recorded").first()
    return found.get_absolute_url() if found else None


VISIT_ACTIONS = {
    "record visit request": Action(
        "/visits/new/",
        "/visits/new/",
        lambda: {"country": "GHA", "kind": "requested", "on": "2025-02-03"},
        lambda before, after, world: "GHA" in {iso3 for iso3, *_ in after["visit requests"]},
        lambda world: "/visits/GHA/",
    ),
    "record visit event": Action(
        "/visits/CUB/events/",
        "/visits/CUB/",
        lambda: {"kind": "acknowledged", "on": "2025-02-03"},
        _visit_event("acknowledged"),
        lambda world: "/visits/CUB/",
    ),
    "answer visit request": Action(
        "/visits/CUB/answer/",
        "/visits/CUB/answer/",
        lambda: {"kind": "accepted", "on": "2025-02-03"},
        _visit_event("accepted"),
        lambda world: "/visits/CUB/",
    ),
    "send visit reminder": Action(
        "/visits/CUB/remind/",
        "/visits/CUB/",
        dict,
        _visit_event("reminder_sent"),
        lambda world: "/visits/CUB/",
    ),
    "send reminders due": Action(
        "/visits/desk/remind/",
        "/visits/desk/",
        dict,
        _visit_event("reminder_sent"),
        lambda world: "/visits/desk/",
    ),
    "record engagement": Action(
        "/engagements/new/",
        "/engagements/new/",
        lambda: _engagement_form(title="A forum recorded"),
        _engagement_titled("A forum recorded"),
        _new_engagement,
    ),
    "change engagement": Action(
        f"/engagements/{ENGAGEMENT}/edit/",
        f"/engagements/{ENGAGEMENT}/edit/",
        lambda: _engagement_form(title="A forum renamed"),
        _engagement_titled("A forum renamed"),
        lambda world: f"/engagements/{ENGAGEMENT}/",
    ),
}
OTHER_ACTIONS.update(VISIT_ACTIONS)
OTHER_MATRIX.update(
    {
        "record visit request": _row(S, *[F] * 6, D),
        "record visit event": _row(S, *[F] * 6, D),
        # Cuba's focal point answers for Cuba only; the secretariat records a letter's answer.
        "answer visit request": _row(S, F, F, F, D, F, F, D),
        "send visit reminder": _row(S, *[F] * 6, D),
        "send reminders due": _row(S, *[F] * 6, D),
        "record engagement": _row(S, *[F] * 6, D),
        "change engagement": _row(S, *[F] * 6, D),
    }
)


@pytest.mark.django_db
@pytest.mark.parametrize("name", list(OTHER_MATRIX))
def test_each_role_may_do_exactly_what_it_should_beyond_practices(
    name, world, django_capture_on_commit_callbacks
):
    action = OTHER_ACTIONS[name]
    got = {}
    for role in ROLES:
        with transaction.atomic():
            mail.outbox.clear()
            client = client_for(world["people"][role], enforce_csrf_checks=True)
            token, from_form_page = _token(client, action.form_page)
            path = action.path.format(
                waiting=world["waiting"].pk,
                comment=world["declaration_comment"].pk,
                submission=world["call_submission"].pk,
            )
            cell = {
                **world,
                "person": world["people"][role],
                "client": client,
                "signed_in_before": _signed_in_as(client),
            }
            response, before, after = _try(
                client, action, path, cell, django_capture_on_commit_callbacks, token=token
            )
            cell["signed_in_after"] = _signed_in_as(client)
            changed = before != after
            if name in ("sign in", "sign out", "choose language"):
                # Their effect is on the browser's session, not in the records.
                changed = changed or action.happened(before, after, cell)
            got[role] = _outcome(
                response,
                path=path,
                changed=changed,
                happened=action.happened(before, after, cell),
                target=action.target(cell),
                from_form_page=from_form_page,
            )
            transaction.set_rollback(True)
    assert got == OTHER_MATRIX[name]


ALL_ACTIONS = {**PRACTICE_ACTIONS, **OTHER_ACTIONS}


@pytest.mark.django_db
@pytest.mark.parametrize("name", list(ALL_ACTIONS))
def test_an_action_posted_without_its_token_is_refused_to_everyone(
    name, people, practices, world, django_capture_on_commit_callbacks
):
    """A page of another site cannot make a signed-in person act: no token, no action."""
    action = ALL_ACTIONS[name]
    # The one practice on which each action is allowed to someone.
    state = {"retract": "published", "edit": "draft", "comment": "draft"}.get(name, "submitted")
    if name == "submit":
        state = "draft"
    path = action.path.format(
        pk=practices[state].pk,
        waiting=world["waiting"].pk,
        comment=world["declaration_comment"].pk,
        submission=world["call_submission"].pk,
    )
    got = {}
    for role in ROLES:
        with transaction.atomic():
            client = client_for(people[role], enforce_csrf_checks=True)
            client.get(action.form_page.format(pk=practices[state].pk))  # the cookie is set
            response, before, after = _try(
                client, action, path, {}, django_capture_on_commit_callbacks, token=None
            )
            refused = response.status_code == FORBIDDEN and b"CSRF" in response.content
            got[role] = "refused" if refused and before == after else response.status_code
            transaction.set_rollback(True)
    assert got == dict.fromkeys(ROLES, "refused")


@pytest.mark.django_db
def test_the_administration_refuses_changes_from_everyone_but_the_secretariat(
    people, contributor_y
):
    """Raising one's own role through the admin's forms leads to its sign-in page."""
    path = f"/admin/accounts/user/{contributor_y.pk}/change/"
    for role in ROLES[:-1]:
        client = client_for(people[role], enforce_csrf_checks=True)
        token, _ = _token(client, "/")
        before = world_state()
        response = client.post(
            path, {"csrfmiddlewaretoken": token, "role": "secretariat", "email": "x@example.org"}
        )
        assert response.status_code == REDIRECT, role
        assert response["Location"] == f"/admin/login/?next={path}", role
        assert world_state() == before, role


# ---------------------------------------------------------------------------
# Nothing escapes the matrix
# ---------------------------------------------------------------------------

# Each address of the site: an example for GET (None: not opened by a link of its
# own) and the actions posted to it.
# The pattern of a resolution's address, as Django prints it for the symbol converter.
RESOLUTION_ROUTE = (
    "^resolutions/(?P<symbol>A/(?:HRC/)?(?:RES|DEC)/(?:E?S-)?[0-9]+/[0-9]+(?: ?[A-Z])?)"
)
ROUTES = {
    "": ("/", ()),
    "audit/": ("/audit/", ()),
    "countries/": ("/countries/", ()),
    "countries/<str:iso3>/": ("/countries/CUB/", ()),
    "organizations/": ("/organizations/", ()),
    "organizations/<slug:slug>/": ("/organizations/organization-x/", ()),
    "accounts/login/": ("/accounts/login/", ("sign in",)),
    "accounts/logout/": (None, ("sign out",)),
    "accounts/sign-up/": ("/accounts/sign-up/", ("sign up",)),
    "accounts/me/": ("/accounts/me/", ()),
    "accounts/pending/": ("/accounts/pending/", ()),
    "accounts/pending/<int:pk>/": (None, ("confirm", "refuse")),
    "accounts/password/reset/": ("/accounts/password/reset/", ("reset password",)),
    "accounts/password/change/": ("/accounts/password/change/", ("change password",)),
    "health/": ("/health/", ()),
    "practices/": ("/practices/", ()),
    "practices/feed/": ("/practices/feed/", ()),
    "practices/new/": ("/practices/new/", ("create",)),
    "practices/mine/": ("/practices/mine/", ()),
    "practices/review/": ("/practices/review/", ()),
    "practices/<int:pk>/": ("/practices/{published}/", ()),
    "practices/<int:pk>/history/": ("/practices/{published}/history/", ()),
    "practices/<int:pk>/history/<int:number>/": ("/practices/{published}/history/1/", ()),
    "practices/<int:pk>/files/<int:file_id>/": (
        "/practices/{published}/files/{published_file}/",
        (),
    ),
    "practices/<int:pk>/edit/": ("/practices/{draft}/edit/", ("edit",)),
    "practices/<int:pk>/workspace/": (
        "/practices/{draft}/workspace/",
        ("submit", "comment", "request changes", "publish", "reject"),
    ),
    "practices/<int:pk>/retract/": (None, ("retract",)),
    "resolutions/": ("/resolutions/", ()),
    "resolutions/ingest/": ("/resolutions/ingest/", ("ingest",)),
    RESOLUTION_ROUTE + "/$": (
        "/resolutions/A/HRC/RES/56/4/",
        (),
    ),
    RESOLUTION_ROUTE + "/resolution\\.json$": (
        "/resolutions/A/HRC/RES/56/4/resolution.json",
        (),
    ),
    RESOLUTION_ROUTE + "/resolution\\.akn\\.xml$": (
        "/resolutions/A/HRC/RES/56/4/resolution.akn.xml",
        (),
    ),
    RESOLUTION_ROUTE + "/source$": (
        "/resolutions/A/HRC/RES/56/4/source",
        (),
    ),
    RESOLUTION_ROUTE + "/vote-map\\.svg$": (
        "/resolutions/A/HRC/RES/56/4/vote-map.svg",
        (),
    ),
    "declaration/": ("/declaration/", ()),
    "declaration/versions/": ("/declaration/versions/", ()),
    "declaration/versions/new/": ("/declaration/versions/new/", ("import declaration",)),
    "declaration/versions/<int:number>/": ("/declaration/versions/1/", ()),
    "declaration/versions/<int:number>/publish/": (None, ("publish declaration",)),
    "declaration/versions/<int:number>/declaration.akn.xml": (
        "/declaration/versions/1/declaration.akn.xml",
        (),
    ),
    "declaration/versions/<int:number>/<slug:eid>/": (
        "/declaration/versions/1/art_2/",
        ("comment on declaration",),
    ),
    "declaration/versions/<int:number>/<slug:eid>/comments.csv": (
        "/declaration/versions/1/art_2/comments.csv",
        (),
    ),
    "declaration/versions/<int:number>/<slug:eid>/comments.docx": (
        "/declaration/versions/1/art_2/comments.docx",
        (),
    ),
    "declaration/comments/<int:pk>/hide/": (None, ("hide declaration comment",)),
    "declaration/compare/": ("/declaration/compare/?from=1&to=2", ()),
    "calls/": ("/calls/", ()),
    "calls/feed/": ("/calls/feed/", ()),
    "calls/new/": ("/calls/new/", ("open call",)),
    "calls/mine/": ("/calls/mine/", ()),
    "calls/search/": ("/calls/search/?q=poverty", ()),
    "calls/<str:slug>/": ("/calls/solidarity-2026/", ()),
    "calls/<str:slug>/edit/": ("/calls/solidarity-2026/edit/", ("change call",)),
    "calls/<str:slug>/extend/": (None, ("extend call",)),
    "calls/<str:slug>/answer/": ("/calls/solidarity-2026/answer/", ("answer call",)),
    "calls/<str:slug>/review/": ("/calls/solidarity-2026/review/", ()),
    # With nothing published there is nothing to download (tests/calls downloads one).
    "calls/<str:slug>/published.zip": (None, ()),
    "calls/<str:slug>/published.csv": (None, ()),
    # A submission's page, file and review, on each side of each boundary: tests/calls.
    "calls/<str:slug>/submissions/<int:pk>/": (None, ()),
    "calls/<str:slug>/submissions/<int:pk>/review/": (
        None,
        ("mark submission read", "publish submission"),
    ),
    "calls/<str:slug>/submissions/<int:pk>/files/<int:file_id>/": (None, ()),
    "setlang/": (None, ("choose language",)),
    # Links sent by e-mail, whoever holds them may use them; tested by their own stories.
    "accounts/verify/<uidb64>/<token>/": (None, ()),
    "accounts/password/reset/sent/": (None, ()),
    "accounts/password/reset/<uidb64>/<token>/": (None, ()),
}

ROUTES.update(
    {
        "mandate/": ("/mandate/", ()),
        "mandate/tasks/": ("/mandate/tasks/", ()),
        "mandate/reports/": ("/mandate/reports/", ()),
        "mandate/reports/new/": (None, ()),  # its GET is in the matrix above
        "mandate/documents/<path:symbol>/": ("/mandate/documents/A/HRC/56/57/", ()),
        "desk/": ("/desk/", ()),
        # One task, report or file of the mandate, and what is posted to them: tested in
        # tests/mandate for each role on both sides of the boundary.
        "mandate/tasks/<int:pk>/": (None, ()),
        "mandate/tasks/<int:pk>/confirm/": (None, ()),
        "mandate/tasks/<int:pk>/status/": (None, ()),
        "mandate/reports/<int:pk>/": (None, ()),
        "mandate/reports/<int:pk>/draft/": (None, ()),
        "mandate/reports/<int:pk>/draft/file/": (None, ()),
        "mandate/reports/<int:pk>/annexes/": (None, ()),
        "mandate/reports/<int:pk>/annexes.<str:file_format>": (None, ()),
        "mandate/documents/<path:symbol>/files/<int:file_id>/": (None, ()),
    }
)


ROUTES.update(
    {
        "visits/": ("/visits/", ()),
        "visits/new/": ("/visits/new/", ("record visit request",)),
        "visits/desk/": ("/visits/desk/", ()),
        "visits/desk/remind/": (None, ("send reminders due",)),
        "visits/<str:iso3>/": ("/visits/CUB/", ()),
        "visits/<str:iso3>/events/": (None, ("record visit event",)),
        "visits/<str:iso3>/answer/": ("/visits/CUB/answer/", ("answer visit request",)),
        "visits/<str:iso3>/remind/": (None, ("send visit reminder",)),
        "engagements/": ("/engagements/", ()),
        "engagements/new/": ("/engagements/new/", ("record engagement",)),
        "engagements/<int:pk>/": (f"/engagements/{ENGAGEMENT}/", ()),
        "engagements/<int:pk>/edit/": (f"/engagements/{ENGAGEMENT}/edit/", ("change engagement",)),
        "events.ics": ("/events.ics", ()),
    }
)


def _routes_of_the_site() -> set[str]:
    from django.urls import URLPattern, URLResolver, get_resolver

    def walk(patterns, prefix=""):
        for entry in patterns:
            if isinstance(entry, URLResolver):
                namespace = entry.namespace or ""
                if namespace in {"admin", "api"}:
                    continue
                yield from walk(entry.url_patterns, prefix + str(entry.pattern))
            elif isinstance(entry, URLPattern):
                yield prefix + str(entry.pattern)

    routes = {route.removeprefix("i18n/") for route in walk(get_resolver().url_patterns)}
    return {route.removeprefix("en/") for route in routes}


def test_every_named_address_of_the_site_is_in_the_matrix():
    """A new page must get its row above: no address escapes the permission check."""
    assert sorted(_routes_of_the_site() - set(ROUTES)) == []
    for route, (example, actions) in ROUTES.items():
        assert example is None or example in MATRIX, route
        for name in actions:
            assert name in ALL_ACTIONS, (route, name)
            assert name in POST_MATRIX or name in OTHER_MATRIX, (route, name)


def test_every_action_is_in_the_matrix():
    """A new decision on the review page, or a new action, must get its row too."""
    from solidarity.practices.forms import DecisionForm

    decisions = {value for value, _ in DecisionForm.base_fields["decision"].choices}
    assert decisions == {"comment", "changes", "publish", "reject"}
    named = [name for _, actions in ROUTES.values() for name in actions]
    assert sorted(named) == sorted(ALL_ACTIONS)


@pytest.mark.django_db
def test_an_address_without_an_action_changes_nothing_when_posted_to(
    personas,
    practices,
    resolution_56_4,
    organization_x,
    call_with_cubas_draft,
    visit_to_cuba,
    django_capture_on_commit_callbacks,
):
    """What the matrix lists as read-only stays so for the person allowed the most."""
    client = client_for(User.objects.get(email="secretariat@example.org"), enforce_csrf_checks=True)
    token, _ = _token(client, "/")
    read_only = [
        example for example, actions in ROUTES.values() if example is not None and not actions
    ]
    read_only += [path for path in MATRIX if path.startswith("/api/")]
    for example in read_only:
        path = _fill(example, practices)
        before = world_state()
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(path, {"csrfmiddlewaretoken": token, "decision": "publish"})
        assert world_state() == before, path
        assert response.status_code in (OK, 405, GONE), (path, response.status_code)


API_EXAMPLES = {
    "/api/v1/countries": "/api/v1/countries",
    "/api/v1/countries/resolve": "/api/v1/countries/resolve?name=Viet%20Nam",
    "/api/v1/countries/{iso3}": "/api/v1/countries/NLD",
    "/api/v1/countries/{iso3}/votes": "/api/v1/countries/NLD/votes",
    "/api/v1/countries/{iso3}/record": "/api/v1/countries/NLD/record",
    "/api/v1/organizations": "/api/v1/organizations",
    "/api/v1/organizations/{slug}": "/api/v1/organizations/organization-x",
    "/api/v1/resolutions": "/api/v1/resolutions",
    "/api/v1/resolutions/{symbol}": "/api/v1/resolutions/A/HRC/RES/56/4",
    "/api/v1/resolutions/{symbol}/akn": "/api/v1/resolutions/A/HRC/RES/56/4/akn",
    "/api/v1/practices": "/api/v1/practices",
    "/api/v1/practices/{pk}": "/api/v1/practices/{published}",
    "/api/v1/practices/{pk}/versions": "/api/v1/practices/{published}/versions",
    "/api/v1/practices/{pk}/versions/{number}": "/api/v1/practices/{published}/versions/1",
    "/api/v1/declaration/versions": "/api/v1/declaration/versions",
    "/api/v1/declaration/versions/{number}": "/api/v1/declaration/versions/1",
    "/api/v1/calls": "/api/v1/calls",
    "/api/v1/calls/{slug}": "/api/v1/calls/solidarity-2026",
    "/api/v1/calls/{slug}/submissions": "/api/v1/calls/solidarity-2026/submissions",
}
API_EXAMPLES.update(
    {"/api/v1/mandate": "/api/v1/mandate", "/api/v1/mandate/tasks": "/api/v1/mandate/tasks"}
)


API_EXAMPLES.update(
    {
        "/api/v1/visits": "/api/v1/visits",
        "/api/v1/visits/{iso3}": "/api/v1/visits/CUB",
        "/api/v1/engagements": "/api/v1/engagements",
        "/api/v1/engagements/{pk}": f"/api/v1/engagements/{ENGAGEMENT}",
    }
)


ROUTES.update(
    {
        "indicators/oda/": ("/indicators/oda/", ()),
        "indicators/oda/<str:donor>/": ("/indicators/oda/NOR/", ()),
        "indicators/contributions/": ("/indicators/contributions/", ()),
    }
)
API_EXAMPLES.update(
    {
        "/api/v1/indicators/oda": "/api/v1/indicators/oda?year=2023",
        "/api/v1/indicators/oda/donors/{donor}": "/api/v1/indicators/oda/donors/NOR",
        "/api/v1/indicators/contributions": "/api/v1/indicators/contributions",
    }
)


def test_every_api_endpoint_is_in_the_matrix():
    """The API reads only: an operation that writes must bring its row here."""
    from solidarity.api.urls import api

    paths = api.get_openapi_schema()["paths"]
    assert set(paths) == set(API_EXAMPLES)
    for path, operations in paths.items():
        assert set(operations) <= {"get", "parameters"}, path
    for example in API_EXAMPLES.values():
        assert example in MATRIX, example


ROUTES.update(
    {
        "votes/": ("/votes/", ()),
        "votes/states/<str:iso3>/by-year.svg": ("/votes/states/CUB/by-year.svg", ()),
        "votes/states/<str:iso3>/by-year.csv": ("/votes/states/CUB/by-year.csv", ()),
        "votes/ideal-points.svg": ("/votes/ideal-points.svg?from=2024", ()),
        "votes/agreement-map.svg": ("/votes/agreement-map.svg?a=CUB", ()),
    }
)
API_EXAMPLES.update(
    {
        "/api/v1/votes/agreement": "/api/v1/votes/agreement?a=CUB&b=FRA",
        "/api/v1/votes/matrix": "/api/v1/votes/matrix?states=CUB,FRA",
        "/api/v1/votes/partners/{iso3}": "/api/v1/votes/partners/CUB",
        "/api/v1/votes/cohesion": "/api/v1/votes/cohesion",
        "/api/v1/votes/composition/{iso3}": "/api/v1/votes/composition/CUB",
        "/api/v1/votes/outvoted": "/api/v1/votes/outvoted",
        "/api/v1/votes/ideal-points": "/api/v1/votes/ideal-points",
    }
)
