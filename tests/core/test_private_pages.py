"""What a signed-in person is shown stays out of browser and shared caches (ASVS 8.2.1)."""

from __future__ import annotations

import pytest
from django.utils.cache import get_max_age

from tests.test_permission_matrix import MATRIX, _fill, practices  # noqa: F401 (fixture)

SIGNED_IN = ["public", "contributor", "reviewer", "secretariat"]
PUBLIC_PAGES = [
    "/",
    "/practices/",
    "/practices/{published}/",
    "/countries/CUB/",
    "/resolutions/A/HRC/RES/56/4/",
    "/api/v1/practices",
    "/practices/?format=csv",
]


def _kept_by_caches(response) -> bool:
    directives = {d.strip().split("=")[0] for d in response.get("Cache-Control", "").split(",")}
    return not {"no-store", "private"} <= directives


@pytest.mark.django_db
def test_no_page_shown_to_a_signed_in_person_may_be_kept_by_a_cache(
    personas,
    practices,  # noqa: F811 (the matrix's fixture, imported above)
    resolution_56_4,
    organization_x,
):
    """Drafts, workspaces, the review queue, the account, the audit trail, pending
    accounts and the administration, and every other page the matrix lists."""
    kept = []
    for role in SIGNED_IN:
        for path in MATRIX:
            response = personas[role].get(_fill(path, practices))
            if _kept_by_caches(response) or get_max_age(response) not in (None, 0):
                kept.append((role, path, response.status_code, response.get("Cache-Control")))
    assert kept == []


@pytest.mark.django_db
def test_public_pages_stay_cacheable_for_visitors(
    client,
    practices,  # noqa: F811 (the matrix's fixture, imported above)
    resolution_56_4,
    organization_x,
):
    for path in PUBLIC_PAGES:
        response = client.get(_fill(path, practices))
        assert response.status_code == 200, path
        assert "no-store" not in response.get("Cache-Control", ""), path
