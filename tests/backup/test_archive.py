"""``gongkai backup`` / ``gongkai restore`` / ``gongkai check``: the archive restores every row and
upload into an empty place; a damaged or mismatched archive is refused and leaves nothing."""

from __future__ import annotations

import hashlib
import io
import json
import tarfile
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from gongkai.audit.models import AuditEntry
from gongkai.backup import archive
from gongkai.foi.models import Request
from gongkai.rules.backups import archive_name
from tests.backup.conftest import file_request

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def made(source_media, unit_a, office_admin, tmp_path):
    requests = [file_request(unit_a, number) for number in range(2)]
    result = archive.create_and_record(tmp_path / "backups")
    return result, {request.id_proof.name: (source_media / request.id_proof.name).read_bytes() for request in requests}


def rewritten(path: Path, out: Path, change) -> Path:
    """A copy of the archive whose members went through ``change(name, data)`` (None drops one)."""
    with tarfile.open(path, "r:gz") as source:
        members = [(member.name, source.extractfile(member).read()) for member in source]
    with tarfile.open(out, "w:gz") as target:
        for name, data in members:
            for new_name, new_data in change(name, data):
                info = tarfile.TarInfo(new_name)
                info.size = len(new_data)
                target.addfile(info, io.BytesIO(new_data))
    return out


def test_the_archive_restores_every_row_and_upload_and_check_agrees(made, empty_target):
    result, uploads = made
    assert result.path.name.startswith("gongkai-backup-") and oct(result.path.stat().st_mode)[-3:] == "600"
    manifest = result.manifest
    assert manifest["engine"] == connection.vendor and manifest["tables"]["foi_request"] == 2
    assert "SECRET" not in json.dumps(manifest) and len(manifest["secret_key_fingerprint"]) == 32
    assert all(f"media/{name}" in manifest["parts"] for name in uploads)

    archive.restore(result.path)
    assert Request.objects.count() == 2
    for name, data in uploads.items():
        assert (empty_target.media / name).read_bytes() == data
    out = io.StringIO()
    call_command("check", stdout=out)
    assert "恢复核对通过" in out.getvalue()
    assert not (empty_target.var_dir / archive.RESTORED_MARKER).exists()


def test_check_names_a_table_that_lost_rows_since_the_backup(made, empty_target):
    archive.restore(made[0].path)
    from gongkai.orgs.models import UserRole

    UserRole.objects.all().delete()
    manifest, problems = archive.restored_counts_problems()
    assert problems == ["表 orgs_userrole 现有 0 行，备份清单中为 1 行"]
    with pytest.raises(SystemExit) as stop:
        call_command("check", stdout=io.StringIO(), stderr=io.StringIO())
    assert stop.value.code == 1


