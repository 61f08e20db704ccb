"""Compliance's triage: the queue with its target, links suggested by name, the outcome,
and a credible report that reopens the deals it concerns."""

from __future__ import annotations

import pytest
from django.utils import timezone

from audit.models import AuditEvent
from grievances.models import Report
from grievances.selectors import link_suggestions
from grievances.services import report_link, report_record_outcome, report_submit
from partners.models import Organisation
from reviews.models import Concern, ReviewCase

from .conftest import png

pytestmark = pytest.mark.django_db


def _report(**data):
    body = {"what": "The GPU cluster runs face search on protesters.", **data}
    return report_submit(data=body, files=[png()])[0]


def test_compliance_links_a_report_to_an_end_customer_and_the_approved_deal_reopens(
    client, reviewer, approved_deal
):
    report = _report(about_organisation="Gulf Research Co")
    customer = approved_deal.end_customer
    client.force_login(reviewer)
    page = client.get(f"/grievances/{report.pk}/").content.decode()
    assert f'name="organisation" value="{customer.pk}"' in page  # suggested by name

    client.post(f"/grievances/{report.pk}/link/", {"organisation": customer.pk})
    approved_deal.refresh_from_db()
    assert approved_deal.status == "approved"  # not before the report is found credible
    client.post(
        f"/grievances/{report.pk}/outcome/", {"outcome": "credible", "note": "Photos match."}
    )

    report.refresh_from_db()
    approved_deal.refresh_from_db()
    assert report.status == "investigating"
    assert approved_deal.status == "on_hold"  # reopened under heightened due diligence
    case = ReviewCase.objects.get(opportunity=approved_deal, status="new")
    assert case.tier == "high" and case.previous_case_id is not None
    summary = f"misuse report {report.reference}: credible, under investigation"
    assert Concern.objects.get(opportunity=approved_deal).summary == summary
    assert summary in client.get(f"/reviews/cases/{case.pk}/").content.decode()
    assert AuditEvent.objects.filter(
        action="opportunity.reopen", object_id=str(approved_deal.pk)
    ).exists()
    profile = client.get(f"/grievances/organisations/{customer.pk}/").content.decode()
    assert report.reference in profile


def test_a_link_made_after_a_credible_outcome_raises_the_concern_at_once(reviewer, approved_deal):
    report = _report()
    report_record_outcome(report=report, actor=reviewer, outcome="credible", note="Seen.")
    report_link(report=report, actor=reviewer, opportunity=approved_deal)
    approved_deal.refresh_from_db()
    assert approved_deal.status == "on_hold"
    report_link(report=report, actor=reviewer, organisation=approved_deal.end_customer)
    assert Concern.objects.filter(opportunity=approved_deal).count() == 1  # once per deal


def test_a_concern_on_a_case_under_review_raises_it_and_sends_a_recommendation_back(
    reviewer, make_deal, case_of
):
    from reviews.services import review_claim, review_recommend

    deal = make_deal("medium", title="Pending deal")
    case = review_recommend(
        case=review_claim(case=case_of(deal), actor=reviewer),
        actor=reviewer,
        outcome="approve",
        reasons="Fine.",
    )
    assert case.status == "recommended"
    report = _report()
    report_link(report=report, actor=reviewer, opportunity=deal)
    report_record_outcome(report=report, actor=reviewer, outcome="credible", note="Seen.")
    case.refresh_from_db()
    deal.refresh_from_db()
    assert (case.status, case.tier) == ("in_review", "high")
    assert deal.status == "on_hold"


def test_a_report_found_not_credible_closes_and_touches_no_deal(reviewer, approved_deal):
    report = _report()
    report_link(report=report, actor=reviewer, opportunity=approved_deal)
    report_record_outcome(report=report, actor=reviewer, outcome="not_substantiated", note="No.")
    report.refresh_from_db()
    approved_deal.refresh_from_db()
    assert report.status == "closed" and approved_deal.status == "approved"
    assert not Concern.objects.exists()


def test_names_are_suggested_even_when_disguised(approved_deal, reseller_a):
    # Cyrillic look-alike letters and a legal form the customer's record does not carry.
    report = _report(about_organisation="GULF RESEАRCH Co. LLC")
    names = [s.organisation.name for s in link_suggestions(report)]
    assert names[0] == "Gulf Research Co"
    suggestion = link_suggestions(report)[0]
    assert approved_deal in suggestion.deals
    assert "Alpha Systems Integration" not in names


def test_the_queue_shows_the_target_and_marks_overdue_reports(client, reviewer):
    late = _report()
    Report.objects.filter(pk=late.pk).update(
        triage_due_at=timezone.now() - timezone.timedelta(days=1)
    )
    fresh = _report()
    client.force_login(reviewer)
    html = client.get("/grievances/").content.decode()
    assert late.reference in html and fresh.reference in html
    assert html.index(late.reference) < html.index(fresh.reference)
    assert html.count("overdue") >= 1


