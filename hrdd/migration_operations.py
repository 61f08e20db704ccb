"""Migration operations Django's own would do at a cost a running installation notices."""

from __future__ import annotations

from django.contrib.postgres.operations import AddIndexConcurrently, RemoveIndexConcurrently
from django.db import migrations


def foreign_key_index_dropped(app_label: str, alter: migrations.AlterField):
    """`alter` (a foreign key made `db_index=False`) as a plain DROP INDEX of the key's index.

    Django's AlterField drops and re-adds the foreign key's constraint, and re-adding it
    checks every row while the table is locked (SQLite rebuilds the whole table): a
    `migrate` would hold registrations up for as long as that takes. The index alone is
    what goes; undone, it is created again under the name Django gave it."""

    def index(apps, schema_editor):
        model = apps.get_model(app_label, alter.model_name)
        table = model._meta.db_table
        column = model._meta.get_field(alter.name).column
        name = schema_editor._create_index_name(table, [column], suffix="")
        return schema_editor.quote_name(name), schema_editor.quote_name(table), column

    def drop(apps, schema_editor):
        name, _table, _column = index(apps, schema_editor)
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")

    def create(apps, schema_editor):
        name, table, column = index(apps, schema_editor)
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({schema_editor.quote_name(column)})"
        )

    return migrations.SeparateDatabaseAndState(
        state_operations=[alter],
        database_operations=[migrations.RunPython(drop, create, elidable=False)],
    )


def pattern_indexes_dropped(columns: list[tuple[str, str]]):
    """PostgreSQL's `varchar_pattern_ops` twins of unique or indexed text columns, which
    serve only `LIKE 'prefix%'`: nothing here filters these columns so."""

    def names(schema_editor):
        return [
            (table, column, schema_editor._create_index_name(table, [column], suffix="_like"))
            for table, column in columns
        ]

    def drop(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for _table, _column, name in names(schema_editor):
                schema_editor.execute(f"DROP INDEX IF EXISTS {schema_editor.quote_name(name)}")

    def create(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            q = schema_editor.quote_name
            for table, column, name in names(schema_editor):
                schema_editor.execute(
                    f"CREATE INDEX IF NOT EXISTS {q(name)} ON {q(table)} ({q(column)} varchar_pattern_ops)"
                )

    return migrations.RunPython(drop, create, elidable=False)


class _ConcurrentlyOnPostgreSQL:
    """The concurrent operation on PostgreSQL; elsewhere `plain`, Django's own."""

    plain: type

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        self._run("database_forwards", app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        self._run("database_backwards", app_label, schema_editor, from_state, to_state)

    def _run(self, step, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            getattr(super(), step)(app_label, schema_editor, from_state, to_state)
        else:
            getattr(self.plain, step)(self, app_label, schema_editor, from_state, to_state)


class IndexAddedConcurrently(_ConcurrentlyOnPostgreSQL, AddIndexConcurrently):
    """`AddIndex` built with CREATE INDEX CONCURRENTLY on PostgreSQL: the table is read and
    written while the index is built (the migration must be `atomic = False`; a failed
    build leaves an invalid index of that name, to drop before migrating again). Elsewhere
    Django's own `AddIndex`."""

    plain = migrations.AddIndex


class IndexRemovedConcurrently(_ConcurrentlyOnPostgreSQL, RemoveIndexConcurrently):
    """`RemoveIndex` as DROP INDEX CONCURRENTLY on PostgreSQL (a plain one locks the table
    against reads); elsewhere Django's own."""

    plain = migrations.RemoveIndex
