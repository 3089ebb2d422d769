from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from solidarity.mandate.models import Body, DeliverableStatus, Frequency, TaskStatus


class TaskConfirmForm(forms.Form):
    addressees = forms.CharField(
        label=_("Addressees"), help_text=_("Separated by commas."), max_length=1000
    )
    action = forms.CharField(label=_("Action"), widget=forms.Textarea(attrs={"rows": 4}))
    target_session = forms.IntegerField(
        label=_("Target session"), required=False, min_value=1, max_value=999
    )
    target_date = forms.CharField(
        label=_("Target date"), required=False, max_length=10, help_text=_("2026-06-30, or a year.")
    )
    frequency = forms.ChoiceField(label=_("Frequency"), choices=Frequency.choices)

    def corrections(self) -> dict:
        data = dict(self.cleaned_data)
        data["addressees"] = [a.strip() for a in data["addressees"].split(",") if a.strip()]
        return data


class TaskStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=TaskStatus.choices)
    evidence = forms.CharField(
        label=_("Evidence"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One link a line: a label, a vertical bar, then the address."),
    )

    def evidence_items(self) -> list[dict]:
        items = []
        for line in self.cleaned_data["evidence"].splitlines():
            if not line.strip():
                continue
            label, _bar, url = line.rpartition("|")
            items.append({"label": label.strip(), "url": url.strip()})
        return items


class DeliverableForm(forms.Form):
    body = forms.ChoiceField(
        label=pgettext_lazy("addressee of a report", "To"),
        choices=[(Body.HRC, Body.HRC.label), (Body.GA, Body.GA.label)],
    )
    session = forms.IntegerField(label=_("Session"), min_value=1, max_value=999)
    title = forms.CharField(label=_("Title"), max_length=400)
    symbol = forms.CharField(label=_("Symbol"), required=False, max_length=60)
    due_on = forms.DateField(label=_("Due on"), widget=forms.DateInput(attrs={"type": "date"}))
    status = forms.ChoiceField(label=_("Status"), choices=DeliverableStatus.choices)
    word_limit = forms.IntegerField(
        label=_("Word limit"),
        required=False,
        min_value=1,
        help_text=_("Empty: the mandate's limit for reports to that body."),
    )


class DraftForm(forms.Form):
    draft = forms.FileField(label=_("Draft (DOCX, ODT or PDF)"))
