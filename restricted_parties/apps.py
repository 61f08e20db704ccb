from django.apps import AppConfig


class RestrictedPartiesConfig(AppConfig):
    name = "restricted_parties"
    verbose_name = "Restricted-party screening"
