"""The Django admin sees deals and notifications read-only; deleting goes through retention.

Deals have no admin of their own elsewhere; this one lets an admin look, and refuses the
delete button while the record is retained (the `pre_delete` guard refuses any other
path). After retention, the delete goes through `retention_purge`, audited."""

from __future__ import annotations

from django.contrib import admin, messages

from hrdd.errors import ApplicationError
from opportunities.models import Opportunity

from .models import AuthorityNotification, RetentionPurge
from .retention import retention_ends


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Opportunity)
class OpportunityRecordAdmin(ReadOnlyAdmin):
    list_display = ("reference", "title", "status", "created_at")
    search_fields = ("reference", "title")
    list_filter = ("status",)
    actions = None  # no bulk delete: one confirmed purge at a time

    def has_delete_permission(self, request, obj=None):
        if obj is None:
            return False
        ends = retention_ends(obj.pk)
        from django.utils import timezone

        return ends is not None and ends <= timezone.localdate() and request.user.is_admin

    def delete_model(self, request, obj):
        from .services import retention_purge

        try:
            retention_purge(actor=request.user, opportunity=obj)
        except ApplicationError as exc:
            messages.error(request, exc.message)


@admin.register(AuthorityNotification)
class AuthorityNotificationAdmin(ReadOnlyAdmin):
    list_display = ("reference", "opportunity", "status", "aware_at", "sent_on", "answer_outcome")
    list_filter = ("status",)

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(RetentionPurge)
class RetentionPurgeAdmin(ReadOnlyAdmin):
    list_display = ("reference", "retention_ended_on", "confirmed_by", "confirmed_at")

    def has_delete_permission(self, request, obj=None):
        return False
