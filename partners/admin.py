from django.contrib import admin

from .models import Organisation


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = (
        "name",
        "country",
        "role",
        "hrdd_maturity",
        "prior_incident",
        "refused_flow_down",
    )
    list_filter = ("role", "hrdd_maturity", "country")
    search_fields = ("name",)
