"""Messages about a deal reach only people who may still see it: a partner dropped from
the deal's channel after it was asked a question hears nothing more of the deal (not the
decision, nor the feedback written for the submitters), in the inbox or by email."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from audit.models import AuditEvent
from hrdd.errors import PermissionDenied
from lifecycle.services import opportunity_update, review_answer
from monitoring.conditions import conditions_reopen_lapsed
from opportunities.models import Opportunity
from opportunities.policies import opportunities_visible_to
from reviews.models import CaseCondition, Notification
from reviews.notifications import notifications_email_pending, notifications_send
from reviews.services import (
    condition_fulfil,
    review_claim,
    review_decide,
    review_request_information,
)
from tests.factories import deal_body
from tests.reviews.conftest import TIER_DEALS

pytestmark = pytest.mark.django_db

ALPHA = [{"name": "Alpha Systems Integration", "role": "reseller", "country": "DE"}]
ZETA = [{"name": "Zeta Reseller GmbH", "role": "reseller", "country": "DE"}]
FEEDBACK = "Zeta must not resell to the ministry's surveillance unit."


def _send_all() -> None:
    notifications_send(event_ids=AuditEvent.objects.values_list("pk", flat=True))


def _heard(user, after: int = 0) -> str:
    """What `user` was told (inbox and email), in notifications after the id `after`."""
    inbox = " ".join(
        f"{t} {b}"
        for t, b in Notification.objects.filter(recipient=user, pk__gt=after).values_list(
            "title", "body"
        )
    )
    emails = " ".join(f"{m.subject} {m.body}" for m in mail.outbox if user.email in m.to)
    return f"{inbox} {emails}"


def test_a_partner_dropped_from_the_channel_hears_nothing_of_the_decision(
    make_deal, case_of, reviewer, sales_rep, partner_a
):
    deal = make_deal("medium", title="Campus GPUs", channel=ALPHA)
    case = review_claim(case=case_of(deal), actor=reviewer)
    question = review_request_information(
        case=case, actor=reviewer, questions="Who uses the cluster?", addressed_to=partner_a
    )
    review_answer(information_request=question, actor=partner_a, answer="The university.")
    # The rep moves the deal to another reseller: Alpha no longer sees it.
    body = deal_body(title="Campus GPUs", **{**TIER_DEALS["medium"], "channel": ZETA})
    opportunity_update(actor=sales_rep, opportunity=deal, data=body)
    assert not opportunities_visible_to(partner_a).filter(pk=deal.pk).exists()
    _send_all()
    mail.outbox.clear()

    review_decide(
        case=case_of(deal),
        actor=reviewer,
        outcome="reject",
        reasons="Mass surveillance risk.",
        feedback=FEEDBACK,
    )
    _send_all()

    assert FEEDBACK not in _heard(partner_a)
    assert not Notification.objects.filter(recipient=partner_a, kind="review_case.reject").exists()
    # The rep, who still sees the deal, is told (the control).
    assert FEEDBACK in _heard(sales_rep)


BRAVO_AND_ALPHA = [
    {"name": "Alpha Systems Integration", "role": "reseller", "country": "DE"},
    {"name": "Bravo Channel Solutions", "role": "reseller", "country": "FR"},
]
ALPHAS_CONDITION = "The sales staff of Alpha have had no export-compliance training"


@pytest.fixture
def two_partners_conditions(make_deal, case_of, reviewer, partner_a, partner_b):
    """A deal approved with one condition on Alpha and one on Bravo, which was asked a
    question before (so it hears of the deal)."""
    deal = make_deal("medium", title="Campus GPUs", channel=BRAVO_AND_ALPHA)
    case = review_claim(case=case_of(deal), actor=reviewer)
    question = review_request_information(
        case=case, actor=reviewer, questions="Who installs it?", addressed_to=partner_b
    )
    review_answer(information_request=question, actor=partner_b, answer="We do.")
    _send_all()
    mail.outbox.clear()
    review_decide(
        case=case_of(deal),
        actor=reviewer,
        outcome="approve_with_conditions",
        reasons="Research use.",
        feedback="Approved once the conditions below are met.",
        conditions=[
            {
                "mitigation": "partner-training",
                "owner": partner_a.pk,
                "due_date": "2030-06-30",
                "details": ALPHAS_CONDITION,
            },
            {"mitigation": "end-use-certificate", "owner": partner_b.pk, "due_date": "2030-06-30"},
        ],
    )
    _send_all()
    return deal


def test_a_partner_reads_only_its_own_conditions_of_a_decision(
    two_partners_conditions, sales_rep, partner_a, partner_b, client
):
    """A condition put on one partner says what compliance found about that partner; the
    other partners of the deal read the decision and their own conditions, not its."""
    deal = two_partners_conditions

    client.force_login(partner_b)
    page = client.get(f"/deals/{deal.pk}/").content.decode()
    assert "End-use and end-user certificate" in page  # Bravo's own condition
    assert "Approved once the conditions below are met." in page
    for told in (page, _heard(partner_b), _heard(sales_rep)):
        assert "Partner training" not in told
        assert ALPHAS_CONDITION not in told
    assert "End-use and end-user certificate" in _heard(partner_b)
    # Alpha reads its own condition, on the page and in its message.
    client.force_login(partner_a)
    assert ALPHAS_CONDITION in client.get(f"/deals/{deal.pk}/").content.decode()
    assert "Partner training" in _heard(partner_a)
    assert "End-use and end-user certificate" not in _heard(partner_a)


def test_a_lapsed_condition_is_named_only_to_its_owner(
    two_partners_conditions, sales_rep, partner_a, partner_b
):
    alphas = CaseCondition.objects.get(opportunity=two_partners_conditions, owner=partner_a)
    day = timezone.now().date() - timedelta(days=30)
    CaseCondition.objects.filter(pk=alphas.pk).update(due_date=day)
    before = Notification.objects.order_by("-pk").values_list("pk", flat=True).first()
    mail.outbox.clear()

    assert conditions_reopen_lapsed() == 1
    _send_all()

    assert "Partner training" in _heard(partner_a, before)
    for other in (partner_b, sales_rep):
        heard = _heard(other, before)
        assert "back in compliance review" in heard  # the hold is told
        assert "Partner training" not in heard and "condition" not in heard.lower()


def _drop_alpha(deal, sales_rep) -> None:
    """The rep takes Alpha out of the deal's channel: Bravo stays."""
    bravo = [p for p in BRAVO_AND_ALPHA if p["name"].startswith("Bravo")]
    body = deal_body(title="Campus GPUs", **{**TIER_DEALS["medium"], "channel": bravo})
    opportunity_update(actor=sales_rep, opportunity=deal, data=body)


