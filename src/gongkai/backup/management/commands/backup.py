"""``gongkai backup [--to DIR]``: one consistent, dated archive of the database and the uploads
(see ``gongkai.backup.archive``); the site may keep serving meanwhile."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import CommandError

from gongkai.backup import archive
from gongkai.cmdbase import GongkaiCommand


class Command(GongkaiCommand):
    help = "备份：把数据库、上传文件和清单（各表行数、各部分 SHA-256、密钥指纹）写入一个带日期的归档。"
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--to", type=Path, default=None, metavar="DIR",
                            help="写入的目录（默认 GONGKAI_BACKUP_DIR，即 var/backups）")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            result = archive.create_and_record(options["to"])
        except (archive.BackupError, OSError) as error:
            raise CommandError(f"备份失败：{error}") from None
        self.stdout.write(f"已备份：{result.summary()}")
