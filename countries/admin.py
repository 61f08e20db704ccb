from django.contrib import admin

from .models import Country, CountryIndicator


class IndicatorInline(admin.TabularInline):
    model = CountryIndicator
    extra = 0
    readonly_fields = ("code", "name", "year", "value", "source", "licence")


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    list_display = ("iso2", "name", "sanctioned", "armed_conflict")
    list_filter = ("sanctioned", "armed_conflict")
    list_editable = ("sanctioned", "armed_conflict")
    search_fields = ("iso2", "name")
    inlines = [IndicatorInline]

    def save_model(self, request, obj, form, change):
        # The flags go through the service: a change is versioned, audited and re-screens
        # the deals that touch the country. The name and codes are saved as they are.
        from .services import country_flags_set

        if not change:
            super().save_model(request, obj, form, change)
        else:
            type(obj).objects.filter(pk=obj.pk).update(name=obj.name, iso3=obj.iso3)
        country_flags_set(
            actor=request.user,
            country=obj,
            sanctioned=obj.sanctioned,
            armed_conflict=obj.armed_conflict,
            notes=obj.notes,
        )
