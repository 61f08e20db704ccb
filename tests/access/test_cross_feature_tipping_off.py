"""Hostile walks across features: a partner user and a sales rep must not learn of
screening intelligence (a list match, a misuse report, a notification to the authority)
from any page, banner, inbox, webhook, overview or API they can reach, nor tell one
compliance hold from another by its wording."""

from __future__ import annotations

import json
import re
from datetime import timedelta

import pytest
import time_machine
from django.core import mail

from audit.models import AuditEvent
from reviews.notifications import notifications_send
from reviews.services import review_claim, review_decide
from tests.monitoring.conftest import import_list, run_latest, write_list
from webhooks.models import WebhookDelivery
from webhooks.services import webhook_endpoint_save

pytestmark = pytest.mark.django_db

ALL_EVENTS = [
    "deal.screened",
    "deal.tier_changed",
    "case.decided",
    "information.requested",
    "condition.overdue",
]
ALPHA = [{"name": "Alpha Systems Integration", "role": "reseller", "country": "DE"}]
# Words that name screening intelligence (case-insensitive).
TELLS = (
    "list_update",
    "list update",
    "restricted",
    "sample list",
    "fict-",
    "sanction list",
    "match",
    "misuse",
    "grievance",
    "concern",
    "authority",
    "hard stop",
    "R-0",
    "AN-",
    'data-tier="prohibited"',
    '"tier": "prohibited"',
    '"tier":"prohibited"',
)
# ("prohibited" alone is a tier filter's option on every deal list; a sanctioned country's
# block is named to partners, since they know the country.)


def _tells(text: str) -> list[str]:
    low = text.lower()
    return [t for t in TELLS if t.lower() in low]


@pytest.fixture(autouse=True)
def _no_broker(monkeypatch):
    """Deliveries stay pending for the test to read (no broker)."""
    monkeypatch.setattr("outbox.services.outbox_send", lambda message: True)


@pytest.fixture(autouse=True)
def _loopback_receivers(settings):
    """Endpoints on loopback (nothing is sent: the test reads the queued deliveries)."""
    settings.WEBHOOK_ALLOW_PRIVATE_ADDRESSES = True
    settings.WEBHOOK_ALLOW_HTTP = True


@pytest.fixture
def list_in_force(admin_user, tmp_path):
    """The sample list in force (a first version imported, its run finished)."""
    imported = import_list(admin_user, write_list(tmp_path, name="v1.csv"))
    run_latest("list_update")
    return imported


@pytest.fixture
def alpha_crm(admin_user, reseller_a):
    return webhook_endpoint_save(
        actor=admin_user,
        name="Alpha CRM",
        url="http://127.0.0.1:8200/h",
        events=ALL_EVENTS,
        organisation=reseller_a,
    )


def _partner_payloads(reseller) -> str:
    rows = WebhookDelivery.objects.filter(endpoint__organisation=reseller).order_by("id")
    return json.dumps([{"event": d.event, **d.facts} for d in rows], default=str)


def _approved(make_deal, case_of, reviewer, **kw):
    deal = make_deal("medium", channel=ALPHA, **kw)
    review_decide(
        case=review_claim(case=case_of(deal), actor=reviewer),
        actor=reviewer,
        outcome="approve",
        reasons="INTERNAL: SOE research checked.",
    )
    deal.refresh_from_db()
    assert deal.status == "approved"
    return deal


def _banner(html: str) -> str:
    """The deal page's banner (the standing block)."""
    m = re.search(r'<section[^>]*class="[^"]*standing[^"]*".*?</section>', html, re.S)
    return m.group(0) if m else ""


def _walk(client, api, user, deal) -> dict[str, str]:
    client.force_login(user)
    api.as_user(user)
    seen = {}
    for url in (f"/deals/{deal.pk}/", "/deals/", "/inbox/", "/overview/", "/overview/data.json"):
        r = client.get(url)
        assert r.status_code == 200, url
        seen[url] = r.content.decode()
    for url in (f"/api/v1/opportunities/{deal.pk}/", "/api/v1/opportunities/"):
        r = api.get(url)
        assert r.status_code == 200, url
        seen[url] = r.content.decode()
    seen["notifications"] = " ".join(
        f"{n.title} {n.body} {n.url}" for n in user.notifications.all()
    )
    seen["emails"] = " ".join(f"{m.subject} {m.body}" for m in mail.outbox if user.email in m.to)
    return seen


