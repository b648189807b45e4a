"""Database triggers that refuse UPDATE of an append-only table, on SQLite and on PostgreSQL.

Used by the migrations of the audit log and of the request events. DELETE is refused by the ORM
and the admin; it is not blocked by trigger so that the test framework can still empty tables
between tests (PostgreSQL's TRUNCATE would pass anyway).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

MigrationStep = Callable[[Any, Any], None]


def refuse_update(table: str, message: str) -> tuple[MigrationStep, MigrationStep]:
    """The forward and backward functions of a ``RunPython`` that guards ``table``."""

    def create(apps: Any, schema_editor: Any) -> None:
        vendor = schema_editor.connection.vendor
        if vendor == "sqlite":
            schema_editor.execute(
                f"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{message}'); END;"
            )
        elif vendor == "postgresql":
            schema_editor.execute(
                f"CREATE OR REPLACE FUNCTION {table}_refuse_update() RETURNS trigger AS $$ "
                f"BEGIN RAISE EXCEPTION '{message}'; END; $$ LANGUAGE plpgsql;"
            )
            schema_editor.execute(
                f"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} "
                f"FOR EACH ROW EXECUTE FUNCTION {table}_refuse_update();"
            )

    def drop(apps: Any, schema_editor: Any) -> None:
        vendor = schema_editor.connection.vendor
        if vendor in ("sqlite", "postgresql"):
            suffix = f" ON {table}" if vendor == "postgresql" else ""
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_no_update{suffix};")

    return create, drop
