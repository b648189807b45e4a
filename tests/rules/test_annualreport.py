"""The annual report's template as data and its consistency rules (DOMAIN.md 2.2–2.7)."""

from __future__ import annotations

import pytest

from gongkai.rules.annualreport import (
    APPLICATION_COLUMNS,
    FORMAT_2019,
    FORMAT_2021,
    FORMATS,
    REVIEW_COLUMNS,
    ReportTemplate,
    check_report,
    outcome_row,
)
from gongkai.rules.annualreport.template import SECTIONS, review_cell_name
from gongkai.rules.foioutcomes import Outcome
from tests.rules.annualreport_tables import CLEAN_REVIEWS, changed, rows_of, tables

# --- the template -------------------------------------------------------------------------------


def test_it_has_the_six_sections_in_order():
    assert [section[:2] for section in SECTIONS] == ["一、", "二、", "三、", "四、", "五、", "六、"]
    assert SECTIONS[3] == "四、政府信息公开行政复议、行政诉讼情况"
    assert all(form.sections == SECTIONS for form in FORMATS.values())


def test_it_has_the_2021_proactive_tables_of_domain_2_3():
    tables_ = {table.item: table for table in FORMAT_2021.proactive}
    assert list(tables_) == [
        "第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项",
    ]  # fmt: skip
    first = tables_["第二十条第（一）项"]
    assert first.rows == ("规章", "行政规范性文件")
    assert [c.label for c in first.columns] == ["本年制发件数", "本年废止件数", "现行有效件数"]
    assert tables_["第二十条第（六）项"].rows == ("行政处罚", "行政强制")
    assert tables_["第二十条第（八）项"].columns[0].label == "本年收费金额（单位：万元）"


def test_it_has_the_2019_proactive_tables_of_domain_2_7():
    tables_ = {table.item: table for table in FORMAT_2019.proactive}
    assert tables_["第二十条第（一）项"].rows == ("规章", "规范性文件")
    assert [c.label for c in tables_["第二十条第（五）项"].columns] == [
        "上一年项目数量", "本年增/减", "处理决定数量",
    ]  # fmt: skip
    assert tables_["第二十条第（五）项"].rows == ("行政许可", "其他对外管理服务事项")
    assert [c.key for c in tables_["第二十条第（九）项"].columns] == ["采购项目数量", "采购总金额"]


def test_it_has_the_seven_applicant_columns():
    assert APPLICATION_COLUMNS == (
        "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计",
    )  # fmt: skip


def test_it_has_25_rows_in_2021_and_23_in_the_2019_trial_format():
    assert len(FORMAT_2021.application_rows) == 25  # DOMAIN.md 9.19
    assert len(FORMAT_2019.application_rows) == 23
    assert FORMAT_2021.application_keys[:4] == ("一", "二", "三(一)", "三(二)")
    assert FORMAT_2021.application_keys[-5:] == ("三(六)1", "三(六)2", "三(六)3", "三(七)", "四")
    assert FORMAT_2019.application_keys[-3:] == ("三(六)", "三(七)", "四")
    assert FORMAT_2021.application_rows[4].label == "1.属于国家秘密"


@pytest.mark.parametrize("version", list(ReportTemplate))
def test_it_counts_every_outcome_in_one_outcome_row(version):
    form = FORMATS[version]
    rows = {outcome_row(outcome, version) for outcome in Outcome}
    assert rows == set(form.outcome_keys)


def test_it_names_the_fifteen_review_columns_in_template_order():
    assert REVIEW_COLUMNS == 15
    assert review_cell_name(0) == "行政复议·结果维持"
    assert review_cell_name(4) == "行政复议·总计"
    assert review_cell_name(8) == "行政诉讼·未经复议直接起诉·尚未审结"
    assert review_cell_name(14) == "行政诉讼·复议后起诉·总计"


# --- the rules ----------------------------------------------------------------------------------