# --- 1. A deal reopened by a list update ------------------------------------------------


@pytest.fixture
def reopened_by_list(list_in_force, make_deal, case_of, reviewer, admin_user, alpha_crm, tmp_path):
    deal = _approved(make_deal, case_of, reviewer)
    WebhookDelivery.objects.all().delete()  # only what the list update causes
    import_list(
        admin_user,
        write_list(tmp_path, add=[("fict-900", "Gulf Research Co", "AE")], name="v2.csv"),
    )
    run_latest("list_update")
    deal.refresh_from_db()
    assert deal.status not in ("approved", "approved_with_conditions")
    notifications_send(event_ids=list(AuditEvent.objects.values_list("pk", flat=True)))
    return deal


def test_a_partners_webhooks_do_not_say_a_list_update_reopened_the_deal(
    reopened_by_list, reseller_a
):
    payloads = _partner_payloads(reseller_a)
    assert "deal.screened" in payloads, "the partner hears that its deal was screened again"
    assert _tells(payloads) == [], payloads


def test_the_vendors_webhooks_still_say_why(reopened_by_list, admin_user):
    vendor = webhook_endpoint_save(
        actor=admin_user, name="Vendor", url="http://127.0.0.1:8201/h", events=ALL_EVENTS
    )
    from lifecycle.announce import screening_announce

    s = reopened_by_list.current_screening
    screening_announce(reopened_by_list, s, None, trigger=s.trigger)
    facts = WebhookDelivery.objects.filter(endpoint=vendor).get().facts
    assert facts["trigger"] == "list_update"


@pytest.mark.parametrize("persona", ["partner_a", "sales_rep"])
def test_pages_banner_inbox_overview_and_api_of_a_list_reopened_deal_say_only_review(
    request, persona, reopened_by_list, client, api
):
    user = request.getfixturevalue(persona)
    seen = _walk(client, api, user, reopened_by_list)
    for where, text in seen.items():
        assert _tells(text) == [], f"{where}: {_tells(text)}"
    assert "In compliance review" in seen[f"/deals/{reopened_by_list.pk}/"]
    if persona == "sales_rep":  # the deal's submitter hears that it is held again
        assert "back in compliance review" in seen["notifications"]
        assert "back in compliance review" in seen["emails"]


@pytest.mark.parametrize("persona", ["partner_a", "sales_rep"])
def test_filters_and_the_organisation_list_find_a_list_reopened_deal_only_as_a_review(
    request, persona, reopened_by_list, api
):
    user = request.getfixturevalue(persona)
    api.as_user(user)
    pk = reopened_by_list.pk

    def ids(query: str) -> list[int]:
        r = api.get(f"/api/v1/opportunities/?{query}")
        assert r.status_code == 200, query
        return [d["id"] for d in r.json()["results"]]

    assert pk in ids("status=in_review")
    for probe in ("status=blocked", "status=on_hold", "tier=prohibited", "tier=critical"):
        assert pk not in ids(probe), probe
    orgs = api.get("/api/v1/organisations/").content.decode()
    assert _tells(orgs) == [], _tells(orgs)
    cases = api.get("/api/v1/reviews/cases/")
    assert cases.status_code == 403 or _tells(cases.content.decode()) == []


# --- 2. A credible misuse report ------------------------------------------------------


@pytest.fixture
def reported(make_deal, case_of, reviewer, alpha_crm):
    from grievances.services import report_link, report_record_outcome, report_submit

    deal = _approved(make_deal, case_of, reviewer)
    WebhookDelivery.objects.all().delete()
    report = report_submit(data={"what": "The cluster tracks protesters."})[0]
    report_link(report=report, actor=reviewer, organisation=deal.end_customer)
    report_record_outcome(report=report, actor=reviewer, outcome="credible", note="Photos match.")
    deal.refresh_from_db()
    assert deal.status == "on_hold"
    notifications_send(event_ids=list(AuditEvent.objects.values_list("pk", flat=True)))
    return deal


@pytest.mark.parametrize("persona", ["partner_a", "sales_rep"])
def test_a_credible_misuse_report_is_named_nowhere_they_reach(
    request, persona, reported, client, api, reseller_a
):
    user = request.getfixturevalue(persona)
    seen = _walk(client, api, user, reported)
    seen["webhooks"] = _partner_payloads(reseller_a)
    for where, text in seen.items():
        assert _tells(text) == [], f"{where}: {_tells(text)}"
        assert "protesters" not in text and "Photos" not in text, where


