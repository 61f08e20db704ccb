from django.apps import AppConfig


class CountriesConfig(AppConfig):
    name = "countries"
    verbose_name = "Country context"
