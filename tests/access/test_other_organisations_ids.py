"""Hostile tests: another organisation's objects, by id in the path, by guessed sequential
ids, by ids in POST bodies and hidden fields, and by list filters that could narrow a list by
a fact the viewer must not learn (an oracle).

The persona matrix checks each route by role on one object; these attacks check that a
partner user of Bravo never reaches Alpha's objects by any of those doors, that a reviewer
cannot hand work to someone outside compliance, and that the public grievance follow-up
cannot be brute-forced.
"""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from accounts.models import User
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:
    c = Client()
    if user is not None:
        c.force_login(user)
    return c


# --- Partner due diligence: Alpha's questionnaire and evidence, as Bravo ---------------------

QUESTIONNAIRE_GETS = ("partner-dd", "partner-dd-export")
QUESTIONNAIRE_POSTS = (
    "partner-dd",
    "partner-dd-submit",
    "partner-dd-decline",
    "partner-dd-accept",
    "partner-dd-return",
)


@pytest.mark.parametrize("name", QUESTIONNAIRE_GETS)
@pytest.mark.parametrize("who", ["partner_b", "sales_rep", "other_rep"])
def test_another_organisations_questionnaire_is_not_found(world, personas, name, who):
    q = world["questionnaire"]
    r = client_for(personas[who]).get(reverse(name, kwargs={"pk": q.pk}))
    assert r.status_code == 404
    assert b"policy.pdf" not in r.content


@pytest.mark.parametrize("name", QUESTIONNAIRE_POSTS)
def test_bravo_cannot_act_on_alphas_questionnaire(world, personas, name):
    q = world["questionnaire"]
    before = (q.status, q.answers if hasattr(q, "answers") else None)
    r = client_for(personas["partner_b"]).post(
        reverse(name, kwargs={"pk": q.pk}), {"reason": "Declined by Bravo", "note": "x"}
    )
    assert r.status_code in (403, 404)
    q.refresh_from_db()
    assert (q.status, q.answers if hasattr(q, "answers") else None) == before


def test_bravo_cannot_attach_evidence_to_alphas_questionnaire(world, personas):
    from partner_dd.models import Evidence

    q = world["questionnaire"]
    n = Evidence.objects.filter(questionnaire=q).count()
    upload = SimpleUploadedFile(
        "fake.pdf", b"%PDF-1.4\n" + b"1" * 32, content_type="application/pdf"
    )
    r = client_for(personas["partner_b"]).post(
        reverse("partner-dd-evidence-upload", kwargs={"pk": q.pk}),
        {"kind": "policy", "file": upload},
    )
    assert r.status_code in (403, 404)
    assert Evidence.objects.filter(questionnaire=q).count() == n


@pytest.mark.parametrize("who", ["partner_b", "sales_rep", "anonymous"])
def test_guessed_evidence_ids_download_nothing(world, personas, who):
    """Walk the ids around Alpha's evidence file: none downloads for Bravo, a rep or anyone
    signed out."""
    pk = world["dd_evidence"].pk
    c = client_for(personas[who])
    for guess in range(max(1, pk - 3), pk + 4):
        r = c.get(reverse("partner-dd-evidence", kwargs={"pk": guess}))
        assert r.status_code in (302, 403, 404), guess
        assert b"%PDF" not in b"".join(getattr(r, "streaming_content", [r.content]))


def test_guessed_questionnaire_ids_show_bravo_only_its_own(world, personas, reviewer):
    from partner_dd.services import questionnaire_send

    own = questionnaire_send(actor=reviewer, organisation=personas["partner_b"].organisation)
    c = client_for(personas["partner_b"])
    seen = [
        pk
        for pk in range(1, max(own.pk, world["questionnaire"].pk) + 4)
        if c.get(reverse("partner-dd", kwargs={"pk": pk})).status_code == 200
    ]
    assert seen == [own.pk]


