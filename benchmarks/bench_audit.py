"""Audit trail benchmark: what a registration's audit events cost, next to plain inserts.

A registration writes about four audit events. Measured side by side in one run:
- anchor: the same four rows inserted plainly (no signature, no chain), in one transaction;
- the audit trail as built: four signed inserts in the transaction, sealed just after
  commit (head lock, one bulk insert, one head update);
- the previous design, emulated: the chain head locked from the first event to commit,
  with an insert and a head update per event.
With concurrent writers (threads, each transaction also doing `BENCH_AUDIT_WORK_MS` of other
work, as a registration does), the previous design serialises every transaction on the head.

Runs on a throw-away SQLite database, or on BENCH_DATABASE_URL (a PostgreSQL database it
may write to). BENCH_AUDIT_TXNS sets the transactions per measurement (default 300).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["HRDD_VAR_DIR"] = tempfile.mkdtemp(prefix="hrdd-bench-audit-")
if os.environ.get("BENCH_DATABASE_URL"):
    os.environ["DATABASE_URL"] = os.environ["BENCH_DATABASE_URL"]
else:
    os.environ.pop("DATABASE_URL", None)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hrdd.settings")
os.environ["LOG_LEVEL"] = "WARNING"
os.environ["DEBUG"] = "false"
os.environ.setdefault("SECRET_KEY", "benchmark-only-secret-not-for-production")
os.environ.setdefault("AUDIT_HMAC_KEY", "benchmark-only-audit-key")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, connections, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from audit.models import AuditChainHead, AuditEvent  # noqa: E402
from audit.selectors import audit_chain_verify  # noqa: E402
from audit.services import audit_chain_seal, audit_chain_seal_all, audit_record  # noqa: E402

TXNS = int(os.environ.get("BENCH_AUDIT_TXNS", "300"))
WORK_MS = float(os.environ.get("BENCH_AUDIT_WORK_MS", "5"))
THREADS = 8
EVENTS = ("opportunity.registered", "opportunity.screened", "review_case.opened", "routed")


def say(label: str, value: str, ratio: float | None = None, anchor: str = "") -> None:
    extra = f"   ({ratio:.2f}× {anchor})" if ratio is not None else ""
    print(f"  {label:<58} {value}{extra}", flush=True)


def plain(n: int) -> None:
    """The anchor: the rows alone, no signature, no chain."""
    now = timezone.now()
    for action in EVENTS:
        with connection.cursor() as cur:
            cur.execute(
                "INSERT INTO bench_plain_event (created_at, actor_label, action, object_type, "
                "object_id, from_state, to_state, changes, comment, key_id, hash) "
                "VALUES (%s, 'system', %s, 'opportunity', %s, '', 'screened', '{}', '', 'none', %s)",
                [now, action, str(n), f"plain-{n}-{action}-{time.perf_counter_ns()}"],
            )


def keyed(n: int) -> None:
    for action in EVENTS:
        audit_record(
            actor=None,
            action=action,
            object_type="opportunity",
            object_id=n,
            opportunity_id=n,
            to_state="screened",
        )


def head_locked_to_commit(n: int) -> None:
    """The previous design: lock the head at the first event, update it after each."""
    # its own head row, so the real chain stays intact
    head = AuditChainHead.objects.select_for_update().get(pk=2)
    for action in EVENTS:
        event = AuditEvent(
            created_at=timezone.now(),
            actor_label="system",
            action=action,
            object_type="opportunity",
            object_id=str(n),
            opportunity_id=n,
        )
        event.sign()
        event.save()
        AuditChainHead.objects.filter(pk=head.pk).update(last_hash=event.hash)


def one_txn(write, n: int, work_s: float = 0.0) -> None:
    with transaction.atomic():
        write(n)
        if work_s:
            time.sleep(work_s)  # the rest of a registration, inside its transaction


def serial_ms(write) -> float:
    start = time.perf_counter()
    for n in range(TXNS):
        one_txn(write, n)
    return (time.perf_counter() - start) * 1000 / TXNS


def concurrent_per_s(write) -> float:
    per_thread = max(1, TXNS // THREADS)

    def run(offset: int) -> None:
        try:
            for n in range(per_thread):
                one_txn(write, offset + n, WORK_MS / 1000)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i * per_thread,)) for i in range(THREADS)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return per_thread * THREADS / (time.perf_counter() - start)


def seal_lock_us() -> float:
    """How long the seal after one transaction takes (the head is locked throughout)."""
    times = []
    for n in range(50):
        with transaction.atomic():  # signed events without the on-commit seal, to time it alone
            events = [
                AuditEvent(
                    created_at=timezone.now(),
                    actor_label="system",
                    action=a,
                    object_type="opportunity",
                    object_id=str(n),
                )
                for a in EVENTS
            ]
            for event in events:
                event.sign()
                event.save()
        start = time.perf_counter()
        audit_chain_seal(event_ids=[e.pk for e in events], wait=False)
        times.append((time.perf_counter() - start) * 1e6)
    return statistics.median(times)


def main() -> int:
    call_command("migrate", verbosity=0)
    with connection.cursor() as cur:  # the anchor's table: the same columns, nothing else
        cur.execute("DROP TABLE IF EXISTS bench_plain_event")
        cur.execute("CREATE TABLE bench_plain_event AS SELECT * FROM audit_auditevent WHERE 1 = 0")
    AuditChainHead.objects.get_or_create(pk=2)
    print(f"  database: {connection.vendor}; load average at start: {os.getloadavg()[0]:.2f}")
    anchor = serial_ms(plain)
    say("anchor: 4 plain inserts, one transaction", f"{anchor:.2f} ms")
    ours = serial_ms(keyed)
    say("4 signed audit events, sealed after commit", f"{ours:.2f} ms", ours / anchor, "anchor")
    old = serial_ms(head_locked_to_commit)
    say("previous design: head locked to commit", f"{old:.2f} ms", old / anchor, "anchor")
    say("head lock held per transaction: now (the seal), p50", f"{seal_lock_us():.0f} µs")
    print("  (previous design: from the first event to commit, the whole transaction)")
    if connection.vendor == "postgresql":
        base = concurrent_per_s(plain)
        say(f"{THREADS} writers, {WORK_MS:g} ms work each: plain inserts", f"{base:.0f} txn/s")
        new = concurrent_per_s(keyed)
        say(
            f"{THREADS} writers: signed events, sealed after commit",
            f"{new:.0f} txn/s",
            new / base,
            "plain",
        )
        old = concurrent_per_s(head_locked_to_commit)
        say(f"{THREADS} writers: previous design", f"{old:.0f} txn/s", old / base, "plain")
    else:
        print("  (concurrent writers: PostgreSQL only; SQLite serialises every writer anyway)")
    audit_chain_seal_all()
    report = audit_chain_verify()
    with connection.cursor() as cur:
        cur.execute("DROP TABLE bench_plain_event")
    say("chain verifies afterwards", f"{report.ok} ({report.checked} events)")
    print(f"  load average at end: {os.getloadavg()[0]:.2f}")
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
