"""The audit log as a hash chain in the database: an attacker with rights on the database itself
(who drops the trigger, deletes or rewrites, and puts the trigger back) is named by
``gongkai audit verify``; two writers never fork the chain; the daily job tells the office."""

from __future__ import annotations

import io
import threading
from contextlib import contextmanager

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, connections, transaction

from gongkai.audit import chain
from gongkai.audit.log import record
from gongkai.audit.models import AuditEntry
from gongkai.orgs.models import Notice

pytestmark = pytest.mark.django_db

COLUMNS = ["created_at", "actor_id", "actor_label", "action", "object_type", "object_id", "object_repr",
           "unit_id", "before", "after", "ip_address", "chain_algorithm", "prev_hash", "row_hash"]


def write(count: int, unit) -> list[int]:
    ids = []
    for number in range(count):
        with transaction.atomic():
            ids.append(record("unit_updated", unit, after={"step": number}).pk)
    return ids


def verify_command() -> tuple[int, str]:
    out = io.StringIO()
    try:
        call_command("audit", "verify", stdout=out)
    except SystemExit as stop:
        return int(stop.code or 0), out.getvalue()
    return 0, out.getvalue()


@contextmanager
def guards_lifted():
    """The triggers dropped for the moment, the way someone with database rights would."""
    from gongkai.audit.appendonly import AUDIT_REFUSALS, AUDIT_TABLE, create_trigger
    from gongkai.audit.management.commands.flush import _Statements

    on = " ON audit_auditentry" if connection.vendor == "postgresql" else ""
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TRIGGER audit_auditentry_no_update{on}")
        cursor.execute(f"DROP TRIGGER audit_auditentry_no_delete{on}")
    yield
    for operation, message in AUDIT_REFUSALS.items():
        create_trigger(_Statements(connection), AUDIT_TABLE, operation, message)


def as_attacker(*statements: tuple[str, list]) -> None:
    """Raw SQL with the guards lifted."""
    with guards_lifted(), connection.cursor() as cursor:
        for sql, params in statements:
            cursor.execute(sql, params)


def test_each_row_carries_the_hash_of_the_one_before(unit_a, settings):
    first, second = write(2, unit_a)
    settings.GONGKAI_AUDIT_HASH = "sm3"
    (third,) = write(1, unit_a)
    rows = {entry.pk: entry for entry in AuditEntry.objects.all()}
    assert rows[second].prev_hash == rows[first].row_hash
    assert rows[third].prev_hash == rows[second].row_hash
    assert [rows[pk].chain_algorithm for pk in (first, second, third)] == ["sha256", "sha256", "sm3"]
    assert verify_command() == (0, f"OK 审计日志完整：共 {len(rows)} 条记录，哈希链无断点\n")


def test_what_the_database_gives_back_hashes_as_it_was_written(unit_a):
    from gongkai.audit.context import Actor

    with transaction.atomic():
        record("unit_updated", unit_a, actor=Actor(user=None, ip_address="::ffff:1.2.3.4", label="外部"),
               before={"名称": "示范市财政局", "n": [1, 2.5]}, after={"big": 1e16, "small": 1e-05, "nul": None})
        record("unit_updated", unit_a, actor=Actor(user=None, ip_address="2001:db8:0:0::1"))
    assert verify_command()[0] == 0


def test_the_database_refuses_delete_as_well_as_update(unit_a):
    (pk,) = write(1, unit_a)
    for sql in ("DELETE FROM audit_auditentry WHERE id = %s", "UPDATE audit_auditentry SET action = 'x' WHERE id = %s"):
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, [pk])
    assert AuditEntry.objects.filter(pk=pk, action="unit_updated").exists()


def test_verify_names_a_row_deleted_with_raw_sql(unit_a):
    ids = write(5, unit_a)
    as_attacker(("DELETE FROM audit_auditentry WHERE id = %s", [ids[2]]))
    code, out = verify_command()
    assert code == 1
    assert f"id={ids[3]}" in out and "deleted" in out and "被删除" in out