@pytest.mark.parametrize("who", ["partner_b", "distributor_above_alpha"])
def test_partner_profile_of_another_organisation_is_not_found(world, personas, who):
    """404, not 403: a refusal would confirm the organisation and that it has a profile."""
    alpha = world["questionnaire"].organisation_id
    c = client_for(personas[who])
    assert c.get(reverse("partner-profile", kwargs={"pk": alpha})).status_code == 404
    assert c.get(reverse("partner-profile", kwargs={"pk": 10**6})).status_code == 404


def test_bravo_cannot_record_a_parent_for_alpha(world, personas):
    alpha = world["questionnaire"].organisation
    r = client_for(personas["partner_b"]).post(
        reverse("partner-parent", kwargs={"pk": alpha.pk}),
        {"parent_name": "Bravo Channel Solutions", "parent_country": "FR", "source": "x"},
    )
    assert r.status_code in (403, 404)
    alpha.refresh_from_db()
    assert getattr(alpha, "parent_id", None) is None


def test_profile_import_is_compliance_only(world, personas):
    for who in ("partner_a", "partner_b", "sales_rep"):
        r = client_for(personas[who]).post(reverse("partner-dd-import"), {})
        assert r.status_code == 403, who


# --- Deal partner invite: `organisation=` in the form body -----------------------------------


@pytest.fixture
def distributor_deal(make_deal, reseller_a, reseller_b):
    """A deal sold through Delta (distributor) to Alpha (reseller); Bravo is not in it."""
    channel = [
        {"name": "Delta Distribution", "role": "distributor", "country": "NL"},
        {"name": "Alpha Systems Integration", "role": "reseller", "country": "DE"},
    ]
    deal = make_deal("medium", title="Deal through Delta", channel=channel)
    delta = deal.channel.get(role="distributor").organisation
    return deal, UserFactory(username="dan_delta", role=User.Role.PARTNER_USER, organisation=delta)


def _invite(user, deal, org):
    return client_for(user).post(
        reverse("deal-partner-invite", kwargs={"pk": deal.pk}),
        {"organisation": org.pk, "message": "Join"},
    )


def test_distributor_cannot_invite_an_organisation_outside_the_deal(
    distributor_deal, reseller_b, partner_b
):
    deal, dan = distributor_deal
    assert _invite(dan, deal, reseller_b).status_code == 403
    assert not deal.channel.filter(organisation=reseller_b).exists()


def test_reseller_cannot_invite_its_distributor_or_others(distributor_deal, partner_a, reseller_b):
    deal, dan = distributor_deal
    assert _invite(partner_a, deal, dan.organisation).status_code == 403
    assert _invite(partner_a, deal, reseller_b).status_code == 403


def test_bravo_cannot_invite_on_a_deal_it_is_not_in(distributor_deal, partner_b, reseller_a):
    deal, _ = distributor_deal
    assert _invite(partner_b, deal, reseller_a).status_code == 404


def test_distributor_invites_the_reseller_below_it(distributor_deal, reseller_a, partner_a):
    """The control: the same form with an organisation below Delta works."""
    deal, dan = distributor_deal
    assert _invite(dan, deal, reseller_a).status_code == 302


def test_distributor_finds_neither_its_resellers_profile_nor_its_questionnaire(
    distributor_deal, reseller_a, reviewer
):
    """The reseller's due diligence reaches its distributor only as the export the
    reseller signs and hands over: the profile is as not found as any other's."""
    from partner_dd.services import questionnaire_send

    deal, dan = distributor_deal
    q = questionnaire_send(actor=reviewer, organisation=reseller_a)
    c = client_for(dan)
    assert c.get(reverse("partner-profile", kwargs={"pk": reseller_a.pk})).status_code == 404
    for name in QUESTIONNAIRE_GETS:
        assert c.get(reverse(name, kwargs={"pk": q.pk})).status_code == 404, name


# --- Deal list filters: no oracle on hidden facts --------------------------------------------

HIDDEN_FILTERS = [
    {"current_screening__tier": "prohibited"},
    {"restricted_party_matched": "true"},
    {"rp_matched": "1"},
    {"current_screening__restricted_party_matched": "true"},
    {"risk_score__gte": "50"},
    {"internal_note": "x"},
    {"ordering": "current_screening__tier"},
    {"ordering": "-current_screening__score"},
    {"status": "in_review"},
]


