"""Layouts of the eighteenth round of real notices (tests/fixtures/notices/real/531-568), each as
a small synthetic page written the way those pages are, and each read by a general rule."""

from __future__ import annotations

from gongkai.rules.planparse import parse_text


def test_units_and_their_heads_on_a_line_of_their_own():
    plan = parse_text(
        "附件1\n加强全市消防救援能力建设主要目标任务及责任分解\n一、消防站点建设\n"
        "1.2009年底前,完成特勤消防三中队建设,并配套完成消防车辆装备建设。\n"
        "责任单位及责任人:示范县政府、市发改委、市公安消防支队主要领导。\n"
        "2.2010年底前,完成东城消防二中队建设,并在2011年投入使用。\n"
        "责任单位及责任人:东城区政府主要领导。\n"
    )
    assert [item.units for item in plan.items] == [("示范县政府", "市发改委", "市公安消防支队"), ("东城区政府",)]
    assert [str(item.deadline.date) for item in plan.items] == ["2009-12-31", "2010-12-31"]


def test_offices_as_headings_over_their_circled_tasks_run_on_in_one_paragraph():
    plan = parse_text(
        "示范工业集中区2019年部室工作任务\n"
        "(一)综合办公室(党群工作部、监察室)\n(1)年度主要任务与要求:\n"
        "①积极宣传推介园区,完成上稿8篇;②积极协调落实单位三定方案,理顺园区体制机制;③完成主要领导交办的其他工作。\n"
        "(二)招商合作局(行政审批局)\n(1)年度主要任务与要求:\n"
        "①制作和更新园区招商手册,高质量打造5个以上工业招商项目;②积极主动服务企业,落实行政审批。\n"
    )
    assert [item.text for item in plan.items] == [
        "积极宣传推介园区，完成上稿8篇；",
        "积极协调落实单位三定方案，理顺园区体制机制；",
        "完成主要领导交办的其他工作。",
        "制作和更新园区招商手册，高质量打造5个以上工业招商项目；",
        "积极主动服务企业，落实行政审批。",
    ]
    assert [item.units for item in plan.items] == [("综合办公室(党群工作部、监察室)",)] * 3 + [("招商合作局(行政审批局)",)] * 2


def test_a_heading_that_ends_like_an_office_but_is_a_piece_of_work_gives_no_units():
    plan = parse_text(
        "示范市2022年数字政府建设工作要点\n"
        "(一)着力构建高效协同的数字政府\n"
        "1.深化政务服务“网上办”。持续推进政务服务标准化、规范化、便利化。(市行政审批服务局牵头)\n"
        "2.优化“掌上办”功能。持续推进移动端政务服务渠道整合迁移。\n"
    )
    assert plan.items[1].units == ()


def test_a_deadline_closing_a_heading_is_the_deadline_of_the_tasks_under_it():
    plan = parse_text(
        "贯彻落实2020年预防道路交通事故实施方案任务分解\n一、智慧交通提升工程\n"
        "(一)建设道路交通安全协调指挥智能化系统(11月底前完成)\n"
        "1.建成道路联网感知系统,城市灯控路口视频监控覆盖率达90%(市公安交警支队牵头,市住建局配合)。\n"
        "2.实现公安、交通、应急等信息资源共享(市公安交警支队牵头,市交通局配合,6月底前完成)。\n"
    )
    assert [str(item.deadline.date) for item in plan.items] == ["2020-11-30", "2020-06-30"]


def test_a_safety_committees_members_taking_their_share_of_the_work():
    plan = parse_text(
        "示范市安委会2023年工作要点\n一、科学统筹发展和安全\n"
        "1.树牢安全发展理念。将安全生产重要论述纳入各级党委宣传工作重点。(市委宣传部、市应急管理局牵头,市安委会各成员单位分工负责)\n"
        "2.强化属地管理责任。推进各级党政领导干部落实安全生产责任制。(市应急管理局牵头,市安委会各成员单位依职责负责)\n"
    )
    assert [item.units for item in plan.items] == [
        ("市委宣传部", "市应急管理局", "市安委会各成员单位"),
        ("市应急管理局", "市安委会各成员单位"),
    ]
    assert [item.lead_units for item in plan.items] == [("市委宣传部", "市应急管理局"), ("市应急管理局",)]


def test_a_unit_and_its_person_in_charge_written_together():
    plan = parse_text(
        "示范省10项利民行动任务目标\n第一项:扩大就业\n(一)新增城镇就业40万人。\n"
        "责任单位和责任人:省劳动和社会保障厅张三\n(二)城镇登记失业率控制在4.5%以内。\n责任单位及责任人:省人社厅李四、省财政厅王五\n"
        "第二项:改善住房\n"
    )
    assert [item.units for item in plan.items] == [("省劳动和社会保障厅",), ("省人社厅", "省财政厅")]
