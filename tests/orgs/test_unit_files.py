"""The unit registry in and out of Excel and CSV; a bad file changes nothing."""

from __future__ import annotations

import io

import pytest
from django.db import connection
from openpyxl import Workbook, load_workbook

from gongkai.audit.models import AuditEntry
from gongkai.orgs.models import Unit, UnitAlias
from gongkai.orgs.unitfiles import HEADER

pytestmark = pytest.mark.django_db


def test_it_runs_on_the_configured_database(settings):
    expected = "postgresql" if "postgresql" in settings.DATABASES["default"]["ENGINE"] else "sqlite"
    assert connection.vendor == expected


def _xlsx(rows):
    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    buffer.seek(0)
    buffer.name = "units.xlsx"
    return buffer


def _upload(client, content, name):
    file = io.BytesIO(content) if isinstance(content, bytes) else content
    file.name = name
    return client.post("/console/units/import/", {"file": file}, follow=True)


def test_it_exports_and_reimports_the_registry_unchanged(login, office_admin, unit_a, unit_b):
    UnitAlias.objects.create(unit=unit_a, alias="市财政")
    client = login(office_admin)
    exported = client.get("/console/units/export.xlsx")
    assert exported.status_code == 200
    sheet = load_workbook(io.BytesIO(exported.content)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0] == HEADER
    assert ["finance", "示范市财政局", "部门", "市级重点领域部门", "11441200MB0000002B", "city", "市财政", 0, "是"] in rows
    before = list(Unit.objects.values_list("key", "name", "kind", "category", "parent__key").order_by("key"))
    response = _upload(client, exported.content, "units.xlsx")
    assert "新增 0 个单位，更新 4 个" in response.content.decode()
    after = list(Unit.objects.values_list("key", "name", "kind", "category", "parent__key").order_by("key"))
    assert after == before


def test_it_exports_csv_that_excel_reads_as_utf8(login, clerk_a):
    response = login(clerk_a).get("/console/units/export.csv")
    assert response.content.startswith(b"\xef\xbb\xbf")
    assert "示范市财政局" in response.content.decode("utf-8-sig")


def test_it_imports_new_units_from_gb18030_csv(login, office_admin, city):
    csv_text = ",".join(HEADER) + "\n" + "tax,示范市税务局,部门,市级非重点领域部门,,city,市税务局、税务局,5,是\n"
    response = _upload(login(office_admin), csv_text.encode("gb18030"), "units.csv")
    assert "新增 1 个单位" in response.content.decode()
    tax = Unit.objects.get(key="tax")
    assert tax.parent == city and set(tax.aliases.values_list("alias", flat=True)) == {"市税务局", "税务局"}
    assert AuditEntry.objects.filter(action="unit_created", object_id=str(tax.pk)).exists()


def test_it_reports_every_bad_row_and_imports_nothing(login, office_admin, city):
    rows = [HEADER,
            ["ok", "示范市好单位", "部门", "", "", "city", "", "1", "是"],
            ["bad", "示范市坏单位", "部委", "", "", "nowhere", "", "x", "也许"]]
    response = _upload(login(office_admin), _xlsx(rows), "units.xlsx")
    text = response.content.decode()
    assert "第 3 行" in text and "单位类型“部委”无效" in text and "上级单位标识“nowhere”不存在" in text
    assert not Unit.objects.filter(key__in=["ok", "bad"]).exists()


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [(b"", "units.xlsx", "文件是空的"),
     (b"MZ\x90\x00\x03binary", "units.xlsx", "实际内容是可执行程序"),
     (b"PK\x03\x04broken", "units.xlsx", "不是有效的 Excel"),
     (b"\x00\x01\x02\xff\xfe\x00garbage", "units.csv", "无法识别文件编码"),
     (b"name,kind\n", "units.csv", "表头应为"),
     (b"%PDF-1.7", "units.pdf", "只支持 .xlsx 或 .csv")],
)
def test_it_refuses_malformed_files_with_a_clear_message(login, office_admin, city, content, name, message):
    before = Unit.objects.count()
    response = _upload(login(office_admin), content, name)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Unit.objects.count() == before


def test_it_refuses_oversized_uploads(login, office_admin, city):
    response = _upload(login(office_admin), b"x" * (5 * 1024 * 1024 + 1), "units.csv")
    assert "文件超过 5 MB" in response.content.decode()


def test_it_keeps_imports_for_the_office(login, clerk_a):
    response = _upload(login(clerk_a), b"a,b\n", "units.csv")
    assert response.status_code == 403


def test_it_refuses_a_zip_bomb_before_opening_it(login, office_admin, city):
    """Found by an outside test: the registry import had no zip-bomb check (attachments had)."""
    from tests.documents import with_zip_bomb

    bomb = with_zip_bomb(_xlsx([HEADER, ["x", "某局", "部门", "", "", "", "", "", ""]]).getvalue())
    assert len(bomb) < 200_000
    response = _upload(login(office_admin), bomb, "units.xlsx")
    assert "疑似压缩炸弹" in response.content.decode()
    assert not Unit.objects.filter(key="x").exists()


def test_a_unit_name_typed_as_a_formula_exports_as_text(login, office_admin, city):
    import csv

    Unit.objects.filter(pk=city.pk).update(name="=1+2")
    client = login(office_admin)
    sheet = load_workbook(io.BytesIO(client.get("/console/units/export.xlsx").content)).active
    [cell] = [cell for row in sheet.iter_rows() for cell in row if cell.value == "=1+2"]
    assert cell.data_type == "s"
    rows = list(csv.reader(io.StringIO(client.get("/console/units/export.csv").content.decode("utf-8-sig"))))
    assert any("'=1+2" in row for row in rows)
