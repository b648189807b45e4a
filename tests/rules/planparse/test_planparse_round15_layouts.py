"""Layouts of the fifteenth round of real notices (tests/fixtures/notices/real/431-459), each as a
small synthetic page written the way those pages are, and each read by a general rule."""

from __future__ import annotations

from gongkai.rules.planparse import parse_text
from gongkai.rules.planparse.cells import Column, named_columns


def test_a_remark_on_the_first_responsible_unit_and_a_time_limit_label():
    plan = parse_text(
        "示范市进一步优化营商环境若干措施\n"
        "一、坚决破除不合理门槛\n"
        "(一)推进完善PPP健康运行长效机制,加强存量项目监管。\n"
        "责任单位:市发改委、市财政局(第一责任单位为牵头单位,下同)\n"
        "时限要求:持续推进\n"
        "(二)严格落实全省统一的招投标政策。\n"
        "责任单位:市建设局、市交通局\n"
        "时限要求:持续推进\n"
    )
    assert [item.units for item in plan.items] == [("市发改委", "市财政局"), ("市建设局", "市交通局")]
    assert [item.lead_units for item in plan.items] == [("市发改委",), ("市建设局",)]
    assert [item.deadline.recurrence for item in plan.items] == ["ongoing", "ongoing"]


def test_the_first_named_leads_by_a_rule_written_inside_the_first_annotation():
    plan = parse_text(
        "示范市2007年国民经济和社会发展主要目标任务分解\n"
        "一、主要预期目标\n"
        "1、全市GDP增长10%以上(由市发展改革委、统计局负责。一项任务涉及多个部门的,原则上由排名首位的部门牵头负责。下同)。\n"
        "2、外贸出口增长15%以上(由市商务局、财政局负责)。\n"
    )
    assert [item.units for item in plan.items] == [("市发展改革委", "统计局"), ("市商务局", "财政局")]
    assert [item.lead_units for item in plan.items] == [("市发展改革委",), ("市商务局",)]


def test_two_offices_glued_in_one_cell_are_two_units():
    plan = parse_text(
        "示范市2022年放管服改革工作要点分工方案\n"
        "序号 | 工作任务 | 牵头单位 | 完成时限 |\n"
        "1 | 编制并公布行政许可事项清单。 | 市行政审批局市司法局 | 2022年9月底 |\n"
        "2 | 住房和城乡建设领域许可改革。 | 市住房和城乡建设局 | 2022年10月底 |\n"
    )
    assert [item.units for item in plan.items] == [("市行政审批局", "市司法局"), ("市住房和城乡建设局",)]


def test_a_progress_table_of_projects_names_their_owner_units():
    assert [column for column in named_columns(["业主单位", "区民生实事项目数量"])] == [Column.UNITS, Column.NOTE]
    assert named_columns(["类别", "指标名称", "年度目标", "完成情况", "责任部门"]) == [
        Column.GROUP,
        Column.REQUIREMENT,
        Column.NOTE,
        Column.NOTE,
        Column.UNITS,
    ]


def test_blocks_numbered_01_02_each_over_a_project_a_line():
    plan = parse_text(
        "您的浏览器版本过低,为保证更佳的浏览体验,请点击更新高版本浏览器\n\n"
        "2019年示范区政府实事项目和重点工程安排\n\n"
        "实事项目\n\n(标注*的项目为市级实事项目延伸至本区的项目)\n\n"
        "01\n\n完成30台多层住宅电梯加装工作\n\n*为8个住宅小区新增电动自行车充电设施\n\n"
        "2019年示范区政府实事项目和重点工程安排\n\n"
        "02\n\n建成区行政服务中心东部分中心\n\n*完成1.3万户农村生活污水处理设施改造\n\n"
        "2019年示范区政府实事项目和重点工程安排\n"
    )
    assert plan.title == "2019年示范区政府实事项目和重点工程安排"
    assert [item.text for item in plan.items] == [
        "完成30台多层住宅电梯加装工作",
        "为8个住宅小区新增电动自行车充电设施",
        "建成区行政服务中心东部分中心",
        "完成1.3万户农村生活污水处理设施改造",
    ]
    assert [item.section[-1] for item in plan.items] == ["01", "01", "02", "02"]


