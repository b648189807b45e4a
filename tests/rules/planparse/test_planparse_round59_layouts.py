"""Layouts of the fifty-ninth round of real notices (tests/fixtures/notices/real/2401-2449): river,
lake and forest chiefs and water pollution, rule-of-law government, medical insurance and elderly
care, education and school safety, civilized-city campaigns; each as a small synthetic page written
the way those pages are, and each read by a general rule."""

from __future__ import annotations

from gongkai.rules.planparse import parse_text
from gongkai.rules.planparse.model import Recurrence


def test_the_chiefs_a_heading_gives_duties_to_are_their_units():
    plan = parse_text(
        "某市关于明确乡村两级林长职责的通知\n"
        "一、乡级林长工作职责\n"
        "1、领导林长制实施工作,贯彻落实上级林长的工作安排。\n"
        "2、负责开展林地普查工作,落实一林一档案。\n"
        "二、村级湖长工作职责\n"
        "1、负责落实湖泊巡查工作,督促每周巡湖不少于1次。\n"
    )
    assert [item.units for item in plan.items] == [("乡级林长",), ("乡级林长",), ("村级湖长",)]


def test_a_rule_under_a_pages_own_heading_is_read_by_its_basis_article():
    plan = parse_text(
        "当前位置 首页 >> 某县执法局 >> 事前公开\n"
        "某县执法局“三项制度”\n"
        "发布时间:2024-05-06    来源:执法局\n"
        "行政执法公示实施办法\n"
        "第一条 为推进行政执法公示制度建设,规范行政执法程序,结合我局工作实际,制定本办法。\n"
        "第二条 执法人员从事行政执法活动,应当主动出示执法证件。\n"
        "第三条 在执行行政执法活动时,执法车辆应当配备行车记录仪。\n"
    )
    assert [item.text[:6] for item in plan.items] == ["执法人员从事", "在执行行政执"]


def test_an_offices_duties_after_a_numbered_list_of_its_divisions_are_its_own():
    plan = parse_text(
        "某区司法局职能介绍\n"
        "某区司法局是区政府组成部门,设3个内设机构。\n"
        "(一)办公室\n"
        "(二)立法事务处\n"
        "(三)律师工作处\n"
        "某区司法局的主要职责是:\n"
        "(一)承担全面依法治区重大问题的政策研究。\n"
        "(二)负责推进本区法治政府建设工作。\n"
    )
    assert [(item.text[:4], item.units) for item in plan.items] == [
        ("承担全面", ("某区司法局",)),
        ("负责推进", ("某区司法局",)),
    ]


def test_an_office_named_with_a_long_bracketed_note_is_the_subject_of_its_article():
    plan = parse_text(
        "某省农村敬老院管理办法\n"
        "第一条 为了加强农村敬老院的管理,制定本办法。\n"
        "第五条 省、市、县(含县级市、区,下同)民政部门是本辖区敬老院管理工作的主管部门。其职责是:\n"
        "(一)负责敬老院筹建条件的审核和建院登记工作;\n"
        "(二)监督检查敬老院经费的筹集和使用情况。\n"
        "第九条 敬老院停办,必须有正当理由,并对养员作出妥善安排。\n"
    )
    assert [item.units for item in plan.items] == [
        ("省、市、县(含县级市、区，下同)民政部门",),
        ("省、市、县(含县级市、区，下同)民政部门",),
        (),
    ]


def test_an_article_over_duties_its_office_performs_by_its_remit():
    plan = parse_text(
        "某省饮用水水源保护条例\n"
        "第一条 为了保护饮用水水源,制定本条例。\n"
        "第八条 市、县级人民政府水行政主管部门按照职责对饮用水资源实施统一监督管理,履行下列职责:\n"
        "(一)制定并实施饮用水水源建设专项规划;\n"
        "(二)实行取水许可制度。\n"
    )
    assert [item.units for item in plan.items] == [("市、县级人民政府水行政主管部门",)] * 2


def test_the_fields_an_office_works_with_before_their_generic_tail_are_units_it_leads():
    plan = parse_text(
        "某市学校安全管理规定\n"
        "第一条 为了加强学校安全管理,制定本规定。\n"
        "第六条 市、区教育行政部门应当会同同级公安、交通、城管等部门建立协调工作机制,定期研究解决学校安全问题。\n"
        "第七条 市教育局应当会同市公安局、市交通局建立学校周边巡查机制。\n"
    )
    assert [(item.units, item.lead_units) for item in plan.items] == [
        (("市、区教育行政部门", "同级公安", "交通", "城管"), ("市、区教育行政部门",)),
        (("市教育局", "市公安局", "市交通局"), ("市教育局",)),
    ]


