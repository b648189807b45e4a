"""``gongkai restore ARCHIVE``: the archive into this installation's empty database and empty
uploads directory; a damaged or mismatched archive is refused and nothing is written. Then
``gongkai check`` compares the row counts with the archive's manifest."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import CommandError

from gongkai.backup import archive
from gongkai.cmdbase import GongkaiCommand


class Command(GongkaiCommand):
    help = "恢复：把备份归档恢复到空数据库和空的上传目录（先校验完整性和匹配，不符则拒绝且不留任何改动）。"
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("archive", type=Path, help="gongkai backup 写出的 .tar.gz 文件")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            manifest = archive.restore(options["archive"])
        except archive.BackupError as error:
            raise CommandError(f"恢复被拒绝：{error}") from None
        except OSError as error:
            raise CommandError(f"恢复失败（未留下改动）：{error}") from None
        tables = manifest["tables"]
        self.stdout.write(f"已恢复 {manifest['created_at']} 的备份：{len(tables)} 张表 {sum(tables.values())} 行。"
                          "请运行 gongkai migrate（若平台版本更新）和 gongkai check 核对行数。")
