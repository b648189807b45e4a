"""Django's ``flush`` (empty every table), which on SQLite lifts the audit log's DELETE trigger for
its own statements: emptying the whole database is no attack on one line of the log, and the test
framework empties the database this way between transactional tests. PostgreSQL's flush is a
TRUNCATE, which fires no row trigger."""

from __future__ import annotations

from typing import Any

from django.core.management.commands import flush
from django.db import connections

from gongkai.audit.appendonly import AUDIT_REFUSALS, AUDIT_TABLE, create_trigger, drop_trigger

TABLE = AUDIT_TABLE


class Command(flush.Command):
    help = "清空数据库的全部数据（Django 的 flush；测试框架也用它）。审计日志的删除保护只为这一条语句暂时解除。"

    def handle(self, **options: Any) -> None:
        connection = connections[options["database"]]
        if connection.vendor != "sqlite" or TABLE not in connection.introspection.table_names():
            return super().handle(**options)
        editor = _Statements(connection)
        drop_trigger(editor, TABLE, "DELETE")
        try:
            super().handle(**options)
        finally:
            create_trigger(editor, TABLE, "DELETE", AUDIT_REFUSALS["DELETE"])


class _Statements:
    """What the trigger helpers need of a schema editor: the connection and ``execute``."""

    def __init__(self, connection: Any) -> None:
        self.connection = connection

    def execute(self, sql: str) -> None:
        with self.connection.cursor() as cursor:
            cursor.execute(sql)
