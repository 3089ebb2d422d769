from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from solidarity.declaration.models import StakeholderType

SOURCE_FILE_LIMIT = 1_000_000


class ImportForm(forms.Form):
    label = forms.CharField(
        label=_("Label of the version"),
        max_length=200,
        help_text=_(
            "How people will tell this version from the others, e.g. “Revised draft, 2017”."
        ),
    )
    file = forms.FileField(
        label=_("Text file"),
        required=False,
        help_text=_(
            "Plain text (UTF-8): the title on the first line, then the preamble's paragraphs "
            "separated by blank lines, then each article under a line “Article N” (or "
            "“Article N: Heading”), its paragraphs numbered “1.”, “2.”…"
        ),
    )
    text = forms.CharField(
        label=_("Or paste the text"), required=False, widget=forms.Textarea(attrs={"rows": 12})
    )
    publish = forms.BooleanField(label=_("Publish it now and open it for comments"), required=False)

    def clean(self):
        data = super().clean()
        upload = data.get("file")
        if upload is not None:
            if upload.size > SOURCE_FILE_LIMIT:
                raise ValidationError(_("The file is larger than a declaration can be (1 MB)."))
            try:
                data["source"] = upload.read().decode("utf-8-sig")
            except UnicodeDecodeError:
                raise ValidationError(_("The file is not UTF-8 text.")) from None
            data["source_name"] = upload.name
        elif data.get("text", "").strip():
            data["source"], data["source_name"] = data["text"], ""
        else:
            raise ValidationError(_("Choose a text file or paste the text."))
        return data


class CommentForm(forms.Form):
    eid = forms.ChoiceField(label=_("Your comment is on"))
    body = forms.CharField(
        label=_("Comment"), max_length=10_000, widget=forms.Textarea(attrs={"rows": 6})
    )
    proposed_wording = forms.CharField(
        label=_("Proposed wording (optional)"),
        required=False,
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The text you would put in place of the article or paragraph, if any."),
    )
    key = forms.UUIDField(widget=forms.HiddenInput)

    def __init__(self, *args, targets: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["eid"].choices = targets


class HideForm(forms.Form):
    reason = forms.CharField(label=_("Reason for hiding"), max_length=1000)


class StakeholderFilter(forms.Form):
    stakeholder = forms.ChoiceField(
        label=_("Stakeholder type"),
        required=False,
        choices=[("", _("All")), *StakeholderType.choices],
    )