def test_a_partner_dropped_from_the_channel_no_longer_sees_nor_fulfils_its_conditions(
    two_partners_conditions, sales_rep, partner_a, partner_b, client, api
):
    deal = two_partners_conditions
    alphas = CaseCondition.objects.get(opportunity=deal, owner=partner_a)
    bravos = CaseCondition.objects.get(opportunity=deal, owner=partner_b)
    _drop_alpha(deal, sales_rep)
    assert not opportunities_visible_to(partner_a).filter(pk=deal.pk).exists()

    client.force_login(partner_a)
    page = client.get("/reviews/conditions/?status=").content.decode()
    assert "Partner training" not in page and "Campus GPUs" not in page
    r = client.post(f"/reviews/conditions/{alphas.pk}/fulfil/", {"evidence_note": "Trained."})
    assert r.status_code == 404
    as_alpha = api.as_user(partner_a)
    listed = as_alpha.get("/api/v1/reviews/conditions/?status=").json()["results"]
    assert listed == []
    for cid in (alphas.pk, bravos.pk):  # its own, and another organisation's
        r = as_alpha.post(
            f"/api/v1/reviews/conditions/{cid}/fulfil/",
            {"evidence_note": "Trained."},
            format="json",
        )
        assert r.status_code == 404
    alphas.refresh_from_db()
    assert alphas.status == CaseCondition.Status.OPEN
    # The service refuses it too, whoever calls it (an import, a task).
    with pytest.raises(PermissionDenied):
        condition_fulfil(condition=alphas, actor=partner_a, evidence_note="Trained.")
    # Bravo, still in the channel, sees and fulfils its own (the control).
    as_bravo = api.as_user(partner_b)
    listed = as_bravo.get("/api/v1/reviews/conditions/?status=").json()["results"]
    assert [c["id"] for c in listed] == [bravos.pk]
    r = as_bravo.post(
        f"/api/v1/reviews/conditions/{bravos.pk}/fulfil/",
        {"evidence_note": "Signed."},
        format="json",
    )
    assert r.status_code == 200


