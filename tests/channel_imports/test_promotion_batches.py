"""Promotion of flagged lines in batches: many deals per transaction, each still screened,
routed and recorded, and every line promoted once."""

from __future__ import annotations

import gc

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from audit.models import AuditEvent
from channel_imports.models import ChannelImport, ImportLine
from channel_imports.promotion import import_promote
from channel_imports.services import import_accept
from reviews.models import ReviewCase
from tests.opportunities.test_registration_cost import split_audit

from .conftest import FLAGGED, csv_upload, drain, row

pytestmark = pytest.mark.django_db
# Besides the audit trail, what a promoted deal may cost: its screening (insert, and the
# deal pointing at it), its routing (status), its case and the outbox row of its case's
# notification; the rest is shared by a batch.
STATEMENTS_PER_DEAL = 7


def _until_promoting(imp):
    for _ in range(10):
        imp.refresh_from_db()
        if imp.status == ChannelImport.Status.PROMOTING:
            return imp
        drain(imp, rounds=1)
    raise AssertionError(f"the import stopped at {imp.status}")


def test_flagged_lines_are_promoted_in_batches(upload_as, partner_a, catalogue):
    rows = [row(FLAGGED, partner_reference=f"B-{i}") for i in range(24)] + [row()]
    _, imp = upload_as(partner_a, csv_upload(rows))
    import_accept(actor=partner_a, channel_import=drain(imp))
    imp = _until_promoting(imp)
    events_before = AuditEvent.objects.count()
    with CaptureQueriesContext(connection) as ctx:
        assert import_promote(channel_import_id=imp.pk)
    own, _audit = split_audit(ctx.captured_queries)
    assert len(own) <= STATEMENTS_PER_DEAL * 24, "\n".join(s[:100] for s in own)
    imp.refresh_from_db()
    assert imp.status == "completed" and imp.summary["promoted"] == 24
    promoted = ImportLine.objects.filter(channel_import=imp, opportunity__isnull=False)
    assert promoted.count() == 24
    deals = [line.opportunity for line in promoted.select_related("opportunity")]
    assert len({d.pk for d in deals}) == 24
    assert all(d.reference == f"D-{d.pk:06d}" and d.current_screening_id for d in deals)
    assert ReviewCase.objects.filter(opportunity__in=deals).count() == 24
    # each deal keeps its own trail: registered, screened, routed, case opened
    registered = AuditEvent.objects.filter(pk__gt=0, action="opportunity.registered")
    assert registered.count() == 24
    assert AuditEvent.objects.count() - events_before >= 24 * 4
    # once more: nothing left, nothing doubled
    assert not import_promote(channel_import_id=imp.pk)
    assert ImportLine.objects.filter(channel_import=imp, opportunity__isnull=False).count() == 24


def test_a_batch_records_its_audit_events_in_one_insert_and_notifies_in_one_message(
    upload_as, partner_a, catalogue
):
    """24 deals promoted in one batch: their 96 audit events inserted together and their
    notifications in one outbox row, naming every urgent case; each event still signed."""
    from audit.selectors import audit_chain_verify
    from audit.services import audit_chain_seal_all
    from outbox.models import OutboxMessage
    from reviews.services.routing import URGENT_TIERS

    rows = [row(FLAGGED, partner_reference=f"N-{i}") for i in range(24)]
    _, imp = upload_as(partner_a, csv_upload(rows))
    import_accept(actor=partner_a, channel_import=drain(imp))
    imp = _until_promoting(imp)
    events_before = AuditEvent.objects.order_by("-id").values_list("id", flat=True).first() or 0
    messages_before = OutboxMessage.objects.order_by("-id").values_list("id", flat=True).first()
    with CaptureQueriesContext(connection) as ctx:
        assert import_promote(channel_import_id=imp.pk)
    sqls = [q["sql"] for q in ctx.captured_queries]
    audit_inserts = [s for s in sqls if s.startswith('INSERT INTO "audit_auditevent"')]
    outbox_inserts = [s for s in sqls if s.startswith('INSERT INTO "outbox_outboxmessage"')]
    # the batch's events (SQLite splits a bulk insert at its parameter limit) and the
    # import's completion: not one per event (96 before)
    assert len(audit_inserts) <= 3, f"{len(audit_inserts)} audit inserts for 24 deals"
    assert len(outbox_inserts) <= 1, f"{len(outbox_inserts)} outbox rows for 24 deals"
    new = AuditEvent.objects.filter(pk__gt=events_before)
    assert new.filter(action="opportunity.registered").count() == 24
    assert all(e.signature_ok() for e in new)
    urgent = set(
        new.filter(action="review_case.opened", to_state="new")
        .filter(
            opportunity_id__in=ReviewCase.objects.filter(tier__in=URGENT_TIERS).values(
                "opportunity_id"
            )
        )
        .values_list("pk", flat=True)
    )
    assert len(urgent) == 24  # the flagged example is urgent: every case is announced
    notified = [
        i
        for m in OutboxMessage.objects.filter(
            pk__gt=messages_before or 0, task="reviews.tasks.notifications_send"
        )
        for i in m.args[0]
    ]
    assert sorted(notified) == sorted(urgent)
    audit_chain_seal_all()
    assert audit_chain_verify().ok


