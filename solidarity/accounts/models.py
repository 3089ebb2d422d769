from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from solidarity.core.roles import Role
from solidarity.countries.models import Country


class OrganizationType(models.TextChoices):
    STATE = "state", _("State")
    UN_ENTITY = "un_entity", _("United Nations entity")
    IGO = "igo", _("Intergovernmental organization")
    NGO = "ngo", _("Non-governmental organization")
    NHRI = "nhri", _("National human rights institution")
    ACADEMIC = "academic", _("Academic institution")
    OTHER = "other", _("Other")


class Organization(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("short name in addresses"), max_length=80, unique=True)
    type = models.CharField(_("type"), max_length=20, choices=OrganizationType.choices)
    countries = models.ManyToManyField(
        Country, verbose_name=_("countries"), blank=True, related_name="organizations"
    )
    website = models.URLField(_("website"), blank=True)
    verified = models.BooleanField(
        _("verified by the secretariat"),
        default=False,
        help_text=_("Organizations proposed at sign-up stay unverified until checked."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("accounts:organization", kwargs={"slug": self.slug})

    @staticmethod
    def slug_for(name: str) -> str:
        return slugify(name)[:80] or "organization"


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create(self, email, password, **fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **fields):
        fields.setdefault("is_staff", False)
        fields.setdefault("is_superuser", False)
        return self._create(email, password, **fields)

    def create_superuser(self, email, password=None, **fields):
        fields.update(is_staff=True, is_superuser=True, role=Role.SECRETARIAT)
        return self._create(email, password, **fields)


class User(AbstractUser):
    """A person with an account. Logs in with an e-mail address.

    The role decides what they may do. A State focal point acts for exactly one
    country; a contributor for exactly one organization.
    """

    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=150)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.PUBLIC)
    country = models.ForeignKey(
        Country,
        verbose_name=_("country (State focal points)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="focal_points",
    )
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organization (contributors)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="members",
    )
    email_verified_at = models.DateTimeField(_("e-mail verified"), null=True, blank=True)
    organization_confirmed_at = models.DateTimeField(
        _("membership of the organization confirmed"),
        null=True,
        blank=True,
        help_text=_(
            "A contributor who signed up acts for the organization only once the "
            "secretariat has confirmed it."
        ),
    )

    language = models.CharField(
        _("language of e-mails"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The platform writes to this person in this language."),
    )

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    objects = UserManager()

    class Meta:
        ordering = ["email"]
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(role=Role.FOCAL_POINT) | models.Q(country__isnull=False),
                name="focal_point_has_country",
                violation_error_message=_("A State focal point must be bound to a country."),
            ),
            models.CheckConstraint(
                condition=~models.Q(role=Role.CONTRIBUTOR) | models.Q(organization__isnull=False),
                name="contributor_has_organization",
                violation_error_message=_("A contributor must be bound to an organization."),
            ),
        ]

    def __str__(self) -> str:
        return self.full_name or self.email

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email