def _refs(client, params):
    r = client.get("/api/v1/opportunities/", params)
    assert r.status_code in (200, 400), r.content
    if r.status_code == 400:
        return None
    body = r.json()
    rows = body["results"] if isinstance(body, dict) else body
    return sorted(row["reference"] for row in rows)


@pytest.fixture
def alpha_deals(make_deal, reviewer):
    """Deals of every tier with Alpha in the channel."""
    alpha = [{"name": "Alpha Systems Integration", "role": "reseller", "country": "DE"}]
    return {
        t: make_deal(t, title=f"Alpha {t}", channel=alpha)
        for t in ("low", "medium", "high", "critical", "prohibited")
    }


@pytest.mark.parametrize(
    "params", HIDDEN_FILTERS, ids=lambda p: "&".join(f"{k}={v}" for k, v in p.items())
)
@pytest.mark.parametrize("who", ["partner_a", "sales_rep"])
def test_hidden_facts_do_not_narrow_the_deal_list(alpha_deals, personas, api, params, who):
    c = api.as_user(personas[who])
    everything = _refs(c, {})
    assert everything, "the viewer sees deals (control)"
    filtered = _refs(c, params)
    if filtered is None:
        return  # refused outright: no oracle
    if params.get("status") == "in_review":
        # a shown status: must match what the viewer sees, not the real status
        rows = c.get("/api/v1/opportunities/").json()
        rows = rows["results"] if isinstance(rows, dict) else rows
        shown = sorted(r["reference"] for r in rows if r.get("status") == "in_review")
        assert filtered == shown
    else:
        assert filtered == everything


@pytest.mark.parametrize("tier", ["low", "medium", "high", "critical", "prohibited"])
def test_tier_filter_follows_the_tier_the_partner_is_shown(alpha_deals, personas, api, tier):
    c = api.as_user(personas["partner_a"])
    rows = c.get("/api/v1/opportunities/").json()
    rows = rows["results"] if isinstance(rows, dict) else rows
    shown = sorted(r["reference"] for r in rows if r.get("tier") == tier)
    assert _refs(c, {"tier": tier}) == shown


@pytest.mark.parametrize("tier", ["low", "medium", "high", "critical", "prohibited"])
def test_deal_page_tier_filter_matches_the_api(alpha_deals, personas, api, tier):
    """The page shares the filterset: a partner's page filtered by a real tier shows only
    deals whose shown tier is that one."""
    user = personas["partner_a"]
    api_refs = _refs(api.as_user(user), {"tier": tier})
    page = client_for(user).get("/deals/", {"tier": tier})
    assert page.status_code == 200
    for deal in alpha_deals.values():
        assert (deal.reference in page.content.decode()) == (deal.reference in api_refs), deal


def test_bravo_sees_none_of_alphas_deals_whatever_the_filter(alpha_deals, personas, api):
    c = api.as_user(personas["partner_b"])
    for params in ({}, {"search": "Alpha"}, {"tier": "prohibited"}, {"country": "IR"}):
        refs = _refs(c, params) or []
        assert not set(refs) & {d.reference for d in alpha_deals.values()}, params


# --- Reviews: assignee and condition owner in the body ---------------------------------------


@pytest.mark.parametrize("assignee", ["partner_b", "partner_a", "sales_rep", "nobody"])
def test_bulk_assign_refuses_an_assignee_outside_review(world, personas, reviewer, assignee):
    case = world["case"]
    before = case.assignee_id
    client_for(reviewer).post(
        reverse("review-bulk-assign"),
        {"assignee": personas[assignee].pk, "case": [case.pk]},
    )
    case.refresh_from_db()
    assert case.assignee_id == before