def test_a_line_the_validator_refuses_keeps_its_reason_and_the_batch_goes_on(
    upload_as, partner_a, catalogue
):
    rows = [row(FLAGGED, partner_reference=f"V-{i}") for i in range(3)]
    _, imp = upload_as(partner_a, csv_upload(rows))
    import_accept(actor=partner_a, channel_import=drain(imp))
    imp = _until_promoting(imp)
    # The catalogue product of one line was withdrawn since the file was checked.
    bad = ImportLine.objects.filter(channel_import=imp).order_by("id").first()
    data = dict(bad.data, sku="NO-SUCH-SKU")
    ImportLine.objects.filter(pk=bad.pk).update(data=data)
    assert import_promote(channel_import_id=imp.pk)
    bad.refresh_from_db()
    assert bad.opportunity_id is None and "NO-SUCH-SKU" in bad.promotion_error
    assert ImportLine.objects.filter(channel_import=imp, opportunity__isnull=False).count() == 2


def _waiting_for_promotion(partner, lines: int) -> ChannelImport:
    """An import whose flagged lines wait for promotion, as the last screened chunk
    leaves it (built directly: with transactional tests the queued tasks would run)."""
    from rules.selectors import criteria_published_current

    imp = ChannelImport.objects.create(
        organisation=partner.organisation,
        uploaded_by=partner,
        original_name="w.csv",
        kind="csv",
        status=ChannelImport.Status.PROMOTING,
        lines_total=lines,
        criteria_version=criteria_published_current(),
    )
    ImportLine.objects.bulk_create(
        [
            ImportLine(
                channel_import=imp,
                organisation=partner.organisation,
                row_key=f"r:W-{i}",
                line_no=i + 2,
                chunk_no=0,
                status="screened",
                tier="high",
                score=20,
                data={
                    "partner_reference": f"W-{i}",
                    "end_customer_name": f"New customer {i % 7}",
                    "end_customer_country": "EG",
                    "end_user_type": "state_telecom",
                    "sector": "telecommunications",
                    "delivery_country": "EG",
                    "sku": "DPI-9000",
                    "product_name": "",
                    "capabilities": ["deep_packet_inspection"],
                    "quantity": 2,
                    "intended_use": ["network_operations"],
                    "value_amount": "90000.00",
                    "currency": "USD",
                    "sale_date": "",
                    "reseller_name": f"New reseller {i % 5}",
                    "reseller_country": "AE",
                    "customization": False,
                    "red_flags": [],
                    "end_use_statement": "requested",
                },
            )
            for i in range(lines)
        ]
    )
    return imp


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="real concurrent workers need PostgreSQL"
)
def test_two_workers_share_one_promotion_and_promote_each_line_once(partner_a, catalogue):
    import threading

    from django.db import connections

    from channel_imports import promotion

    # New end customers and resellers on every line: both workers register organisations.
    imp = _waiting_for_promotion(partner_a, 30)
    promotion.PROMOTE_BATCH, batch = 4, promotion.PROMOTE_BATCH
    errors: list[BaseException] = []
    barrier = threading.Barrier(2)

    def work():
        try:
            barrier.wait()
            import_promote(channel_import_id=imp.pk)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    try:
        threads = [threading.Thread(target=work) for _ in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=120)
    finally:
        promotion.PROMOTE_BATCH = batch
    assert not errors, errors
    imp.refresh_from_db()
    assert imp.status == "completed"
    promoted = ImportLine.objects.filter(channel_import=imp, opportunity__isnull=False)
    assert promoted.count() == 30
    assert len(set(promoted.values_list("opportunity_id", flat=True))) == 30


def test_lines_of_an_uploader_without_organisation_keep_the_reason(upload_as, partner_a, catalogue):
    _, imp = upload_as(partner_a, csv_upload([row(FLAGGED, partner_reference="O-1")]))
    import_accept(actor=partner_a, channel_import=drain(imp))
    imp = _until_promoting(imp)
    # The uploader's account lost its organisation before the promotion ran.
    type(partner_a).objects.filter(pk=partner_a.pk).update(organisation=None)
    assert import_promote(channel_import_id=imp.pk)
    line = ImportLine.objects.get(channel_import=imp)
    assert line.opportunity_id is None and "not linked to an organisation" in line.promotion_error
    imp.refresh_from_db()
    assert imp.status == "completed"


