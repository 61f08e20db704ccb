from django.contrib import admin

from .models import ListImportSchedule, RescreenRun
from .schedules import list_import_schedule_save


@admin.register(ListImportSchedule)
class ListImportScheduleAdmin(admin.ModelAdmin):
    """Admins schedule a list import from a path or URL; the beat entry follows."""

    list_display = (
        "list_name",
        "source_format",
        "location",
        "every_hours",
        "enabled",
        "last_checked_at",
        "last_result",
    )
    readonly_fields = ("periodic_task", "last_checked_at", "last_result", "last_sha256")

    def save_model(self, request, obj, form, change):
        list_import_schedule_save(actor=request.user, schedule=obj)


@admin.register(RescreenRun)
class RescreenRunAdmin(admin.ModelAdmin):
    """Read-only: runs are started by the changes that cause them."""

    list_display = ("id", "trigger", "label", "status", "total", "raised", "lowered", "created_at")
    list_filter = ("trigger", "status")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
