from django.contrib import admin

from .models import Organisation
from .services import FACTOR_FIELDS, organisation_factors_set


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
    # Whether the partner was assessed changes how its deals are screened, so it moves only
    # through audited services: the questionnaire (`partner_dd`) or the factors set here.
    readonly_fields = ("dd_status",)

    def save_model(self, request, obj, form, change):
        # The partner factors go through the service (audited, re-screens the deals the
        # organisation is in); the other fields are saved as they are.
        if not change:
            super().save_model(request, obj, form, change)
            return
        others = [f for f in form.changed_data if f not in FACTOR_FIELDS]
        if others:
            Organisation.objects.filter(pk=obj.pk).update(**{f: getattr(obj, f) for f in others})
        if any(f in form.changed_data for f in FACTOR_FIELDS):
            organisation_factors_set(
                actor=request.user, organisation=obj, **{f: getattr(obj, f) for f in FACTOR_FIELDS}
            )