def test_a_project_form_one_field_a_label_line_with_its_value_below():
    plan = parse_text(
        "全县“我为群众办实事”实践活动项目进展与成效情况总结汇报\n"
        "01 项目名称:提升县域生态环境\n项目内容:\n连通城区河道水系,新开引水河道并建设配套建筑物。\n"
        "责任单位:\n水务局、城管局\n进展与成效:\n城区河道水系工程已完成可行性研究报告。\n"
        "02 项目名称:加大文化惠民力度\n项目内容:\n新建“城市书房”1个,开展送戏下乡20场次。\n"
        "责任单位\n文广旅局\n进展与成效:\n城市书房已确定建设地址。\n"
    )
    assert [item.section for item in plan.items] == [("提升县域生态环境",), ("加大文化惠民力度",)]
    assert [item.text[:8] for item in plan.items] == ["连通城区河道水系", "新建“城市书房”"]
    assert [item.units for item in plan.items] == [("水务局", "城管局"), ("文广旅局",)]
    assert plan.items[0].notes == ("进展与成效：城区河道水系工程已完成可行性研究报告。",)


def test_a_line_giving_the_unnumbered_tasks_above_it_their_unit():
    plan = parse_text(
        "示范区2021年实事项目\n"
        "五、加强社区公共服务设施建设。改建标准化菜市场4家;新建小区健身点15个。\n"
        "改建标准化菜市场4家。项目具体实施进度为:第一季度细化实施方案;第二季度落实改建准备。\n"
        "在6家标准化菜市场建设猪肉流通安全信息追溯系统。\n"
        "上述项目由区商务委牵头负责。\n"
        "新建小区健身点15个,新建社区健康步道15条。项目具体实施进度为:第一季度制定方案。\n"
        "上述项目由区体育局牵头负责。\n"
    )
    assert [item.text[:6] for item in plan.items] == ["改建标准化菜", "在6家标准化", "新建小区健身"]
    assert [item.units for item in plan.items] == [("区商务委",), ("区商务委",), ("区体育局",)]


def test_a_rows_units_and_deadline_glued_after_its_tasks_last_full_stop():
    plan = parse_text(
        "示范市贯彻落实省工作要点分工方案\n"
        "一、全链条优化审批\n"
        "(1)全面准确依法编制行政许可事项清单,8月底前编制完成市级清单并向社会公布。"
        "市行政审批局市司法局市级相关单位,各区县政府2022年9月底\n"
        "(2)大力清理整治变相许可,完成变相许可清查整治。市行政审批局,各区县政府2022年11月底\n"
    )
    assert [item.units for item in plan.items] == [
        ("市行政审批局", "市司法局", "市级相关单位", "各区县政府"),
        ("市行政审批局", "各区县政府"),
    ]
    assert [item.deadline.date.isoformat() for item in plan.items] == ["2022-09-30", "2022-11-30"]


def test_unit_cells_and_the_person_after_each_task_of_a_headerless_table():
    plan = parse_text(
        "示范镇城乡环境卫生整治任务分解表\n"
        "镇科教文卫中心\n各村(居、场)\n李某其\n"
        "5、整治农村河流保障饮水安全。加强对农村中小河流的治理,兼顾河流生态环境。\n"
        "各村(居、场)\n苏某义\n"
        "6、开展农村环境连片整治活动。结合生态村创建,组织开展农村环境连片整治示范工作。\n"
        "镇创卫办\n各村(居、场)\n林某铭\n"
        "4、广泛发动除“四害”。在集中开展清理垃圾、污水的基础上,广泛动员群众清除卫生死角。\n"
    )
    assert [item.units for item in plan.items] == [("各村(居、场)",), ("镇创卫办", "各村(居、场)"), ()]
    assert plan.items[0].notes == ("责任人：苏某义",)