def test_a_damaged_or_mismatched_archive_is_refused_and_leaves_nothing(made, empty_target, settings, tmp_path):
    path = made[0].path
    upload = next(name for name in made[0].manifest["parts"] if name.startswith("media/"))

    def edit_manifest(**changes):
        def change(name, data):
            if name == archive.MANIFEST:
                data = json.dumps({**json.loads(data), **changes}).encode()
            yield name, data
        return change

    cases = {
        "not_an_archive": (Path(__file__), "不是完整的平台备份文件"),
        "truncated": (tmp_path / "cut.tar.gz", "损坏或被截断"),
        "hash": (rewritten(path, tmp_path / "hash.tar.gz",
                           lambda name, data: [(name, data + b"x" if name == upload else data)]), "SHA-256 与清单不符"),
        "missing_part": (rewritten(path, tmp_path / "missing.tar.gz",
                                   lambda name, data: [] if name == upload else [(name, data)]), "缺少 1 个部分"),
        "traversal": (rewritten(path, tmp_path / "evil.tar.gz", lambda name, data: [(name, data), ("../evil", b"!")]),
                      "清单之外的内容"),
        "engine": (rewritten(path, tmp_path / "engine.tar.gz", edit_manifest(engine="oracle")), "备份来自 oracle 数据库"),
        "foreign": (rewritten(path, tmp_path / "foreign.tar.gz", edit_manifest(format="other")), "不是本平台的备份文件"),
    }
    (tmp_path / "cut.tar.gz").write_bytes(path.read_bytes()[: path.stat().st_size * 2 // 3])
    for case, (archive_path, message) in cases.items():
        with pytest.raises(archive.BackupError, match=message):
            archive.restore(archive_path)
        assert_nothing_left(empty_target, case)

    settings.SECRET_KEY = "another-installation-with-another-secret-key-000"
    with pytest.raises(archive.BackupError, match="密钥指纹与本平台的密钥不符"):
        archive.restore(path)
    assert_nothing_left(empty_target, "key")


def test_a_database_part_that_cannot_be_loaded_takes_the_uploads_back(made, empty_target, tmp_path):
    database = archive.DATABASE_PARTS[connection.vendor]
    garbage = b"not a database at all" * 100

    def forge(name, data):  # a manifest that vouches for a broken database file
        if name == database:
            data = garbage
        elif name == archive.MANIFEST:
            manifest = json.loads(data)
            manifest["parts"][database]["sha256"] = hashlib.sha256(garbage).hexdigest()
            data = json.dumps(manifest).encode()
        yield name, data

    with pytest.raises(archive.BackupError, match="数据库文件已损坏|pg_restore 失败"):
        archive.restore(rewritten(made[0].path, tmp_path / "forged.tar.gz", forge))
    assert_nothing_left(empty_target, "forged")


def test_a_target_that_is_not_empty_is_refused(made, empty_target, settings):
    empty_target.media.mkdir(parents=True)
    (empty_target.media / "left-over.txt").write_text("x")
    with pytest.raises(archive.BackupError, match="不是空的"):
        archive.restore(made[0].path)
    assert_nothing_left(empty_target, "media", media_ok=True)
    empty_target.media.joinpath("left-over.txt").unlink()
    archive.restore(made[0].path)
    with pytest.raises(archive.BackupError, match="目标数据库不是空的"):
        archive.restore(made[0].path)


def assert_nothing_left(target, case: str, media_ok: bool = False) -> None:
    assert archive._existing_tables() == [], case
    left = sorted(path.name for path in target.var_dir.iterdir()) if target.var_dir.exists() else []
    assert [name for name in left if name not in {"gongkai.sqlite3", "media"}] == [], case
    assert media_ok or not target.media.exists(), case


def test_the_nightly_job_backs_up_and_keeps_seven_days_and_four_weeks(source_media, unit_a, settings, tmp_path):
    from gongkai.backup.tasks import backup_nightly

    settings.GONGKAI_BACKUP_DIR = tmp_path / "nightly"
    settings.GONGKAI_BACKUP_DIR.mkdir()
    old = [archive_name(datetime(2026, 9, 1, 3, 10) + timedelta(days=day)) for day in range(40)]
    for name in old:
        (settings.GONGKAI_BACKUP_DIR / name).write_bytes(b"old")
    (settings.GONGKAI_BACKUP_DIR / "operator-notes.txt").write_text("keep me")
    file_request(unit_a)
    made = Path(backup_nightly.call_local())
    left = sorted(path.name for path in settings.GONGKAI_BACKUP_DIR.iterdir())
    kept_old = [archive_name(datetime(2026, 9, 27, 3, 10)), archive_name(datetime(2026, 10, 4, 3, 10))]
    kept_old += [archive_name(datetime(2026, 10, day, 3, 10)) for day in range(5, 11)]
    # today's, the 6 newest old days (10-05…10-10, in the week of 10-05 too), the newest of
    # the 2 weeks before that (09-27, 10-04), and what is not an archive
    assert left == sorted([*kept_old, made.name, "operator-notes.txt"])
    entry = AuditEntry.objects.get(action="backup_created")
    assert entry.object_repr == made.name and entry.after["files"] == 1


def test_a_missing_pg_dump_is_named_with_the_package_to_install():
    with pytest.raises(archive.BackupError, match="未找到 PostgreSQL 99 或更新版本的 pg_dump：请安装 postgresql-client-99"):
        archive.postgres_tool("pg_dump", major=99)