def findings(result, rule):
    return [(f.cell, f.message) for f in (*result.violations, *result.warnings) if f.rule == rule]


def test_it_passes_a_report_whose_cells_add_up():
    result = check_report(tables())
    assert result.clean and not result.warnings


def test_it_passes_the_same_numbers_in_the_2019_trial_format():
    assert check_report(tables(FORMAT_2019, proactive={})).clean


def test_e1_names_the_column_where_received_and_carried_differ_from_handled_and_forwarded():
    rows = changed("四", 0, 2)
    rows["四"][6] = 2  # 总计 follows, so D1 holds: only E1 fails
    result = check_report(tables(rows=rows))
    assert findings(result, "E1") == [
        ("自然人", "自然人：一 + 二 = 5 + 1 ≠ 三(七) + 四 = 5 + 2"),
        ("总计", "总计：一 + 二 = 7 + 1 ≠ 三(七) + 四 = 7 + 2"),
    ]
    assert {f.rule for f in result.violations} == {"E1"}


def test_d1_names_the_row_whose_total_is_not_the_sum_of_the_applicants():
    result = check_report(tables(rows=changed("三(一)", 6, 4)))
    assert findings(result, "D1") == [
        ("三(一)", "三(一)：总计 4 ≠ 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他"
         " = 2 + 1 + 0 + 0 + 0 + 0 = 3"),
    ]  # fmt: skip


def test_d2_shows_the_outcome_rows_that_do_not_add_up_to_the_total():
    rows = changed("三(七)", 1, 3)
    result = check_report(tables(rows=rows))
    [(cell, message)] = findings(result, "D2")
    assert cell == "商业企业"
    assert message.startswith("三(七)总计·法人或其他组织·商业企业：3 ≠ 1 + 0 + 0 + ")
    assert message.endswith(" = 1（三(一)至三(六)3共 21 行之和）")


def test_d2_adds_the_single_other_row_where_a_2021_report_used_the_old_layout():
    rows = rows_of(FORMAT_2021)
    for key in ("三(六)1", "三(六)2", "三(六)3"):
        del rows[key]
    rows["三(六)"] = [1, 0, 0, 0, 0, 0, 1]
    assert check_report(tables(rows=rows)).clean
    rows["三(六)"] = [0, 0, 0, 0, 0, 0, 0]
    assert [f.cell for f in check_report(tables(rows=rows)).violations if f.rule == "D2"] == [
        "自然人", "总计",
    ]  # fmt: skip


def test_d3_compares_the_carried_over_row_with_last_years_carried_forward_row():
    last_year = tables(rows=changed("四", 0, 2))
    result = check_report(tables(), previous=last_year)
    assert findings(result, "D3") == [
        ("自然人", "自然人：本年 二、上年结转 1 ≠ 上年 四、结转下年度继续办理 2"),
    ]
    assert findings(check_report(tables(), previous=tables()), "D3") == []


def test_d3_is_not_checked_without_last_years_report():
    assert check_report(tables(rows=changed("二", 0, 9))).violations[0].rule != "D3"


