"""Resolutions as structured, checkable records.

The parsed document (the JSON of ``resolution.schema.json``) is kept whole in
``Resolution.document``; paragraphs and the recorded vote are also stored as
rows, because the platform points at them (the page reads its paragraphs from
them; tasks from operative paragraphs, comparisons of resolutions paragraph by
paragraph, votes per country).
"""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from solidarity.countries.models import Country
from solidarity.resolutions import anchors
from solidarity.resolutions.parsing import symbols


class Body(models.TextChoices):
    HRC = "HRC", _("Human Rights Council")
    GA = "GA", _("General Assembly")


class Kind(models.TextChoices):
    RESOLUTION = symbols.RESOLUTION, _("Resolution")
    DECISION = symbols.DECISION, _("Decision")


class SessionType(models.TextChoices):
    REGULAR = symbols.REGULAR, _("Regular session")
    SPECIAL = symbols.SPECIAL, _("Special session")
    EMERGENCY_SPECIAL = symbols.EMERGENCY_SPECIAL, _("Emergency special session")


class ResolutionSource(models.Model):
    """The file a resolution was read from, kept as it came, once per content.

    Stored in the database, in the same transaction as the resolution, so a
    resolution and its source are always written (or not) together.
    """

    sha256 = models.CharField(_("SHA-256 checksum"), max_length=64, primary_key=True)
    name = models.CharField(_("file name"), max_length=255)
    media_type = models.CharField(_("media type"), max_length=80)
    size = models.PositiveIntegerField(_("size in bytes"))
    data = models.BinaryField(_("content"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("source file")
        verbose_name_plural = _("source files")

    def __str__(self) -> str:
        return f"{self.name} ({self.sha256[:12]})"


class Resolution(models.Model):
    """A resolution or a decision, under its symbol as the UN prints it.

    The symbol's parts are kept apart as well, so that "S-35/1" (a special
    session) and "35/1", or "78/262 A" and "78/262 B", are told apart in lists
    and orderings: ``session`` counts within ``session_type``, and ``part`` is
    the letter of a resolution adopted in parts ('' when there are none).
    """

    # Printed form ("A/RES/78/262 A"), one row per symbol; the address writes it
    # without the space (see ``get_absolute_url``).
    symbol = models.CharField(_("symbol"), max_length=40, unique=True)
    kind = models.CharField(
        _("kind"), max_length=10, choices=Kind.choices, default=Kind.RESOLUTION, db_index=True
    )
    body = models.CharField(_("body"), max_length=3, choices=Body.choices, db_index=True)
    session = models.PositiveSmallIntegerField(_("session"), db_index=True)
    session_type = models.CharField(
        _("type of session"),
        max_length=20,
        choices=SessionType.choices,
        default=SessionType.REGULAR,
    )
    number = models.PositiveIntegerField(_("number in the session"))
    part = models.CharField(_("part"), max_length=1, blank=True, default="")
    # Free text as printed: no length limit, so no document is refused for it.
    agenda_item = models.TextField(_("agenda item"), blank=True)
    title = models.TextField(_("title"))
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True, db_index=True)
    distributed_on = models.DateField(_("distributed on"), null=True, blank=True)
    meeting = models.TextField(_("meeting"), blank=True)
    adopted_without_vote = models.BooleanField(_("adopted without a vote"), default=False)
    document = models.JSONField(_("structured document"))
    source = models.ForeignKey(
        ResolutionSource,
        verbose_name=_("source file"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="resolutions",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        # Newest first; on one day, a body's texts by session and number, a part
        # A before its part B, a special session's apart from the regular one's.
        ordering = ["-adopted_on", "body", "session_type", "-session", "-number", "part"]
        verbose_name = _("resolution")
        verbose_name_plural = _("resolutions")
        indexes = [models.Index(fields=["body", "session", "number"])]
        constraints = [
            models.UniqueConstraint(
                fields=["body", "kind", "session_type", "session", "number", "part"],
                name="one_resolution_per_number",
            )
        ]

    def __str__(self) -> str:
        return f"{self.number_label}. {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("resolutions:detail", kwargs={"symbol": self.parsed_symbol.path})

    @property
    def parsed_symbol(self) -> symbols.Symbol:
        """The symbol's parts, read from the symbol (the one column every list loads)."""
        parsed = symbols.Symbol.parse(self.symbol)
        if parsed is None:  # only ever stored by the parser, so never; but say what it is
            raise ValueError(f"{self.symbol!r} is not the symbol of a resolution or decision")
        return parsed

    @property
    def symbol_path(self) -> str:
        """The symbol as its address writes it: 'A/RES/78/262A' for 'A/RES/78/262 A'."""
        return self.parsed_symbol.path

    @property
    def number_label(self) -> str:
        """'56/4', 'S-35/1', 'ES-11/1', '78/262 A': as the title line prints it."""
        return self.parsed_symbol.number_label

    @property
    def is_decision(self) -> bool:
        return self.kind == Kind.DECISION


class PreambularParagraph(models.Model):
    resolution = models.ForeignKey(
        Resolution, on_delete=models.CASCADE, related_name="preambular_paragraphs", db_index=False
    )
    index = models.PositiveSmallIntegerField(_("position"))
    lead = models.TextField(_("lead words"), blank=True)
    text = models.TextField(_("text"))

    class Meta:
        ordering = ["resolution", "index"]
        constraints = [
            models.UniqueConstraint(fields=["resolution", "index"], name="one_pp_per_index")
        ]

    def __str__(self) -> str:
        return f"{self.resolution.symbol} pp. {self.index}"

    @property
    def anchor(self) -> str:
        return anchors.preambular(self.index)


class OperativeParagraph(models.Model):
    resolution = models.ForeignKey(
        Resolution, on_delete=models.CASCADE, related_name="operative_paragraphs", db_index=False
    )
    number = models.PositiveSmallIntegerField(_("number"))
    lead = models.TextField(_("lead words"), blank=True)
    text = models.TextField(_("text"))
    subparagraphs = models.JSONField(_("sub-paragraphs"), default=list, blank=True)
    addressees = models.JSONField(_("addressees"), default=list, blank=True)

    class Meta:
        ordering = ["resolution", "number"]
        constraints = [
            models.UniqueConstraint(fields=["resolution", "number"], name="one_op_per_number")
        ]

    def __str__(self) -> str:
        return f"{self.resolution.symbol} para. {self.number}"

    @property
    def anchor(self) -> str:
        return anchors.operative(self.number)


class RecordedVote(models.Model):
    resolution = models.OneToOneField(
        Resolution, on_delete=models.CASCADE, related_name="recorded_vote"
    )
    yes = models.PositiveSmallIntegerField(_("in favour"))
    no = models.PositiveSmallIntegerField(_("against"))
    abstain = models.PositiveSmallIntegerField(_("abstaining"))

    class Meta:
        verbose_name = _("recorded vote")

    def __str__(self) -> str:
        return f"{self.resolution.symbol}: {self.yes}-{self.no}-{self.abstain}"


class Position(models.TextChoices):
    YES = "yes", _("In favour")
    NO = "no", _("Against")
    ABSTAIN = "abstain", _("Abstaining")


class VoteCast(models.Model):
    # Indexed by the unique constraint (vote, country), which leads with it.
    vote = models.ForeignKey(
        RecordedVote, on_delete=models.CASCADE, related_name="casts", db_index=False
    )
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="votes_cast")
    position = models.CharField(_("position"), max_length=8, choices=Position.choices)
    printed_name = models.TextField(_("name as printed"))

    class Meta:
        ordering = ["vote", "country__un_name"]
        constraints = [
            models.UniqueConstraint(fields=["vote", "country"], name="one_position_per_country")
        ]

    def __str__(self) -> str:
        return f"{self.country_id} {self.position}"
