"""Layouts of the twenty-fifth round of real notices (tests/fixtures/notices/real/801-836), each
as a small synthetic page written the way those pages are, and each read by a general rule."""

from __future__ import annotations

from datetime import date

from gongkai.rules.planparse import parse_text


def test_a_clause_giving_the_work_to_an_office_and_an_office_named_in_the_middle_of_a_sentence():
    plan = parse_text(
        "示范县人民政府办公室关于落实文物安全管理责任的通知\n二、明确文物安全管理责任\n"
        "1、示范猿人遗址,由示范县猿人遗址文管所全面负责文物保护单位的安全管理工作。\n"
        "2、水陆庵古建筑,由示范县水陆庵文管所全面负责文物保护单位的安全管理工作。\n"
        "3、我县境内的文物行政执法工作由县文物旅游局负责实施。\n"
    )
    assert [item.units for item in plan.items] == [("示范县猿人遗址文管所",), ("示范县水陆庵文管所",), ("县文物旅游局",)]


def test_an_activity_plan_its_theme_and_time_no_tasks_and_each_task_closed_by_who_does_it():
    plan = parse_text(
        "示范市安全生产月活动方案\n一、活动主题\n安全发展,预防为主\n二、活动时间\n6月1日至30日。\n三、活动内容\n"
        "(一)宣传报道 1、6月1日上午,召开“安全生产月”活动新闻发布会。此项工作由市委宣传部新闻处、市应急局综合处负责组织协调。\n"
        "2、6月2日至30日,在市电视台开设专栏,连续报道安全生产典型事迹。此项工作由市委宣传部负责。\n"
    )
    assert [item.section[-1] for item in plan.items] == ["(一)宣传报道"] * 2
    assert [item.units for item in plan.items] == [("市委宣传部新闻处", "市应急局综合处"), ("市委宣传部",)]
    assert not any("此项工作" in item.text for item in plan.items)


def test_the_numbered_fields_of_one_activity_make_one_task():
    plan = parse_text(
        "示范县安全生产月活动方案\n四、活动安排\n(一)开展安全生产事故警示教育周活动\n1.活动时间:6月1日至6月7日。\n"
        "2.活动内容:各乡镇组织动员辖区内企业集中开展警示教育活动。\n3.组织单位:各乡镇人民政府、县直有关部门。\n"
        "(二)开展安全文化周系列活动\n1.活动时间:6月8日至6月14日。\n2.活动内容:指导推动安全文化示范企业创建活动。\n"
        "3.组织单位:县总工会。\n"
    )
    assert [item.text for item in plan.items] == ["各乡镇组织动员辖区内企业集中开展警示教育活动。", "指导推动安全文化示范企业创建活动。"]
    assert [item.units for item in plan.items] == [("各乡镇人民政府", "县直有关部门"), ("县总工会",)]


def test_the_person_in_charge_between_a_task_and_its_units_and_its_schedule_below_them():
    plan = parse_text(
        "昨日,市政府公布了2012年十大实事的任务分解表。\n市区新增优质中小学招生学位2.36万个,满足适龄儿童入学需求。\n"
        "主管领导:张三\n责任单位:市教育局\n主要责任人:李四\n进度安排:6月底前基本完成基建任务;12月底前全部落实。\n"
        "市区新建、改扩建中小学校30所,六县城区新建中小学校10所以上。\n主管领导:张三\n"
        "责任单位:市教育局、市住建局\n主要责任人:李四\n进度安排:9月底前全部开工。\n"
    )
    assert [item.units for item in plan.items] == [("市教育局",), ("市教育局", "市住建局")]
    assert plan.year == 2012
    assert [item.deadline.date for item in plan.items] == [date(2012, 6, 30), date(2012, 9, 30)]


def test_a_span_of_years_opening_a_task_is_due_at_its_end():
    plan = parse_text(
        "示范省地质灾害防治三年行动方案\n1.开展地质灾害综合遥感早期识别。\n"
        "2023—2025年,充分利用天-空-地一体化观测体系,开展地质灾害隐患综合遥感识别。(省自然资源厅牵头)\n"
    )
    assert plan.items[0].deadline.date == date(2025, 12, 31)


def test_a_phase_heading_gives_its_end_date_to_the_work_below_it():
    plan = parse_text(
        "示范市病媒生物防制工作方案\n五、实施步骤\n(一)第一阶段(2012年7月16日-7月31日)。\n"
        "制定病媒生物防制工作方案,组建防制工作队伍,开展全市病媒生物防制培训。\n(二)第二阶段(2012年8月1日-8月10日)。\n"
        "全市集中开展大规模统一灭鼠、灭蟑、灭蝇和灭蚊活动。\n"
    )
    assert [item.deadline.date for item in plan.items] == [date(2012, 7, 31), date(2012, 8, 10)]
