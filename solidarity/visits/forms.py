"""Forms of the visits pages. They check the input's shape; the services check the rest."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from solidarity.countries.models import Country
from solidarity.visits import lifecycle

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _choices(kinds):
    return [(kind, lifecycle.EVENT_LABELS[kind]) for kind in kinds]


class RequestForm(forms.Form):
    country = forms.ModelChoiceField(
        label=_("State"), queryset=Country.objects.all(), to_field_name="iso3"
    )
    kind = forms.ChoiceField(
        label=_("Event"), choices=_choices((lifecycle.REQUESTED, lifecycle.INVITED))
    )
    on = forms.DateField(label=_("Date"), widget=DATE)
    note = forms.CharField(
        label=_("Note"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("Public: shown in the request's log."),
    )
    source = forms.CharField(
        label=_("Published source"),
        required=False,
        help_text=_("Where this request is published (a document symbol or a web address)."),
    )


class EventForm(forms.Form):
    kind = forms.ChoiceField(label=_("Event"), choices=[])
    on = forms.DateField(label=_("Date"), widget=DATE)
    starts_on = forms.DateField(label=_("Visit from"), widget=DATE, required=False)
    ends_on = forms.DateField(label=_("Visit to"), widget=DATE, required=False)
    note = forms.CharField(
        label=_("Note"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("Public: shown in the request's log."),
    )
    report_url = forms.URLField(
        assume_scheme="https",
        label=_("Report (web address)"),
        required=False,
        help_text=_("For a completed visit: the report to the Council."),
    )

    def __init__(self, *args, kinds=None, **kwargs):
        super().__init__(*args, **kwargs)
        secretariat_kinds = [k for k in lifecycle.EVENTS if k != lifecycle.REMINDER_SENT]
        self.fields["kind"].choices = _choices(kinds or secretariat_kinds)


class AnswerForm(EventForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, kinds=lifecycle.STATE_ANSWERS, **kwargs)
        del self.fields["report_url"]
