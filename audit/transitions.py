"""Workflow states: one table type and one function that moves a row along it.

Every state machine a user or an auditor follows (a deal, a review case and its
conditions, a channel import, a partner questionnaire, a grievance report, a
notification to the authority) declares a `Workflow` (its model, its table of named
transitions and how its messages name it) and changes state only through
`transition_apply` (or `transition_apply_many` for a batch):

- the table is checked first: a move it does not allow is a Conflict (409) naming the
  state the row is in, in words;
- the change is one conditional UPDATE (`WHERE pk = … AND status = <the state read>`),
  so of two actors who read the same state only one wins; the loser gets a Conflict
  naming the state the row is in now;
- the audit event (from_state, to_state) is written in the same transaction, only when
  the update matched.

It lives in `audit` because every workflow app already depends on it (and on
`hrdd.errors`) and it depends on no workflow app.

Internal job claims (outbox messages, preview and monitoring runs, import chunks and
lines) are not workflows: they are claimed with their own conditional updates, carry no
audit event per claim, and are not shown to users as states.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db import connection, models, transaction
from django.utils import timezone

from hrdd.bulk import InsertedFirst, bulk_insert, insert_statement, inserted
from hrdd.errors import Conflict

from .models import AuditEvent
from .services import audit_record, audit_record_many

# A transition table: name -> (the state or states it may start from, the state or states
# it leads to).
Table = Mapping[str, tuple[str | Collection[str], str | Collection[str]]]
# How a workflow words its own conflicts, when its messages say more than the state:
# (row, actor) -> Conflict (reading the row's state again, which the caller's copy is not).
ConflictOf = Callable[[Any, Any], Conflict]


@dataclass(frozen=True)
class Workflow:
    """One state machine: the model, its transition table and how it is named.

    `moved` and `refused` are the messages of a lost race and of a move the table does
    not allow; `{noun}`, `{state}` (where the row is, in words), `{to}` and `{transition}`
    are filled in. `stamp` names a column set to now with every transition. Transitions
    in `unaudited` are a job's own progress steps (no decision anyone takes), so they
    write no audit event.
    """

    model: type[models.Model]
    table: Table
    object_type: str
    noun: str
    action_prefix: str = ""
    field: str = "status"
    stamp: str = ""
    moved: str = "The {noun} was changed by someone else; it is now {state}."
    refused: str = "A {noun} that is {state} cannot be moved by '{transition}'."
    unaudited: frozenset[str] = frozenset()
    _edges: dict[str, tuple[frozenset[str], frozenset[str]]] = dataclasses.field(
        init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        edges = {name: (_states(src), _states(dst)) for name, (src, dst) in self.table.items()}
        valid = {value for value, _ in self.model._meta.get_field(self.field).choices}
        for name, (src, dst) in edges.items():
            if not dst or (src | dst) - valid:
                raise ValueError(f"{self.object_type}: transition {name!r} names unknown states")
        object.__setattr__(self, "_edges", edges)

    # --- reading the table ---------------------------------------------------------

    def sources(self, transition: str) -> frozenset[str]:
        return self._edges[transition][0]

    def targets(self, transition: str) -> frozenset[str]:
        return self._edges[transition][1]

    def target(self, transition: str) -> str:
        """The state a transition leads to, when it leads to one only."""
        targets = self.targets(transition)
        if len(targets) != 1:
            raise ValueError(f"{self.action(transition)} leads to several states: say which")
        return next(iter(targets))

    def allows(self, transition: str, state: str, to: str | None = None) -> bool:
        src, dst = self._edges[transition]
        return state in src and (to is None or to in dst)

    def words(self, state: str | None) -> str:
        """The state as a page shows it ("in review"), or "gone" for a deleted row."""
        if not state:
            return "gone"
        labels = dict(self.model._meta.get_field(self.field).choices)
        return str(labels.get(state, state)).lower()

    def state_now(self, pk: Any) -> str | None:
        """The state in the database (a caller's copy is what may be stale)."""
        return self.model.objects.filter(pk=pk).values_list(self.field, flat=True).first()

    def action(self, transition: str) -> str:
        return f"{self.action_prefix or self.object_type}.{transition}"

    def _message(self, template: str, transition: str, state: str | None, to: str = "") -> str:
        return template.format(
            noun=self.noun,
            state=self.words(state),
            to=self.words(to) if to else "",
            transition=transition.replace("_", " "),
        )


def transition_apply(
    workflow: Workflow,
    obj: models.Model,
    transition: str,
    *,
    actor: Any | None,
    to: str | None = None,
    values: dict[str, Any] | None = None,
    guard: dict[str, Any] | None = None,
    changes: dict | None = None,
    comment: str = "",
    opportunity_id: int | None = None,
    object_id: Any = None,
    from_any: bool = False,
    conflict: ConflictOf | None = None,
) -> AuditEvent | None:
    """Move `obj` along `transition` (to `to`, when it may lead to several states), or
    raise Conflict. Returns the audit event (None for an unaudited step).

    The UPDATE matches the row only while it is still in the state `obj` holds (with
    `from_any`: in any state the transition starts from, for a task whose copy may be
    older than the row; the event then names the state it came from only when the
    table leaves one). `guard` adds conditions the row must still meet; `values` are
    the other columns written by the same statement. `obj`'s state field (and stamp)
    are set; its other columns are the caller's to refresh. `conflict` words both
    refusals for the workflow's callers (default: the workflow's messages).

    No savepoint: nothing is written unless the update matched, and the Conflict is
    raised after the block, so a caller's transaction stays usable.
    """
    wf = workflow
    to = to or wf.target(transition)
    old = getattr(obj, wf.field)
    sources = wf.sources(transition)
    if not wf.allows(transition, old, to) and not (from_any and to in wf.targets(transition)):
        raise (
            conflict(obj, actor)
            if conflict
            else Conflict(wf._message(wf.refused, transition, old, to))
        )
    match = {f"{wf.field}__in": sources} if from_any else {wf.field: old}
    written = {wf.field: to, **({wf.stamp: timezone.now()} if wf.stamp else {}), **(values or {})}
    event = None
    with transaction.atomic(savepoint=False):
        if from_any or guard or (updated := _update_plain(wf, obj.pk, old, written)) is None:
            updated = wf.model.objects.filter(pk=obj.pk, **match, **(guard or {})).update(
                **_inserted_first(written)
            )
        if updated and transition not in wf.unaudited:
            event = audit_record(
                actor=actor,
                action=wf.action(transition),
                object_type=wf.object_type,
                object_id=obj.pk if object_id is None else object_id,
                opportunity_id=opportunity_id,
                from_state=_from_state(sources, old, from_any),
                to_state=to,
                changes=changes or {},
                comment=comment,
            )
    if not updated:
        if conflict:
            raise conflict(obj, actor)
        raise Conflict(wf._message(wf.moved, transition, wf.state_now(obj.pk), to))
    setattr(obj, wf.field, to)
    if wf.stamp:
        setattr(obj, wf.stamp, written[wf.stamp])
    return event


def transition_apply_many(
    workflow: Workflow,
    moves: Iterable[tuple[models.Model, str, str]],
    *,
    actor: Any | None,
    values: dict[str, Any] | None = None,
    write: Callable[[list[tuple[models.Model, str, str]]], int] | None = None,
    event_of: Callable[[models.Model], dict] | None = None,
    moved: str = "",
) -> list[AuditEvent]:
    """`transition_apply` for a batch: (row, transition, to) each, one UPDATE for all,
    one audit INSERT for all (inside `audit.services.audit_batch`, the batch's own).

    For rows the caller has just written or holds locked: every move must be allowed
    from the state its row holds, and the UPDATE matches each row in the state its
    transition starts from. When it matches fewer rows than given, Conflict is raised
    inside the block, so the caller's transaction rolls back whole. The default UPDATE
    needs one target state for all; `write(moves)` (returning how many rows matched)
    writes other batches, e.g. a state per row. `event_of(row)` adds each event's
    `changes`, `comment` or `opportunity_id`.
    """
    wf = workflow
    moves = list(moves)
    if not moves:
        return []
    for obj, transition, to in moves:
        if not wf.allows(transition, getattr(obj, wf.field), to):
            raise Conflict(wf._message(wf.refused, transition, getattr(obj, wf.field), to))
    with transaction.atomic(savepoint=False):
        if write is not None:
            updated = write(moves)
        else:
            targets = {to for _, _, to in moves}
            if len(targets) != 1:
                raise ValueError("moves to several states need their own `write`")
            (to,) = targets
            sources = frozenset().union(*(wf.sources(t) for _, t, _ in moves))
            stamp = {wf.stamp: timezone.now()} if wf.stamp else {}
            updated = wf.model.objects.filter(
                pk__in=[obj.pk for obj, _, _ in moves], **{f"{wf.field}__in": sources}
            ).update(**{wf.field: to}, **stamp, **(values or {}))
        if updated != len(moves):
            raise Conflict(
                moved or f"Some of these {wf.noun}s were changed meanwhile; nothing was applied."
            )
        events = [
            {
                "action": wf.action(transition),
                "object_type": wf.object_type,
                "object_id": obj.pk,
                "from_state": getattr(obj, wf.field),
                "to_state": to,
                **(event_of(obj) if event_of else {}),
            }
            for obj, transition, to in moves
            if transition not in wf.unaudited
        ]
        recorded = audit_record_many(actor=actor, events=events)
    for obj, _, to in moves:
        setattr(obj, wf.field, to)
    return recorded


def _update_plain(wf: Workflow, pk: Any, old: str | None, written: dict[str, Any]) -> int | None:
    """The transition's conditional UPDATE (`WHERE pk = … AND <state> = <old>`) by a
    statement built once per workflow and set of columns, rather than compiled by the ORM
    on every move (most of a routed registration's own CPU in that step). Returns how many
    rows matched, or None when a value is not a plain one (an expression, a state of None):
    the ORM's `update()` then writes it, as before."""
    if old is None or pk is None:
        return None
    names = tuple(written)
    first = [name for name in names if isinstance(written[name], InsertedFirst)]
    if len(first) > 1 or (first and connection.vendor != "postgresql"):
        written, first = _inserted_first(written), []
    columns = _update_columns(wf.model, wf.field, names, connection.vendor, "".join(first))
    if columns is None:
        return None
    sql, fields, state = columns
    params = []
    for field, name in zip(fields, names, strict=True):
        if name in first:  # read from the INSERT of the same statement
            continue
        value = written[name]
        if hasattr(value, "resolve_expression"):
            return None
        if hasattr(value, "prepare_database_save"):  # a row: its key, as the ORM writes it
            if not field.remote_field:
                return None
            value = value.prepare_database_save(field)
        params.append(field.get_db_prep_save(value, connection))
    params += [pk, state.get_db_prep_value(old, connection)]
    if first:
        return _insert_and_update(written[first[0]].obj, sql, params)
    with connection.cursor() as cur:
        cur.execute(sql, params)
        return cur.rowcount


def _insert_and_update(row: models.Model, update: str, params: list) -> int:
    """PostgreSQL: insert `row` and run `update` (which reads its key from `ins`) in one
    statement; returns how many rows the UPDATE matched. The row is inserted even when
    none matched: the caller's Conflict then rolls its transaction back."""
    insert, insert_params = insert_statement(type(row), [row])
    # Identifiers come from the models' options, never from input.
    sql = (
        f"WITH ins AS ({insert}), upd AS ({update} RETURNING 1) "  # noqa: S608
        f"SELECT (SELECT {connection.ops.quote_name(row._meta.pk.column)} FROM ins), "
        "(SELECT count(*) FROM upd)"
    )
    with connection.cursor() as cur:
        cur.execute(sql, [*insert_params, *params])
        row_id, matched = cur.fetchone()
    inserted([row], [row_id])
    return matched


def _inserted_first(written: dict[str, Any]) -> dict[str, Any]:
    """`written` with each `InsertedFirst` row inserted now (unless it already was) and
    given as itself."""
    if not any(isinstance(v, InsertedFirst) for v in written.values()):
        return written
    out = {}
    for name, value in written.items():
        if isinstance(value, InsertedFirst):
            if value.obj.pk is None:
                bulk_insert(type(value.obj), [value.obj])
            value = value.obj
        out[name] = value
    return out


@functools.cache
def _update_columns(
    model: type[models.Model], state: str, names: tuple[str, ...], _vendor: str, first: str = ""
) -> tuple[str, list[models.Field], models.Field] | None:
    """The UPDATE of `names` on `model`'s row in state `state`, their fields and the state's; None
    when one of them is not a local concrete column (the ORM knows how to write it).
    `first` names a foreign key set to the key of the row inserted as `ins` just before
    (`_insert_and_update`)."""
    opts = model._meta
    fields = []
    for name in names:
        try:
            field = opts.get_field(name)
        except FieldDoesNotExist:
            return None
        if (
            not field.concrete
            or field.many_to_many
            or field.model is not model
            or field.primary_key
            or hasattr(field, "get_placeholder")
        ):
            return None
        fields.append(field)
    state_field = opts.get_field(state)
    quote = connection.ops.quote_name
    if first and not (
        opts.get_field(first).is_relation and opts.get_field(first).target_field.primary_key
    ):
        return None
    from_insert = "(SELECT {} FROM ins)"  # noqa: S608
    assignments = ", ".join(
        f"{quote(f.column)} = "
        + (from_insert.format(quote(f.target_field.column)) if name == first else "%s")
        for f, name in zip(fields, names, strict=True)
    )
    # Identifiers come from the model's options, never from input.
    sql = (
        f"UPDATE {quote(opts.db_table)} SET {assignments} "  # noqa: S608
        f"WHERE {quote(opts.pk.column)} = %s AND {quote(state_field.column)} = %s"
    )
    return sql, fields, state_field


def _states(states: str | Collection[str]) -> frozenset[str]:
    return frozenset({states}) if isinstance(states, str) else frozenset(states)


def _from_state(sources: frozenset[str], old: str, from_any: bool) -> str:
    if not from_any:
        return old
    return next(iter(sources)) if len(sources) == 1 else ""
