from django.contrib import admin

from .models import SsoIdentity, SsoOrganisation


@admin.register(SsoOrganisation)
class SsoOrganisationAdmin(admin.ModelAdmin):
    list_display = ("claim_value", "organisation")
    search_fields = ("claim_value", "organisation__name")
    raw_id_fields = ("organisation",)


@admin.register(SsoIdentity)
class SsoIdentityAdmin(admin.ModelAdmin):
    list_display = ("user", "issuer", "subject", "created_at", "last_seen_at")
    search_fields = ("user__username", "subject")
    readonly_fields = ("issuer", "subject", "user", "created_at", "last_seen_at")

    def has_add_permission(self, request):
        return False
