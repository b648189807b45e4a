"""Readers: .txt in its encodings, and real .docx/.xlsx/.doc/.html files built from the seed tables.

The office files are made here (python-docx, openpyxl, LibreOffice for .doc) from the seeds' own
tables, so no opaque binary is checked in. Merged cells are real merges (vMerge in Word, merged
ranges in Excel, rowspan in HTML) and must read as the text tables do: inherited from above.
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from gongkai.rules.planparse import (
    Cell,
    Document,
    Paragraph,
    PlanKind,
    ReadError,
    Table,
    parse_document,
    parse_file,
    read_bytes,
    read_file,
)
from gongkai.rules.planparse.readers import MAX_BYTES
from tests.seeds import seed_path


def _seed_text(prefix: str) -> str:
    return seed_path(prefix).read_text(encoding="utf-8")


def _xinhui_rows(text: str) -> tuple[str, list[list[str]]]:
    """Seed 004's table as rows of five cells, read the way a person reads it: blocks between
    blank lines are rows, a tab starts a cell, an unindented line continues the cell above."""
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in text.splitlines():
        if not line.strip() and "\t" not in line:
            if current:
                blocks.append(current)
            current = []
        elif line.startswith("\t") or not current:
            current.append(line.strip())
        else:
            current[-1] += line.strip()
    blocks.append(current) if current else None
    title = blocks[0][0]
    rows = []
    for block in blocks[2:]:
        if block[0].startswith("公开方式"):
            continue
        if len(block) == 4:  # rows 66 and 67 skip the empty 工作任务 cell
            block.insert(1, "")
        rows.append(block + [""] * (5 - len(block)) if len(block) >= 4 else ["", "", "", "", "".join(block)])
    return title, rows


@pytest.fixture(scope="module")
def xinhui_docx(tmp_path_factory) -> Path:
    """Seed 004's table as a real .docx, built once for the tests that read it."""
    return _xinhui_docx(tmp_path_factory.mktemp("docx"))


def _xinhui_docx(tmp_path: Path) -> Path:
    import docx

    title, rows = _xinhui_rows(_seed_text("004"))
    document = docx.Document()
    document.add_paragraph(title)
    table = document.add_table(rows=len(rows) + 1, cols=5)
    for column, text in enumerate(["序号", "工作任务", "", "具体要求", "牵头及责任单位"]):
        table.cell(0, column).text = text
    table.cell(0, 1).merge(table.cell(0, 2))
    for index, row in enumerate(rows, 1):
        for column, text in enumerate(row):
            table.cell(index, column).text = text
    for column in (1, 2, 4):  # empty cells below a written one are merged into it (vMerge)
        _merge_down(table, column, rows)
    document.add_paragraph("")  # LibreOffice drops a table that ends the document
    path = tmp_path / "xinhui.docx"
    document.save(path)
    return path


def _merge_down(table, column: int, rows: list[list[str]]) -> None:
    top = None
    for index, row in enumerate(rows, 1):
        if row[column] or not any(row[:4]):
            top = index if row[column] and any(row[:4]) else None
            continue
        if top is not None:
            table.cell(top, column).merge(table.cell(index, column))


def _same_plan(left, right) -> None:
    assert [i.number for i in left.items] == [i.number for i in right.items]
    for a, b in zip(left.items, right.items, strict=True):
        assert (a.text, a.units, a.lead_units, a.section) == (b.text, b.units, b.lead_units, b.section)
        assert a.units_inherited == b.units_inherited


def test_it_reads_a_docx_table_with_merged_cells_like_the_text(xinhui_docx):
    from_text = parse_file(seed_path("004"))
    from_docx = parse_file(xinhui_docx)
    assert from_docx.kind is PlanKind.TABLE and len(from_docx.items) == 66
    assert from_docx.title == "新会区2018年政务公开工作要点分工方案"
    _same_plan(from_text, from_docx)
    assert any("区财政局牵头" in warning for warning in from_docx.warnings)


def test_it_marks_vertically_merged_docx_cells(xinhui_docx):
    document = read_file(xinhui_docx)
    table = next(block for block in document.blocks if isinstance(block, Table))
    assert table.rows[0][:3] == (Cell("序号"), Cell("工作任务"), Cell(""))
    assert table.rows[2][1] == Cell("", merged=True) and table.rows[2][4] == Cell("", merged=True)
    assert table.rows[3][4].text.startswith("区编办牵头")


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) 未安装")
def test_it_reads_a_doc_file_through_libreoffice(xinhui_docx, tmp_path):
    from gongkai.rules.planparse.readers import convert_with_libreoffice

    doc_bytes = convert_with_libreoffice(xinhui_docx.read_bytes(), ".docx", "doc")
    assert doc_bytes.startswith(b"\xd0\xcf\x11\xe0")  # an OLE .doc, not a renamed .docx
    path = tmp_path / "xinhui.doc"
    path.write_bytes(doc_bytes)
    plan = parse_file(path)
    assert len(plan.items) == 66
    _same_plan(parse_file(seed_path("004")), plan)


