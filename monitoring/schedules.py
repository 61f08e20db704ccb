"""Restricted-party lists imported on a schedule (django-celery-beat), from a local path
or a URL. The import is the admin upload's service, so a scheduled file is validated,
audited and re-screens deals exactly as an uploaded one; an unchanged file is skipped."""

from __future__ import annotations

import hashlib
import json
import urllib.request
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_celery_beat.models import IntervalSchedule, PeriodicTask

from audit.services import audit_record
from hrdd.errors import ApplicationError
from restricted_parties.services import restricted_party_list_import

from .models import ListImportSchedule

TASK = "monitoring.tasks.list_import_scheduled_run"


def list_import_schedule_save(*, actor, schedule: ListImportSchedule) -> ListImportSchedule:
    """Save a schedule and keep its beat entry in step (admins, through the admin site)."""
    with transaction.atomic():
        schedule.save()
        every, _ = IntervalSchedule.objects.get_or_create(
            every=max(int(schedule.every_hours), 1), period=IntervalSchedule.HOURS
        )
        values = {
            "interval": every,
            "task": TASK,
            "args": json.dumps([schedule.pk]),
            "enabled": schedule.enabled,
        }
        task = schedule.periodic_task
        if task is None:
            task = PeriodicTask.objects.create(
                name=f"Import restricted-party list {schedule.pk}: {schedule.list_name}"[:200],
                **values,
            )
            ListImportSchedule.objects.filter(pk=schedule.pk).update(periodic_task=task)
            schedule.periodic_task = task
        else:
            PeriodicTask.objects.filter(pk=task.pk).update(**values)
        audit_record(
            actor=actor,
            action="list_import_schedule.saved",
            object_type="list_import_schedule",
            object_id=schedule.pk,
            changes={
                "list_name": schedule.list_name,
                "location": schedule.location,
                "every_hours": schedule.every_hours,
                "enabled": schedule.enabled,
            },
        )
    return schedule


def _fetch(location: str) -> tuple[object, str]:
    """(what the importer reads, a hash of the content): a path for local files and
    folders, bytes for a URL (capped at RESTRICTED_PARTY_FETCH_MAX_BYTES)."""
    if location.startswith(("http://", "https://")):
        with urllib.request.urlopen(location, timeout=60) as response:  # noqa: S310 - admin-set
            data = response.read(settings.RESTRICTED_PARTY_FETCH_MAX_BYTES + 1)
        if len(data) > settings.RESTRICTED_PARTY_FETCH_MAX_BYTES:
            raise ApplicationError("The list file is larger than RESTRICTED_PARTY_FETCH_MAX_BYTES.")
        return data, hashlib.sha256(data).hexdigest()
    path = Path(location.removeprefix("file://"))
    if path.is_dir():
        digest = hashlib.sha256()
        for f in sorted(p for p in path.iterdir() if p.is_file()):
            digest.update(f.name.encode() + hashlib.sha256(f.read_bytes()).digest())
        return path, digest.hexdigest()
    return path, hashlib.sha256(path.read_bytes()).hexdigest()


def list_import_scheduled_run(*, schedule_id: int) -> str:
    """Run one scheduled import: skipped when disabled or the content is unchanged;
    otherwise imported as the system. The outcome is kept on the schedule."""
    schedule = ListImportSchedule.objects.filter(pk=schedule_id).first()
    if schedule is None or not schedule.enabled:
        return "disabled"
    try:
        source, sha = _fetch(schedule.location)
        if sha == schedule.last_sha256:
            result = "unchanged: not imported"
        else:
            imported = restricted_party_list_import(
                actor=None,
                fmt=schedule.source_format,
                path_or_file=source,
                name=schedule.list_name,
            )
            result = f"imported {imported.entry_count} entries"
            ListImportSchedule.objects.filter(pk=schedule.pk).update(last_sha256=sha)
    except (ApplicationError, OSError, ValueError) as exc:
        result = f"failed: {getattr(exc, 'message', None) or exc}"
    ListImportSchedule.objects.filter(pk=schedule.pk).update(
        last_checked_at=timezone.now(), last_result=result[:2000]
    )
    return result
