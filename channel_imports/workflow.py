"""The steps of a channel import: its status is a small state machine (TRANSITIONS)
changed only by `import_step_take`, through the one transition helper
(`audit.transitions`): a conditional update, so a redelivered task or a double click
cannot run a step twice, and the step's audit event. Audit: one event per step of an
import (uploaded, mapped, validated or rejected, accepted, completed), never one per line.
"""

from __future__ import annotations

from audit.services import audit_record
from audit.transitions import Workflow, transition_apply
from hrdd.errors import Conflict, PermissionDenied
from outbox.services import outbox_enqueue

from . import policies
from .models import ChannelImport

S = ChannelImport.Status
# step (named as its audit event) -> (the statuses it may start from, the status it leads to)
TRANSITIONS: dict[str, tuple[set[str], str]] = {
    "mapped": ({S.UPLOADED, S.VALIDATED}, S.VALIDATING),
    "validated": ({S.VALIDATING}, S.VALIDATED),
    "rejected": ({S.VALIDATING}, S.REJECTED),
    "accepted": ({S.VALIDATED}, S.IMPORTING),
    "screening": ({S.IMPORTING}, S.SCREENING),
    "promoting": ({S.SCREENING}, S.PROMOTING),
    "completed": ({S.SCREENING, S.PROMOTING}, S.COMPLETED),
    "discarded": ({S.UPLOADED, S.VALIDATED}, S.DISCARDED),
    "failed": ({S.IMPORTING}, S.FAILED),
}
# One audit event per step of an import, not per stage of its own background work.
IMPORTS = Workflow(
    model=ChannelImport,
    table=TRANSITIONS,
    object_type="channel_import",
    noun="import",
    unaudited=frozenset({"screening", "promoting"}),
)


class _Moved(Conflict):
    pass


def import_step_take(
    imp: ChannelImport,
    step: str,
    *,
    actor=None,
    values: dict | None = None,
    changes: dict | None = None,
) -> bool:
    """Take `step` if the import's row is in a status it starts from (a task's copy of the
    import may be older than the row); False when it is not (the step was taken already,
    or the import went another way), and nothing is written."""
    try:
        transition_apply(
            IMPORTS,
            imp,
            step,
            actor=actor,
            values=values,
            from_any=True,
            changes={
                "organisation": imp.organisation_id,
                "file": imp.original_name,
                **(changes or {}),
            },
            conflict=lambda *_: _Moved(""),  # the caller words it (or a task stops quietly)
        )
    except _Moved:
        return False
    return True


def import_audit(
    *, actor, imp: ChannelImport, action: str, to_state: str = "", changes: dict | None = None
) -> None:
    audit_record(
        actor=actor,
        action=f"channel_import.{action}",
        object_type="channel_import",
        object_id=imp.pk,
        to_state=to_state,
        changes={"organisation": imp.organisation_id, "file": imp.original_name, **(changes or {})},
    )


def import_require_may_act(actor, imp: ChannelImport) -> None:
    reason = policies.why_not_work_on(actor, imp)
    if reason:
        raise PermissionDenied(reason)


def import_task_queue(task: str, *args) -> None:
    """Record the work with the change (outbox); it is sent to the broker after commit."""
    outbox_enqueue(f"channel_imports.tasks.{task}", *args)
