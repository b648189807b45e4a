"""Layouts of the sixtieth round of real notices (tests/fixtures/notices/real/2451-2499): public
resource trading and government procurement, construction approval and the building market, state
assets and enterprise reform, commerce and markets, youth and volunteer services; each as a small
synthetic page written the way those pages are, and each read by a general rule."""

from __future__ import annotations

from gongkai.rules.planparse import parse_text


def test_an_article_over_an_offices_duties_in_a_field_of_work_names_that_office():
    plan = parse_text(
        "某省属企业违规经营投资责任追究实施办法\n"
        "第二十条 省国资委在责任追究工作中的主要职责:\n"
        "(一)研究制定省属企业责任追究有关制度;\n"
        "(二)对省属企业存在的共性问题进行专项核查;\n"
    )
    assert [item.units for item in plan.items] == [("省国资委",), ("省国资委",)]


def test_the_duties_of_an_office_its_staff_are_said_to_have_are_the_offices():
    plan = parse_text(
        "机构职能\n"
        "共青团是党的助手和后备军。共青团某市委员会是某市各级团组织的领导机关。其机关的主要职责是:"
        "一、领导全市共青团工作,组织全市共青团组织开展工作。二、负责全市青年统战工作。三、承办市委交办的其他事项。\n"
    )
    assert [item.units for item in plan.items] == [("共青团某市委员会",)] * 3


def test_a_heading_of_an_offices_main_responsibilities_gives_it_the_duties_below():
    plan = parse_text(
        "某市住房公积金管理中心岗位责任制度\n"
        "一、本中心主要行政责任。\n"
        "1.负责编制全市住房公积金的归集、使用计划。\n"
        "2.负责全市职工住房公积金的归集管理工作。\n"
    )
    assert [item.units for item in plan.items] == [("本中心",), ("本中心",)]


def test_duties_after_a_sentence_saying_whom_the_office_answers_to_are_that_offices():
    answers = parse_text(
        "机构职能\n"
        "共青团某市委(简称团市委)受市委和团省委的领导。其主要职责是:"
        "(一)领导全市共青团的工作。(二)负责全市青年联合会的常务性工作。\n"
    )
    assert [item.units for item in answers.items] == [("共青团某市委(简称团市委)",)] * 2
    led = parse_text(
        "机构职能\n"
        "团市委由中共某市委和团省委领导,团市委机关贯彻落实党中央关于共青团工作的决策部署。主要职责是:\n"
        "(一)开展青少年思想政治引导。开展青少年思想动态调查研究。\n"
        "(二)维护青少年权益。参与涉及青少年的政策制定。\n"
    )
    assert [item.units for item in led.items] == [("团市委",)] * 2


def test_a_numbered_paragraph_listing_an_offices_duties_after_a_colon():
    plan = parse_text(
        "关于明确基层财政分局政府采购监管职责的通知\n"
        "一、各基层财政分局是负责本级政府采购监督管理的部门,依法履行对本级政府采购活动的监督管理职责:"
        "(1)审核本级预算单位年度政府采购项目;(2)对本级政府采购活动进行监督检查;(3)依法处理供应商投诉事项等。\n"
        "二、各基层财政分局应指定专人负责本级政府采购业务。\n"
    )
    assert [(item.text[:4], item.units) for item in plan.items] == [
        ("审核本级", ("各基层财政分局",)),
        ("对本级政", ("各基层财政分局",)),
        ("依法处理", ("各基层财政分局",)),
        ("各基层财", ("各基层财政分局",)),
    ]


def test_fields_share_the_ending_of_a_long_last_field():
    plan = parse_text(
        "某市农民工工资支付保障办法\n"
        "第一条 为保障农民工工资支付,制定本办法。\n"
        "第三条 公安、交通、工商行政管理部门要依据各自职责,加强对农民工工资支付的监督管理。\n"
        "第四条 市劳动保障行政部门负责全市农民工工资支付的监督检查。\n"
    )
    assert [item.units for item in plan.items] == [
        ("公安", "交通", "工商行政管理部门"),
        ("市劳动保障行政部门",),
    ]


def test_offices_that_take_part_after_the_one_that_leads_are_units_too():
    plan = parse_text(
        "关于明确工程项目会审有关事项的通知\n"
        "一、会审\n"
        "1、村级工程:由镇招标办牵头,镇监督办、镇财政所参加。\n"
        "2、镇级工程:由镇建设办牵头,镇监督办参加。\n"
    )
    assert [(item.units, item.lead_units) for item in plan.items] == [
        (("镇招标办", "镇监督办", "镇财政所"), ("镇招标办",)),
        (("镇建设办", "镇监督办"), ("镇建设办",)),
    ]


