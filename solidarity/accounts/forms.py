from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from solidarity.accounts.models import Organization, OrganizationType
from solidarity.core import mail
from solidarity.countries.models import Country


class LoginForm(AuthenticationForm):
    username = forms.EmailField(
        label=_("E-mail address"),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )

    # Django's words, marked here so each language keeps its translation of them; ours
    # (French, Spanish) put the field's name after an article of its own gender.
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _(
            "Please enter a correct %(username)s and password. Note that both "
            "fields may be case-sensitive."
        ),
    }

    def clean_username(self):
        # Addresses are stored in lower case; the throttle counts the same form.
        return self.cleaned_data["username"].strip().lower()


class SignUpForm(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=150)
    email = forms.EmailField(
        label=_("E-mail address"), widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    organization = forms.ModelChoiceField(
        label=_("Your organization"),
        queryset=Organization.objects.filter(verified=True).exclude(type=OrganizationType.STATE),
        required=False,
        empty_label=_("— not listed: I name it below —"),
    )
    new_organization_name = forms.CharField(
        label=_("Name of your organization, if not listed"), max_length=200, required=False
    )
    new_organization_type = forms.ChoiceField(
        label=_("Type of organization"),
        choices=[("", "—")]
        + [(value, label) for value, label in OrganizationType.choices if value != "state"],
        required=False,
    )
    new_organization_country = forms.ModelChoiceField(
        label=_("Country where it is based"), queryset=Country.objects.all(), required=False
    )

    def clean(self):
        data = super().clean()
        if not data.get("organization") and not (
            data.get("new_organization_name") and data.get("new_organization_type")
        ):
            raise forms.ValidationError(
                _("Choose your organization, or give the name and type of a new one.")
            )
        return data


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Django's form, with the link sent like every other e-mail: through
    core.mail, in the language of the person it is for."""

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        # The link leads to the public address, not to the host name the request
        # reached this server by (behind a proxy, often an internal one).
        site = urlsplit(settings.SITE_URL)
        context = {**context, "protocol": site.scheme, "domain": site.netloc}
        context["site_name"] = site.netloc
        mail.send(to=context["user"], template="accounts/email/password_reset", context=context)


class PasswordChangeForm(auth_forms.PasswordChangeForm):
    """Django's form (the current password, the new one twice), saved through the
    accounts service, which audits the change and tells the owner."""

    def save(self, commit=True):
        from solidarity.accounts import services

        return services.user_change_password(
            actor=self.user, user=self.user, password=self.cleaned_data["new_password1"]
        )


class SetPasswordForm(auth_forms.SetPasswordForm):
    """The new password chosen through an e-mailed reset link, saved the same way."""

    def save(self, commit=True):
        from solidarity.accounts import services

        return services.user_reset_password(
            user=self.user, password=self.cleaned_data["new_password1"]
        )