@pytest.mark.parametrize("who", ["partner_a", "partner_b", "sales_rep"])
def test_bulk_assign_is_refused_to_non_reviewers(world, personas, who):
    case = world["case"]
    before = case.assignee_id
    r = client_for(personas[who]).post(
        reverse("review-bulk-assign"), {"assignee": personas[who].pk, "case": [case.pk]}
    )
    assert r.status_code == 403
    case.refresh_from_db()
    assert case.assignee_id == before


@pytest.mark.parametrize("owner", ["partner_b", "other_rep", "outsider"])
def test_condition_owner_must_see_the_deal(make_deal, case_of, reviewer, personas, owner):
    from hrdd.errors import ApplicationError
    from reviews.services import review_claim, review_decide

    deal = make_deal("medium", title="Deal with a hostile condition owner")
    case = review_claim(case=case_of(deal), actor=reviewer)
    with pytest.raises(ApplicationError):
        review_decide(
            case=case,
            actor=reviewer,
            outcome="approve_with_conditions",
            reasons="r",
            feedback="f",
            conditions=[
                {
                    "mitigation": "end-use-certificate",
                    "owner": personas[owner].pk,
                    "due_date": "2030-12-31",
                    "details": "d",
                }
            ],
        )


# --- Grievance follow-up: anonymous, by receipt code -----------------------------------------


def test_receipt_brute_force_is_stopped_by_the_rate_limit(settings, world):
    settings.GRIEVANCE_LOOKUPS_PER_HOUR = 5
    c = Client(REMOTE_ADDR="203.0.113.9")
    statuses = [
        c.post(reverse("grievance-follow-up"), {"receipt": f"GUESS-{i:06d}"}).status_code
        for i in range(8)
    ]
    assert statuses[:5] == [404] * 5
    assert set(statuses[5:]) == {429}


def test_forged_forwarded_for_does_not_reset_the_lookup_limit(settings, world):
    settings.GRIEVANCE_LOOKUPS_PER_HOUR = 3
    settings.SIGNIN_TRUSTED_PROXIES = 0
    c = Client(REMOTE_ADDR="203.0.113.10")
    statuses = [
        c.post(
            reverse("grievance-follow-up"),
            {"receipt": f"G-{i}"},
            HTTP_X_FORWARDED_FOR=f"198.51.100.{i}",
        ).status_code
        for i in range(5)
    ]
    assert statuses[-1] == 429


def test_receipt_code_is_never_accepted_in_the_address(world):
    r = Client().get(reverse("grievance-follow-up"), {"receipt": "ANYTHING"})
    assert b"No report has this receipt code" not in r.content


# --- Records, monitoring, webhooks: other parties and admin-only actions ---------------------


@pytest.mark.parametrize("who", ["partner_b", "other_rep"])
def test_records_of_another_partys_deal_are_not_found(world, personas, who):
    r = client_for(personas[who]).get(reverse("records-deal", kwargs={"pk": world["deal"].pk}))
    assert r.status_code in (403, 404)


@pytest.mark.parametrize("who", ["partner_a", "partner_b", "sales_rep"])
def test_monitoring_run_is_compliance_only(world, personas, who):
    r = client_for(personas[who]).get(reverse("monitoring-run", kwargs={"pk": world["run"].pk}))
    assert r.status_code in (403, 404)
    assert b"Matrix re-screening" not in r.content


WEBHOOK_ADMIN_PAGES = (
    "/admin/webhooks/webhookendpoint/",
    "/admin/webhooks/webhookendpoint/add/",
    "/admin/webhooks/webhookdelivery/",
)


@pytest.mark.parametrize("who", ["reviewer", "senior_reviewer", "partner_a", "sales_rep"])
def test_webhook_pages_are_admin_only(personas, admin_user, who):
    """Endpoints carry signing secrets and the delivery log names deals: admins only, even
    when someone carelessly ticked "staff" on a reviewer's or a partner's account."""
    for user in (admin_user, personas[who]):
        user.is_staff = True
        user.save(update_fields=["is_staff"])
    control = client_for(admin_user)
    c = client_for(personas[who])
    for url in WEBHOOK_ADMIN_PAGES:
        assert control.get(url).status_code == 200, url
        assert c.get(url).status_code in (302, 403, 404), url


