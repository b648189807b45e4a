"""One consistent, dated backup archive of the platform, and its restore into an empty place.

The archive (``gongkai-backup-YYYYMMDD-HHMMSS.tar.gz``) holds:

- ``database.sqlite3`` (SQLite's online backup API: one consistent copy while the site serves) or
  ``database.pgdump`` (``pg_dump -Fc`` of the server's own major version, run in the snapshot of a
  REPEATABLE READ transaction, the same snapshot the counts are taken in);
- ``media/…``: the uploads (identity proofs, attachments, evidence, imported files), copied after
  the database: every upload is written before the transaction that refers to it, so every file
  the database copy names is there;
- ``manifest.json``: engine, time, the secret key's fingerprint (never the key), the number of
  rows of every table, the head of the audit chain and the SHA-256 of every other part.

``restore`` checks everything before it writes anything: a damaged archive (not an archive,
truncated, a part whose hash differs, a part too many or missing) or a mismatched one (another
engine, another secret key, a target that is not empty) is refused with a Chinese message, and
nothing is left behind.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO, Any

from django.conf import settings
from django.db import connection, connections, transaction
from django.utils import timezone

from gongkai.rules import backups

FORMAT = "gongkai-backup"
VERSION = 1
MANIFEST = "manifest.json"
MEDIA = "media"
DATABASE_PARTS = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
RESTORED_MARKER = "restored-manifest.json"
CHUNK = 1024 * 1024


class BackupError(Exception):
    """Why a backup or a restore cannot be done, in Chinese, for the operator."""


def key_fingerprint(key: str | None = None) -> str:
    """A fingerprint of the secret key: tells whether two installations share it, never the key."""
    material = (key if key is not None else settings.SECRET_KEY).encode("utf-8")
    return hashlib.sha256(b"gongkai secret key fingerprint\0" + material).hexdigest()[:32]


@dataclass(frozen=True)
class Result:
    path: Path
    manifest: dict[str, Any]

    def summary(self) -> str:
        tables, parts = self.manifest["tables"], self.manifest["parts"]
        files = sum(1 for name in parts if name.startswith(MEDIA + "/"))
        return (f"{self.path}：{self.manifest['engine']} 数据库 {len(tables)} 张表 "
                f"{sum(tables.values())} 行，上传文件 {files} 个")


# --- making an archive ---------------------------------------------------------------------------


def create(directory: Path | None = None) -> Result:
    """Write one archive into ``directory`` (``GONGKAI_BACKUP_DIR``); a partial archive never
    carries the final name."""
    directory = Path(directory or settings.GONGKAI_BACKUP_DIR)
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    started = timezone.localtime()
    path = directory / backups.archive_name(started.replace(tzinfo=None))
    with tempfile.TemporaryDirectory(dir=directory, prefix=".partial-") as work:
        database, snapshot = _dump_database(Path(work))
        partial = Path(work) / path.name
        parts: dict[str, dict[str, Any]] = {}
        with tarfile.open(partial, "w:gz", compresslevel=6) as archive:
            parts[database.name] = _add(archive, database, database.name)
            for file, name in _media_files():
                try:
                    parts[name] = _add(archive, file, name)
                except FileNotFoundError:  # removed since the listing (a failed filing's upload)
                    continue
            manifest = {
                "format": FORMAT, "version": VERSION, "created_at": started.isoformat(),
                "engine": connection.vendor, "secret_key_fingerprint": key_fingerprint(),
                "tables": snapshot["tables"], "audit_chain": snapshot["audit_chain"], "parts": parts,
            }
            data = json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")
            info = tarfile.TarInfo(MANIFEST)
            info.size, info.mtime = len(data), int(started.timestamp())
            archive.addfile(info, io.BytesIO(data))
        partial.chmod(0o600)  # personal data: readable by the platform's account only
        os.replace(partial, path)
    return Result(path, manifest)


def create_and_record(directory: Path | None = None) -> Result:
    """``create``, then the archive noted in the audit log (after the copy: not in it)."""
    from gongkai.audit.log import record

    result = create(directory)
    tables, parts = result.manifest["tables"], result.manifest["parts"]
    with transaction.atomic():
        record("backup_created", object_type="backup.archive", object_repr=result.path.name, after={
            "path": str(result.path), "tables": len(tables), "rows": sum(tables.values()),
            "files": sum(1 for name in parts if name.startswith(MEDIA + "/")),
            "audit_head_id": result.manifest["audit_chain"]["head_id"],
        })
    return result


def _media_files() -> Iterator[tuple[Path, str]]:
    root = Path(settings.MEDIA_ROOT)
    if not root.is_dir():
        return
    for file in sorted(root.rglob("*")):
        if file.is_file() and not file.is_symlink():
            yield file, f"{MEDIA}/{file.relative_to(root).as_posix()}"


def _add(archive: tarfile.TarFile, file: Path, name: str) -> dict[str, Any]:
    with file.open("rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        info = tarfile.TarInfo(name)
        info.size, info.mtime, info.mode = size, int(file.stat().st_mtime), 0o600
        reader = _Reader(handle)
        archive.addfile(info, reader)
    return {"sha256": reader.hash.hexdigest(), "bytes": size}


class _Reader:
    """A file read through once, hashing what is read (tarfile reads exactly ``size`` bytes)."""

    def __init__(self, handle: IO[bytes]) -> None:
        self.handle, self.hash = handle, hashlib.sha256()

    def read(self, size: int = -1) -> bytes:
        data = self.handle.read(size)
        self.hash.update(data)
        return data


def _dump_database(work: Path) -> tuple[Path, dict[str, Any]]:
    if connection.vendor == "sqlite":
        return _dump_sqlite(work)
    if connection.vendor == "postgresql":
        return _dump_postgresql(work)
    raise BackupError(f"不支持备份 {connection.vendor} 数据库")


def _dump_sqlite(work: Path) -> tuple[Path, dict[str, Any]]:
    target = work / DATABASE_PARTS["sqlite"]
    connection.ensure_connection()
    copy = sqlite3.connect(target)
    try:
        connection.connection.backup(copy)  # all pages in one step: one consistent state
        cursor = copy.cursor()
        names = [row[0] for row in cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        snapshot = _snapshot(cursor, names)
    finally:
        copy.close()
    return target, snapshot


def _snapshot(cursor: Any, tables: list[str]) -> dict[str, Any]:
    """Rows per table and the audit chain's head, read in the one state the copy holds."""
    quote = connection.ops.quote_name
    counts = {}
    for name in tables:
        cursor.execute(f"SELECT COUNT(*) FROM {quote(name)}")
        counts[name] = int(cursor.fetchone()[0])
    head: dict[str, Any] = {"count": counts.get("audit_auditentry", 0), "head_id": None, "head_hash": ""}
    if "audit_auditentry" in counts:
        cursor.execute("SELECT id, row_hash FROM audit_auditentry ORDER BY id DESC LIMIT 1")
        row = cursor.fetchone()
        if row:
            head.update(head_id=int(row[0]), head_hash=row[1])
    return {"tables": counts, "audit_chain": head}