def test_a_unit_cell_of_one_office_a_line_may_close_its_list_openly():
    plan = parse_text(
        "某市医保基金监管重点任务\n"
        "重点工作\n|\n具体任务\n|\n责任单位\n|\n完成时限\n|\n"
        "一、强化常态监管\n|\n严格协议管理\n|\n规范医保服务协议管理,坚持严格审核把关。\n|\n市医保局\n|\n2021年12月底前完成\n|\n"
        "坚持多形式检查\n|\n联合市场监管、卫生健康、公安等部门开展专项检查。\n|\n市医保局\n市卫生健康委\n市公安局等\n|\n每年开展\n|\n"
        "强化专项整治\n|\n开展典型问题专项整治,靶向纠治各类违法违规行为。\n|\n市医保局\n市市场监管局\n|\n长期坚持\n|\n"
    )
    assert [item.units for item in plan.items] == [
        ("市医保局",),
        ("市医保局", "市卫生健康委", "市公安局"),
        ("市医保局", "市市场监管局"),
    ]


def test_an_articles_caption_on_its_own_line_is_no_unit_and_its_scope_no_work():
    plan = parse_text(
        "某市幼儿园管理办法\n"
        "第一条 (目的依据)\n为规范幼儿园管理,根据有关法律,制定本办法。\n"
        "第二条 (适用范围)\n本市行政区域内各类幼儿园的设立、监督管理等适用于本办法。\n"
        "第六条 (规划布局)\n市教育行政主管部门会同城乡规划行政主管部门组织编制幼儿园空间布局专项规划。\n"
    )
    assert [(item.text[:6], item.units) for item in plan.items] == [
        ("(规划布局)", ("市教育行政主管部门", "城乡规划行政主管部门")),
    ]


def test_whom_a_scheme_covers_is_no_work():
    plan = parse_text(
        "某市城镇居民基本医疗保险试行办法\n"
        "第一条 为建立多层次的基本医疗保险制度,根据有关规定,制定本办法。\n"
        "第二条 城镇居民基本医疗保险的实施范围和对象是城镇职工基本医疗保险制度覆盖范围以外的本市城镇户籍居民,包括:\n"
        "(一)未成年人;\n"
        "(二)18周岁及以上无业居民。\n"
        "第五条 市人民政府统一制定全市城镇居民基本医疗保险政策。\n"
    )
    assert [item.text[:6] for item in plan.items] == ["市人民政府统"]


def test_a_catalogue_of_major_decisions_one_cell_a_line_is_a_table():
    plan = parse_text(
        "某区2025年度重大行政决策事项目录\n"
        "序号 |\n决策事项名称 |\n决策事项程序 |\n决策中是否需听证 |\n决策承办单位 |\n决策时间 |\n"
        "1 |\n2025年度民生实事\n安排方案 |\n公开征求意见、合法性审查、集体决策 |\n否 |\n区政府办 |\n2025年7月 |\n"
        "2 |\n松材线虫病防控实施方案 |\n公开征求意见、合法性审查、集体决策 |\n否 |\n区林业局 |\n2025年12月 |\n"
    )
    assert [(item.text, item.units, str(item.deadline.date)) for item in plan.items] == [
        ("2025年度民生实事安排方案", ("区政府办",), "2025-07-31"),
        ("松材线虫病防控实施方案", ("区林业局",), "2025-12-31"),
    ]


def test_an_office_that_works_with_others_is_joined_by_the_offices_later_sentences_name():
    plan = parse_text(
        "某省长期护理保险管理办法\n"
        "第一条 为了建立长护险制度,制定本办法。\n"
        "第四条 省医保行政部门牵头负责长护险政策的制定并监督实施,会同省财政厅完善长护险相关政策;"
        "卫健、民政等部门按照各自职责协同开展相关工作。各级人民政府应支持长护险建设。\n"
        "各市县医保行政部门负责本区域内定点护理服务机构配置。\n"
    )
    assert plan.items[0].units == ("省医保行政部门", "省财政厅", "卫健", "民政", "各级人民政府", "各市县医保行政部门")
    assert plan.items[0].lead_units == ("省医保行政部门",)


