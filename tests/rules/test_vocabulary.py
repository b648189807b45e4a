"""One list of unit endings, role words, outline markers and label words for the parser, the unit
resolver and the metadata reader (issue 14)."""

from __future__ import annotations

import pytest

from gongkai.rules.planparse.annotations import parse_annotation
from gongkai.rules.planparse.cells import (
    GROUP_MARKER,
    REQUIREMENT_MARKER,
    header_column,
    is_unit_phrase,
    looks_like_units,
)
from gongkai.rules.planparse.prose import split_marker
from gongkai.rules.units import split_units
from gongkai.rules.vocabulary import (
    ASSIST_LABELS,
    DUTY_LABELS,
    LEAD_LABELS,
    ORGAN_ENDINGS,
    PLACE_ENDINGS,
    UNIT_ENDINGS,
    marker_number,
)


def test_people_s_organisations_end_a_unit_everywhere():
    assert is_unit_phrase("市残联") and is_unit_phrase("市科协")
    assert looks_like_units("市妇联、市科协")
    assert split_units("市妇联和市科协") == ["市妇联", "市科协"]  # 联 closes a name before 和
    assert parse_annotation("(市残联、市科协负责)").units == ("市残联", "市科协")


def test_a_place_ending_never_closes_a_name_before_a_conjunction():
    assert not PLACE_ENDINGS & set(ORGAN_ENDINGS) and set(UNIT_ENDINGS) >= PLACE_ENDINGS
    assert split_units("市住房和城乡建设局") == ["市住房和城乡建设局"]


@pytest.mark.parametrize(("paragraph", "kind", "marker"), [
    ("一、推进决策公开", "cn", "一、"),
    ("（三）推进执行公开", "cn_paren", "（三）"),
    ("12.做好政策解读", "arabic", "12."),
    ("(4)公开预算", "arabic_paren", "(4)"),
    ("2）做好回应", "arabic_half", "2）"),
    ("⑪加强培训", "circled", "⑪"),
    ("二是加强培训", "cn_shi", "二是"),
    ("第二部分：重点任务", "part", "第二部分："),
])
def test_the_paragraph_reader_and_the_table_reader_read_the_same_markers(paragraph, kind, marker):
    assert split_marker(paragraph)[:2] == (kind, marker)
    table_kind = REQUIREMENT_MARKER.match(paragraph) is not None, GROUP_MARKER.match(paragraph) is not None
    assert table_kind == (kind in ("arabic", "arabic_paren", "circled"), kind in ("cn", "cn_paren", "part"))


def test_a_decimal_is_no_marker_and_a_marker_gives_its_number():
    assert split_marker("1.5亿元用于…")[0] is None and REQUIREMENT_MARKER.match("1.5亿元") is None
    assert [marker_number(m) for m in ("2、", "（12）", "②", "一、")] == [2, 12, 2, None]


def test_the_label_words_are_read_alike_in_a_paragraph_and_as_a_column_header():
    found = parse_annotation("（牵头单位：市财政局；配合单位：市审计局；完成时限：2024年6月底前）")
    assert found.units == ("市财政局", "市审计局") and found.lead_units == ("市财政局",)
    assert found.deadline_raw == "2024年6月底前"
    for label in (*LEAD_LABELS, *DUTY_LABELS, *ASSIST_LABELS):
        assert header_column(f"{label}单位") is not None, label
