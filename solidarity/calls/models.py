"""Calls for input (resolution 56/4, op. 15 and 18) and the submissions that answer them.

A call's status (upcoming, open, closed) is never stored: it is computed from
its opening and closing date-times, stored in UTC. A submission belongs to a
*party*: a State (shared by its focal points), an organization (shared by its
confirmed contributors), or one person answering for themselves; each party
has at most one submission per call.
"""

from __future__ import annotations

import datetime as dt
import uuid
import zoneinfo

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from solidarity.calls import copies

# The mandate's secretariat works in Geneva: dates are shown in its time.
GENEVA = zoneinfo.ZoneInfo("Europe/Zurich")


class CallStatus(models.TextChoices):
    UPCOMING = "upcoming", pgettext_lazy("status of a call", "Upcoming")
    OPEN = "open", pgettext_lazy("status of a call", "Open")
    CLOSED = "closed", pgettext_lazy("status of a call", "Closed")


class StakeholderType(models.TextChoices):
    STATE = "state", _("States")
    UN_ENTITY = "un_entity", _("United Nations entities")
    IGO = "igo", _("Intergovernmental organizations")
    NGO = "ngo", _("Non-governmental organizations")
    NHRI = "nhri", _("National human rights institutions")
    ACADEMIC = "academic", _("Academia")
    INDIVIDUAL = "individual", _("Individuals")
    OTHER = "other", _("Other organizations")


class PublicationPolicy(models.TextChoices):
    WITH_CONSENT = (
        "with_consent",
        _("Submissions are published on this page when their authors agree"),
    )
    NOT_PUBLISHED = "not_published", _("Submissions are not published")


class QuestionKind(models.TextChoices):
    TEXT = "text", _("Free text")
    SINGLE = "single", _("One choice")
    MULTIPLE = "multiple", _("Several choices")


class Consent(models.TextChoices):
    PUBLISH = "publish", _("Publish my submission with my name")
    PUBLISH_ANONYMOUSLY = "anonymous", _("Publish my submission without my name")
    DO_NOT_PUBLISH = "do_not_publish", _("Do not publish my submission")


class SubmissionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")


