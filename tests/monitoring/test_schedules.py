"""An admin schedules a list import from a file path with beat; an unchanged file is not
imported again and a bad file leaves the list in force."""

from __future__ import annotations

import json

import pytest
from django_celery_beat.models import PeriodicTask

from monitoring.models import ListImportSchedule, RescreenRun
from monitoring.schedules import list_import_schedule_save, list_import_scheduled_run
from restricted_parties.models import RestrictedPartyList

from .conftest import write_list

pytestmark = pytest.mark.django_db


def test_a_scheduled_import_reads_the_file_once_per_change(admin_user, tmp_path):
    path = write_list(tmp_path, name="feed.csv")
    schedule = list_import_schedule_save(
        actor=admin_user,
        schedule=ListImportSchedule(
            list_name="Nightly feed",
            source_format="opensanctions",
            location=str(path),
            every_hours=6,
        ),
    )
    task = PeriodicTask.objects.get(pk=schedule.periodic_task_id)
    assert task.task == "monitoring.tasks.list_import_scheduled_run"
    assert json.loads(task.args) == [schedule.pk] and task.interval.every == 6
    assert list_import_scheduled_run(schedule_id=schedule.pk).startswith("imported 20 entries")
    assert list_import_scheduled_run(schedule_id=schedule.pk) == "unchanged: not imported"
    assert RestrictedPartyList.objects.filter(name="Nightly feed").count() == 1
    write_list(tmp_path, add=[("fict-900", "Gulf Research Co", "AE")], name="feed.csv")
    assert list_import_scheduled_run(schedule_id=schedule.pk).startswith("imported 21 entries")
    assert (
        RescreenRun.objects.filter(
            trigger="list_update", label__startswith="Nightly feed, version of"
        ).count()
        == 2
    )


def test_a_bad_scheduled_file_is_refused_and_the_list_stays(admin_user, tmp_path):
    path = write_list(tmp_path, name="feed.csv")
    schedule = list_import_schedule_save(
        actor=admin_user,
        schedule=ListImportSchedule(
            list_name="Nightly feed",
            source_format="opensanctions",
            location=f"file://{path}",
        ),
    )
    list_import_scheduled_run(schedule_id=schedule.pk)
    path.write_text("not,a,list\n1,2,3\n", encoding="utf-8")
    result = list_import_scheduled_run(schedule_id=schedule.pk)
    assert result.startswith("failed:")
    schedule.refresh_from_db()
    assert schedule.last_result == result
    assert RestrictedPartyList.objects.get(name="Nightly feed", is_active=True).entry_count == 20
    (tmp_path / "feed.csv").unlink()
    assert list_import_scheduled_run(schedule_id=schedule.pk).startswith("failed:")
