from django.contrib import admin

from solidarity.core.admin import AuditedAdmin
from solidarity.practices.models import Theme


@admin.register(Theme)
class ThemeAdmin(AuditedAdmin):
    """Themes are the secretariat's vocabulary; practices are changed through their review."""

    list_display = ("code", "labels")
    search_fields = ("code",)

    def has_delete_permission(self, request, obj=None):
        return False  # practices refer to the code

    def get_readonly_fields(self, request, obj=None):
        return ("code",) if obj else ()