class Call(models.Model):
    slug = models.SlugField(_("short name in addresses"), max_length=80, unique=True)
    title = models.CharField(_("title"), max_length=300)
    purpose = models.TextField(_("purpose and background"))
    report = models.CharField(_("the report it feeds"), max_length=300, blank=True)
    # The same report as a deliverable of the mandate, whose annexes compile the answers.
    deliverable = models.ForeignKey(
        "mandate.Deliverable",
        verbose_name=_("report deliverable"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="calls",
    )
    resolution = models.ForeignKey(
        "resolutions.Resolution",
        verbose_name=_("resolution"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="calls",
    )
    paragraphs = models.ManyToManyField(
        "resolutions.OperativeParagraph",
        verbose_name=_("operative paragraphs served"),
        blank=True,
        related_name="calls",
    )
    invited = models.JSONField(_("who is invited"), default=list)  # StakeholderType values
    languages = models.JSONField(_("accepted languages"), default=list)  # language codes
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(_("closes"))
    original_closes_at = models.DateTimeField(_("first deadline"))
    publication_policy = models.CharField(
        _("publication policy"),
        max_length=20,
        choices=PublicationPolicy.choices,
        default=PublicationPolicy.WITH_CONSENT,
    )
    confidentiality_note = models.TextField(_("confidentiality note"), blank=True)
    example = models.BooleanField(
        _("an example"), default=False, help_text=_("Demonstration data, not a real call.")
    )
    closed_recorded_at = models.DateTimeField(_("closing recorded"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        ordering = ["-closes_at", "-id"]
        verbose_name = _("call for input")
        verbose_name_plural = _("calls for input")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_at__gt=models.F("opens_at")),
                name="call_closes_after_it_opens",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("calls:detail", kwargs={"slug": self.slug})

    def status_at(self, moment: dt.datetime) -> CallStatus:
        if moment < self.opens_at:
            return CallStatus.UPCOMING
        if moment < self.closes_at:
            return CallStatus.OPEN
        return CallStatus.CLOSED

    @property
    def status(self) -> CallStatus:
        return self.status_at(timezone.now())

    @property
    def is_open(self) -> bool:
        return self.status == CallStatus.OPEN

    @property
    def extended(self) -> bool:
        return self.closes_at != self.original_closes_at

    # Wall-clock time in Geneva, without its zone, so templates show it as it is.
    @property
    def opens_geneva(self) -> dt.datetime:
        return self.opens_at.astimezone(GENEVA).replace(tzinfo=None)

    @property
    def closes_geneva(self) -> dt.datetime:
        return self.closes_at.astimezone(GENEVA).replace(tzinfo=None)


class Question(models.Model):
    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="questions")
    number = models.PositiveSmallIntegerField(_("number"))
    text = models.TextField(_("question"))
    kind = models.CharField(_("kind"), max_length=10, choices=QuestionKind.choices)
    choices = models.JSONField(_("choices"), default=list, blank=True)
    word_limit = models.PositiveIntegerField(_("word limit"), null=True, blank=True)
    required = models.BooleanField(_("required"), default=False)

    class Meta:
        ordering = ["call", "number"]
        constraints = [
            models.UniqueConstraint(fields=["call", "number"], name="one_question_per_number")
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.text[:60]}"

    @property
    def key(self) -> str:
        """The name of its answer in a submission's answers."""
        return f"q{self.number}"


class DeadlineExtension(models.Model):
    """A deadline moved: kept, and shown on the call as "extended"."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="extensions")
    previous_closes_at = models.DateTimeField(_("previous deadline"))
    closes_at = models.DateTimeField(_("new deadline"))
    reason = models.TextField(_("reason"), blank=True)
    extended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["call", "created_at", "id"]

    def __str__(self) -> str:
        return f"{self.call_id}: {self.previous_closes_at} -> {self.closes_at}"


class Submission(models.Model):
    call = models.ForeignKey(Call, on_delete=models.PROTECT, related_name="submissions")
    # "state:CUB", "organization:12" or "person:7": who the submission speaks for.
    party = models.CharField(max_length=40)
    stakeholder_type = models.CharField(
        _("stakeholder type"), max_length=20, choices=StakeholderType.choices
    )
    state = models.ForeignKey(
        "countries.Country",
        verbose_name=_("State"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="call_submissions",
    )
    organization = models.ForeignKey(
        "accounts.Organization",
        verbose_name=_("organization"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="call_submissions",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        on_delete=models.PROTECT,
        related_name="call_submissions",
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    submission_key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=SubmissionStatus.choices,
        default=SubmissionStatus.DRAFT,
        db_index=True,
    )
    language = models.CharField(_("language"), max_length=10)
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    consent = models.CharField(_("consent"), max_length=20, choices=Consent.choices, blank=True)
    # NULL until sent: unique among the sent ones only.
    reference = models.CharField(  # noqa: DJ001
        _("reference number"), max_length=40, null=True, blank=True
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)
    tags = models.JSONField(_("tags"), default=list, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        ordering = ["call", "submitted_at", "id"]
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        constraints = [
            models.UniqueConstraint(fields=["call", "party"], name="one_submission_per_party"),
            models.UniqueConstraint(fields=["reference"], name="one_submission_per_reference"),
            models.CheckConstraint(
                condition=models.Q(published_at__isnull=True)
                | (models.Q(status="submitted") & models.Q(consent__in=["publish", "anonymous"])),
                name="published_only_with_consent",
            ),
        ]

    def __str__(self) -> str:
        return self.reference or f"{self.call_id}/{self.party}"

    def get_absolute_url(self) -> str:
        return reverse("calls:submission", kwargs={"slug": self.call.slug, "pk": self.pk})

    @property
    def submitter_label(self) -> str:
        """Who speaks, as the secretariat sees it."""
        if self.state_id:
            return self.state.un_name
        if self.organization_id:
            return self.organization.name
        return self.created_by.full_name or self.created_by.email

    @property
    def public_label(self) -> str:
        """Who speaks, as the public sees a published submission."""
        if self.consent == Consent.PUBLISH_ANONYMOUSLY:
            return str(_("Name withheld at the submitter's request"))
        return self.submitter_label

    @property
    def public_stakeholder_type(self) -> str | None:
        """Its stakeholder type, unless it is published without its name: then the
        type would narrow who wrote it (an individual, or the one NHRI of a country)."""
        if self.consent == Consent.PUBLISH_ANONYMOUSLY:
            return None
        return self.stakeholder_type

    @property
    def public_stakeholder_type_label(self) -> str:
        if self.public_stakeholder_type is None:
            return str(_("Withheld with the name"))
        return self.get_stakeholder_type_display()

    def public_documents(self) -> list[tuple[SubmissionFile, str]]:
        """Its documents with the names the public reads them under: as uploaded, or
        neutral when it is published without its name (see calls/copies.py)."""
        documents = list(self.files.all())
        if self.consent != Consent.PUBLISH_ANONYMOUSLY:
            return [(document, document.name) for document in documents]
        return [
            (document, copies.neutral_name(self.reference or "", index, document.media_type))
            for index, document in enumerate(documents, start=1)
        ]

    @property
    def is_published(self) -> bool:
        return self.published_at is not None


class SubmissionFile(models.Model):
    """A document of a submission, checked by its content, kept in the database (never
    under the web root), served only through the permission check of its view."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="files")
    name = models.CharField(_("file name"), max_length=255)
    media_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveIntegerField(_("size in bytes"))
    sha256 = models.CharField(max_length=64)
    data = models.BinaryField()
    text = models.TextField(_("text extracted for search"), blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["submission", "created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["submission", "sha256"], name="one_copy_per_submission")
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse(
            "calls:file",
            kwargs={
                "slug": self.submission.call.slug,
                "pk": self.submission_id,
                "file_id": self.pk,
            },
        )


class PublishedArchive(models.Model):
    """The published submissions of a call as one download: a ZIP of their files and a
    CSV of their metadata, built by a background job whenever one is published."""

    call = models.OneToOneField(Call, on_delete=models.CASCADE, related_name="archive")
    zip_data = models.BinaryField()
    csv_data = models.BinaryField()
    submissions = models.PositiveIntegerField()
    built_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.call_id} ({self.submissions})"
