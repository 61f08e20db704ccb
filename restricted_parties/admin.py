from __future__ import annotations

from django.contrib import admin

from .models import FalsePositive, RestrictedPartyEntry, RestrictedPartyList


class _ReadOnlyAdmin(admin.ModelAdmin):
    """Lists change only through the import service and findings through
    false_positive_mark, so the admin shows them without editing."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(RestrictedPartyList)
class RestrictedPartyListAdmin(_ReadOnlyAdmin):
    list_display = (
        "name",
        "source_format",
        "imported_at",
        "imported_by",
        "entry_count",
        "is_active",
    )
    list_filter = ("is_active", "source_format", "name")


@admin.register(RestrictedPartyEntry)
class RestrictedPartyEntryAdmin(_ReadOnlyAdmin):
    list_display = ("name", "source_id", "entity_type", "list")
    list_filter = ("list__is_active", "entity_type", "list__name")
    search_fields = ("name", "source_id")
    list_select_related = ("list",)


@admin.register(FalsePositive)
class FalsePositiveAdmin(_ReadOnlyAdmin):
    list_display = ("party_name", "list_name", "source_id", "created_by", "created_at")
    search_fields = ("party_name", "source_id", "reason")
    list_select_related = ("created_by",)
