from django.contrib import admin

from .models import Organisation


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = (
        "name",
        "country",
        "role",
        "dd_status",
        "hrdd_maturity",
        "prior_incident",
        "refused_flow_down",
    )
    list_filter = ("role", "dd_status", "hrdd_maturity", "country")
    search_fields = ("name",)
