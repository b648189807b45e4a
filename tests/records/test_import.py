"""Importing an existing catalog: rows with their metadata, new 索引号 drawn in blocks, old ones
kept; a file with any bad row is reported row by row and nothing is saved."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import Workbook

from gongkai.records.importing import HEADER, import_catalog
from gongkai.records.models import CatalogImport, ImportStatus, IndexCounter, Record, RecordStatus
from gongkai.search.models import SearchEntry

pytestmark = pytest.mark.django_db


def _row(number, **cells):
    values = {
        "名称": f"示范市财政局关于第{number}批专项资金分配结果的公示", "发布日期": f"2025-{number % 12 + 1:02d}-15",
        "栏目": "财政信息/专项资金" if number % 2 else "通知公告；财政信息", "文号": f"示财函[2025]第{number:03d}号",
        "成文日期": f"2025/{number % 12 + 1}/10", "主题分类": "财政、金融、审计", "体裁": "公示", "正文": "一、分配结果如下。",
        **cells,
    }
    return [values.get(name, "") for name in HEADER]


def _csv(rows) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADER)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


def _xlsx(rows) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_it_imports_a_few_hundred_rows(unit_a, columns_a, django_assert_max_num_queries):
    rows = [_row(n) for n in range(1, 301)]
    rows[0][HEADER.index("索引号")] = "MB0000002/2025-00900"  # kept as it was on the old site
    with django_assert_max_num_queries(60):  # no per-row queries
        result = import_catalog(unit_a, "旧目录.csv", _csv(rows))
    assert result.ok and result.created == 300
    # Imported records wait for 保密审查 like any other (PRODUCT.md 3: "Publishing goes draft →
    # confidentiality review (保密审查) → published"; issue 15 point 1): none is public yet.
    assert Record.objects.filter(status=RecordStatus.IN_REVIEW).count() == 300
    first = Record.objects.get(index_number="MB0000002/2025-00900")
    assert first.doc_number == "示财函〔2025〕1号" and first.columns.count() == 1
    two_columns = Record.objects.get(title__contains="第2批")
    assert {c.name for c in two_columns.columns.all()} == {"通知公告", "财政信息"}
    assert IndexCounter.objects.get(key="MB0000002/2025").last_serial == 900 + 299  # drawn after the kept one
    assert SearchEntry.objects.count() == 0


def test_it_reports_every_bad_row_and_saves_nothing(unit_a, columns_a):
    rows = [_row(n) for n in range(1, 51)]
    rows[4][HEADER.index("发布日期")] = "2025-02-30"
    rows[9][HEADER.index("栏目")] = "不存在的栏目"
    rows[19][HEADER.index("文号")] = "示财函2025年12号"
    rows[29][HEADER.index("名称")] = ""
    rows[39][HEADER.index("公开方式")] = "依申请公开"
    result = import_catalog(unit_a, "旧目录.xlsx", _xlsx(rows))
    assert not result.ok and result.created == 0
    assert [error["row"] for error in result.errors] == [6, 11, 21, 31, 41]
    messages = "；".join(m for error in result.errors for m in error["messages"])
    for fragment in ("不是有效日期", "不存在的栏目", "六角括号", "名称不能为空", "不公开理由"):
        assert fragment in messages
    assert not Record.objects.exists() and not SearchEntry.objects.exists() and not IndexCounter.objects.exists()


def test_it_refuses_duplicate_and_taken_index_numbers(unit_a, columns_a):
    import_catalog(unit_a, "第一批.csv", _csv([_row(1, 索引号="MB0000002/2025-00001")]))
    rows = [_row(2, 索引号="MB0000002/2025-00001"), _row(3, 索引号="005275134/2017-00180"),
            _row(4, 索引号="005275134/2017-00180")]
    result = import_catalog(unit_a, "第二批.csv", _csv(rows))
    messages = {error["row"]: "".join(error["messages"]) for error in result.errors}
    assert "与第 3 行重复" in messages[4]
    assert "已被平台中的其他信息使用" in messages[2]
    assert Record.objects.count() == 1


def test_it_imports_through_the_worker_with_progress(
    unit_a, columns_a, clerk_a, login, immediate_jobs, django_capture_on_commit_callbacks
):
    client = login(clerk_a)
    upload = io.BytesIO(_xlsx([_row(n) for n in range(1, 21)]))
    upload.name = "财政局旧目录.xlsx"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/console/records/import/", {"file": upload})
    job = CatalogImport.objects.get()
    assert response.status_code == 302 and job.status == ImportStatus.DONE and job.created_count == 20
    page = client.get(f"/console/records/imports/{job.pk}/").content.decode()
    assert "已导入 20 条信息" in page
    assert client.get("/console/records/import/template.xlsx").status_code == 200


def test_it_shows_the_error_report_in_the_console(
    unit_a, columns_a, clerk_a, clerk_b, login, immediate_jobs, django_capture_on_commit_callbacks
):
    client = login(clerk_a)
    upload = io.BytesIO(_csv([_row(1), _row(2, 栏目="不存在")]))
    upload.name = "有错误.csv"
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/console/records/import/", {"file": upload})
    job = CatalogImport.objects.get()
    assert job.status == ImportStatus.REJECTED and job.error_count == 1
    page = client.get(f"/console/records/imports/{job.pk}/", HTTP_HX_REQUEST="true").content.decode()
    assert "第 3 行" in page and "不存在" in page and 'hx-trigger' not in page
    assert not Record.objects.exists()
    assert login(clerk_b).get(f"/console/records/imports/{job.pk}/").status_code == 404


def test_it_polls_while_the_import_runs(unit_a, clerk_a, login):
    job = CatalogImport.objects.create(unit=unit_a, original_name="排队.csv", file="x.csv", created_by=clerk_a)
    page = login(clerk_a).get(f"/console/records/imports/{job.pk}/", HTTP_HX_REQUEST="true").content.decode()
    assert 'hx-trigger="every 1s"' in page and "排队中" in page
