"""``catalogimport``: importing an existing catalog of ``rows`` records (issue 4, item 9: 100,000
rows in under a minute).

The benchmark runs in a child process against a fresh embedded database in a temporary directory
(migrated, one unit with its default columns), so it never touches the platform's own data; pass
``database_url`` (or set ``GONGKAI_BENCH_DATABASE_URL``) to measure an empty PostgreSQL database. It writes a realistic .xlsx
(or .csv) catalog, then times ``records.importing.import_catalog`` from reading the file to the
commit: checking every row, drawing the 索引号, the bulk inserts of records and column links, and
their search-index entries. Fields (CONTRACTS.md section 5): ``rows, seconds, rows_per_s, errors``,
with ``format``, ``file_mb``, ``database``, where the time went (``read_check_s`` until the first
write, ``index_s`` inside ``search.api.index_documents``), ``peak_rss_mb`` of the importing
process, ``cpu_count`` and ``python``.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from datetime import date, timedelta
from typing import Any

from gongkai.bench.common import machine

UNITS = ["示范市财政局", "示范市教育局", "示范市人力资源和社会保障局"]
SUBJECTS = [
    "部门预算", "部门决算", "政府采购意向", "专项资金分配结果", "行政事业性收费目录", "义务教育招生工作",
    "就业补贴申领", "城乡居民养老保险", "重大建设项目批准", "公共资源交易结果", "安全生产检查情况",
    "政务公开工作要点", "政府信息公开工作年度报告", "双随机一公开抽查结果", "社会救助标准调整",
]
GENRES = [("关于做好{}工作的通知", "通知"), ("关于公布{}的公告", "公告"), ("关于{}的公示", "公示"),
          ("{}实施方案", "方案"), ("关于{}的情况报告", "报告")]
COLUMNS = ["通知公告", "财政信息/部门预算", "财政信息/部门决算", "财政信息/专项资金", "工作动态",
           "政策文件/其他文件", "重点领域信息", "规划计划/年度计划与总结"]
SENTENCES = [
    "为深入贯彻落实《中华人民共和国政府信息公开条例》，进一步提高政务公开工作水平，现就有关事项通知如下。",
    "各单位要高度重视，明确分管领导和具体经办人员，确保各项工作任务按时保质完成。",
    "坚持以公开为常态、不公开为例外，推进决策、执行、管理、服务、结果公开。",
    "对涉及群众切身利益的政策文件，应当同步做好政策解读，及时回应社会关切。",
    "信息形成或者变更之日起20个工作日内予以公开，法律、法规另有规定的从其规定。",
    "请于每月5日前将上月工作进展情况报送市政务公开办公室，联系电话：0758-2260871。",
]


def _rows(count: int, seed: int = 2026) -> list[list[Any]]:
    from gongkai.records.importing import HEADER

    chance = random.Random(seed)
    first = date(2018, 1, 1)
    rows = []
    for number in range(1, count + 1):
        pattern, genre = GENRES[number % len(GENRES)]
        published = first + timedelta(days=chance.randrange(0, 2900))
        written = published - timedelta(days=chance.randrange(0, 15))
        values = {
            "名称": f"示范市财政局{pattern.format(SUBJECTS[number % len(SUBJECTS)])}（第{number}号）",
            "发布日期": published.isoformat(), "栏目": COLUMNS[number % len(COLUMNS)],
            "文号": f"示财〔{written.year}〕{number % 900 + 1}号" if number % 3 else "",
            "成文日期": written.isoformat(), "主题分类": "财政、金融、审计", "体裁": genre,
            "主题词": "政务公开 财政", "内容概述": SENTENCES[number % len(SENTENCES)],
            "正文": "\n".join(chance.sample(SENTENCES, 4)),
        }
        rows.append([values.get(name, "") for name in HEADER])
    return rows


def _file(rows: list[list[Any]], fmt: str) -> bytes:
    from gongkai.records.importing import HEADER

    if fmt == "csv":
        import csv

        text = io.StringIO()
        writer = csv.writer(text)
        writer.writerow(HEADER)
        writer.writerows(rows)
        return text.getvalue().encode("utf-8-sig")
    return excel_xlsx([HEADER, *rows])


_PARTS = {
    "[Content_Types].xml": (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        '</Types>'
    ),
    "_rels/.rels": (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        '</Relationships>'
    ),
    "xl/workbook.xml": (
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<sheets><sheet name="政府信息目录" sheetId="1" r:id="rId1"/></sheets></workbook>'
    ),
    "xl/_rels/workbook.xml.rels": (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
        '</Relationships>'
    ),
}


def excel_xlsx(rows: list[list[Any]]) -> bytes:
    """A workbook laid out as Excel and WPS save one: UTF-8, text in the shared-string table,
    empty cells left out (openpyxl writes every text inline as character references, a file
    four times larger and slower to read than what units actually hand over)."""
    from xml.sax.saxutils import escape

    strings: dict[str, int] = {}
    lines = ['<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
    for number, row in enumerate(rows, start=1):
        cells = []
        for column, value in enumerate(row):
            if value in ("", None):
                continue
            index = strings.setdefault(str(value), len(strings))
            cells.append(f'<c r="{_letters(column)}{number}" t="s"><v>{index}</v></c>')
        lines.append(f'<row r="{number}">{"".join(cells)}</row>')
    lines.append("</sheetData></worksheet>")
    shared = "".join(f"<si><t>{escape(text)}</t></si>" for text in strings)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, xml in _PARTS.items():
            archive.writestr(name, _XML + xml)
        archive.writestr("xl/worksheets/sheet1.xml", _XML + "".join(lines))
        archive.writestr("xl/sharedStrings.xml", f'{_XML}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                         f'count="{len(strings)}" uniqueCount="{len(strings)}">{shared}</sst>')
    return buffer.getvalue()


_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def _letters(column: int) -> str:
    letters = ""
    column += 1
    while column:
        column, remainder = divmod(column - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def _inner(count: int, fmt: str) -> dict[str, Any]:
    """In the child process: set up Django on the temporary database and time one import."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from gongkai.orgs.models import Unit, UnitKind
    from gongkai.records.catalog import apply_default_columns
    from gongkai.records.importing import import_catalog

    call_command("migrate", verbosity=0, interactive=False)
    unit = Unit.objects.create(key="bench-finance", name="示范市财政局", kind=UnitKind.DEPARTMENT,
                               org_code="11441200MB0000002B")
    apply_default_columns(unit)
    content = _file(_rows(count), fmt)
    phases = _PhaseClock()
    started = time.perf_counter()
    result = import_catalog(unit, f"catalog.{fmt}", content, progress=phases.progress)
    seconds = time.perf_counter() - started
    return {
        "rows": count, "seconds": round(seconds, 3), "rows_per_s": round(count / seconds, 1),
        "errors": result.error_count, "created": result.created, "format": fmt,
        "file_mb": round(len(content) / 1024 / 1024, 2), "database": connection.vendor,
        "read_check_s": round(phases.writing_started - started, 3) if phases.writing_started else None,
        "index_s": round(phases.index_seconds, 3),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


class _PhaseClock:
    """Where the time goes: reading and checking until the first write, and the part of the
    writing spent in the search index (``search.api.index_documents``, timed by wrapping it)."""

    def __init__(self) -> None:
        from gongkai.records import importing
        from gongkai.search import api

        self.writing_started: float | None = None
        self.index_seconds = 0.0
        index_documents, write_rows = api.index_documents, importing.write_rows

        def timed_index(documents: Any) -> None:
            begun = time.perf_counter()
            index_documents(documents)
            self.index_seconds += time.perf_counter() - begun

        def timed_write(*args: Any) -> int:
            self.writing_started = time.perf_counter()
            return write_rows(*args)

        api.index_documents, importing.write_rows = timed_index, timed_write  # type: ignore[assignment]

    def progress(self, step: str, done: int, total: int) -> None:
        """The import's progress callback (what the console shows); nothing to time here."""


def run(rows: int = 100_000, fmt: str = "xlsx", database_url: str | None = None) -> dict[str, Any]:
    """One import of ``rows`` rows in a child process (``database_url``: an empty database to use
    instead of a temporary SQLite file; it is migrated and written to)."""
    with tempfile.TemporaryDirectory(prefix="gongkai-catalogimport-") as directory:
        env = {**os.environ, "GONGKAI_VAR_DIR": directory, "DJANGO_SETTINGS_MODULE": "gongkai.settings"}
        env.pop("GONGKAI_DATABASE_URL", None)
        database_url = database_url or os.environ.get("GONGKAI_BENCH_DATABASE_URL")
        if database_url:
            env["GONGKAI_DATABASE_URL"] = database_url
        completed = subprocess.run(
            [sys.executable, "-m", "gongkai.bench.catalogimport", "--inner", "--rows", str(rows), "--format", fmt],
            env=env, capture_output=True, text=True, check=False,
        )
    if completed.returncode != 0:
        raise RuntimeError(f"catalogimport 基准运行失败：\n{completed.stderr[-4000:]}")
    return {**json.loads(completed.stdout.strip().splitlines()[-1]), **machine()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m gongkai.bench.catalogimport", description="目录导入基准，输出 JSON。")
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--format", choices=["xlsx", "csv"], default="xlsx")
    parser.add_argument("--json", action="store_true", help="输出 JSON（默认即为 JSON）")
    parser.add_argument("--database-url", help="使用的空数据库（默认临时 SQLite）")
    parser.add_argument("--inner", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    result = _inner(args.rows, args.format) if args.inner else run(args.rows, args.format, args.database_url)
    print(json.dumps(result, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