# --- Overview: figures by a hidden fact -------------------------------------------------------


@pytest.mark.parametrize("who", ["partner_a", "sales_rep"])
def test_overview_country_chart_counts_flagged_by_the_shown_tier(make_deal, personas, who):
    """A hidden cause (e.g. a restricted-party match on the end customer) raises a deal's real
    tier while the tier partners and reps are shown stays low. The overview's "flagged"
    count per country must follow the shown tier, or it tells them the match exists."""
    alpha = [{"name": "Alpha Systems Integration", "role": "reseller", "country": "DE"}]
    deal = make_deal("low", title="Quietly matched deal", channel=alpha)
    screening = deal.current_screening
    # the state a hidden restricted-party finding leaves: real tier up, shown tier low
    type(screening).objects.filter(pk=screening.pk).update(tier="prohibited", shown_tier="low")
    user = personas[who]
    r = client_for(user).get(reverse("overview-csv", kwargs={"key": "countries"}))
    assert r.status_code == 200
    rows = [line.split(",") for line in r.content.decode().strip().splitlines()[1:]]
    assert rows, "the viewer's deal is counted (control)"
    assert all(row[-1].strip() == "0" for row in rows), rows
    data = client_for(user).get(reverse("overview-data")).json()
    [chart] = [c for c in data["charts"] if c.get("key") == "countries"]
    assert "Quietly" not in str(data)
    assert all(row[-1] == 0 for row in chart.get("rows", [])), chart


def test_overview_country_chart_still_counts_the_real_tier_for_compliance(make_deal, reviewer):
    deal = make_deal("low", title="Quietly matched deal")
    s = deal.current_screening
    type(s).objects.filter(pk=s.pk).update(tier="prohibited", shown_tier="low")
    r = client_for(reviewer).get(reverse("overview-csv", kwargs={"key": "countries"}))
    rows = [line.split(",") for line in r.content.decode().strip().splitlines()[1:]]
    assert any(row[-1].strip() == "1" for row in rows), rows


# --- Partner profile: a deal's status as the viewer may see it --------------------------------


@pytest.fixture
def quietly_blocked(make_deal):
    """A deal with Alpha in its channel held by a hidden cause: the state a restricted-party
    hard stop leaves (real status blocked, real tier prohibited, shown tier low)."""
    from opportunities.models import Opportunity

    alpha = [{"name": "Alpha Systems Integration", "role": "reseller", "country": "DE"}]
    deal = make_deal("low", title="Quietly blocked deal", channel=alpha)
    s = deal.current_screening
    type(s).objects.filter(pk=s.pk).update(tier="prohibited", shown_tier="low")
    Opportunity.objects.filter(pk=deal.pk).update(status=Opportunity.Status.BLOCKED)
    return deal


@pytest.mark.parametrize("who", ["partner_a", "sales_rep"])
def test_partner_profile_shows_the_status_the_viewer_is_shown(quietly_blocked, personas, who):
    alpha = quietly_blocked.channel.get().organisation
    r = client_for(personas[who]).get(reverse("partner-profile", kwargs={"pk": alpha.pk}))
    if r.status_code == 404:
        return  # the profile is not theirs to see at all
    page = r.content.decode()
    assert quietly_blocked.reference in page  # control: the deal is listed
    assert "Blocked" not in page and "hard stop" not in page
    assert "In compliance review" in page
    detail = client_for(personas[who]).get(
        reverse("opportunity-detail", kwargs={"pk": quietly_blocked.pk})
    )
    assert "hard stop" not in detail.content.decode()


def test_partner_profile_shows_compliance_the_real_status(quietly_blocked, reviewer):
    alpha = quietly_blocked.channel.get().organisation
    page = client_for(reviewer).get(reverse("partner-profile", kwargs={"pk": alpha.pk}))
    assert "Blocked (hard stop)" in page.content.decode()


