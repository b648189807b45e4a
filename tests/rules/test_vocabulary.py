"""One list of unit endings and role words for the parser and the unit resolver (issue 14)."""

from __future__ import annotations

from gongkai.rules.planparse.annotations import parse_annotation
from gongkai.rules.planparse.cells import is_unit_phrase, looks_like_units
from gongkai.rules.units import split_units
from gongkai.rules.vocabulary import ORGAN_ENDINGS, PLACE_ENDINGS, UNIT_ENDINGS


def test_people_s_organisations_end_a_unit_everywhere():
    assert is_unit_phrase("市残联") and is_unit_phrase("市科协")
    assert looks_like_units("市妇联、市科协")
    assert split_units("市妇联和市科协") == ["市妇联", "市科协"]  # 联 closes a name before 和
    assert parse_annotation("(市残联、市科协负责)").units == ("市残联", "市科协")


def test_a_place_ending_never_closes_a_name_before_a_conjunction():
    assert not PLACE_ENDINGS & set(ORGAN_ENDINGS) and set(UNIT_ENDINGS) >= PLACE_ENDINGS
    assert split_units("市住房和城乡建设局") == ["市住房和城乡建设局"]
