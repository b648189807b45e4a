"""Reading a published annual report's tables from its file (CONTRACTS.md §6), on reports written
here in every file type: merged header cells, blanks printed as "/" or "—", the 2019 trial
format, the old one-row （六） in a 2021 report, a PDF whose labels wrap."""

from __future__ import annotations

import pytest

from gongkai.rules.annualreport import FORMAT_2019, FORMAT_2021, check_report
from gongkai.rules.annualreport.documents import read_source
from gongkai.rules.annualreport.reading import normalise, read_report, value_of
from gongkai.rules.filetext import UnreadableDocument
from tests.documents import pdf_with_pages
from tests.rules.annualreport_files import WRITERS, docx_report, report_parts
from tests.rules.annualreport_tables import (
    CLEAN_PROACTIVE_2021,
    CLEAN_REVIEWS,
    changed,
    rows_of,
    tables,
)


def read(name: str, content: bytes):
    source = read_source(name, content)
    return read_report(source.rows, source.text)


@pytest.mark.parametrize("kind", list(WRITERS))
def test_it_reads_every_table_of_a_report_in_each_file_type(kind):
    report = read(f"年报.{kind}", WRITERS[kind](report_parts(tables())))
    assert (report.year, report.body) == (2024, "某某市某某局")
    assert report.tables.format is FORMAT_2021
    assert report.tables.applications == rows_of(FORMAT_2021)
    assert report.tables.proactive == CLEAN_PROACTIVE_2021
    assert report.tables.reviews == CLEAN_REVIEWS
    assert report.warnings == ()
    assert check_report(report.tables).clean


@pytest.mark.parametrize("kind", list(WRITERS))
def test_it_finds_the_changed_cell_in_each_file_type(kind):
    report = read(f"年报.{kind}", WRITERS[kind](report_parts(tables(rows=changed("三(三)4", 0, 2)))))
    rules = {(found.rule, found.cell) for found in check_report(report.tables).violations}
    assert rules == {("D1", "三(三)4"), ("D2", "自然人")}


@pytest.mark.parametrize("kind", ["docx", "xlsx", "html", "pdf"])
def test_it_reads_the_other_row_printed_as_one_row_in_a_2021_report(kind):
    rows = rows_of(FORMAT_2021)
    rows["三(六)"] = rows.pop("三(六)1")
    del rows["三(六)2"], rows["三(六)3"]
    report = read(f"年报.{kind}", WRITERS[kind](report_parts(tables(rows=rows))))
    assert report.tables.format is FORMAT_2021
    assert report.tables.applications["三(六)"] == [1, 0, 0, 0, 0, 0, 1]
    assert "三(六)1" not in report.tables.applications and report.warnings == ()
    assert check_report(report.tables).clean


@pytest.mark.parametrize("kind", ["docx", "xlsx", "html", "txt"])
def test_it_reads_blank_slash_and_dash_cells_as_null(kind):
    rows = rows_of(FORMAT_2021)
    rows["三(三)1"] = ["/", "—", "-", "无", "", "／", "——"]
    proactive = {**CLEAN_PROACTIVE_2021, "规章": {"制发": "/", "废止": "/", "现行有效": "/"}}
    written = tables(rows=rows, proactive=proactive)  # type: ignore[arg-type]
    report = read(f"年报.{kind}", WRITERS[kind](report_parts(written)))
    assert report.tables.applications["三(三)1"] == [None] * 7
    assert report.tables.proactive["规章"] == {"制发": None, "废止": None, "现行有效": None}
    assert check_report(report.tables).clean


def test_it_keeps_a_word_in_a_number_cell_for_d5_to_name():
    report = read("年报.docx", docx_report(report_parts(tables(rows=changed("三(五)2", 1, "若干")))))
    assert report.tables.applications["三(五)2"][1] == "若干"
    [found] = check_report(report.tables).violations
    assert (found.rule, found.cell) == ("D5", "三(五)2·商业企业")


