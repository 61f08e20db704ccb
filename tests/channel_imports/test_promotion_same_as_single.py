"""A deal promoted in a batch is the deal the single registration makes of the same line:
the same row, lines and channel, the same screening with its findings, text signals and
basis, the same case and the same audit trail (every event signed and the chain intact).
The batch writes them in bulk; what a reviewer reads must not tell the two apart."""

from __future__ import annotations

import json
import re

import pytest
from django.core.management import call_command

from audit.models import AuditEvent
from channel_imports.models import ImportLine
from channel_imports.promotion import _lines_checked, line_provenance
from channel_imports.services import import_accept
from lifecycle.services import opportunity_register
from opportunities.models import Opportunity
from outbox.models import OutboxMessage
from reviews.models import ReviewCase
from rules.models import Screening

from .conftest import FLAGGED, csv_upload, drain, row
from .test_promotion_batches import _until_promoting

pytestmark = pytest.mark.django_db

# Lines that read differently: other scripts, a sale still to come, another product, a
# reseller that is the partner itself.
LINES = [
    row(FLAGGED, partner_reference="S-1"),
    row(
        FLAGGED,
        partner_reference="S-2",
        end_customer_name="Réseau de l’État — مشروع شبكة",
        end_customer_country="TR",
        delivery_country="TR",
        sale_date="2027-05-01",
    ),
    row(FLAGGED, partner_reference="S-3", sku="LI-GW-2", quantity="1"),
    row(FLAGGED, partner_reference="S-4", reseller_name="Partner A Distribution"),
]


# Moments (a case's due time counts from its registration) and a deal's own names.
MOMENT = re.compile(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(\.\d+)?(\+00:00|Z)?")


def _plain(obj, own: dict) -> dict:
    """The row's stored fields as a reader gets them, a row the two deals each have by
    design (their own screening, case) named by its kind."""
    out = {}
    for f in obj._meta.concrete_fields:
        if f.primary_key:
            continue
        value = getattr(obj, f.attname)
        out[f.name] = own.get((f.related_model, value), value) if f.is_relation else value
    return out


def _trail(deal: Opportunity, own: dict) -> list:
    events = AuditEvent.objects.filter(opportunity_id=deal.pk).order_by("id")
    assert all(e.signature_ok() for e in events)
    kinds = {model._meta.model_name: model for model, _ in own}
    trail = []
    for e in events:
        changes = {
            key: own.get((kinds.get(key.removesuffix("_id")), value), value)
            if isinstance(value, int)
            else value
            for key, value in e.changes.items()
        }
        # "opportunity" events name the deal, "case" events its case
        model = Opportunity if e.object_type == "opportunity" else ReviewCase
        trail.append(
            (e.action, e.object_type, own.get((model, int(e.object_id)), e.object_id))
            + (e.from_state, e.to_state, changes, e.comment, e.actor_label)
        )
    return trail


def _read(deal: Opportunity) -> dict:
    deal = Opportunity.objects.get(pk=deal.pk)
    screening = Screening.objects.get(pk=deal.current_screening_id)
    case = ReviewCase.objects.get(opportunity=deal)
    own = {
        (Opportunity, deal.pk): "(deal)",
        (Screening, screening.pk): "(screening)",
        (ReviewCase, case.pk): "(case)",
    }
    read = {
        "deal": _plain(deal, own),
        "lines": [_plain(x, own) for x in deal.lines.order_by("position")],
        "channel": [_plain(x, own) for x in deal.channel.order_by("position")],
        "screening": _plain(screening, own),
        "case": _plain(case, own),
        "trail": _trail(deal, own),
    }
    text = MOMENT.sub("(moment)", json.dumps(read, default=str, sort_keys=True))
    for name in (deal.external_id, deal.reference, deal.reference.lower()):
        text = text.replace(json.dumps(name)[1:-1], "(own name)")
    return json.loads(text)


def test_a_promoted_deal_is_the_deal_its_line_makes_when_registered_alone(
    upload_as, partner_a, catalogue
):
    _, imp = upload_as(partner_a, csv_upload(LINES))
    import_accept(actor=partner_a, channel_import=drain(imp))
    imp = _until_promoting(imp)
    messages_before = set(OutboxMessage.objects.values_list("pk", flat=True))
    drain(imp)
    imp.refresh_from_db()
    assert imp.status == "completed" and imp.summary["promoted"] == len(LINES)
    batch_tasks = sorted(
        OutboxMessage.objects.exclude(pk__in=messages_before).values_list("task", flat=True)
    )

    lines = list(ImportLine.objects.filter(channel_import=imp, opportunity__isnull=False))
    lines.sort(key=lambda line: line.line_no)
    assert len(lines) == len(LINES)
    messages_before = set(OutboxMessage.objects.values_list("pk", flat=True))
    for line, (clean, errors) in zip(lines, _lines_checked(imp, lines), strict=True):
        assert not errors
        clean = {**clean, "provenance": line_provenance(imp, line)}
        clean["external_id"] += "-alone"
        alone = opportunity_register(actor=partner_a, data=clean, source="import", validated=True)
        assert alone.created
        promoted = _read(line.opportunity)
        assert promoted["screening"]["findings"], "the line was flagged for its findings"
        alone_read = _read(alone.opportunity)
        for part in promoted:
            assert promoted[part] == alone_read[part], part
    single_tasks = OutboxMessage.objects.exclude(pk__in=messages_before)
    # the batch notifies its cases in one message where each deal alone sends its own
    assert set(batch_tasks) == set(single_tasks.values_list("task", flat=True))
    call_command("verify_audit_chain")