def test_two_fields_joined_by_and_in_a_list_before_its_departments_are_two():
    plan = parse_text(
        "某县殡葬管理办法\n"
        "第一条 为了加强殡葬管理,制定本办法。\n"
        "第四条 县民政局负责本行政区域内的殡葬管理工作。公安、交通和卫生等部门按照各自职责做好殡葬管理工作。\n"
        "第五条 县水利局负责水资源管理工作。发展和改革、住房和城乡建设、林业等部门按照各自职责做好有关工作。\n"
    )
    assert [item.units for item in plan.items] == [
        ("县民政局", "公安", "交通", "卫生"),
        ("县水利局", "发展和改革", "住房和城乡建设", "林业"),
    ]


def test_fields_that_assist_in_a_later_clause_are_units_that_lead_nothing():
    plan = parse_text(
        "某市市容环境卫生管理规定\n"
        "第一条 为了加强市容环境卫生管理,制定本规定。\n"
        "第二条 本规定由市城市管理局负责实施,卫生、公安、园林等部门要密切配合。\n"
        "第三条 市商务局负责规划、指导、验收,财政、邮政和电信等部门配合落实。\n"
    )
    assert [(item.units, item.lead_units) for item in plan.items] == [
        (("市城市管理局", "卫生", "公安", "园林"), ("市城市管理局",)),
        (("市商务局", "财政", "邮政", "电信"), ("市商务局",)),
    ]


def test_a_duty_opening_with_those_it_works_with_is_led_by_the_office_of_the_lead_in():
    plan = parse_text(
        "某市财政局政府采购监管职责\n"
        "市财政局履行下列职责:\n"
        "(一)会同公共资源交易监督管理部门制定政府采购监督和管理的制度;\n"
        "(二)负责管理政府采购代理机构、评审专家;\n"
    )
    assert [(item.units, item.lead_units) for item in plan.items] == [
        (("市财政局", "公共资源交易监督管理部门"), ("市财政局",)),
        (("市财政局",), ("市财政局",)),
    ]


def test_an_office_told_what_to_do_after_the_label_of_its_topic():
    plan = parse_text(
        "关于做好节日期间违法建设控停工作的通知\n"
        "一、全面排查,严格控停\n"
        "(一)控停工作:各村要对辖区内所有在建项目进行全面梳理,发现违法建设立即责令停工。\n"
        "(二)隐患排查:各村委会应当督促施工单位全面排查施工现场的安全隐患。\n"
    )
    assert [item.units for item in plan.items] == [("各村",), ("各村委会",)]


def test_an_office_said_to_be_the_department_or_the_body_in_charge_of_a_work():
    plan = parse_text(
        "某市集贸市场管理办法\n"
        "第一条 为了加强集贸市场管理,制定本办法。\n"
        "第四条 各级人民政府工商行政管理部门是主管集贸市场监督管理和行政执法的职能部门。\n"
        "第五条 街道办事处是本辖区集贸市场监管责任的落实主体。\n"
    )
    assert [item.units for item in plan.items] == [("各级人民政府工商行政管理部门",), ("街道办事处",)]


def test_an_office_that_leads_the_departments_in_a_work_is_its_unit():
    plan = parse_text(
        "某省未成年人保护条例\n"
        "第一条 为了保护未成年人的合法权益,制定本条例。\n"
        "第四条 各级人民政府领导有关部门做好未成年人保护工作,建立未成年人保护工作责任制。\n"
    )
    assert [(item.units, item.lead_units) for item in plan.items] == [(("各级人民政府",), ("各级人民政府",))]


def test_an_office_that_assists_in_managing_after_the_lead_is_a_unit():
    plan = parse_text(
        "某县交通秩序整治方案\n"
        "一、整治内容\n"
        "1.两轮摩托车非法载客由县公安局负责牵头管理,县交通局协管。\n"
        "2.落实殡葬协管员工作职责,由县民政局负责。\n"
    )
    assert [(item.units, item.lead_units) for item in plan.items] == [
        (("县公安局", "县交通局"), ("县公安局",)),
        (("县民政局",), ("县民政局",)),
    ]


def test_an_office_that_joins_with_others_leads_them():
    plan = parse_text(
        "某县精神卫生管理办法\n"
        "第一条 为了加强精神卫生管理,制定本办法。\n"
        "第四条 县公安局联合县交通局开展专项整治。\n"
        "第五条 公安部门联合卫生等部门依法履行有关送治工作。\n"
        "第六条 县妇女联合会负责妇女儿童权益保护工作。\n"
    )
    assert [(item.units, item.lead_units) for item in plan.items] == [
        (("县公安局", "县交通局"), ("县公安局",)),
        (("公安部门", "卫生"), ("公安部门",)),
        (("县妇女联合会",), ("县妇女联合会",)),
    ]
