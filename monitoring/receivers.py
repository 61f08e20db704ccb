"""What monitoring does when a lower app reports a change (each app's `signals.py`).

Connected in `MonitoringConfig.ready`. The signals are sent inside the transaction of
the change, so each receiver's writes (a re-screening run, recorded and queued through
the outbox) commit with the change or not at all: nothing is lost on a crash.
"""

from __future__ import annotations

from taxonomy import words

from .conditions import L, condition_lapse_reopen
from .services import basis_changes_resolve_by_decision, rescreen_run_start


def _day(value) -> str:
    # the label is stored English text: its date is written as the English pages write one
    return words.day(value)


def on_country_data_changed(sender, *, actor, version, countries, summary, **kwargs) -> None:
    rescreen_run_start(
        actor=actor,
        trigger="country_data",
        label=f"Country data version {version.number} of {_day(version.created_at)} ({summary[:150]})",
        countries=list(countries),
        country_data_version=version.number,
    )


def on_partner_factors_changed(sender, *, actor, organisation, changes, **kwargs) -> None:
    rescreen_run_start(
        actor=actor,
        trigger="partner_factors",
        label=f"{organisation.name} ({organisation.country}): "
        + ", ".join(f"{f.replace('_', ' ')} {old} → {new}" for f, (old, new) in changes.items()),
        organisation_ids=[organisation.pk],
    )


def on_restricted_party_list_imported(sender, *, actor, new, previous, **kwargs) -> None:
    rescreen_run_start(
        actor=actor,
        trigger="list_update",
        label=f"{new.name}, version of {_day(new.imported_at)}",
        list_id=new.pk,
        previous_list_id=previous.pk if previous else None,
    )


def on_criteria_published(sender, *, actor, version, **kwargs) -> None:
    rescreen_run_start(
        actor=actor,
        trigger="criteria_published",
        criteria_version_id=version.pk,
        label=f"Criteria version {version.number} of {_day(version.published_at)}",
    )


def on_case_decided(sender, *, actor, opportunity_id, **kwargs) -> None:
    basis_changes_resolve_by_decision(opportunity_id=opportunity_id, actor=actor)


def on_condition_evidence_rejected(sender, *, actor, condition, reason, **kwargs) -> None:
    name = condition.mitigation.name
    condition_lapse_reopen(
        condition=condition,
        cause=L.EVIDENCE_REJECTED,
        actor=actor,
        reviewer_text=f"The evidence for condition '{name}' was rejected: {reason}",
        told=(
            f"The evidence for the condition '{name}' was not accepted ({reason}), so the "
            "deal is back in compliance review. Provide the missing evidence on the "
            "Conditions page, and do not deliver until compliance clears the deal again."
        ),
    )