# --- 3. A deal held for the authority -------------------------------------------------


@pytest.fixture
def held_for_authority(make_deal, case_of, reviewer, alpha_crm):
    from records.authority import authority_awareness_record

    deal = _approved(make_deal, case_of, reviewer)
    WebhookDelivery.objects.all().delete()
    authority_awareness_record(
        actor=reviewer,
        opportunity=deal,
        reason="Press report: INTERNAL the cluster tracks journalists.",
    )
    deal.refresh_from_db()
    assert deal.status == "blocked"
    notifications_send(event_ids=list(AuditEvent.objects.values_list("pk", flat=True)))
    return deal


@pytest.mark.parametrize("persona", ["partner_a", "sales_rep"])
def test_an_authority_hold_reads_as_a_plain_review(
    request, persona, held_for_authority, client, api, reseller_a
):
    user = request.getfixturevalue(persona)
    seen = _walk(client, api, user, held_for_authority)
    seen["webhooks"] = _partner_payloads(reseller_a)
    for where, text in seen.items():
        assert _tells(text) == [], f"{where}: {_tells(text)}"
        assert "journalists" not in text, where
    # ("Blocked: a country … under sanctions" is a status filter's option on the list)
    for where in (
        f"/deals/{held_for_authority.pk}/",
        f"/api/v1/opportunities/{held_for_authority.pk}/",
    ):
        assert "Blocked" not in _banner(seen[where]) and '"blocked"' not in seen[where], where
    assert "In compliance review" in seen[f"/deals/{held_for_authority.pk}/"]


# --- 4. The same words for every hidden hold ------------------------------------------


