"""Unit phrases: normalising, splitting, roles, and resolution against the demo registry.

Pure rules: no Django, no database. The fixture cells are the unit cells of seeds 000 (肇庆市,
2016) and 004 (江门市新会区, 2018) exactly as the seed text has them.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gongkai
from gongkai.rules.units import (
    GroupRule,
    GroupScope,
    Registry,
    RegistryError,
    ResolutionStatus,
    UnitCategory,
    UnitEntry,
    UnitKind,
    UnitRole,
    is_generic,
    is_valid_org_code,
    load_registry,
    load_registry_file,
    normalize_phrase,
    organization_code,
    registry_to_data,
    resolve,
    resolve_cell,
    split_roles,
    split_units,
)
from tests.seeds import seed_path

DEMO_FILE = Path(gongkai.__file__).parent / "orgs" / "data" / "demo_units.json"

ZHAOQING = "zq-gov"  # 肇庆市人民政府, issuer of seed 000 (through its 办公室)
XINHUI = "xh-gov"  # 江门市新会区人民政府, issuer of seed 004

# The 牵头落实单位 column of seed 000, plus the addressees of its heading.
SEED_000_CELLS = [
    "各县(市、区)人民政府,肇庆高新区管委会,肇庆新区管委会,粤桂合作特别试验区(肇庆)管委会,市政府各部门、直属各单位:",
    "市编办,各县(市、区)政府,肇庆高新区、肇庆新区管委会",
    "市住房城乡 建设局",
    "市质监局,各县(市、区)政府,肇庆高新区、肇庆新区管委会",
    "市旅游局,各县(市、区)政府,肇庆高新区、肇庆新区管委会",
    "市知识产权局,各县(市、区)政府,肇庆高新区、肇庆新区管委会",
    "市安全监管局,各县(市、区)政府,肇庆高新区、肇庆新区管委会",
    "市发展改革局、市信息中心",
    "市经济信息化局、市行政服务中心、市直有关单位",
    "市公安局",
    "市发展改革局,各县(市、区)政府,肇庆高新区、肇庆新区管委会",
    "市财政局、 市发展改革局",
    "市公共资源交易中心",
    "市财政局,各县(市、区)政府,肇庆高新区、肇庆新区管委会",
    "市国税局",
    "市地税局,各县(市、区)政府,肇庆高新区、肇庆新区管委会",
    "市发展改革局",
    "市国资委,各县(市、区)政府,肇庆高新区、肇庆新区管委会",
    "市扶贫办,各县(市、区)政府,肇庆高新区、肇庆新区管委会",
    "市民政局,各县(市、区)政府,肇庆高新区、肇庆新区管委会",
    "市人力资源社会保障局,各县(市、区)政府,肇庆高新区、肇庆新区管委会",
    "市住房城乡建设局,各县(市、区)政府,肇庆高新区、肇庆新 区管委会",
    "市环境保护局,各县(市、区)政府,肇庆高新区、肇庆新区管委会",
    "市教育局,各县(市、区)政府,肇庆高新区、肇庆新区管委会",
    "市卫生和计划生育局,各县(市、区)政府,肇庆高新区、肇庆新区管委会",
    "市食品药品监管局,各县(市、区)政府,肇庆高新区、肇庆新区管委会",
    "市法制局",
    "市政府督查室,各县(市、区)政府,肇庆高新区、肇庆新区管委会",
    "市审计局",
    "市政府各部门、直属各单位,各县(市、区)政府,肇庆高新区、肇庆新区管委会",
    "市府办公室、 市信息中心",
    "市府办公室",
    "市信访局",
    "市府办公室、市信息中心,各县(市、区)政府,肇庆高新区、肇庆新区管委会",
    "市府办公室、市法制局,各县(市、区)政府。肇庆高新区、肇庆新区管委会",
    "市府办公室,各县(市、区)政府,肇庆高新区、肇庆新区管委会",
    "市行政服务中心,各县(市、区)政府,肇庆高新区、肇庆新区管委会",
    "市人力资源社会保障局",
]

# The 牵头及责任单位 column of seed 004 (a tab table; two cells are broken across lines).
SEED_004_CELLS = [
    "各镇（街、区），区政府各部门、各直属机构负责",
    "区编办牵头，各镇（街、区），\n区政府各部门、各直属机构负责",
    "区委区府办公室牵头，各镇（街、区），区政府各部门、各直属机构负责",
    "区发展改革局负责",
    "各行政执法单位负责",
    "区经济信息和商务局牵头，各镇（街、区），区政府各部门、各直属机构负责",
    "区发展改革局、区经济信息和商务局、区环保局、区住房城乡建设局、区交通运输局、区水务局、区农林局、"
    "区卫生计生局、新会国土资源分局分别负责",
    "区发展改革局、区财政局、区住房城乡建设局、新会国土资源分局、区公共资源交易中心、"
    "区政府投资工程建设管理中心、区公资办分别负责",
    "区公共资源交易中心负责",
    "区教育局、区民政局、区人力资源社会保障局、区环保局、区住房城乡建设局、区文广新局、区卫生计生局、"
    "区安全监管局、区食品药品监管局、区体育局、区气象局、区扶贫办分别负责",
    "区财政局牵头，各镇（街、区），\n\n\t区政府各部门、各直属机构负责",
    "区财政局负责",
    "区扶贫办、区民政局、区食品药品监管局、区环保局分别负责",
    "区编办、区发展改革局（区物价局）、区科技局（区知识产权局）、区民政局、区财政局、区环保局、"
    "区住房城乡建设局、区食品药品监管局、区安全监管局、区质监局、区审计局、、区卫生计生局、新会国土资源分局、"
    "区文广新局、区农林局（区扶贫办）、区人力资源社会保障局、新会公安分局、区旅游局、区行政服务中心、"
    "区税务局、区公资办分别负责",
    "区金融局、区扶贫办、区财政局、区环保局等有关部门牵头，各镇（街、区），区政府各部门、各直属机构负责",
    "区委宣传部牵头，各镇（街、区），区政府各部门、各直属机构负责",
    "区教育局、区卫生计生局、区住房城乡建设局、区安全监管局、区三防办、区食品药品监管局、区民政局分别负责",
    "区委区府办公室、区委宣传部、区经济信息和商务局、新会公安分局负责",
    "区委区府办公室、区委宣传部负责",
    "区编办负责",
    "区编办、区法制局、区经济信息和商务局、区行政服务中心牵头，区政府各部门、各直属机构负责",
    "区行政服务中心牵头，各镇（街、区），区政府各部门、各直属机构负责",
    "区工商局、区住房城乡建设局分别负责",
    "区编办、区行政服务中心牵头，各镇（街、区），区政府各部门、各直属机构负责",
    "区委区府办公室、区经济信息和商务局负责         ",
    "区委区府办公室、区经济信息和商务局牵头，各镇（街、区），区政府各部门、各直属机构负责         ",
    "区经济信息和商务局负责",
    "区委区府办公室、区委宣传部、区经济信息和商务局牵头，各镇（街、区），区政府各部门、各直属机构负责",
    "区委区府办公室牵头，区经济信息和商务局、区档案局配合",
    "区政府各部门、各直属机构负责",
    "区教育局、区环保局、区文广新局、区旅游局、区卫生计生局、区住房城乡建设局、区民政局分别负责",
    "区委区府办公室负责",
]

# Phrases of the seeds that name no definite units: recognised as generic, never guessed.
SEED_GENERIC_PHRASES = {"市直有关单位"}

ZHAOQING_COUNTIES = {
    "zq-duanzhou",
    "zq-dinghu",
    "zq-gaoyao",
    "zq-sihui",
    "zq-guangning",
    "zq-deqing",
    "zq-fengkai",
    "zq-huaiji",
}
XINHUI_TOWNS = {
    "xh-huicheng",
    "xh-daze",
    "xh-siqian",
    "xh-luokeng",
    "xh-shuangshui",
    "xh-yamen",
    "xh-shadui",
    "xh-gujing",
    "xh-sanjiang",
    "xh-muzhou",
    "xh-da-ao",
}


@functools.cache
def _demo_registry() -> Registry:
    return load_registry_file(DEMO_FILE)


@pytest.fixture
def registry() -> Registry:
    return _demo_registry()


def _without_whitespace(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _seed_text(prefix: str) -> str:
    return _without_whitespace(seed_path(prefix).read_text(encoding="utf-8"))


# --- the seeds ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("prefix", "cells"), [("000", SEED_000_CELLS), ("004", SEED_004_CELLS)])
def test_it_lists_cells_that_really_occur_in_the_seed(prefix: str, cells: list[str]) -> None:
    text = _seed_text(prefix)
    missing = [cell for cell in cells if _without_whitespace(cell) not in text]
    assert missing == []


@pytest.mark.parametrize(
    ("cell", "within"),
    [(cell, ZHAOQING) for cell in SEED_000_CELLS] + [(cell, XINHUI) for cell in SEED_004_CELLS],
)
def test_it_resolves_every_phrase_of_the_seed_cells(
    registry: Registry, cell: str, within: str
) -> None:
    resolved = resolve_cell(cell, registry, within)
    assert resolved.parts
    for resolution in resolved.resolutions:
        if resolution.normalized in SEED_GENERIC_PHRASES:
            assert resolution.generic, resolution
        else:
            assert resolution.ok, resolution.reason


def test_it_resolves_seed_000_phrases_to_zhaoqing_units_only(registry: Registry) -> None:
    for cell in SEED_000_CELLS:
        for key in resolve_cell(cell, registry, ZHAOQING).unit_keys:
            assert registry.root_of(key).key == ZHAOQING


def test_it_resolves_seed_004_phrases_to_xinhui_units_only(registry: Registry) -> None:
    for cell in SEED_004_CELLS:
        for key in resolve_cell(cell, registry, XINHUI).unit_keys:
            government = registry.government_of(key)
            assert government is not None and government.key == XINHUI


# --- groups expand by rule ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "phrase",
    [
        "各县(市、区)政府",
        "各县（市、区）人民政府",
        "各县(市,区)政府",
        "各县（市、区）",
        "各县、市、区人民政府",
    ],
)
def test_it_expands_the_counties_of_the_city(registry: Registry, phrase: str) -> None:
    resolution = resolve(phrase, registry, ZHAOQING)
    assert resolution.ok
    assert resolution.group == "各县(市、区)政府"
    assert set(resolution.unit_keys) == ZHAOQING_COUNTIES


def test_it_includes_a_county_added_later(registry: Registry) -> None:
    new_county = UnitEntry(
        key="zq-new-county",
        name="肇庆市新设区人民政府",
        kind=UnitKind.COUNTY_GOV,
        parent=ZHAOQING,
        category=UnitCategory.COUNTY_GOV,
    )
    resolution = resolve("各县(市、区)政府", registry.with_units(new_county), ZHAOQING)
    assert set(resolution.unit_keys) == ZHAOQING_COUNTIES | {"zq-new-county"}


def test_it_expands_towns_subdistricts_and_zones_of_the_district(registry: Registry) -> None:
    with_zones = resolve("各镇（街、区）", registry, XINHUI)
    assert with_zones.ok
    assert set(with_zones.unit_keys) == XINHUI_TOWNS | {"xh-jinguzhou", "xh-yinhuwan"}
    assert set(resolve("各镇(街)", registry, XINHUI).unit_keys) == XINHUI_TOWNS


def test_it_keeps_district_departments_within_the_district(registry: Registry) -> None:
    resolution = resolve("区政府各部门、各直属机构", registry, XINHUI)
    assert resolution.ok
    kinds = {registry.unit(key).kind for key in resolution.unit_keys}
    assert kinds == {UnitKind.DEPARTMENT, UnitKind.INSTITUTION}
    assert all(registry.unit(key).parent == XINHUI for key in resolution.unit_keys)
    assert not any(key.startswith("zq-") for key in resolution.unit_keys)
    # Party organs and vertically managed units are not 区政府部门.
    assert "xh-propaganda" not in resolution.unit_keys
    assert "xh-police" not in resolution.unit_keys


def test_it_expands_city_departments_and_institutions(registry: Registry) -> None:
    resolution = resolve("市政府各部门、直属各单位", registry, ZHAOQING)
    assert {"zq-finance", "zq-office", "zq-service-center"} <= set(resolution.unit_keys)
    assert "zq-state-tax" not in resolution.unit_keys  # 垂直管理
    assert "zq-inspection" not in resolution.unit_keys  # a 处室 of the office, not a department


def test_it_expands_by_tag_and_category(registry: Registry) -> None:
    enforcers = resolve("各行政执法单位", registry, XINHUI)
    assert {"xh-police", "xh-environment", "xh-industry-commerce"} <= set(enforcers.unit_keys)
    assert "xh-office" not in enforcers.unit_keys
    services = resolve("各承担公共服务的事业单位", registry, ZHAOQING)
    assert set(services.unit_keys) == {
        "zq-service-center",
        "zq-resource-trading",
        "zq-housing-fund",
        "zq-broadcasting",
    }


def test_it_refuses_a_district_group_in_a_city_notice(registry: Registry) -> None:
    resolution = resolve("各镇（街、区）", registry, ZHAOQING)
    assert not resolution.ok
    assert resolution.status is ResolutionStatus.NO_SCOPE
    assert "肇庆市人民政府" in resolution.reason


def test_it_reports_a_group_without_members(registry: Registry) -> None:
    resolution = resolve("各县(市、区)政府", registry, "zq-sihui")  # 四会市 has no counties
    assert resolution.status is ResolutionStatus.EMPTY_GROUP
    assert resolution.reason


def test_it_expands_a_group_scoped_to_a_named_unit(registry: Registry) -> None:
    rule = GroupRule(
        phrase="新会各镇",
        kinds=frozenset({UnitKind.TOWNSHIP}),
        scope=GroupScope.UNIT,
        scope_unit=XINHUI,
    )
    scoped = Registry(registry.units, (rule,))
    assert len(resolve("新会各镇", scoped, ZHAOQING).unit_keys) == 10


# --- units, aliases and scope ------------------------------------------------------------------


@pytest.mark.parametrize(
    "phrase", ["市住建局", "市住房城乡建设局", "市住房和城乡建设局", "肇庆市住房和城乡建设局"]
)
def test_it_resolves_aliases_of_one_bureau(registry: Registry, phrase: str) -> None:
    assert resolve(phrase, registry, ZHAOQING).unit_keys == ("zq-housing",)


@pytest.mark.parametrize("phrase", ["市府办", "市政府办公室", "市府办公室"])
def test_it_resolves_the_office_of_the_city(registry: Registry, phrase: str) -> None:
    assert resolve(phrase, registry, ZHAOQING).unit_keys == ("zq-office",)


def test_it_reads_the_level_word_relative_to_the_issuer(registry: Registry) -> None:
    assert resolve("区财政局", registry, XINHUI).unit_keys == ("xh-finance",)
    assert resolve("新会区财政局", registry, XINHUI).unit_keys == ("xh-finance",)
    assert resolve("市政府", registry, ZHAOQING).unit_keys == (ZHAOQING,)
    assert resolve("市政府", registry, XINHUI).unit_keys == ("jm-gov",)
    # 江门市财政局 is not registered: a 新会 notice's "市财政局" must not become 肇庆's.
    in_xinhui = resolve("市财政局", registry, XINHUI)
    assert not in_xinhui.ok
    assert "江门市人民政府" in in_xinhui.reason
    assert not resolve("区财政局", registry, ZHAOQING).ok


def test_it_needs_an_issuer_for_a_relative_name(registry: Registry) -> None:
    assert resolve("市财政局", registry).status is ResolutionStatus.NO_SCOPE
    # A name that says its place needs no issuer.
    assert resolve("新会区财政局", registry).unit_keys == ("xh-finance",)
    assert resolve("肇庆市财政局", registry).unit_keys == ("zq-finance",)


def test_it_resolves_a_unit_and_the_sign_it_carries(registry: Registry) -> None:
    assert resolve("区农林局（区扶贫办）", registry, XINHUI).unit_keys == ("xh-agriculture",)
    assert resolve("区科技局(区知识产权局)", registry, XINHUI).unit_keys == ("xh-science",)


def test_it_reports_an_unknown_unit_in_chinese(registry: Registry) -> None:
    resolution = resolve("市某某局", registry, ZHAOQING)
    assert not resolution.ok
    assert resolution.status is ResolutionStatus.NOT_FOUND
    assert resolution.unit_keys == ()
    assert "未找到单位“市某某局”" in resolution.reason
    assert "请选择单位或添加别名" in resolution.reason


def test_it_reports_an_ambiguous_name_instead_of_guessing() -> None:
    registry = Registry(
        (
            UnitEntry("a", "甲市人民政府", UnitKind.CITY_GOV, None),
            UnitEntry("a-tax", "甲市税务局", UnitKind.VERTICAL, "a", aliases=("税务局",)),
            UnitEntry("b", "乙市人民政府", UnitKind.CITY_GOV, None),
            UnitEntry("b-tax", "乙市税务局", UnitKind.VERTICAL, "b", aliases=("税务局",)),
        )
    )
    ambiguous = resolve("税务局", registry)
    assert ambiguous.status is ResolutionStatus.AMBIGUOUS
    assert "甲市税务局" in ambiguous.reason and "乙市税务局" in ambiguous.reason
    assert resolve("税务局", registry, "b").unit_keys == ("b-tax",)


@pytest.mark.parametrize("phrase", ["各有关单位", "相关单位", "市直有关单位", "有关部门"])
def test_it_recognises_generic_phrases(registry: Registry, phrase: str) -> None:
    resolution = resolve(phrase, registry, ZHAOQING)
    assert is_generic(phrase)
    assert resolution.generic and not resolution.ok
    assert "泛指" in resolution.reason


def test_it_needs_an_issuer_for_a_relative_group(registry: Registry) -> None:
    resolution = resolve("各县(市、区)政府", registry)
    assert resolution.status is ResolutionStatus.NO_SCOPE
    assert "发文机关" in resolution.reason


def test_it_rejects_an_unknown_issuer(registry: Registry) -> None:
    with pytest.raises(RegistryError):
        resolve("市财政局", registry, "no-such-unit")


# --- normalisation -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "normalized"),
    [
        ("各县（市、区）政府", "各县(市、区)政府"),
        ("各县(市，区)政府", "各县(市、区)政府"),
        ("各县(市;区)政府", "各县(市、区)政府"),
        ("市住房城乡 建设局", "市住房城乡建设局"),
        ("市住房城乡\n建设局", "市住房城乡建设局"),
        ("\u3000市财政局\u200b ", "市财政局"),
        ("肇庆新 区管委会", "肇庆新区管委会"),
        ("区编办牵头", "区编办"),
        ("区环保局分别负责", "区环保局"),
        ("由区财政局牵头落实", "区财政局"),
        ("市政府各部门、直属各单位：", "市政府各部门、直属各单位"),
        ("粤桂合作特别试验区（肇庆）管委会", "粤桂合作特别试验区(肇庆)管委会"),
    ],
)
def test_it_normalizes_phrases(written: str, normalized: str) -> None:
    assert normalize_phrase(written) == normalized


_FULL_WIDTH = str.maketrans({"(": "（", ")": "）", ",": "，", ";": "；", ":": "："})
_ASCII = str.maketrans({"（": "(", "）": ")", "，": ",", "；": ";", "：": ":"})
_SEED_CELLS = [(cell, ZHAOQING) for cell in SEED_000_CELLS] + [
    (cell, XINHUI) for cell in SEED_004_CELLS
]


@settings(max_examples=200, deadline=None)
@given(
    seed_cell=st.sampled_from(_SEED_CELLS),
    breaks=st.lists(
        st.tuples(st.integers(min_value=0), st.sampled_from([" ", "\n", "\t", "\u3000", "\r\n"]))
    ),
    full_width=st.booleans(),
)
def test_it_resolves_a_cell_however_it_is_wrapped_or_punctuated(
    seed_cell: tuple[str, str], breaks: list[tuple[int, str]], full_width: bool
) -> None:
    registry = _demo_registry()
    cell, within = seed_cell
    variant = cell.translate(_FULL_WIDTH if full_width else _ASCII)
    for position, whitespace in breaks:
        cut = position % (len(variant) + 1)
        variant = variant[:cut] + whitespace + variant[cut:]
    original = resolve_cell(cell, registry, within)
    rewritten = resolve_cell(variant, registry, within)
    assert rewritten.unit_keys == original.unit_keys
    assert rewritten.lead_units == original.lead_units


@given(st.text(alphabet="市区各县镇(（)）、，,;；: \n牵头负责和局办政府部门单位有关", max_size=30))
def test_it_normalizes_idempotently(text: str) -> None:
    assert normalize_phrase(normalize_phrase(text)) == normalize_phrase(text)


def test_it_resolves_full_width_and_ascii_forms_alike(registry: Registry) -> None:
    full_width = resolve("市政府各部门，直属各单位", registry, ZHAOQING)
    ascii_form = resolve("市政府各部门,直属各单位", registry, ZHAOQING)
    assert full_width.unit_keys == ascii_form.unit_keys != ()


# --- splitting and roles -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "phrases"),
    [
        ("市住房和城乡建设局", ["市住房和城乡建设局"]),
        ("市人力资源和社会保障局和市财政局", ["市人力资源和社会保障局", "市财政局"]),
        ("区经济信息和商务局、区档案局", ["区经济信息和商务局", "区档案局"]),
        ("区委区府办公室和区委宣传部", ["区委区府办公室", "区委宣传部"]),
        ("各县(市、区)政府和各管委会", ["各县(市、区)政府", "各管委会"]),
        ("各镇（街、区），区政府各部门", ["各镇（街、区）", "区政府各部门"]),
        ("市财政局；市审计局。市法制局", ["市财政局", "市审计局", "市法制局"]),
        ("区审计局、、区卫生计生局", ["区审计局", "区卫生计生局"]),
        ("区金融局、区环保局等有关部门牵头", ["区金融局", "区环保局"]),
        ("按照职责分工，由市财政局负责", ["市财政局"]),
        ("（市府办负责落实）", ["市府办"]),
        ("各县、市、区人民政府,市政府各部门:", ["各县、市、区人民政府", "市政府各部门"]),
        ("市财政局、市、县财政部门", ["市财政局", "市、县财政部门"]),
        ("各县、特区、区人民政府,各经济开发区管委会", ["各县、特区、区人民政府", "各经济开发区管委会"]),
        ("供销社、农科所等农业系统其它单位以及民政局", ["供销社", "农科所", "民政局"]),
        ("乡(镇)人民政府以及街道办事处等政府派出机构", ["乡(镇)人民政府", "街道办事处"]),
        ("市统计局、农发行镇江分行等有关部门和单位", ["市统计局", "农发行镇江分行"]),
        ("市和县(市)、区人民政府教育督导机构", ["市和县(市)、区人民政府教育督导机构"]),
        ("市和各市、区劳动保障部门", ["市和各市、区劳动保障部门"]),
        ("消费者协会、个体劳动者协会等社会团体以及新闻单位", ["消费者协会", "个体劳动者协会", "新闻单位"]),
        ("县级以上人民政府负责侨务工作的机构", ["县级以上人民政府负责侨务工作的机构"]),
        ("各级教育行政部门和中等职业学校的主管部门", ["各级教育行政部门", "中等职业学校的主管部门"]),
        ("市教育局,市委农办,各县<市、区>人民政府", ["市教育局", "市委农办", "各县<市、区>人民政府"]),
    ],
)
def test_it_splits_cells_into_phrases(cell: str, phrases: list[str]) -> None:
    assert split_units(cell) == phrases


def test_it_keeps_registered_phrases_with_separators_whole(registry: Registry) -> None:
    cell = "市政府各部门、直属各单位,各县(市、区)政府"
    assert split_units(cell) == ["市政府各部门", "直属各单位", "各县(市、区)政府"]
    assert split_units(cell, registry) == ["市政府各部门、直属各单位", "各县(市、区)政府"]


def test_it_finds_the_lead_before_the_responsible_units(registry: Registry) -> None:
    resolved = resolve_cell(
        "区编办牵头，各镇（街、区），\n区政府各部门、各直属机构负责", registry, XINHUI
    )
    assert resolved.ok
    assert resolved.lead_units == ("xh-establishment",)
    assert set(XINHUI_TOWNS) <= set(resolved.responsible_units)
    assert "xh-establishment" not in resolved.responsible_units
    assert [part.role for part in resolved.parts] == [
        UnitRole.LEAD,
        UnitRole.RESPONSIBLE,
        UnitRole.RESPONSIBLE,
    ]


def test_it_reads_x_together_with_y(registry: Registry) -> None:
    resolved = resolve_cell("市财政局会同市审计局负责", registry, ZHAOQING)
    assert resolved.lead_units == ("zq-finance",)
    assert resolved.responsible_units == ("zq-audit",)
    with_generic = resolve_cell("市财政局会同相关部门负责", registry, ZHAOQING)
    assert with_generic.ok and with_generic.open_ended
    assert with_generic.lead_units == ("zq-finance",)


def test_it_reads_assisting_units(registry: Registry) -> None:
    resolved = resolve_cell(
        "区委区府办公室牵头，区经济信息和商务局、区档案局配合", registry, XINHUI
    )
    assert resolved.lead_units == ("xh-office",)
    assert resolved.assisting_units == ("xh-economy-commerce", "xh-archives")


def test_it_treats_a_cell_without_role_words_as_all_leads(registry: Registry) -> None:
    cell = "市编办,各县(市、区)政府,肇庆高新区、肇庆新区管委会"
    roles = {phrase.role for phrase in split_roles(cell)}
    assert roles == {UnitRole.LEAD}
    resolved = resolve_cell(cell, registry, ZHAOQING, unmarked_role=UnitRole.RESPONSIBLE)
    assert resolved.lead_units == ()
    assert len(resolved.responsible_units) == 1 + 8 + 2


def test_it_shares_a_suffix_between_names(registry: Registry) -> None:
    resolved = resolve_cell("肇庆高新区、肇庆新区管委会", registry, ZHAOQING)
    assert resolved.unit_keys == ("zq-hitech-zone", "zq-new-area")
    assert resolved.parts[0].resolution.phrase == "肇庆高新区"


def test_it_marks_an_open_ended_list(registry: Registry) -> None:
    resolved = resolve_cell(
        "区金融局、区扶贫办、区财政局、区环保局等有关部门牵头", registry, XINHUI
    )
    assert resolved.ok and resolved.open_ended
    assert len(resolved.lead_units) == 4


def test_it_reports_the_problems_of_a_cell(registry: Registry) -> None:
    resolved = resolve_cell("市财政局、市某某局、各有关单位", registry, ZHAOQING)
    assert not resolved.ok
    assert [problem.normalized for problem in resolved.problems] == ["市某某局", "各有关单位"]
    assert resolved.unit_keys == ("zq-finance",)


# --- registry data -----------------------------------------------------------------------------


def test_it_round_trips_registry_data(registry: Registry) -> None:
    data = registry_to_data(registry)
    assert load_registry(json.loads(json.dumps(data))) == registry


def test_it_keeps_demo_data_unique_and_well_formed(registry: Registry) -> None:
    codes = [unit.org_code for unit in registry.units]
    assert len(set(codes)) == len(codes)
    assert all(is_valid_org_code(code) for code in codes)
    # 别名 are unique across the registry (the orgs app stores them in one table).
    written = [normalize_phrase(w) for unit in registry.units for w in (unit.name, *unit.aliases)]
    assert len(set(written)) == len(written)
    assert json.loads(DEMO_FILE.read_text(encoding="utf-8"))["note"]


def test_it_gives_every_evaluated_unit_a_category(registry: Registry) -> None:
    for unit in registry.units:
        if unit.kind in {UnitKind.COUNTY_GOV, UnitKind.TOWNSHIP, UnitKind.SUBDISTRICT}:
            assert unit.category is not None, unit.name
        if unit.parent in {ZHAOQING, XINHUI} and unit.kind is UnitKind.DEPARTMENT:
            assert unit.category in {UnitCategory.KEY_DEPARTMENT, UnitCategory.OTHER_DEPARTMENT}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"units": [{"key": "a", "name": "甲", "kind": "city_gov"}] * 2},
            "重复",
        ),
        (
            {"units": [{"key": "a", "name": "甲", "kind": "department", "parent": "x"}]},
            "不在单位库中",
        ),
        ({"units": [{"key": "a", "name": "甲", "kind": "ministry"}]}, "格式有误"),
        (
            {"units": [], "groups": [{"phrase": "各镇", "kinds": [], "scope": "county"}]},
            "未指定单位类型",
        ),
    ],
)
def test_it_rejects_bad_registry_data(data: dict[str, object], message: str) -> None:
    with pytest.raises(RegistryError, match=message):
        load_registry(data)


def test_it_reads_the_organization_code_inside_a_credit_code() -> None:
    assert is_valid_org_code("91350100M000100Y43")  # a published example of GB 32100-2015
    assert not is_valid_org_code("91350100M000100Y44")
    assert organization_code("91350100M000100Y43") == "M000100Y4"
    assert organization_code("00817804-9") == "008178049"
    assert organization_code("") == ""
