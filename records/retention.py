"""How long a decided deal's record is kept, and the guard that refuses deleting it sooner.

A record's retention runs from the deal's last decision (or the authority's answer, if
later) for the longest period of the regimes that apply (`RECORD_RETENTION_REGIMES`;
per record type with "regime.record_type" in `RECORD_RETENTION_YEARS`). Until it ends,
nothing in the record is deleted by any path the application controls:

- the ORM: a `pre_delete` receiver on every model of the record refuses it (instance
  `.delete()`, queryset `.delete()` and cascades all send it), so the admin and any
  service are refused too;
- PostgreSQL: triggers (`records.triggers`) refuse a DELETE of a decided deal's rows
  unless the purge service has set `hrdd.retention_purge` in its transaction.

Only `retention_purge` deletes a record, after the period, confirmed by an admin, audited.
The lines and channel of the live deal are not guarded: editing a deal replaces them, and
what each decision was based on is frozen in the decision's `deal_snapshot`.
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime

from django.conf import settings
from django.db import connection
from django.db.models import Max
from django.db.models.signals import pre_delete
from django.utils import timezone

from hrdd.errors import ApplicationError
from reviews.models import Decision

# record type -> (app label, model name, how to reach the deal's id from a row)
RECORD_TYPES: dict[str, tuple[str, str, str]] = {
    "deal": ("opportunities", "Opportunity", "pk"),
    "screening": ("rules", "Screening", "opportunity_id"),
    "review_case": ("reviews", "ReviewCase", "opportunity_id"),
    "decision": ("reviews", "Decision", "opportunity_id"),
    "information_request": ("reviews", "InformationRequest", "case.opportunity_id"),
    "condition": ("reviews", "CaseCondition", "opportunity_id"),
    "authority_notification": ("records", "AuthorityNotification", "opportunity_id"),
}

_purging: ContextVar[frozenset[int]] = ContextVar("retention_purging", default=frozenset())


class RecordRetained(ApplicationError):
    """Deleting part of a record whose retention has not ended."""

    status_code = 409


def retention_years(record_type: str) -> int:
    """The longest period of the regimes that apply, for this record type."""
    table = settings.RECORD_RETENTION_YEARS
    periods = [
        table.get(
            f"{regime}.{record_type}", table.get(regime, settings.RECORD_RETENTION_DEFAULT_YEARS)
        )
        for regime in settings.RECORD_RETENTION_REGIMES
    ]
    return max(periods or [settings.RECORD_RETENTION_DEFAULT_YEARS])


def _add_years(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


def record_closed_at(opportunity_ids: list[int]) -> dict[int, datetime]:
    """When each decided deal's record was last added to: its last decision, or the
    authority's answer when later. Deals without a decision are absent."""
    from records.models import AuthorityNotification

    closed = dict(
        Decision.objects.filter(opportunity_id__in=opportunity_ids)
        .values("opportunity_id")
        .annotate(last=Max("decided_at"))
        .values_list("opportunity_id", "last")
    )
    answers = (
        AuthorityNotification.objects.filter(
            opportunity_id__in=list(closed), answered_by__isnull=False
        )
        .values("opportunity_id")
        .annotate(last=Max("updated_at"))
        .values_list("opportunity_id", "last")
    )
    for pk, at in answers:
        closed[pk] = max(closed[pk], at)
    return closed


def retention_ends(opportunity_id: int, record_type: str = "deal") -> date | None:
    """The first day the deal's record of this type may be purged (None: not decided,
    so its retention has not started)."""
    closed = record_closed_at([opportunity_id]).get(opportunity_id)
    return None if closed is None else retention_end_from(closed, record_type)


def retention_end_from(closed: datetime, record_type: str = "deal") -> date:
    # A deal's row outlives nothing it holds: the deal is kept as long as its longest type.
    years = retention_years(record_type)
    if record_type == "deal":
        years = max(retention_years(t) for t in RECORD_TYPES)
    return _add_years(timezone.localtime(closed).date(), years)


def retention_refusal(opportunity_id: int | None, record_type: str) -> str | None:
    """Why this row may not be deleted now (None: it may)."""
    if opportunity_id is None or opportunity_id in _purging.get():
        return None
    if record_type == "authority_notification":
        from records.models import AuthorityNotification

        if (
            AuthorityNotification.objects.filter(opportunity_id=opportunity_id)
            .exclude(status=AuthorityNotification.Status.ANSWERED)
            .exists()
        ):
            return "An open notification to the competent authority is never deleted."
    ends = retention_ends(opportunity_id, record_type)
    if ends is None or ends <= timezone.localdate():
        return None
    return (
        f"This is part of a decided deal's record, kept until {ends:%Y-%m-%d} "
        f"({retention_years(record_type)} years after the decision): it cannot be deleted before."
    )


def _opportunity_id(instance, path: str) -> int | None:
    value = instance
    for part in path.split("."):
        value = getattr(value, part, None)
    return value


def guards_connect() -> None:
    from django.apps import apps

    for record_type, (app, model, path) in RECORD_TYPES.items():

        def refuse(sender, instance, record_type=record_type, path=path, **kwargs):
            if reason := retention_refusal(_opportunity_id(instance, path), record_type):
                raise RecordRetained(reason)

        pre_delete.connect(
            refuse,
            sender=apps.get_model(app, model),
            weak=False,
            dispatch_uid=f"records-retention-{record_type}",
        )


@contextmanager
def purging(opportunity_ids: list[int]):
    """Inside the purge service's transaction only: lift the guards for these deals."""
    token = _purging.set(frozenset(opportunity_ids))
    try:
        if connection.vendor == "postgresql":
            with connection.cursor() as cur:
                cur.execute("SELECT set_config('hrdd.retention_purge', 'on', true)")
        yield
    finally:
        if connection.vendor == "postgresql":
            with connection.cursor() as cur:
                cur.execute("SELECT set_config('hrdd.retention_purge', '', true)")
        _purging.reset(token)
