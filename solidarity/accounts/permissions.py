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


def can_change_password(user, obj=None) -> bool:
    """One's own password (the current one given), or anyone's for the administration."""
    own = obj is not None and getattr(user, "is_authenticated", False) and user.pk == obj.pk
    return bool(own and user.is_active) or can_manage_users(user)
