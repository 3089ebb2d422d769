"""Changes of state for people and organizations.

Each function is one transaction, checks its permission and writes an audit
entry. ``actor=None`` means the platform itself acting on an operator's
command line (``solidarity createuser``, ``solidarity demo``), whose access to
the server is the authority.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from solidarity.accounts import permissions
from solidarity.accounts.models import Organization, OrganizationType, User
from solidarity.accounts.tokens import email_verification_token
from solidarity.core import audit, mail, ratelimit
from solidarity.core.permissions import require
from solidarity.core.roles import Role
from solidarity.core.text import clean_text, lookalike_keys, normalize_name
from solidarity.countries.models import Country

_USER_FIELDS = (
    "email",
    "full_name",
    "role",
    "country",
    "organization",
    "organization_confirmed_at",
    "is_active",
    "is_staff",
)


def _authorize(policy, actor) -> None:
    if actor is not None:
        require(policy, actor)


def bind_role(user: User, role: Role, country: Country | None, organization) -> None:
    if role not in Role.values:
        raise ValidationError({"role": _("Choose a role from the list.")})
    role = Role(role)
    if role == Role.FOCAL_POINT and country is None:
        raise ValidationError({"country": _("A State focal point must be bound to a country.")})
    if role == Role.CONTRIBUTOR and organization is None:
        raise ValidationError(
            {"organization": _("A contributor must be bound to an organization.")}
        )
    user.role = role
    user.country = country if role == Role.FOCAL_POINT else None
    user.organization = organization if role == Role.CONTRIBUTOR else None
    # The secretariat runs the platform, including its administration screens.
    user.is_staff = user.is_superuser = role == Role.SECRETARIAT


@transaction.atomic
def user_create(
    *,
    actor: User | None,
    email: str,
    full_name: str,
    role: Role,
    password: str | None,
    country: Country | None = None,
    organization: Organization | None = None,
    language: str = "",
) -> User:
    """Create an active account with a role (secretariat or operator only).

    The person is written to in ``language``, by default the one being used now.
    """
    _authorize(permissions.can_manage_users, actor)
    email = _checked_email(email)
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError({"email": _("An account with this e-mail address already exists.")})
    full_name = _checked_full_name(full_name)
    language = _checked_language(language or mail.active_language())
    now = timezone.now()
    user = User(
        email=email,
        full_name=clean_text(full_name),
        email_verified_at=now,
        organization_confirmed_at=now,
        language=language,
    )
    bind_role(user, role, country, organization)
    if password:
        validate_password(password, user)
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.save()
    audit.record(
        actor=actor, action="user.create", target=user, after=audit.snapshot(user, _USER_FIELDS)
    )
    return user


@transaction.atomic
def user_set_role(
    *,
    actor: User | None,
    user: User,
    role: Role,
    country: Country | None = None,
    organization: Organization | None = None,
) -> User:
    """Give a person a role, with the country or organization it is bound to."""
    _authorize(permissions.can_manage_users, actor)
    user = User.objects.select_for_update().get(pk=user.pk)
    before = audit.snapshot(user, _USER_FIELDS)
    bind_role(user, role, country, organization)
    user.save()
    audit.record(
        actor=actor,
        action="user.set_role",
        target=user,
        before=before,
        after=audit.snapshot(user, _USER_FIELDS),
    )
    return user


@transaction.atomic
def user_update(
    *,
    actor: User | None,
    user: User,
    full_name: str | None = None,
    language: str | None = None,
    is_active: bool | None = None,
) -> User:
    """Change a person's name, the language they are written to in, or whether
    they may sign in (a role changes through ``user_set_role``)."""
    _authorize(permissions.can_manage_users, actor)
    user = User.objects.select_for_update().get(pk=user.pk)
    fields = (*_USER_FIELDS, "language")
    before = audit.snapshot(user, fields)
    if full_name is not None:
        user.full_name = _checked_full_name(full_name)
    if language is not None:
        user.language = _checked_language(language)
    if is_active is not None:
        if actor is not None and actor.pk == user.pk and not is_active:
            raise ValidationError({"is_active": _("You cannot close your own account.")})
        user.is_active = bool(is_active)
    user.save(update_fields=["full_name", "language", "is_active"])
    audit.record(
        actor=actor,
        action="user.update",
        target=user,
        before=before,
        after=audit.snapshot(user, fields),
    )
    return user


def _checked_email(email: str) -> str:
    email = User.objects.normalize_email(str(email or "").strip()).lower()
    try:
        validate_email(email)
    except ValidationError:
        raise ValidationError({"email": _("Enter a valid e-mail address.")}) from None
    return email


def _checked_full_name(full_name: str) -> str:
    full_name = " ".join(clean_text(str(full_name or "")).split())
    if not full_name:
        raise ValidationError({"full_name": _("Give the person's full name.")})
    if len(full_name) > User._meta.get_field("full_name").max_length:
        raise ValidationError({"full_name": _("The name is too long.")})
    return full_name


def _checked_language(language: str) -> str:
    if language not in {code for code, _name in settings.LANGUAGES}:
        raise ValidationError({"language": _("Choose a language of the platform.")})
    return language


# The names of organizations are unique once normalized and mapped to their
# lookalikes, which no database constraint can say: two transactions could each
# find no lookalike and both store theirs. So the check and the write of a name
# take turns, from the check to the commit: on PostgreSQL by a transaction-level
# advisory lock (this class, key 0); SQLite's transactions already take turns
# (BEGIN IMMEDIATE, see settings.DATABASES).
ORGANIZATION_NAMES_LOCK_CLASS = 5605


def _take_turn_with_names() -> None:
    """Wait for others checking or writing organization names; ends with the transaction."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s, 0)", [ORGANIZATION_NAMES_LOCK_CLASS])