def test_d4_names_the_review_group_whose_total_is_wrong():
    reviews = list(CLEAN_REVIEWS)
    reviews[14] = 1
    result = check_report(tables(reviews=reviews))
    assert findings(result, "D4") == [
        ("行政诉讼·复议后起诉", "行政诉讼·复议后起诉：总计 1 ≠ 结果维持 + 结果纠正 + 其他结果 + "
         "尚未审结 = 0 + 0 + 0 + 0 = 0"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("value", "words"),
    [(-1, "-1 应为非负整数"), (1.5, "1.5 应为非负整数"), ("若干", "“若干” 应为非负整数")],
)
def test_d5_names_a_cell_that_is_not_a_non_negative_integer(value, words):
    rows = changed("三(三)1", 2, value)
    result = check_report(tables(rows=rows))
    assert findings(result, "D5") == [("三(三)1·科研机构", f"三(三)1·科研机构：{words}")]


def test_d5_allows_decimals_in_the_fee_amount_but_not_a_negative_one():
    proactive = {"行政事业性收费": {"收费金额": 0.35}}
    assert check_report(tables(proactive=proactive)).clean
    proactive = {"行政事业性收费": {"收费金额": -0.35}}
    assert findings(check_report(tables(proactive=proactive)), "D5") == [
        ("行政事业性收费·收费金额", "行政事业性收费·收费金额：-0.35 应为非负数（单位：万元）"),
    ]


def test_d5_allows_a_decrease_in_the_2019_formats_change_column():
    proactive = {"行政许可": {"上一年项目数量": 10, "本年增减": -2, "处理决定数量": 7}}
    assert check_report(tables(FORMAT_2019, proactive=proactive)).clean


def test_d5_checks_the_review_cells():
    reviews = list(CLEAN_REVIEWS)
    reviews[0] = 0.5
    reviews[4] = 1.5
    assert [f.cell for f in check_report(tables(reviews=reviews)).violations] == [
        "行政复议·结果维持", "行政复议·总计",
    ]  # fmt: skip


def test_a_blank_cell_is_never_a_violation_by_itself():
    rows = rows_of(FORMAT_2021)
    rows = {key: [None if value == 0 else value for value in cells] for key, cells in rows.items()}
    proactive = {"规章": {"制发": None, "废止": None, "现行有效": None}}
    assert check_report(tables(rows=rows, proactive=proactive, reviews=[None] * 15)).clean


def test_a_blank_total_is_not_checked_but_a_blank_part_adds_as_zero():
    assert check_report(tables(rows=changed("三(七)", 6, None))).clean is False  # E1 still sees it
    rows = changed("三(一)", 6, None)
    assert findings(check_report(tables(rows=rows)), "D1") == []
    rows = changed("三(一)", 0, None)  # 三(一) 总计 3 ≠ 0 + 1
    assert [cell for cell, _ in findings(check_report(tables(rows=rows)), "D1")] == ["三(一)"]


def test_d6_warns_when_the_documents_in_force_do_not_follow_from_last_year():
    last_year = tables(proactive={"行政规范性文件": {"制发": 2, "废止": 0, "现行有效": 11}})
    result = check_report(tables(), previous=last_year)
    assert result.clean
    assert findings(result, "D6") == [
        ("行政规范性文件·现行有效", "行政规范性文件：现行有效 12 ≠ 上年现行有效 + 本年制发 − 本年废止"
         " = 11 + 3 − 1 = 13（规章或文件修订时可能不相等，请核对）"),
    ]  # fmt: skip
    last_year = tables(proactive={"行政规范性文件": {"制发": 2, "废止": 0, "现行有效": 10}})
    assert findings(check_report(tables(), previous=last_year), "D6") == []


def test_d7_warns_when_last_years_pending_cases_do_not_come_back():
    last_year = tables(reviews=[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 3])
    result = check_report(tables(), previous=last_year)
    assert result.clean
    assert [cell for cell, _ in findings(result, "D7")] == ["行政诉讼·复议后起诉"]
    assert findings(check_report(tables(), previous=tables()), "D7") == []


def test_a_rule_is_not_checked_when_a_row_it_needs_is_missing():
    rows = rows_of(FORMAT_2021)
    del rows["四"], rows["三(三)8"]
    result = check_report(tables(rows=rows), previous=tables())
    assert {f.rule for f in result.violations} == set()
    rows = rows_of(FORMAT_2021)
    del rows["三(三)8"]
    rows["三(七)"] = [9, 1, 0, 0, 1, 0, 12]  # 9 + 1 + 1 = 11 ≠ 12
    assert {f.rule for f in check_report(tables(rows=rows)).violations} == {"E1", "D1"}
