"""Routing a public message to a unit by the unit names it mentions and the office's keywords."""

from __future__ import annotations

import functools
import time
from pathlib import Path

import gongkai
from gongkai.rules.interaction import KeywordRule, mentioned_units, route_message
from gongkai.rules.units import Registry, load_registry_file

ZHAOQING = "zq-gov"
OFFICE = "zq-office"
RULES = (
    KeywordRule("学位", "zq-education"), KeywordRule("学校", "zq-education"),
    KeywordRule("社保", "zq-human-resources"), KeywordRule("公积金", "zq-housing-fund"),
    KeywordRule("医保", "zq-health"),
)


@functools.cache
def registry() -> Registry:
    return load_registry_file(Path(gongkai.__file__).parent / "orgs" / "data" / "demo_units.json")


def route(text: str, rules=RULES):
    return route_message(text, registry(), rules, within=ZHAOQING, exclude=(OFFICE,))


def test_it_routes_to_the_one_unit_named_in_the_message():
    routing = route("您好，想咨询肇庆市教育局：今年小学报名什么时候开始？")
    assert routing.unit_key == "zq-education"
    assert routing.reason == "留言中提到“肇庆市教育局”"


def test_it_resolves_an_alias_and_a_relative_name():
    assert route("市人社局的窗口几点开门？").unit_key == "zq-human-resources"
    assert route("请问市发改局").unit_key == "zq-development-reform"


def test_it_names_the_jurisdiction_without_routing_to_it():
    routing = route("市政府您好，我想反映小区门口公积金业务的问题")
    assert routing.unit_key == "zq-housing-fund"
    assert routing.keywords == ("公积金",)


def test_it_leaves_a_message_naming_several_units_to_the_office():
    routing = route("市教育局和市财政局对学校经费互相推诿")
    assert routing.unit_key is None
    assert routing.mentioned == ("zq-education", "zq-finance")
    assert "肇庆市教育局、肇庆市财政局" in routing.reason


def test_it_routes_by_the_unit_with_most_keywords():
    assert route("孩子的学位和学校分配问题，另外社保也想问").unit_key == "zq-education"


def test_it_leaves_a_tie_of_keywords_to_the_office():
    routing = route("学位和社保的问题")
    assert routing.unit_key is None and "同样多" in routing.reason


def test_it_leaves_a_message_with_nothing_to_go_on_to_the_office():
    routing = route("路灯坏了很久了")
    assert not routing.routed and "没有可识别" in routing.reason


def test_it_ignores_keyword_rules_for_units_no_longer_in_the_registry():
    assert route("学位问题", rules=(KeywordRule("学位", "gone"),)).unit_key is None


def test_it_finds_each_mention_once_in_order():
    assert mentioned_units("肇庆市财政局、市教育局，还有肇庆市财政局", registry(), ZHAOQING) == [
        "zq-finance", "zq-education"]


def test_it_routes_a_long_message_quickly():
    text = "我们小区所在街道办事处附近的站点和中心广场的管理局面需要改善。" * 60  # 1,860 characters
    started = time.perf_counter()
    route(text)
    assert time.perf_counter() - started < 2.0
