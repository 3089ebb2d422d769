from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class RegionalGroup(models.TextChoices):
    AFRICAN = "African", _("African States")
    ASIA_PACIFIC = "Asia-Pacific", _("Asia-Pacific States")
    EASTERN_EUROPEAN = "Eastern European", _("Eastern European States")
    LATIN_AMERICAN_CARIBBEAN = (
        "Latin American and Caribbean",
        _("Latin American and Caribbean States"),
    )
    WESTERN_EUROPEAN_OTHER = "Western European and other", _("Western European and other States")


class CountryStatus(models.TextChoices):
    MEMBER = "member", _("Member State")
    OBSERVER = "observer", _("Observer State")


class CountryQuerySet(models.QuerySet):
    def members(self):
        return self.filter(status=CountryStatus.MEMBER)


class Country(models.Model):
    """A UN Member State or observer State, keyed by its ISO 3166-1 alpha-3 code."""

    iso3 = models.CharField(_("ISO 3166-1 alpha-3 code"), max_length=3, primary_key=True)
    iso2 = models.CharField(_("ISO 3166-1 alpha-2 code"), max_length=2, unique=True)
    un_name = models.CharField(_("UN name"), max_length=120, unique=True)
    status = models.CharField(_("status"), max_length=10, choices=CountryStatus.choices)
    regional_group = models.CharField(
        _("UN regional group"), max_length=40, choices=RegionalGroup.choices, blank=True
    )
    source = models.TextField(_("source"), blank=True)

    objects = CountryQuerySet.as_manager()

    class Meta:
        ordering = ["un_name"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")

    def __str__(self) -> str:
        return self.un_name

    def get_absolute_url(self) -> str:
        return reverse("countries:detail", kwargs={"iso3": self.iso3})


class CouncilMembership(models.Model):
    """A State's seat on the Human Rights Council in a membership year."""

    country = models.ForeignKey(
        Country, on_delete=models.CASCADE, related_name="council_memberships"
    )
    year = models.PositiveSmallIntegerField(_("year"), db_index=True)
    source = models.TextField(_("source"), blank=True)

    class Meta:
        ordering = ["year", "country__un_name"]
        constraints = [
            models.UniqueConstraint(fields=["country", "year"], name="one_seat_per_country_year")
        ]
        verbose_name = _("Council membership")
        verbose_name_plural = _("Council memberships")

    def __str__(self) -> str:
        return f"{self.country_id} {self.year}"
