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
        super().save_model(request, obj, form, change)
        from .selectors import country_context_cache_clear

        country_context_cache_clear()
