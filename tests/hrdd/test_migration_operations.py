"""Dropping a foreign key's index never re-creates the key's constraint: re-adding it
checks every deal or case with the table locked, holding registrations up during `migrate`
(and SQLite would rebuild the table)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db

MIGRATIONS = [
    ("opportunities", "0007_indexes_not_written_twice"),
    ("reviews", "0005_indexes_not_written_twice"),
]


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(("app", "name"), MIGRATIONS)
def test_dropping_a_foreign_keys_index_leaves_its_constraint_alone(app, name):
    executor = MigrationExecutor(connection)
    migration = executor.loader.get_migration(app, name)
    state = executor.loader.project_state(
        [(app, dep) for a, dep in migration.dependencies if a == app]
    )
    with connection.schema_editor(collect_sql=True, atomic=migration.atomic) as editor:
        migration.apply(state, editor, collect_sql=True)
    sql = "\n".join(editor.collected_sql).upper()
    assert "CONSTRAINT" not in sql
    assert "FOREIGN KEY" not in sql
    assert "NEW__" not in sql  # SQLite's rebuilt table


DROPPED = {
    "opportunities": ("opportunities_opportunity", ["owner_id", "submitted_by_organisation_id"]),
    "reviews": ("reviews_reviewcase", ["hard_stop_cleared_by_id", "recommended_by_id"]),
}


@pytest.mark.parametrize("app", DROPPED)
def test_the_foreign_keys_own_indexes_are_gone(app):
    """Under the names Django gave them; the keys' constraints are still there."""
    table, columns = DROPPED[app]
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, table)
    editor = connection.schema_editor()  # only its naming, never entered
    names = {editor._create_index_name(table, [column], suffix="") for column in columns}
    assert not names & set(constraints)
    keys = {c["columns"][0] for c in constraints.values() if c["foreign_key"]}
    assert set(columns) <= keys
