from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from solidarity.accounts import forms, permissions, selectors, services
from solidarity.accounts.forms import LoginForm, SignUpForm
from solidarity.accounts.models import Organization, User
from solidarity.core.permissions import allowed


class LoginView(auth_views.LoginView):
    form_class = LoginForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True


class PasswordChangeView(auth_views.PasswordChangeView):
    """A signed-in person changes their password, giving the current one; the
    session stays signed in, the others end (they are bound to the old hash)."""

    form_class = forms.PasswordChangeForm
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:profile")

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(
            self.request,
            _("Your password was changed. A notice was sent to your e-mail address."),
        )
        return response


@require_http_methods(["GET", "POST"])
def sign_up(request):
    if request.user.is_authenticated:
        return redirect(settings.LOGIN_REDIRECT_URL)
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.contributor_sign_up(
                email=data["email"],
                full_name=data["full_name"],
                password=data["password"],
                organization=data["organization"],
                new_organization_name=data["new_organization_name"],
                new_organization_type=data["new_organization_type"],
                new_organization_country=data["new_organization_country"],
            )
        except ValidationError as error:
            _attach_errors(form, error)
        else:
            return render(request, "accounts/sign_up_done.html", {"email": data["email"]})
    return render(request, "accounts/sign_up.html", {"form": form})


def _attach_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def verify_email(request, uidb64: str, token: str):
    try:
        user = User.objects.get(pk=force_str(urlsafe_base64_decode(uidb64)))
    except (User.DoesNotExist, ValueError, TypeError, OverflowError):
        user = None
    if user is None:
        return render(request, "accounts/verify_failed.html", status=400)
    try:
        services.contributor_verify_email(user=user, token=token)
    except ValidationError:
        return render(request, "accounts/verify_failed.html", status=400)
    messages.success(request, _("Your e-mail address is confirmed. You can now sign in."))
    return redirect("accounts:login")


@login_required
def profile(request):
    return render(request, "accounts/profile.html", {"person": request.user})


def organization_list(request):
    return render(
        request,
        "accounts/organization_list.html",
        {"organizations": selectors.organizations_public()},
    )


def organization_detail(request, slug: str):
    try:
        organization = selectors.organization_get_public(slug)
    except Organization.DoesNotExist:
        raise Http404(_("No such organization.")) from None
    return render(request, "accounts/organization_detail.html", {"organization": organization})


def _require_secretariat(request) -> None:
    if not allowed(permissions.can_manage_users, request.user):
        raise PermissionDenied


@login_required
def pending_members(request):
    _require_secretariat(request)
    return render(
        request,
        "accounts/pending_members.html",
        {"people": services.contributors_awaiting_confirmation()},
    )


@login_required
@require_POST
def pending_member_decide(request, pk: int):
    _require_secretariat(request)
    person = get_object_or_404(services.contributors_awaiting_confirmation(), pk=pk)
    try:
        if request.POST.get("decision") == "confirm":
            services.contributor_confirm(actor=request.user, user=person)
            messages.success(
                request,
                _("%(name)s now acts for %(organization)s.")
                % {"name": person.full_name, "organization": person.organization},
            )
        else:
            services.contributor_refuse(
                actor=request.user, user=person, reason=request.POST.get("reason", "")
            )
            messages.success(
                request, _("The account of %(name)s was closed.") % {"name": person.full_name}
            )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("accounts:pending")
