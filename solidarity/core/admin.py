from django.contrib import admin
from django.db import models

from solidarity.core import audit
from solidarity.core.models import AuditEntry


class AuditedAdmin(admin.ModelAdmin):
    """An administration screen whose saves and deletions enter the audit trail."""

    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def save_model(self, request, obj, form, change):
        # Recorded in save_related, once the many-to-many fields are saved too.
        request._audit_before = self._state_of(type(obj).objects.get(pk=obj.pk)) if change else {}
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        obj = form.instance
        audit.record(
            actor=request.user,
            action=f"{obj._meta.model_name}.{'change' if change else 'create'} (admin)",
            target=obj,
            before=getattr(request, "_audit_before", {}),
            after=self._state_of(obj),
        )

    @staticmethod
    def _state_of(obj) -> dict:
        state = audit.snapshot(obj)
        for field in obj._meta.many_to_many:
            state[field.name] = sorted(
                str(pk) for pk in getattr(obj, field.name).values_list("pk", flat=True)
            )
        return state

    def delete_model(self, request, obj):
        before = audit.snapshot(obj)
        audit.record(
            actor=request.user,
            action=f"{obj._meta.model_name}.delete (admin)",
            target=obj,
            before=before,
        )
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ["created_at", "actor_label", "action", "target_type", "target_label"]
    list_filter = ["action", "target_type"]
    search_fields = ["actor_label", "target_label", "target_id"]
    readonly_fields = [f.name for f in AuditEntry._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
