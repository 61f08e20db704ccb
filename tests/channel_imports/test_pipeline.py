"""Upload, validate, import, screen and promote: the journey of a partner's file."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import override_settings
from django.utils import timezone

from audit.models import AuditEvent
from channel_imports import tasks
from channel_imports.models import ChannelImport, ColumnMapping, ImportChunk, ImportLine
from channel_imports.promotion import import_promote, opportunity_data
from channel_imports.screening import import_chunk_screen
from channel_imports.services import import_accept
from lifecycle.services import opportunity_register
from opportunities.models import Opportunity

from .conftest import FLAGGED, csv_upload, drain, row, xlsx_upload

pytestmark = pytest.mark.django_db


def _accept(imp, user):
    import_accept(actor=user, channel_import=imp)
    return drain(imp)


def test_a_partner_uploads_a_csv_and_gets_every_line_screened(upload_as, partner_a, catalogue):
    rows = [row(partner_reference=f"POS-{i}") for i in range(5)] + [FLAGGED]
    r, imp = upload_as(partner_a, csv_upload(rows))
    assert r.status_code == 201, r.json()
    assert r.json()["status"] == "validating"  # headers match the template: no mapping needed
    imp = drain(imp)
    assert imp.status == "validated"
    assert (imp.total_rows, imp.valid_rows, imp.invalid_rows) == (6, 6, 0)
    imp = _accept(imp, partner_a)
    assert imp.status == "completed"
    assert imp.lines_total == 6
    assert imp.summary["tiers"]["low"] == 5
    assert imp.summary["flagged"] == 1
    flagged = ImportLine.objects.get(channel_import=imp, row_key="r:POS-FLAG-1")
    assert flagged.tier in {"high", "critical"}
    assert {f["code"] for f in flagged.findings} >= {"CAP-DPI", "USE-CENSORSHIP"}
    assert flagged.opportunity is not None
    assert flagged.opportunity.external_id == f"IMPORT-{imp.organisation_id}-r:POS-FLAG-1"
    assert ImportLine.objects.filter(channel_import=imp, opportunity__isnull=True).count() == 5
    codes = [f["code"] for f in imp.summary["findings"]]
    assert "CAP-DPI" in codes


def test_an_xlsx_with_typed_cells_imports_like_the_csv(upload_as, partner_a, catalogue):
    r, imp = upload_as(
        partner_a,
        xlsx_upload([row(partner_reference="X-1"), row(FLAGGED, partner_reference="X-2")]),
    )
    assert r.status_code == 201, r.json()
    imp = drain(imp)
    assert imp.kind == "xlsx"
    assert (imp.valid_rows, imp.invalid_rows) == (2, 0), list(
        imp.issues.values_list("column", "reason")
    )
    imp = _accept(imp, partner_a)
    assert imp.status == "completed"
    line = ImportLine.objects.get(channel_import=imp, row_key="r:X-1")
    assert line.data["quantity"] == 10 and line.data["value_amount"] == "12000.00"
    assert line.data["sale_date"] == "2026-01-15"
    assert imp.summary["flagged"] == 1


CUSTOM_HEADERS = {
    "partner_reference": "Invoice No",
    "end_customer_name": "Customer",
    "end_customer_country": "Cust Ctry",
    "end_user_type": "Customer type",
    "sector": "Industry",
    "delivery_country": "Ship to",
    "sku": "Article",
    "quantity": "Units",
    "intended_use": "Use",
    "value_amount": "Net value",
    "currency": "Cur",
    "sale_date": "Invoice date",
    "reseller_name": "Dealer",
    "reseller_country": "Dealer ctry",
    "customization": "Custom?",
    "end_use_statement": "EUS",
}


def _custom_file(refs):
    cols = list(CUSTOM_HEADERS)
    rows = [{CUSTOM_HEADERS[c]: row(partner_reference=ref)[c] for c in cols} for ref in refs]
    return csv_upload(rows, columns=[CUSTOM_HEADERS[c] for c in cols])


def test_the_column_mapping_is_asked_once_and_remembered_for_the_partner(
    upload_as, api, partner_a, catalogue
):
    r, first = upload_as(partner_a, _custom_file(["A-1", "A-2"]))
    assert r.status_code == 201
    body = r.json()
    assert body["status"] == "uploaded"
    assert "end_customer_country" in body["mapping_problems"]
    r = api.post(f"/api/v1/imports/{first.pk}/mapping/", {"mapping": CUSTOM_HEADERS}, format="json")
    assert r.status_code == 200, r.json()
    assert r.json()["status"] == "validating"
    assert ColumnMapping.objects.get(organisation=partner_a.organisation).mapping == CUSTOM_HEADERS
    assert drain(first).valid_rows == 2

    # The next file with the same headers goes straight to validation with that mapping.
    r, second = upload_as(partner_a, _custom_file(["A-3"]))
    assert r.json()["status"] == "validating"
    assert r.json()["mapping"] == CUSTOM_HEADERS
    # On the web, the mapping step is shown with the remembered mapping chosen.
    from django.test import Client

    page = Client()
    page.force_login(partner_a)
    r = page.post("/imports/upload/", {"file": _custom_file(["A-4"])}, follow=True)
    html = r.content.decode()
    assert '<option value="Cust Ctry" selected>' in html
    assert '<option value="Dealer" selected>' in html


def test_the_web_journey_maps_validates_imports_and_summarises(client, partner_a, catalogue):
    client.force_login(partner_a)
    r = client.post("/imports/upload/", {"file": _custom_file(["W-1"])})
    imp = ChannelImport.objects.get()
    assert r.status_code == 302 and r["Location"] == f"/imports/{imp.pk}/mapping/"
    r = client.post(
        f"/imports/{imp.pk}/mapping/",
        {f"map-{c}": h for c, h in {**CUSTOM_HEADERS, "quantity": ""}.items()},
    )
    assert r.status_code == 400
    assert "Required: choose the file&#x27;s column for it." in r.content.decode()
    r = client.post(
        f"/imports/{imp.pk}/mapping/", {f"map-{c}": h for c, h in CUSTOM_HEADERS.items()}
    )
    assert r.status_code == 302
    assert 'hx-trigger="every 1s"' in client.get(f"/imports/{imp.pk}/").content.decode()
    drain(imp)
    page = client.get(f"/imports/{imp.pk}/").content.decode()
    assert "Import the 1 valid lines" in page
    client.post(f"/imports/{imp.pk}/accept/")
    drain(imp)
    status = client.get(f"/imports/{imp.pk}/status/").content.decode()
    assert "1 of 1 lines screened (100%)" in status
    assert 'id="summary"' in status and "every 1s" not in status


def test_the_validation_report_names_line_column_value_and_reason(
    upload_as, api, client, partner_a, catalogue
):
    rows = [
        row(partner_reference="OK-1"),
        row(partner_reference="BAD-1", end_customer_country="XX"),
        row(partner_reference="BAD-2", end_user_type="spies", quantity="0"),
        row(partner_reference="BAD-3", value_amount="1,000.00", sku="NOPE-1"),
        row(
            partner_reference="BAD-4",
            sku="",
            product_name="Probe",
            capabilities="",
            intended_use="world_domination",
        ),
    ]
    r, imp = upload_as(partner_a, csv_upload(rows))
    imp = drain(imp)
    assert (imp.valid_rows, imp.invalid_rows) == (1, 4)
    issues = {(i.line, i.column): i for i in imp.issues.all()}
    assert issues[(3, "end_customer_country")].value == "XX"
    assert "ISO 3166-1" in issues[(3, "end_customer_country")].reason
    assert '"spies" is not a known end-user type code' in issues[(4, "end_user_type")].reason
    assert issues[(4, "quantity")].reason.startswith("Must be between 1")
    assert issues[(5, "value_amount")].value == "1,000.00"
    assert 'No active catalogue product has SKU "NOPE-1"' in issues[(5, "sku")].reason
    assert "needs its declared capabilities" in issues[(6, "capabilities")].reason
    assert "world_domination" in issues[(6, "intended_use")].reason

    body = api.get(f"/api/v1/imports/{imp.pk}/issues/").json()
    assert body["count"] == len(issues)
    assert body["results"][0] == {
        "line": 3,
        "column": "end_customer_country",
        "value": "XX",
        "reason": issues[(3, "end_customer_country")].reason,
    }
    client.force_login(partner_a)
    page = client.get(f"/imports/{imp.pk}/").content.decode()
    assert page.count('class="issue"') == len(issues)
    report = b"".join(
        client.get(f"/imports/{imp.pk}/report.csv?headers=codes").streaming_content
    ).decode("utf-8-sig")
    lines = report.splitlines()
    assert lines[0] == "line,column,value,reason"
    worded = client.get(f"/imports/{imp.pk}/report.csv").streaming_content
    assert b"".join(worded).decode("utf-8-sig").startswith("Line,Column,Value,Problem")
    assert lines[1].startswith("3,end_customer_country,XX,")
    assert len(lines) == 1 + len(issues)


def test_only_the_valid_rows_are_imported_when_the_user_accepts(upload_as, partner_a, catalogue):
    rows = [row(partner_reference=f"V-{i}") for i in range(3)] + [
        row(partner_reference="I-1", currency="EURO"),
        row(partner_reference="I-2", quantity="ten"),
    ]
    _, imp = upload_as(partner_a, csv_upload(rows))
    imp = _accept(drain(imp), partner_a)
    assert imp.status == "completed"
    assert sorted(
        ImportLine.objects.filter(channel_import=imp).values_list("row_key", flat=True)
    ) == ["r:V-0", "r:V-1", "r:V-2"]
    assert imp.invalid_rows == 2


def test_discarding_saves_nothing(upload_as, api, partner_a, catalogue):
    _, imp = upload_as(partner_a, csv_upload([row(), row(FLAGGED)]))
    drain(imp)
    r = api.post(f"/api/v1/imports/{imp.pk}/discard/")
    assert r.status_code == 200 and r.json()["status"] == "discarded"
    assert not ImportLine.objects.exists() and not Opportunity.objects.exists()
    assert api.post(f"/api/v1/imports/{imp.pk}/accept/").status_code == 409


def test_re_uploading_or_overlapping_files_creates_no_duplicates(upload_as, partner_a, catalogue):
    no_ref = [row(partner_reference="", end_customer_name=f"Shop {i}") for i in range(2)]
    first_rows = [row(partner_reference=f"P-{i}") for i in range(5)] + [row(FLAGGED)] + no_ref
    _, first = upload_as(partner_a, csv_upload(first_rows))
    first = _accept(drain(first), partner_a)
    assert first.lines_total == 8
    deals = Opportunity.objects.count()
    assert deals == 1

    _, again = upload_as(partner_a, csv_upload(first_rows))
    again = _accept(drain(again), partner_a)
    assert again.status == "completed"
    assert (again.lines_total, again.duplicate_rows) == (0, 8)

    overlap = (
        [row(partner_reference=f"P-{i}") for i in range(3, 8)]
        + no_ref[1:]
        + [row(partner_reference="", end_customer_name="Shop 9")]
    )
    _, third = upload_as(partner_a, csv_upload(overlap))
    third = _accept(drain(third), partner_a)
    assert (third.lines_total, third.duplicate_rows) == (4, 3)  # P-5, P-6, P-7 and Shop 9 are new
    assert ImportLine.objects.count() == 12
    assert Opportunity.objects.count() == deals


def test_the_same_reference_from_another_partner_is_another_line(
    upload_as, partner_a, partner_b, catalogue
):
    _, a = upload_as(partner_a, csv_upload([row(FLAGGED)]))
    _, b = upload_as(partner_b, csv_upload([row(FLAGGED)]))
    _accept(drain(a), partner_a)
    _accept(drain(b), partner_b)
    assert ImportLine.objects.count() == 2
    assert Opportunity.objects.filter(external_id__startswith="IMPORT-").count() == 2


@override_settings(CHANNEL_IMPORT_CHUNK_ROWS=2)
def test_a_chunk_run_twice_screens_and_promotes_each_line_once(upload_as, partner_a, catalogue):
    from reviews.models import ReviewCase

    rows = [row(FLAGGED, partner_reference=f"F-{i}") for i in range(3)] + [
        row(partner_reference=f"L-{i}") for i in range(3)
    ]
    _, imp = upload_as(partner_a, csv_upload(rows))
    import_accept(actor=partner_a, channel_import=drain(imp))
    drain(imp, rounds=1)  # ingest only
    imp.refresh_from_db()
    assert imp.status == "screening" and imp.chunks_total == 3
    chunks = list(ImportChunk.objects.filter(channel_import=imp))
    for chunk in chunks:
        tasks.import_chunk_screen(chunk.pk)
    imp.refresh_from_db()
    assert imp.status == "promoting"
    tasks.import_promote(imp.pk)
    counts = (Opportunity.objects.count(), ReviewCase.objects.count(), AuditEvent.objects.count())
    for chunk in chunks:  # redelivered messages, or duplicates
        tasks.import_chunk_screen(chunk.pk)
        import_chunk_screen(chunk_id=chunk.pk, claim_token="another-task")
    tasks.import_promote(imp.pk)
    imp.refresh_from_db()
    assert imp.status == "completed"
    assert (
        Opportunity.objects.count(),
        ReviewCase.objects.count(),
        AuditEvent.objects.count(),
    ) == counts
    assert counts[0] == 3
    assert not ImportLine.objects.filter(channel_import=imp, status="pending").exists()


@override_settings(CHANNEL_IMPORT_CHUNK_ROWS=3)
def test_a_chunk_whose_worker_died_is_resumed_by_the_redelivered_task(
    upload_as, partner_a, catalogue
):
    rows = [row(FLAGGED, partner_reference=f"F-{i}") for i in range(3)]
    _, imp = upload_as(partner_a, csv_upload(rows))
    import_accept(actor=partner_a, channel_import=drain(imp))
    drain(imp, rounds=1)
    chunk = ImportChunk.objects.get(channel_import=imp)
    # The worker claimed the chunk and screened one line, then died.
    ImportChunk.objects.filter(pk=chunk.pk).update(
        status="running", claim_token="task-1", claimed_at=timezone.now()
    )
    one = ImportLine.objects.filter(channel_import=imp).order_by("id").first()
    ImportLine.objects.filter(pk=one.pk).update(status="screened", tier="critical", score=25)
    # Another task cannot take a freshly claimed chunk; the redelivered message can.
    assert not import_chunk_screen(chunk_id=chunk.pk, claim_token="task-2")
    assert import_chunk_screen(chunk_id=chunk.pk, claim_token="task-1")
    one.refresh_from_db()
    assert one.score == 25  # screened lines are not screened again
    # The promotion dies after registering one deal: the rerun finds it and adds the rest.
    line = ImportLine.objects.filter(channel_import=imp).order_by("id")[1]
    opportunity_register(actor=partner_a, data=opportunity_data(imp, line), source="import")
    assert Opportunity.objects.count() == 1
    assert import_promote(channel_import_id=imp.pk)
    assert not import_promote(channel_import_id=imp.pk)  # once more: nothing to do
    imp.refresh_from_db()
    assert imp.status == "completed"
    assert Opportunity.objects.count() == 3
    assert ImportLine.objects.filter(channel_import=imp, opportunity__isnull=False).count() == 3


@override_settings(CHANNEL_IMPORT_CHUNK_ROWS=3)
def test_a_stale_claim_is_taken_over_by_another_task(upload_as, partner_a, catalogue):
    _, imp = upload_as(partner_a, csv_upload([row(partner_reference=f"L-{i}") for i in range(3)]))
    import_accept(actor=partner_a, channel_import=drain(imp))
    drain(imp, rounds=1)
    chunk = ImportChunk.objects.get(channel_import=imp)
    long_ago = timezone.now() - timedelta(seconds=ImportChunk.STALE_SECONDS + 1)
    ImportChunk.objects.filter(pk=chunk.pk).update(
        status="running", claim_token="dead", claimed_at=long_ago
    )
    assert import_chunk_screen(chunk_id=chunk.pk, claim_token="task-2")
    assert drain(imp).status == "completed"


def test_flagged_lines_become_deals_in_the_partners_deal_list(
    upload_as, client, api, partner_a, partner_b, reviewer, catalogue
):
    _, imp = upload_as(partner_a, csv_upload([row(), row(FLAGGED)]))
    _accept(drain(imp), partner_a)
    deal = Opportunity.objects.get()
    assert deal.status in {"in_review", "on_hold"}
    assert deal.current_screening.tier in {"high", "critical"}
    client.force_login(partner_a)
    assert deal.reference in client.get("/deals/").content.decode()
    summary = client.get(f"/imports/{imp.pk}/").content.decode()
    assert f'href="/deals/{deal.pk}/"' in summary
    assert [
        d["id"] for d in api.as_user(reviewer).get("/api/v1/opportunities/").json()["results"]
    ] == [deal.pk]
    assert api.as_user(partner_b).get("/api/v1/opportunities/").json()["count"] == 0
    lines = api.as_user(partner_a).get(f"/api/v1/imports/{imp.pk}/lines/?flagged=1").json()
    assert lines["count"] == 1 and lines["results"][0]["deal"]["reference"] == deal.reference


def test_staff_import_for_a_partner_and_the_deal_names_the_partner(
    upload_as, sales_rep, reseller_a, catalogue
):
    r, imp = upload_as(sales_rep, csv_upload([row(FLAGGED)]), organisation=reseller_a.pk)
    assert r.status_code == 201, r.json()
    _accept(drain(imp), sales_rep)
    deal = Opportunity.objects.get()
    assert deal.owner == sales_rep
    assert [e.name for e in deal.channel.all()] == [reseller_a.name, "Cairo Systems"]


def test_each_import_writes_one_audit_event_per_step_not_per_line(upload_as, partner_a, catalogue):
    rows = [row(partner_reference=f"P-{i}") for i in range(20)]
    _, imp = upload_as(partner_a, csv_upload(rows))
    _accept(drain(imp), partner_a)
    actions = list(
        AuditEvent.objects.filter(object_type="channel_import", object_id=str(imp.pk))
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == [
        "channel_import.uploaded",
        "channel_import.mapped",
        "channel_import.validated",
        "channel_import.accepted",
        "channel_import.completed",
    ]


def test_an_upload_past_the_row_limit_is_rejected_with_a_clear_message(
    upload_as, partner_a, catalogue, settings
):
    settings.CHANNEL_IMPORT_MAX_ROWS = 3
    _, imp = upload_as(partner_a, csv_upload([row(partner_reference=f"P-{i}") for i in range(4)]))
    imp = drain(imp)
    assert imp.status == "rejected"
    assert (
        imp.message
        == "The file has more than 3 lines, the limit per import. Split it into smaller files."
    )
    assert not ImportLine.objects.exists()


def test_an_upload_past_the_size_limit_is_refused_before_it_is_stored(
    upload_as, partner_a, catalogue, settings
):
    settings.CHANNEL_IMPORT_MAX_BYTES = 1024
    r, imp = upload_as(partner_a, csv_upload([row(partner_reference=f"P-{i}") for i in range(20)]))
    assert r.status_code == 413
    size = r.json()["detail"].split()[3]
    assert (
        r.json()["detail"]
        == f"The file is {size} KB; the limit is 1.0 KB. Split it into smaller files."
    )
    assert not ChannelImport.objects.exists()
