"""The open-data rules: an uploaded table read and refused whole with its rows, DCAT-AP JSON-LD,
and the standing of an opening-plan entry by the working calendar."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime

import pytest

from gongkai.rules.calendar import WorkingCalendar
from gongkai.rules.opendata import dcat, openplan
from gongkai.rules.opendata.openplan import Standing
from gongkai.rules.opendata.sheet import SheetLimits, SheetRefused, read_table
from tests.opendata.conftest import xlsx


def refusal(name: str, content: bytes, **limits: int) -> list[str]:
    with pytest.raises(SheetRefused) as caught:
        read_table(name, content, SheetLimits(**limits))
    return [str(problem) for problem in caught.value.problems]


def test_it_reads_an_xlsx_with_numbers_dates_and_empty_rows():
    table = read_table("预算.xlsx", xlsx([
        ["部门", "金额", "日期"], ["财政局", 12.5, datetime(2026, 2, 10)], [None, None, None], ["教育局", 3, None],
    ]))
    assert table.header == ("部门", "金额", "日期")
    assert table.rows == (("财政局", 12.5, "2026-02-10"), ("教育局", 3, None))


def test_it_reads_a_csv_in_gb18030_and_in_utf8_with_bom():
    text = "学校,学生数\n第一中学,1200\n第二小学,800\n"
    for encoded in (text.encode("gb18030"), "\ufeff".encode() + text.encode()):
        table = read_table("学校.csv", encoded)
        assert table.header == ("学校", "学生数")
        assert table.rows == (("第一中学", "1200"), ("第二小学", "800"))


def test_it_refuses_an_empty_header_cell_with_its_row_and_column():
    assert refusal("a.xlsx", xlsx([["部门", None, "金额"], ["财政局", 1, 2]])) == ["第 1 行：表头第 B 列为空，每一列都要有列名"]


def test_it_refuses_a_column_name_twice():
    assert refusal("a.csv", "部门,金额,金额\n财政局,1,2\n".encode()) == ["第 1 行：表头第 C 列“金额”与第 B 列重名，列名不能重复"]


def test_it_refuses_a_sheet_without_header_or_without_data():
    assert refusal("a.csv", b"") == ["文件“a.csv”是空文件，请检查后重新选择"]
    assert refusal("a.csv", "部门,金额\n".encode()) == ["第 2 行：表格只有表头，没有数据行"]


def test_it_refuses_rows_wider_than_the_header_and_short_csv_rows_each_by_row():
    problems = refusal("a.xlsx", xlsx([["部门", "金额"], ["财政局", 1], ["教育局", 2, "多出的值"], ["民政局", 3, None, "又多"]]))
    assert problems == [
        "第 3 行：有 3 列，而表头有 2 列：每一行的列数要与表头一致",
        "第 4 行：有 4 列，而表头有 2 列：每一行的列数要与表头一致",
    ]
    assert refusal("a.csv", "部门,金额,备注\n财政局,1,\n教育局,2\n".encode()) == [
        "第 3 行：有 2 列，而表头有 3 列：每一行的列数要与表头一致"
    ]


def test_it_refuses_past_the_limits_of_rows_columns_and_cell_length():
    rows = [["序号"]] + [[n] for n in range(1, 12)]
    assert refusal("a.xlsx", xlsx(rows), max_rows=10) == ["第 12 行：数据超过 10 行的上限，请拆分为多个数据集"]
    assert refusal("a.xlsx", xlsx([list("abcdef"), list("123456")]), max_columns=5) == ["第 1 行：表头有 6 列，超过上限 5 列"]
    assert refusal("a.csv", f"说明\n{'长' * 30}\n".encode(), max_cell_chars=20) == ["第 2 行：第 A 列超过 20 个字"]


def test_it_refuses_what_is_not_a_table_whatever_its_name():
    assert "可执行程序" in refusal("表.xlsx", b"MZ\x90\x00" + b"\x00" * 100)[0]
    assert refusal("表.docx", b"PK") == ["“表.docx”不是 .xlsx 或 .csv 文件：数据集只接受这两种表格"]
    assert refusal("表.csv", b"\x00\x01\x02\xff\xfe\x00") == ["文件“表.csv”的实际内容是无法识别的内容，不是纯文本，已拒绝上传"]


def test_it_refuses_an_xlsx_whose_parts_declare_a_dtd():
    source = zipfile.ZipFile(io.BytesIO(xlsx([["a"], [1]])))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as bomb:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/workbook.xml":
                head, _, rest = data.partition(b"<workbook")
                data = head + b'<!DOCTYPE x [<!ENTITY a "aaaa">]><workbook' + rest
            bomb.writestr(info.filename, data)
    assert "文档类型声明" in refusal("a.xlsx", buffer.getvalue())[0]


def test_it_refuses_a_zip_bomb_before_reading_it():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as bomb:
        bomb.writestr("[Content_Types].xml", '<Types><Override ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>')
        bomb.writestr("xl/worksheets/sheet1.xml", b"0" * (200 * 1024 * 1024))
    assert refusal("a.xlsx", buffer.getvalue())  # refused from the central directory


# --- DCAT-AP ---------------------------------------------------------------------------------


META = dcat.DatasetMeta(
    uri="https://gk.example.gov.cn/data/finance-1/", identifier="finance-1", title="预算支出", description="",
    publisher_name="示范市财政局", publisher_uri="https://gk.example.gov.cn/api/v1/units/3", theme="finance",
    frequency="annual", licence="open", keywords=("预算",), issued=date(2026, 3, 2),
    modified=datetime(2026, 3, 2, 9, 30), downloads=(("csv", "https://gk.example.gov.cn/data/finance-1/data.csv"),),
)


def test_it_describes_a_data_set_as_dcat_ap_json_ld():
    node = dcat.dataset_jsonld(META)
    assert node["@type"] == "dcat:Dataset" and node["@context"]["dcat"] == "http://www.w3.org/ns/dcat#"
    assert node["dct:title"] == {"@value": "预算支出", "@language": "zh-CN"}
    assert node["dct:publisher"]["foaf:name"]["@value"] == "示范市财政局"
    assert node["dct:issued"] == "2026-03-02" and node["dct:modified"] == "2026-03-02T09:30:00"
    assert node["dct:accrualPeriodicity"] == "http://publications.europa.eu/resource/authority/frequency/ANNUAL"
    assert node["dct:license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert node["dcat:theme"]["@value"] == "财税金融"
    [distribution] = node["dcat:distribution"]
    assert distribution["@type"] == "dcat:Distribution"
    assert distribution["dcat:downloadURL"].endswith("/data.csv")
    assert distribution["dcat:mediaType"] == "https://www.iana.org/assignments/media-types/text/csv"


def test_it_puts_the_data_sets_in_a_catalog():
    catalog = dcat.catalog_jsonld("https://gk.example.gov.cn/data/", "数据开放", "示范市人民政府办公室", [META, META])
    assert catalog["@type"] == "dcat:Catalog" and len(catalog["dcat:dataset"]) == 2
    assert "@context" not in catalog["dcat:dataset"][0]


# --- the opening plan ------------------------------------------------------------------------


CALENDAR = WorkingCalendar()


def test_a_planned_date_on_a_holiday_is_due_the_next_working_day():
    assert openplan.due_on(date(2026, 10, 1), CALENDAR) == date(2026, 10, 8)  # 国庆 1–7 October
    assert openplan.due_on(date(2026, 9, 30), CALENDAR) == date(2026, 9, 30)


@pytest.mark.parametrize(("opened_on", "today", "expected"), [
    (date(2026, 10, 8), date(2026, 12, 1), Standing.OPENED),  # opened by the day the holiday moved it to
    (date(2026, 10, 9), date(2026, 12, 1), Standing.OPENED_LATE),
    (None, date(2026, 10, 9), Standing.LATE),
    (None, date(2026, 10, 8), Standing.DUE_SOON),
    (None, date(2026, 9, 28), Standing.DUE_SOON),  # 2 working days before the holiday, within 5
    (None, date(2026, 9, 1), Standing.PLANNED),
])
def test_it_derives_where_an_entry_stands(opened_on, today, expected):
    assert openplan.standing(date(2026, 10, 1), opened_on, today, CALENDAR) is expected


def test_it_tallies_a_units_plan():
    tally = openplan.tally([Standing.OPENED, Standing.OPENED_LATE, Standing.LATE, Standing.PLANNED])
    assert (tally.planned, tally.opened, tally.late, tally.opened_late, tally.rate) == (4, 2, 1, 1, 50.0)
    assert openplan.tally([]).rate == 0.0