def postgres_tool(name: str, major: int | None = None) -> Path:
    """``pg_dump``/``pg_restore`` of the server's major version (a newer one reads older servers,
    an older one refuses newer ones): Debian's ``/usr/lib/postgresql/N/bin`` first, as
    ``scripts/test.sh`` finds the server, then the one on the PATH."""
    major = major or connection.pg_version // 10000
    candidates = [Path(f"/usr/lib/postgresql/{major}/bin/{name}")]
    candidates += sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"), reverse=True)
    if found := shutil.which(name):
        candidates.append(Path(found))
    for tool in candidates:
        if tool.is_file() and os.access(tool, os.X_OK) and _major(tool) >= major:
            return tool
    raise BackupError(f"未找到 PostgreSQL {major} 或更新版本的 {name}：请安装 postgresql-client-{major}"
                      f"（apt-get install postgresql-client-{major}）")


def _major(tool: Path) -> int:
    try:
        out = subprocess.run([str(tool), "--version"], capture_output=True, text=True, timeout=30).stdout
        return int(out.split()[-1].split(".")[0])
    except (OSError, ValueError, IndexError, subprocess.SubprocessError):
        return 0


def _pg_environment() -> tuple[list[str], dict[str, str]]:
    params = connection.settings_dict
    args = ["--host", params["HOST"] or "localhost", "--username", params["USER"] or "postgres"]
    if params.get("PORT"):
        args += ["--port", str(params["PORT"])]
    env = {**os.environ, "PGPASSWORD": params.get("PASSWORD") or "", "PGCONNECT_TIMEOUT": "10"}
    return args, env


def _dump_postgresql(work: Path) -> tuple[Path, dict[str, Any]]:
    target = work / DATABASE_PARTS["postgresql"]
    pg_dump = postgres_tool("pg_dump")
    args, env = _pg_environment()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot_id = cursor.fetchone()[0]
        snapshot = _snapshot(cursor, sorted(connection.introspection.table_names(cursor)))
        done = subprocess.run(
            [str(pg_dump), *args, "--format=custom", "--no-owner", "--no-privileges",
             f"--snapshot={snapshot_id}", "--file", str(target), connection.settings_dict["NAME"]],
            capture_output=True, text=True, env=env, timeout=3600,
        )
    if done.returncode != 0:
        raise BackupError(f"pg_dump 失败：{done.stderr.strip()[-500:]}")
    return target, snapshot


