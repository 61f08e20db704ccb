"""Someone with database access tries to rewrite the audit trail consistently.

The attacker lifts the append-only triggers (as a database owner can), knows the
algorithm, but not the key held outside the database. Each attack must be reported by
`verify_audit_chain` with a message that says what happened.
"""

from __future__ import annotations

import hashlib
import json
from contextlib import contextmanager

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from audit import triggers
from audit.models import AuditChainHead, AuditEvent, AuditSeal
from audit.services import audit_chain_seal_all, audit_checkpoint_publish, audit_record

pytestmark = pytest.mark.django_db


@contextmanager
def triggers_lifted():
    """What a database owner can always do: switch the append-only triggers off."""
    with connection.cursor() as cur:
        if connection.vendor == "sqlite":
            for sql in triggers.SQLITE_DROP:
                cur.execute(sql)
        else:
            cur.execute("SET session_replication_role = replica")  # no triggers, no FK checks
    try:
        yield
    finally:
        with connection.cursor() as cur:
            if connection.vendor == "sqlite":
                for sql in triggers.SQLITE_CREATE:
                    cur.execute(sql)
            else:
                cur.execute("SET session_replication_role = origin")


def unkeyed(body) -> str:
    """The attacker's best guess without the key: the published body, plain SHA-256."""
    if not isinstance(body, str):
        body = json.dumps(body, sort_keys=True, default=str, separators=(",", ":"))
    return hashlib.sha256(body.encode()).hexdigest()


def relink_from(position: int) -> None:
    """Recompute every link from `position` on and move the head, as a careful forger would."""
    prev = AuditSeal.objects.get(position=position).prev_hash
    for seal in AuditSeal.objects.filter(position__gte=position).select_related("event"):
        seal.prev_hash = prev
        link = unkeyed(seal.link_body(seal.event.hash))
        with connection.cursor() as cur:
            cur.execute(
                "UPDATE audit_auditseal SET prev_hash=%s, hash=%s WHERE position=%s",
                [prev, link, seal.position],
            )
        prev, last = link, seal
    AuditChainHead.objects.filter(pk=1).update(
        last_hash=prev, last_event_id=last.event_id, sealed_count=last.position
    )


@pytest.fixture(autouse=True)
def checkpoint_dir(settings, tmp_path):
    settings.AUDIT_CHECKPOINT_DIR = tmp_path
    return tmp_path


@pytest.fixture
def trail():
    events = [
        audit_record(
            actor=None,
            action=f"test.step{i}",
            object_type="opportunity",
            object_id=i,
            opportunity_id=i,
            to_state="screened",
            comment=f"step {i}",
        )
        for i in range(1, 7)
    ]
    audit_chain_seal_all()  # as the commit of each event's transaction would
    return events


def verify_fails(match: str) -> str:
    with pytest.raises(CommandError, match=match) as info:
        call_command("verify_audit_chain")
    return str(info.value)


def test_a_rewritten_event_with_every_later_hash_recomputed_is_detected(trail):
    target = AuditEvent.objects.get(action="test.step3")
    target.comment = "nothing to see here"
    with triggers_lifted(), connection.cursor() as cur:
        cur.execute(
            "UPDATE audit_auditevent SET comment=%s, hash=%s WHERE id=%s",
            [target.comment, unkeyed(target.payload()), target.pk],
        )
        relink_from(target.seal.position)
    message = verify_fails(f"event {target.pk}")
    assert "does not match its signature" in message


def test_dropping_the_last_events_and_moving_the_head_is_detected(trail):
    audit_checkpoint_publish()
    keep = AuditSeal.objects.get(event__action="test.step4")
    with triggers_lifted(), connection.cursor() as cur:
        cur.execute("DELETE FROM audit_auditseal WHERE position > %s", [keep.position])
        cur.execute("DELETE FROM audit_auditevent WHERE id > %s", [keep.event_id])
        AuditChainHead.objects.filter(pk=1).update(
            last_hash=keep.hash, last_event_id=keep.event_id, sealed_count=keep.position
        )
    message = verify_fails("checkpoint")
    assert "events 5 to 6 are missing" in message


