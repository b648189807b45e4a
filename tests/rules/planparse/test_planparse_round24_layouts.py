"""Layouts of the twenty-fourth round of real notices (tests/fixtures/notices/real/761-792), each
as a small synthetic page written the way those pages are, and each read by a general rule."""

from __future__ import annotations

from datetime import date

from gongkai.rules.planparse import parse_text


def test_a_congress_table_of_suggestions_with_the_units_that_handle_them():
    plan = parse_text(
        "2024年度重点处理代表建议办理分工表\n"
        "序号 | 建议标题 | 领衔 | 选举单位 | 主办单位 | 会办单位 | 督办领导 | 具体督办的专委会 |\n"
        "1 | 关于加快农村公路提质改造的建议(108号) | 张三 | 示范市 | 省交通运输厅 | 省财政厅 | 李四 | 财政经济委员会 |\n"
        "2 | 关于完善基层医疗服务体系的建议(215号) | 王五 | 样例市 | 省卫生健康委 | 省医保局 | 赵六 | 教科文卫委员会 |\n"
    )
    assert [(item.units, item.lead_units) for item in plan.items] == [
        (("省交通运输厅", "省财政厅"), ("省交通运输厅",)),
        (("省卫生健康委", "省医保局"), ("省卫生健康委",)),
    ]
    assert all("委员会" not in "".join(item.units) for item in plan.items)  # who oversees is no unit


def test_a_task_closed_by_the_sentence_naming_who_does_it_and_a_month_it_is_scheduled_in():
    plan = parse_text(
        "根据监督法的规定,对2020年度监督工作具体安排如下。\n一、听取和审议专项工作报告\n"
        "(一)听取和审议市人民政府关于医疗保险工作情况的报告。报告拟安排在6月份举行的常委会会议上听取和审议。"
        "由社会建设委员会负责做好相关工作。\n"
        "(二)听取和审议市人民政府关于2019年度国有资产管理情况的综合报告。报告拟安排在8月份举行的常委会会议上听取和审议。"
        "由财政经济委员会、预算工作委员会负责做好相关工作。\n"
    )
    assert [item.units for item in plan.items] == [("社会建设委员会",), ("财政经济委员会", "预算工作委员会")]
    assert not any("由" in item.text for item in plan.items)
    assert [item.deadline.date for item in plan.items] == [date(2020, 6, 30), date(2020, 8, 31)]


def test_a_month_mentioned_without_a_schedule_is_no_deadline():
    plan = parse_text(
        "示范县2024年工作要点\n1.总结6月份汛期工作经验,完善防汛预案。(县水利局负责)\n"
        "2.拟于9月召开的推进会议材料由县发改局准备。(县发改局负责)\n"
    )
    assert plan.items[0].deadline.date is None
    assert plan.items[1].deadline.date == date(2024, 9, 30)


def test_parts_headed_by_a_body_and_the_responsibility_it_bears():
    plan = parse_text(
        "示范区换届风气监督责任清单\n一、党委:主体责任\n1、切实加强领导和统筹,确保换届工作有序、健康、平稳进行。\n"
        "二、纪委：监督责任\n1、加强对换届纪律执行情况的监督检查,严肃查处违纪行为。\n"
        "(一)县(市、区)政府的主要任务\n1、负责研究部署和组织实施本辖区纠风工作和政风行风建设工作。\n"
    )
    assert [item.units for item in plan.items] == [("党委",), ("纪委",), ("县(市、区)政府",)]


def test_aims_and_participants_of_a_plan_are_no_tasks_and_a_header_date_gives_its_year():
    plan = parse_text(
        "示范市政协委员会| 2017-05-31\n市政协督办重点提案工作方案\n一、督办目的\n"
        "1、了解提案办理进度和办理过程中存在的问题,协商解决主要问题。\n二、督办方式\n"
        "1、参加督办的专委会负责与市政府办公室沟通,协商确定督办具体时间,6月底前完成。\n四、参加人员\n"
        "1、市政协分管领导,政协相关部门负责人、提案者。\n"
    )
    assert [item.section[0] for item in plan.items] == ["二、督办方式"]
    assert plan.items[0].deadline.date == date(2017, 6, 30)


def test_a_general_lead_label_and_a_hired_firm_that_is_no_unit():
    plan = parse_text(
        "示范市全民科学素质行动工作方案\n(八)科普基础设施工程。\n总牵头部门:市科协。\n"
        "责任单位:市委组织部、市发展改革委。\n(九)问题整改。\n1.督促企业聘请有资质单位对生产废水处理工艺进行评估论证。\n"
        "责任单位:示范市生态环境局\n"
    )
    assert [(item.units, item.lead_units) for item in plan.items] == [
        (("市科协", "市委组织部", "市发展改革委"), ("市科协",)),
        (("示范市生态环境局",), ("示范市生态环境局",)),
    ]


def test_a_list_whose_digits_a_copy_dropped():
    plan = parse_text(
        "示范县宣传工作方案\n三、工作措施\n、充分利用党建网、政务网等新闻媒体向社会广泛宣传。\n"
        "、组织全县干部职工进行自我测试,参考人员为全县在职干部职工。\n、由县委宣传部牵头,在县城主要街道悬挂横幅。\n"
    )
    assert len(plan.items) == 3 and plan.items[2].units == ("县委宣传部",)
    assert plan.items[0].text.startswith("充分利用")


def test_a_table_without_units_below_the_pages_field_table_keeps_the_title_out_of_its_cells():
    plan = parse_text(
        "索引号 | 11330100002/2016-00123 | 发布机构 | 示范市人民政府办公室 |\n---|---|---|---|\n"
        "发文日期 | 2016-04-24 | 主题分类 | 综合政务 |\n\n市地震局2016年度业务职能目标\n"
        "序号 |\n目标名称 |\n目标内容 |\n1 |\n加强震情跟踪处置 |\n强化震情动态跟踪,加强重点地域震情监视。 |\n"
        "2 |\n做好台网运行维护 |\n加强三大台网系统的精细化管理与运行维护。 |\n"
        "3 |\n推进预警系统建设 |\n完成地震监测预警系统建设可行性研究等前期工作。 |\n"
    )
    assert [item.section for item in plan.items] == [("加强震情跟踪处置",), ("做好台网运行维护",), ("推进预警系统建设",)]
