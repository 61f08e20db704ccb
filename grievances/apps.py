from django.apps import AppConfig


class GrievancesConfig(AppConfig):
    name = "grievances"
    verbose_name = "Grievances and misuse reports"
