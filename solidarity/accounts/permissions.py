"""Who may manage people and organizations."""

from solidarity.core.permissions import can_administer, is_secretariat


def can_manage_users(user, obj=None) -> bool:
    """People and their roles are part of the platform's administration."""
    return can_administer(user)


def can_manage_organizations(user, obj=None) -> bool:
    return is_secretariat(user)


def acts_for_organization(user, obj=None) -> bool:
    """A contributor whose membership of the organization the secretariat confirmed."""
    from solidarity.core.permissions import has_role
    from solidarity.core.roles import Role

    return has_role(user, Role.CONTRIBUTOR) and user.organization_confirmed_at is not None
