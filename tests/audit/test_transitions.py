"""The one transition helper every workflow uses: the table decides, one conditional
UPDATE moves the row, the audit event is written with it, and whoever loses a race gets a
409 naming where the row is now, with nothing recorded for them."""

from __future__ import annotations

import threading
import time

import pytest
from django.db import connection, connections, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from audit.models import AuditEvent
from audit.services import audit_batch
from audit.transitions import Workflow, transition_apply, transition_apply_many
from grievances.models import Report
from hrdd.errors import Conflict

S = Report.Status
# A workflow of its own over a plain model, so the helper is tested apart from any app's
# rules; "settle" may lead to two states, as a deal's reopening does.
TRIAGE = Workflow(
    model=Report,
    table={
        "assess": (S.RECEIVED, S.IN_TRIAGE),
        "investigate": ({S.RECEIVED, S.IN_TRIAGE}, S.INVESTIGATING),
        "settle": ({S.IN_TRIAGE, S.INVESTIGATING}, {S.CLOSED, S.RECEIVED}),
    },
    object_type="report",
    noun="report",
    stamp="updated_at",
)


def a_report(n: int = 0, status: str = S.RECEIVED) -> Report:
    now = timezone.now()
    return Report.objects.create(
        receipt_hash=f"{n:064d}",
        what="Cameras at the camp.",
        status=status,
        received_at=now,
        triage_due_at=now,
        updated_at=now,
    )


def events(report: Report):
    return AuditEvent.objects.filter(object_type="report", object_id=str(report.pk))


@pytest.mark.django_db
def test_a_transition_moves_the_row_and_records_from_and_to_in_one_update():
    report = a_report()
    with CaptureQueriesContext(connection) as ctx:
        event = transition_apply(
            TRIAGE,
            report,
            "assess",
            actor=None,
            values={"outcome": "credible"},
            changes={"why": "named a customer"},
            comment="Looks real",
        )
    writes = [q["sql"] for q in ctx.captured_queries if q["sql"].startswith("UPDATE")]
    assert len(writes) == 1  # status, stamp and the other columns together
    report.refresh_from_db()
    assert (report.status, report.outcome) == ("in_triage", "credible")
    (recorded,) = events(report)
    assert recorded.pk == event.pk
    assert (recorded.action, recorded.from_state, recorded.to_state) == (
        "report.assess",
        "received",
        "in_triage",
    )
    assert (recorded.changes, recorded.comment) == ({"why": "named a customer"}, "Looks real")


@pytest.mark.django_db
def test_a_move_the_table_does_not_allow_is_a_409_in_words_and_changes_nothing():
    report = a_report(status=S.INVESTIGATING)
    with pytest.raises(Conflict) as refused:
        transition_apply(TRIAGE, report, "assess", actor=None)
    assert refused.value.status_code == 409
    assert (
        refused.value.message == "A report that is under investigation cannot be moved by 'assess'."
    )
    report.refresh_from_db()
    assert report.status == "investigating"
    assert not events(report).exists()


@pytest.mark.django_db
def test_a_target_the_table_does_not_allow_is_refused():
    report = a_report(status=S.IN_TRIAGE)
    with pytest.raises(Conflict):
        transition_apply(TRIAGE, report, "settle", to=S.INVESTIGATING, actor=None)
    with pytest.raises(ValueError, match="several states"):  # a programming error, not a 409
        transition_apply(TRIAGE, report, "settle", actor=None)
    transition_apply(TRIAGE, report, "settle", to=S.CLOSED, actor=None)
    assert Report.objects.get(pk=report.pk).status == "closed"


@pytest.mark.django_db
def test_a_stale_copy_loses_with_a_409_naming_the_state_now_and_records_nothing():
    report = a_report()
    stale = Report.objects.get(pk=report.pk)
    transition_apply(TRIAGE, report, "investigate", actor=None)
    before = AuditEvent.objects.count()
    with transaction.atomic():
        with pytest.raises(Conflict) as lost:
            transition_apply(TRIAGE, stale, "assess", actor=None)  # "received" in memory only
        # the caller's transaction is still usable after the refusal (no broken savepoint)
        assert Report.objects.filter(pk=report.pk).exists()
    assert lost.value.status_code == 409
    assert lost.value.message == (
        "The report was changed by someone else; it is now under investigation."
    )
    assert AuditEvent.objects.count() == before
    assert Report.objects.get(pk=report.pk).status == "investigating"


@pytest.mark.django_db
def test_a_guard_the_row_no_longer_meets_is_a_lost_race():
    report = a_report()
    with pytest.raises(Conflict):
        transition_apply(TRIAGE, report, "assess", actor=None, guard={"outcome": "duplicate"})
    assert Report.objects.get(pk=report.pk).status == "received"
    assert not events(report).exists()


@pytest.mark.django_db
def test_the_event_rolls_back_with_the_change():
    report = a_report()
    with pytest.raises(RuntimeError), transaction.atomic():
        transition_apply(TRIAGE, report, "assess", actor=None)
        raise RuntimeError("the caller fails after the transition")
    assert Report.objects.get(pk=report.pk).status == "received"
    assert not events(report).exists()


