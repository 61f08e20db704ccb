"""Match indexes saved once per list version and shared by every process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from outbox.models import OutboxMessage
from restricted_parties import index_files, selectors
from restricted_parties.services import (
    SAMPLE_LIST_PATH,
    restricted_party_list_import,
    sample_list_load,
)
from restricted_parties.tasks import match_index_build
from tests.channel_imports.conftest import live_worker  # noqa: F401 (a fixture)

ROOT = Path(__file__).resolve().parents[2]
PARTIES = [
    ("Gulf Horizon Trading", "AE"),
    ("Red Lantern Surveilance Technology", ""),
    ("Caspian Data Fusion", "IR"),
    ("Northwind Networks Inc", "US"),
]
OTHER_LIST = (
    "id,schema,name,aliases,countries\n"
    "oth-1,Company,Quartz Harbour Shipping LLC,,pa\n"
    "oth-2,Company,Velvet Meridian Logistics,,sy\n"
)


def _found(parties=PARTIES) -> list[tuple]:
    return [(m.party_name, m.source_id, m.score) for m in selectors.parties_screen(parties)]


def _index_file(list_obj) -> Path:
    version = (list_obj.id, list_obj.imported_at, list_obj.entry_count)
    return index_files.index_path(
        settings.RESTRICTED_PARTY_INDEX_DIR, selectors._index_name(version)
    )


def _run_queued_index_builds() -> list[int]:
    """What a worker does with the index builds the imports queued."""
    ids = []
    for message in OutboxMessage.objects.filter(task="restricted_parties.tasks.match_index_build"):
        match_index_build(*message.args)
        ids.extend(message.args)
        message.delete()
    return ids


@pytest.fixture
def other_list(db, tmp_path):
    path = tmp_path / "other.csv"
    path.write_text(OTHER_LIST)
    return restricted_party_list_import(
        actor=None, fmt="opensanctions", path_or_file=path, name="Other"
    )


@pytest.mark.django_db
def test_an_import_queues_one_index_build_and_leaves_other_lists_files_alone(
    other_list, admin_user
):
    assert _run_queued_index_builds() == [other_list.pk]
    other_file = _index_file(other_list)
    other_stat = other_file.stat()

    sample = sample_list_load()
    assert _run_queued_index_builds() == [sample.pk]
    assert _index_file(sample).exists()
    built = index_files.counts["built"]
    assert [s for _, s, _ in _found()] == ["fict-001", "fict-003", "fict-004"]
    assert index_files.counts["built"] == built  # screening loaded both, built neither

    # A new version of the sample list replaces its file only.
    first_sample_file = _index_file(sample)
    newer = restricted_party_list_import(
        actor=admin_user, fmt="opensanctions", path_or_file=SAMPLE_LIST_PATH, name=sample.name
    )
    _run_queued_index_builds()
    assert _index_file(newer).exists()
    assert not first_sample_file.exists()
    after = other_file.stat()
    assert (after.st_ino, after.st_mtime_ns) == (other_stat.st_ino, other_stat.st_mtime_ns)
    assert [s for _, s, _ in _found([("Quartz Harbour Shipping", "")])] == ["oth-1"]


@pytest.mark.django_db(transaction=True)
def test_a_worker_builds_the_index_after_the_import_commits(live_worker):  # noqa: F811
    import time

    built = index_files.counts["built"]
    sample = sample_list_load()
    message = OutboxMessage.objects.get(task="restricted_parties.tasks.match_index_build")
    assert message.args == [sample.pk]
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and message.status != OutboxMessage.Status.DONE:
        time.sleep(0.2)
        message.refresh_from_db()
    assert message.status == OutboxMessage.Status.DONE
    assert _index_file(sample).exists()
    assert index_files.counts["built"] == built + 1  # by the worker

    assert [s for _, s, _ in _found()] == ["fict-001", "fict-003", "fict-004"]
    assert index_files.counts["built"] == built + 1  # screening loaded the worker's file


@pytest.mark.django_db
@pytest.mark.parametrize("damage", ["truncated", "flipped byte", "garbage", "empty"])
def test_a_damaged_index_file_is_rebuilt_and_screening_still_works(damage):
    sample = sample_list_load()
    expected = _found()
    path = _index_file(sample)
    whole = path.read_bytes()
    if damage == "truncated":
        path.write_bytes(whole[: len(whole) // 2])
    elif damage == "flipped byte":
        middle = len(whole) // 2
        path.write_bytes(whole[:middle] + bytes([whole[middle] ^ 0xFF]) + whole[middle + 1 :])
    elif damage == "garbage":
        path.write_bytes(b"not an index" * 100)
    else:
        path.write_bytes(b"")
    selectors.match_index_invalidate()  # as a process that has not loaded it yet
    built = index_files.counts["built"]

    assert _found() == expected
    assert index_files.counts["built"] == built + 1
    index_files.index_load(path, secret=settings.SECRET_KEY.encode())  # whole again


@pytest.mark.django_db
def test_an_index_file_signed_with_another_key_is_not_loaded():
    sample_list_load()
    _found()
    path = next(Path(settings.RESTRICTED_PARTY_INDEX_DIR).glob("*.idx"))
    with pytest.raises(index_files.IndexFileError):
        index_files.index_load(path, secret=b"someone else's key")


@pytest.mark.django_db
def test_an_unwritable_index_folder_costs_a_build_not_a_screening(tmp_path, settings):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    settings.RESTRICTED_PARTY_INDEX_DIR = blocker / "match-index"
    sample_list_load()
    assert [s for _, s, _ in _found()] == ["fict-001", "fict-003", "fict-004"]


SCRIPT = """
import json
from restricted_parties import index_files, matching, selectors
from restricted_parties.services import sample_list_load
if {load}:
    sample_list_load()
