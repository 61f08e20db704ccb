from django.contrib import admin

from .models import ChannelImport, ColumnMapping


@admin.register(ChannelImport)
class ChannelImportAdmin(admin.ModelAdmin):
    """Read-only: imports change only through their services (pages, API, tasks)."""

    list_display = (
        "id",
        "original_name",
        "organisation",
        "uploaded_by",
        "status",
        "total_rows",
        "lines_total",
        "created_at",
    )
    list_filter = ("status", "kind")
    search_fields = ("original_name", "organisation__name")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ColumnMapping)
class ColumnMappingAdmin(admin.ModelAdmin):
    list_display = ("organisation", "updated_by", "updated_at")