def test_a_dropped_partners_open_condition_goes_to_the_deals_owner_who_can_meet_it(
    two_partners_conditions, sales_rep, partner_a, partner_b, api
):
    """Left with the partner, it could be neither fulfilled nor verified, yet would still
    escalate and reopen the deal when due: the rep who owns the deal takes it over."""
    deal = two_partners_conditions
    alphas = CaseCondition.objects.get(opportunity=deal, owner=partner_a)
    bravos = CaseCondition.objects.get(opportunity=deal, owner=partner_b)
    before = Notification.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    mail.outbox.clear()
    _drop_alpha(deal, sales_rep)
    alphas.refresh_from_db()
    bravos.refresh_from_db()
    assert alphas.owner_id == deal.owner_id == sales_rep.pk
    assert bravos.owner_id == partner_b.pk  # still in the channel: still Bravo's
    event = AuditEvent.objects.get(action="condition.handed_over")
    assert event.actor_id == sales_rep.pk and event.changes["owner"] == [partner_a.pk, sales_rep.pk]
    _send_all()  # the rep made the change, so is not told of it; the partner hears nothing
    assert "Partner training" not in _heard(partner_a, after=before)
    listed = api.as_user(sales_rep).get("/api/v1/reviews/conditions/?status=").json()["results"]
    assert alphas.pk in [c["id"] for c in listed]
    condition_fulfil(condition=alphas, actor=sales_rep, evidence_note="Trained them ourselves.")
    alphas.refresh_from_db()
    assert alphas.status == CaseCondition.Status.FULFILLED


def test_the_decision_message_finds_a_condition_owner_by_who_they_are_not_by_name(
    make_deal, case_of, reviewer, partner_a, partner_b
):
    """Alpha's user is renamed and Bravo's takes its old name before the message goes out:
    Alpha still reads its condition, and Bravo does not read it under the re-used name."""
    deal = make_deal("medium", title="Campus GPUs", channel=BRAVO_AND_ALPHA)
    case = review_claim(case=case_of(deal), actor=reviewer)
    question = review_request_information(
        case=case, actor=reviewer, questions="Who installs it?", addressed_to=partner_b
    )
    review_answer(information_request=question, actor=partner_b, answer="We do.")
    _send_all()
    review_decide(
        case=case_of(deal),
        actor=reviewer,
        outcome="approve_with_conditions",
        reasons="Research use.",
        feedback="Approved once the condition below is met.",
        conditions=[
            {
                "mitigation": "partner-training",
                "owner": partner_a.pk,
                "due_date": "2030-06-30",
                "details": ALPHAS_CONDITION,
            }
        ],
    )
    old_name = partner_a.username
    partner_a.username = "paula_alpha_renamed"
    partner_a.save(update_fields=["username"])
    partner_b.username = old_name
    partner_b.save(update_fields=["username"])
    mail.outbox.clear()

    _send_all()

    assert "Approved once the condition below is met." in _heard(partner_b)
    assert "Partner training" not in _heard(partner_b)
    assert "Partner training" in _heard(partner_a)


def test_a_partner_dropped_from_the_channel_no_longer_reads_its_old_messages_about_the_deal(
    make_deal, case_of, reviewer, sales_rep, partner_a, client, api
):
    """Messages already in its inbox are screening intelligence about the deal too: they
    are shown only while the reader may see the deal (the rows stay, for the record)."""
    deal = make_deal("medium", title="Campus GPUs", channel=ALPHA)
    case = review_claim(case=case_of(deal), actor=reviewer)
    review_request_information(
        case=case, actor=reviewer, questions="Who uses the cluster?", addressed_to=partner_a
    )
    _send_all()
    told = Notification.objects.get(recipient=partner_a, case=case)
    client.force_login(partner_a)
    assert "Who uses the cluster?" in client.get("/inbox/").content.decode()  # the control

    body = deal_body(title="Campus GPUs", **{**TIER_DEALS["medium"], "channel": ZETA})
    opportunity_update(actor=sales_rep, opportunity=deal, data=body)

    page = client.get("/inbox/").content.decode()
    assert "Who uses the cluster?" not in page and told.title not in page
    assert 'id="unread-count"' not in page  # the badge counts none
    assert client.get(f"/inbox/{told.pk}/").status_code == 404
    client.post("/inbox/read/", {"notification": told.pk})
    client.post("/inbox/read/")
    told.refresh_from_db()
    assert told.read_at is None  # not marked read: it cannot be read
    assert api.as_user(partner_a).get("/api/v1/inbox/").json()["results"] == []
    # Compliance staff and the rep still read theirs; the row stays in the record.
    assert Notification.objects.filter(pk=told.pk).exists()


