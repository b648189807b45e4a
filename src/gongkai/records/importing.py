"""Importing an existing catalog (.xlsx/.csv, one row per record with its metadata): how a unit
hands over its old site. All or nothing: any row with an error, and nothing is saved; the error
report names each row and what is wrong with it.

Nothing imported is public yet. Every record arrives as a submission to 保密审查 (status
``in_review``, an "imported" event naming the batch): like any record it is published by a
reviewer of its unit after the privacy scan, or by the office approving the whole batch as one
act (``services.approve_import``), which leaves what the scan flags for individual review.

Built for 100,000 rows in well under a minute: the file is read once, every row is checked in
Python against data loaded up front (the unit's columns; existing 索引号 in chunks), the 索引号
are drawn as one block per counter (kept with the record from then on, never reissued), and the
records go in with ``bulk.Inserter`` in batches inside one transaction, together with their
column links and their events.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from gongkai.orgs.models import Unit
from gongkai.pause import pause_point
from gongkai.records import bulk, numbering
from gongkai.records.catalog import resolve_paths
from gongkai.records.models import (
    Audience,
    CatalogImport,
    Column,
    Disclosure,
    EventKind,
    PublishingSettings,
    Record,
    RecordEvent,
    RecordKind,
    RecordStatus,
    Validity,
)
from gongkai.records.services import body_and_text
from gongkai.records.sheets import SheetError, xlsx_rows
from gongkai.rules.docnumber import DocNumberError, normalize_doc_number
from gongkai.rules.indexno import IndexNumberError, parse_imported_index_number, sequence_key
from gongkai.rules.lawdates import EXPIRY_YEARS_AHEAD, YEARS_AHEAD, law_date_problem
from gongkai.rules.richtext import BodyError
from gongkai.rules.textcodec import UndecodableText, decode_text
from gongkai.rules.uploads import MiB, UploadLimits, check_upload

# The template's columns, in order; the first three are required.
HEADER = [
    "名称", "发布日期", "栏目", "索引号", "内容概述", "发布机构", "文号", "成文日期", "生效日期",
    "失效日期", "废止日期", "有效性", "主题分类", "体裁", "主题词", "信息类别", "公开方式",
    "不公开理由", "公开范围", "正文",
]
REQUIRED = ("名称", "发布日期", "栏目")
# Header variants seen on real 公开目录 pages (DOMAIN.md 3.3).
ALIASES = {
    "标题": "名称", "信息名称": "名称", "发文日期": "发布日期", "组配分类": "栏目", "所属栏目": "栏目",
    "分类": "主题分类", "主题导航": "主题分类", "体裁分类": "体裁", "关键词": "主题词", "发文机构": "发布机构",
    "发文单位": "发布机构", "发布文号": "文号", "文件编号": "文号", "生成日期": "成文日期", "时效": "有效性",
    "公开属性": "公开方式", "内容": "正文", "摘要": "内容概述",
}
MAX_REPORTED_ERRORS = 500
BATCH = 5000
EXCEL_EPOCH = date(1899, 12, 30)
# A catalog of 100,000 records is a 10–20 MB .xlsx whose sheet expands to a few hundred MB of XML.
FILE_LIMITS = UploadLimits(max_bytes=300 * MiB, max_total_uncompressed=2048 * MiB)
_LABELS = {
    "信息类别": {**{kind.label: kind.value for kind in RecordKind}, "规范性文件": RecordKind.NORMATIVE.value,
                "政策文件": RecordKind.POLICY.value, "": RecordKind.GENERAL.value},
    "公开方式": {**{d.label: d.value for d in Disclosure}, "": Disclosure.PROACTIVE.value},
    "公开范围": {**{a.label: a.value for a in Audience}, "": Audience.PUBLIC.value},
    "有效性": {**{v.label: v.value for v in Validity}, "已废止": Validity.REPEALED.value,
              "已失效": Validity.EXPIRED.value, "已修改": Validity.SUPERSEDED.value, "": ""},
}
_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s.*)?")
_SEPARATORS = re.compile(r"[;；|\n]")

Progress = Callable[[str, int, int], None]


class ImportFileError(ValueError):
    """The file cannot be read at all (wrong format, encoding or header)."""


@dataclass
class ImportResult:
    total_rows: int = 0
    created: int = 0
    error_count: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.error_count == 0

    def add_error(self, row: int, messages: list[str]) -> None:
        self.error_count += 1
        if len(self.errors) < MAX_REPORTED_ERRORS:
            self.errors.append({"row": row, "messages": messages})


@dataclass
class RowData:
    number: int  # the row's number in the file (the header is row 1)
    values: dict[str, Any]
    columns: list[Column]
    index_number: str  # as given ("" to draw a new one)


# --- reading ---------------------------------------------------------------------------------


def read_table(name: str, content: bytes) -> tuple[list[str], Iterator[Sequence[Any]]]:
    """The header (normalised names) and the data rows of an .xlsx or .csv file."""
    lowered = name.lower()
    if not content:
        raise ImportFileError(f"{name}：文件是空的。")
    if lowered.endswith(".csv"):
        rows: Iterator[Sequence[Any]] = _csv_rows(name, _decode(name, content))
    elif lowered.endswith(".xlsx"):
        rows = _xlsx_rows(name, content)
    else:
        raise ImportFileError(f"{name}：只支持 .xlsx 或 .csv 文件。")
    header = next(rows, None)
    if header is None:
        raise ImportFileError(f"{name}：文件中没有表头。")
    names = [_header_name(cell) for cell in header]
    missing = [column for column in REQUIRED if column not in names]
    if missing:
        raise ImportFileError(
            f"第 1 行：缺少必填列“{'”“'.join(missing)}”。表头应包括：{'、'.join(HEADER)}（可先下载模板）。"
        )
    return names, rows


def check_import_file(name: str, content: bytes) -> None:
    """All that can be known of an uploaded catalog before it is stored (on disk or in the
    database): its real type by content (``rules.uploads``: an .xlsx must be a workbook, a .csv
    text, never an executable, whatever the name), its size, and that it is well formed — an
    intact archive (every entry's checksum) with a readable header for .xlsx, decodable text with
    the required columns for .csv. Raises ImportFileError with the reason."""
    if not name.lower().endswith((".xlsx", ".csv")):
        raise ImportFileError(f"{name}：只支持 .xlsx 或 .csv 文件。")
    verdict = check_upload(name, content, FILE_LIMITS)
    if not verdict.ok:
        raise ImportFileError(verdict.message.replace("附件", "文件") + "。")
    if name.lower().endswith(".xlsx"):
        _check_archive(name, content)
    read_table(name, content)


def _check_archive(name: str, content: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            broken = archive.testzip()  # reads every entry once: a truncated or damaged file fails here
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError):
        broken = "?"
    if broken is not None:
        raise ImportFileError(f"{name}：文件已损坏或不完整，请用 Excel 重新保存为 .xlsx 后再上传。")


def _header_name(cell: Any) -> str:
    text = re.sub(r"[\s:：*（(].*$", "", "".join(str(cell or "").split()).replace("*", ""))
    return ALIASES.get(text, text)


def _decode(name: str, content: bytes) -> str:
    try:
        return decode_text(content)
    except UndecodableText as error:
        raise ImportFileError(f"{name}：{error}。") from None


def _csv_rows(name: str, text: str) -> Iterator[Sequence[Any]]:
    """The rows of a .csv file; a cell beyond the csv module's limit (131,072 characters) makes
    the file unreadable with the row named, instead of an error nobody handles."""
    reader = csv.reader(io.StringIO(text))
    try:
        yield from reader
    except csv.Error as error:
        raise ImportFileError(f"{name}：第 {reader.line_num} 行无法读取（{error}）。单元格内容过长时，请把正文作为附件上传。") from None


def _xlsx_rows(name: str, content: bytes) -> Iterator[Sequence[Any]]:
    verdict = check_upload(name, content, FILE_LIMITS)
    if not verdict.ok:
        raise ImportFileError(verdict.message)
    try:
        rows = xlsx_rows(content)
    except SheetError:
        raise ImportFileError(f"{name}：不是有效的 Excel (.xlsx) 文件，请用 Excel 另存为 .xlsx 后重试。") from None
    return _damaged_as_file_error(name, rows)


def _damaged_as_file_error(name: str, rows: Iterator[Sequence[Any]]) -> Iterator[Sequence[Any]]:
    """The sheet is read row by row: damage found on the way ends the import as a bad file."""
    try:
        yield from rows
    except SheetError:
        raise ImportFileError(f"{name}：表格内容已损坏，请用 Excel 另存为 .xlsx 后重试。") from None


# --- checking rows ---------------------------------------------------------------------------


_DATES = (("发布日期", "published_on"), ("成文日期", "written_on"), ("生效日期", "effective_on"),
          ("失效日期", "expires_on"), ("废止日期", "repealed_on"))
_CHOICES = (("信息类别", "kind"), ("公开方式", "disclosure"), ("公开范围", "audience"), ("有效性", "declared_validity"))
_TEXTS = (("内容概述", "summary", 0), ("主题分类", "topic", 100), ("体裁", "genre", 50), ("主题词", "keywords", 200),
          ("不公开理由", "disclosure_reason", 0))


class RowChecker:
    """Checks rows against what was loaded once: the unit's columns and its 索引号 scheme."""

    def __init__(self, unit: Unit, header: list[str], today: date) -> None:
        self.unit = unit
        self.positions = [(name, index) for index, name in enumerate(header) if name in HEADER]
        self.columns = resolve_paths(unit)
        self.today = today
        self.seen_numbers: dict[str, int] = {}

    def cells(self, row: Sequence[Any]) -> dict[str, Any]:
        """The row's cells by column name: text stripped, empty cells as ""."""
        found: dict[str, Any] = dict.fromkeys(HEADER, "")
        width = len(row)
        for name, index in self.positions:
            if index < width:
                value = row[index]
                if value is not None:
                    found[name] = value.strip() if isinstance(value, str) else value
        return found

    def check(self, number: int, row: Sequence[Any]) -> tuple[RowData | None, list[str]]:
        cells = self.cells(row)
        problems: list[str] = []
        title = str(cells["名称"])
        if not title:
            problems.append("名称不能为空")
        elif len(title) > 300:
            problems.append("名称超过 300 字")
        values: dict[str, Any] = {"title": title, "publisher": str(cells["发布机构"] or self.unit.name)[:100]}
        for label, name, limit in _TEXTS:
            values[name] = str(cells[label])[:limit] if limit else str(cells[label])
        self._dates(cells, values, problems)
        self._choices(cells, values, problems)
        self._doc_number(str(cells["文号"]), values, problems)
        columns = self._columns(str(cells["栏目"]), problems)
        index_number = self._index_number(number, str(cells["索引号"]), problems)
        try:
            values["body"], values["body_text"] = body_and_text(str(cells["正文"]))
        except BodyError as error:
            problems.append(str(error))
        if values["disclosure"] != Disclosure.PROACTIVE and not values["disclosure_reason"]:
            problems.append("公开方式不是主动公开时，须填写不公开理由")
        if problems:
            return None, problems
        return RowData(number, values, columns, index_number), []

    def _dates(self, cells: dict[str, Any], values: dict[str, Any], problems: list[str]) -> None:
        for label, name in _DATES:
            raw = cells[label]
            parsed = _date(raw) if raw != "" else None
            if raw != "" and parsed is None:
                problems.append(f"{label}“{raw}”不是有效日期（如 2024-05-20）")
            elif parsed is not None and (problem := law_date_problem(
                label, parsed, self.today, EXPIRY_YEARS_AHEAD if name == "expires_on" else YEARS_AHEAD
            )):
                problems.append(problem)
                parsed = None
            values[name] = parsed
        if cells["发布日期"] == "":
            problems.append("发布日期不能为空")
        elif values["published_on"] and values["published_on"] > self.today:
            problems.append(f"发布日期 {values['published_on']} 晚于今天")

    @staticmethod
    def _choices(cells: dict[str, Any], values: dict[str, Any], problems: list[str]) -> None:
        for label, name in _CHOICES:
            raw = str(cells[label])
            options = _LABELS[label]
            if raw not in options:
                problems.append(f"{label}“{raw}”无效（可选：{'、'.join(option for option in options if option)}）")
            values[name] = options.get(raw, "")

    def _doc_number(self, raw: str, values: dict[str, Any], problems: list[str]) -> None:
        values["doc_number"] = ""
        if raw:
            try:
                values["doc_number"] = normalize_doc_number(raw, today=self.today)
            except DocNumberError as error:
                problems.append(str(error))

    def _columns(self, raw: str, problems: list[str]) -> list[Column]:
        names = [part.strip().replace(" / ", "/") for part in _SEPARATORS.split(raw) if part.strip()]
        if not names:
            problems.append("栏目不能为空")
        found = []
        for name in names:
            column = self.columns.get(name)
            if column is None:
                problems.append(f"栏目“{name}”不在本单位目录中，请先在“目录栏目”中添加，或写成“政策文件/规范性文件”的完整路径")
            else:
                found.append(column)
        return found

    def _index_number(self, number: int, raw: str, problems: list[str]) -> str:
        if not raw:
            return ""
        try:
            text = parse_imported_index_number(raw).text
        except IndexNumberError as error:
            problems.append(str(error))
            return ""
        if text in self.seen_numbers:
            problems.append(f"索引号 {text} 与第 {self.seen_numbers[text]} 行重复")
        self.seen_numbers.setdefault(text, number)
        return text


def _date(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool) and 1 <= value < 2958466:
        return EXCEL_EPOCH + timedelta(days=int(value))  # a date cell of .xlsx: days since 1899-12-30
    text = str(value or "").strip()
    if len(text) == 8 and text.isdigit():
        text = f"{text[:4]}-{text[4:6]}-{text[6:]}"
    match = _DATE.fullmatch(text)
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def check_rows(
    checker: RowChecker, rows: Iterator[Sequence[Any]], result: ImportResult, progress: Progress
) -> list[RowData]:
    checked: list[RowData] = []
    for number, row in enumerate(rows, start=2):
        if not any(cell not in ("", None) for cell in row):
            continue
        result.total_rows += 1
        data, problems = checker.check(number, row)
        if data is None:
            result.add_error(number, problems)
        elif not result.error_count:
            checked.append(data)
        if result.total_rows % BATCH == 0:
            progress("正在校验", result.total_rows, 0)
    _check_existing_numbers(checked, result)
    return checked


def _check_existing_numbers(checked: list[RowData], result: ImportResult) -> None:
    """索引号 already on record (chunked queries, never one per row)."""
    given = [row for row in checked if row.index_number]
    for start in range(0, len(given), 900):
        chunk = given[start:start + 900]
        taken = set(Record.objects.filter(index_number__in=[row.index_number for row in chunk])
                    .values_list("index_number", flat=True))
        for row in chunk:
            if row.index_number in taken:
                result.add_error(row.number, [f"索引号 {row.index_number} 已被平台中的其他信息使用"])


# --- writing ---------------------------------------------------------------------------------


def write_rows(unit: Unit, job: CatalogImport | None, rows: list[RowData], progress: Progress) -> int:
    """Save every checked row as a submission to 保密审查; the caller holds the transaction."""
    _assign_index_numbers(unit, rows)
    importer = job.created_by_id if job else None
    inserter = bulk.Inserter(Record, {
        "unit_id": unit.pk, "status": RecordStatus.IN_REVIEW.value, "source_import_id": job.pk if job else None,
        "created_by_id": importer, "submitted_by_id": importer,
    })
    links = bulk.Inserter(Record.columns.through, {})
    events = bulk.Inserter(RecordEvent, {
        "kind": EventKind.IMPORTED.value, "actor_id": importer,
        "actor_label": str(job.created_by) if job and job.created_by else "系统",
        "data": {"import": job.pk if job else None, "file": job.original_name if job else ""},
    })
    total = len(rows)
    for start in range(0, total, BATCH):
        batch = rows[start:start + BATCH]
        inserter.insert([{**row.values, "index_number": row.index_number} for row in batch])
        ids = bulk.ids_by(Record, "index_number", [row.index_number for row in batch])
        links.insert([
            {"record_id": ids[row.index_number], "column_id": column.pk} for row in batch for column in row.columns
        ])
        events.insert([{"record_id": ids[row.index_number]} for row in batch])
        progress("正在写入", start + len(batch), total)
    return total


def _assign_index_numbers(unit: Unit, rows: list[RowData]) -> None:
    """Draw one block of new numbers per counter; keep imported ones (and never reissue them)."""
    fmt = PublishingSettings.current().index_format
    blank: dict[str, list[RowData]] = {}
    imported: dict[str, int] = {}
    for row in rows:
        if row.index_number:
            own = parse_imported_index_number(row.index_number).as_own()
            if own is not None:
                imported[own.sequence_key] = max(imported.get(own.sequence_key, 0), own.serial)
        else:
            blank.setdefault(sequence_key(unit.org_code, row.values["published_on"], fmt), []).append(row)
    for key, serial in imported.items():
        numbering.reserve_up_to(key, serial)
    for group in blank.values():
        numbers = numbering.draw_index_numbers(unit, group[0].values["published_on"], fmt, len(group))
        for row, number in zip(group, numbers, strict=True):
            row.index_number = number.text


def import_catalog(
    unit: Unit, name: str, content: bytes, *, job: CatalogImport | None = None,
    progress: Progress | None = None, today: date | None = None,
) -> ImportResult:
    """Read, check and (only if every row is right) save. Raises ImportFileError for an
    unreadable file."""
    report = progress or (lambda step, done, total: None)
    result = ImportResult()
    report("正在读取文件", 0, 0)
    header, rows = read_table(name, content)
    checker = RowChecker(unit, header, today or timezone.localdate())
    checked = check_rows(checker, rows, result, report)
    if not result.ok:
        return result
    if not checked:
        result.add_error(2, ["文件中没有数据行"])
        return result
    with transaction.atomic():
        result.created = write_rows(unit, job, checked, report)
        _audit(unit, job, result)
        pause_point("catalog_import_written")
    return result


def _audit(unit: Unit, job: CatalogImport | None, result: ImportResult) -> None:
    from gongkai.audit import log as audit

    audit.record("catalog_imported", job or unit, unit_id=unit.pk, after={
        "unit": unit.name, "rows": result.total_rows, "created": result.created, "status": RecordStatus.IN_REVIEW,
    })
