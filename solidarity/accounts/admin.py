from django.contrib import admin
from django.contrib.auth import forms as auth_forms
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from solidarity.accounts import services
from solidarity.accounts.models import Organization, User
from solidarity.core import audit
from solidarity.core.admin import AuditedAdmin


@admin.register(Organization)
class OrganizationAdmin(AuditedAdmin):
    list_display = ["name", "type", "verified", "created_at"]
    list_filter = ["type", "verified"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["countries"]


class UserCreationForm(auth_forms.AdminUserCreationForm):
    class Meta:
        model = User
        fields = ("email", "full_name")


class UserChangeForm(auth_forms.UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"


@admin.register(User)
class UserAdmin(AuditedAdmin, DjangoUserAdmin):
    add_form = UserCreationForm
    form = UserChangeForm
    ordering = ["email"]
    list_display = ["email", "full_name", "role", "country", "organization", "is_active"]
    list_filter = ["role", "is_active"]
    search_fields = ["email", "full_name"]
    autocomplete_fields = ["country", "organization"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        ("Person", {"fields": ["full_name"]}),
        ("Role", {"fields": ["role", "country", "organization"]}),
        ("Status", {"fields": ["is_active", "email_verified_at", "last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "full_name", "password1", "password2"]}),
        ("Role", {"fields": ["role", "country", "organization"]}),
    ]
    readonly_fields = ["last_login", "date_joined", "email_verified_at"]

    def save_model(self, request, obj, form, change):
        # The same binding rules as the services: a role's country or organization
        # only, and administration rights for the secretariat only. (A role without
        # its country or organization is refused by the form, from the model's
        # constraints.)
        services.bind_role(obj, obj.role, obj.country, obj.organization)
        super().save_model(request, obj, form, change)

    def user_change_password(self, request, id, form_url=""):
        response = super().user_change_password(request, id, form_url)
        if request.method == "POST" and response.status_code == 302:
            audit.record(
                actor=request.user,
                action="user.change_password (admin)",
                target=User.objects.get(pk=id),
            )
        return response