def _zhaoqing_xlsx(tmp_path: Path) -> Path:
    """Seed 000's plan written back as an Excel 分工方案, merged where the notice merged."""
    import openpyxl

    plan = parse_file(seed_path("000"))
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append([plan.title])
    sheet.merge_cells("A1:E1")
    sheet.append(["序号", "工作任务", "具体要求", "牵头落实单位", "完成时限"])
    row = 2
    for item in plan.items:
        row += 1
        task, _, own = item.number.partition(".")
        sheet.append([task, item.section[0], f"{own}.{item.text}" if own else item.text,
                      "、".join(item.units), item.deadline.raw])  # fmt: skip
        if row > 3 and sheet.cell(row - 1, 1).value in (task, None) and own and own != "1":
            _merge_up(sheet, row, (1, 2))
        if item.units_inherited:
            _merge_up(sheet, row, (4,))
        if item.deadline.inherited:
            _merge_up(sheet, row, (5,))
    path = tmp_path / "zhaoqing.xlsx"
    book.save(path)
    return path, plan


def _merge_up(sheet, row: int, columns: tuple[int, ...]) -> None:
    for column in columns:
        top = row - 1
        while sheet.cell(top, column).value is None and top > 1:  # already merged further up
            top -= 1
        for cell_range in list(sheet.merged_cells.ranges):
            if cell_range.min_col == column and cell_range.max_row == row - 1 and cell_range.min_row == top:
                sheet.unmerge_cells(str(cell_range))
        sheet.cell(row, column).value = None
        sheet.merge_cells(start_row=top, start_column=column, end_row=row, end_column=column)


def test_it_reads_an_xlsx_with_merged_ranges(tmp_path):
    path, from_text = _zhaoqing_xlsx(tmp_path)
    from_xlsx = parse_file(path)
    assert from_xlsx.title == from_text.title and from_xlsx.year == 2016
    assert len(from_xlsx.items) == 91
    for a, b in zip(from_text.items, from_xlsx.items, strict=True):
        assert (a.number, a.text, a.units, a.section) == (b.number, b.text, b.units, b.section)
        assert (a.deadline.date, a.deadline.recurrence) == (b.deadline.date, b.deadline.recurrence)
        assert (a.deadline.inherited, a.units_inherited) == (b.deadline.inherited, b.units_inherited)


SAVED_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>示范市</title>
<script>var nav = "序号 | 工作任务";</script><style>td {color: red}</style></head><body>
<div class="top-nav"><a>首页</a><a>政务公开</a><a>互动交流</a></div>
<div class="breadcrumb">您当前所在的位置：首页 &gt; 政务公开 &gt; 规划计划</div>
<table class="layout"><tr><td>
  <table><tr><td>索引号：</td><td>11440700MB2C99999X/2018-00031</td><td>文号：</td><td>示府办函[2018]第31号</td></tr>
  <tr><td>发布机构：</td><td>示范市人民政府办公室</td><td>发文日期：</td><td>2018-05-10</td></tr></table>
  <h1>示范市人民政府办公室关于印发示范市2018年政务公开工作要点分工方案的通知</h1>
  <p>各区人民政府：</p><p>现将《示范市2018年政务公开工作要点分工方案》印发给你们，请认真贯彻落实。</p>
  <p style="text-align:right">示范市人民政府办公室</p><p style="text-align:right">2018年5月8日</p>
  <table border="1">
   <tr><th>序号</th><th colspan="2">工作任务</th><th>具体要求</th><th>牵头及责任单位</th><th>完成时限</th></tr>
   <tr><td>1</td><td rowspan="3">着力加强公开解读回应工作</td><td rowspan="2">围绕建设法治政府全面推进政务公开</td>
       <td>把公开透明作为政府工作的基本要求，坚持以公开为常态、不公开为例外。</td>
       <td rowspan="2">各区政府，市政府各部门负责</td><td>2018年12月底前</td></tr>
   <tr><td>2</td><td>制定出台涉及公共利益、公众权益的政策文件，<br>要对公开相关信息作出明确规定。</td><td>全年工作</td></tr>
   <tr><td>3</td><td>围绕重点领域加大主动公开力度</td><td>分批制定政府数据年度开放计划。</td>
       <td>市政务数据局牵头，各区政府负责</td><td>2018 年 9 月底前</td></tr>
  </table>
