"""Good practices of international solidarity: the working copy, its review, its versions.

A practice is written and reviewed as a working copy (:class:`Practice`).
Publishing freezes its content as a numbered :class:`PracticeVersion`; the
public reads only published versions, so a published practice can be edited
and reviewed again while the public still sees the last version published.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from solidarity.practices.taxonomy import Level


class PracticeStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("In review")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    PUBLISHED = "published", _("Published")
    REJECTED = "rejected", _("Rejected")
    RETRACTED = "retracted", _("Retracted")


class Theme(models.Model):
    """A theme of the catalogue; the secretariat adds them. Labels per language."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    labels = models.JSONField(
        _("labels"), default=dict, help_text=_('By language code, e.g. {"en": "…", "fr": "…"}.')
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self) -> str:
        return self.label()

    def label(self, language: str | None = None) -> str:
        language = (language or get_language() or "en").lower()
        return self.labels.get(language) or self.labels.get("en") or self.code


class Practice(models.Model):
    # Who and where it comes from
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=PracticeStatus.choices,
        default=PracticeStatus.DRAFT,
        db_index=True,
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        on_delete=models.PROTECT,
        related_name="practices",
    )
    organization = models.ForeignKey(
        "accounts.Organization",
        verbose_name=_("submitted for the organization"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="practices",
    )
    state = models.ForeignKey(
        "countries.Country",
        verbose_name=_("submitted for the State"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="submitted_practices",
    )
    submission_key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)

    # The record
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), max_length=600)
    description = models.TextField(_("description"), blank=True)  # sanitized HTML
    challenge = models.TextField(_("challenge addressed"), blank=True)
    actions = models.TextField(_("what was done"), blank=True)
    results = models.TextField(_("results and evidence"), blank=True)
    enabling_factors = models.TextField(_("enabling factors and constraints"), blank=True)
    sustainability = models.TextField(_("sustainability and replicability"), blank=True)
    resources = models.TextField(_("resources"), blank=True)
    started_on = models.DateField(_("started on"), null=True, blank=True)
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    ongoing = models.BooleanField(_("ongoing"), default=False)
    level = models.CharField(_("level"), max_length=20, choices=Level.choices, blank=True)
    # Codes, resolved to labels when shown: [{"name", "type"}], [{"country", "role"}], ...
    actors = models.JSONField(_("actors"), default=list, blank=True)
    countries = models.JSONField(_("countries involved"), default=list, blank=True)
    themes = models.JSONField(_("themes"), default=list, blank=True)
    modalities = models.JSONField(_("modalities"), default=list, blank=True)
    sdg_goals = models.JSONField(_("SDG goals"), default=list, blank=True)
    sdg_targets = models.JSONField(_("SDG targets"), default=list, blank=True)
    human_rights = models.JSONField(_("human rights concerned"), default=list, blank=True)
    sources = models.JSONField(_("sources"), default=list, blank=True)
    language = models.CharField(_("language of the record"), max_length=10, default="en")
    contact_name = models.CharField(_("contact name"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)

    # Its life
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    first_published_at = models.DateTimeField(_("first published"), null=True, blank=True)
    # The content of the version the public sees (a copy of the last version's
    # data, so a catalogue page needs one query), and its number.
    published = models.JSONField(_("published content"), null=True, blank=True, editable=False)
    published_version = models.PositiveIntegerField(_("published version"), null=True, blank=True)
    retracted_at = models.DateTimeField(_("retracted"), null=True, blank=True)
    retraction_reason = models.TextField(_("reason for retraction"), blank=True)

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = _("good practice")
        verbose_name_plural = _("good practices")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ongoing=False) | models.Q(ended_on__isnull=True),
                name="ongoing_practice_has_no_end",
            ),
            models.CheckConstraint(
                condition=models.Q(ended_on__isnull=True)
                | models.Q(started_on__isnull=True)
                | models.Q(ended_on__gte=models.F("started_on")),
                name="practice_ends_after_it_starts",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("practices:detail", kwargs={"pk": self.pk})

    def get_workspace_url(self) -> str:
        return reverse("practices:workspace", kwargs={"pk": self.pk})

    @property
    def is_public(self) -> bool:
        return self.published_version is not None and self.retracted_at is None


class PracticeVersion(models.Model):
    """A published state of a practice, kept for good: the history."""

    practice = models.ForeignKey(Practice, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    data = models.JSONField(_("content"))
    published_at = models.DateTimeField(_("published"))
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.TextField(_("note on this version"), blank=True)

    class Meta:
        ordering = ["practice", "-number"]
        verbose_name = _("published version")
        verbose_name_plural = _("published versions")
        constraints = [
            models.UniqueConstraint(fields=["practice", "number"], name="one_version_number")
        ]

    def __str__(self) -> str:
        return f"{self.practice_id} v{self.number}"


class ReviewAction(models.TextChoices):
    SUBMITTED = "submitted", _("submitted it for review")
    COMMENTED = "commented", _("commented")
    CHANGES_REQUESTED = "changes_requested", _("requested changes")
    PUBLISHED = "published", _("published it")
    REJECTED = "rejected", _("rejected it")
    RETRACTED = "retracted", _("retracted it")


class ReviewEvent(models.Model):
    """One step of the review thread, seen by the submitter and the reviewers."""

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_label = models.CharField(max_length=254)
    action = models.CharField(max_length=20, choices=ReviewAction.choices)
    message = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.actor_label} {self.action}"


class Attachment(models.Model):
    """A document supporting a practice, checked by its content, kept in the database."""

    practice = models.ForeignKey(Practice, on_delete=models.PROTECT, related_name="attachments")
    name = models.CharField(_("file name"), max_length=255)
    media_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveIntegerField(_("size in bytes"))
    sha256 = models.CharField(max_length=64)
    data = models.BinaryField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Removed from the working copy; kept, because published versions may cite it.
    removed = models.BooleanField(default=False)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["practice", "sha256"], name="one_copy_per_practice")
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("practices:attachment", kwargs={"pk": self.practice_id, "file_id": self.pk})
