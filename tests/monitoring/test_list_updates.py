"""A restricted-party list update re-screens only the deals its changes can affect, and
only what changed reaches people."""

from __future__ import annotations

import pytest
from django.urls import reverse

from audit.models import AuditEvent
from monitoring.models import BasisChange, ListDelta, PartyFinding, RescreenChange
from opportunities.presenters import status_for_viewer
from reviews.models import ReviewCase
from rules.models import Screening

from .conftest import import_list, run_latest, write_list

pytestmark = pytest.mark.django_db

LISTED = ("fict-900", "Gulf Research Co", "AE")


def test_a_newly_listed_end_customer_reopens_the_approved_deal_with_a_case_naming_the_update(
    sample_list, approved_condition, admin_user, partner_a, sales_rep, tmp_path
):
    deal = approved_condition.opportunity
    assert deal.status == "approved_with_conditions"
    new = import_list(admin_user, write_list(tmp_path, add=[LISTED], name="v2.csv"))
    run = run_latest("list_update")
    assert run.status == "done" and run.raised == 1 and run.reopened == 1
    deal.refresh_from_db()
    assert deal.status == "blocked"
    case = ReviewCase.objects.get(opportunity=deal, status__in=ReviewCase.OPEN_STATES)
    opened = AuditEvent.objects.get(action="review_case.opened", object_id=str(case.pk))
    expected = (
        f"Sample list (fictional), version of {new.imported_at:%-d %b %Y}: "
        "new match for the end customer"
    )
    assert opened.comment.startswith(expected), opened.comment
    assert "new finding “Restricted-party match”" in opened.comment, opened.comment
    assert "RP-MATCH" not in opened.comment
    change = RescreenChange.objects.get(run=run, opportunity=deal)
    assert change.direction == "up" and change.reopened
    assert BasisChange.objects.filter(opportunity=deal, resolved_at=None).exists()
    finding = PartyFinding.objects.get(organisation=deal.end_customer)
    assert (finding.source_id, finding.band) == ("fict-900", "match")
    # The rep who owns the deal reads a plain hold, never the list.
    assert status_for_viewer(deal, sales_rep)[1] == "In compliance review"


def test_the_re_screening_page_names_the_list_once_and_the_tiers_in_words(
    sample_list, approved_condition, admin_user, reviewer, client, tmp_path
):
    import_list(admin_user, write_list(tmp_path, add=[LISTED], name="v2.csv"))
    run = run_latest("list_update")
    client.force_login(reviewer)
    page = client.get(reverse("monitoring-run", args=[run.pk])).content.decode()
    assert "Sample list (fictional), version of " in page and "list list" not in page
    assert "list of 20" not in page  # no machine date (2026-11-30) in the title
    assert "<td>Medium → Prohibited</td>" in page, page
    assert "tier Medium → Prohibited" in page
    deal_page = client.get(f"/deals/{approved_condition.opportunity.pk}/").content.decode()
    assert "(Medium → Prohibited" in deal_page


def test_deals_the_delta_cannot_affect_are_not_rescreened_and_create_nothing(
    sample_list, make_deal, admin_user, tmp_path
):
    quiet = make_deal("low")
    listed = make_deal("medium")
    screenings, events = Screening.objects.count(), AuditEvent.objects.count()
    import_list(
        admin_user,
        write_list(tmp_path, add=[("fict-901", "Unrelated Widget GmbH", "DE")], name="v2.csv"),
    )
    run = run_latest("list_update")
    delta = ListDelta.objects.get(restricted_party_list=run.restricted_party_list)
    assert [sid for sid, _ in delta.added] == ["fict-901"] and not delta.removed
    assert run.scope["limited_to_delta"] is True
    assert run.total == 0 and run.raised == run.lowered == 0
    assert Screening.objects.count() == screenings
    for deal in (quiet, listed):
        deal.refresh_from_db()
    assert quiet.status == "cleared"
    # Only the import and the run itself were recorded: no screening, no case event.
    new_events = AuditEvent.objects.order_by("id")[events:]
    assert {e.action for e in new_events} <= {
        "restricted_party_list.imported",
        "rescreen_run.queued",
        "rescreen_run.finished",
    }


def test_a_delisted_party_lowers_the_deal_and_a_second_delivery_changes_nothing(
    make_deal, admin_user, tmp_path
):
    import_list(admin_user, write_list(tmp_path, add=[LISTED], name="v1.csv"))
    run_latest("list_update")
    deal = make_deal(
        "prohibited",
        end_customer={
            "name": "Gulf Research Co",
            "country": "AE",
            "type": "state_owned_enterprise",
            "sector": "research",
        },
        delivery_country="AE",
    )
    import_list(admin_user, write_list(tmp_path, name="v2.csv"))
    run = run_latest("list_update")
    assert run.total == 1 and run.lowered == 1
    deal.refresh_from_db()
    assert deal.current_screening.tier != "prohibited"
    assert deal.current_screening.trigger == "list_update"
    # The chunk is done: delivering it again re-screens nothing.
    from monitoring.services import rescreen_chunk

    assert rescreen_chunk(run_id=run.pk, index=0) == 0
    assert deal.screenings.count() == 2


