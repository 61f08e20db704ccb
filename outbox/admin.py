from django.contrib import admin

from .models import OutboxMessage
from .services import outbox_retry_failed


@admin.register(OutboxMessage)
class OutboxMessageAdmin(admin.ModelAdmin):
    list_display = ("id", "task", "args", "status", "attempts", "created_at", "done_at")
    list_filter = ("status", "task")
    readonly_fields = [f.name for f in OutboxMessage._meta.fields]
    actions = ["retry_failed"]

    @admin.action(description="Queue the selected failed work again")
    def retry_failed(self, request, queryset):
        ids = list(queryset.filter(status="failed").values_list("pk", flat=True))
        outbox_retry_failed(ids=ids)

    def has_add_permission(self, request):
        return False
