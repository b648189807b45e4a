"""``gongkai privacy scan FILE [--json]`` (CONTRACTS.md §10): the privacy scan that guards
publishing, run on one file, so that a clerk can check a document before uploading it.

The file is read by ``rules.filetext`` exactly as an attachment is at upload, and the findings
are those that would hold its publication up (``records.privacy.scan_document``). A finding is
never printed unmasked. Exit 0: nothing found; 1: findings; 2: the file, or a part of it, could
not be read (one line on stderr) — a part left unread is never passed as clean. No database.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Final

from django.core.management.base import CommandParser

from gongkai.cmdbase import GongkaiCommand, read_input_file
from gongkai.records.privacy import scan_document
from gongkai.rules.filetext import DocumentText, UnreadableDocument, read_document
from gongkai.rules.pii import PiiKind

# The kinds as CONTRACTS.md §10 names them.
KINDS: Final = {
    PiiKind.ID_CARD: "身份证号",
    PiiKind.OLD_ID_CARD: "身份证号",
    PiiKind.MOBILE: "手机号",
    PiiKind.LANDLINE: "固定电话",
    PiiKind.BANK_CARD: "银行卡号",
    PiiKind.EMAIL: "电子邮箱",
}


def report(file: str, document: DocumentText) -> dict[str, Any]:
    return {
        "file": file,
        "findings": [
            {"kind": KINDS[hit.kind], "certain": hit.certain, "where": where, "masked": hit.masked}
            for where, hit in scan_document(document)
            if hit.kind in KINDS
        ],
        "unreadable": list(document.unreadable),
    }


class Command(GongkaiCommand):
    requires_system_checks: list[str] = []  # pure: no models, no database
    help = (
        "隐私检查：scan 检查文件（.txt/.csv/.docx/.xlsx/.html/.pdf，含页眉页脚、表格、链接地址）中的"
        "身份证号、手机号、固定电话、银行卡号、电子邮箱，输出时已去标识化；与发布前的检查相同。"
    )

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        self._called_from_command_line = False  # usage mistakes: one line and exit 2, as foi does
        return super().create_parser(prog_name, subcommand, **kwargs)

    def add_arguments(self, parser: Any) -> None:
        sub = parser.add_subparsers(dest="action", required=True, metavar="子命令")
        text = "检查一个文件中的个人信息；退出码 0 未发现，1 发现，2 文件（或其一部分）无法读取"
        scan = sub.add_parser("scan", help=text, description=text)
        scan.add_argument("file", help="要检查的文件：.txt、.csv、.docx、.xlsx、.html 或 .pdf")
        scan.add_argument("--json", action="store_true", help="输出 JSON（CONTRACTS.md §10）")

    def handle(self, *args: Any, **options: Any) -> None:
        file = options["file"]
        path = Path(file)
        try:
            document = read_document(path.name, read_input_file(path))
        except UnreadableDocument as error:
            document = DocumentText((), (str(error),))
        output = report(file, document)
        if options["json"]:
            self.stdout.write(json.dumps(output, ensure_ascii=False, indent=2))
        else:
            self.stdout.write(_summary(output))
        if output["unreadable"]:
            sys.stderr.write(f"gongkai: {file}：无法读取，请人工核对：{'；'.join(output['unreadable'])}\n")
        if output["findings"]:
            sys.exit(1)
        if output["unreadable"]:
            sys.exit(2)


def _summary(output: dict[str, Any]) -> str:
    """For a clerk at a terminal (the JSON is for scripts)."""
    lines = [f"文件：{output['file']}"]
    for finding in output["findings"]:
        certainty = "确定" if finding["certain"] else "疑似"
        lines.append(f"  {finding['kind']}（{certainty}）  {finding['where']}  {finding['masked']}")
    lines += [f"  未能读取：{part}" for part in output["unreadable"]]
    if output["findings"]:
        lines.append(f"发现 {len(output['findings'])} 处个人信息，请去标识化后再上传。")
    elif not output["unreadable"]:
        lines.append("未发现身份证号、手机号、固定电话、银行卡号、电子邮箱。")
    return "\n".join(lines)