@pytest.mark.parametrize("who", ["partner_a", "sales_rep"])
def test_deal_filters_do_not_find_a_quiet_block(quietly_blocked, personas, api, who):
    """Filtering by the real status or tier of a deal blocked by a hidden cause finds
    nothing; filtering by what the viewer is shown finds it (the control)."""
    c = api.as_user(personas[who])
    ref = quietly_blocked.reference
    for params in ({"status": "blocked"}, {"tier": "prohibited"}, {"status": "on_hold"}):
        assert ref not in (_refs(c, params) or []), params
        page = client_for(personas[who]).get("/deals/", params).content.decode()
        assert ref not in page, params
    assert ref in _refs(c, {"status": "in_review"})
    assert ref in _refs(c, {"tier": "low"})


@pytest.mark.parametrize("who", ["partner_a", "sales_rep"])
def test_deal_api_and_overview_do_not_tell_a_quiet_block(quietly_blocked, personas, api, who):
    c = api.as_user(personas[who])
    r = c.get(f"/api/v1/opportunities/{quietly_blocked.pk}/")
    assert r.status_code == 200
    body = r.content.decode()
    assert '"blocked"' not in body and "prohibited" not in body and "hard stop" not in body
    listing = c.get("/api/v1/opportunities/", {"search": "Quietly"}).content.decode()
    assert '"blocked"' not in listing and "prohibited" not in listing
    overview = client_for(personas[who]).get(reverse("overview-data")).content.decode()
    assert "Blocked" not in overview and "hard stop" not in overview


@pytest.mark.parametrize("key", ["open-cases", "decisions", "criteria", "false-positives"])
@pytest.mark.parametrize("who", ["partner_a", "partner_b", "sales_rep", "nobody"])
def test_compliance_charts_are_not_found_by_key(world, personas, key, who):
    """The CSV key is in the address: guessing a compliance chart's key finds nothing."""
    r = client_for(personas[who]).get(reverse("overview-csv", kwargs={"key": key}))
    assert r.status_code == 404
    data = client_for(personas[who]).get(reverse("overview-data")).json()
    assert key not in [c["key"] for c in data["charts"]]


def test_compliance_charts_reach_a_reviewer(world, reviewer):
    for key in ("open-cases", "criteria", "false-positives"):
        r = client_for(reviewer).get(reverse("overview-csv", kwargs={"key": key}))
        assert r.status_code == 200, key


@pytest.mark.parametrize("who", ["reviewer", "senior_reviewer", "sales_rep", "partner_a"])
def test_only_an_admin_purges_a_deals_records(world, personas, who):
    from opportunities.models import Opportunity

    deal = world["condition"].case.opportunity  # a decided deal
    r = client_for(personas[who]).post(
        reverse("records-retention"), {"deal": deal.pk, "confirm": deal.reference}
    )
    assert r.status_code == 403
    assert Opportunity.objects.filter(pk=deal.pk).exists()


@pytest.mark.parametrize("name", ["records-deal", "records-evidence-pack"])
@pytest.mark.parametrize("who", ["partner_a", "partner_b", "sales_rep"])
def test_records_and_evidence_packs_are_compliance_only(world, personas, name, who):
    """Even the deal's own partner and rep: the pack holds reviewers' notes and matches."""
    r = client_for(personas[who]).get(reverse(name, kwargs={"pk": world["deal"].pk}))
    assert r.status_code in (403, 404)
    assert not r.get("Content-Disposition")


@pytest.mark.parametrize("who", ["sales_rep", "reviewer", "other_rep"])
def test_only_a_distributor_invites_partners(distributor_deal, reseller_a, personas, who):
    """The deal's own rep, a reviewer and another team's rep post the same form: refused."""
    deal, _ = distributor_deal
    assert _invite(personas[who], deal, reseller_a).status_code in (403, 404)


def test_invite_with_a_made_up_or_malformed_organisation_id(distributor_deal):
    deal, dan = distributor_deal
    c = client_for(dan)
    url = reverse("deal-partner-invite", kwargs={"pk": deal.pk})
    for value in ("999999", "-1", "1 OR 1=1", "", "[]", "0x10"):
        assert c.post(url, {"organisation": value}).status_code == 403, value