def test_verify_names_a_changed_row(unit_a):
    ids = write(4, unit_a)
    as_attacker(("UPDATE audit_auditentry SET actor_label = %s WHERE id = %s", ["无名氏", ids[1]]))
    code, out = verify_command()
    assert code == 1
    assert f"id={ids[1]}" in out and "changed" in out


def test_verify_names_a_swapped_pair(unit_a):
    ids = write(4, unit_a)
    columns = ", ".join(COLUMNS)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {columns} FROM audit_auditentry WHERE id IN (%s, %s) ORDER BY id", ids[1:3])
        one, two = cursor.fetchall()
    assignment = ", ".join(f"{name} = %s" for name in COLUMNS)
    as_attacker((f"UPDATE audit_auditentry SET {assignment} WHERE id = %s", [*two, ids[1]]),
                (f"UPDATE audit_auditentry SET {assignment} WHERE id = %s", [*one, ids[2]]))
    code, out = verify_command()
    assert code == 1
    assert f"id={ids[1]}" in out and "reordered" in out


def test_the_daily_job_tells_the_office_when_the_chain_is_broken(unit_a, office_admin, clerk_a):
    ids = write(3, unit_a)
    assert chain.verify_and_report().ok
    assert not Notice.objects.exists()
    as_attacker(("DELETE FROM audit_auditentry WHERE id = %s", [ids[0]]))
    assert not chain.verify_and_report().ok
    notice = Notice.objects.get()
    assert notice.user == office_admin and "审计日志校验失败" in notice.title
    assert f"id={ids[1]}" in notice.body
    assert AuditEntry.objects.filter(action="audit_chain_broken").exists()


@pytest.mark.django_db(transaction=True)
def test_two_writers_at_once_never_fork_the_chain(file_database, unit_a):
    start = threading.Barrier(2)

    def writer(name: str) -> None:
        try:
            start.wait()
            for number in range(15):
                with transaction.atomic():
                    record(name, unit_a, after={"n": number})
        finally:
            connections.close_all()

    threads = [threading.Thread(target=writer, args=(name,)) for name in ("writer_a", "writer_b")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    verdict = chain.verify()
    assert verdict.ok and verdict.count == AuditEntry.objects.count() >= 30
    assert len(set(AuditEntry.objects.values_list("prev_hash", flat=True))) == verdict.count


def test_the_migration_chains_the_rows_written_before_the_chain(unit_a):
    import importlib

    from django.db.migrations.loader import MigrationLoader

    write(3, unit_a)
    as_attacker(("UPDATE audit_auditentry SET chain_algorithm = '', prev_hash = '', row_hash = ''", []))
    assert verify_command()[0] == 1
    migration = importlib.import_module("gongkai.audit.migrations.0004_hash_chain")
    historical = MigrationLoader(connection).project_state(("audit", "0004_hash_chain")).apps
    with guards_lifted():  # as the migration lifts the UPDATE guard while it fills the new columns
        migration.chain_existing_rows(historical, None)
    assert verify_command() == (0, f"OK 审计日志完整：共 {AuditEntry.objects.count()} 条记录，哈希链无断点\n")


def test_the_audit_log_page_shows_the_last_check_and_verifies_on_request(
    unit_a, office_admin, clerk_a, login, immediate_jobs, django_capture_on_commit_callbacks,
):
    write(3, unit_a)
    admin = login(office_admin)
    assert "尚未校验过" in admin.get("/console/audit/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        admin.post("/console/audit/verify/")
    page = admin.get("/console/audit/").content.decode()
    assert "已开始校验" in page and "最近一次校验" in page and "完整" in page
    assert AuditEntry.objects.filter(action="audit_chain_verified").count() == 1

    ids = list(AuditEntry.objects.order_by("pk").values_list("pk", flat=True))
    as_attacker(("DELETE FROM audit_auditentry WHERE id = %s", [ids[1]]))
    with django_capture_on_commit_callbacks(execute=True):
        admin.post("/console/audit/verify/")
    page = admin.get("/console/audit/").content.decode()
    assert f"在记录 {ids[2]} 处断开" in page
    assert login(clerk_a).post("/console/audit/verify/").status_code == 403  # the office only
