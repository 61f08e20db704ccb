"""Recording, sending, claiming and finishing background work.

`outbox_enqueue` is called inside the transaction that needs the work; everything else
runs after commit or in a worker. Sending may fail (broker down): the failure is logged,
never raised, and the reconciler sends the row again.
"""

from __future__ import annotations

import logging
import uuid
from datetime import timedelta

from celery import current_app
from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from hrdd.bulk import bulk_insert

from .broker import task_publish
from .models import Heartbeat, OutboxMessage

log = logging.getLogger(__name__)
M = OutboxMessage.Status
# A broker that refuses connections fails the send at once; one quick retry covers a
# pooled connection the broker dropped when it restarted.
PUBLISH_RETRY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.2}
RECONCILE_BATCH = 500
ARGS_SHOWN = 1024  # characters of a message's arguments shown to monitoring (Celery's cap)


def outbox_enqueue(task: str, *args: int | str) -> OutboxMessage:
    """Record `task(*args)` in the caller's transaction and send it once that commits.

    Call inside `transaction.atomic()` with the change that needs the work: if the change
    rolls back, so does the work. The send after commit never raises.
    """
    message = outbox_message(task, *args)
    bulk_insert(OutboxMessage, [message])  # its INSERT built once per process (PostgreSQL)
    outbox_send_on_commit(message)
    return message


def outbox_message(task: str, *args: int | str | list) -> OutboxMessage:
    """The unsaved row `outbox_enqueue` writes, for a caller that inserts it inside a
    statement of its own (in the transaction that needs the work), then calls
    `outbox_send_on_commit`."""
    return OutboxMessage(
        task=task, args=list(args), sent_at=timezone.now(), resend_at=_resend_at(0)
    )


def outbox_send_on_commit(message: OutboxMessage) -> None:
    transaction.on_commit(lambda: outbox_send(message))


def outbox_enqueue_many(task: str, args_list: list[list]) -> list[OutboxMessage]:
    """`outbox_enqueue` for many units of the same work (one insert)."""
    now, resend_at = timezone.now(), _resend_at(0)
    messages = OutboxMessage.objects.bulk_create(
        [
            OutboxMessage(task=task, args=list(args), sent_at=now, resend_at=resend_at)
            for args in args_list
        ]
    )
    transaction.on_commit(lambda: [outbox_send(m) for m in messages])
    return messages


def outbox_send(message: OutboxMessage) -> bool:
    """Put a copy of the message on the broker. False (logged) when the broker refused;
    the row is then marked unsent so the next reconciler run sends it first."""
    try:
        kwargs = {"outbox_id": message.pk}
        task_publish(
            _task(message.task),
            message.args,
            kwargs,
            retry_policy=PUBLISH_RETRY,
            # The arguments as monitoring shows them: ids, written plainly (Celery's safe
            # repr of them took a sixth of the send's CPU).
            argsrepr=repr(message.args)[:ARGS_SHOWN],
            kwargsrepr=repr(kwargs),
        )
    except Exception as exc:  # any broker error: the row stays, the reconciler re-sends
        log.warning(
            "Could not queue %s (outbox %s), left for the reconciler: %s",
            message.task,
            message.pk,
            exc,
        )
        OutboxMessage.objects.filter(pk=message.pk, status__in=[M.PENDING, M.RUNNING]).update(
            resend_at=None
        )
        return False
    return True


def _task(name: str):
    """The registered task; a web process has not imported the apps' tasks.py modules
    (services name their work, they do not import tasks), so discover them once."""
    if name not in current_app.tasks:
        current_app.loader.import_default_modules()  # runs the app's autodiscover_tasks
    return current_app.tasks[name]


def _resend_at(sends_unclaimed: int):
    """When to send again work that no execution claimed: OUTBOX_RESEND_SECONDS after the
    first send, then doubling (up to 32 times), so work waiting behind a long queue is not
    copied again every interval while a lost message is still re-sent within one."""
    delay = settings.OUTBOX_RESEND_SECONDS * 2 ** min(sends_unclaimed, 5)
    return timezone.now() + timedelta(seconds=delay)


