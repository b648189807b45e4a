"""Layouts of the seventeenth round of real notices (tests/fixtures/notices/real/491-529), each as
a small synthetic page written the way those pages are, and each read by a general rule."""

from __future__ import annotations

from gongkai.rules.planparse import parse_text


def test_targets_each_closed_by_the_bare_names_of_their_units_on_a_page_without_breaks():
    plan = parse_text(
        "示范市人民政府办公室关于分解落实《政府工作报告》的通知\n"
        "各县、市、区人民政府,市政府各部门: 现将《政府工作报告》确定的2009年全市主要目标和工作任务分解给你们,"
        "请认真抓好落实。 一、主要工作目标 1、地区生产总值增长11%(市发改委,市政府相关部门,各县市区政府,示范开发区)。"
        " 2、固定资产投资增长25%(市发改委,各县市区政府,示范开发区)。 3、财政一般预算收入增长13%(市财政局,市国税局)。"
    )
    assert [item.text for item in plan.items] == ["地区生产总值增长11%", "固定资产投资增长25%", "财政一般预算收入增长13%"]
    assert plan.items[0].units == ("市发改委", "市政府相关部门", "各县市区政府", "示范开发区")
    assert plan.items[2].units == ("市财政局", "市国税局")


def test_a_bracket_listing_the_units_a_sentence_counts_closes_no_requirement():
    plan = parse_text(
        "示范区2024年民生实事项目进展情况\n"
        "2024年,区政府民生实事项目共3个,共2个牵头单位(区住建局、区城管局)。现将进展情况通报如下:\n"
        "1.老旧小区改造项目。(区住建局负责)\n"
        "2.井盖整治项目。(区城管局负责)\n"
    )
    assert [item.text for item in plan.items] == ["老旧小区改造项目。", "井盖整治项目。"]


def test_a_page_that_opens_inside_the_list_takes_no_title_from_a_line_below_it():
    plan = parse_text(
        "20、深化乡镇机构改革,扩大乡镇“三农”服务中心试点。(牵头领导:吴某;牵头单位:市农办;主办单位:市编办)\n"
        "乡镇机构改革试点方案已草拟,待省审批后开展试点工作。\n"
        "21、完善乡村文化设施,发展农村特色文化。(牵头领导:朱某;牵头单位:市文化局;主办单位:市广电局)\n"
        "制定《关于扩大新型农村合作医疗试点工作的实施意见》和《农村困难家庭医疗救助试行办法》,扩大试点\n"
    )
    assert [item.units for item in plan.items] == [("市农办", "市编办"), ("市文化局", "市广电局")]
    assert plan.title is None