# --- reading and restoring an archive --------------------------------------------------------------


def read_manifest(path: Path) -> dict[str, Any]:
    """The manifest of the archive at ``path``; :class:`BackupError` when it is none."""
    try:
        with tarfile.open(path, "r:gz") as archive:
            member = archive.getmember(MANIFEST)
            handle = archive.extractfile(member)
            if handle is None or member.size > 50 * CHUNK:
                raise BackupError("备份文件损坏：清单不是普通文件")
            manifest = json.loads(handle.read().decode("utf-8"))
    except FileNotFoundError:
        raise BackupError(f"备份文件不存在：{path}") from None
    except IsADirectoryError:
        raise BackupError(f"这是一个目录，不是备份文件：{path}") from None
    except KeyError:
        raise BackupError("备份文件损坏：缺少清单 manifest.json") from None
    except (tarfile.TarError, EOFError, zlib.error, OSError) as error:
        raise BackupError(f"不是完整的平台备份文件（文件已损坏或被截断）：{error}") from None
    except (UnicodeDecodeError, ValueError):
        raise BackupError("备份文件损坏：清单不是有效的 JSON") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT or manifest.get("version") != VERSION:
        raise BackupError("不是本平台的备份文件（清单格式不符）")
    return manifest


def restore(path: Path) -> dict[str, Any]:
    """Restore the archive at ``path`` into this installation's empty database and media
    directory; every check passes before anything is written."""
    manifest = read_manifest(path)
    _refuse_mismatch(manifest)
    var_dir = Path(settings.VAR_DIR)
    var_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=var_dir, prefix=".restore-"))
    try:
        _extract_verified(path, manifest, staging)
        _install(manifest, staging)
        (var_dir / RESTORED_MARKER).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return manifest


def _install(manifest: dict[str, Any], staging: Path) -> None:
    """The uploads first, then the database; the uploads are taken back if the database fails."""
    root, placed = Path(settings.MEDIA_ROOT), False
    try:
        if (staging / MEDIA).is_dir():
            if root.is_dir():
                root.rmdir()  # empty: checked before
            root.parent.mkdir(parents=True, exist_ok=True)
            placed = True
            shutil.move(staging / MEDIA, root)  # a rename, or a copy onto another disk
        _install_database(manifest, staging)
    except BaseException:
        if placed:
            shutil.rmtree(root, ignore_errors=True)
        raise


def _refuse_mismatch(manifest: dict[str, Any]) -> None:
    engine = manifest.get("engine")
    if engine != connection.vendor:
        raise BackupError(f"备份来自 {engine} 数据库，本平台配置的是 {connection.vendor}：请使用相同类型的数据库恢复")
    if manifest.get("secret_key_fingerprint") != key_fingerprint():
        raise BackupError("备份的密钥指纹与本平台的密钥不符：请先设置原平台的 GONGKAI_SECRET_KEY"
                          "（或放回原来的 var/secret_key），再恢复")
    if tables := _existing_tables():
        raise BackupError(f"目标数据库不是空的（已有 {len(tables)} 张表）：只能恢复到空数据库")
    root = Path(settings.MEDIA_ROOT)
    if root.exists() and (not root.is_dir() or any(root.iterdir())):
        raise BackupError(f"上传文件目录 {root} 不是空的：只能恢复到空目录")


def _existing_tables() -> list[str]:
    if connection.vendor == "sqlite" and not Path(connection.settings_dict["NAME"]).exists():
        return []
    with connection.cursor() as cursor:
        return list(connection.introspection.table_names(cursor))


def _safe_name(name: str) -> bool:
    path = PurePosixPath(name)
    return not path.is_absolute() and ".." not in path.parts and "\\" not in name and name == path.as_posix()


