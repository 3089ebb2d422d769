"""Permission policies.

Each app declares its rules as named policies in its ``permissions.py``: small
functions ``(user, obj=None) -> bool``. Services call :func:`require` before a
change of state; templates and views call :func:`allowed` to decide what to
show. One rule, one place, every interface.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied

from solidarity.core.roles import Role

Policy = Callable[[Any, Any], bool]


def role_of(user) -> Role:
    """The role of a user; anonymous visitors are the public."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return Role.PUBLIC
    return Role(user.role)


def has_role(user, *roles: Role) -> bool:
    return role_of(user) in roles


def is_secretariat(user, obj=None) -> bool:
    return has_role(user, Role.SECRETARIAT)


def allowed(policy: Policy, user, obj=None) -> bool:
    return bool(policy(user, obj))


def require(policy: Policy, user, obj=None) -> None:
    """Raise PermissionDenied, naming the policy, unless ``user`` passes it."""
    if not policy(user, obj):
        name = getattr(policy, "__name__", "this action").replace("_", " ")
        raise PermissionDenied(f"Not allowed: {name}.")


def can_read_audit_trail(user, obj=None) -> bool:
    return is_secretariat(user)


def can_administer(user, obj=None) -> bool:
    """The Django administration screens."""
    return is_secretariat(user)
