"""Done when: a webhook receiver started by the test gets a signed, retried delivery of a
decision, through a real Celery worker and the outbox (a private redis-server, the outbox
intervals cut to seconds as in tests/outbox)."""

from __future__ import annotations

import json

import pytest

from outbox.services import outbox_reconcile
from reviews.services import review_claim, review_decide
from tests.factories import deal_body
from tests.outbox.conftest import until
from tests.reviews.conftest import TIER_DEALS, open_case
from webhooks.models import WebhookDelivery
from webhooks.services import webhook_endpoint_save
from webhooks.signing import signature_verify

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture(autouse=True)
def _fast(settings, tmp_path, transactional_db):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def test_the_crm_gets_a_signed_decision_after_its_first_failure(
    receiver_factory,
    thread_worker,
    admin_user,
    reviewer,
    sales_rep,
    catalogue,  # noqa: F811
):
    crm = receiver_factory(fail_first=1)
    endpoint = webhook_endpoint_save(
        actor=admin_user, name="Salesforce", url=crm.url, events=["case.decided"]
    )
    thread_worker()
    from lifecycle.services import opportunity_register

    deal = opportunity_register(
        actor=sales_rep,
        data=deal_body(title="GPU cluster for Gulf Research", **TIER_DEALS["medium"]),
    ).opportunity
    case = review_claim(case=open_case(deal), actor=reviewer)
    review_decide(case=case, actor=reviewer, outcome="approve", reasons="Research use only.")

    # beat runs the reconciler; the outbox sends the delivery again after its delay
    until(
        lambda: len(crm.requests) >= 2, timeout=90, tick=outbox_reconcile, what="the second attempt"
    )
    first, second = crm.requests[:2]
    assert first["body"] == second["body"]
    for request in (first, second):
        assert request["headers"]["HRDD-Event"] == "case.decided"
        assert signature_verify(
            secret=endpoint.secret,
            body=request["body"],
            header=request["headers"]["HRDD-Signature"],
        )
    assert not signature_verify(
        secret="whsec_wrong", body=second["body"], header=second["headers"]["HRDD-Signature"]
    )
    body = json.loads(second["body"])
    assert body["type"] == "case.decided"
    assert body["data"]["outcome"] == "approve"
    assert body["data"]["reasons"] == "Research use only."  # the vendor's own systems
    assert body["data"]["deal"]["id"] == deal.pk
    assert body["data"]["deal"]["status"] == "approved"

    delivery = until(
        lambda: WebhookDelivery.objects.filter(endpoint=endpoint, status="delivered").first(),
        timeout=30,
        what="the delivery marked delivered",
    )
    assert delivery.attempts == 2
    log = list(delivery.log.values_list("status_code", "response_body"))
    assert log == [(503, "busy, try later"), (200, "thanks")]
    assert len(crm.requests) == 2  # delivered once it succeeded, not again