def test_it_reads_the_2019_trial_format_written_by_hand_as_plain_text():
    text = """某某县某某镇人民政府
2020年政府信息公开工作年度报告
二、主动公开政府信息情况
第二十条第（一）项
信息内容 本年新制作数量 本年新公开数量 对外公开总数量
规章 / / /
规范性文件 2 2 15
第二十条第（五）项
信息内容 上一年项目数量 本年增/减 处理决定数量
行政许可 12 -1 340
其他对外管理服务事项 3 0 25
第二十条第（六）项
行政处罚 8 0 61
行政强制 2 0 4
第二十条第（八）项
行政事业性收费 1 0
第二十条第（九）项
信息内容 采购项目数量 采购总金额
政府集中采购 4 36.5
三、收到和处理政府信息公开申请情况
（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）
自然人 法人或其他组织 总计
商业企业 科研机构 社会公益组织 法律服务机构 其他
一、本年新收政府信息公开申请数量 3 1 0 0 0 0 4
二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0
三、本年度办理结果
（一）予以公开 2 1 0 0 0 0 3
（二）部分公开（区分处理的，只计这一情形，不计其他情形） 0 0 0 0 0 0 0
（三）不予公开 1.属于国家秘密 0 0 0 0 0 0 0
2.其他法律行政法规禁止公开 — — — — — — —
3.危及“三安全一稳定” 0 0 0 0 0 0 0
4.保护第三方合法权益 0 0 0 0 0 0 0
5.属于三类内部事务信息 0 0 0 0 0 0 0
6.属于四类过程性信息 0 0 0 0 0 0 0
7.属于行政执法案卷 0 0 0 0 0 0 0
8.属于行政查询事项 0 0 0 0 0 0 0
（四）无法提供 1.本机关不掌握相关政府信息 0 0 0 0 0 0 0
2.没有现成信息需要另行制作 0 0 0 0 0 0 0
3.补正后申请内容仍不明确 0 0 0 0 0 0 0
（五）不予处理 1.信访举报投诉类申请 0 0 0 0 0 0 0
2.重复申请 0 0 0 0 0 0 0
3.要求提供公开出版物 0 0 0 0 0 0 0
4.无正当理由大量反复申请 0 0 0 0 0 0 0
5.要求行政机关确认或重新出具已获取信息 0 0 0 0 0 0 0
（六）其他处理 1 0 0 0 0 0 1
（七）总计 3 1 0 0 0 0 4
四、结转下年度继续办理 0 0 0 0 0 0 0
四、政府信息公开行政复议、行政诉讼情况
行政复议 行政诉讼
未经复议直接起诉 复议后起诉
结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计
1 0 0 0 1 0 0 0 1 1 0 0 0 0 0
"""
    report = read("年报.txt", text.encode("gb18030"))
    assert (report.year, report.body) == (2020, "某某县某某镇人民政府")
    assert report.tables.format is FORMAT_2019 and report.warnings == ()
    assert report.tables.proactive["规章"] == {"新制作": None, "新公开": None, "对外公开总数": None}
    assert report.tables.proactive["行政许可"] == {"上一年项目数量": 12, "本年增减": -1, "处理决定数量": 340}
    assert report.tables.proactive["政府集中采购"] == {"采购项目数量": 4, "采购总金额": 36.5}
    assert list(report.tables.applications) == list(FORMAT_2019.application_keys)
    assert report.tables.applications["三(六)"] == [1, 0, 0, 0, 0, 0, 1]
    assert report.tables.applications["三(三)2"] == [None] * 7
    assert report.tables.reviews == [1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0]
    assert check_report(report.tables).clean


def test_it_reads_a_pdf_whose_long_labels_wrap_over_two_lines():
    lines = [
        "某某区某某局2023年政府信息公开工作年度报告",
        "一、本年新收政府信息公开申请数量 2 0 0 0 0 0 2",
        "二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0",
        "三、本年度办理结果 （一）予以公开 1 0 0 0 0 0 1",
        "（二）部分公开（区分处理的，只计这一情形，",  # the numbers come on the next line
        "不计其他情形） 1 0 0 0 0 0 1",
        "（六）其他处理 1.申请人无正当理由逾期不补正、 0 0 0 0 0 0 0",
        "行政机关不再处理其政府信息公开申请",  # the rest of the label, after its numbers
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关 0 0 0 0 0 0 0",
        "不再处理其政府信息公开申请",
        "3.其他 0 0 0 0 0 0 0",
        "（七）总计 2 0 0 0 0 0 2",
        "四、结转下年度继续办理 0 0 0 0 0 0 0",
    ]
    report = read("年报.pdf", pdf_with_pages("\n".join(lines), cjk=True))
    assert report.year == 2023
    rows = report.tables.applications
    assert rows["三(二)"] == [1, 0, 0, 0, 0, 0, 1]
    assert rows["三(六)1"] == rows["三(六)2"] == rows["三(六)3"] == [0] * 7
    assert rows["三(七)"] == [2, 0, 0, 0, 0, 0, 2]
    assert check_report(report.tables).clean
    assert "未找到第四部分表格（政府信息公开行政复议、行政诉讼情况）" in report.warnings
    assert any(warning.startswith("第三部分表格缺少以下行：三(三)1") for warning in report.warnings)


def test_it_says_which_pdf_row_lost_its_blank_cells():
    lines = [
        "一、本年新收政府信息公开申请数量 2 0 0 0 0 0 2",
        "三、本年度办理结果 （一）予以公开 2 2",  # blanks are not printed in a PDF's text
        "四、结转下年度继续办理 0 0 0 0 0 0 0",
    ]
    report = read("年报.pdf", pdf_with_pages("\n".join(lines), cjk=True))
    assert "三(一)" not in report.tables.applications
    assert (
        "第三部分表格的“三(一)”行只读到 2 个数（应有 7 个），无法对应到列，请人工核对"
        in report.warnings
    )


