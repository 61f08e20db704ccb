"""Nothing is lost when the broker or a worker misbehaves: a private redis-server stopped
and started mid-registration and mid-import, the same task delivered twice, and (on
PostgreSQL) a worker process killed with SIGKILL mid-chunk and mid-promotion.

Every test ends the same way: every line screened once, every flagged line one deal,
every notification sent once, the audit chain intact, and the work done within a stated
bound. The outbox intervals are cut to seconds (conftest.FAST_OUTBOX), so the bounds are
the production figures scaled down: lease 3 s, resend after 2 s, reconcile every 1 s.
"""

from __future__ import annotations

import time
from collections import Counter

import pytest
from django.core import mail

from audit.models import AuditEvent
from audit.selectors import audit_chain_verify
from channel_imports.models import ChannelImport, ImportChunk, ImportLine
from opportunities.models import Opportunity
from reviews.models import Notification, ReviewCase
from tests.channel_imports.conftest import FLAGGED, csv_upload, row
from tests.factories import UserFactory, deal_body
from tests.reviews.conftest import TIER_DEALS

from .conftest import queue, until

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# With the fast intervals, work resumes within a few seconds; the bounds leave room for a
# loaded 2-core CI machine.
RECOVERY_BOUND = 60


@pytest.fixture(autouse=True)
def _fast(settings, tmp_path, transactional_db):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def reconcile():
    """What beat does every OUTBOX_RECONCILE_SECONDS."""
    from outbox.services import outbox_reconcile

    outbox_reconcile()


def _critical_deal(**extra):
    return deal_body(title="Citywide analytics", **TIER_DEALS["critical"], **extra)


def _assert_audit_chain_intact():
    report = audit_chain_verify()
    assert report.ok, f"audit chain broken at {report.broken_event_id}: {report.reason}"


def _assert_notified_once(case: ReviewCase, recipients) -> None:
    sent = Counter(
        Notification.objects.filter(case=case).values_list("recipient_id", "event_id", "kind")
    )
    assert sent and max(sent.values()) == 1, sent
    assert {r for r, _, _ in sent} >= {u.pk for u in recipients}
    emailed = Counter((m.to[0], m.subject) for m in mail.outbox)
    assert emailed and max(emailed.values()) == 1, emailed


def test_a_deal_registered_while_the_broker_is_down_is_saved_and_notified_once_it_returns(
    api, sales_rep, reviewer, private_redis, thread_worker
):
    second = UserFactory(
        username="rhea_reviewer", role="reviewer", organisation=reviewer.organisation
    )
    private_redis.stop()

    r = api.as_user(sales_rep).post("/api/v1/opportunities/", _critical_deal(), format="json")

    assert r.status_code == 201, r.content[:500]
    deal = Opportunity.objects.get(pk=r.json()["id"])
    assert deal.current_screening.tier == "critical"
    case = ReviewCase.objects.get(opportunity=deal)
    assert not Notification.objects.filter(case=case).exists()  # nothing could be sent yet

    private_redis.start()
    thread_worker()
    started = time.monotonic()
    until(
        lambda: Notification.objects.filter(case=case).count() >= 2,
        timeout=RECOVERY_BOUND,
        tick=reconcile,
        what="notifications after the broker came back",
    )
    assert time.monotonic() - started < RECOVERY_BOUND
    until(lambda: len(mail.outbox) >= 2, timeout=10, what="emails")
    _settled()
    _assert_notified_once(case, [reviewer, second])
    _assert_audit_chain_intact()


def test_an_upload_while_the_broker_is_down_is_saved_and_validated_once_it_returns(
    upload_as, partner_a, catalogue, private_redis, thread_worker
):
    private_redis.stop()

    r, imp = upload_as(partner_a, csv_upload([row(partner_reference=f"D-{i}") for i in range(5)]))

    assert r.status_code == 201, r.content[:500]
    assert imp.status == "validating"
    private_redis.start()
    thread_worker()
    imp = until(
        lambda: _status_in(imp, {"validated", "rejected"}),
        timeout=RECOVERY_BOUND,
        tick=reconcile,
        what="validation after the broker came back",
    )
    assert imp.status == "validated" and imp.valid_rows == 5


def test_chunks_lost_with_a_broker_restart_are_sent_again_and_screened_once(
    upload_as, api, partner_a, catalogue, private_redis, thread_worker, settings
):
    settings.CHANNEL_IMPORT_CHUNK_ROWS = 2
    rows = [row(partner_reference=f"R-{i}") for i in range(18)]
    rows += [row(FLAGGED, partner_reference=f"F-{i}") for i in range(2)]
    thread_worker()
    r, imp = upload_as(partner_a, csv_upload(rows))
    imp = until(
        lambda: _status_in(imp, {"validated"}),
        timeout=RECOVERY_BOUND,
        tick=reconcile,
        what="validated",
    )
    _settled()
    assert api.post(f"/api/v1/imports/{imp.pk}/accept/").status_code == 200
    until(
        lambda: _status_in(imp, {"screening", "promoting", "completed"}),
        timeout=30,
        what="screening",
    )

    private_redis.stop()  # the queued chunk messages die with it
    private_redis.start()
    imp = until(
        lambda: _status_in(imp, {"completed", "failed"}),
        timeout=RECOVERY_BOUND,
        tick=reconcile,
        what="import completed after the broker restart",
    )
    _settled()

    _assert_import_whole(imp, lines=20, flagged=2)


