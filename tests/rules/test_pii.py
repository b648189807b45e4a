"""The privacy scan (条例 第十五条): what it finds, what it must never flag, and 去标识化."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from gongkai.rules.pii import (
    Confidence,
    PiiHit,
    PiiKind,
    ScanOptions,
    id_check_character,
    is_valid_resident_id,
    luhn_valid,
    mask,
    mask_all,
    mask_value,
    phone_number_kind,
    resident_id_problem,
    scan,
)
from gongkai.rules.units import is_valid_org_code, uscc_check_character
from tests.seeds import seed_paths

TODAY = date(2026, 6, 1)
OPTIONS = ScanOptions(today=TODAY)


def resident_id(region: str = "440104", born: str = "19900101", sequence: str = "123") -> str:
    first17 = f"{region}{born}{sequence}"
    return first17 + id_check_character(first17)


def card(prefix: str, length: int) -> str:
    body = prefix + "0" * (length - len(prefix) - 1)
    return next(body + d for d in "0123456789" if luhn_valid(body + d))


def kinds(text: str, options: ScanOptions = OPTIONS) -> list[tuple[PiiKind, str]]:
    return [(hit.kind, hit.matched) for hit in scan(text, options)]


ID = resident_id()  # 440104199001011232
FULL_WIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
CARD16 = card("622202", 16)
CARD19 = card("622848", 19)


# --- 身份证号码 ---------------------------------------------------------------------------------


def test_it_finds_an_id_number_with_its_context_and_masks_it() -> None:
    text = f"申请人身份证号码为{ID}，请核对。"
    [hit] = scan(text, OPTIONS)
    assert (hit.kind, hit.confidence, hit.label) == (PiiKind.ID_CARD, Confidence.HIGH, "身份证号码")
    assert text[hit.start : hit.end] == hit.matched == ID
    assert ID in hit.context and "身份证号码为" in hit.context
    assert hit.masked == "4401**********1232"
    assert mask_all(text, OPTIONS) == "申请人身份证号码为4401**********1232，请核对。"


def test_it_accepts_a_lower_case_x_check_character() -> None:
    first17 = next(
        f"11010119800101{n:03d}"
        for n in range(1000)
        if id_check_character(f"11010119800101{n:03d}") == "X"
    )
    assert kinds(f"证号{first17}x。") == [(PiiKind.ID_CARD, f"{first17}x")]
    assert mask_value(PiiKind.ID_CARD, f"{first17}x").endswith(f"{first17[14:]}x")


# CONTRACTS.md §10: "certain is false for a probable match (an 18-digit ID whose check digit is
# wrong …)": a typo still exposes the person, so it is flagged, as probable (it used to be ignored).
@pytest.mark.parametrize("wrong", [*range(10), "X"])
def test_it_flags_an_id_number_whose_check_digit_is_wrong_as_probable(wrong: int | str) -> None:
    candidate = ID[:17] + str(wrong)
    if candidate == ID:
        return
    assert not is_valid_resident_id(candidate, today=TODAY)
    [hit] = scan(f"身份证号{candidate}。", OPTIONS)
    assert (hit.kind, hit.matched, hit.confidence) == (PiiKind.ID_CARD, candidate, Confidence.MEDIUM)
    assert not hit.certain and hit.needs_review
    assert hit.masked == f"4401**********{candidate[14:]}"


@pytest.mark.parametrize(
    "written",
    [
        "1101 0119 9001 0101 2X",  # the grouping of CONTRACTS.md §10's example
        "1101-0119-9001-0101-2X",
        "110101 19900101 012X",
        "110101-19900101-012X",
        "110101 1990 0101 012X",
    ],
)
def test_it_flags_an_id_number_written_in_groups_as_probable(written: str) -> None:
    assert is_valid_resident_id(written.replace(" ", "").replace("-", ""), today=TODAY)
    text = f"身份证号：{written}，"
    [hit] = scan(text, OPTIONS)
    assert (hit.kind, hit.matched, hit.confidence) == (PiiKind.ID_CARD, written, Confidence.MEDIUM)
    assert hit.masked.replace(" ", "").replace("-", "") == "1101**********012X"
    assert mask_all(text, OPTIONS) == f"身份证号：{hit.masked}，"


def test_it_does_not_take_groups_of_other_numbers_for_an_id() -> None:
    # region 99 does not exist; mixed separators are no grouping anyone types
    for text in ("编号 9901 0119 9001 0100 2X", "号码1101 0119-9001 0100 2X", "110101 1990 0230 002X"):
        assert [k for k, _ in kinds(text)] != [PiiKind.ID_CARD], text


def test_it_flags_a_mistyped_id_that_passes_the_credit_code_check_unless_its_region_is_real() -> None:
    # 11010120000101000X: a wrong ID check character, a right 统一社会信用代码 one, but "010120"
    # is no 行政区划码, so it is no credit code.
    mistyped = "11010120000101000X"
    assert is_valid_org_code(mistyped) and not is_valid_resident_id(mistyped, today=TODAY)
    assert kinds(f"身份证{mistyped}。") == [(PiiKind.ID_CARD, mistyped)]
    assert scan(f"统一社会信用代码：{USCC_ALL_DIGITS}。", OPTIONS) == []


def test_only_a_valid_ungrouped_id_number_is_certain() -> None:
    [hit] = scan(f"身份证号{ID}。", OPTIONS)
    assert hit.certain and hit.needs_review


@pytest.mark.parametrize(
    ("region", "born"),
    [
        ("440104", "19900230"),  # 30 February
        ("440104", "18991231"),  # before 1900
        ("440104", "20260602"),  # after today
        ("990104", "19900101"),  # no province 99
        ("440004", "19900101"),  # prefecture 00
        ("448104", "19900101"),  # prefecture 81
        ("810101", "19900101"),  # 香港 permits use 810000 only
    ],
)
def test_it_ignores_ids_with_an_impossible_region_or_birth_date(region: str, born: str) -> None:
    assert scan(f"号码{resident_id(region, born)}。", OPTIONS) == []


def test_it_accepts_permits_of_hong_kong_macao_and_taiwan_residents() -> None:
    for region in ("810000", "820000", "830000"):
        assert kinds(f"居住证号码{resident_id(region)}。") == [
            (PiiKind.ID_CARD, resident_id(region))
        ]


def test_it_finds_first_generation_ids_only_when_asked() -> None:
    old = "440104900101123"
    assert kinds(f"旧证{old}。") == [(PiiKind.OLD_ID_CARD, old)]
    assert scan(f"旧证{old}。", OPTIONS)[0].confidence is Confidence.MEDIUM
    assert mask_value(PiiKind.OLD_ID_CARD, old) == "4401********123"
    assert scan(f"旧证{old}。", ScanOptions(today=TODAY, old_ids=False)) == []
    assert scan("旧证440104901301123。", OPTIONS) == []  # month 13


# --- 手机号码 -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "masked"),
    [
        ("13812345678", "138****5678"),
        ("138-1234-5678", "138-****-5678"),
        ("138 1234 5678", "138 **** 5678"),
        ("+8613812345678", "+86138****5678"),
        ("+86 138 1234 5678", "+86 138 **** 5678"),
        ("+86-138-1234-5678", "+86-138-****-5678"),
        ("+86 13812345678", "+86 138****5678"),
        ("8613812345678", "86138****5678"),
        ("0086 13812345678", "0086 138****5678"),
        ("(+86)13812345678", "(+86)138****5678"),
        ("１３８１２３４５６７８", "１３８****５６７８"),
        ("19912345678", "199****5678"),
    ],
)
def test_it_finds_mobile_numbers_in_their_usual_spellings(written: str, masked: str) -> None:
    text = f"联系人手机：{written}，工作日可联系。"
    [hit] = scan(text, OPTIONS)
    # CONTRACTS.md §10: a phone number broken by spaces or hyphens is probable (certain false);
    # all spellings used to be HIGH.
    grouped = bool(re.search(r"\d{3}[ -]\d{4}[ -]\d{4}", written.translate(FULL_WIDTH)))
    confidence = Confidence.MEDIUM if grouped else Confidence.HIGH
    assert (hit.kind, hit.matched, hit.confidence) == (PiiKind.MOBILE, written, confidence)
    assert hit.certain is not grouped and hit.needs_review
    assert hit.masked == masked
    assert mask_all(text, OPTIONS) == f"联系人手机：{masked}，工作日可联系。"


@pytest.mark.parametrize(
    "text",
    [
        "编号A13812345678",
        "编号13812345678B",
        "号码138123456789",
        "号码12812345678",
        "号码138-1234 5678",
        "版本1.13812345678",
        "13812345678.5元",
    ],
)
def test_it_ignores_mobile_lookalikes(text: str) -> None:
    assert [k for k, _ in kinds(text)] != [PiiKind.MOBILE]


# --- 银行卡号 -----------------------------------------------------------------------------------


def test_it_finds_bank_cards_that_pass_the_luhn_check() -> None:
    assert kinds(f"收款{CARD16}。") == [(PiiKind.BANK_CARD, CARD16)]
    assert kinds(f"收款{CARD19}。") == [(PiiKind.BANK_CARD, CARD19)]
    assert scan(f"收款{CARD16}。", OPTIONS)[0].confidence is Confidence.MEDIUM
    assert scan(f"银行卡号：{CARD16}。", OPTIONS)[0].confidence is Confidence.HIGH


def test_it_finds_bank_cards_written_in_groups_of_four() -> None:
    grouped16 = " ".join(CARD16[i : i + 4] for i in range(0, 16, 4))
    grouped19 = "-".join(CARD19[i : i + 4] for i in range(0, 19, 4))
    assert kinds(f"账号 {grouped16}。") == [(PiiKind.BANK_CARD, grouped16)]
    assert kinds(f"账号 {grouped19}。") == [(PiiKind.BANK_CARD, grouped19)]
    assert mask_value(PiiKind.BANK_CARD, grouped16) == f"{CARD16[:4]} **** **** {CARD16[12:]}"
    assert mask_value(PiiKind.BANK_CARD, CARD19) == CARD19[:4] + "*" * 11 + CARD19[15:]


def test_it_ignores_card_numbers_that_fail_the_luhn_check() -> None:
    wrong = CARD16[:-1] + str((int(CARD16[-1]) + 1) % 10)
    assert scan(f"卡号{wrong}。", OPTIONS) == []


# --- 固定电话 -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "masked"),
    [
        ("0758-2260871", "0758-***0871"),
        ("0758 2260871", "0758 ***0871"),
        ("(0758)2260871", "(0758)***0871"),
        ("（0758）22608710", "（0758）****8710"),
        ("010-82345678", "010-****5678"),
        ("020-87654321-8001", "020-****4321-****"),
        ("0758-2260871转123", "0758-***0871转***"),
    ],
)
def test_it_finds_landlines_with_an_area_code(written: str, masked: str) -> None:
    [hit] = scan(f"家里电话{written}。", OPTIONS)
    assert (hit.kind, hit.matched, hit.confidence) == (PiiKind.LANDLINE, written, Confidence.MEDIUM)
    assert hit.masked == masked


def test_it_finds_a_run_together_landline_only_after_a_cue() -> None:
    assert kinds("联系电话：051885831098。") == [(PiiKind.LANDLINE, "051885831098")]
    assert scan("编号051885831098。", OPTIONS) == []


def test_it_marks_public_service_lines_as_low_confidence() -> None:
    for cue in ("举报电话：", "咨询电话:", "网站技术支持电话:", "传真：", "值班电话 "):
        [hit] = scan(f"{cue}0898-68710000", OPTIONS)
        assert hit.confidence is Confidence.LOW


def test_it_leaves_landlines_alone_when_told_to() -> None:
    assert scan("电话0758-2260871", ScanOptions(today=TODAY, landlines=False)) == []


# --- 电子邮箱 -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "masked"),
    [
        ("zhangsan@163.com", "z*******@163.com"),
        ("li.si_1990+foi@example.com.cn", "l*************@example.com.cn"),
        ("13812345678@qq.com", "1**********@qq.com"),  # the whole address, not a mobile inside it
        ("ＺＨＡＮＧ@qq.com", "Ｚ****@qq.com"),
    ],
)
def test_it_finds_e_mail_addresses_and_masks_the_name(written: str, masked: str) -> None:
    text = f"申请人邮箱：{written}。"
    [hit] = scan(text, OPTIONS)
    assert (hit.kind, hit.matched, hit.confidence, hit.label) == (
        PiiKind.EMAIL, written, Confidence.HIGH, "电子邮箱"
    )
    assert hit.masked == masked and len(masked) == len(written)
    assert mask_all(text, OPTIONS) == f"申请人邮箱：{masked}。"


def test_it_marks_office_mailboxes_as_low_confidence() -> None:
    for text in ("政务公开邮箱：zqxxgk@zhaoqing.gov.cn", "举报邮箱：jubao@163.com", "GOV: info@beijing.GOV.CN"):
        [hit] = scan(text, OPTIONS)
        assert (hit.kind, hit.confidence, hit.needs_review) == (PiiKind.EMAIL, Confidence.LOW, False)


@pytest.mark.parametrize("text", ["用户名@某某", "a@b", "版本 v1.2@beta", "@zhangsan 你好", "x@y.c"])
def test_it_ignores_e_mail_lookalikes(text: str) -> None:
    assert [k for k, _ in kinds(text)] != [PiiKind.EMAIL]


# --- the FOI form's checks: the same rules -------------------------------------------------------


def test_it_says_why_an_id_number_is_not_one() -> None:
    assert resident_id_problem(ID, TODAY) is None
    assert resident_id_problem(ID.lower() + " ", TODAY) is None
    assert "18位" in (resident_id_problem("4401041990", TODAY) or "")
    assert "地址码" in (resident_id_problem(resident_id("990104"), TODAY) or "")
    assert "出生日期" in (resident_id_problem(resident_id(born="19900230"), TODAY) or "")
    assert "出生日期" in (resident_id_problem(resident_id(born="20260602"), TODAY) or "")
    assert "校验位" in (resident_id_problem(ID[:17] + "0", TODAY) or "")


@pytest.mark.parametrize(
    ("written", "kind"),
    [
        ("13800138000", PiiKind.MOBILE),
        ("138-0013-8000", PiiKind.MOBILE),
        ("+8613800138000", PiiKind.MOBILE),
        ("0758-2222001", PiiKind.LANDLINE),
        ("07582222001", PiiKind.LANDLINE),
        ("010-82345678-8001", PiiKind.LANDLINE),
        ("12345", None),
        ("0758-1222001", None),  # local numbers start 2–9
        ("1381234567", None),
        ("13812345678 转", None),
    ],
)
def test_it_tells_a_whole_phone_number_by_the_scans_rules(written: str, kind: PiiKind | None) -> None:
    assert phone_number_kind(written) is kind
    if kind is not None:
        assert [k for k, _ in kinds(f"电话{written}。")] == [kind]


# --- 姓名 ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "masked"),
    [
        ("申请人：张三，身份证号见附件", "张三", "张*"),
        ("姓名：欧阳修。", "欧阳修", "欧阳*"),
        ("申请人张三丰：您好", "张三丰", "张**"),
        ("举报人 赵六。", "赵六", "赵*"),
        ("被申请人：王小明（男）", "王小明", "王**"),
        ("当事人：司马光 ", "司马光", "司马*"),
    ],
)
def test_it_finds_names_after_a_cue_with_low_confidence(text: str, name: str, masked: str) -> None:
    [hit] = scan(text, OPTIONS)
    assert (hit.kind, hit.matched, hit.confidence, hit.masked) == (
        PiiKind.NAME,
        name,
        Confidence.LOW,
        masked,
    )


@pytest.mark.parametrize(
    "text",
    [
        "申请人：公民",
        "申请人姓名：",
        "当事人李某，",
        "联系人王老师，",
        "负责人：王五，",
        "申请人应当",
        "申请人：张家口市某某有限公司",
        "姓名：性别：",
        "申请人：张**，",
    ],
)
def test_it_does_not_guess_names_without_a_clear_shape(text: str) -> None:
    assert [k for k, _ in kinds(text)] == []


def test_it_leaves_names_alone_when_told_to() -> None:
    assert scan("申请人：张三，", ScanOptions(today=TODAY, names=False)) == []


# --- false positives ----------------------------------------------------------------------------

USCC_DIGITS = "91440300192203821"
USCC_ALL_DIGITS = USCC_DIGITS + uscc_check_character(USCC_DIGITS)


@pytest.mark.parametrize(
    "text",
    [
        "国办发〔2019〕33号",
        "粤府办〔2018〕123456号",
        "根据《条例》（国务院令第711号）",
        "2019年6月21日",
        "20190621",
        "2019-06-21",
        "2019-06-21 09:30:00",
        "2019.06.21—2019.07.01",
        "201906210930",
        "00817804-9/2019-13123",
        "11441200MB2C12345X/2026-00001",
        "003240560/201705-00239",
        "01527918X-2020-153077",
        "113708280043326001/2024-02411",
        "统一社会信用代码：11441200MB2C12345X",
        f"统一社会信用代码：{USCC_ALL_DIGITS}",
        "金额12345678901234567元",
        f"合计{card('622202', 19)}元",
        f"¥{CARD16}",
        f"人民币 {CARD16}",
        "3.1415926535897932",
        "订单号DD20190621123456789",
        f"流水号SN{CARD16}",
        f"编号{CARD16}A",
        "邮编：526040",
        "邮政编码:222006",
        "政府咨询投诉电话:0898-12345",
        "服务热线 12345，400-800-1234，95588",
        "琼ICP备17005283号 琼公网安备46010002000008号 政府网站标识码:4601000009",
        "行政区划代码440104000000",
        "第1234567890123456页",  # no card prefix
        "ISBN 978-7-111-12345-6",
        "IP 192.168.100.200",
    ],
)
def test_it_never_flags_public_numbers(text: str) -> None:
    assert scan(text, OPTIONS) == []


def test_it_finds_nothing_but_public_office_lines_in_the_seed_notices() -> None:
    for path in seed_paths():
        for hit in scan(path.read_text(encoding="utf-8"), OPTIONS):
            assert hit.kind is PiiKind.LANDLINE, hit
            assert hit.matched.startswith("0898-"), hit


# --- masking ------------------------------------------------------------------------------------


def test_it_masks_only_the_hits_the_reviewer_picked() -> None:
    text = f"申请人：张三，身份证{ID}，手机13812345678。"
    hits = scan(text, OPTIONS)
    assert [h.kind for h in hits] == [PiiKind.NAME, PiiKind.ID_CARD, PiiKind.MOBILE]
    picked = [h for h in hits if h.kind is not PiiKind.NAME]
    assert mask(text, picked) == "申请人：张三，身份证4401**********1232，手机138****5678。"


def test_it_refuses_a_hit_from_another_version_of_the_text() -> None:
    hit = scan(f"身份证{ID}", OPTIONS)[0]
    with pytest.raises(ValueError, match="请重新扫描"):
        mask(f"身份证：{ID}", [hit])


def test_it_keeps_masked_text_masked() -> None:
    text = f"申请人：张三，身份证{ID}，手机13812345678，卡号{CARD16}，电话0758-2260871。"
    once = mask_all(text, OPTIONS)
    assert len(once) == len(text)
    assert mask_all(once, OPTIONS) == once
    assert scan(once, OPTIONS) == []


# --- generated inputs ---------------------------------------------------------------------------

FILLER = st.text(
    alphabet="关于政府信息公开申请的答复，。：；、（）“”\n 本机关已收到您", max_size=30
)
REGIONS = st.sampled_from(
    ["110101", "310115", "440104", "441202", "420802", "460100", "652901", "469001", "810000"]
)
births = st.dates(min_value=date(1900, 1, 1), max_value=TODAY)


@st.composite
def resident_ids(draw: st.DrawFn) -> str:
    born = draw(births).strftime("%Y%m%d")
    return resident_id(draw(REGIONS), born, f"{draw(st.integers(0, 999)):03d}")


@given(resident_ids(), FILLER, FILLER)
def test_it_always_finds_a_valid_id_number(number: str, before: str, after: str) -> None:
    text = before + number + after
    hits = scan(text, OPTIONS)
    assert [(h.kind, h.start, h.matched) for h in hits if h.kind is PiiKind.ID_CARD] == [
        (PiiKind.ID_CARD, len(before), number)
    ]
    assert number not in mask_all(text, OPTIONS)


# CONTRACTS.md §10: flagged as probable (it used to be never flagged).
@given(resident_ids(), st.integers(1, 10), FILLER)
def test_it_always_flags_an_id_number_with_a_wrong_check_digit_as_probable(
    number: str, shift: int, before: str
) -> None:
    wrong = number[:17] + "0123456789X"[("0123456789X".index(number[17]) + shift) % 11]
    assume(not is_valid_org_code(wrong))  # 统一社会信用代码 are public (see the next test)
    hits = scan(before + wrong + "。", OPTIONS)
    assert [(h.kind, h.start, h.matched, h.certain) for h in hits if h.kind is PiiKind.ID_CARD] == [
        (PiiKind.ID_CARD, len(before), wrong, False)
    ]
    assert wrong not in mask_all(before + wrong, OPTIONS)


@st.composite
def bank_cards(draw: st.DrawFn) -> str:
    prefix = draw(st.sampled_from(["62", "4", "5", "9558", "6228"]))
    length = draw(st.integers(16, 19))
    middle = draw(
        st.text(
            alphabet="0123456789",
            min_size=length - len(prefix) - 1,
            max_size=length - len(prefix) - 1,
        )
    )
    body = prefix + middle
    return next(body + d for d in "0123456789" if luhn_valid(body + d))


@given(bank_cards(), FILLER, st.booleans())
def test_it_always_finds_a_valid_bank_card(number: str, before: str, grouped: bool) -> None:
    written = " ".join(number[i : i + 4] for i in range(0, len(number), 4)) if grouped else number
    hits = scan(before + "卡号" + written + "。", OPTIONS)
    if len(number) == 18 and any(h.kind is PiiKind.ID_CARD for h in hits):
        return  # an 18-digit string that passes every ID check is reported as an ID
    assume(len(number) != 18 or not is_valid_resident_id(number, today=TODAY))
    found = [(h.kind, h.matched) for h in hits]
    if len(number) == 18:  # 18 digits shaped like an ID (region + birth date) are probable IDs
        assert found in ([(PiiKind.BANK_CARD, written)], [(PiiKind.ID_CARD, number)], [])
    else:
        assert found == [(PiiKind.BANK_CARD, written)]


@given(
    st.sampled_from("3456789"),
    st.text(alphabet="0123456789", min_size=9, max_size=9),
    st.sampled_from(["", "-", " "]),
    FILLER,
)
def test_it_always_finds_a_mobile_number(
    second: str, rest: str, separator: str, before: str
) -> None:
    number = f"1{second}{rest[0]}{separator}{rest[1:5]}{separator}{rest[5:]}"
    [hit] = scan(before + number + "。", OPTIONS)
    assert (hit.kind, hit.matched) == (PiiKind.MOBILE, number)
    assert hit.masked == f"1{second}{rest[0]}{separator}****{separator}{rest[5:]}"


ISSUERS = st.text(alphabet="国办发函府政粤京沪鄂荆海六市县区委厅局", min_size=1, max_size=8)


@given(ISSUERS, st.integers(1949, 2027), st.integers(1, 9_999_999), FILLER)
def test_it_never_flags_a_doc_number(issuer: str, year: int, serial: int, before: str) -> None:
    assert scan(f"{before}（{issuer}〔{year}〕{serial}号）", OPTIONS) == []


@given(
    st.dates(min_value=date(1949, 1, 1), max_value=date(2099, 12, 31)),
    st.sampled_from(
        [
            "%Y年%m月%d日",
            "%Y%m%d",
            "%Y-%m-%d",
            "%Y/%m/%d",
            "%Y.%m.%d",
            "%Y%m%d%H%M%S",
            "%Y-%m-%d %H:%M:%S",
            "%Y年%-m月%-d日",
        ]
    ),
    st.integers(0, 86_399),
    FILLER,
)
def test_it_never_flags_a_date(day: date, form: str, seconds: int, before: str) -> None:
    from datetime import datetime

    moment = datetime.combine(day, datetime.min.time()) + timedelta(seconds=seconds)
    assert scan(before + moment.strftime(form) + "印发", OPTIONS) == []


ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


@given(
    st.one_of(
        st.text(alphabet=ALPHABET, min_size=9, max_size=9),
        st.text(alphabet="0123456789", min_size=9, max_size=9),
        st.text(alphabet=ALPHABET, min_size=17, max_size=17).map(
            lambda c: c + uscc_check_character(c)
        ),
        st.text(alphabet="0123456789", min_size=17, max_size=17).map(
            lambda c: c + uscc_check_character(c)
        ),
    ),
    st.integers(1990, 2099),
    st.one_of(st.none(), st.integers(1, 12)),
    st.integers(1, 999_999),
    FILLER,
)
def test_it_never_flags_an_index_number(
    code: str, year: int, month: int | None, serial: int, before: str
) -> None:
    period = f"{year}" if month is None else f"{year}{month:02d}"
    assert scan(f"{before}索引号：{code}/{period}-{serial:05d}。", OPTIONS) == []


@given(st.text(alphabet="0123456789", min_size=17, max_size=17), FILLER)
def test_it_never_flags_a_credit_code(first17: str, before: str) -> None:
    code = first17 + uscc_check_character(first17)
    assume(not is_valid_resident_id(code, today=TODAY))
    assert scan(f"{before}统一社会信用代码：{code}。", OPTIONS) == []


@given(st.text(max_size=200))
def test_it_never_fails_and_always_returns_spans_of_the_text(text: str) -> None:
    hits: list[PiiHit] = scan(text, OPTIONS)
    for hit in hits:
        assert text[hit.start : hit.end] == hit.matched
    assert all(a.end <= b.start for a, b in zip(hits, hits[1:], strict=False))
    assert len(mask_all(text, OPTIONS)) == len(text)