# What promoting one batch costs besides the audit trail, however many deals it holds:
# lock the lines, look up external ids and organisations, insert deals, lines, channel,
# screenings and cases once each, one UPDATE of the deals, the outbox row, mark the lines;
# then the import's completion (its summary) and reference data read once per process.
# 12 deals took 36, and so must 48 (before batching the writes: about 4 more a deal).
STATEMENTS_PER_BATCH = 40


@pytest.mark.parametrize("deals", [12, 48])
def test_a_batch_costs_the_same_statements_for_12_deals_as_for_48(
    upload_as, partner_a, catalogue, deals
):
    rows = [row(FLAGGED, partner_reference=f"S-{i}") for i in range(deals)]
    _, imp = upload_as(partner_a, csv_upload(rows))
    import_accept(actor=partner_a, channel_import=drain(imp))
    imp = _until_promoting(imp)
    events_before = AuditEvent.objects.order_by("-id").values_list("id", flat=True).first() or 0
    with CaptureQueriesContext(connection) as ctx:
        assert import_promote(channel_import_id=imp.pk)
    own, audit = split_audit(ctx.captured_queries)
    print(f"\n{deals} deals: {len(own)} statements besides {len(audit)} of the audit trail")
    assert len(own) <= STATEMENTS_PER_BATCH, "\n".join(s[:100] for s in own)
    deal_updates = [
        s
        for s in own
        if s.startswith(('UPDATE "opportunities_opportunity"', "UPDATE opportunities_opportunity"))
    ]
    assert len(deal_updates) == 1  # statuses and screenings of the whole batch together
    # Every deal keeps every guarantee of a deal registered alone.
    promoted = ImportLine.objects.filter(channel_import=imp, opportunity__isnull=False)
    assert promoted.count() == deals
    for line in promoted.select_related("opportunity__current_screening"):
        deal = line.opportunity
        screening = deal.current_screening
        assert screening is not None and screening.opportunity_id == deal.pk
        assert deal.status == "on_hold" and screening.tier in ("high", "critical")
        case = ReviewCase.objects.get(opportunity=deal)
        assert case.screening_id == screening.pk and case.status == "new"
        trail = list(
            AuditEvent.objects.filter(pk__gt=events_before, opportunity_id=deal.pk)
            .order_by("id")
            .values_list("action", "from_state", "to_state")
        )
        assert trail == [
            ("opportunity.registered", "", ""),
            ("opportunity.screened", "", screening.tier),
            ("opportunity.route_hold", "new", "on_hold"),
            ("review_case.opened", "", "new"),
        ]


def test_new_organisations_are_registered_once_before_the_batches(
    upload_as, partner_a, catalogue, monkeypatch
):
    """24 lines naming 24 new end customers, promoted 10 at a time: every new
    organisation in one INSERT before the first deal, none inside a batch."""
    from channel_imports import promotion
    from partners.models import Organisation

    monkeypatch.setattr(promotion, "PROMOTE_BATCH", 10)
    rows = [
        row(FLAGGED, partner_reference=f"O-{i}", end_customer_name=f"Fresh Telecom {i}")
        for i in range(24)
    ]
    _, imp = upload_as(partner_a, csv_upload(rows))
    import_accept(actor=partner_a, channel_import=drain(imp))
    imp = _until_promoting(imp)
    with CaptureQueriesContext(connection) as ctx:
        assert import_promote(channel_import_id=imp.pk)
    sqls = [q["sql"] for q in ctx.captured_queries]
    org_inserts = [
        i for i, q in enumerate(sqls) if q.startswith("INSERT") and '"partners_organisation"' in q
    ]
    deal_inserts = [i for i, q in enumerate(sqls) if 'INTO "opportunities_opportunity"' in q]
    assert len(org_inserts) == 1 and org_inserts[0] < deal_inserts[0], org_inserts
    assert Organisation.objects.filter(name__startswith="Fresh Telecom").count() == 24
    assert ImportLine.objects.filter(channel_import=imp, opportunity__isnull=False).count() == 24


def test_a_promotion_leaves_nothing_of_the_worker_set_aside_from_the_collector(
    upload_as, partner_a, catalogue
):
    """The worker's loaded state is kept out of the collector's scans only while its
    batches run (`hrdd.heap`): after them a long-running worker collects it as before."""
    rows = [row(FLAGGED, partner_reference=f"G-{i}") for i in range(3)]
    _, imp = upload_as(partner_a, csv_upload(rows))
    import_accept(actor=partner_a, channel_import=drain(imp))
    imp = _until_promoting(imp)
    assert import_promote(channel_import_id=imp.pk)
    assert gc.get_freeze_count() == 0
    assert ImportLine.objects.filter(channel_import=imp, opportunity__isnull=False).count() == 3