@transaction.atomic
def organization_create(
    *,
    actor: User | None,
    name: str,
    type: OrganizationType,
    countries: Iterable[Country] = (),
    website: str = "",
    verified: bool = True,
) -> Organization:
    _authorize(permissions.can_manage_organizations, actor)
    name = normalize_name(name)
    _take_turn_with_names()
    existing = organization_looking_like(name)
    if existing is not None:
        raise ValidationError(
            {
                "name": _(
                    "%(name)s is already registered, under this name or one that looks the "
                    "same: choose it rather than a new one."
                )
                % {"name": existing.name}
            }
        )
    organization = Organization(
        name=name,
        slug=_unique_slug(name),
        type=type,
        website=website,
        verified=verified,
    )
    organization.full_clean()
    organization.save()
    organization.countries.set(list(countries))
    after = audit.snapshot(organization)
    after["countries"] = sorted(c.iso3 for c in countries)
    audit.record(actor=actor, action="organization.create", target=organization, after=after)
    return organization


def organization_looking_like(
    name: str, *, other_than: Organization | None = None
) -> Organization | None:
    """The organization whose name people could take for ``name``: the same once
    normalized, whatever the case, invisible characters or lookalike letters of
    another script (Unicode TR39 confusables). Organizations are few (hundreds):
    their names are compared in Python. ``other_than`` (one being renamed) is
    left out: a new name may look like its own and like another's too."""
    keys = lookalike_keys(name)
    others = Organization.objects.order_by("pk")
    if other_than is not None:
        others = others.exclude(pk=other_than.pk)
    for organization in others.iterator():
        if any(a == b for a, b in zip(keys, lookalike_keys(organization.name), strict=True)):
            return organization
    return None


@transaction.atomic
def organization_update(
    *,
    actor: User | None,
    organization: Organization,
    name: str,
    type: OrganizationType,
    countries: Iterable[Country] = (),
    website: str = "",
    verified: bool = True,
) -> Organization:
    """Change an organization's record; its address (slug) stays."""
    _authorize(permissions.can_manage_organizations, actor)
    # The turn before the row: a sign-up joining this organization holds the turn
    # and then needs the row (its user's foreign key), so this order cannot deadlock.
    _take_turn_with_names()
    organization = Organization.objects.select_for_update().get(pk=organization.pk)
    countries = list(countries)
    before = audit.snapshot(organization)
    before["countries"] = sorted(organization.countries.values_list("iso3", flat=True))
    name = normalize_name(name)
    existing = None
    if name != organization.name:  # a record kept as it is named stays editable
        existing = organization_looking_like(name, other_than=organization)
    if existing is not None:
        raise ValidationError(
            {
                "name": _(
                    "%(name)s is already registered, under this name or one that looks the "
                    "same: choose it rather than a new one."
                )
                % {"name": existing.name}
            }
        )
    organization.name, organization.type = name, type
    organization.website, organization.verified = website, bool(verified)
    organization.full_clean()
    organization.save()
    organization.countries.set(countries)
    after = audit.snapshot(organization)
    after["countries"] = sorted(c.iso3 for c in countries)
    audit.record(
        actor=actor,
        action="organization.update",
        target=organization,
        before=before,
        after=after,
    )
    return organization


def _unique_slug(name: str) -> str:
    base = Organization.slug_for(name)
    slug, n = base, 2
    while Organization.objects.filter(slug=slug).exists():
        slug = f"{base[:75]}-{n}"
        n += 1
    return slug