def test_the_same_task_delivered_twice_does_its_work_once(
    api, sales_rep, reviewer, private_redis, thread_worker
):
    from outbox.models import OutboxMessage
    from outbox.services import outbox_send

    r = api.as_user(sales_rep).post("/api/v1/opportunities/", _critical_deal(), format="json")
    assert r.status_code == 201
    case = ReviewCase.objects.get(opportunity_id=r.json()["id"])
    message = OutboxMessage.objects.get(task="reviews.tasks.notifications_send")
    outbox_send(message)  # a second copy of the message already queued on commit
    thread_worker()

    until(
        lambda: OutboxMessage.objects.filter(pk=message.pk, status="done").exists(),
        timeout=RECOVERY_BOUND,
        what="notification task done",
    )
    until(lambda: len(mail.outbox) >= 1, timeout=10, what="email")
    until(lambda: not _broker_has_messages(private_redis), timeout=30, what="queue drained")
    _settled()
    _assert_notified_once(case, [reviewer])
    _assert_audit_chain_intact()


def test_chunks_and_promotion_delivered_twice_screen_and_register_each_line_once(
    upload_as, api, partner_a, catalogue, private_redis, thread_worker, settings
):
    from outbox.models import OutboxMessage
    from outbox.services import outbox_send

    settings.CHANNEL_IMPORT_CHUNK_ROWS = 3
    rows = [row(partner_reference=f"T-{i}") for i in range(7)]
    rows += [row(FLAGGED, partner_reference=f"TF-{i}") for i in range(2)]
    r, imp = upload_as(partner_a, csv_upload(rows))
    thread_worker()
    imp = until(lambda: _status_in(imp, {"validated"}), timeout=RECOVERY_BOUND, what="validated")
    _settled()
    assert api.post(f"/api/v1/imports/{imp.pk}/accept/").status_code == 200
    chunk_work = until(
        lambda: list(
            OutboxMessage.objects.filter(task="channel_imports.tasks.import_chunk_screen")
        ),
        timeout=30,
        what="chunks queued",
    )
    for message in chunk_work:  # a second copy of every chunk's message
        outbox_send(message)
    promotion = until(
        lambda: OutboxMessage.objects.filter(task="channel_imports.tasks.import_promote").first(),
        timeout=RECOVERY_BOUND,
        what="promotion queued",
    )
    outbox_send(promotion)
    imp = until(
        lambda: _status_in(imp, {"completed", "failed"}),
        timeout=RECOVERY_BOUND,
        what="import completed",
    )
    _settled()

    _assert_import_whole(imp, lines=9, flagged=2)
    assert len(chunk_work) == 3
    assert all(
        m.attempts == 1 for m in OutboxMessage.objects.filter(pk__in=[c.pk for c in chunk_work])
    )


def test_a_worker_killed_mid_chunk_is_replaced_and_every_line_screened_once(
    upload_as, api, partner_a, catalogue, private_redis, worker_process, settings
):
    rows = [row(partner_reference=f"K-{i}") for i in range(4497)]
    rows += [row(FLAGGED, partner_reference=f"KF-{i}") for i in range(3)]
    worker_process.start(CHANNEL_IMPORT_CHUNK_ROWS=1500)
    r, imp = upload_as(partner_a, csv_upload(rows))
    assert r.status_code == 201
    imp = until(lambda: _status_in(imp, {"validated"}), timeout=120, what="validated")
    assert api.post(f"/api/v1/imports/{imp.pk}/accept/").status_code == 200
    chunk = until(
        lambda: ImportChunk.objects.filter(
            channel_import=imp, status="running", lines_screened__gt=0
        ).first(),
        timeout=120,
        what="a chunk half screened",
    )
    worker_process.kill()
    killed_at = time.monotonic()
    screened = _chunk_screened(chunk)
    assert screened < chunk.lines_total  # killed mid-chunk
    worker_process.start(CHANNEL_IMPORT_CHUNK_ROWS=1500)
    until(
        lambda: _chunk_screened(chunk) > screened,
        timeout=RECOVERY_BOUND * 3,
        what="the killed chunk resumed",
    )
    resumed = time.monotonic() - killed_at
    imp = until(
        lambda: _status_in(imp, {"completed", "failed"}),
        timeout=RECOVERY_BOUND * 3,
        what="import completed after the killed worker",
    )
    print(
        f"killed mid-chunk: resumed after {resumed:.1f} s, "
        f"completed after {time.monotonic() - killed_at:.1f} s"
    )
    _assert_import_whole(imp, lines=4500, flagged=3)


