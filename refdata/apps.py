from django.apps import AppConfig


class RefdataConfig(AppConfig):
    name = "refdata"
    verbose_name = "Reference data versions"