@transaction.atomic
def contributor_sign_up(
    *,
    email: str,
    full_name: str,
    password: str,
    organization: Organization | None = None,
    new_organization_name: str = "",
    new_organization_type: OrganizationType | str = "",
    new_organization_country: Country | None = None,
) -> User | None:
    """Register a contributor, inactive until the e-mail address is verified.

    Either an existing organization or a new one (proposed, unverified) is given.
    The verification e-mail leaves only once the account is stored.

    An address that already has an account is answered exactly as a new one
    (the same checks, the same password hashing, the same page), so sign-up
    never tells who has an account; the owner is told by e-mail instead, and
    None is returned.
    """
    email = User.objects.normalize_email(email).lower()
    existing = User.objects.filter(email__iexact=email).first()
    if organization is not None and (
        not organization.verified or organization.type == OrganizationType.STATE
    ):
        # Only verified, non-State organizations are offered in the form.
        raise ValidationError({"organization": _("Choose an organization from the list.")})
    if organization is None:
        organization = _proposed_organization(
            new_organization_name,
            new_organization_type,
            new_organization_country,
            create=existing is None,
        )
    if existing is not None:
        validate_password(password, User(email=email, full_name=clean_text(full_name)))
        make_password(password)  # the time a new account's hashing takes
        _tell_owner_of_sign_up_attempt(existing)
        return None
    # The person is written to in the language they signed up in.
    user = User(
        email=email,
        full_name=clean_text(full_name),
        is_active=False,
        language=mail.active_language(),
    )
    bind_role(user, Role.CONTRIBUTOR, None, organization)
    validate_password(password, user)
    user.set_password(password)
    user.save()
    audit.record(
        actor=None,
        action="user.sign_up",
        target=user,
        after=audit.snapshot(user, _USER_FIELDS),
    )
    link = settings.SITE_URL + reverse(
        "accounts:verify",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": email_verification_token.make_token(user),
        },
    )
    mail.send(to=user, template="accounts/email/verify", context={"user": user, "link": link})
    return user


def _proposed_organization(name: str, type_, country, *, create: bool = True) -> Organization:
    """The organization a person names at sign-up: new and unverified, or one already
    proposed the same way. A verified or State organization is never joined by name.
    With ``create=False`` the name is checked but nothing new is stored."""
    name = normalize_name(name)
    if not name or not type_:
        raise ValidationError(
            {"organization": _("Choose your organization, or name a new one and its type.")}
        )
    if type_ == OrganizationType.STATE:
        raise ValidationError(
            {"organization": _("State focal points receive their account from the secretariat.")}
        )
    _take_turn_with_names()  # a lookalike proposed at the same moment is joined, not doubled
    existing = organization_looking_like(name)
    if existing is None:
        if not create:
            return None  # type: ignore[return-value]
        return organization_create(
            actor=None,
            name=name,
            type=type_,
            countries=[country] if country else [],
            verified=False,
        )
    if existing.verified or existing.type == OrganizationType.STATE:
        raise ValidationError(
            {
                "organization": _("%(name)s is in the list: choose it there.")
                % {"name": existing.name}
            }
        )
    return existing


# At most this many notices an hour to one address, however often it is typed in.
SIGN_UP_NOTICES = ratelimit.Rate(3, 3600)


def _tell_owner_of_sign_up_attempt(user: User) -> None:
    """Tell an account's owner that someone signed up with their address: a link to
    reset the password, or, if the address was never confirmed, a new confirmation link."""
    if not ratelimit.hit("sign-up-notice", user.email, SIGN_UP_NOTICES).allowed:
        return
    audit.record(actor=None, action="user.sign_up_again", target=user)
    # The links lead to pages in the owner's language, not the one the attempt was made in.
    with translation.override(mail.language_of(user)):
        context = _sign_up_again_links(user)
    mail.send(to=user, template="accounts/email/sign_up_again", context=context)


def _sign_up_again_links(user: User) -> dict:
    if user.email_verified_at is None:
        link = settings.SITE_URL + reverse(
            "accounts:verify",
            kwargs={
                "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                "token": email_verification_token.make_token(user),
            },
        )
        return {"user": user, "verify_link": link, "reset_link": ""}
    link = settings.SITE_URL + reverse("accounts:password_reset")
    return {"user": user, "verify_link": "", "reset_link": link}


@transaction.atomic
def contributor_verify_email(*, user: User, token: str) -> User:
    """Activate an account whose owner followed the link in the e-mail."""
    if user.email_verified_at is not None or not email_verification_token.check_token(user, token):
        raise ValidationError(_("This confirmation link is invalid or has expired."))
    before = audit.snapshot(user, (*_USER_FIELDS, "email_verified_at"))
    user.is_active = True
    user.email_verified_at = timezone.now()
    user.save(update_fields=["is_active", "email_verified_at"])
    audit.record(
        actor=user,
        action="user.verify_email",
        target=user,
        before=before,
        after=audit.snapshot(user, (*_USER_FIELDS, "email_verified_at")),
    )
    return user


