"""What each role may open, on every page and API endpoint that exists.

One row per address; one column per persona. A change of rule shows up here
as one cell, so the whole matrix is read at a glance.
"""

import pytest

OK, REDIRECT, FORBIDDEN, NOT_FOUND = 200, 302, 403, 404
ROLES = ["anonymous", "public", "contributor", "focal_point", "reviewer", "secretariat"]


def _row(anonymous, public, contributor, focal_point, reviewer, secretariat):
    return dict(
        zip(
            ROLES, [anonymous, public, contributor, focal_point, reviewer, secretariat], strict=True
        )
    )


EVERYONE = _row(OK, OK, OK, OK, OK, OK)

MATRIX = {
    "/": EVERYONE,
    "/ar/": EVERYONE,
    "/fr/countries/": EVERYONE,
    "/countries/": EVERYONE,
    "/countries/CUB/": EVERYONE,
    "/countries/PSE/": EVERYONE,
    "/organizations/": EVERYONE,
    "/organizations/organization-x/": EVERYONE,
    "/accounts/login/": _row(OK, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT),
    "/accounts/sign-up/": _row(OK, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT),
    "/accounts/password/reset/": EVERYONE,
    "/accounts/me/": _row(REDIRECT, OK, OK, OK, OK, OK),
    "/audit/": _row(FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK),
    "/accounts/pending/": _row(FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK),
    "/admin/": _row(REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT, OK),
    "/admin/accounts/user/": _row(REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT, OK),
    "/admin/core/auditentry/": _row(REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT, OK),
    "/resolutions/": EVERYONE,
    "/resolutions/?q=solidarity": EVERYONE,
    "/resolutions/A/HRC/RES/56/4/": EVERYONE,
    "/resolutions/A/HRC/RES/56/4/resolution.json": EVERYONE,
    "/resolutions/A/HRC/RES/56/4/resolution.akn.xml": EVERYONE,
    "/resolutions/A/HRC/RES/56/4/vote-map.svg": EVERYONE,
    "/resolutions/A/HRC/RES/56/4/source": EVERYONE,
    "/resolutions/ingest/": _row(FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK),
    "/practices/": EVERYONE,
    "/practices/?q=seed&theme=food_insecurity&sort=newest": EVERYONE,
    "/practices/?format=csv": EVERYONE,
    "/practices/?format=json": EVERYONE,
    "/practices/feed/": EVERYONE,
    "/practices/{published}/": EVERYONE,
    "/practices/{published}/history/": EVERYONE,
    "/practices/{published}/history/1/": EVERYONE,
    "/practices/{published}/files/{published_file}/": EVERYONE,
    "/practices/{draft}/": _row(*[NOT_FOUND] * 6),
    "/practices/{draft}/files/{draft_file}/": _row(NOT_FOUND, NOT_FOUND, OK, NOT_FOUND, OK, OK),
    "/practices/{draft}/workspace/": _row(REDIRECT, FORBIDDEN, OK, FORBIDDEN, OK, OK),
    "/practices/{draft}/edit/": _row(REDIRECT, FORBIDDEN, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN),
    "/practices/new/": _row(REDIRECT, FORBIDDEN, OK, OK, OK, OK),
    "/practices/mine/": _row(REDIRECT, OK, OK, OK, OK, OK),
    "/practices/review/": _row(REDIRECT, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK, OK),
    "/health/": EVERYONE,
    "/api/v1/countries": EVERYONE,
    "/api/v1/countries/NLD": EVERYONE,
    "/api/v1/countries/resolve?name=Viet%20Nam": EVERYONE,
    "/api/v1/organizations": EVERYONE,
    "/api/v1/organizations/organization-x": EVERYONE,
    "/api/v1/resolutions": EVERYONE,
    "/api/v1/countries/NLD/votes": EVERYONE,
    "/api/v1/resolutions/A/HRC/RES/56/4": EVERYONE,
    "/api/v1/resolutions/A/HRC/RES/56/4/akn": EVERYONE,
    "/api/v1/practices": EVERYONE,
    "/api/v1/practices?q=seed&country=KEN&theme=food_insecurity": EVERYONE,
    "/api/v1/practices/{published}": EVERYONE,
    "/api/v1/practices/{published}/versions": EVERYONE,
    "/api/v1/practices/{published}/versions/1": EVERYONE,
    "/api/v1/practices/{draft}": _row(*[NOT_FOUND] * 6),
    "/api/v1/openapi.json": EVERYONE,
    "/api/v1/docs": EVERYONE,
}


@pytest.mark.django_db
@pytest.mark.parametrize("path", list(MATRIX))
def test_each_role_sees_exactly_what_it_should(
    path, personas, organization_x, resolution_56_4, published_practice, draft_practice
):
    expected = MATRIX[path]
    path = (
        path.replace("{published}", str(published_practice.pk))
        .replace("{published_file}", str(published_practice.attachments.get().pk))
        .replace("{draft}", str(draft_practice.pk))
        .replace("{draft_file}", str(draft_practice.attachments.get().pk))
    )
    got = {role: personas[role].get(path).status_code for role in ROLES}
    assert got == expected


