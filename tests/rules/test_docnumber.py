"""文号 (GB/T 9704-2012 §7.2.5, DOMAIN.md 3.4): parsing, normalising, refusing, finding in text."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongkai.rules.docnumber import (
    DocNumber,
    DocNumberError,
    doc_number_changes,
    find_doc_numbers,
    is_standard_doc_number,
    normalize_doc_number,
    parse_doc_number,
)
from tests.seeds import seed_paths

TODAY = date(2026, 6, 1)


@pytest.mark.parametrize(
    ("written", "issuer", "year", "serial"),
    [
        ("海府办函〔2019〕168号", "海府办函", 2019, 168),
        ("六政务公开办〔2017〕2号", "六政务公开办", 2017, 2),
        ("国办公开办函〔2021〕30号", "国办公开办函", 2021, 30),
        ("国发〔2018〕1号", "国发", 2018, 1),
        ("粤府办〔2018〕123456号", "粤府办", 2018, 123456),
    ],
)
def test_it_reads_standard_numbers(written: str, issuer: str, year: int, serial: int) -> None:
    number = parse_doc_number(written, today=TODAY)
    assert number == DocNumber(issuer=issuer, year=year, serial=serial)
    assert str(number) == number.text == written
    assert is_standard_doc_number(written, today=TODAY)


@pytest.mark.parametrize(
    "written",
    [
        "海府办函[2019]168号",
        "海府办函［2019］168号",
        "海府办函(2019)168号",
        "海府办函（2019）168号",
        "海府办函【2019】168号",
        "海府办函﹝2019﹞168号",
        "海府办函〖2019〗168号",
        "海府办函〔2019]168号",  # mixed brackets, as typed in a hurry
    ],
)

def test_it_normalises_look_alike_brackets(written: str) -> None:
    assert normalize_doc_number(written, today=TODAY) == "海府办函〔2019〕168号"
    assert not is_standard_doc_number(written, today=TODAY)
    assert "已将年份的括号改为六角括号〔〕" in doc_number_changes(written, today=TODAY)


@pytest.mark.parametrize(
    ("written", "standard", "change"),
    [
        ("海府办函〔2019〕第168号", "海府办函〔2019〕168号", "已去掉序号前的“第”"),
        ("海府办函〔2019〕068号", "海府办函〔2019〕68号", "已去掉序号前补的 0"),
        ("海府办函〔2019〕0068号", "海府办函〔2019〕68号", "已去掉序号前补的 0"),
        ("海府办函〔２０１９〕１６８号", "海府办函〔2019〕168号", "已将全角数字改为半角数字"),
        ("海府办函 〔2019〕 168 号", "海府办函〔2019〕168号", "已去掉空格"),
        ("海府办函\u3000〔2019〕168号", "海府办函〔2019〕168号", "已去掉空格"),
        ("海府办函〔2019〕168", "海府办函〔2019〕168号", "已补上末尾的“号”"),
    ],
)
def test_it_normalises_what_clerks_type(written: str, standard: str, change: str) -> None:
    assert normalize_doc_number(written, today=TODAY) == standard
    assert change in doc_number_changes(written, today=TODAY)


def test_it_lists_every_change_at_once() -> None:
    changes = doc_number_changes("粤府办 [２０１８] 第012", today=TODAY)
    assert normalize_doc_number("粤府办 [２０１８] 第012", today=TODAY) == "粤府办〔2018〕12号"
    assert len(changes) == 6


def test_it_reports_no_change_for_a_standard_number() -> None:
    assert doc_number_changes("国发〔2018〕1号", today=TODAY) == ()


@pytest.mark.parametrize(
    ("written", "standard", "year", "serial"),
    [
        ("国务院令第711号", "国务院令第711号", None, 711),
        ("国务院令 第711号", "国务院令第711号", None, 711),
        ("中华人民共和国国务院令 第711号", "中华人民共和国国务院令第711号", None, 711),
        ("国务院令第０７１１号", "国务院令第711号", None, 711),
        ("海口市人民政府第5号令", "海口市人民政府令第5号", None, 5),
        ("交通运输部令2016年第1号", "交通运输部令2016年第1号", 2016, 1),
    ],
)
def test_it_reads_orders(written: str, standard: str, year: int | None, serial: int) -> None:
    number = parse_doc_number(written, today=TODAY)
    assert number.is_order
    assert (number.year, number.serial) == (year, serial)
    assert str(number) == standard
    assert number.issuer.endswith("令")


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("", "文号为空"),
        ("   ", "文号为空"),
        ("〔2019〕168号", "缺少发文机关代字"),
        ("海府办函〔19〕168号", "年份“19”应写全四位"),
        ("海府办函〔二〇一九〕168号", "四位数字的年份"),
        ("海府办函〔1890〕168号", "年份 1890 不在 1949—2027 年之间"),
        ("海府办函〔2028〕168号", "年份 2028 不在 1949—2027 年之间"),
        ("海府办函〔2019〕0号", "发文顺序号不能为 0"),
        ("海府办函〔2019〕000号", "发文顺序号不能为 0"),
        ("海府办函〔2019〕12345678号", "发文顺序号过长"),
        ("海府办函2019年168号", "年份应放在六角括号〔〕内"),
        ("海府办函〔2019 168号", "括号不成对"),
        ("海府办函〔2019〕一六八号", "括号不成对或序号不是数字"),
        ("海府3办〔2019〕168号", "只能由汉字或字母组成"),
        ("第168号", "无法识别文号"),
        ("令第711号", "缺少发文机关代字"),
        ("2019-06-21", "无法识别文号"),
    ],
)
def test_it_refuses_what_is_not_a_doc_number(written: str, message: str) -> None:
    with pytest.raises(DocNumberError, match=message):
        parse_doc_number(written, today=TODAY)
    assert not is_standard_doc_number(written, today=TODAY)


def test_it_allows_next_years_numbers_in_late_december() -> None:
    assert parse_doc_number("国发〔2027〕1号", today=date(2026, 12, 28)).year == 2027
    with pytest.raises(DocNumberError):
        parse_doc_number("国发〔2028〕1号", today=date(2026, 12, 28))
    assert parse_doc_number("国发〔1949〕1号", today=TODAY).year == 1949


def test_it_finds_every_doc_number_in_the_seed_notices() -> None:
    found = [
        m.text
        for path in seed_paths()
        for m in find_doc_numbers(path.read_text(encoding="utf-8"), today=TODAY)
    ]
    assert "海府办函〔2019〕168号" in found
    assert "六政务公开办〔2017〕2号" in found
    assert "国办发〔2017〕24号" in found
    assert "鄂政办发〔2017〕37号" in found
    assert "中办发〔2016〕8号" in found
    assert len(found) == 14
    assert all(parse_doc_number(text, today=TODAY) for text in found)


def test_it_finds_doc_numbers_in_running_text_with_their_spans() -> None:
    text = (
        "深入贯彻国办发〔2017〕24号和根据国务院令第711号、省政府第5号令及国办发[2018]1号，"
        "和政发〔2019〕2号（国务院令第711号）详见粤府办【２０１８】第０１２号。"
    )
    found = find_doc_numbers(text, today=TODAY)
    assert [str(m.number) for m in found] == [
        "国办发〔2017〕24号",
        "国务院令第711号",
        "省政府令第5号",
        "国办发〔2018〕1号",
        "和政发〔2019〕2号",
        "国务院令第711号",
        "粤府办〔2018〕12号",
    ]
    for match in found:
        assert text[match.start : match.end] == match.text


@pytest.mark.parametrize(
    "text",
    [
        "2019年6月21日印发",
        "索引号：00817804-9/2019-13123",
        "《2017年全市政务公开工作要点》",
        "第三条　本办法自2019年5月15日起施行",
        "政府网站标识码:4601000009 琼ICP备17005283号",  # 号 after digits, but no year in brackets
        "（2019年修订）",
        "（2019）",
    ],
)
def test_it_finds_no_doc_number_where_there_is_none(text: str) -> None:
    assert find_doc_numbers(text, today=TODAY) == []


ISSUER_CHARS = "国办发函府政粤京沪鄂荆海六市县区委厅局规字"
issuers = st.text(alphabet=ISSUER_CHARS, min_size=1, max_size=8)
years = st.integers(min_value=1949, max_value=2027)
serials = st.integers(min_value=1, max_value=9_999_999)
brackets = st.sampled_from(["〔〕", "[]", "［］", "()", "（）", "【】", "﹝﹞", "〖〗"])
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


@given(issuers, years, serials)
def test_it_round_trips_every_standard_number(issuer: str, year: int, serial: int) -> None:
    number = DocNumber(issuer=issuer, year=year, serial=serial)
    assert parse_doc_number(str(number), today=TODAY) == number
    assert is_standard_doc_number(str(number), today=TODAY)


@given(
    issuers,
    years,
    st.integers(min_value=1, max_value=99_999),
    brackets,
    st.booleans(),
    st.integers(min_value=0, max_value=2),
    st.booleans(),
    st.booleans(),
)
def test_it_normalises_every_tolerated_spelling(
    issuer: str, year: int, serial: int, pair: str, di: bool, zeros: int, wide: bool, spaced: bool
) -> None:
    digits = f"{year}", "0" * zeros + f"{serial}"
    if wide:
        digits = digits[0].translate(FULL_WIDTH), digits[1].translate(FULL_WIDTH)
    space = " " if spaced else ""
    written = (
        f"{issuer}{space}{pair[0]}{digits[0]}{pair[1]}{space}{'第' if di else ''}{digits[1]}号"
    )
    assert normalize_doc_number(written, today=TODAY) == f"{issuer}〔{year}〕{serial}号"


@given(issuers, years, serials, st.sampled_from(["（", "，", "：", "《通知》", "\n", " "]))
def test_it_finds_any_doc_number_in_text(issuer: str, year: int, serial: int, before: str) -> None:
    written = f"{issuer}〔{year}〕{serial}号"
    text = f"现印发{before}{written}）请遵照执行"
    found = find_doc_numbers(text, today=TODAY)
    assert [m.number for m in found] == [DocNumber(issuer=issuer, year=year, serial=serial)]
    assert found[0].text == written
