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


def _links():
    from opportunities.models import ChannelEntry, Opportunity
    from reviews.models import ReviewCase

    return [
        (Opportunity, "owner"),
        (Opportunity, "submitted_by_organisation"),
        (ChannelEntry, "organisation"),
        (ReviewCase, "assignee"),
        (ReviewCase, "hard_stop_cleared_by"),
        (ReviewCase, "previous_case"),
        (ReviewCase, "recommended_by"),
    ]


@pytest.mark.parametrize(
    ("model", "name"), _links(), ids=lambda v: v if isinstance(v, str) else v.__name__
)
def test_every_dropped_key_keeps_only_the_indexes_its_model_declares(model, name):
    """Whatever name the database gave it: a column whose key index the migrations drop
    has no index of its own left but those the model declares (the partial ones), and
    its constraint."""
    table = model._meta.db_table
    column = model._meta.get_field(name).column
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, table)
    on_column = {
        index
        for index, c in constraints.items()
        if c["index"] and c["columns"] == [column] and not (c["unique"] or c["primary_key"])
    }
    assert on_column <= {index.name for index in model._meta.indexes}
    assert any(c["foreign_key"] and c["columns"] == [column] for c in constraints.values())