@pytest.mark.parametrize(
    ("printed", "value"),
    [("0", 0), ("12", 12), ("１２", 12), ("1,234", 1234), (" 7 ", 7), ("0.35", 0.35),
     ("-2", -2), ("/", None), ("—", None), ("-", None), ("无", None), ("", None)],
)  # fmt: skip
def test_it_reads_the_numbers_as_reports_print_them(printed, value):
    assert value_of(printed) == value


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("年报.docx", b"not a zip", "文件可能已损坏"),
        ("年报.doc", b"\xd0\xcf\x11\xe0", "不能读取此类文件（.doc）"),
        ("年报.txt", b"", "文件为空"),
    ],
)
def test_it_says_why_a_file_cannot_be_read(name, content, message):
    with pytest.raises(UnreadableDocument, match=message):
        read_source(name, content)


# Labels as one unit typed them: full-width dots, "、", other quotes, a comma, "关于" in the title.
HAND_LABELS = [
    ("三、本年度办理结果", "（一）予以公开", ""),
    ("", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", ""),
    ("", "（三）不予公开", "1．属于国家秘密"),
    ("", "", "2．其他法律行政法规禁止公开"),
    ("", "", "3、危及「三安全一稳定」"),
    ("", "", "4．保护第三方合法权益"),
    ("", "", "5．属于三类内部事务信息"),
    ("", "", "6．属于四类过程性信息"),
    ("", "", "7．属于行政执法案卷"),
    ("", "", "8．属于行政查询事项"),
    ("", "（四）无法提供", "1．本机关不掌握相关政府信息"),
    ("", "", "2．没有现成信息，需要另行制作"),
    ("", "", "3．补正后申请内容仍不明确"),
    ("", "（五）不予处理", "1．信访举报投诉类申请"),
    ("", "", "2．重复申请"),
    ("", "", "3．要求提供公开出版物"),
    ("", "", "4．无正当理由大量反复申请"),
    ("", "", "5．要求行政机关确认或重新出具已获取信息"),
    ("", "（六）其他处理", "1．申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请"),
    ("", "", "2．申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    ("", "", "3．其他"),
    ("", "（七）总计", ""),
]


def test_it_reads_a_hand_typed_html_table_with_other_label_spellings():
    rows = rows_of(FORMAT_2021)
    keys = FORMAT_2021.application_keys[2:-1]  # 三(一) … 三(七)
    body = [
        "<tr><th colspan='3'>一、本年新收政府信息公开申请数量</th>"
        + "".join(f"<td>{n}</td>" for n in rows["一"]) + "</tr>",
        "<tr><th colspan='3'>二、上年结转政府信息公开申请数量</th>"
        + "".join(f"<td>&nbsp;{n}&nbsp;</td>" for n in rows["二"]) + "</tr>",
    ]
    for (top, group, item), key in zip(HAND_LABELS, keys, strict=True):
        labels = "".join(f"<th>{text}</th>" for text in (top, group, item) if text)
        body.append(f"<tr>{labels}" + "".join(f"<td>{n}</td>" for n in rows[key]) + "</tr>")
    body.append("<tr><th colspan='3'>四、结转下年度继续办理</th>" + "".join(f"<td>{n}</td>" for n in rows["四"]) + "</tr>")
    # The group cells span their rows, as the original's do: 三、 over 22 rows, （三） over 8 …
    page = "<h1>示范县农业农村局关于2025年政府信息公开工作年度报告</h1><table>" + "".join(body) + "</table>"
    for text, span in [("三、本年度办理结果", 22), ("（三）不予公开", 8), ("（四）无法提供", 3),
                       ("（五）不予处理", 5), ("（六）其他处理", 3)]:  # fmt: skip
        page = page.replace(f"<th>{text}</th>", f"<th rowspan='{span}'>{text}</th>", 1)
    page = page.replace("<th>（一）予以公开</th>", "<th colspan='2'>（一）予以公开</th>")
    page = page.replace("<th>（二）部分公开", "<th colspan='2'>（二）部分公开").replace("<th>（七）总计</th>", "<th colspan='2'>（七）总计</th>")
    report = read("年报.html", page.encode("utf-8"))
    assert (report.year, report.body) == (2025, "示范县农业农村局")
    assert report.tables.applications == rows
    assert [w for w in report.warnings if "第三部分" in w] == []


@pytest.mark.parametrize("blank", ["―", "――", "－", "／"])
def test_it_reads_other_dashes_as_blank(blank):
    assert value_of(blank) is None


@pytest.mark.parametrize(
    ("label", "key"),
    [
        ("（三）不予公开危及“三安全一稳定”", "三(三)3"),  # no number: the wording decides
        ("（三）不予公开危及\"三安全一稳定\"", "三(三)3"),
        ("（五）不予处理重复申请", "三(五)2"),
        ("（六）其他处理", "三(六)"),  # the single row of the old layout
        ("（六）其他处理其他", "三(六)3"),
        ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "三(二)"),
        ("四、结转下年度继续办理", "四"),
    ],
)
def test_it_knows_a_row_by_its_words(label, key):
    from gongkai.rules.annualreport.reading import _application_key

    assert _application_key(normalise(label), "")[0] == key