</td></tr></table>
<div class="footer">主办：示范市人民政府办公室 网站标识码：4407000001 返回顶部</div>
</body></html>"""


def test_it_reads_a_saved_government_page(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(SAVED_PAGE, encoding="utf-8")
    plan = parse_file(path)
    assert plan.title == "示范市2018年政务公开工作要点分工方案"
    assert (plan.doc_number, plan.issuer, str(plan.issued_on)) == (
        "示府办函〔2018〕31号", "示范市人民政府办公室", "2018-05-08",
    )  # fmt: skip
    assert [item.number for item in plan.items] == ["1", "2", "3"]
    first, second, third = plan.items
    assert first.section == ("着力加强公开解读回应工作", "围绕建设法治政府全面推进政务公开")
    assert second.section == first.section and second.units_inherited
    assert second.text == "制定出台涉及公共利益、公众权益的政策文件，要对公开相关信息作出明确规定。"
    assert second.units == ("各区政府", "市政府各部门") and second.deadline.recurrence.value == "ongoing"
    assert third.section == ("着力加强公开解读回应工作", "围绕重点领域加大主动公开力度")
    assert third.lead_units == ("市政务数据局",) and str(third.deadline.date) == "2018-09-30"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-16-le"])
def test_it_detects_the_encoding_of_a_text_notice(encoding):
    text = _seed_text("002")
    plan = parse_document(read_bytes(text.encode(encoding), "notice.txt"))
    assert len(plan.items) == 16 and plan.doc_number == "海府办函〔2019〕168号"


def test_it_keeps_paragraphs_and_tables_in_document_order():
    document = read_bytes(SAVED_PAGE.encode("utf-8"), "page.htm")
    texts = [block.text if isinstance(block, Paragraph) else block.rows[0][0].text for block in document.blocks]
    assert texts.index("序号") > texts.index("2018年5月8日") > 0  # the plan table after the notice
    assert texts[0] == "索引号："  # the page's 索引号 block is a small table of its own
    assert all("var nav" not in block.text for block in document.blocks if isinstance(block, Paragraph))


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (b"", "为空"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "图片"),
        (b"PK\x03\x04" + b"\x00" * 60, "损坏"),
        (bytes(range(256)) * 8, "编码"),
        (b"abc\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f" * 40 + b"\x00", "编码"),
    ],
)
def test_it_refuses_what_is_not_a_readable_notice(content, fragment):
    with pytest.raises(ReadError, match=fragment):
        read_bytes(content, "notice.txt")


def test_it_refuses_binary_text_and_an_archive_that_is_not_office():
    with pytest.raises(ReadError, match="二进制"):
        read_bytes("正文".encode() + b"\x01\x02\x03\x04\x05\x06" * 50, "notice.txt")
    archive = io.BytesIO()
    import zipfile

    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("readme.txt", "x")
    with pytest.raises(ReadError, match="压缩文件"):
        read_bytes(archive.getvalue(), "notice.docx")


def test_it_refuses_an_oversized_or_missing_file_before_reading_it(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as file:
        file.truncate(MAX_BYTES + 1)
    with pytest.raises(ReadError, match="过大"):
        read_file(big)
    with pytest.raises(ReadError, match="不存在"):
        read_file(tmp_path / "missing.txt")


def test_it_reads_a_two_row_header_of_a_real_table():
    table = Table((
        (Cell("序号"), Cell("具体要求"), Cell("责任单位"), Cell(""), Cell("完成时限")),
        (Cell("", merged=True), Cell("", merged=True), Cell("牵头单位"), Cell("配合单位"), Cell("", merged=True)),
        (Cell("1"), Cell("公开预算。"), Cell("市财政局"), Cell("各区政府"), Cell("2020年6月底前")),
        (Cell("2"), Cell("公开决算。"), Cell("", merged=True), Cell("市审计局"), Cell("全年")),
    ))  # fmt: skip
    plan = parse_document(Document((Paragraph("示范市2020年政务公开工作要点分工方案"), table)))
    first, second = plan.items
    assert first.lead_units == ("市财政局",) and first.units == ("市财政局", "各区政府")
    assert second.lead_units == ("市财政局",) and second.units == ("市财政局", "市审计局")
    assert second.units_inherited
