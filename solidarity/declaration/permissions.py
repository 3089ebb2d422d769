"""Who may do what with the draft declaration."""

from solidarity.accounts.permissions import acts_for_organization
from solidarity.core.permissions import has_role, is_secretariat
from solidarity.core.roles import Role


def can_manage_declaration(user, obj=None) -> bool:
    """Import versions, publish them, open and close their consultation."""
    return is_secretariat(user)


def can_see_declaration_version(user, version) -> bool:
    """A published version is public; an imported one not yet published is the secretariat's."""
    return version.published_at is not None or can_manage_declaration(user)


def speaks_in_consultation(user, obj=None) -> bool:
    """Those consulted: a State's focal point for their State, a confirmed contributor for
    their organization, a member of the public for themselves. The secretariat and the
    reviewers moderate instead."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if has_role(user, Role.FOCAL_POINT):
        return user.country_id is not None
    if has_role(user, Role.CONTRIBUTOR):
        return acts_for_organization(user)
    return has_role(user, Role.PUBLIC)


def can_comment_on_version(user, version) -> bool:
    """While the version's consultation is open."""
    return (
        speaks_in_consultation(user)
        and version is not None
        and version.published_at is not None
        and version.comments_open
    )


def can_moderate_declaration_comments(user, obj=None) -> bool:
    return has_role(user, Role.SECRETARIAT, Role.REVIEWER)
