"""Three bands: a match holds the deal, a possible match sends it to review without
blocking it (RP-POSSIBLE-MATCH), and the reviewer's case page says why each matched.
The thresholds are the admins' to set, and every screening records the ones it used."""

from __future__ import annotations

import pytest

from audit.models import AuditEvent
from opportunities.models import Opportunity
from restricted_parties.models import MatchThresholds
from restricted_parties.services import sample_list_load
from reviews.models import ReviewCase
from tests.factories import deal_body

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("catalogue")]

# "Sable Crest Holdings Limited" is listed in CY on the fictional sample list.
NAMESAKE_ELSEWHERE = {"name": "Sable Crest Holdings Ltd", "role": "distributor", "country": "DE"}


def _register(api, user, party):
    sample_list_load()
    r = api.as_user(user).post("/api/v1/opportunities/", deal_body(channel=[party]), format="json")
    assert r.status_code == 201, r.json()
    return Opportunity.objects.get(pk=r.json()["id"])


def _codes(deal) -> set[str]:
    return {f["code"] for f in deal.current_screening.findings}


def test_a_possible_match_routes_the_deal_to_review_without_blocking_it(api, partner_a):
    deal = _register(api, partner_a, NAMESAKE_ELSEWHERE)
    screening = deal.current_screening
    assert "RP-POSSIBLE-MATCH" in _codes(deal) and "RP-MATCH" not in _codes(deal)
    assert screening.tier == "medium"
    assert deal.status != "blocked"
    assert ReviewCase.objects.filter(opportunity=deal).exists()
    snap = screening.snapshot
    assert snap["restricted_party.possible_match"] and not snap["restricted_party.matched"]
    assert snap["restricted_party.match_threshold"] == 90.0
    assert snap["restricted_party.possible_match_threshold"] == 79.0


def test_the_reviewer_sees_why_it_matched_and_the_partner_does_not(
    api, client, partner_a, reviewer
):
    deal = _register(api, partner_a, NAMESAKE_ELSEWHERE)
    case = ReviewCase.objects.get(opportunity=deal)
    client.force_login(reviewer)
    html = client.get(f"/reviews/cases/{case.pk}/").content.decode()
    assert "Restricted-party matches: why" in html
    assert "possible match (DE)" in html
    assert "via name" in html and "parts agreeing: " in html
    assert "DE differs from the listed CY" in html
    client.force_login(partner_a)
    seen = client.get(f"/deals/{deal.pk}/").content.decode()
    assert "Sable Crest Holdings Limited" not in seen and "differs from the listed" not in seen
    assert "RP-POSSIBLE-MATCH" not in seen
    api_view = api.as_user(partner_a).get(f"/api/v1/opportunities/{deal.pk}/").json()
    assert "differs from the listed" not in str(api_view)


def test_the_same_name_in_the_listed_country_is_a_match(api, partner_a):
    deal = _register(api, partner_a, {**NAMESAKE_ELSEWHERE, "country": "CY"})
    assert "RP-MATCH" in _codes(deal)
    assert deal.current_screening.tier == "prohibited"


def test_an_admin_sets_the_thresholds_and_screenings_record_them(
    api, client, admin_user, partner_a
):
    client.force_login(admin_user)
    r = client.post("/restricted-parties/thresholds/", {"match": "84", "possible_match": "70"})
    assert r.status_code == 302
    row = MatchThresholds.objects.get()
    assert (row.match, row.possible_match) == (84.0, 70.0)
    event = AuditEvent.objects.get(action="restricted_party.thresholds_changed")
    assert event.changes["match"] == [90.0, 84.0]
    # 100 - 15 for the other country = 85: now at or above the match threshold.
    deal = _register(api, partner_a, NAMESAKE_ELSEWHERE)
    assert "RP-MATCH" in _codes(deal)
    snap = deal.current_screening.snapshot
    assert snap["restricted_party.match_threshold"] == 84.0
    assert snap["restricted_party.possible_match_threshold"] == 70.0
    assert "84.0" in client.get("/restricted-parties/").content.decode()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"match": "80", "possible_match": "85"}, "At most the match threshold."),
        ({"match": "180", "possible_match": "85"}, "less than or equal to 100"),
        ({"match": "", "possible_match": "85"}, "This field is required."),
    ],
)
def test_bad_thresholds_are_refused_and_nothing_changes(client, admin_user, data, message):
    client.force_login(admin_user)
    r = client.post("/restricted-parties/thresholds/", data)
    assert r.status_code == 400
    assert message in r.content.decode()
    assert not MatchThresholds.objects.exists()


def test_only_admins_set_the_thresholds(client, reviewer, partner_a):
    for user in (reviewer, partner_a):
        client.force_login(user)
        r = client.post("/restricted-parties/thresholds/", {"match": "50", "possible_match": "40"})
        assert r.status_code == 403
    assert not MatchThresholds.objects.exists()


def test_the_preview_reads_snapshots_stored_before_the_possible_match_band(admin_user, sales_rep):
    from lifecycle.services import opportunity_register
    from rules import preview, services
    from rules.models import PreviewRun, Screening

    deal = opportunity_register(actor=sales_rep, data=deal_body()).opportunity
    old = dict(deal.current_screening.snapshot)
    for field in ("possible_match", "possible_matches", "explanations", "match_threshold"):
        old.pop(f"restricted_party.{field}")
    Screening.objects.filter(pk=deal.current_screening_id).update(snapshot=old)
    draft = services.criteria_draft_start(actor=admin_user)
    run = preview.preview_execute(run_id=preview.preview_start(actor=admin_user, draft=draft).pk)
    assert run.status == PreviewRun.Status.DONE and run.result["counts"]["same"] == 1
