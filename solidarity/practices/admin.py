from django.contrib import admin

from solidarity.core.admin import ServiceAdmin
from solidarity.practices import services
from solidarity.practices.models import Theme


@admin.register(Theme)
class ThemeAdmin(ServiceAdmin):
    """Themes are the secretariat's vocabulary; practices are changed through their review."""

    list_display = ("code", "labels")
    search_fields = ("code",)
    fields = ("code", "labels")

    def get_readonly_fields(self, request, obj=None):
        return ("code",) if obj else ()  # practices refer to the code

    def save_through_service(self, request, obj, form, change):
        labels = form.cleaned_data["labels"]
        if change:
            return services.theme_update(actor=request.user, theme=obj, labels=labels)
        return services.theme_create(
            actor=request.user, code=form.cleaned_data["code"], labels=labels
        )
