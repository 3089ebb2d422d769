from django import forms
from django.utils.translation import gettext_lazy as _

MAX_UPLOAD_BYTES = 20 * 1024 * 1024


class IngestForm(forms.Form):
    file = forms.FileField(
        label=_("Resolution file"),
        help_text=_(
            "The text of a resolution as published: PDF with a text layer, Markdown or "
            "plain text; at most 20 MB."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("%(name)s is %(size)s MB; the limit is 20 MB."),
                params={"name": upload.name, "size": round(upload.size / 1024 / 1024, 1)},
            )
        if upload.size == 0:
            raise forms.ValidationError(_("%(name)s is empty."), params={"name": upload.name})
        return upload