found = [(m.party_name, m.source_id, m.score, m.explanation)
         for m in selectors.parties_screen({parties!r})]
print("RESULT" + json.dumps({{"counts": index_files.counts, "found": found,
                             "hash": matching.stable_hash("kompelkt")}}))
"""


@pytest.fixture(scope="module")
def process_env(tmp_path_factory):
    """A file-based SQLite database that separate processes share, migrated once."""
    var = tmp_path_factory.mktemp("var")
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    env.update(HRDD_VAR_DIR=str(var), DATABASE_URL=f"sqlite:///{var / 'shared.sqlite3'}")
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    return env, var


def _process(env, *, seed: str, load: bool) -> dict:
    out = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", SCRIPT.format(load=load, parties=PARTIES)],
        cwd=ROOT,
        env={**env, "PYTHONHASHSEED": seed},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(out.split("RESULT", 1)[1])


def test_a_second_process_loads_the_index_the_first_built_and_finds_the_same(process_env):
    env, var = process_env
    first = _process(env, seed="1", load=True)
    assert first["counts"]["built"] == 1
    (path,) = (var / "match-index").glob("*.idx")
    stat = path.stat()

    second = _process(env, seed="2", load=False)
    assert second["counts"] == {"built": 0, "loaded": 1}
    assert second["found"] == first["found"]
    assert [f[1] for f in second["found"]] == ["fict-001", "fict-003", "fict-004"]
    assert second["hash"] == first["hash"]  # the same hash whatever PYTHONHASHSEED
    after = path.stat()
    assert (after.st_ino, after.st_mtime_ns) == (stat.st_ino, stat.st_mtime_ns)


def test_pruning_keeps_active_versions_and_fresh_writes(tmp_path):
    keep = index_files.index_path(tmp_path, "list-1-v1")
    gone = index_files.index_path(tmp_path, "list-2-v1")
    old_code = tmp_path / "list-1-v1-0123456789ab.idx"  # written by other matching code
    writing = tmp_path / f"{keep.name}.abc.tmp"
    abandoned = tmp_path / f"{gone.name}.def.tmp"
    for path in (keep, gone, old_code, writing, abandoned):
        path.write_bytes(b"x")
    os.utime(abandoned, (0, 0))

    index_files.index_files_prune(tmp_path, ["list-1-v1"])

    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([keep.name, writing.name])
