"""Every screening shows the versions it used; partners and reps never learn of a list
match from a re-screening (no list names, no reason, a plain hold)."""

from __future__ import annotations

import pytest

from audit.models import AuditEvent
from reviews.notifications import notifications_send

from .conftest import import_list, run_latest, write_list

pytestmark = pytest.mark.django_db


def test_the_deal_page_and_api_show_the_versions_used_lists_to_compliance_only(
    sample_list, make_deal, reviewer, sales_rep, api, client
):
    deal = make_deal("low")
    basis = deal.current_screening.basis
    assert basis["lists"] == [
        {
            "id": sample_list.pk,
            "name": "Sample list (fictional)",
            "imported_at": sample_list.imported_at.isoformat(),
        }
    ]
    staff = api.as_user(reviewer).get(f"/api/v1/opportunities/{deal.pk}/").json()
    assert staff["screening_basis"]["lists"][0]["name"] == "Sample list (fictional)"
    assert (
        staff["screening_basis"]["criteria_version"]
        == deal.current_screening.criteria_version.number
    )
    rep = api.as_user(sales_rep).get(f"/api/v1/opportunities/{deal.pk}/").json()
    assert "lists" not in rep["screening_basis"]
    assert (
        rep["screening_basis"]["criteria_version"] == staff["screening_basis"]["criteria_version"]
    )
    client.force_login(reviewer)
    assert "Sample list (fictional) of" in client.get(f"/deals/{deal.pk}/").content.decode()
    client.force_login(sales_rep)
    page = client.get(f"/deals/{deal.pk}/").content.decode()
    assert "criteria version" in page and "Sample list" not in page


def test_a_partner_whose_deal_is_reopened_by_a_list_update_reads_a_plain_hold(
    sample_list, make_deal, case_of, reviewer, partner_a, admin_user, api, tmp_path
):
    from reviews.services import review_claim, review_decide

    deal = make_deal("medium", actor=partner_a, title="Partner deal")
    case = review_claim(case=case_of(deal), actor=reviewer)
    review_decide(case=case, actor=reviewer, outcome="approve", reasons="SOE research.")
    import_list(
        admin_user,
        write_list(tmp_path, add=[("fict-900", "Gulf Research Co", "AE")], name="v2.csv"),
    )
    run_latest("list_update")
    deal.refresh_from_db()
    assert deal.status == "blocked"
    notifications_send(event_ids=list(AuditEvent.objects.values_list("pk", flat=True)))
    told = " ".join(f"{n.title} {n.body}" for n in partner_a.notifications.all())
    assert "back in compliance review" in told
    for secret in ("Sample list", "fict-900", "match", "restricted"):
        assert secret not in told
    body = api.as_user(partner_a).get(f"/api/v1/opportunities/{deal.pk}/").content.decode()
    assert "In compliance review" in body
    for secret in ("Sample list", "fict-900", "blocked", "prohibited"):
        assert secret not in body
    assert api.get("/api/v1/monitoring/runs/").status_code == 403


def test_the_monitoring_page_and_api_list_runs_with_counts_and_links(
    sample_list, approved_condition, admin_user, reviewer, client, api, tmp_path
):
    import_list(
        admin_user,
        write_list(tmp_path, add=[("fict-900", "Gulf Research Co", "AE")], name="v2.csv"),
    )
    run = run_latest("list_update")
    client.force_login(reviewer)
    page = client.get("/monitoring/").content.decode()
    assert run.label in page and f"/monitoring/runs/{run.pk}/" in page
    detail = client.get(f"/monitoring/runs/{run.pk}/").content.decode()
    assert f"/deals/{approved_condition.opportunity_id}/" in detail and "reopened" in detail
    body = api.as_user(reviewer).get(f"/api/v1/monitoring/runs/{run.pk}/").json()
    assert body["raised"] == 1 and body["reopened"] == 1 and body["trigger"] == "list_update"
    assert body["changes"][0]["url"] == f"/deals/{approved_condition.opportunity_id}/"
    listing = api.get("/api/v1/monitoring/runs/").json()
    assert [r["id"] for r in listing["results"]][:1] == [run.pk]
