"""Appending to the audit chain one writer at a time, and verifying it (``gongkai audit verify``,
the daily job).

Two transactions must never hash their rows after the same predecessor: on PostgreSQL the append
takes a transaction-scoped advisory lock, held until the commit, before it reads the last row; on
SQLite the transactions begin IMMEDIATE (see ``config.sqlite_database``), so the writer already
holds the database's one write lock. Ids are therefore given out in chain order, and the chain is
walked by id.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import connection, transaction

from gongkai.rules import auditchain

if TYPE_CHECKING:
    from gongkai.audit.models import AuditEntry

# pg_advisory_xact_lock's key for "the audit chain": any constant the platform uses for nothing else
LOCK_KEY = 0x676B61756474  # "gkaudt"
BATCH = 2000


def algorithm() -> auditchain.Algorithm:
    return auditchain.Algorithm(getattr(settings, "GONGKAI_AUDIT_HASH", "sha256"))


def append(entry: AuditEntry, insert: Callable[[], None]) -> None:
    """Hash ``entry`` after the last row and ``insert`` it, under the chain's lock."""
    from gongkai.audit.models import AuditEntry

    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("audit rows are appended inside transaction.atomic()")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [LOCK_KEY])
    last = AuditEntry.objects.order_by("-id").values_list("row_hash", flat=True).first()
    entry.chain_algorithm = algorithm().value
    entry.prev_hash = last or auditchain.GENESIS
    entry.row_hash = auditchain.link(entry.chain_algorithm, entry.prev_hash, entry.chain_content())
    insert()


class _StoredHashes:
    """``hash in stored``: whether any row of the log carries that hash (asked only on a break)."""

    def __contains__(self, value: object) -> bool:
        from gongkai.audit.models import AuditEntry

        return isinstance(value, str) and AuditEntry.objects.filter(row_hash=value).exists()


def _rows() -> Iterator[auditchain.ChainRow]:
    from gongkai.audit.models import AuditEntry

    after = 0
    while True:
        batch = list(AuditEntry.objects.filter(id__gt=after).order_by("id")[:BATCH])
        for entry in batch:
            yield auditchain.ChainRow(entry.pk, entry.chain_algorithm, entry.prev_hash, entry.row_hash,
                                      entry.chain_content())
        if len(batch) < BATCH:
            return
        after = batch[-1].pk


def verify() -> auditchain.Verdict:
    """The whole log walked by id in batches (a log of millions of rows is never in memory)."""
    return auditchain.verify(_rows(), _StoredHashes())


def describe(verdict: auditchain.Verdict) -> str:
    if verdict.broken is not None:
        return verdict.broken.describe() + f"；此前 {verdict.count} 条记录校验通过"
    return f"OK 审计日志完整：共 {verdict.count} 条记录，哈希链无断点"


# The audit actions of a verification: the chain whole, or broken.
VERIFIED, BROKEN = "audit_chain_verified", "audit_chain_broken"


def last_check() -> AuditEntry | None:
    """The newest verification's audit row, or None before the first."""
    from gongkai.audit.models import AuditEntry

    return AuditEntry.objects.filter(action__in=(VERIFIED, BROKEN)).order_by("-pk").first()


def verify_and_report() -> auditchain.Verdict:
    """The daily job's work: verify the chain, keep the result in the log itself and, when it is
    broken, tell every office administrator by a notice (站内通知) that names the broken link."""
    from django.urls import reverse

    from gongkai.audit.context import SYSTEM
    from gongkai.audit.log import record
    from gongkai.orgs.models import Role, User
    from gongkai.orgs.notices import Message, notify

    verdict = verify()
    with transaction.atomic():
        record(VERIFIED if verdict.ok else BROKEN, actor=SYSTEM,
               object_type="audit.auditentry", object_repr="审计日志哈希链",
               after={"count": verdict.count, "head_id": verdict.head_id,
                      "broken_id": verdict.broken.row_id if verdict.broken else None,
                      "kind": verdict.broken.kind.value if verdict.broken else None})
        if not verdict.ok:
            office = User.objects.filter(is_active=True, roles__role=Role.OFFICE_ADMIN).distinct()
            message = Message("审计日志校验失败：哈希链断开", describe(verdict) + "。请立即核查数据库访问记录，并从备份中比对。",
                              reverse("audit:list"))
            notify((person, message) for person in office)
    return verdict
