from django.apps import AppConfig


class OpportunitiesConfig(AppConfig):
    name = "opportunities"
    verbose_name = "Opportunities (deals)"