def test_every_hidden_hold_reads_the_same_to_the_partner(
    request, make_deal, case_of, reviewer, admin_user, partner_a, client, tmp_path, list_in_force
):
    """A list reopen, a misuse report and an authority hold of equal deals: the partner's
    status label, banner and leverage steps are the same words (the deal's own
    reference and title aside)."""
    from grievances.services import report_link, report_record_outcome, report_submit
    from records.authority import authority_awareness_record

    listed = _approved(make_deal, case_of, reviewer, title="Deal one")
    reported = _approved(
        make_deal,
        case_of,
        reviewer,
        title="Deal two",
        end_customer={
            "name": "Harbour Lab",
            "country": "AE",
            "type": "state_owned_enterprise",
            "sector": "research",
        },
    )
    held = _approved(
        make_deal,
        case_of,
        reviewer,
        title="Deal three",
        end_customer={
            "name": "Coral Institute",
            "country": "AE",
            "type": "state_owned_enterprise",
            "sector": "research",
        },
    )
    import_list(
        admin_user,
        write_list(tmp_path, add=[("fict-900", "Gulf Research Co", "AE")], name="v2.csv"),
    )
    run_latest("list_update")
    report = report_submit(data={"what": "Tracks protesters."})[0]
    report_link(report=report, actor=reviewer, organisation=reported.end_customer)
    report_record_outcome(report=report, actor=reviewer, outcome="credible", note="Photos.")
    authority_awareness_record(actor=reviewer, opportunity=held, reason="Press report.")
    client.force_login(partner_a)
    texts = []
    for deal in (listed, reported, held):
        deal.refresh_from_db()
        html = client.get(f"/deals/{deal.pk}/").content.decode()
        banner = _banner(html) or html
        banner = banner.replace(deal.reference, "REF").replace(deal.title, "TITLE")
        texts.append(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", banner)).strip())
    assert texts[0] == texts[1] == texts[2], texts


def test_a_deal_held_for_a_hidden_cause_tells_the_partner_to_hold_like_any_review(
    admin_user, partner_a, make_deal, client, tmp_path
):
    """A low-risk deal whose end customer matches a list is held, but the tier partners
    are shown stays low: the leverage steps must still say "do not deploy until
    compliance has decided", as every other deal in review does, or the partner is told
    less than the banner says (and reads the hold as something odd)."""
    import_list(
        admin_user,
        write_list(tmp_path, add=[("fict-902", "Fjord Logistics AS", "NO")], name="v1.csv"),
    )
    run_latest("list_update")
    from lifecycle.services import opportunity_register
    from tests.factories import deal_body

    body = deal_body(title="Held quietly", channel=ALPHA)
    deal = opportunity_register(actor=partner_a, data=body).opportunity
    deal.refresh_from_db()
    assert deal.current_screening.shown_tier == "low"
    assert deal.status in ("in_review", "on_hold", "blocked")
    client.force_login(partner_a)
    html = client.get(f"/deals/{deal.pk}/").content.decode()
    assert "In compliance review" in html and _tells(html) == []
    assert "Do not deploy until compliance has decided" in html
    medium = make_deal("medium", channel=ALPHA, actor=partner_a, title="Plain review")
    plain = client.get(f"/deals/{medium.pk}/").content.decode()
    assert "Do not deploy until compliance has decided" in plain


# --- 5. A listed partner's profile: itself, the rep, the distributor above it ---------


@pytest.fixture
def distributor_user(db):
    from accounts.models import User
    from tests.factories import OrganisationFactory, UserFactory

    nordic = OrganisationFactory(name="Nordic Distribution AB", country="SE", role="distributor")
    return UserFactory(
        username="dora_distributor", role=User.Role.PARTNER_USER, organisation=nordic
    )


@pytest.mark.parametrize("persona", ["partner_a", "sales_rep", "distributor_user"])
def test_a_listed_partners_profile_learns_nothing_whoever_reads_it(
    request, persona, list_in_force, admin_user, reseller_a, make_deal, client, tmp_path
):
    channel = [{"name": "Nordic Distribution AB", "role": "distributor", "country": "SE"}, *ALPHA]
    deal = make_deal("medium", channel=channel, title="Deal through Nordic and Alpha")
    import_list(
        admin_user, write_list(tmp_path, add=[("fict-901", reseller_a.name, "DE")], name="v2.csv")
    )
    run_latest("list_update")
    deal.refresh_from_db()
    assert deal.status == "blocked", "the listed reseller holds the deal"
    user = request.getfixturevalue(persona)
    client.force_login(user)
    page = client.get(f"/partners/{reseller_a.pk}/")
    if persona == "distributor_user":  # another organisation's profile: not found
        assert page.status_code == 404
        own = client.get(f"/partners/{user.organisation_id}/").content.decode()
        assert reseller_a.name in own and _tells(own) == [], _tells(own)
        return
    assert page.status_code == 200
    html = page.content.decode()
    assert deal.reference in html, "the deal is listed on the profile"
    assert _tells(html) == [], _tells(html)
    assert "Blocked" not in html and "In compliance review" in html


# --- 6. Text red flags quoting another party's answer ---------------------------------


def test_a_partners_answer_quoted_by_a_red_flag_is_not_shown_to_the_rep(
    make_deal, case_of, reviewer, partner_a, teammate, client, api
):
    """The red flags quote the deal's text back to those who wrote it; a partner's answer
    to compliance is another party's words, for compliance staff and the people the
    answers panel shows it to (the deal's owner). A teammate who sees the deal reads that
    a red flag was read in words kept for compliance, neither the words nor where."""
    from lifecycle.services import review_answer
    from reviews.services import review_request_information

    deal = make_deal("medium", channel=ALPHA, title="Cluster through Alpha")
    case = review_claim(case=case_of(deal), actor=reviewer)
    question = review_request_information(
        case=case, actor=reviewer, questions="Who uses it?", addressed_to=partner_a
    )
    review_answer(
        information_request=question,
        actor=partner_a,
        answer="The interior ministry will use it to identify journalists.",
    )
    deal.refresh_from_db()
    assert "identify journalists" in json.dumps(deal.current_screening.snapshot, ensure_ascii=False)
    client.force_login(reviewer)
    assert "identify journalists" in client.get(f"/deals/{deal.pk}/").content.decode()
    client.force_login(teammate)
    page = client.get(f"/deals/{deal.pk}/").content.decode()
    assert "identify journalists" not in page
    body = api.as_user(teammate).get(f"/api/v1/opportunities/{deal.pk}/").content.decode()
    findings = re.search(r'<table class="findings">.*?</table>', page, re.S).group(0)
    assert "TXT-TARGETING-DISSENT" in findings, "the red flag itself is shown"
    assert "journalists" not in findings.replace("(journalists, activists", "")
    assert "words kept for compliance" in findings
    # ...and not that they answer compliance: another channel partner would learn that
    # compliance asks about the deal (found by a hostile review)
    assert "information request" not in findings
    screening = json.loads(body)["screening"]
    assert "identify journalists" not in json.dumps(screening, ensure_ascii=False)
    # Nor that answers were given, or in which language (found by a hostile review: the
    # channel read "Answer to an information request 1: French; … 2: Chinese").
    assert not any(line.startswith("Answer to an information") for line in screening["languages"])
    assert "Answer to an information request: English" not in page
    client.force_login(reviewer)
    assert (
        "Answer to an information request: English"
        in client.get(f"/deals/{deal.pk}/").content.decode()
    )


def test_a_rep_is_told_of_a_reopen_by_a_misuse_report_as_of_one_by_a_list_update(
    reported, sales_rep
):
    """Told for a list update and silent for a misuse report would tell the two apart (and
    leave the rep selling a deal that is back in review)."""
    told = " ".join(f"{n.title} {n.body}" for n in sales_rep.notifications.all())
    assert "back in compliance review" in told


def test_a_list_update_that_changes_nothing_a_partner_reads_is_not_announced_to_it(
    list_in_force, make_deal, admin_user, alpha_crm, reseller_a, tmp_path, api, partner_a, reviewer
):
    """A deal already in review whose end customer a new list entry names reads the same
    to the partner (in compliance review, its tier); neither its systems nor the deal's
    "screened on" tell it that the deal was screened again, since only the deals near a
    new entry are (tipping off)."""
    vendor = webhook_endpoint_save(
        actor=admin_user, name="Vendor", url="http://127.0.0.1:8201/h", events=ALL_EVENTS
    )
    held = make_deal("medium", channel=ALPHA, title="Campus GPUs")
    shown_before = (held.status, held.current_screening.shown_tier)
    WebhookDelivery.objects.all().delete()

    def screened_at(user) -> str:
        api.as_user(user)
        return api.get(f"/api/v1/opportunities/{held.pk}/").json()["screening_basis"]["screened_at"]

    partner_read = screened_at(partner_a)

    import_list(
        admin_user,
        write_list(tmp_path, add=[("fict-900", "Gulf Research Co", "AE")], name="v2.csv"),
    )
    run_latest("list_update")

    held.refresh_from_db()
    assert held.current_screening.trigger == "list_update"  # screened again: a new match
    from opportunities.presenters import shown_status

    assert shown_status(held.status, held.current_screening.shown_tier) == shown_status(
        *shown_before
    )
    assert _partner_payloads(reseller_a) == "[]"
    assert screened_at(partner_a) == partner_read
    assert screened_at(reviewer) != partner_read  # compliance reads the re-check
    told_vendor = WebhookDelivery.objects.filter(endpoint=vendor, event="deal.screened")
    assert told_vendor.get().facts["trigger"] == "list_update"


def test_a_list_update_a_day_later_moves_no_screened_on_date_a_partner_reads(
    list_in_force, make_deal, admin_user, reseller_a, tmp_path, api, client, partner_a, reviewer
):
    """The re-check's date is nowhere a partner reads: not in the API's screening basis,
    not in its screening block, not on the deal's page."""
    from django.utils import timezone

    held = make_deal("medium", channel=ALPHA, title="Campus GPUs")

    def reads(user) -> tuple[str, str, str]:
        body = api.as_user(user).get(f"/api/v1/opportunities/{held.pk}/").json()
        client.force_login(user)
        page = client.get(f"/deals/{held.pk}/").content.decode()
        basis = re.search(r'class="screening-basis".*?</section>', page, re.S)
        return (
            body["screening_basis"]["screened_at"],
            body["screening"]["screened_at"],
            basis.group(0) if basis else page,
        )

    before = reads(partner_a)
    with time_machine.travel(timezone.now() + timedelta(days=1, hours=3), tick=False):
        import_list(
            admin_user,
            write_list(tmp_path, add=[("fict-900", "Gulf Research Co", "AE")], name="v2.csv"),
        )
        run_latest("list_update")
    held.refresh_from_db()
    assert held.current_screening.trigger == "list_update"
    after = reads(partner_a)
    assert after[0] == before[0]
    assert after[1] == before[1]
    assert after[2] == before[2]
    assert reads(reviewer)[1] != before[1], "compliance reads the re-check's date"
