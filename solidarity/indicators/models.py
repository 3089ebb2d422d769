"""Yearly indicators of burden sharing: ODA against the 0.7 % pledge, voluntary contributions."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Basis(models.TextChoices):
    NET_FLOWS = "net_flows", _("net flows")
    GRANT_EQUIVALENT = "grant_equivalent", _("grant equivalent")


class ImportFormat(models.TextChoices):
    SHIPPED = "shipped", _("the platform's dataset")
    DAC1 = "dac1", _("OECD DAC1 export")
    SIMPLE = "simple", _("simple CSV")
    CONTRIBUTIONS = "contributions", _("voluntary contributions CSV")


class IndicatorImport(models.Model):
    """One file taken in: the figures keep which import brought them, so later ones win."""

    format = models.CharField(_("format"), max_length=20, choices=ImportFormat.choices)
    name = models.CharField(_("file"), max_length=300)
    imported_at = models.DateTimeField(_("imported at"), auto_now_add=True)
    imported_by = models.CharField(_("imported by"), max_length=300)
    rows_read = models.PositiveIntegerField(default=0)
    rows_added = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("import of figures")
        verbose_name_plural = _("imports of figures")

    def __str__(self) -> str:
        return f"{self.name} ({self.get_format_display()})"


class OdaFigure(models.Model):
    """One figure of a donor's ODA in a year, from one source; every version is kept."""

    donor = models.CharField(_("donor"), max_length=20)  # ISO3, or eu-institutions, dac-total
    year = models.PositiveSmallIntegerField(_("year"))
    oda_usd_millions = models.DecimalField(
        _("ODA, current USD millions"), max_digits=14, decimal_places=2
    )
    oda_gni_percent = models.DecimalField(
        # xgettext:no-python-format
        _("ODA as % of GNI"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
    )
    basis = models.CharField(_("measure"), max_length=20, choices=Basis.choices)
    preliminary = models.BooleanField(_("preliminary"), default=False)
    source = models.TextField(_("source"))
    origin = models.ForeignKey(
        IndicatorImport, on_delete=models.PROTECT, related_name="oda_figures"
    )
    line = models.PositiveIntegerField(_("line of the file"))
    chosen = models.BooleanField(
        _("chosen"), default=False, help_text=_("The figure that stands for its donor and year.")
    )

    class Meta:
        ordering = ["donor", "year", "-chosen", "pk"]
        verbose_name = _("ODA figure")
        verbose_name_plural = _("ODA figures")
        indexes = [
            models.Index(fields=["year", "chosen"], name="oda_year_chosen"),
            models.Index(fields=["donor", "year"], name="oda_donor_year"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["donor", "year"], condition=Q(chosen=True), name="oda_one_chosen"
            )
        ]

    def __str__(self) -> str:
        return f"{self.donor} {self.year}: {self.oda_usd_millions}"


class Contribution(models.Model):
    """A donor's voluntary contribution to a UN fund or programme in a year (56/4 op. 11)."""

    donor = models.CharField(_("donor"), max_length=20)
    fund = models.CharField(_("fund or programme"), max_length=200)
    year = models.PositiveSmallIntegerField(_("year"))
    amount_usd = models.DecimalField(_("amount, current USD"), max_digits=16, decimal_places=2)
    source = models.TextField(_("source"))
    origin = models.ForeignKey(
        IndicatorImport, on_delete=models.PROTECT, related_name="contributions"
    )
    line = models.PositiveIntegerField(_("line of the file"))

    class Meta:
        ordering = ["donor", "fund", "year", "pk"]
        verbose_name = _("voluntary contribution")
        verbose_name_plural = _("voluntary contributions")
        indexes = [models.Index(fields=["donor", "fund", "year"], name="contribution_series")]

    def __str__(self) -> str:
        return f"{self.donor} → {self.fund} {self.year}: {self.amount_usd}"
