from django.apps import AppConfig

from countries.signals import country_data_changed
from partners.signals import partner_factors_changed
from restricted_parties.signals import restricted_party_list_imported
from reviews.signals import case_decided, condition_evidence_rejected
from rules.signals import criteria_published


class MonitoringConfig(AppConfig):
    name = "monitoring"
    verbose_name = "Continuous due diligence"

    def ready(self) -> None:
        # Lower apps report changes by signal (they may not import monitoring); the
        # receivers start re-screenings and reopen approvals in the sender's transaction.
        from . import receivers  # imports models: only once the apps are ready

        for signal, receiver in (
            (country_data_changed, receivers.on_country_data_changed),
            (partner_factors_changed, receivers.on_partner_factors_changed),
            (restricted_party_list_imported, receivers.on_restricted_party_list_imported),
            (criteria_published, receivers.on_criteria_published),
            (case_decided, receivers.on_case_decided),
            (condition_evidence_rejected, receivers.on_condition_evidence_rejected),
        ):
            signal.connect(receiver, dispatch_uid=f"monitoring.{receiver.__name__}")
