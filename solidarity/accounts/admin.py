from django.contrib import admin
from django.contrib.auth import forms as auth_forms
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.models import Group

from solidarity.accounts import services
from solidarity.accounts.models import Organization, User
from solidarity.core.admin import ServiceAdmin

# Roles are the platform's permissions (core.roles and each app's policies);
# Django's groups would grant nothing the policies read.
admin.site.unregister(Group)


@admin.register(Organization)
class OrganizationAdmin(ServiceAdmin):
    list_display = ["name", "type", "verified", "created_at"]
    list_filter = ["type", "verified"]
    search_fields = ["name"]
    filter_horizontal = ["countries"]
    fields = ["name", "slug", "type", "countries", "website", "verified"]
    readonly_fields = ["slug"]  # made from the name once; addresses stay

    def save_through_service(self, request, obj, form, change):
        data = form.cleaned_data
        values = {
            "name": data["name"],
            "type": data["type"],
            "countries": data["countries"],
            "website": data["website"],
            "verified": data["verified"],
        }
        if change:
            return services.organization_update(actor=request.user, organization=obj, **values)
        return services.organization_create(actor=request.user, **values)


class UserCreationForm(auth_forms.AdminUserCreationForm):
    class Meta:
        model = User
        fields = ("email", "full_name")


class UserChangeForm(auth_forms.UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"


_ROLE_FIELDS = {"role", "country", "organization"}
_PERSON_FIELDS = {"full_name", "language", "is_active"}


@admin.register(User)
class UserAdmin(ServiceAdmin, DjangoUserAdmin):
    """People are changed through the accounts services: a role with its binding
    (``user.set_role``), the rest with ``user.update``; the address is the login."""

    add_form = UserCreationForm
    form = UserChangeForm
    ordering = ["email"]
    list_display = ["email", "full_name", "role", "country", "organization", "is_active"]
    list_filter = ["role", "is_active"]
    search_fields = ["email", "full_name"]
    autocomplete_fields = ["country", "organization"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        ("Person", {"fields": ["full_name", "language"]}),
        ("Role", {"fields": ["role", "country", "organization"]}),
        ("Status", {"fields": ["is_active", "email_verified_at", "last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (
            None,
            {
                "classes": ["wide"],
                "fields": ["email", "full_name", "language", "password1", "password2"],
            },
        ),
        ("Role", {"fields": ["role", "country", "organization"]}),
    ]

    def get_readonly_fields(self, request, obj=None):
        fixed = ["last_login", "date_joined", "email_verified_at"]
        return [*fixed, "email"] if obj else fixed

    def save_through_service(self, request, obj, form, change):
        data = form.cleaned_data
        if not change:
            return services.user_create(
                actor=request.user,
                email=data["email"],
                full_name=data["full_name"],
                role=data["role"],
                password=data.get("password1") or None,
                country=data.get("country"),
                organization=data.get("organization"),
                language=data.get("language", ""),
            )
        user = obj
        changed = set(form.changed_data)
        if changed & _ROLE_FIELDS:
            user = services.user_set_role(
                actor=request.user,
                user=user,
                role=data["role"],
                country=data.get("country"),
                organization=data.get("organization"),
            )
        if changed & _PERSON_FIELDS:
            user = services.user_update(
                actor=request.user,
                user=user,
                **{name: data[name] for name in changed & _PERSON_FIELDS},
            )
        return user

    def user_change_password(self, request, id, form_url=""):
        response = super().user_change_password(request, id, form_url)
        if request.method == "POST" and response.status_code == 302:
            # Django's form set the password (it checked it with the validators).
            services.user_password_set_in_admin(actor=request.user, user=User.objects.get(pk=id))
        return response
