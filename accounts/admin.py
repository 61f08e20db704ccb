from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from audit.models import AuditEvent

from .models import Team, User
from .services import user_delete

DEACTIVATED = (
    "{names} deactivated instead of deleted: the audit trail names them, and it is never "
    "rewritten. They can no longer sign in, and their API tokens are revoked."
)


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    fieldsets = BaseUserAdmin.fieldsets + (("Role", {"fields": ("role", "organisation", "team")}),)
    list_display = ("username", "email", "role", "organisation", "team", "is_active")
    list_filter = ("role", "is_active")

    def get_deleted_objects(self, objs, request):
        # Protected rows (audit events and the like) do not block the page: those users are
        # deactivated instead, and the confirmation page says so before anything happens.
        deleted, counts, perms, protected = super().get_deleted_objects(objs, request)
        perms = perms - {AuditEvent._meta.verbose_name}  # kept, not deleted: no permission needed
        if protected:
            self.message_user(
                request,
                "Some of these users appear in records that are kept (the audit trail): "
                "they will be deactivated instead of deleted.",
                messages.WARNING,
            )
        return deleted, counts, perms, []

    def delete_model(self, request, obj):
        self._remove(request, [obj])

    def delete_queryset(self, request, queryset):
        self._remove(request, list(queryset))

    def _remove(self, request, users):
        deactivated = [
            u.username for u in users if user_delete(user=u, actor=request.user) == "deactivated"
        ]
        if deactivated:
            self.message_user(
                request, DEACTIVATED.format(names=", ".join(deactivated)), messages.WARNING
            )


admin.site.register(Team)
