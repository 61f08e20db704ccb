"""Prepared statements on PostgreSQL, and what happens if something between the
application and the database loses them.

With `DATABASE_PREPARED_STATEMENTS` (on by default) psycopg binds values on the server
and prepares a statement the Nth time a connection runs it, so the reads every request
makes (the token, a deal, a list page) are parsed and planned once per connection, not
on every request: planning was most of the database's share of a deal's detail.

A prepared statement lives in one server session. A pooler that hands each transaction
to another session (PgBouncer in transaction mode before 1.21, or 1.21–1.23 without
`max_prepared_statements`) loses it. Two things keep that from doing harm here:

- Each connection names its statements from a random start, so a statement can never
  be run under the name another client gave another statement in a shared session:
  a lost statement is an error ("prepared statement … does not exist"), never another
  statement's rows.
- That error, the first time a process sees it, turns preparing off in the process
  (this connection and every later one) and is logged once, naming the switch. The
  statement is run again, unprepared, when it ran on its own (autocommit); inside a
  transaction the transaction is already aborted, so that one request fails.

A schema change made by another connection (a deploy's `migrate` widening a column)
changes the result type of the statements this connection prepared that read it:
PostgreSQL then refuses each of them ("cached plan must not change result type") on
every run, until the connection closes. That error drops this connection's prepared
statements (`DEALLOCATE ALL`, which psycopg follows) and runs the statement again when it
ran on its own; in a transaction, the rollback drops them. Preparing stays on.
"""

from __future__ import annotations

import logging
import secrets

from django.db.backends.signals import connection_created
from django.dispatch import receiver

log = logging.getLogger(__name__)

# Set once a pooler lost a statement: no connection of this process prepares again.
_lost = False
# Set once this process found no statement counter to move (logged once).
_counter_missing = False


def _no_counter() -> None:
    global _counter_missing
    if _counter_missing:
        return
    _counter_missing = True
    import psycopg

    log.error(
        "psycopg %s has no statement counter (PrepareManager._prepared_idx) to start at "
        "random: prepared statements are off in this process, since every connection would "
        "name its statements alike. hrdd/prepared.py must follow the psycopg release.",
        psycopg.__version__,
    )


def _lost_statement(error: BaseException) -> bool:
    import psycopg

    cause = error.__cause__
    return isinstance(
        cause, psycopg.errors.InvalidSqlStatementName | psycopg.errors.DuplicatePreparedStatement
    )


def _plan_outdated(error: BaseException) -> bool:
    """PostgreSQL refused a prepared statement whose result type a schema change altered
    (known by the function that raises it: the message is translated)."""
    import psycopg

    cause = error.__cause__
    return (
        isinstance(cause, psycopg.errors.FeatureNotSupported)
        and cause.diag.source_function == "RevalidateCachedQuery"
    )


def _unprepare(raw) -> None:
    raw.prepare_threshold = None


def _read_again_unprepared(execute, sql, params, many, context):
    """An execute wrapper: a statement the session lost is run again, unprepared."""
    global _lost
    try:
        return execute(sql, params, many, context)
    except Exception as error:
        connection = context["connection"]
        if _plan_outdated(error):
            if connection.in_atomic_block:
                raise  # aborted: its rollback drops the connection's statements
            with connection.connection.cursor() as raw:
                raw.execute("DEALLOCATE ALL")  # psycopg forgets its names with it
            return execute(sql, params, many, context)
        if not _lost_statement(error):
            raise
        if not _lost:
            log.error(
                "PostgreSQL lost a prepared statement (%s): a pooler in transaction mode "
                "sits between this process and the database. Prepared statements are off "
                "in this process from now on; set DATABASE_PREPARED_STATEMENTS=false, or "
                "PgBouncer 1.21+ with max_prepared_statements.",
                error,
            )
        _lost = True
        _unprepare(connection.connection)
        if connection.in_atomic_block:
            raise  # the transaction is aborted: its request fails, the next ones do not
        return execute(sql, params, many, context)


@receiver(connection_created)
def _on_new_connection(sender, connection, **kwargs) -> None:
    if connection.vendor != "postgresql":
        return
    raw = connection.connection
    if getattr(raw, "prepare_threshold", None) is None:
        return  # preparing is off (Django's default, or DATABASE_PREPARED_STATEMENTS=false)
    if _lost:
        _unprepare(raw)
        return
    # psycopg names a connection's statements _pg3_0, _pg3_1, … in every connection alike,
    # from a private counter: it has no public way to name them (prepare_threshold and
    # prepared_max say when and how many, not under what name). The counter is moved to a
    # random start here; tests/hrdd/test_prepared.py fails if a psycopg release renames or
    # drops it, and without it this process does not prepare, and says so once.
    names = getattr(raw, "_prepared", None)
    if not isinstance(getattr(names, "_prepared_idx", None), int):
        _no_counter()
        _unprepare(raw)
        return
    names._prepared_idx = secrets.randbits(48)
    if _read_again_unprepared not in connection.execute_wrappers:
        # First, so that it is the outermost, and so that `connection.execute_wrapper()`
        # (which removes the last one when it ends) never removes it.
        connection.execute_wrappers.insert(0, _read_again_unprepared)
