"""Title, issuer, 文号, issue date and plan year of a notice. Pure rules."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.rules.planparse import PlanKind, parse_text
from gongkai.rules.planparse.metadata import extract_metadata, normalize_doc_number


@pytest.mark.parametrize(
    "written",
    ["海府办函[2019]168号", "海府办函(2019)168号", "海府办函〔2019〕第168号", "海府办函【2019】168号",
     "海府办函（２０１９）168号", "海府办函〔 2019 〕 168 号", "海府办函〔2019〕0168号"],
)  # fmt: skip
def test_it_normalises_the_doc_number(written):
    assert normalize_doc_number(written) == "海府办函〔2019〕168号"


def test_it_takes_the_doc_number_from_its_label_or_its_own_line_only():
    cited = ["关于印发要点的通知", "根据《意见》(中办发〔2016〕8号)和《通知》(国办发〔2016〕19号)精神"]
    assert extract_metadata(cited).doc_number is None
    assert extract_metadata(["肇府办〔2016〕 12号", *cited]).doc_number == "肇府办〔2016〕12号"
    assert extract_metadata(["号:  六政务公开办〔2017〕2号  词:"]).doc_number == "六政务公开办〔2017〕2号"


def test_it_reads_a_title_wrapped_over_two_lines():
    meta = extract_metadata(["肇庆市人民政府办公室关于印发肇庆市贯彻落实省府办公厅",
                             "2016年政务公开工作要点分工方案的通知", "2016年6月22日"])  # fmt: skip
    assert meta.notice_title == "肇庆市人民政府办公室关于印发肇庆市贯彻落实省府办公厅2016年政务公开工作要点分工方案的通知"
    assert meta.title == "肇庆市贯彻落实省府办公厅2016年政务公开工作要点分工方案"
    assert (meta.issuer, meta.year) == ("肇庆市人民政府办公室", 2016)


def test_it_prefers_the_signature_date_to_the_page_date():
    meta = extract_metadata(["发文日期: 2019年06月24日", "示范市2019年政务公开工作要点",
                             "示范市人民政府办公室", "2019年6月21日"])  # fmt: skip
    assert meta.issued_on == date(2019, 6, 21) and meta.issuer == "示范市人民政府办公室"


def test_it_reads_a_date_in_chinese_numerals_and_a_printing_line():
    assert extract_metadata(["二〇一七年六月一日"]).issued_on == date(2017, 6, 1)
    meta = extract_metadata(["荆门市人民政府办公室2017年6月1日印发"])
    assert (meta.issuer, meta.issued_on) == ("荆门市人民政府办公室", date(2017, 6, 1))


def test_it_takes_the_plan_year_from_the_title_before_the_issue_date():
    meta = extract_metadata(["示范市2020年政务公开工作要点", "示范市人民政府办公室", "2019年12月30日"])
    assert (meta.year, meta.issued_on) == (2020, date(2019, 12, 30))
    assert extract_metadata(["示范市政务公开工作要点", "2019年12月30日"]).year == 2019
    assert extract_metadata(["示范市政务公开工作要点"], year=2023).year == 2023


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(alphabet="一、（）()1.|\t 市财政局牵头负责2016年月底序号具体要求单位完成时限。，", max_size=30), max_size=30))
def test_it_never_fails_on_any_text(lines):
    plan = parse_text("\n".join(lines))
    assert plan.kind in PlanKind and all(item.number for item in plan.items)
