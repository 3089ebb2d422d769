"""Who may do what with good practices."""

from solidarity.accounts.permissions import acts_for_organization
from solidarity.core.permissions import has_role, is_secretariat
from solidarity.core.roles import Role
from solidarity.practices.models import PracticeStatus


def can_submit_practices(user, obj=None) -> bool:
    """The secretariat, reviewers, State focal points, and confirmed contributors."""
    if has_role(user, Role.SECRETARIAT, Role.REVIEWER):
        return True
    if has_role(user, Role.FOCAL_POINT):
        return user.country_id is not None
    return acts_for_organization(user)


def can_edit_practice(user, practice) -> bool:
    """The submitter, while the practice is theirs to change (not in review, not closed)."""
    editable = {PracticeStatus.DRAFT, PracticeStatus.CHANGES_REQUESTED, PracticeStatus.PUBLISHED}
    if practice.status not in editable or practice.retracted_at is not None:
        return False
    return practice.submitted_by_id == user.pk and can_submit_practices(user)


def can_review_practices(user, obj=None) -> bool:
    return has_role(user, Role.REVIEWER, Role.SECRETARIAT)


def can_see_workspace(user, practice) -> bool:
    """The working copy and its review thread: the submitter and the reviewers."""
    if not getattr(user, "is_authenticated", False):
        return False
    return practice.submitted_by_id == user.pk or can_review_practices(user)


def can_decide_on_practice(user, practice) -> bool:
    """Publish, reject or request changes: a reviewer who did not submit it."""
    return (
        can_review_practices(user)
        and practice.submitted_by_id != user.pk
        and practice.status == PracticeStatus.SUBMITTED
    )


def can_retract_practice(user, practice) -> bool:
    return can_review_practices(user) and practice.is_public


def can_manage_themes(user, obj=None) -> bool:
    return is_secretariat(user)


def can_import_practices(user, obj=None) -> bool:
    """Loading already reviewed practices in bulk (from the command line)."""
    return is_secretariat(user)