def test_only_the_human_rights_lead_sees_who_reported_and_their_files(
    client, reviewer, senior_reviewer, admin_user
):
    report = report_submit(
        data={
            "what": "x",
            "anonymous": False,
            "reporter_name": "Leila Haddad",
            "reporter_contact": "leila@example.org",
        },
        files=[png("my-own-name.png")],
    )[0]
    file_id = report.files.get().pk
    for user in (reviewer, admin_user):
        client.force_login(user)
        html = client.get(f"/grievances/{report.pk}/").content.decode()
        assert "Leila" not in html and "leila@" not in html and "my-own-name" not in html
        assert client.get(f"/grievances/files/{file_id}/").status_code == 404
    client.force_login(senior_reviewer)
    html = client.get(f"/grievances/{report.pk}/").content.decode()
    assert "Leila Haddad" in html and "leila@example.org" in html
    download = client.get(f"/grievances/files/{file_id}/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"\x89PNG")
    seen = AuditEvent.objects.filter(action="report.identity_disclosed", object_id=str(report.pk))
    assert sorted(e.changes["what"] for e in seen) == ["file " + str(file_id), "identity"]
    assert {e.actor_id for e in seen} == {senior_reviewer.pk}


def test_an_organisation_id_from_outside_is_refused_politely(client, reviewer):
    report = _report()
    client.force_login(reviewer)
    response = client.post(
        f"/grievances/{report.pk}/link/", {"organisation": "99999999"}, follow=True
    )
    assert "Choose an organisation or a deal that exists." in response.content.decode()
    assert not report.links.exists()
    assert Organisation.objects.filter(pk=99999999).count() == 0


def test_only_compliance_staff_raise_or_assess(partner_a, sales_rep, approved_deal):
    from hrdd.errors import PermissionDenied
    from reviews.services import review_raise_concern

    report = _report()
    for user in (partner_a, sales_rep, None):
        with pytest.raises(PermissionDenied):
            report_record_outcome(report=report, actor=user, outcome="credible", note="x")
        with pytest.raises(PermissionDenied):
            review_raise_concern(
                opportunity=approved_deal,
                actor=user,
                source="misuse_report",
                reference="R-1",
                summary="x",
            )
    approved_deal.refresh_from_db()
    assert approved_deal.status == "approved"


def test_two_staff_recording_an_outcome_at_once_one_wins(reviewer, senior_reviewer):
    from hrdd.errors import Conflict

    report = _report()
    stale = Report.objects.get(pk=report.pk)
    report_record_outcome(report=report, actor=reviewer, outcome="not_substantiated", note="No.")
    with pytest.raises(Conflict):
        report_record_outcome(report=stale, actor=senior_reviewer, outcome="credible", note="Yes.")
    report.refresh_from_db()
    assert (report.outcome, report.assessed_by) == ("not_substantiated", reviewer)


def test_a_withdrawn_deal_is_left_alone(reviewer, approved_deal):
    from opportunities.workflow import opportunity_transition

    opportunity_transition(
        opportunity=approved_deal, transition="withdraw", to="withdrawn", actor=None
    )
    report = _report()
    report_link(report=report, actor=reviewer, opportunity=approved_deal)
    report_record_outcome(report=report, actor=reviewer, outcome="credible", note="Seen.")
    approved_deal.refresh_from_db()
    assert approved_deal.status == "withdrawn"
    assert not Concern.objects.exists()


def test_compliance_is_told_of_a_new_report_and_nobody_else(
    reviewer, senior_reviewer, partner_a, sales_rep, django_capture_on_commit_callbacks
):
    from reviews.models import Notification

    with django_capture_on_commit_callbacks(execute=True):
        report = report_submit(data={"what": "x", "anonymous": False, "reporter_name": "Leila"})[0]
    notes = Notification.objects.filter(kind="report_received")
    assert set(notes.values_list("recipient__username", flat=True)) == {
        reviewer.username,
        senior_reviewer.username,
    }
    assert all(report.reference in n.title and "Leila" not in n.body for n in notes)
    assert not Notification.objects.filter(recipient__in=[partner_a, sales_rep]).exists()


def test_the_api_triages_as_the_pages_do(api, reviewer, senior_reviewer, partner_a, approved_deal):
    report = report_submit(data={"what": "x", "anonymous": False, "reporter_name": "Leila"})[0]
    base = f"/api/v1/grievances/reports/{report.pk}/"
    api.as_user(partner_a)
    assert api.get("/api/v1/grievances/reports/").status_code == 403
    assert api.get(base).status_code == 403
    api.as_user(reviewer)
    listed = api.get("/api/v1/grievances/reports/").json()
    assert [r["reference"] for r in listed["results"]] == [report.reference]
    assert api.get(base).json()["reporter"] is None  # not the human-rights lead
    api.post(base + "answer/", {"body": "Looking into it."}, format="json")
    linked = api.post(
        base + "link/", {"organisation": approved_deal.end_customer_id}, format="json"
    )
    assert (
        linked.status_code == 200
        and linked.json()["links"][0]["organisation"] == approved_deal.end_customer_id
    )
    assert (
        api.post(base + "outcome/", {"outcome": "bogus", "note": "x"}, format="json").status_code
        == 400
    )
    done = api.post(base + "outcome/", {"outcome": "credible", "note": "Seen."}, format="json")
    assert done.json()["status"] == "investigating"
    approved_deal.refresh_from_db()
    assert approved_deal.status == "on_hold"
    api.as_user(senior_reviewer)
    assert api.get(base).json()["reporter"] == {"name": "Leila", "contact": ""}
