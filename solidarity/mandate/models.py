"""The mandate of the Independent Expert: its record, holders, series of resolutions,
documents, tasks from operative paragraphs and report deliverables."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from solidarity.mandate import extraction
from solidarity.resolutions import anchors


class Body(models.TextChoices):
    HRC = "HRC", _("Human Rights Council")
    GA = "GA", _("General Assembly")
    CHR = "CHR", _("Commission on Human Rights")


class Mandate(models.Model):
    """One mandate (the platform serves one; the model does not assume it)."""

    slug = models.SlugField(_("short name"), unique=True)
    name = models.CharField(_("name"), max_length=200)
    asks = models.TextField(_("what it is asked to do"))
    # The resolutions of its series are found by this title and this addressee.
    series_title = models.CharField(_("title of its series of resolutions"), max_length=200)
    addressee = models.CharField(
        _("addressee term"),
        max_length=60,
        help_text=_("How operative paragraphs name the mandate holder (Independent Expert)."),
    )
    term_years = models.PositiveSmallIntegerField(_("length of a term in years"), default=3)
    current_term_start = models.DateField(_("current term from"), null=True, blank=True)
    current_term_end = models.DateField(_("current term until"), null=True, blank=True)
    next_renewal = models.CharField(_("next renewal"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_note = models.TextField(_("how to reach the secretariat"), blank=True)
    source_url = models.URLField(_("source"), max_length=500, blank=True)
    # Council reports: the word limit of a report (General Assembly reports have their own).
    hrc_word_limit = models.PositiveIntegerField(_("word limit of Council reports"), default=10700)
    ga_word_limit = models.PositiveIntegerField(
        _("word limit of General Assembly reports"), default=10700
    )

    class Meta:
        verbose_name = _("mandate")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("mandate:detail")

    def word_limit(self, body: str) -> int:
        return self.ga_word_limit if body == Body.GA else self.hrc_word_limit


class Holder(models.Model):
    mandate = models.ForeignKey(Mandate, on_delete=models.CASCADE, related_name="holders")
    name = models.CharField(_("name"), max_length=200)
    from_year = models.PositiveSmallIntegerField(_("from"))
    until_year = models.PositiveSmallIntegerField(_("until"), null=True, blank=True)
    source_url = models.URLField(_("source"), max_length=500, blank=True)

    class Meta:
        ordering = ["mandate", "-from_year"]
        constraints = [
            models.UniqueConstraint(fields=["mandate", "name"], name="one_row_per_holder")
        ]

    def __str__(self) -> str:
        return self.name


class SeriesRole(models.TextChoices):
    CREATING = "creating", _("created the mandate")
    RENEWING = "renewing", _("renewed the mandate")
    SERIES = "series", _("resolution of the series")


class SeriesResolution(models.Model):
    """A resolution of the mandate's series, cited even when the platform does not hold it."""

    mandate = models.ForeignKey(Mandate, on_delete=models.CASCADE, related_name="series")
    symbol = models.CharField(_("symbol"), max_length=60)
    body = models.CharField(_("body"), max_length=3, choices=Body.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    # Only when a source gives the day.
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    title = models.CharField(_("title"), max_length=300)
    role = models.CharField(_("role"), max_length=10, choices=SeriesRole.choices)
    source_url = models.URLField(_("source"), max_length=500, blank=True)
    resolution = models.ForeignKey(
        "resolutions.Resolution",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["mandate", "year", "adopted_on"]
        constraints = [
            models.UniqueConstraint(fields=["mandate", "symbol"], name="one_row_per_series_symbol")
        ]

    def __str__(self) -> str:
        return self.symbol


class Document(models.Model):
    """A document of the mandate: a report to the Council or the General Assembly."""

    mandate = models.ForeignKey(Mandate, on_delete=models.CASCADE, related_name="documents")
    symbol = models.CharField(_("symbol"), max_length=60, unique=True)
    title = models.CharField(_("title"), max_length=400)
    body = models.CharField(_("body"), max_length=3, choices=Body.choices)
    session = models.PositiveSmallIntegerField(_("session"))
    issued_on = models.DateField(_("date"), null=True, blank=True)
    source_url = models.URLField(_("source"), max_length=500, blank=True)
    source_note = models.CharField(_("where it is cited"), max_length=300, blank=True)

    class Meta:
        ordering = ["-session", "symbol"]
        verbose_name = _("document")

    def __str__(self) -> str:
        return self.symbol

    def get_absolute_url(self) -> str:
        return reverse("mandate:document", kwargs={"symbol": self.symbol})


class DocumentFile(models.Model):
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="files")
    language = models.CharField(_("language"), max_length=10, default="en")
    name = models.CharField(_("file name"), max_length=255)
    media_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveIntegerField(_("size in bytes"))
    sha256 = models.CharField(max_length=64)
    data = models.BinaryField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["document", "language", "id"]

    def __str__(self) -> str:
        return self.name


class Frequency(models.TextChoices):
    ONCE = extraction.ONCE, _("once")
    ANNUALLY = extraction.ANNUALLY, _("annually")
    REGULARLY = extraction.REGULARLY, _("regularly")


class TaskStatus(models.TextChoices):
    OPEN = "open", _("open")
    IN_PROGRESS = "in_progress", _("in progress")
    DONE = "done", _("done")
    ONGOING = "ongoing", _("ongoing")
    NOT_APPLICABLE = "not_applicable", _("not applicable")


# What the secretariat may correct; a corrected field keeps its value when the
# resolution is stored again.
CORRECTABLE = ("addressees", "action", "target_session", "target_date", "frequency")


class Task(models.Model):
    """What an operative paragraph asks of someone, as read and as the secretariat confirmed."""

    mandate = models.ForeignKey(Mandate, on_delete=models.CASCADE, related_name="tasks")
    resolution = models.ForeignKey(
        "resolutions.Resolution", on_delete=models.CASCADE, related_name="mandate_tasks"
    )
    paragraph_number = models.PositiveSmallIntegerField(_("operative paragraph"))
    paragraph = models.ForeignKey(
        "resolutions.OperativeParagraph",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="mandate_tasks",
    )
    addressees = models.JSONField(_("addressees"), default=list)
    action = models.TextField(_("action"), blank=True)
    text = models.TextField(_("text of the paragraph"))
    target_session = models.PositiveSmallIntegerField(_("target session"), null=True, blank=True)
    target_date = models.CharField(_("target date"), max_length=10, blank=True)
    frequency = models.CharField(
        _("frequency"), max_length=10, choices=Frequency.choices, default=Frequency.ONCE
    )
    status = models.CharField(
        _("status"), max_length=16, choices=TaskStatus.choices, default=TaskStatus.OPEN
    )
    # [{"label": ..., "url": ...}]: reports, visits, calls, engagements.
    evidence = models.JSONField(_("evidence"), default=list, blank=True)
    # What the extraction read last, and which fields the secretariat corrected.
    extracted = models.JSONField(_("as read from the paragraph"), default=dict)
    corrected = models.JSONField(_("fields corrected"), default=list, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The paragraph no longer asks this (the resolution was stored again differently).
    withdrawn = models.BooleanField(_("no longer in the resolution"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["resolution", "paragraph_number"]
        constraints = [
            models.UniqueConstraint(
                fields=["mandate", "resolution", "paragraph_number"], name="one_task_per_paragraph"
            )
        ]

    def __str__(self) -> str:
        return f"{self.resolution.symbol} op. {self.paragraph_number}"

    def get_absolute_url(self) -> str:
        return reverse("mandate:task", kwargs={"pk": self.pk})

    @property
    def anchor(self) -> str:
        return anchors.operative(self.paragraph_number)

    @property
    def paragraph_url(self) -> str:
        return f"{self.resolution.get_absolute_url()}#{self.anchor}"

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None


class DeliverableStatus(models.TextChoices):
    PLANNED = "planned", _("planned")
    DRAFTING = "drafting", _("drafting")
    SUBMITTED = "submitted", _("submitted")
    ISSUED = "issued", _("issued")


class Deliverable(models.Model):
    """A report due to a session of the Council or the General Assembly (op. 19)."""

    mandate = models.ForeignKey(Mandate, on_delete=models.CASCADE, related_name="deliverables")
    body = models.CharField(_("body"), max_length=3, choices=Body.choices)
    session = models.PositiveSmallIntegerField(_("session"))
    symbol = models.CharField(_("symbol"), max_length=60, blank=True)
    title = models.CharField(_("title"), max_length=400)
    due_on = models.DateField(_("due on"))
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=DeliverableStatus.choices,
        default=DeliverableStatus.PLANNED,
    )
    word_limit = models.PositiveIntegerField(_("word limit"))
    task = models.ForeignKey(
        Task, null=True, blank=True, on_delete=models.SET_NULL, related_name="deliverables"
    )
    example = models.BooleanField(_("an example, not a real deliverable"), default=False)
    draft_name = models.CharField(_("draft file name"), max_length=255, blank=True)
    draft_media_type = models.CharField(max_length=100, blank=True)
    draft_data = models.BinaryField(null=True, blank=True)
    draft_words = models.PositiveIntegerField(_("words in the draft"), null=True, blank=True)
    draft_uploaded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["due_on", "id"]

    def __str__(self) -> str:
        return self.symbol or self.title

    def get_absolute_url(self) -> str:
        return reverse("mandate:deliverable", kwargs={"pk": self.pk})

    @property
    def over_limit(self) -> bool:
        return self.draft_words is not None and self.draft_words > self.word_limit


class AnnexFormat(models.TextChoices):
    DOCX = "docx", "DOCX"
    PDF = "pdf", "PDF"


class DeliverableAnnex(models.Model):
    """The compiled annexes of a report in one format, built by a job of the queue
    (``annexes.build``) and offered to the secretariat on the report's page."""

    deliverable = models.ForeignKey(Deliverable, on_delete=models.CASCADE, related_name="annexes")
    format = models.CharField(_("format"), max_length=4, choices=AnnexFormat.choices)
    language = models.CharField(_("language"), max_length=10)
    data = models.BinaryField()
    size = models.PositiveIntegerField(_("size in bytes"))
    # {"submissions": n, "visits": n, "engagements": n}: what it holds.
    counts = models.JSONField(default=dict)
    built_at = models.DateTimeField(_("compiled at"))

    class Meta:
        ordering = ["deliverable", "format"]
        constraints = [
            models.UniqueConstraint(
                fields=["deliverable", "format"], name="one_annex_file_per_format"
            )
        ]

    def __str__(self) -> str:
        return f"{self.deliverable} ({self.format})"

    @property
    def file_name(self) -> str:
        stem = (self.deliverable.symbol or f"report-{self.deliverable_id}").replace("/", "-")
        return f"{stem}-annexes.{self.format}"