@pytest.mark.django_db
def test_every_named_address_of_the_site_is_in_the_matrix(personas):
    """A new page must get its row above: no address escapes the permission check."""
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

    routes = set(walk(get_resolver().url_patterns))
    covered_or_exempt = {
        "": "/",
        "audit/": "/audit/",
        "countries/": "/countries/",
        "countries/<str:iso3>/": "/countries/CUB/",
        "organizations/": "/organizations/",
        "organizations/<slug:slug>/": "/organizations/organization-x/",
        "accounts/login/": "/accounts/login/",
        "accounts/sign-up/": "/accounts/sign-up/",
        "accounts/me/": "/accounts/me/",
        "accounts/pending/": "/accounts/pending/",
        "accounts/pending/<int:pk>/": None,  # a POST, tested with the confirmation story
        "accounts/password/reset/": "/accounts/password/reset/",
        "health/": "/health/",
        "practices/": "/practices/",
        "practices/feed/": "/practices/feed/",
        "practices/new/": "/practices/new/",
        "practices/mine/": "/practices/mine/",
        "practices/review/": "/practices/review/",
        "practices/<int:pk>/": "/practices/{published}/",
        "practices/<int:pk>/history/": "/practices/{published}/history/",
        "practices/<int:pk>/history/<int:number>/": "/practices/{published}/history/1/",
        "practices/<int:pk>/files/<int:file_id>/": "/practices/{published}/files/{published_file}/",
        "practices/<int:pk>/edit/": "/practices/{draft}/edit/",
        "practices/<int:pk>/workspace/": "/practices/{draft}/workspace/",
        "practices/<int:pk>/retract/": None,  # a POST, tested with the retraction story
        "resolutions/": "/resolutions/",
        "resolutions/ingest/": "/resolutions/ingest/",
        "^resolutions/(?P<symbol>A/(?:HRC/)?RES/[0-9]+/[0-9]+)/$": "/resolutions/A/HRC/RES/56/4/",
        "^resolutions/(?P<symbol>A/(?:HRC/)?RES/[0-9]+/[0-9]+)/resolution\\.json$": (
            "/resolutions/A/HRC/RES/56/4/resolution.json"
        ),
        "^resolutions/(?P<symbol>A/(?:HRC/)?RES/[0-9]+/[0-9]+)/resolution\\.akn\\.xml$": (
            "/resolutions/A/HRC/RES/56/4/resolution.akn.xml"
        ),
        "^resolutions/(?P<symbol>A/(?:HRC/)?RES/[0-9]+/[0-9]+)/source$": (
            "/resolutions/A/HRC/RES/56/4/source"
        ),
        "^resolutions/(?P<symbol>A/(?:HRC/)?RES/[0-9]+/[0-9]+)/vote-map\\.svg$": (
            "/resolutions/A/HRC/RES/56/4/vote-map.svg"
        ),
        # Token links and actions, tested by their own stories:
        "accounts/logout/": None,
        "accounts/verify/<uidb64>/<token>/": None,
        "accounts/password/reset/sent/": None,
        "accounts/password/reset/<uidb64>/<token>/": None,
        "setlang/": None,
    }
    routes = {route.removeprefix("i18n/") for route in routes}
    routes = {route.removeprefix("en/") for route in routes}
    missing = sorted(r for r in routes if r not in covered_or_exempt)
    assert missing == []
    for route, path in covered_or_exempt.items():
        if path is not None:
            assert path in MATRIX, route


API_EXAMPLES = {
    "/api/v1/countries": "/api/v1/countries",
    "/api/v1/countries/resolve": "/api/v1/countries/resolve?name=Viet%20Nam",
    "/api/v1/countries/{iso3}": "/api/v1/countries/NLD",
    "/api/v1/countries/{iso3}/votes": "/api/v1/countries/NLD/votes",
    "/api/v1/organizations": "/api/v1/organizations",
    "/api/v1/organizations/{slug}": "/api/v1/organizations/organization-x",
    "/api/v1/resolutions": "/api/v1/resolutions",
    "/api/v1/resolutions/{symbol}": "/api/v1/resolutions/A/HRC/RES/56/4",
    "/api/v1/resolutions/{symbol}/akn": "/api/v1/resolutions/A/HRC/RES/56/4/akn",
    "/api/v1/practices": "/api/v1/practices",
    "/api/v1/practices/{pk}": "/api/v1/practices/{published}",
    "/api/v1/practices/{pk}/versions": "/api/v1/practices/{published}/versions",
    "/api/v1/practices/{pk}/versions/{number}": "/api/v1/practices/{published}/versions/1",
}


def test_every_api_endpoint_is_in_the_matrix():
    from solidarity.api.urls import api

    paths = set(api.get_openapi_schema()["paths"])
    assert paths == set(API_EXAMPLES)
    for example in API_EXAMPLES.values():
        assert example in MATRIX, example


@pytest.mark.django_db
def test_only_the_secretariat_can_post_a_resolution_file(personas):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from solidarity.resolutions.models import Resolution
    from tests.conftest import SEED

    for role in ROLES:
        upload = SimpleUploadedFile("56-4.md", SEED.read_bytes(), "text/markdown")
        status = personas[role].post("/resolutions/ingest/", {"file": upload}).status_code
        assert status == (302 if role == "secretariat" else 403), role
        assert Resolution.objects.exists() == (role == "secretariat")
