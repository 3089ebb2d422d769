"""The draft declaration on the right to international solidarity: versions, their
elements, and the comments made during the consultation.

Every imported text is a :class:`DeclarationVersion`, kept for good; its parts are
:class:`DeclarationElement` rows keyed by their Akoma Ntoso eId. A
:class:`DeclarationComment` is anchored to the version it was made on and the eId
of what it comments on, never to a place in the rendered page; which later
versions still show it is worked out from the eIds each version holds
(``selectors.comments_shown_on``).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from solidarity.declaration import text as layout


class StakeholderType(models.TextChoices):
    """Who spoke: stored as the term, labelled when shown."""

    STATE = "state", _("State")
    UN_ENTITY = "un_entity", _("United Nations entity")
    IGO = "igo", _("Intergovernmental organization")
    NGO = "ngo", _("Non-governmental organization")
    NHRI = "nhri", _("National human rights institution")
    ACADEMIC = "academic", _("Academic institution")
    INDIVIDUAL = "individual", _("Individual")
    OTHER = "other", _("Other")


class ElementKind(models.TextChoices):
    PREAMBLE_PARAGRAPH = layout.PREAMBLE_PARAGRAPH, _("Preambular paragraph")
    ARTICLE = layout.ARTICLE, _("Article")
    PARAGRAPH = layout.PARAGRAPH, _("Paragraph")


class DeclarationVersion(models.Model):
    number = models.PositiveIntegerField(_("number"), unique=True)
    label = models.CharField(_("label"), max_length=200)
    title = models.CharField(_("title"), max_length=500)
    source_name = models.CharField(_("source file"), max_length=255, blank=True)
    source_text = models.TextField(_("source text"))
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    imported_at = models.DateTimeField(_("imported"), auto_now_add=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    comments_open = models.BooleanField(_("open for comments"), default=False)

    class Meta:
        ordering = ["number"]
        verbose_name = _("declaration version")

    def __str__(self) -> str:
        return f"{self.number}: {self.label}"

    def get_absolute_url(self) -> str:
        return reverse("declaration:version", kwargs={"number": self.number})

    @property
    def is_published(self) -> bool:
        return self.published_at is not None


class DeclarationElement(models.Model):
    version = models.ForeignKey(
        DeclarationVersion, on_delete=models.CASCADE, related_name="elements"
    )
    eid = models.CharField(_("identifier"), max_length=100)
    kind = models.CharField(_("kind"), max_length=30, choices=ElementKind.choices)
    number = models.CharField(_("number"), max_length=20, blank=True)
    heading = models.CharField(_("heading"), max_length=500, blank=True)
    text = models.TextField(_("text"), blank=True)
    position = models.PositiveIntegerField()

    class Meta:
        ordering = ["version", "position"]
        constraints = [
            models.UniqueConstraint(fields=["version", "eid"], name="declaration_element_eid_once")
        ]

    def __str__(self) -> str:
        return self.eid

    def as_element(self) -> layout.Element:
        return layout.Element(self.eid, self.kind, self.number, self.heading, self.text)

    @property
    def article_eid(self) -> str:
        return self.as_element().article_eid


class DeclarationComment(models.Model):
    version = models.ForeignKey(
        DeclarationVersion,
        on_delete=models.PROTECT,
        related_name="comments",
        verbose_name=_("made on version"),
    )
    eid = models.CharField(_("on"), max_length=100)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="declaration_comments"
    )
    stakeholder_type = models.CharField(
        _("stakeholder type"), max_length=20, choices=StakeholderType.choices
    )
    # For whom the author spoke, as they were bound when commenting.
    country = models.ForeignKey(
        "countries.Country", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    organization = models.ForeignKey(
        "accounts.Organization", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    body = models.TextField(_("comment"))
    proposed_wording = models.TextField(_("proposed wording"), blank=True)
    created_at = models.DateTimeField(_("made"), auto_now_add=True)
    submission_key = models.UUIDField(unique=True, editable=False)
    hidden_at = models.DateTimeField(_("hidden"), null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hidden_reason = models.TextField(_("reason for hiding"), blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["version", "eid"])]

    def __str__(self) -> str:
        return f"{self.eid} ({self.version.number})"

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None
