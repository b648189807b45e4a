"""Layouts of the twenty-third round of real notices (tests/fixtures/notices/real/721-757), each
as a small synthetic page written the way those pages are, and each read by a general rule."""

from __future__ import annotations

from gongkai.rules.planparse import parse_text


def test_a_list_of_offices_each_with_its_duties_after_a_colon():
    plan = parse_text(
        "示范省处置非法集资工作联席会议制度\n三、成员单位职责\n"
        "省公安厅:负责依法对非法集资活动进行侦查、打击。\n省财政厅、省地税局:负责财政系统非法集资活动的查处。\n"
        "人民银行示范中心支行:参与非法集资活动的调查及相关查处工作。\n"
        "受理部门:省政府办公厅\n"
    )
    assert [item.text for item in plan.items] == [
        "负责依法对非法集资活动进行侦查、打击。", "负责财政系统非法集资活动的查处。", "参与非法集资活动的调查及相关查处工作。",
    ]  # fmt: skip
    assert [item.units for item in plan.items] == [("省公安厅",), ("省财政厅", "省地税局"), ("人民银行示范中心支行",)]


def test_offices_as_the_subjects_of_their_duties_a_line_each_and_never_one_sentence_alone():
    plan = parse_text(
        "示范市突发地质灾害应急预案\n6部门职责\n市教育局负责组织修复受损毁校舍,妥善解决灾区学生的就学问题。\n"
        "市气象局负责提供地质灾害预警预报所需的气象资料信息。\n"
    )
    assert [item.units for item in plan.items] == [("市教育局",), ("市气象局",)]
    notice = parse_text(  # one such sentence in a notice is not a list of duties
        "示范市人民政府办公室关于做好防汛工作的通知\n各县(区)人民政府:\n"
        "市水务局负责做好全市防汛工作的统筹协调,各地要认真落实。\n示范市人民政府办公室\n2024年5月1日\n"
    )
    assert notice.items == ()


def test_parts_headed_by_whose_duties_they_are():
    plan = parse_text(
        "示范县地质灾害防治工作职责\n一、各级政府工作职责\n(一)县人民政府职责\n"
        "统一领导辖区内的地质灾害防治工作,组织有关部门开展群测群防。\n(二)乡镇人民政府职责\n"
        "在县级人民政府的组织领导下,具体负责本辖区内地质灾害巡查。\n"
    )
    assert [item.units for item in plan.items] == [("县人民政府",), ("乡镇人民政府",)]


def test_a_line_giving_the_targets_above_it_their_unit_by_count():
    plan = parse_text(
        "2007年示范市人民政府目标管理工作方案\n一、关于目标体系设置\n1.地区生产总值增长15%;\n"
        "2.第三产业增加值达到1000亿元;\n3.城镇固定资产投资新增200亿元;\n3项目标的责任单位均为市发展改革委。\n"
        "4.规模以上工业销售收入达到3000亿元;\n该目标责任单位为市经委。\n"
    )
    assert [item.units for item in plan.items] == [("市发展改革委",)] * 3 + [("市经委",)]
