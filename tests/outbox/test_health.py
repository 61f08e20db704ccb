"""/health/, `manage.py health` and /metrics/ tell an operator what is wrong, and no more."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from outbox.models import OutboxMessage
from outbox.tasks import reconcile
from tests.factories import UserFactory, deal_body
from tests.reviews.conftest import TIER_DEALS

pytestmark = pytest.mark.django_db


@pytest.fixture
def worker_alive(private_redis):
    reconcile()  # as a worker does on beat's schedule: records its heartbeat
    return private_redis


def test_health_is_ok_anonymously_and_names_no_host_or_secret(client, worker_alive, settings):
    r = client.get("/health/")

    assert r.status_code == 200, r.json()
    body = r.json()
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "broker", "worker", "pending_work"}
    text = r.content.decode()
    for secret in (
        "127.0.0.1",
        str(worker_alive.port),
        "redis://",
        settings.SECRET_KEY,
        "postgres",
    ):
        assert secret not in text


def test_health_answers_503_naming_the_broker_when_it_is_down(client, worker_alive):
    worker_alive.stop()

    r = client.get("/health/")

    assert r.status_code == 503
    checks = r.json()["checks"]
    assert checks["broker"]["ok"] is False and checks["database"]["ok"] is True


def test_health_answers_503_when_no_worker_runs_the_reconciler(client, private_redis, settings):
    r = client.get("/health/")
    assert r.status_code == 503
    assert r.json()["checks"]["worker"]["ok"] is False

    reconcile()
    assert client.get("/health/").status_code == 200
    with time_travel(settings.HEALTH_WORKER_STALE_SECONDS + 5):
        assert client.get("/health/").json()["checks"]["worker"]["ok"] is False


def test_health_answers_503_when_work_waits_too_long(client, worker_alive, settings):
    OutboxMessage.objects.create(
        task="channel_imports.tasks.import_validate",
        args=[1],
        available_at=timezone.now() - timedelta(seconds=settings.HEALTH_MAX_PENDING_SECONDS + 60),
    )

    r = client.get("/health/")

    assert r.status_code == 503
    assert "oldest waiting work" in r.json()["checks"]["pending_work"]["detail"]


def test_the_health_command_prints_each_check_and_fails_when_unhealthy(worker_alive, capsys):
    call_command("health")
    out = capsys.readouterr().out
    assert re.search(r"ok\s+broker", out) and re.search(r"ok\s+worker", out)

    worker_alive.stop()
    with pytest.raises(CommandError):
        call_command("health")
    assert re.search(r"FAIL\s+broker", capsys.readouterr().out)


def test_metrics_need_the_token_or_staff(client, settings, worker_alive, partner_a, admin_user):
    settings.METRICS_TOKEN = "scrape-me"
    assert client.get("/metrics/").status_code == 403
    assert client.get("/metrics/", HTTP_AUTHORIZATION="Bearer wrong").status_code == 403
    client.force_login(partner_a)
    assert client.get("/metrics/").status_code == 403
    staff = UserFactory(username="sam_staff", role="admin", is_staff=True)
    client.force_login(staff)
    assert client.get("/metrics/").status_code == 200
    client.logout()
    assert client.get("/metrics/", HTTP_AUTHORIZATION="Bearer scrape-me").status_code == 200


def test_metrics_count_waiting_work_imports_and_sla_breaches(
    client, settings, api, sales_rep, reviewer, private_redis, django_capture_on_commit_callbacks
):
    settings.METRICS_TOKEN = "scrape-me"
    private_redis.stop()
    with django_capture_on_commit_callbacks(execute=True):
        r = api.as_user(sales_rep).post(
            "/api/v1/opportunities/", deal_body(**TIER_DEALS["critical"]), format="json"
        )
    assert r.status_code == 201

    with time_travel(60 * 86400):  # two months on: the case is past every SLA target
        text = client.get("/metrics/", HTTP_AUTHORIZATION="Bearer scrape-me").content.decode()

    assert (
        'hrdd_outbox_messages{task="reviews.tasks.notifications_send",status="pending"} 1' in text
    )
    age = float(re.search(r"^hrdd_outbox_oldest_pending_seconds (\S+)$", text, re.M).group(1))
    assert age >= 60 * 86400 - 60
    assert re.search(r"^hrdd_review_sla_breaches 1$", text, re.M)
    assert 'hrdd_imports_in_progress{status="screening"} 0' in text


def time_travel(seconds: float):
    import time_machine

    return time_machine.travel(timezone.now() + timedelta(seconds=seconds), tick=False)