@pytest.mark.django_db
def test_from_any_matches_the_row_whatever_allowed_state_a_task_last_read():
    report = a_report()
    old_copy = Report.objects.get(pk=report.pk)
    transition_apply(TRIAGE, report, "assess", actor=None)
    transition_apply(TRIAGE, old_copy, "investigate", actor=None, from_any=True)
    assert Report.objects.get(pk=report.pk).status == "investigating"
    # two states it may have come from: the event does not guess which
    last = events(report).order_by("-id").first()
    assert (last.from_state, last.to_state) == ("", "investigating")


@pytest.mark.django_db
def test_a_batch_is_one_update_and_one_insert_and_all_or_nothing():
    reports = [a_report(n) for n in range(5)]
    with CaptureQueriesContext(connection) as ctx:
        recorded = transition_apply_many(
            TRIAGE,
            [(r, "assess", S.IN_TRIAGE) for r in reports],
            actor=None,
            event_of=lambda r: {"comment": f"report {r.pk}"},
        )
    sqls = [q["sql"] for q in ctx.captured_queries]
    assert len([s for s in sqls if s.startswith("UPDATE")]) == 1
    assert len([s for s in sqls if s.startswith('INSERT INTO "audit_auditevent"')]) == 1
    assert [(e.from_state, e.to_state, e.comment) for e in recorded] == [
        ("received", "in_triage", f"report {r.pk}") for r in reports
    ]
    # one of the next batch moved meanwhile: none of it is applied, nothing recorded
    Report.objects.filter(pk=reports[2].pk).update(status=S.CLOSED)
    before = AuditEvent.objects.count()
    with pytest.raises(Conflict), transaction.atomic():
        transition_apply_many(
            TRIAGE, [(r, "investigate", S.INVESTIGATING) for r in reports], actor=None
        )
    assert AuditEvent.objects.count() == before
    assert sorted(Report.objects.values_list("status", flat=True)) == ["closed"] + ["in_triage"] * 4


@pytest.mark.django_db
def test_a_batch_inside_an_audit_batch_joins_its_insert():
    reports = [a_report(n) for n in range(3)]
    with transaction.atomic(), CaptureQueriesContext(connection) as ctx, audit_batch():
        transition_apply_many(TRIAGE, [(r, "assess", S.IN_TRIAGE) for r in reports], actor=None)
        transition_apply(TRIAGE, a_report(9), "assess", actor=None)
    inserts = [q for q in ctx.captured_queries if q["sql"].startswith('INSERT INTO "audit_')]
    assert len(inserts) == 1
    assert AuditEvent.objects.filter(action="report.assess").count() == 4


def test_a_table_naming_a_state_the_model_does_not_have_is_refused_at_import():
    with pytest.raises(ValueError, match="unknown states"):
        Workflow(model=Report, table={"x": (S.RECEIVED, "archived")}, object_type="r", noun="r")


@pytest.mark.django_db(transaction=True)
def test_two_connections_racing_for_one_transition_leave_one_winner_and_one_event():
    if connection.vendor != "postgresql":
        # it watches the other connection wait on the row lock in pg_stat_activity
        pytest.skip("a race between two connections needs PostgreSQL (DATABASE_URL)")
    report = a_report()
    ready = threading.Barrier(2)
    commit = threading.Event()
    outcomes: dict[str, str] = {}

    def contender(name: str, transition: str) -> None:
        try:
            copy = Report.objects.get(pk=report.pk)  # both read "received"
            with transaction.atomic():
                ready.wait(timeout=10)
                transition_apply(TRIAGE, copy, transition, actor=None)
                # the winner commits only once the other's UPDATE waits on its row lock
                assert commit.wait(timeout=10), "the other connection never blocked"
            outcomes[name] = "won"
        except Conflict as exc:
            outcomes[name] = exc.message
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=contender, args=("a", "assess")),
        threading.Thread(target=contender, args=("b", "investigate")),
    ]
    for t in threads:
        t.start()
    deadline = time.monotonic() + 10
    while not (blocked := _waiting_on_a_lock()) and time.monotonic() < deadline:
        time.sleep(0.01)
    commit.set()
    for t in threads:
        t.join()
    assert blocked, "the second UPDATE never waited on the first one's row lock"
    assert sorted(o == "won" for o in outcomes.values()) == [False, True], outcomes
    winner = next(n for n, o in outcomes.items() if o == "won")
    loser = {"a", "b"} - {winner}
    status = Report.objects.get(pk=report.pk).status
    assert status == {"a": "in_triage", "b": "investigating"}[winner]
    assert outcomes[loser.pop()].endswith(f"it is now {TRIAGE.words(status)}.")
    assert events(report).count() == 1


def _waiting_on_a_lock() -> bool:
    with connection.cursor() as cur:
        cur.execute(
            "SELECT count(*) FROM pg_stat_activity "
            "WHERE datname = current_database() AND wait_event_type = 'Lock'"
        )
        return cur.fetchone()[0] > 0
