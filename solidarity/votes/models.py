"""Roll calls and the position of each State in them, whatever their source.

A roll call is one recorded vote of the General Assembly or the Human Rights
Council: on a resolution as a whole, or on a paragraph or an amendment. It is
independent of the resolutions the platform stores: most come from Erik
Voeten's General Assembly data (``source="unvotes"``), Council votes from the
stored resolutions (``source="resolution"``) and others from a CSV file
(``source="csv"``). Positions use Voeten's codes (1 yes, 2 abstain, 3 no);
an absence or "not a member" is no row.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from solidarity.countries.models import Country
from solidarity.resolutions.models import Body, Resolution
from solidarity.votes import positions


class Source(models.TextChoices):
    UNVOTES = "unvotes", _("Voeten's General Assembly voting data")
    RESOLUTION = "resolution", _("A resolution stored on the platform")
    CSV = "csv", _("A roll-call file imported by the secretariat")


class Topic(models.TextChoices):
    """The six issue codes of Voeten's data."""

    COLONIALISM = "co", _("Colonialism")
    DISARMAMENT = "di", _("Arms control and disarmament")
    ECONOMIC = "ec", _("Economic development")
    HUMAN_RIGHTS = "hr", _("Human rights")
    PALESTINE = "me", _("Palestinian conflict")
    NUCLEAR = "nu", _("Nuclear weapons and nuclear material")


class Position(models.IntegerChoices):
    YES = positions.YES, _("Yes")
    ABSTAIN = positions.ABSTAIN, _("Abstain")
    NO = positions.NO, _("No")


class RollCall(models.Model):
    source = models.CharField(_("source"), max_length=12, choices=Source.choices)
    # The roll call's identity within its source: Voeten's rcid, a resolution's
    # symbol, or "BODY|SYMBOL|DATE" of a CSV file. Imports replace by it.
    key = models.CharField(_("key in its source"), max_length=200)
    body = models.CharField(_("body"), max_length=3, choices=Body.choices, db_index=True)
    symbol = models.CharField(_("symbol as printed"), max_length=120, blank=True)
    date = models.DateField(_("date"), db_index=True)
    session = models.PositiveSmallIntegerField(_("session"), null=True, blank=True)
    # Space-separated Topic codes ("hr me"); filtering happens on loaded arrays.
    topics = models.CharField(_("topics"), max_length=40, blank=True)
    title = models.TextField(_("title"), blank=True)
    description = models.TextField(_("description"), blank=True)
    amendment = models.BooleanField(_("vote on an amendment"), default=False)
    paragraph = models.BooleanField(_("vote on a paragraph"), default=False)
    important = models.BooleanField(_("important vote"), default=False)
    resolution = models.ForeignKey(
        Resolution,
        verbose_name=_("resolution"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="roll_calls",
    )

    class Meta:
        ordering = ["date", "id"]
        verbose_name = _("roll call")
        verbose_name_plural = _("roll calls")
        constraints = [
            models.UniqueConstraint(fields=["source", "key"], name="one_roll_call_per_source_key")
        ]

    def __str__(self) -> str:
        return f"{self.symbol or self.key} ({self.date})"

    @property
    def topic_codes(self) -> list[str]:
        return self.topics.split()


class CountryVote(models.Model):
    # Indexed by the unique constraint (roll_call, country), which leads with it;
    # a State's votes are read from the loaded arrays, so no index on country
    # (it would slow the import of 870,000 rows for no reader).
    roll_call = models.ForeignKey(
        RollCall, on_delete=models.CASCADE, related_name="votes", db_index=False
    )
    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, related_name="roll_call_votes", db_index=False
    )
    position = models.PositiveSmallIntegerField(_("position"), choices=Position.choices)

    class Meta:
        verbose_name = _("country vote")
        verbose_name_plural = _("country votes")
        constraints = [
            models.UniqueConstraint(
                fields=["roll_call", "country"], name="one_vote_per_roll_call_country"
            )
        ]

    def __str__(self) -> str:
        return f"{self.country_id} {self.get_position_display()}"


class VoteDataRevision(models.Model):
    """One row, counting changes to roll calls, so loaded arrays know when they are stale."""

    revision = models.PositiveBigIntegerField(default=0)
    changed_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"revision {self.revision}"


class ResolutionSeries(models.Model):
    """Resolutions of one body under the same title across sessions (a "series")."""

    body = models.CharField(_("body"), max_length=3, choices=Body.choices)
    # The title's comparison key (series.title_key); a series corrected by hand may hold
    # resolutions of other titles too.
    key = models.CharField(_("key"), max_length=300)
    title = models.TextField(_("title"))

    class Meta:
        ordering = ["body", "title"]
        verbose_name = _("series of resolutions")
        verbose_name_plural = _("series of resolutions")
        constraints = [
            models.UniqueConstraint(fields=["body", "key"], name="one_series_per_body_key")
        ]

    def __str__(self) -> str:
        return f"{self.body}: {self.title}"


class SeriesMember(models.Model):
    resolution = models.OneToOneField(
        Resolution, on_delete=models.CASCADE, related_name="series_member"
    )
    series = models.ForeignKey(ResolutionSeries, on_delete=models.CASCADE, related_name="members")
    # Placed by hand (`solidarity votes series-move`): grouping by title leaves it there.
    by_hand = models.BooleanField(_("placed by hand"), default=False)

    class Meta:
        verbose_name = _("resolution of a series")
        verbose_name_plural = _("resolutions of a series")

    def __str__(self) -> str:
        return f"{self.resolution_id} in {self.series_id}"