def _extract_verified(path: Path, manifest: dict[str, Any], staging: Path) -> None:
    """Every part, written under ``staging`` and hashed on the way; refused unless the set of
    parts and each hash is the manifest's."""
    parts: dict[str, Any] = manifest.get("parts") or {}
    database = DATABASE_PARTS[connection.vendor]
    if database not in parts:
        raise BackupError("备份文件损坏：清单中没有数据库")
    seen: set[str] = set()
    try:
        with tarfile.open(path, "r:gz") as archive:
            for member in archive:
                name = member.name
                if name == MANIFEST:
                    continue
                if name not in parts or name in seen or not member.isfile() or not _safe_name(name):
                    raise BackupError(f"备份文件损坏：包含清单之外的内容 {name!r}")
                if name != database and not name.startswith(MEDIA + "/"):
                    raise BackupError(f"备份文件损坏：包含清单之外的内容 {name!r}")
                target = staging / name
                target.parent.mkdir(parents=True, exist_ok=True)
                digest = hashlib.sha256()
                source = archive.extractfile(member)
                assert source is not None  # a regular file
                with target.open("wb") as out:
                    while chunk := source.read(CHUNK):
                        digest.update(chunk)
                        out.write(chunk)
                if digest.hexdigest() != parts[name].get("sha256"):
                    raise BackupError(f"备份文件损坏：{name} 的 SHA-256 与清单不符")
                seen.add(name)
    except (tarfile.TarError, EOFError, zlib.error, OSError) as error:
        raise BackupError(f"备份文件损坏或被截断：{error}") from None
    if missing := sorted(set(parts) - seen):
        raise BackupError(f"备份文件不完整：缺少 {len(missing)} 个部分（如 {missing[0]}）")


def _check_sqlite_file(part: Path) -> None:
    """The database file opens and passes SQLite's own check (its hash only says it is the one
    the manifest names, not that the manifest was made from a sound file)."""
    try:
        staged = sqlite3.connect(f"file:{part}?mode=ro", uri=True)
        try:
            verdict = staged.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            staged.close()
    except sqlite3.DatabaseError as error:
        raise BackupError(f"备份中的数据库文件已损坏：{error}") from None
    if verdict != "ok":
        raise BackupError(f"备份中的数据库文件已损坏：{verdict}")


def _install_database(manifest: dict[str, Any], staging: Path) -> None:
    part = staging / DATABASE_PARTS[connection.vendor]
    if connection.vendor == "sqlite":
        _check_sqlite_file(part)
        target = Path(connection.settings_dict["NAME"])
        connections.close_all()
        for suffix in ("-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".restoring")
        try:
            shutil.move(part, partial)  # a rename, or a copy when the database is on another disk
            os.replace(partial, target)
        finally:
            partial.unlink(missing_ok=True)
        return
    pg_restore = postgres_tool("pg_restore")
    args, env = _pg_environment()
    done = subprocess.run(
        [str(pg_restore), *args, "--single-transaction", "--exit-on-error", "--no-owner",
         "--no-privileges", "--dbname", connection.settings_dict["NAME"], str(part)],
        capture_output=True, text=True, env=env, timeout=3600,
    )
    if done.returncode != 0:
        raise BackupError(f"pg_restore 失败（数据库未作任何改动）：{done.stderr.strip()[-500:]}")


# --- after a restore: ``gongkai check`` ---------------------------------------------------------


def restored_counts_problems() -> tuple[dict[str, Any] | None, list[str]]:
    """When a restore left its manifest in ``var/``: the manifest and what differs from it now
    (tables with other row counts, the audit chain's head missing or changed)."""
    marker = Path(settings.VAR_DIR) / RESTORED_MARKER
    if not marker.exists():
        return None, []
    manifest = json.loads(marker.read_text(encoding="utf-8"))
    existing = set(_existing_tables())
    problems = []
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for name, expected in sorted(manifest["tables"].items()):
            if name not in existing:
                problems.append(f"缺少表 {name}（备份中有 {expected} 行）")
                continue
            cursor.execute(f"SELECT COUNT(*) FROM {quote(name)}")
            if (count := int(cursor.fetchone()[0])) != expected:
                problems.append(f"表 {name} 现有 {count} 行，备份清单中为 {expected} 行")
        head = manifest.get("audit_chain") or {}
        if head.get("head_id"):
            cursor.execute("SELECT row_hash FROM audit_auditentry WHERE id = %s", [head["head_id"]])
            row = cursor.fetchone()
            if row is None or row[0] != head["head_hash"]:
                problems.append(f"审计日志末条记录 id={head['head_id']} 缺失或与备份时不符")
    return manifest, problems


def mark_verified() -> None:
    """The counts matched: later checks no longer compare a living database with the backup."""
    var_dir = Path(settings.VAR_DIR)
    os.replace(var_dir / RESTORED_MARKER, var_dir / "restore-verified.json")


def prune(directory: Path | None = None) -> list[Path]:
    """Delete the archives that fall out of the retention (``GONGKAI_BACKUP_KEEP_DAILY``/``_WEEKLY``)."""
    directory = Path(directory or settings.GONGKAI_BACKUP_DIR)
    names = [entry.name for entry in directory.iterdir() if entry.is_file()] if directory.is_dir() else []
    gone = []
    for name in backups.to_delete(names, settings.GONGKAI_BACKUP_KEEP_DAILY, settings.GONGKAI_BACKUP_KEEP_WEEKLY):
        (directory / name).unlink(missing_ok=True)
        gone.append(directory / name)
    return gone
