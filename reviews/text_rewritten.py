"""Noticing a deal's text rewritten until its red flags are no longer read.

Partner users and reps read which of their words raised a red flag (their words, quoted
back), so they could rewrite a description until nothing is read, and a reviewer opening
the case would find an ordinary deal. When a change by a partner user or a rep leaves a red
flag read in the deal's text before no longer read, the deal records it (an audit event of
its own, in the change's transaction) and compliance staff read, on the deal's and the
case's pages, what was read before, who changed it and when: rewriting a description until
it passes is itself a red flag. Partners and reps are not told (it would say what passes).
"""

from __future__ import annotations

from typing import Any

from audit.models import AuditEvent
from audit.services import audit_record
from rules.models import Screening
from rules.presentation import sees_everything
from rules.textsignals import CATEGORIES, CATEGORY_FIELDS, TEXT_SOURCE_FIELDS

ACTION = "opportunity.text_red_flags_rewritten"


def text_rewritten_check(
    *, actor, screening: Screening, previous: Screening | None
) -> AuditEvent | None:
    """Record that ``actor``'s change left red flags of the deal's text no longer read, when
    it did: the categories and what each quoted before."""
    if actor is None or previous is None or sees_everything(actor):
        return None
    # Only a change of the deal's words: an answer adds a text and is read on its own, so it
    # cannot unread another field; a red flag lost to it is lost to the criteria.
    if screening.trigger != Screening.Trigger.UPDATE:
        return None
    if previous.criteria_version_id != screening.criteria_version_id:
        return None  # another version reads otherwise: no one's words to blame
    before, after = previous.snapshot or {}, screening.snapshot or {}
    now = set(after.get("text.signals") or ())
    lost = [c for c in before.get("text.signals") or () if c not in now]
    if not lost or all(before.get(p) == after.get(p) for p in TEXT_SOURCE_FIELDS):
        return None  # the same words: another criteria version read them otherwise
    names = "; ".join(CATEGORIES[c] for c in lost)
    return audit_record(
        actor=actor,
        action=ACTION,
        object_type="opportunity",
        object_id=screening.opportunity_id,
        opportunity_id=screening.opportunity_id,
        changes={
            "lost": lost,
            "quotes": {c: list(before.get(CATEGORY_FIELDS[c]) or ()) for c in lost},
        },
        comment=f"Red flags read in the deal's text before this change are no longer read: {names}",
    )


def text_rewritten_for(user, opportunity) -> list[dict[str, Any]]:
    """For compliance staff, each change that left red flags of the deal's text no longer
    read, oldest first: when, by whom, and each red flag with what it quoted before."""
    if opportunity is None or not sees_everything(user):
        return []
    events = AuditEvent.objects.filter(opportunity_id=opportunity.pk, action=ACTION).order_by("id")
    return [
        {
            "when": e.created_at,
            "who": e.actor_label,
            "lost": [
                (CATEGORIES.get(c, c), e.changes.get("quotes", {}).get(c, []))
                for c in e.changes.get("lost", [])
            ],
        }
        for e in events
    ]