def outbox_reconcile(*, limit: int = RECONCILE_BATCH) -> int:
    """Send again what is due: pending work whose send failed or that no execution claimed
    by its `resend_at` (its message was lost), and running work whose lease expired (its
    worker died). When the broker's queue is empty, no copy of unclaimed work can be
    waiting in it (a restarted broker lost them): everything sent more than
    OUTBOX_RESEND_SECONDS ago goes out again, whatever its doubled wait. Each row is
    claimed for sending by a conditional update, so two reconcilers never send the same
    row twice. Returns how many were sent."""
    now = timezone.now()
    lost = Q(resend_at__isnull=True) | Q(resend_at__lte=now)
    if _broker_queue_empty():
        lost |= Q(sent_at__lte=now - timedelta(seconds=settings.OUTBOX_RESEND_SECONDS))
    due = (
        OutboxMessage.objects.filter(
            Q(status=M.PENDING, available_at__lte=now) | Q(status=M.RUNNING, lease_until__lt=now)
        )
        .filter(lost)
        .order_by("available_at", "id")[:limit]
    )
    sent = 0
    for message in due:
        claimed = OutboxMessage.objects.filter(
            pk=message.pk,
            status=message.status,
            resend_at=message.resend_at,
            sent_at=message.sent_at,
        ).update(
            sent_at=now,
            resend_at=_resend_at(message.sends_unclaimed + 1),
            sends_unclaimed=F("sends_unclaimed") + 1,
        )
        if claimed and outbox_send(message):
            sent += 1
    _prune(now)
    return sent


def _broker_queue_empty() -> bool:
    """True when the broker answers and holds no message in the default queue; False
    when it holds some or cannot tell."""
    try:
        with current_app.connection_for_read() as conn:
            conn.ensure_connection(max_retries=1)
            ok = conn.default_channel.queue_declare(queue=current_app.conf.task_default_queue)
            return ok.message_count == 0
    except Exception:
        return False


def _prune(now) -> None:
    """Done work is kept OUTBOX_KEEP_DONE_DAYS for the record, then deleted."""
    cutoff = now - timedelta(days=settings.OUTBOX_KEEP_DONE_DAYS)
    old = OutboxMessage.objects.filter(status=M.DONE, done_at__lt=cutoff).values_list("pk")[:5000]
    OutboxMessage.objects.filter(pk__in=list(old)).delete()


def outbox_claim(message_id: int) -> str | None:
    """Claim the message for one execution: a token when this execution may run it, None
    when it is done, failed, or held by a live execution (a duplicate delivery)."""
    token = uuid.uuid4().hex
    now = timezone.now()
    # A job claim, not a workflow state (`audit.transitions`): a lease by token that lapses
    # and is retried, no decision anyone takes, so no audit event per claim.
    claimed = (
        OutboxMessage.objects.filter(pk=message_id)
        .filter(Q(status=M.PENDING) | Q(status=M.RUNNING, lease_until__lt=now))
        .update(
            status=M.RUNNING,
            claim_token=token,
            lease_until=now + timedelta(seconds=settings.OUTBOX_LEASE_SECONDS),
            attempts=F("attempts") + 1,
            resend_at=None,  # once its lease lapses, the reconciler sends it at once
            sends_unclaimed=0,
        )
    )
    return token if claimed else None


def outbox_renew(message_id: int, token: str) -> bool:
    """Extend the lease of a running execution (called while it works)."""
    lease = timezone.now() + timedelta(seconds=settings.OUTBOX_LEASE_SECONDS)
    return bool(
        OutboxMessage.objects.filter(pk=message_id, claim_token=token, status=M.RUNNING).update(
            lease_until=lease
        )
    )


def outbox_done(message_id: int, token: str) -> None:
    OutboxMessage.objects.filter(pk=message_id, claim_token=token, status=M.RUNNING).update(
        status=M.DONE, done_at=timezone.now(), lease_until=None, last_error=""
    )


def outbox_failed(message_id: int, token: str, error: str) -> None:
    """Back to pending with an exponential delay, or failed after OUTBOX_MAX_ATTEMPTS
    (shown by /health/ and /metrics/; an operator re-queues it after fixing the cause)."""
    message = OutboxMessage.objects.filter(pk=message_id, claim_token=token).first()
    if message is None:
        return
    delay = min(settings.OUTBOX_LEASE_SECONDS * 2 ** (message.attempts - 1), 3600)
    final = message.attempts >= settings.OUTBOX_MAX_ATTEMPTS
    OutboxMessage.objects.filter(pk=message_id, claim_token=token, status=M.RUNNING).update(
        status=M.FAILED if final else M.PENDING,
        available_at=timezone.now() + timedelta(seconds=delay),
        resend_at=None,
        lease_until=None,
        last_error=error[:4000],
    )
    (log.error if final else log.warning)(
        "%s (outbox %s) failed, attempt %s: %s", message.task, message_id, message.attempts, error
    )


def outbox_retry_failed(*, task: str = "", ids: list[int] | None = None) -> int:
    """Put failed work back in the queue (after its cause was fixed)."""
    failed = OutboxMessage.objects.filter(status=M.FAILED)
    if task:
        failed = failed.filter(task=task)
    if ids is not None:
        failed = failed.filter(pk__in=ids)
    return failed.update(status=M.PENDING, attempts=0, available_at=timezone.now(), resend_at=None)


def heartbeat_record(name: str) -> None:
    Heartbeat.objects.update_or_create(name=name, defaults={"seen_at": timezone.now()})
