"""The forms of calls for input: the secretariat's call form, the answer form, review."""

from __future__ import annotations

import datetime as dt
import re
import uuid

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from solidarity.calls.models import (
    GENEVA,
    Call,
    Consent,
    PublicationPolicy,
    QuestionKind,
    StakeholderType,
)
from solidarity.calls.services import CALL_FIELDS, SUBMISSION_TYPES
from solidarity.mandate.models import Deliverable
from solidarity.practices.files import (
    MAX_ATTACHMENT_BYTES,
    AttachmentRefused,
    check_attachment,
)
from solidarity.practices.forms import MultipleFileField

QUESTION_ROWS = 6
GENEVA_INPUT = forms.DateTimeInput(format="%Y-%m-%dT%H:%M", attrs={"type": "datetime-local"})


class GenevaDateTimeField(forms.DateTimeField):
    """A date and time typed in Geneva time, whatever the server's or the reader's zone."""

    widget = GENEVA_INPUT

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("input_formats", ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"])
        kwargs.setdefault("help_text", _("Geneva time."))
        super().__init__(*args, **kwargs)

    def prepare_value(self, value):
        if isinstance(value, dt.datetime) and value.tzinfo is not None:
            return value.astimezone(GENEVA).replace(tzinfo=None)
        return value

    def to_python(self, value):
        if isinstance(value, dt.datetime) and value.tzinfo is not None:
            return value  # a stored moment (the initial value of a closed field)
        value = super().to_python(value)
        if value is None:
            return None
        return value.replace(tzinfo=None).replace(tzinfo=GENEVA)


def _languages():
    return [(code, name) for code, name in settings.LANGUAGES]


class CallForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    slug = forms.SlugField(
        label=_("Short name in addresses"), max_length=80, help_text=_("e.g. solidarity-2026")
    )
    purpose = forms.CharField(label=_("Purpose and background"), widget=forms.Textarea)
    report = forms.CharField(label=_("The report it feeds"), max_length=300, required=False)
    deliverable = forms.ModelChoiceField(
        label=_("Report deliverable"),
        queryset=Deliverable.objects.defer("draft_data").order_by("due_on", "pk"),
        required=False,
        help_text=_("Its annexes compile the submissions this call receives."),
    )
    resolution = forms.CharField(
        label=_("Resolution"), max_length=40, required=False, initial="A/HRC/RES/56/4"
    )
    paragraphs = forms.CharField(
        label=_("Operative paragraphs served"),
        required=False,
        max_length=200,
        help_text=_("Their numbers, separated by commas: 15, 18"),
    )
    invited = forms.MultipleChoiceField(
        label=_("Who is invited"),
        choices=StakeholderType.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    languages = forms.MultipleChoiceField(
        label=_("Accepted languages"), choices=_languages, widget=forms.CheckboxSelectMultiple
    )
    opens_at = GenevaDateTimeField(label=_("Opens"))
    closes_at = GenevaDateTimeField(label=_("Closes"))
    publication_policy = forms.ChoiceField(
        label=_("Publication policy"), choices=PublicationPolicy.choices
    )
    confidentiality_note = forms.CharField(
        label=_("Confidentiality note"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for n in range(1, QUESTION_ROWS + 1):
            self.fields[f"q{n}_text"] = forms.CharField(
                label=_("Question %(n)d") % {"n": n},
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            self.fields[f"q{n}_kind"] = forms.ChoiceField(
                label=_("Kind of answer"), choices=QuestionKind.choices, required=False
            )
            self.fields[f"q{n}_choices"] = forms.CharField(
                label=_("Choices, one a line"),
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            self.fields[f"q{n}_word_limit"] = forms.IntegerField(
                label=_("Word limit"), required=False, min_value=1, max_value=20_000
            )
            self.fields[f"q{n}_required"] = forms.BooleanField(label=_("Required"), required=False)

    @property
    def question_rows(self):
        return [
            [self[f"q{n}_{part}"] for part in ("text", "kind", "choices", "word_limit", "required")]
            for n in range(1, QUESTION_ROWS + 1)
        ]

    @property
    def main_fields(self):
        return [self[name] for name in self.declared_fields]

    def clean_paragraphs(self):
        text = self.cleaned_data.get("paragraphs") or ""
        numbers = [part for part in re.split(r"[,;\s]+", text) if part]
        if not all(part.isdigit() and int(part) < 1000 for part in numbers):
            raise forms.ValidationError(_("Give paragraph numbers, separated by commas."))
        return [int(part) for part in numbers]

    @property
    def questions(self) -> list[dict]:
        data = self.cleaned_data
        return [
            {
                "text": data[f"q{n}_text"],
                "kind": data.get(f"q{n}_kind") or QuestionKind.TEXT,
                "choices": (data.get(f"q{n}_choices") or "").splitlines(),
                "word_limit": data.get(f"q{n}_word_limit"),
                "required": data.get(f"q{n}_required"),
            }
            for n in range(1, QUESTION_ROWS + 1)
            if (data.get(f"q{n}_text") or "").strip()
        ]

    @property
    def call_fields(self) -> dict:
        # Every field the service takes, except the demo's "example" mark.
        return {name: self.cleaned_data[name] for name in CALL_FIELDS if name != "example"}

    @staticmethod
    def initial_from(call: Call) -> dict:
        initial = {
            name: getattr(call, name)
            for name in (
                "slug",
                "title",
                "purpose",
                "report",
                "deliverable",
                "invited",
                "languages",
                "opens_at",
                "closes_at",
                "publication_policy",
                "confidentiality_note",
            )
        }
        initial["resolution"] = call.resolution.symbol if call.resolution else ""
        initial["paragraphs"] = ", ".join(str(p.number) for p in call.paragraphs.all())
        for q in call.questions.all():
            initial |= {
                f"q{q.number}_text": q.text,
                f"q{q.number}_kind": q.kind,
                f"q{q.number}_choices": "\n".join(q.choices),
                f"q{q.number}_word_limit": q.word_limit,
                f"q{q.number}_required": q.required,
            }
        return initial


class ExtendForm(forms.Form):
    closes_at = GenevaDateTimeField(label=_("New deadline"))
    reason = forms.CharField(
        label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class AnswerForm(forms.Form):
    """One field per question of the call, then the language, the files and the consent."""

    submission_key = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4)
    language = forms.ChoiceField(label=_("Language of the submission"))
    files = MultipleFileField(
        label=_("Documents"),
        required=False,
        help_text=_("PDF, DOCX or ODT; at most 20 MB each."),
    )
    consent = forms.ChoiceField(
        label=_("May we publish your submission?"),
        choices=Consent.choices,
        widget=forms.RadioSelect,
        required=False,
    )

    def __init__(self, *args, call: Call, submission=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.call = call
        self.questions = list(call.questions.all())
        names = dict(settings.LANGUAGES)
        self.fields["language"].choices = [(code, names.get(code, code)) for code in call.languages]
        for question in self.questions:
            label = f"{question.number}. {question.text}"
            if question.kind == QuestionKind.TEXT:
                help_text = (
                    _("At most %(limit)d words.") % {"limit": question.word_limit}
                    if question.word_limit
                    else ""
                )
                field: forms.Field = forms.CharField(
                    label=label,
                    required=False,
                    widget=forms.Textarea(attrs={"rows": 6}),
                    help_text=help_text,
                )
            elif question.kind == QuestionKind.SINGLE:
                field = forms.ChoiceField(
                    label=label,
                    required=False,
                    choices=[(c, c) for c in question.choices],
                    widget=forms.RadioSelect,
                )
            else:
                field = forms.MultipleChoiceField(
                    label=label,
                    required=False,
                    choices=[(c, c) for c in question.choices],
                    widget=forms.CheckboxSelectMultiple,
                )
            field.question = question  # type: ignore[attr-defined]
            self.fields[question.key] = field
        self.existing_files = list(submission.files.all()) if submission else []
        if self.existing_files:
            self.fields["remove_files"] = forms.TypedMultipleChoiceField(
                label=_("Remove documents"),
                required=False,
                coerce=int,
                choices=[(f.pk, f.name) for f in self.existing_files],
                widget=forms.CheckboxSelectMultiple,
            )

    @property
    def question_fields(self):
        return [self[q.key] for q in self.questions]

    @staticmethod
    def initial_from(submission) -> dict:
        return {
            **submission.answers,
            "language": submission.language,
            "consent": submission.consent,
            "submission_key": submission.submission_key,
        }

    def clean(self):
        data = super().clean()
        self.answers = {q.key: data.get(q.key) for q in self.questions}
        checked = []
        for upload in data.get("files") or []:
            try:
                # An oversized file is refused by its size, without reading it.
                content = upload.read() if upload.size <= MAX_ATTACHMENT_BYTES else b""
                document = check_attachment(upload.name, content, size=upload.size)
            except AttachmentRefused as refused:
                self.add_error("files", str(refused))
                continue
            if document.media_type not in SUBMISSION_TYPES:
                self.add_error(
                    "files",
                    _("%(name)s: a submission accepts PDF, DOCX and ODT documents.")
                    % {"name": document.name},
                )
                continue
            checked.append(document)
        self.checked_files = checked
        return data


class ReviewActionForm(forms.Form):
    action = forms.ChoiceField(
        choices=[
            ("read", _("Mark read")),
            ("unread", _("Mark unread")),
            ("publish", _("Publish")),
            ("unpublish", _("Unpublish")),
            ("tag", _("Save tags")),
        ]
    )
    tags = forms.CharField(required=False, max_length=600)