def _statements_of_edit(deal, sales_rep, channel) -> list[str]:
    body = deal_body(title="Campus GPUs, phase 2", **{**TIER_DEALS["medium"], "channel": channel})
    deal = Opportunity.objects.get(pk=deal.pk)
    with CaptureQueriesContext(connection) as ctx:
        opportunity_update(actor=sales_rep, opportunity=deal, data=body)
    return [q["sql"] for q in ctx.captured_queries]


def test_an_edit_that_keeps_the_channel_does_not_look_for_conditions_to_hand_over(
    two_partners_conditions, sales_rep, partner_a
):
    """Only a partner leaving the channel can leave a condition with someone who no
    longer sees the deal: an edit of the title alone costs no statement for it."""
    deal = two_partners_conditions
    # A first edit reads what a process keeps (restricted lists, match thresholds), so the
    # count below does not depend on which tests ran before.
    _statements_of_edit(deal, sales_rep, BRAVO_AND_ALPHA)
    statements = _statements_of_edit(deal, sales_rep, BRAVO_AND_ALPHA)
    assert not [s for s in statements if "reviews_casecondition" in s]
    # 17 before (the conditions read on every edit); reference data's version checks,
    # which depend on what the process read before, are not counted.
    own = [s for s in statements if "refdata_refdataversion" not in s]
    assert len(own) <= 16, "\n".join(s[:100] for s in own)
    assert CaseCondition.objects.filter(opportunity=deal, owner=partner_a).exists()
    # Dropping Alpha still hands its condition over (the control).
    bravo = [p for p in BRAVO_AND_ALPHA if p["name"].startswith("Bravo")]
    statements = _statements_of_edit(deal, sales_rep, bravo)
    assert [s for s in statements if "reviews_casecondition" in s]
    assert not CaseCondition.objects.filter(opportunity=deal, owner=partner_a).exists()


def test_a_mail_given_back_after_a_failure_is_not_sent_once_the_partner_is_dropped(
    make_deal, case_of, reviewer, sales_rep, partner_a
):
    """A mail that failed is given back to be sent by the retried task; if the partner
    left the deal's channel meanwhile, the retry must not tell it of the deal."""
    deal = make_deal("medium", title="Campus GPUs", channel=ALPHA)
    case = review_claim(case=case_of(deal), actor=reviewer)
    review_request_information(
        case=case, actor=reviewer, questions="Who uses the cluster?", addressed_to=partner_a
    )
    _send_all()
    told = Notification.objects.get(recipient=partner_a, case=case)
    assert any(partner_a.email in m.to for m in mail.outbox)  # the control
    # The mail server refused it: the mail is given back, as the task does on failure.
    Notification.objects.filter(pk=told.pk).update(emailed_at=None)
    mail.outbox.clear()

    body = deal_body(title="Campus GPUs", **{**TIER_DEALS["medium"], "channel": ZETA})
    opportunity_update(actor=sales_rep, opportunity=deal, data=body)
    notifications_email_pending(event_ids=[told.event_id])

    assert not any(partner_a.email in m.to for m in mail.outbox)
    assert "Who uses the cluster?" not in _heard(partner_a, told.pk)


def test_the_hand_over_works_where_the_database_cannot_return_deleted_rows(
    two_partners_conditions, sales_rep, partner_a, partner_b, monkeypatch
):
    """SQLite before 3.35 (still supported by Django 5.2) has no DELETE … RETURNING: the
    channel's organisations are read before the delete instead, and the hand-over is the
    same."""
    import opportunities.services

    monkeypatch.setattr(opportunities.services, "_returning_supported", lambda: False)
    deal = two_partners_conditions
    with CaptureQueriesContext(connection) as queries:
        _drop_alpha(deal, sales_rep)
    assert not any("RETURNING" in q["sql"] and "DELETE" in q["sql"] for q in queries)
    assert CaseCondition.objects.get(opportunity=deal, details=ALPHAS_CONDITION).owner_id == (
        sales_rep.pk
    )
    assert CaseCondition.objects.filter(opportunity=deal, owner=partner_b).exists()
