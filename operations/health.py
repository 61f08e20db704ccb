"""Is the service working? Database, broker, a live worker, and how old the oldest
waiting work is. Read by /health/, `manage.py health` and the metrics.

Nothing here names a host, a user or a secret: the report is safe to show anonymously.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from celery import current_app
from django.conf import settings
from django.db import connection
from django.db.models import Count
from django.utils import timezone

from channel_imports.models import ChannelImport
from outbox.selectors import (
    heartbeat_age_seconds,
    outbox_depth,
    outbox_failed_count,
    outbox_oldest_pending_seconds,
)
from reviews.models import ReviewCase

IMPORTS_IN_PROGRESS = ("validating", "importing", "screening", "promoting")
BROKER_TIMEOUT = 2.0


@dataclass
class Check:
    ok: bool
    detail: str
    value: float | None = None


@dataclass
class HealthReport:
    checks: dict[str, Check] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return all(c.ok for c in self.checks.values())

    def as_dict(self) -> dict:
        return {
            "status": "ok" if self.ok else "failing",
            "checks": {
                name: {
                    "ok": c.ok,
                    "detail": c.detail,
                    **({} if c.value is None else {"value": c.value}),
                }
                for name, c in self.checks.items()
            },
        }


def check_database() -> Check:
    try:
        with connection.cursor() as cur:
            cur.execute("SELECT 1")
        return Check(True, "reachable")
    except Exception as exc:
        return Check(False, f"unreachable ({type(exc).__name__})")


def check_broker() -> Check:
    started = time.monotonic()
    try:
        with current_app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=BROKER_TIMEOUT)
        return Check(True, "reachable", round(time.monotonic() - started, 3))
    except Exception as exc:
        return Check(False, f"unreachable ({type(exc).__name__})")


def check_worker() -> Check:
    age = heartbeat_age_seconds("reconciler")
    limit = settings.HEALTH_WORKER_STALE_SECONDS
    if age is None:
        return Check(False, "no worker has run the reconciler yet (are worker and beat running?)")
    ok = age <= limit
    verdict = "alive" if ok else f"silent for over {limit} s (are worker and beat running?)"
    return Check(ok, f"reconciler last ran {age:.0f} s ago: {verdict}", round(age, 1))


def check_pending_work() -> Check:
    age = outbox_oldest_pending_seconds()
    failed = outbox_failed_count()
    limit = settings.HEALTH_MAX_PENDING_SECONDS
    problems = []
    if age > limit:
        problems.append(f"oldest waiting work is {age:.0f} s old (limit {limit} s)")
    if failed:
        problems.append(f"{failed} unit(s) of work failed for good (see the admin's outbox)")
    detail = "; ".join(problems) or f"oldest waiting work is {age:.0f} s old"
    return Check(not problems, detail, round(age, 1))


def health_report() -> HealthReport:
    report = HealthReport()
    report.checks["database"] = check_database()
    report.checks["broker"] = check_broker()
    if report.checks["database"].ok:
        report.checks["worker"] = check_worker()
        report.checks["pending_work"] = check_pending_work()
    return report


def metrics_text() -> str:
    """The figures in Prometheus' text exposition format (version 0.0.4)."""
    now = timezone.now()
    lines = [
        "# HELP hrdd_outbox_messages Background work not done, by task and status.",
        "# TYPE hrdd_outbox_messages gauge",
    ]
    for (task, status), n in sorted(outbox_depth().items()):
        lines.append(f'hrdd_outbox_messages{{task="{task}",status="{status}"}} {n}')
    age = heartbeat_age_seconds("reconciler", now)
    imports = dict(
        ChannelImport.objects.filter(status__in=IMPORTS_IN_PROGRESS)
        .values_list("status")
        .annotate(n=Count("id"))
    )
    breaches = ReviewCase.objects.filter(
        status__in=ReviewCase.OPEN_STATES, effective_due_at__lt=now
    ).count()
    lines += [
        "# HELP hrdd_outbox_oldest_pending_seconds Age of the oldest work waiting for a worker (pending, or its lease lapsed).",
        "# TYPE hrdd_outbox_oldest_pending_seconds gauge",
        f"hrdd_outbox_oldest_pending_seconds {outbox_oldest_pending_seconds(now):.1f}",
        "# HELP hrdd_outbox_failed Work that failed OUTBOX_MAX_ATTEMPTS times.",
        "# TYPE hrdd_outbox_failed gauge",
        f"hrdd_outbox_failed {outbox_failed_count()}",
        "# HELP hrdd_reconciler_last_run_seconds Seconds since a worker last ran the reconciler.",
        "# TYPE hrdd_reconciler_last_run_seconds gauge",
        f"hrdd_reconciler_last_run_seconds {'NaN' if age is None else f'{age:.1f}'}",
        "# HELP hrdd_imports_in_progress Bulk imports being validated, imported, screened or promoted.",
        "# TYPE hrdd_imports_in_progress gauge",
        *(
            f'hrdd_imports_in_progress{{status="{s}"}} {imports.get(s, 0)}'
            for s in IMPORTS_IN_PROGRESS
        ),
        "# HELP hrdd_review_sla_breaches Open review cases past their due time.",
        "# TYPE hrdd_review_sla_breaches gauge",
        f"hrdd_review_sla_breaches {breaches}",
    ]
    return "\n".join(lines) + "\n"