def _forge(after: AuditEvent) -> AuditEvent:
    forged = AuditEvent(
        created_at=after.created_at,
        actor=None,
        actor_label="system",
        action="review_case.approve",
        object_type="review_case",
        object_id="1",
        opportunity_id=1,
        to_state="decided",
        changes={},
        comment="Approved.",
        key_id=after.key_id,
    )
    forged.hash = unkeyed(forged.payload())
    forged.save()
    return forged


def test_a_forged_event_appended_at_the_end_is_detected(trail):
    last = AuditSeal.objects.order_by("-position").first()
    forged = _forge(last.event)
    seal = AuditSeal(
        position=last.position + 1, event=forged, key_id=last.key_id, prev_hash=last.hash
    )
    seal.hash = unkeyed(seal.link_body(forged.hash))
    seal.save()
    AuditChainHead.objects.filter(pk=1).update(
        last_hash=seal.hash, last_event_id=forged.pk, sealed_count=seal.position
    )
    message = verify_fails(f"event {forged.pk}")
    assert "not written by the application" in message


def test_a_forged_event_left_for_the_sealer_stays_in_the_chain_and_is_reported(trail):
    forged = _forge(trail[-1])
    assert audit_chain_seal_all() == 1
    assert AuditSeal.objects.filter(event=forged).exists()
    verify_fails(f"event {forged.pk} does not match its signature")


def test_removing_an_event_from_the_middle_with_its_seal_is_detected(trail):
    victim = AuditSeal.objects.get(event__action="test.step2")
    with triggers_lifted(), connection.cursor() as cur:
        cur.execute("DELETE FROM audit_auditseal WHERE position = %s", [victim.position])
        cur.execute("DELETE FROM audit_auditevent WHERE id = %s", [victim.event_id])
    verify_fails(f"no link at position {victim.position}")


def test_an_edited_checkpoint_file_is_reported(trail, checkpoint_dir):
    audit_checkpoint_publish()
    path = checkpoint_dir / "checkpoints.jsonl"
    path.write_text(path.read_text().replace('"count":6', '"count":4'))
    verify_fails("checkpoint line 1 does not match its signature")


def test_an_untouched_trail_verifies_against_its_checkpoints(trail, capsys):
    first = audit_checkpoint_publish()
    assert first["count"] == 6
    assert audit_checkpoint_publish() is None  # nothing new, nothing written
    audit_record(actor=None, action="test.step7", object_type="opportunity", object_id=7)
    assert audit_checkpoint_publish()["count"] == 7
    call_command("verify_audit_chain")
    assert (
        "Audit chain intact: 7 events verified, against 2 checkpoints." in capsys.readouterr().out
    )


def test_the_key_can_be_rotated_and_old_events_still_verify(trail, settings, capsys):
    audit_checkpoint_publish()
    old = settings.AUDIT_HMAC_KEY
    settings.AUDIT_HMAC_KEY = "a-new-key-for-this-year"
    settings.AUDIT_HMAC_RETIRED_KEYS = [old]
    event = audit_record(actor=None, action="test.after", object_type="opportunity", object_id=8)
    assert event.key_id != trail[0].key_id
    audit_checkpoint_publish()
    call_command("verify_audit_chain")
    assert "intact: 7 events" in capsys.readouterr().out
    settings.AUDIT_HMAC_RETIRED_KEYS = []  # the old key lost: its events can no longer be vouched for
    verify_fails("not configured")


def test_the_periodic_task_seals_pending_events_and_publishes_a_signed_checkpoint(
    checkpoint_dir, caplog, settings
):
    from audit.tasks import audit_checkpoint_publish

    assert (
        settings.CELERY_BEAT_SCHEDULE["audit-checkpoint"]["task"] == audit_checkpoint_publish.name
    )
    events = [
        audit_record(actor=None, action="test.pending", object_type="opportunity", object_id=i)
        for i in range(3)
    ]  # in the test's transaction their on-commit seal never runs: they are pending
    assert not AuditSeal.objects.filter(event__in=events).exists()
    with caplog.at_level("INFO", logger="audit.checkpoint"):
        audit_checkpoint_publish()
    assert AuditSeal.objects.filter(event__in=events).count() == 3
    line = (checkpoint_dir / "checkpoints.jsonl").read_text().strip()
    assert '"count":3' in line and '"signature":' in line
    assert line in caplog.text
