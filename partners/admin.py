from django import forms
from django.contrib import admin

from taxonomy.visible import name_as_read

from .models import Organisation
from .services import FACTOR_FIELDS, organisation_factors_set


class OrganisationForm(forms.ModelForm):
    """The name as deals and imports store it: invisible and blank-looking characters
    undone, and refused when nothing visible is left. (The admin supplies the model and
    its fields.)"""

    def clean_name(self) -> str:
        name = name_as_read(self.cleaned_data.get("name") or "")
        if not name:
            raise forms.ValidationError(
                "This name shows as nothing (only invisible or blank characters): "
                "type the organisation's name."
            )
        return name


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    form = OrganisationForm
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