def test_a_newly_listed_reseller_is_a_finding_on_its_own_page_and_every_deal_it_is_in(
    sample_list, make_deal, admin_user, reviewer, client, tmp_path
):
    channel = [{"name": "Helix Reseller Ltd", "role": "reseller", "country": "GB"}]
    deals = [make_deal("low", title=f"Helix deal {i}", channel=channel) for i in range(2)]
    import_list(
        admin_user,
        write_list(tmp_path, add=[("fict-902", "Helix Reseller Ltd", "GB")], name="v2.csv"),
    )
    run = run_latest("list_update")
    assert run.raised == 2 and run.organisations_matched == 1
    org = deals[0].channel.get().organisation
    client.force_login(reviewer)
    page = client.get(f"/monitoring/organisations/{org.pk}/").content.decode()
    assert "fict-902" in page and "Helix deal 0" in page and "Helix deal 1" in page
    for deal in deals:
        change = RescreenChange.objects.get(run=run, opportunity=deal)
        assert "new match for the reseller Helix Reseller Ltd" in change.summary


def test_a_plan_abandoned_by_a_killed_worker_is_taken_over_and_a_done_run_is_left_alone(
    sample_list, approved_condition, admin_user, tmp_path
):
    from monitoring.models import RescreenRun
    from monitoring.services import rescreen_plan

    import_list(admin_user, write_list(tmp_path, add=[LISTED], name="v2.csv"))
    run = RescreenRun.objects.filter(status="queued").latest("id")
    RescreenRun.objects.filter(pk=run.pk).update(status="running")  # died before planning
    assert rescreen_plan(run_id=run.pk).chunks_total == 0  # a plain re-delivery: not its run
    planned = rescreen_plan(run_id=run.pk, takeover=True)  # the outbox's lease lapsed
    assert planned.chunks_total == 1 and planned.total == 1
    again = rescreen_plan(run_id=run.pk, takeover=True)
    assert again.chunks.count() == 1  # planned once


def test_the_run_page_says_how_its_deals_were_chosen_in_words(
    client, sample_list, make_deal, admin_user, reviewer, tmp_path
):
    make_deal("low")
    import_list(
        admin_user,
        write_list(tmp_path, add=[("fict-901", "Unrelated Widget GmbH", "DE")], name="v2.csv"),
    )
    run = run_latest("list_update")
    client.force_login(reviewer)
    page = client.get(reverse("monitoring-run", args=[run.pk])).content.decode()
    assert "limited_to_delta" not in page and "lookback_months" not in page
    assert "False" not in page and "True" not in page
    assert "Deals registered or changed in the last 24 months; the list added 1" in page


def test_organisations_screened_in_chunks_find_the_listed_customer_once_in_any_order(
    sample_list, approved_condition, admin_user, tmp_path, settings
):
    from monitoring.models import RescreenRun
    from monitoring.services import rescreen_chunk, rescreen_organisations, rescreen_plan
    from partners.models import Organisation

    settings.MONITORING_CHUNK_ORGANISATIONS = 1  # each organisation its own task
    deal = approved_condition.opportunity
    import_list(admin_user, write_list(tmp_path, add=[LISTED], name="v2.csv"))
    run = rescreen_plan(run_id=RescreenRun.objects.filter(status="queued").latest("id").pk)
    chunks = list(run.organisation_chunks.values_list("index", flat=True))
    assert len(chunks) == Organisation.objects.count() > 1
    assert run.chunks_total == 0  # the deals are chosen once every organisation is screened
    for index in reversed(chunks):
        rescreen_organisations(run_id=run.pk, index=index)
        assert rescreen_organisations(run_id=run.pk, index=index) == 0  # re-delivered
    run.refresh_from_db()
    assert run.organisations_matched == 1
    assert run.total == 1 and run.scope["organisations_hit"] == 1
    for index in run.chunks.values_list("index", flat=True):
        rescreen_chunk(run_id=run.pk, index=index)
    run.refresh_from_db()
    assert run.status == "done" and run.raised == 1 and run.reopened == 1
    deal.refresh_from_db()
    assert deal.status == "blocked"
    assert PartyFinding.objects.get(organisation=deal.end_customer).source_id == "fict-900"
