from django.apps import AppConfig


class RecordsConfig(AppConfig):
    name = "records"
    verbose_name = "Records (evidence, retention, authority notifications)"

    def ready(self) -> None:
        from opportunities.workflow import opportunity_hold_register

        from . import retention
        from .authority import authority_hold_reason

        retention.guards_connect()
        opportunity_hold_register(authority_hold_reason)
