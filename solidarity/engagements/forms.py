"""The engagement form: it checks the input's shape; the service checks the rest."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from solidarity.engagements.models import EngagementKind, ExpertRole

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class EngagementForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    kind = forms.ChoiceField(label=_("Kind"), choices=EngagementKind.choices)
    starts_on = forms.DateField(label=pgettext_lazy("first day", "From"), widget=DATE)
    ends_on = forms.DateField(label=pgettext_lazy("last day", "To"), widget=DATE, required=False)
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    online = forms.BooleanField(label=_("Online"), required=False)
    organizer = forms.CharField(label=_("Organizer"), max_length=300)
    role = forms.ChoiceField(label=_("The Expert's role"), choices=ExpertRole.choices)
    outcome = forms.CharField(
        label=_("Outcome notes"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    documents = forms.CharField(
        label=_("Linked documents"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("One a line: the title, a space, then the web address."),
    )
    source = forms.CharField(label=_("Published source"), required=False)

    def clean_documents(self) -> list[dict]:
        documents = []
        for line in self.cleaned_data["documents"].splitlines():
            line = line.strip()
            if not line:
                continue
            title, _space, url = line.rpartition(" ")
            documents.append({"title": title.strip() or url, "url": url})
        return documents

    @staticmethod
    def initial_from(engagement) -> dict:
        values = {name: getattr(engagement, name) for name in EngagementForm.base_fields}
        values["documents"] = "\n".join(f"{d['title']} {d['url']}" for d in engagement.documents)
        return values
