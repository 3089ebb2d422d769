"""Engagements of the Independent Expert: forums, major events and summits (op. 14 and 18)."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class EngagementKind(models.TextChoices):
    FORUM = "forum", _("Forum")
    MAJOR_EVENT = "major_event", _("Major event")
    SUMMIT = "summit", _("Summit")


class ExpertRole(models.TextChoices):
    SPEAKER = "speaker", _("Speaker")
    PANELLIST = "panellist", _("Panellist")
    ORGANIZER = "organizer", _("Co-organizer")
    PARTICIPANT = "participant", _("Participant")
    STATEMENT = "statement", _("Written statement")


class Engagement(models.Model):
    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(_("kind"), max_length=20, choices=EngagementKind.choices)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("to"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    online = models.BooleanField(_("online"), default=False)
    organizer = models.CharField(_("organizer"), max_length=300)
    role = models.CharField(_("the Expert's role"), max_length=20, choices=ExpertRole.choices)
    outcome = models.TextField(_("outcome notes"), blank=True)
    # [{"title": ..., "url": ...}]: statements, reports, recordings.
    documents = models.JSONField(_("linked documents"), default=list, blank=True)
    source = models.TextField(_("source"), blank=True)
    example = models.BooleanField(
        _("example"), default=False, help_text=_("Demonstration data, not a real event.")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-starts_on", "pk"]
        verbose_name = _("engagement")
        verbose_name_plural = _("engagements")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("engagements:detail", kwargs={"pk": self.pk})

    @property
    def last_day(self):
        return self.ends_on or self.starts_on