def contributors_awaiting_confirmation():
    """People who confirmed their address and wait for the secretariat to confirm
    that they act for their organization."""
    return (
        User.objects.filter(
            role=Role.CONTRIBUTOR,
            is_active=True,
            email_verified_at__isnull=False,
            organization_confirmed_at__isnull=True,
        )
        .select_related("organization")
        .order_by("date_joined")
    )


@transaction.atomic
def contributor_confirm(*, actor: User, user: User) -> User:
    """The secretariat confirms that a person acts for their organization.

    An organization proposed at sign-up is verified at the same time.
    """
    require(permissions.can_manage_users, actor)
    if user.role != Role.CONTRIBUTOR or user.organization_confirmed_at is not None:
        raise ValidationError(_("This person is not waiting for confirmation."))
    before = audit.snapshot(user, _USER_FIELDS)
    user.organization_confirmed_at = timezone.now()
    user.save(update_fields=["organization_confirmed_at"])
    organization = user.organization
    if not organization.verified:
        organization.verified = True
        organization.save(update_fields=["verified"])
        audit.record(
            actor=actor,
            action="organization.verify",
            target=organization,
            before={"verified": False},
            after={"verified": True},
        )
    audit.record(
        actor=actor,
        action="user.confirm_organization",
        target=user,
        before=before,
        after=audit.snapshot(user, _USER_FIELDS),
    )
    _tell(user, confirmed=True, reason="")
    return user


@transaction.atomic
def contributor_refuse(*, actor: User, user: User, reason: str) -> User:
    """The secretariat refuses a membership: the account is closed, with the reason sent."""
    require(permissions.can_manage_users, actor)
    if user.role != Role.CONTRIBUTOR or user.organization_confirmed_at is not None:
        raise ValidationError(_("This person is not waiting for confirmation."))
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Give the reason, for the person to read.")})
    before = audit.snapshot(user, _USER_FIELDS)
    user.is_active = False
    user.save(update_fields=["is_active"])
    after = audit.snapshot(user, _USER_FIELDS)
    after["reason"] = reason
    audit.record(
        actor=actor, action="user.refuse_organization", target=user, before=before, after=after
    )
    _tell(user, confirmed=False, reason=reason)
    return user


def _tell(user: User, *, confirmed: bool, reason: str) -> None:
    mail.send(
        to=user,
        template="accounts/email/membership",
        context={"user": user, "confirmed": confirmed, "reason": reason},
    )


@transaction.atomic
def user_change_password(*, actor: User | None, user: User, password: str) -> User:
    """A person changes their own password (signed in, having given the current one), or
    the secretariat changes it for them; the owner is told by e-mail either way."""
    if actor is not None:
        require(permissions.can_change_password, actor, user)
    by_secretariat = actor is not None and actor.pk != user.pk
    _set_password(user, password)
    audit.record(
        actor=actor,
        action="user.change_password (admin)" if by_secretariat else "user.change_password",
        target=user,
    )
    _tell_password_changed(user, reset=False, by_secretariat=by_secretariat)
    return user


@transaction.atomic
def user_password_set_in_admin(*, actor: User, user: User) -> None:
    """The administration's password form has set (or disabled) a person's password:
    audit it and tell the owner."""
    require(permissions.can_manage_users, actor)
    audit.record(actor=actor, action="user.change_password (admin)", target=user)
    _tell_password_changed(user, reset=False, by_secretariat=True)


@transaction.atomic
def user_reset_password(*, user: User, password: str) -> User:
    """A person chose a new password through the link e-mailed to them (the view
    checked the link: holding it is the authority); the owner is told by e-mail."""
    _set_password(user, password)
    audit.record(actor=user, action="user.reset_password", target=user)
    _tell_password_changed(user, reset=True, by_secretariat=False)
    return user


def _set_password(user: User, password: str) -> None:
    validate_password(password, user)
    user.set_password(password)
    user.save(update_fields=["password"])


def _tell_password_changed(user: User, *, reset: bool, by_secretariat: bool) -> None:
    """The owner learns of every new password, so one set by someone else does not go
    unnoticed (ASVS 2.2.3): what happened, and how to take the account back."""
    mail.send(
        to=user,
        template="accounts/email/password_changed",
        context={"user": user, "reset": reset, "by_secretariat": by_secretariat},
    )
