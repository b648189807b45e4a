"""Database triggers that refuse UPDATE (and, for the audit log, DELETE) of an append-only table,
on SQLite and on PostgreSQL.

Used by the migrations of the audit log and of the event and score tables. Those refuse
UPDATE only; the audit log refuses DELETE too (its hash chain would break anyway, the trigger
stops it being done by mistake or by the application's own account). Emptying a whole test
database still works: PostgreSQL's TRUNCATE fires no row trigger, and on SQLite ``gongkai flush``
lifts the audit log's DELETE trigger for its own statement (``audit/management/commands/flush.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

MigrationStep = Callable[[Any, Any], None]

AUDIT_TABLE = "audit_auditentry"
AUDIT_REFUSALS = {"UPDATE": "audit log is append-only", "DELETE": "audit log is append-only: no row may be deleted"}


def create_trigger(schema_editor: Any, table: str, operation: str, message: str) -> None:
    """``operation`` is UPDATE or DELETE: refuse it on every row of ``table``."""
    vendor, name = schema_editor.connection.vendor, f"{table}_no_{operation.lower()}"
    if vendor == "sqlite":
        schema_editor.execute(
            f"CREATE TRIGGER {name} BEFORE {operation} ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{message}'); END;"
        )
    elif vendor == "postgresql":
        function = f"{table}_refuse_{operation.lower()}"
        schema_editor.execute(
            f"CREATE OR REPLACE FUNCTION {function}() RETURNS trigger AS $$ "
            f"BEGIN RAISE EXCEPTION '{message}'; END; $$ LANGUAGE plpgsql;"
        )
        schema_editor.execute(
            f"CREATE TRIGGER {name} BEFORE {operation} ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION {function}();"
        )


def drop_trigger(schema_editor: Any, table: str, operation: str) -> None:
    vendor = schema_editor.connection.vendor
    if vendor in ("sqlite", "postgresql"):
        suffix = f" ON {table}" if vendor == "postgresql" else ""
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_no_{operation.lower()}{suffix};")


def refuse(table: str, operation: str, message: str) -> tuple[MigrationStep, MigrationStep]:
    """The forward and backward functions of a ``RunPython`` that guards ``table``."""

    def create(apps: Any, schema_editor: Any) -> None:
        create_trigger(schema_editor, table, operation, message)

    def drop(apps: Any, schema_editor: Any) -> None:
        drop_trigger(schema_editor, table, operation)

    return create, drop


def refuse_update(table: str, message: str) -> tuple[MigrationStep, MigrationStep]:
    return refuse(table, "UPDATE", message)
