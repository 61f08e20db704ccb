from django.contrib import admin

from .models import Questionnaire


@admin.register(Questionnaire)
class QuestionnaireAdmin(admin.ModelAdmin):
    """Read-only: questionnaires change through their pages (services, audited)."""

    list_display = (
        "organisation",
        "status",
        "requested_at",
        "submitted_at",
        "reviewed_at",
        "maturity",
        "origin",
    )
    list_filter = ("status", "maturity")
    search_fields = ("organisation__name",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
