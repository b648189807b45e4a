"""Lists as files: .csv and .xlsx streamed row by row, so that 100,000 rows export without being
held in memory (issue 20, point 4). A list gives a header and an iterator of rows (plain values);
the caller reads its queryset with ``.iterator(chunk_size=…)`` so the database rows are not held
either.

- CSV: UTF-8 with a byte-order mark (Excel in a Chinese locale opens it as UTF-8 then), written
  to the client as it is produced (``StreamingHttpResponse``).
- XLSX: openpyxl's write-only workbook keeps only the current row in memory and writes the sheet
  to a temporary file, which is then streamed from disk.
"""

from __future__ import annotations

import csv
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from typing import Any
from urllib.parse import quote

from django.db import transaction
from django.http import FileResponse, HttpResponseBase, StreamingHttpResponse
from django.utils import timezone
from openpyxl import Workbook

from gongkai.audit.log import record
from gongkai.rules.sheetcells import csv_text, text_cell
from gongkai.rules.textcodec import without_control_characters

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMATS = ("csv", "xlsx")


def _plain(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M:%S") if timezone.is_aware(value) else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        return without_control_characters(value)
    return value


class _Echo:
    def write(self, value: str) -> str:
        return value


def _csv_lines(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> Iterator[bytes]:
    writer = csv.writer(_Echo())
    yield "\ufeff".encode() + writer.writerow(header).encode("utf-8")
    batch: list[str] = []
    for row in rows:
        batch.append(writer.writerow([csv_text(_plain(value)) for value in row]))
        if len(batch) >= 500:
            yield "".join(batch).encode("utf-8")
            batch = []
    if batch:
        yield "".join(batch).encode("utf-8")


def _disposition(filename: str) -> str:
    return f"attachment; filename*=UTF-8''{quote(filename)}"


def csv_response(filename: str, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> StreamingHttpResponse:
    response = StreamingHttpResponse(_csv_lines(header, rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = _disposition(filename)
    return response


def xlsx_response(filename: str, sheet: str, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> FileResponse:
    workbook = Workbook(write_only=True)
    worksheet = workbook.create_sheet(sheet[:31])
    worksheet.append(list(header))
    for row in rows:
        # a title such as "=HYPERLINK(…)" typed into a record stays text (rules.sheetcells)
        worksheet.append([text_cell(worksheet, _plain(value)) for value in row])
    spool = tempfile.TemporaryFile()  # noqa: SIM115 (closed, and so removed, with the response)
    workbook.save(spool)
    spool.seek(0)
    return FileResponse(spool, as_attachment=True, filename=filename, content_type=XLSX)


def export_response(fmt: str, filename: str, sheet: str, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> HttpResponseBase:
    """``fmt`` is "csv" or "xlsx" (the caller has checked it against ``FORMATS``)."""
    if fmt == "xlsx":
        return xlsx_response(f"{filename}.xlsx", sheet, header, rows)
    return csv_response(f"{filename}.csv", header, rows)


def audited_export(
    fmt: str, filename: str, sheet: str, header: Sequence[str], rows: Iterable[Sequence[Any]], *,
    filters: Mapping[str, Any] | None = None,
) -> HttpResponseBase:
    """``export_response`` for a console list (users, requests, messages, records, plans…): who
    exported which list with which filters goes into the audit log first, since the file leaves
    the platform (a request queue carries requesters' names, a user list names and phones)."""
    audit_export(filename, fmt, filters)
    return export_response(fmt, filename, sheet, header, rows)


def audit_export(filename: str, fmt: str, filters: Mapping[str, Any] | None = None) -> None:
    """The audit row of one download of a list (``list_exported``), in its own transaction."""
    with transaction.atomic():
        record("list_exported", object_type="export", object_repr=f"{filename}.{fmt}",
               after={"list": filename, "format": fmt,
                      "filters": {name: value for name, value in (filters or {}).items() if name not in ("format", "page")}})