def test_a_scope_or_principle_article_in_two_paragraphs_is_no_work():
    plan = parse_text(
        "某省水污染防治条例\n"
        " 第一条 为了防治水污染,制定本条例。\n\n"
        " 第二条 本条例适用于本省行政区域内地表水体及地下水体的污染防治。\n\n"
        " 本省管辖的海域环境污染防治,适用《中华人民共和国海洋环境保护法》。\n\n"
        " 第三条 开展法制宣传教育是全社会的共同职责。\n\n"
        " 法制宣传教育工作应当全面规划、统一管理、分类指导。\n\n"
        " 第四条 爱国卫生工作按照“条块结合、以块为主”的管理原则,实行目标管理责任制。\n\n"
        " 第五条 敬老院是乡镇人民政府举办的集体福利事业单位。\n\n"
        " 乡镇人民政府应把敬老院的建设列入乡镇发展规划。\n\n"
        " 第六条 县级以上人民政府应当将水环境保护工作纳入国民经济和社会发展规划。\n"
    )
    assert [(item.text[:5], item.units) for item in plan.items] == [
        ("敬老院是乡", ("乡镇人民政府",)),
        ("县级以上人", ("县级以上人民政府",)),
    ]


def test_numbered_requirements_on_one_line_that_chiefs_need_to_meet_each_month():
    plan = parse_text(
        "某镇巡河工作具体要求\n"
        "1.镇级河长每月需要对每条责任河湖巡河至少1次。 2.村级河长每月需要对每条责任河湖巡河至少2次。 "
        "3.巡河时间需要达到5分钟以上,长度需要达到300米以上。\n"
    )
    assert [(item.units, item.deadline.recurrence) for item in plan.items] == [
        (("镇级河长",), Recurrence.MONTHLY),
        (("村级河长",), Recurrence.MONTHLY),
        ((), None),
    ]


def test_a_list_of_duties_its_opening_says_it_sets_out_is_a_plan():
    plan = parse_text(
        "为切实推动党政主要负责人履行推进法治建设第一责任人职责,根据有关规定,制定某市党政主要负责人履行推进法治建设第一责任人职责清单如下。\n"
        "一、基本原则\n"
        "(一)坚持党的领导、人民当家作主、依法治国有机统一;\n"
        "二、基本要求\n"
        "党政主要负责人作为推进法治建设第一责任人,应当做到:\n"
        "(一)深入学习贯彻习近平法治思想;\n"
        "(二)统筹推进科学立法、严格执法、公正司法、全民守法;\n"
    )
    assert [item.text[:6] for item in plan.items] == ["深入学习贯彻", "统筹推进科学"]


def test_a_notice_without_numbers_whose_paragraphs_ask_offices_to_act():
    plan = parse_text(
        "关于加强幼儿园校舍安全管理工作的通知\n"
        "各公、民办幼儿园:\n"
        "根据上级通知要求,请各幼儿园对校舍安全进行一次全面自查,重点排查校舍是否存在安全隐患。\n"
        "各幼儿园务必高度重视,全面排查校舍安全隐患,分类整改隐患,建立健全校舍安全长效机制。\n"
        "各幼儿园在自查重大校舍隐患之后,要于7月14日前完成安全隐患排查情况表的填报。\n"
        "安保科\n"
        "2021年7月2日\n"
    )
    assert [(item.text[:6], item.units, str(item.deadline.date)) for item in plan.items] == [
        ("根据上级通知", ("各幼儿园",), "None"),
        ("各幼儿园务必", ("各幼儿园",), "None"),
        ("各幼儿园在自", ("各幼儿园",), "2021-07-14"),
    ]


def test_a_notice_that_asks_nothing_of_offices_stays_no_plan():
    plan = parse_text(
        "关于举办读书分享会的通知\n"
        "各位读者:\n"
        "本馆定于7月14日在报告厅举办读书分享会,欢迎广大读者踊跃参加。\n"
        "活动当天提供茶歇,名额有限,先到先得。\n"
    )
    assert plan.items == ()