def test_a_worker_killed_mid_promotion_is_replaced_and_every_flagged_line_is_one_deal(
    upload_as, api, partner_a, catalogue, private_redis, worker_process
):
    # Six batches of promotion: with two, a quick worker finished before it could be killed.
    rows = [row(FLAGGED, partner_reference=f"P-{i}") for i in range(600)]
    worker_process.start()
    r, imp = upload_as(partner_a, csv_upload(rows))
    imp = until(lambda: _status_in(imp, {"validated"}), timeout=120, what="validated")
    assert api.post(f"/api/v1/imports/{imp.pk}/accept/").status_code == 200
    until(
        lambda: ImportLine.objects.filter(channel_import=imp, opportunity__isnull=False).exists(),
        timeout=120,
        what="promotion under way",
    )
    worker_process.kill()
    assert ChannelImport.objects.get(pk=imp.pk).status == "promoting"
    killed_at = time.monotonic()
    promoted = _promoted(imp)
    worker_process.start()
    until(lambda: _promoted(imp) > promoted, timeout=RECOVERY_BOUND * 3, what="promotion resumed")
    resumed = time.monotonic() - killed_at
    imp = until(
        lambda: _status_in(imp, {"completed", "failed"}),
        timeout=RECOVERY_BOUND * 3,
        what="import completed after the killed worker",
    )
    print(
        f"killed mid-promotion: resumed after {resumed:.1f} s, "
        f"completed after {time.monotonic() - killed_at:.1f} s"
    )
    _assert_import_whole(imp, lines=600, flagged=600)


# --- helpers ------------------------------------------------------------------------


def _settled() -> None:
    """Wait until no work is left running or pending (SQLite's shared test database
    refuses reads while the worker thread writes)."""
    from outbox.models import OutboxMessage

    until(
        lambda: not OutboxMessage.objects.filter(status__in=["pending", "running"]).exists(),
        timeout=RECOVERY_BOUND,
        tick=reconcile,
        what="every unit of work done",
    )


def _status_in(imp: ChannelImport, statuses: set[str]):
    imp.refresh_from_db()
    return imp if imp.status in statuses else None


def _chunk_screened(chunk: ImportChunk) -> int:
    return ImportLine.objects.filter(
        channel_import_id=chunk.channel_import_id, chunk_no=chunk.number, status="screened"
    ).count()


def _promoted(imp: ChannelImport) -> int:
    return ImportLine.objects.filter(channel_import=imp, opportunity__isnull=False).count()


def _broker_has_messages(redis) -> bool:
    import redis as redis_lib

    return bool(redis_lib.Redis.from_url(redis.url).llen(queue()))


def _assert_import_whole(imp: ChannelImport, *, lines: int, flagged: int) -> None:
    assert imp.status == "completed", imp.message
    assert imp.lines_total == lines
    lines_qs = ImportLine.objects.filter(channel_import=imp)
    assert lines_qs.filter(status="screened").count() == lines  # none left pending
    assert lines_qs.exclude(screened_at=None).count() == lines
    assert sum(c.lines_screened for c in ImportChunk.objects.filter(channel_import=imp)) == lines
    assert imp.summary["flagged"] == flagged
    promoted = lines_qs.filter(tier__in=("medium", "high", "critical", "prohibited"))
    assert promoted.filter(opportunity=None).count() == 0
    ext_ids = Counter(
        Opportunity.objects.filter(
            external_id__startswith=f"IMPORT-{imp.organisation_id}-"
        ).values_list("external_id", flat=True)
    )
    assert len(ext_ids) == flagged and max(ext_ids.values()) == 1
    assert ReviewCase.objects.filter(opportunity__external_id__in=ext_ids).count() == flagged
    completed = AuditEvent.objects.filter(action="channel_import.completed", object_id=imp.pk)
    assert completed.count() == 1
    _assert_audit_chain_intact()


def test_work_queued_by_an_older_release_under_a_task_s_former_name_still_runs(
    api, sales_rep, reviewer, private_redis, thread_worker
):
    """Tasks were renamed after their services (send_notifications → notifications_send);
    an outbox row an older release wrote still names the old task, and must not be lost."""
    from outbox.models import OutboxMessage
    from outbox.services import outbox_send

    r = api.as_user(sales_rep).post("/api/v1/opportunities/", _critical_deal(), format="json")
    assert r.status_code == 201
    case = ReviewCase.objects.get(opportunity_id=r.json()["id"])
    message = OutboxMessage.objects.get(task="reviews.tasks.notifications_send")
    # As the older release wrote it, and before its first send reached a worker.
    OutboxMessage.objects.filter(pk=message.pk).update(task="reviews.tasks.send_notifications")
    _drain(private_redis)
    message.refresh_from_db()
    outbox_send(message)
    thread_worker()

    until(
        lambda: OutboxMessage.objects.filter(pk=message.pk, status="done").exists(),
        timeout=RECOVERY_BOUND,
        what="notification task done",
    )
    until(lambda: len(mail.outbox) >= 1, timeout=10, what="email")
    _settled()
    _assert_notified_once(case, [reviewer])


def _drain(redis) -> None:
    """Drop every message waiting on the broker (as if lost with a broker restart)."""
    import redis as redis_lib

    redis_lib.Redis.from_url(redis.url).delete(queue())
