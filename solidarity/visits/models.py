"""Country-visit requests: one record per State and mandate, and its dated log."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from solidarity.countries.models import Country
from solidarity.visits import lifecycle

# The mandate a request belongs to, by the short name of its record (mandate.Mandate.slug).
# A name rather than a key, so visits need no mandate row to exist and do not import
# the mandate app.
MANDATE = "ie-international-solidarity"


class VisitRequest(models.Model):
    """The mandate's requests to visit one State, over the years, as one record."""

    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, related_name="visit_requests", verbose_name=_("State")
    )
    mandate = models.SlugField(_("mandate"), max_length=80, default=MANDATE)
    # Derived from the log by lifecycle.replay and stored by the services, for lists.
    status = models.CharField(_("status"), max_length=20, blank=True)
    status_since = models.DateField(_("status since"), null=True, blank=True)
    source = models.TextField(
        _("source"), blank=True, help_text=_("Where the facts of this request are published.")
    )
    example = models.BooleanField(
        _("example"), default=False, help_text=_("Demonstration data, not a real request.")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["country__un_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["country", "mandate"], name="one_visit_record_per_state"
            )
        ]
        verbose_name = _("visit request")
        verbose_name_plural = _("visit requests")

    def __str__(self) -> str:
        return f"{self.country_id} ({self.mandate})"

    def get_absolute_url(self) -> str:
        return reverse("visits:detail", kwargs={"iso3": self.country_id})

    @property
    def status_label(self) -> str:
        return str(lifecycle.STATUS_LABELS.get(self.status, self.status))

    def events_as_steps(self) -> list[lifecycle.Event]:
        return [event.as_step() for event in self.events.all()]

    def history(self) -> lifecycle.History:
        return lifecycle.replay(self.events_as_steps())


class VisitEvent(models.Model):
    """One dated step of a request, recorded by the secretariat or the State's focal point."""

    request = models.ForeignKey(VisitRequest, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(
        _("event"), max_length=20, choices=[(k, v) for k, v in lifecycle.EVENT_LABELS.items()]
    )
    on = models.DateField(_("date"))
    starts_on = models.DateField(_("visit from"), null=True, blank=True)
    ends_on = models.DateField(_("visit to"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    report_url = models.URLField(_("report"), max_length=500, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    by_state = models.BooleanField(_("recorded by the State"), default=False)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["on", "pk"]
        verbose_name = _("visit event")
        verbose_name_plural = _("visit events")

    def __str__(self) -> str:
        return f"{self.request_id} {self.kind} {self.on}"

    @property
    def label(self) -> str:
        return str(lifecycle.EVENT_LABELS.get(self.kind, self.kind))

    def as_step(self) -> lifecycle.Event:
        return lifecycle.Event(self.kind, self.on, self.starts_on, self.ends_on)


class StandingInvitation(models.Model):
    """A State's standing invitation to all thematic special procedures."""

    country = models.OneToOneField(
        Country,
        on_delete=models.PROTECT,
        related_name="standing_invitation",
        verbose_name=_("State"),
    )
    since = models.DateField(_("extended on"), null=True, blank=True)
    source = models.TextField(_("source"), blank=True)
    example = models.BooleanField(_("example"), default=False)

    class Meta:
        ordering = ["country__un_name"]
        verbose_name = _("standing invitation")
        verbose_name_plural = _("standing invitations")

    def __str__(self) -> str:
        return self.country_id
