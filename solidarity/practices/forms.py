from __future__ import annotations

import html
import re

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from solidarity.countries.models import Country
from solidarity.practices.content import TEXT_FIELDS
from solidarity.practices.files import (
    ACCEPTED,
    MAX_ATTACHMENT_BYTES,
    AttachmentRefused,
    check_attachment,
)
from solidarity.practices.models import Theme
from solidarity.practices.services import EDITABLE_FIELDS
from solidarity.practices.taxonomy import (
    SDG_GOALS,
    ActorType,
    CountryRole,
    HumanRight,
    Level,
    Modality,
    sdg_label,
)
from solidarity.practices.validation import ContentError, clean_content

_HAS_TAG = re.compile(r"<\s*(p|ul|ol|li|strong|em|b|i|a|h3|h4|blockquote|br)\b", re.IGNORECASE)


def paragraphs_to_html(text: str) -> str:
    """Plain text becomes paragraphs; text with simple HTML is kept (and sanitized later)."""
    text = (text or "").strip()
    if not text or _HAS_TAG.search(text):
        return text
    blocks = [block.strip() for block in re.split(r"\n\s*\n", text) if block.strip()]
    return "".join(f"<p>{html.escape(block).replace(chr(10), '<br>')}</p>" for block in blocks)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(item, initial) for item in data if item]
        return [super().clean(data, initial)] if data else []


# The fields the form reads as they are (lists of codes, a code).
CHOSEN_FIELDS = ("level", "themes", "modalities", "sdg_goals", "human_rights", "language")
# Which form field shows an error of each content field.
_ERROR_FIELD = {"actors": "actor_name_1", "countries": "country_1", "sources": "source_url_1"}


# A date field holds only an ISO date: a browser empties one given 01/03/2019, the
# French way, and the date would be lost when the form is sent back.
ISO_DATE = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})


class PracticeForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    summary = forms.CharField(
        label=_("Summary"),
        max_length=600,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Two or three sentences: what was done, where, with what result."),
    )
    description = forms.CharField(
        label=_("Description"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Plain text, with a blank line between paragraphs. Simple HTML (paragraphs, "
            "lists, bold, italics, links) is kept; anything else is removed."
        ),
    )
    challenge = forms.CharField(
        label=_("Challenge addressed"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    actions = forms.CharField(
        label=_("What was done"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    results = forms.CharField(
        label=_("Results and evidence"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    enabling_factors = forms.CharField(
        label=_("Enabling factors and constraints"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    sustainability = forms.CharField(
        label=_("Sustainability and replicability"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    resources = forms.CharField(
        label=_("Resources"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    started_on = forms.DateField(label=_("Started on"), required=False, widget=ISO_DATE)
    ended_on = forms.DateField(label=_("Ended on"), required=False, widget=ISO_DATE)
    ongoing = forms.BooleanField(label=_("Still ongoing"), required=False)
    level = forms.ChoiceField(label=_("Level"), required=False, choices=[("", "—"), *Level.choices])
    themes = forms.MultipleChoiceField(
        label=_("Themes"), required=False, widget=forms.CheckboxSelectMultiple
    )
    modalities = forms.MultipleChoiceField(
        label=_("Modalities"),
        required=False,
        choices=Modality.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    sdg_goals = forms.TypedMultipleChoiceField(
        label=_("Sustainable Development Goals"),
        required=False,
        coerce=int,
        choices=[(goal, sdg_label(goal)) for goal in SDG_GOALS],
        widget=forms.CheckboxSelectMultiple,
    )
    sdg_targets = forms.CharField(
        label=_("SDG targets"),
        required=False,
        max_length=300,
        help_text=_("Their numbers, separated by commas: 2.1, 17.9"),
    )
    human_rights = forms.MultipleChoiceField(
        label=_("Human rights concerned"),
        required=False,
        choices=HumanRight.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    language = forms.ChoiceField(label=_("Language of the record"), choices=settings.LANGUAGES)
    contact_name = forms.CharField(
        label=_("Contact name"),
        required=False,
        max_length=200,
        help_text=_("Private: seen only by the secretariat and the reviewers."),
    )
    contact_email = forms.EmailField(label=_("Contact e-mail"), required=False)
    files = MultipleFileField(
        label=_("Add documents"),
        required=False,
        help_text=_("%(types)s; at most 20 MB each.") % {"types": ACCEPTED},
    )
    remove_attachments = forms.TypedMultipleChoiceField(
        label=_("Remove documents"),
        required=False,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
    )
    submission_key = forms.UUIDField(widget=forms.HiddenInput)

    def __init__(self, *args, rows: dict[str, int] | None = None, attachments=(), **kwargs):
        super().__init__(*args, **kwargs)
        rows = rows or {}
        self.fields["themes"].choices = [(t.code, t.label()) for t in Theme.objects.all()]
        self.fields["remove_attachments"].choices = [(a.pk, a.name) for a in attachments]
        if not attachments:
            del self.fields["remove_attachments"]
        country_choices = [("", "—"), *Country.objects.values_list("iso3", "un_name")]
        self.row_groups = {"actors": [], "countries": [], "sources": []}
        for n in range(1, rows.get("actors", 0) + 3):
            self.fields[f"actor_name_{n}"] = forms.CharField(
                label=_("Actor %(n)d: name") % {"n": n}, required=False, max_length=200
            )
            self.fields[f"actor_type_{n}"] = forms.ChoiceField(
                label=_("Actor %(n)d: type") % {"n": n},
                required=False,
                choices=[("", "—"), *ActorType.choices],
            )
            self.row_groups["actors"].append((f"actor_name_{n}", f"actor_type_{n}"))
        for n in range(1, rows.get("countries", 0) + 4):
            self.fields[f"country_{n}"] = forms.ChoiceField(
                label=_("Country %(n)d") % {"n": n}, required=False, choices=country_choices
            )
            self.fields[f"role_{n}"] = forms.ChoiceField(
                label=_("Country %(n)d: role") % {"n": n},
                required=False,
                choices=[("", "—"), *CountryRole.choices],
            )
            self.row_groups["countries"].append((f"country_{n}", f"role_{n}"))
        for n in range(1, rows.get("sources", 0) + 3):
            self.fields[f"source_title_{n}"] = forms.CharField(
                label=_("Source %(n)d: title") % {"n": n}, required=False, max_length=300
            )
            self.fields[f"source_url_{n}"] = forms.CharField(
                label=_("Source %(n)d: web address") % {"n": n}, required=False, max_length=1000
            )
            self.row_groups["sources"].append((f"source_title_{n}", f"source_url_{n}"))

    @property
    def rows(self) -> dict[str, list]:
        """The bound fields of each repeating group, row by row, for the template."""
        return {
            group: [[self[name] for name in row] for row in rows]
            for group, rows in self.row_groups.items()
        }

    @staticmethod
    def initial_from(practice) -> tuple[dict, dict[str, int]]:
        """Initial values and row counts for editing a working copy."""
        initial = {
            name: getattr(practice, name)
            for name in EDITABLE_FIELDS
            if name not in {"actors", "countries", "sources", "sdg_targets"}
        }
        initial["sdg_targets"] = ", ".join(practice.sdg_targets)
        for n, actor in enumerate(practice.actors, start=1):
            initial[f"actor_name_{n}"], initial[f"actor_type_{n}"] = actor["name"], actor["type"]
        for n, row in enumerate(practice.countries, start=1):
            initial[f"country_{n}"], initial[f"role_{n}"] = row["country"], row["role"]
        for n, source in enumerate(practice.sources, start=1):
            initial[f"source_title_{n}"], initial[f"source_url_{n}"] = (
                source["title"],
                source["url"],
            )
        rows = {
            "actors": len(practice.actors),
            "countries": len(practice.countries),
            "sources": len(practice.sources),
        }
        return initial, rows

    def clean(self):
        data = super().clean()
        content = {name: data.get(name, "") for name in (*TEXT_FIELDS, *CHOSEN_FIELDS)}
        content["description"] = paragraphs_to_html(data.get("description", ""))
        content["period"] = {
            "start": data.get("started_on"),
            "end": data.get("ended_on"),
            "ongoing": data.get("ongoing", False),
        }
        content["sdg_targets"] = [
            t.strip() for t in re.split(r"[,;\s]+", data.get("sdg_targets") or "") if t.strip()
        ]
        content["actors"] = [
            {"name": data.get(name) or "", "type": data.get(kind) or ""}
            for name, kind in self.row_groups["actors"]
        ]
        content["countries"] = [
            {"country": data.get(code) or "", "role": data.get(role) or ""}
            for code, role in self.row_groups["countries"]
        ]
        content["sources"] = [
            {"title": data.get(title) or "", "url": data.get(url) or ""}
            for title, url in self.row_groups["sources"]
        ]
        try:
            self.content_fields = clean_content(
                content,
                theme_codes={code for code, _label in self.fields["themes"].choices},
                country_codes={code for code, _label in self.fields["country_1"].choices if code},
            )
        except ContentError as error:
            for name, messages in error.errors.items():
                target = _ERROR_FIELD.get(name, name)
                for message in messages:
                    self.add_error(target if target in self.fields else None, message)
            return data
        self.content_fields["contact_name"] = data.get("contact_name", "")
        self.content_fields["contact_email"] = data.get("contact_email", "")
        checked = []
        for upload in data.get("files") or []:
            try:
                # An oversized file is refused by its size, without reading it.
                content = upload.read() if upload.size <= MAX_ATTACHMENT_BYTES else b""
                checked.append(check_attachment(upload.name, content, size=upload.size))
            except AttachmentRefused as refused:
                self.add_error("files", str(refused))
        self.checked_files = checked
        return data


class ReasonForm(forms.Form):
    message = forms.CharField(
        label=_("Message"), widget=forms.Textarea(attrs={"rows": 4}), max_length=5000
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[
            ("comment", _("Comment")),
            ("changes", _("Request changes")),
            ("publish", _("Publish")),
            ("reject", _("Reject")),
        ]
    )
    # Two texts a reviewer must never confuse: the private message stays in the
    # review thread and the submitter's e-mail; the note is printed with the
    # published version for every reader.
    message = forms.CharField(
        label=_("Private message to the submitter"),
        help_text=_(
            "Only the submitter and the reviewers see it, here and in the e-mail sent to the "
            "submitter. It is never published."
        ),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
    )
    note = forms.CharField(
        label=_("Public note on this version (optional)"),
        help_text=_(
            "Used only when you publish. Everyone sees it with the published version: on its "
            "history page and in the open data."
        ),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
    )

    def clean(self):
        data = super().clean()
        if (data.get("note") or "").strip() and data.get("decision") != "publish":
            # Dropped silently, it would look published to the one who wrote it.
            self.add_error("note", _("A public note goes only with Publish."))
        return data
