"""The webhooks a screening sends. A partner's endpoint hears only what partners are
shown (`rules.presentation`): a hidden cause, such as a restricted-party match, must not
leak through a tier change."""

from __future__ import annotations

from rules.models import Screening
from rules.presentation import trigger_for_partners
from webhooks.services import webhooks_emit


def screening_announce(
    opportunity, screening: Screening, previous, *, trigger: str, status_shown_moved: bool = False
) -> None:
    """`deal.screened` always, `deal.tier_changed` when the tier moved. A partner's
    endpoint hears of a tier change only when the tier partners are shown moved, and of a
    re-check in the vendor's world only when what partners are shown of the deal moved
    (its tier, or `status_shown_moved`): a re-screening after a list update reaches only
    the deals whose parties are near a new entry, so "screened again" on a deal that reads
    the same would tell the partner that one of its parties is (tipping off)."""
    before = previous.tier if previous else None
    before_shown = (previous.shown_tier or "low") if previous else None
    shown = screening.shown_tier or "low"
    partners_hear = (
        trigger_for_partners(trigger) != "recheck" or before_shown != shown or status_shown_moved
    )
    facts = {
        "trigger": trigger,
        "tier": screening.tier,
        "score": screening.score,
        "previous_tier": before,
        "criteria_version": screening.criteria_version.number,
    }
    partner = {
        "trigger": trigger_for_partners(trigger),
        "tier": shown,
        "previous_tier": before_shown,
    }
    webhooks_emit(
        event="deal.screened",
        opportunity_id=opportunity.pk,
        facts=facts,
        partner_facts=partner if partners_hear else None,
    )
    if before is not None and before != screening.tier:
        webhooks_emit(
            event="deal.tier_changed",
            opportunity_id=opportunity.pk,
            facts=facts,
            partner_facts=partner if before_shown != shown else None,
        )
