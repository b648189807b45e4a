"""Layouts of the thirtieth round of real notices (tests/fixtures/notices/real/1001-1036), the
middle pages of long plans on law-site mirrors, each as a small synthetic page written the way
those pages are, and each read by a general rule."""

from __future__ import annotations

from datetime import date

from gongkai.rules.planparse import parse_text
from gongkai.rules.planparse.model import PlanKind
from gongkai.rules.planparse.prose import split_marker


def test_unnumbered_lines_each_naming_an_office_s_duties():
    plan = parse_text(
        "市数字化城市管理中心职责:负责私搭乱建信息采集工作,组织信息采集队伍巡查发现私搭乱建行为。\n"
        "市规划监察支队职责:成立制止私搭乱建核查大队,负责对属地乡(镇、办)拆除情况巡视。\n"
        "市城管执法监察支队职责:负责对辖区影响市容市貌的私搭乱建行为进行巡视、暗访。\n"
    )
    assert [item.units for item in plan.items] == [("市数字化城市管理中心",), ("市规划监察支队",), ("市城管执法监察支队",)]
    assert plan.items[0].text.startswith("负责私搭乱建")


def test_a_part_headed_by_an_office_s_duties_and_tasks():
    plan = parse_text(
        "示范市平安校园建设实施意见\n五、各部门职责、任务\n(七)卫生部门职责、任务\n1.加强对学校食堂、学生营养餐的监督管理。\n"
        "2.依法对学校食堂从业人员进行定期体检。\n(八)工商部门职责、任务\n1.加大对校园周边无照经营摊点的打击力度。\n"
    )
    assert [item.units for item in plan.items] == [("卫生部门",), ("卫生部门",), ("工商部门",)]


def test_a_page_of_a_plan_without_its_title_whose_parts_are_a_plan_s():
    plan = parse_text(
        "(三)坚决取缔无证照的黑网吧,依法予以查处。\n四、具体措施\n(一)切实加强对网吧专项治理的组织领导\n"
        "为确保治理取得良好效果,成立网吧治理工作协调领导小组。\n(二)着力推进网吧存量市场结构调整\n"
        "文化管理部门和工商管理部门要积极推进连锁化、规模化经营。\n"
    )
    assert plan.kind is PlanKind.PROSE and len(plan.items) >= 2
    remarks = parse_text("一、评分标准\n(一)资料齐全的,得10分。\n(二)资料不全的,得5分。\n")
    assert remarks.kind is PlanKind.NOT_A_PLAN


def test_a_phase_named_with_its_time_is_due_at_its_end():
    plan = parse_text(
        "示范县推进农村信息化建设的意见\n三、实施步骤\n(一)宣传发动(2007年3月-4月),召开各镇推进农村信息化建设工作会议进行动员部署。\n"
        "(二)业务培训(2007年4月-5月),分批对各镇信息化建设工作专职人员进行培训。\n"
    )
    assert [item.deadline.date for item in plan.items] == [date(2007, 4, 30), date(2007, 5, 31)]


def test_an_office_s_duties_under_an_arabic_numbered_heading():
    plan = parse_text(
        "示范市森林火灾事故应急预案\n(二)日常办事机构\n2.市指挥部办公室职责\n(1)负责本预案的制订、修订和实施。\n"
        "(2)做好森林火灾事故的信息监测、预测和预防工作。\n"
    )
    assert [item.units for item in plan.items] == [("市指挥部办公室",), ("市指挥部办公室",)]


def test_a_paragraph_of_clauses_each_an_office_s_duty_under_a_heading_of_duties():
    plan = parse_text(
        "示范市集中整治违法建设行为实施方案\n五、责任分工\n(三)其他部门工作职责\n"
        "市公安局负责拆违行动过程中的安全保障工作;市规划局配合市执法局对违法建设行为进行界定;"
        "市消防局负责强制拆违时出现的特殊情况;市交警支队负责维护强制拆违发生地的交通秩序。\n"
    )
    units = [item.units for item in plan.items]
    assert len(units) == 4 and units[0] == ("市公安局",) and units[3] == ("市交警支队",)
    notice = parse_text(
        "示范区人民政府关于下达2019年目标任务的通知\n各部门:\n区政府办公室负责对目标任务进度情况进行督察通报;"
        "区发改局负责对建设工程的进度情况进行评估;区统计局负责对经济类数据进行审核。\n"
    )
    assert len(notice.items) <= 1


def test_an_office_in_charge_of_the_population_census_is_no_person_in_charge():
    plan = parse_text(
        "示范省第六次人口普查领导小组成员单位职责分工\n一、职责分工\n省统计局负责人口普查的日常工作,并全面负责专业技术工作。\n"
        "省公安厅负责户口整顿工作。\n省财政厅负责人口普查经费的协调保障工作。\n"
    )
    assert [item.units for item in plan.items] == [("省统计局",), ("省公安厅",), ("省财政厅",)]