def test_cadres_are_people_and_an_article_may_name_its_office_in_a_later_clause_only():
    plan = parse_text(
        "某镇环境卫生整治方案\n"
        "四、责任分工:\n"
        "1.由保洁公司负责组织各村保洁人员,按区域及分工开展整治工作;\n"
        "2.各包村干部、村干部,负责组织协调处理村内乱堆乱放清理工作;\n"
        "3.乡村振兴办公室做好组织协调工作,对各村整治情况进行检查。\n"
    )
    assert [item.units for item in plan.items] == [("保洁公司",), (), ("乡村振兴办公室",)]
    rule = parse_text(
        "某省爱国卫生工作条例\n"
        "第一条 为了加强爱国卫生工作,制定本条例。\n"
        "第七条 各级爱卫会由同级政府的有关部门和单位组成,各成员单位应当认真履行各自承担的社会卫生工作职责。\n"
    )
    assert [item.units for item in rule.items] == [("各成员单位",)]


def test_a_working_rule_is_a_rule():
    plan = parse_text(
        "某市人民政府法律顾问室工作规则\n"
        "第一条 为了规范法律顾问工作,制定本规则。\n"
        "第二条 法律顾问应当具备法律专业硕士以上学位。\n"
        "第三条 法律顾问会议应当形成书面的会议纪要。\n"
    )
    assert [item.text[:4] for item in plan.items] == ["法律顾问", "法律顾问"]


def test_an_offices_duties_run_in_after_its_lead_in_on_one_line():
    plan = parse_text(
        "共青团某市委员会职能配置\n"
        "共青团某市委员会是全市青年的群团组织,其主要职责是:一、负责全市青年工作的组织协调;"
        "二、指导全市各级团组织开展工作;三、负责少先队工作。\n"
    )
    assert [(item.text[:4], item.units) for item in plan.items] == [
        ("负责全市", ("共青团某市委员会",)),
        ("指导全市", ("共青团某市委员会",)),
        ("负责少先", ("共青团某市委员会",)),
    ]


def test_an_offices_main_functions_over_its_numbered_duties():
    plan = parse_text(
        "某市交通管理办公室职能\n"
        "市交通管理委员会办公室(以下称“市交管办”)是市交管委的办事机构。\n"
        "市交管办的主要职能:\n"
        "1.负责全市交通管理的综合协调;\n"
        "2.会同市公安局制定交通管理措施。\n"
    )
    assert [item.units[0] for item in plan.items] == ["市交管办", "市交管办"]


def test_a_table_of_offices_and_what_each_answers_for():
    plan = parse_text(
        "某市创建无障碍城市责任分工表\n"
        "责任单位\n| 责任范围\n|\n"
        "市建委\n| 城市道路、公园、广场无障碍设施维护整改\n|\n"
    )
    assert [(item.text[:4], item.units) for item in plan.items] == [("城市道路", ("市建委",))]


def test_a_document_sharing_pages_letter_between_paragraphs_is_a_break():
    plan = parse_text(
        "某市创建文明社区实施方案\n"
        "三、加强领导,狠抓落实РР1、切实加强领导,强化工作措施。各镇、办事处要成立相应的组织机构,统筹规划。"
        "Р2、认真抓好规划,加大资金投入。各镇、办事处要坚持以人为本,加大投入。\n"
    )
    assert [(item.section[-1][:6], item.units) for item in plan.items] == [
        ("1、切实加强", ("各镇", "办事处")),
        ("2、认真抓好", ("各镇", "办事处")),
    ]


def test_an_office_that_is_the_supervising_department_does_the_article():
    plan = parse_text(
        "某市政府采购管理办法\n"
        "第一条 为了规范政府采购行为,制定本办法。\n"
        "第四条 市财政局是本市政府采购的监督管理部门,依法履行对政府采购活动的监督管理职责。\n"
    )
    assert [item.units for item in plan.items] == [("市财政局",)]


def test_the_office_that_undertakes_the_counted_items_below_does_each():
    plan = parse_text(
        "2022年,区城市管理委共承办为群众拟办重要民生实事项目2项,具体项目进展情况如下:\n"
        "1.在水库大坝周边适当位置设置公共厕所,提高群众生活便利性。\n"
        "当前进展:为解决市民休闲运动时如厕不便问题,按照“新建与改造利旧相结合”的原则,我委对大坝周边的公厕进行了改造。\n"
        "2.完成20公里乡村公路大修,保证乡村公路安全畅达。\n"
        "当前进展:已完成招投标工作,施工单位已进场,完成工程量的80%,预计年底前全部完工。\n"
    )
    assert [(item.text[:4], item.units) for item in plan.items] == [
        ("在水库大", ("区城市管理委",)),
        ("完成20", ("区城市管理委",)),
    ]
