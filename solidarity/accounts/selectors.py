from solidarity.accounts.models import Organization


def organizations_public():
    """Verified organizations, with their countries, for public pages."""
    return Organization.objects.filter(verified=True).prefetch_related("countries")


def organization_get_public(slug: str) -> Organization:
    return organizations_public().get(slug=slug)
