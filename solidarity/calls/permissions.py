"""Who may do what with calls for input and their submissions."""

from __future__ import annotations

from solidarity.accounts.permissions import acts_for_organization
from solidarity.core.permissions import has_role, is_secretariat
from solidarity.core.roles import Role


def can_manage_calls(user, obj=None) -> bool:
    """Open, change and extend calls: the secretariat."""
    return is_secretariat(user)


def can_review_submissions(user, obj=None) -> bool:
    """Every submission of every call, read, tagged, published: reviewers and the secretariat."""
    return has_role(user, Role.SECRETARIAT, Role.REVIEWER)


def party_of(user) -> tuple[str, str] | None:
    """(party, stakeholder type) a person answers a call as, or None if they cannot.

    A State focal point speaks for their State, a confirmed contributor for their
    organization, and a signed-up member of the public for themselves.
    """
    if has_role(user, Role.FOCAL_POINT) and user.country_id is not None:
        return f"state:{user.country.iso3}", "state"
    if acts_for_organization(user):
        return f"organization:{user.organization_id}", user.organization.type
    if has_role(user, Role.PUBLIC) and getattr(user, "is_authenticated", False):
        return f"person:{user.pk}", "individual"
    return None


def can_answer_call(user, call) -> bool:
    """Someone invited by the call, as their party's stakeholder type (dates aside)."""
    party = party_of(user)
    return party is not None and party[1] in call.invited


def speaks_for(user, submission) -> bool:
    """The submission is their State's, their organization's, or their own."""
    party = party_of(user)
    return party is not None and party[0] == submission.party


def can_see_submission(user, submission) -> bool:
    """Published ones: everyone. The others: their party, reviewers and the secretariat."""
    return submission.is_published or can_review_submissions(user) or speaks_for(user, submission)


def can_edit_submission(user, submission) -> bool:
    """A draft of one's party, while the call is open."""
    return submission.status == "draft" and speaks_for(user, submission) and submission.call.is_open


def can_publish_submission(user, submission) -> bool:
    return (
        can_review_submissions(user)
        and submission.status == "submitted"
        and submission.consent in ("publish", "anonymous")
        and submission.call.publication_policy == "with_consent"
    )
