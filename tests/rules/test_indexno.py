"""索引号 (实施指引, DOMAIN.md 3.1–3.2): generating ours, reading ours, reading imported schemes."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongkai.rules.indexno import (
    ImportedIndexNumber,
    IndexFormat,
    IndexNumber,
    IndexNumberError,
    IndexScheme,
    PeriodForm,
    PrefixForm,
    find_index_numbers,
    index_prefix,
    make_index_number,
    parse_imported_index_number,
    parse_index_number,
    sequence_key,
)
from gongkai.rules.units import uscc_check_character

USCC = "11441200MB2C12345X"  # as in the brief; 组织机构代码 MB2C12345
MONTHLY = IndexFormat(period=PeriodForm.YEAR_MONTH)
CREDIT = IndexFormat(prefix=PrefixForm.CREDIT_CODE)


def test_it_generates_the_form_of_the_guideline_by_default() -> None:
    number = make_index_number(USCC, date(2026, 3, 5), 1)
    assert str(number) == number.text == "MB2C12345/2026-00001"
    assert len(str(number)) == 20  # the 实施指引's 20-character identifier
    assert number.sequence_key == "MB2C12345/2026"


def test_it_generates_the_credit_code_and_month_forms() -> None:
    assert (
        str(make_index_number(USCC, date(2026, 3, 5), 1, CREDIT)) == "11441200MB2C12345X/2026-00001"
    )
    assert str(make_index_number(USCC, date(2026, 3, 5), 239, MONTHLY)) == "MB2C12345/202603-00239"
    both = IndexFormat(period=PeriodForm.YEAR_MONTH, prefix=PrefixForm.CREDIT_CODE)
    assert (
        str(make_index_number(USCC, date(2021, 10, 1), 13, both))
        == "11441200MB2C12345X/202110-00013"
    )


def test_it_lets_the_serial_grow_past_five_digits() -> None:
    assert str(make_index_number(USCC, date(2026, 1, 1), 99_999)) == "MB2C12345/2026-99999"
    assert str(make_index_number(USCC, date(2026, 1, 1), 100_000)) == "MB2C12345/2026-100000"


@pytest.mark.parametrize("serial", [0, -1])
def test_it_refuses_a_serial_below_one(serial: int) -> None:
    with pytest.raises(IndexNumberError, match="从 1 开始"):
        make_index_number(USCC, date(2026, 1, 1), serial)


def test_it_says_which_counter_a_number_draws_from() -> None:
    assert (
        sequence_key(USCC, date(2026, 1, 31))
        == sequence_key(USCC, date(2026, 12, 1))
        == "MB2C12345/2026"
    )
    assert sequence_key(USCC, date(2026, 1, 31), MONTHLY) == "MB2C12345/202601"
    assert sequence_key(USCC, date(2026, 2, 1), MONTHLY) == "MB2C12345/202602"
    assert sequence_key(USCC, date(2027, 1, 1)) != sequence_key(USCC, date(2026, 1, 1))
    number = make_index_number(USCC, date(2026, 2, 1), 7, MONTHLY)
    assert number.sequence_key == sequence_key(USCC, date(2026, 2, 1), MONTHLY)


@pytest.mark.parametrize(
    ("code", "prefix"),
    [
        (USCC, "MB2C12345"),
        ("00817804-9", "008178049"),
        ("003240560", "003240560"),
        (" 11441200mb2c12345x ", "MB2C12345"),
    ],
)
def test_it_takes_the_prefix_from_the_units_code(code: str, prefix: str) -> None:
    assert index_prefix(code) == prefix


@pytest.mark.parametrize("code", ["", "12345", "11441200MB2C1234", "海口市政府"])
def test_it_refuses_a_unit_without_a_usable_code(code: str) -> None:
    with pytest.raises(IndexNumberError, match="请在单位信息中补正"):
        index_prefix(code)


def test_it_needs_the_full_credit_code_for_the_credit_code_form() -> None:
    with pytest.raises(IndexNumberError, match="18 位统一社会信用代码"):
        make_index_number("003240560", date(2026, 1, 1), 1, CREDIT)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("005275134/2017-00180", IndexNumber("005275134", 2017, 180)),
        ("003240560/201705-00239", IndexNumber("003240560", 2017, 239, month=5)),
        ("11441200MB2C12345X/2026-00001", IndexNumber("11441200MB2C12345X", 2026, 1)),
        ("MB2C12345/2026-100000", IndexNumber("MB2C12345", 2026, 100_000)),
    ],
)
def test_it_reads_its_own_form(text: str, number: IndexNumber) -> None:
    assert parse_index_number(text) == number


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("005275134/2017-180", "格式不对"),
        ("005275134/2017-000180", "补足 5 位"),
        ("005275134/2017-00000", "补足 5 位"),
        ("005275134/201713-00001", "月份 13 不合理"),
        ("005275134/1899-00001", "年份 1899 不合理"),
        ("00817804-9/2019-13123", "格式不对"),  # an imported form, not ours
        ("mb2c12345/2026-00001", "格式不对"),
        ("００５２７５１３４/2017-00180", "格式不对"),
        ("", "格式不对"),
    ],
)
def test_it_refuses_what_is_not_its_own_form(text: str, message: str) -> None:
    with pytest.raises(IndexNumberError, match=message):
        parse_index_number(text)


# DOMAIN.md 3.2, every row, plus the team's own two examples.
@pytest.mark.parametrize(
    ("text", "scheme", "code", "year", "month", "serial"),
    [
        ("0142768-8/2022-00185", IndexScheme.STANDARD, "0142768-8", 2022, None, 185),
        ("01424668-5/2021-00063", IndexScheme.STANDARD, "01424668-5", 2021, None, 63),
        ("005275134/2017-00180", IndexScheme.STANDARD, "005275134", 2017, None, 180),
        ("035210000/2025-00016", IndexScheme.STANDARD, "035210000", 2025, None, 16),
        ("000000001/2021-00151", IndexScheme.STANDARD, "000000001", 2021, None, 151),
        (
            "11441700007280420Y/2021-00050",
            IndexScheme.STANDARD,
            "11441700007280420Y",
            2021,
            None,
            50,
        ),
        (
            "11620622013933539B/2021-03844",
            IndexScheme.STANDARD,
            "11620622013933539B",
            2021,
            None,
            3844,
        ),
        (
            "113708280043326001/2024-02411",
            IndexScheme.STANDARD,
            "113708280043326001",
            2024,
            None,
            2411,
        ),
        (
            "11341702486344515H/202110-00013",
            IndexScheme.STANDARD_MONTH,
            "11341702486344515H",
            2021,
            10,
            13,
        ),
        ("01527918X-2020-153077", IndexScheme.DASHED, "01527918X", 2020, None, 153077),
        ("00817804-9/2019-13123", IndexScheme.STANDARD, "00817804-9", 2019, None, 13123),
        ("003240560/201705-00239", IndexScheme.STANDARD_MONTH, "003240560", 2017, 5, 239),
        ("330201-001-01-0102-20070101-0001", IndexScheme.DATED_SIX_PART, "330201-001", 2007, 1, 1),
        ("530000123456789012345", IndexScheme.DIGITS_21, "530000", None, None, None),
        ("014203059-2019-B-00001", IndexScheme.LOCAL, "014203059", 2019, None, 1),
        ("320700-ABC-201905-12", IndexScheme.LOCAL, "320700-ABC", 2019, 5, 12),
        ("LYG-SZF-XX-88", IndexScheme.LOCAL, "LYG", None, None, 88),
    ],
)
def test_it_reads_the_schemes_found_in_the_wild(
    text: str,
    scheme: IndexScheme,
    code: str,
    year: int | None,
    month: int | None,
    serial: int | None,
) -> None:
    parsed = parse_imported_index_number(text)
    assert parsed == ImportedIndexNumber(text, scheme, code, year, month, serial)


@pytest.mark.parametrize(
    "written",
    [
        "索引号：00817804-9/2019-13123",
        "索 引 号: 00817804-9/2019-13123",
        " 00817804-9 / 2019-13123 ",
        "００８１７８０４－９／２０１９－１３１２３",
        "00817804-9/2019-13123\n",
    ],
)
def test_it_tolerates_labels_spaces_and_full_width_characters(written: str) -> None:
    parsed = parse_imported_index_number(written)
    assert (parsed.scheme, parsed.code, parsed.year, parsed.serial) == (
        IndexScheme.STANDARD,
        "00817804-9",
        2019,
        13123,
    )


@pytest.mark.parametrize("text", ["", "   ", "海口市/2019-1", "0081780<script>", "abc def"])
def test_it_refuses_what_no_scheme_explains(text: str) -> None:
    with pytest.raises(IndexNumberError, match="无法识别索引号"):
        parse_imported_index_number(text)


def test_it_refuses_an_impossible_month_in_an_imported_number() -> None:
    with pytest.raises(IndexNumberError, match="月份 13"):
        parse_imported_index_number("003240560/201713-00239")


def test_it_converts_an_imported_number_in_our_form() -> None:
    assert parse_imported_index_number("00817804-9/2019-13123").as_own() == IndexNumber(
        "008178049", 2019, 13123
    )
    assert parse_imported_index_number("01527918X-2020-153077").as_own() is None
    assert parse_imported_index_number("530000123456789012345").as_own() is None


def test_it_finds_index_numbers_in_text() -> None:
    text = (
        "索 引 号: 00817804-9/2019-13123 分类 003240560/201705-00239，旧号01527918X-2020-153077。"
    )
    assert [m.text for m in find_index_numbers(text)] == [
        "00817804-9/2019-13123",
        "003240560/201705-00239",
        "01527918X-2020-153077",
    ]
    for match in find_index_numbers(text):
        assert text[match.start : match.end] == match.text
    assert find_index_numbers("电话0898-68725613，2019-06-21，邮编526040") == []


ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
org_codes = st.text(alphabet=ALPHABET, min_size=9, max_size=9)
credit_codes = st.text(alphabet=ALPHABET, min_size=17, max_size=17).map(
    lambda c: c + uscc_check_character(c)
)
days = st.dates(min_value=date(1990, 1, 1), max_value=date(2099, 12, 31))
formats = st.builds(IndexFormat, st.sampled_from(PeriodForm), st.sampled_from(PrefixForm))


@given(credit_codes, days, st.integers(min_value=1, max_value=2_000_000), formats)
def test_it_reads_back_every_number_it_makes(
    code: str, day: date, serial: int, fmt: IndexFormat
) -> None:
    number = make_index_number(code, day, serial, fmt)
    assert parse_index_number(str(number)) == number
    assert number.sequence_key == sequence_key(code, day, fmt)
    imported = parse_imported_index_number(str(number))
    assert imported.as_own() == number
    assert [m.text for m in find_index_numbers(f"索引号：{number}。")] == [str(number)]


@given(org_codes, days, st.integers(min_value=1, max_value=99_999))
def test_it_gives_distinct_strings_to_distinct_serials(code: str, day: date, serial: int) -> None:
    first = make_index_number(code, day, serial)
    second = make_index_number(code, day, serial + 1)
    assert str(first) != str(second)
    assert first.sequence_key == second.sequence_key