def test_offices_in_a_sentence_of_their_own_then_their_duties_and_a_body_s_duties():
    plan = parse_text(
        "示范市三小场所消防安全专项整治方案\n市城建规划局和市城市管理局。指导镇(街)隐患整治办建立相应的标准、实施办法。\n"
        "市安监局。负责指导镇(街)隐患整治办的安全生产工作。\n团市委。组织发动青年志愿者参加到专项整治工作中来。\n"
        "3. 镇(街道)隐患整治办的主要职责:负责领导组织本镇(街)专项整治工作。\n"
    )
    assert [item.units for item in plan.items] == [
        ("市城建规划局", "市城市管理局"),
        ("市安监局",),
        ("团市委",),
        ("镇(街道)隐患整治办",),
    ]


def test_offices_that_assist_named_after_the_work_given_to_the_lead():
    plan = parse_text(
        "示范县人民政府办公室关于明确违法建设查处职责的通知\n"
        "一、规划区范围内未取得建设工程规划许可证进行建设的违法建设行为由县规划局负责牵头查处,县城乡建委、镇政府配合。\n"
        "二、规划区范围内应办理施工许可证而未办理的违法建设行为由县城乡建委负责查处。\n"
    )
    assert [(item.units, item.lead_units) for item in plan.items] == [
        (("县规划局", "县城乡建委", "镇政府"), ("县规划局",)),
        (("县城乡建委",), ("县城乡建委",)),
    ]


def test_the_decimal_sections_of_an_emergency_plan():
    plan = parse_text(
        "示范市森林火灾应急预案\n2.2职责任务。\n(1)市林业局。\n负责全市森林防火的组织、协调和指导工作。\n"
        "(2)市民政局。\n负责组织疏散火场附近的居民。\n3.预防、预报、监测和报告\n3.1预防。\n"
        "各级森林防火部门要大力做好森林防火的宣传教育工作。\n3.2预报。\n市防火办要加强与市气象部门的合作,分析火险形势。\n"
    )
    # (the offices a 3.x task opens with as the subject of 要 are its units, as the README counts them)
    assert [item.units for item in plan.items] == [("市林业局",), ("市民政局",), ("各级森林防火部门",), ("市防火办",)]
    assert plan.items[2].section[-1] == "3.1预防"
    assert split_marker("1.5倍以上的项目")[0] is None and split_marker("3.1预防。")[0] == "decimal"


def test_offices_in_charge_in_the_manner_a_principle_says_and_a_share_bar_below():
    plan = parse_text(
        "示范市畜禽养殖禁养区优化方案\n五、保障措施\n(一)明确职责\n"
        "各镇(街道)按照属地管理原则,负责辖区内畜禽养殖污染防治工作,建立长效监管机制。\n"
        "生态环境部门负责畜禽养殖污染防治的统一监督管理、指导。\n六、本方案自公布之日起施行\n12\n• 微信\n• QQ\n• 腾讯微博\n• 新浪微博\n"
    )
    assert [item.units for item in plan.items] == [("各镇(街道)",), ("生态环境部门",)]


def test_a_page_from_inside_the_plan_a_notice_hands_out():
    plan = parse_text(
        "法搜网--中国法律信息搜索网\n示范市人民政府办公室关于印发示范市控制中小学生辍学专项行动实施方案的通知\n"
        "为加强对控辍工作的组织领导,成立市控辍专项行动领导小组。\n四、职责分工\n"
        "(一)各级人民政府:对本行政区域内控辍工作负主要责任,实行一把手负责制。\n"
        "(二)各级教育行政部门:负责制定控辍工作方案,建立控辍工作责任制。\n"
    )
    assert plan.kind is PlanKind.PROSE and len(plan.items) == 2
    later = parse_text(
        "五、建立城市管理长效机制的保障措施\n(十四)多渠道加大城市管理投入。建立与经济社会增长相协调的财政经费保障机制。\n"
        "(十五)突出重点深入持久实施城乡清洁工程。制定城乡清洁工程五年发展规划。\n"
    )
    assert later.kind is PlanKind.PROSE and len(later.items) == 2


def test_numbered_phases_whose_days_run_within_a_month():
    plan = parse_text(
        "示范市2011年拆违工作实施方案\n六、整治步骤\n1.组织宣传阶段(8月10日-15日)。通过新闻媒体在全市范围内宣传拆违工作。\n"
        "2.组织排查阶段(8月16日-20日)。各区政府对新发生的违法建设逐一排查登记。\n"
        "3.组织强拆阶段(8月26日-9月30日)。对拒不自行拆除的违法建设依法强制拆除。\n"
    )
    assert [item.deadline.date for item in plan.items] == [date(2011, 8, 15), date(2011, 8, 20), date(2011, 9, 30)]
