"""Layouts of the sixty-first round of real notices (tests/fixtures/notices/real/2501-2549), held
out in session 30 and studied from session 31: open-government plans of departments and towns,
government work reports' task divisions and 民生实事, weather, railway, pipeline and power
protection, social organisations and customs, livestock and farm produce; each as a small
synthetic page written the way those pages are, and each read by a general rule."""

from __future__ import annotations

from gongkai.rules.planparse import parse_text


def test_the_cells_after_a_rows_units_in_a_table_without_a_header_report_on_its_task():
    # a ledger of 民生实事 pasted without its header row: task, office, progress, status
    plan = parse_text(
        "1 | 完成12所学校校舍改造提升,新安装空调300台。 | 县教育局 | 已经安装空调300台;新风系统在招投标中。 | 按时序推进 |\n"
        "|\n"
        "2 | 完成8家示范型居家养老服务照料中心建设。 | 县民政局 | 已完成设计方案,3家施工中,5家完成建设。 | 按时序推进 |\n"
        "|\n"
        "3 | 新增婴幼儿照护服务机构4家120个托位。 | 县卫生健康局 | 本月继续推进预建设机构加快进度。 | 已完成 |\n"
        "|\n"
        "4 | 为全县100名以上残疾儿童实施基本康复服务和救助。 | 县残联 | 目前已确定121名残疾儿童开始服务。 | 按时序推进 |\n"
        "|\n"
        "5 | 对全县60个农村路口进行改造提升。 | 县公安局 | 已完成现场排查并制定改造方\n"
    )
    assert [(item.text[:4], item.units) for item in plan.items] == [
        ("完成12", ("县教育局",)),
        ("完成8家", ("县民政局",)),
        ("新增婴幼", ("县卫生健康局",)),
        ("为全县1", ("县残联",)),
        ("对全县6", ("县公安局",)),
    ]


def test_a_duties_caption_joined_to_the_pages_list_of_its_sections_opens_the_duties():
    # an encyclopedia's page of an office: its summary, its fields, its table of contents
    plan = parse_text(
        "单位简介\n"
        "某县气象局于1958年建站,为国家一般气象站,承担地面测报、预报服务等工作任务。\n"
        "基本介绍\n"
        "- 中文名:某县气象局\n"
        "- 建立:1958年11月\n"
        "工作职责,内设机构,\n"
        "工作职责\n"
        "(一)拟定气象工作思路和长远规划,并组织实施。\n"
        "(二)参与县政府气象防灾减灾决策,组织气象灾害联防。\n"
        "(三)审核签发天气预报发布许可证;负责气象观测环境的保护。\n"
    )
    assert [item.text[:4] for item in plan.items] == ["拟定气象", "参与县政", "审核签发"]


def test_measures_an_opinion_puts_forward_are_its_items_without_units():
    for opening in (
        "现就加强和改进我市社会组织党建工作,提出如下实施办法。",
        "现就加强和改进我市社会组织党建工作提出如下意见。",
        "结合我市实际提出以下意见,请一并认真贯彻执行。",
        "现制定如下意见:",
    ):
        plan = parse_text(
            f"为切实加强党对社会组织的领导,促进社会组织健康发展,{opening}\n"
            "一、明确社会组织党建工作的目标任务。坚持党的领导与社会组织依法自治相统一。\n"
            "二、全面落实社会组织党组织的功能定位。要着眼履行政治责任,强化政治引领。\n"
            "三、扎实做好社会组织党建基础工作。组织力量对社会组织进行集中排查。\n"
        )
        # (each measure's heading sentence is its section)
        assert [(item.section[-1][2:6], item.text[:4]) for item in plan.items] == [
            ("明确社会", "坚持党的"),
            ("全面落实", "要着眼履"),
            ("扎实做好", "组织力量"),
        ], opening


def test_a_rule_whose_basis_article_runs_over_two_sentences_is_a_rule():
    plan = parse_text(
        "第一条\n"
        "为倡导节俭文明的社会风尚,有效治理借婚丧喜庆敛财的不正之风。推动有关规定有效落实,结合实际,制定本办法。\n"
        "第二条\n"
        "本办法适用于本县各级党政机关、企事业单位的党员、干部、职工。\n"
        "第三条\n"
        "操办婚丧喜庆实行报告制度:\n"
        "(一)报告内容。党员、干部拟操办婚丧喜庆的,报告操办事项、时间、地点、人数等情况。\n"
        "(二)报告程序。公职人员向所在单位党组织报告,并由党组织汇总上报。\n"
    )
    assert [item.section[-1] for item in plan.items][-2:] == ["(一)报告内容", "(二)报告程序"]


def test_an_office_that_is_a_registrar_and_performs_the_duties_listed_below_leads_them():
    plan = parse_text(
        "第六条 县级以上人民政府民政部门是行业协会的登记管理机关,具体履行以下职责:\n"
        "(一)负责行业协会的成立、变更、注销的登记;\n"
        "(二)对行业协会进行监督检查,依法查处行业协会违法行为;\n"
        "第七条 行业管理部门在各自职责范围内依法对行业协会进行业务指导。\n"
    )
    assert [item.units for item in plan.items] == [
        ("县级以上人民政府民政部门",),
        ("县级以上人民政府民政部门",),
        ("行业管理部门",),
    ]



def test_the_offices_after_the_leaders_a_sentence_opens_with_are_its_units():
    plan = parse_text(
        "二、会议听取了区政府办公室关于民生实事征集情况的汇报。会议原则同意,并要求:\n"
        "(一)按程序提交相关会议讨论审议。\n"
        "(二)区政府各分管领导和相关部门要切实增强责任感,对拟确定的民生实事项目逐一研究。\n"
        "(三)政府信息公开工作的分管领导和工作机构要切实履行第一责任人职责。\n"
    )
    assert [item.units for item in plan.items] == [(), ("相关部门",), ()]


def test_a_basis_article_that_names_its_rule_or_ends_in_a_stray_stop_is_no_work():
    for basis in (
        "第一条 为贯彻《婚姻登记条例》,加强我省婚姻登记机关规范化建设,维护婚姻当事人的合法权益,制定某省婚姻登记规范化建设实施细则:\n",
        "第一条 为了保障石油,天然气管道建设.保护管道安全.根据.中华人民共和国石油天然气管道保护法.和有关法律.法规的规定.结合本省实际,制定本办法、\n",
        "第一条 为加强商城地区的建设,、保护和管理,,根据本地区的实际,制定本办法,。\n",
    ):
        plan = parse_text(
            basis
            + "第二条 县(市、区)民政局应当依照法律、法规及本细则,做好婚姻登记规范化建设工作。\n"
            + "第三条 婚姻登记处应当设立结婚登记室、离婚登记室和候登区。\n"
        )
        assert [item.text[:4] for item in plan.items] == ["县(市、", "婚姻登记"]


def test_a_star_marking_a_key_item_before_its_number_is_no_part_of_its_text():
    plan = parse_text(
        "一、组织领导\n"
        "1.市、县政府成立农产品质量安全工作领导机构。(市农业农村局负责)\n"
        "*2.农产品质量安全监管工作纳入本级人民政府绩效考核体系。(市府办负责)\n"
        "3.县级人民政府将农产品质量安全监管工作纳入对乡镇的年度考核。(县政府负责)\n"
    )
    assert [(item.number, item.text[:4]) for item in plan.items] == [("1", "市、县政"), ("2", "农产品质"), ("3", "县级人民")]


def test_the_offices_that_answer_for_a_work_before_their_duties_lead_them():
    plan = parse_text(
        "第七条 各级教育行政部门和中等职业学校的主管部门主管辖区内学校安全保卫工作,对学校安全工作履行下列职责:\n"
        "(一)负责编制学校安全教育工作规划;\n"
        "(二)全面掌握学校安全工作状况,制定学校安全工作考核目标。\n"
    )
    assert {item.units for item in plan.items} == {("各级教育行政部门", "中等职业学校的主管部门")}


def test_the_last_two_fields_joined_by_he_share_the_offices_ending():
    page = "一、工作任务\n(一){0}要依据各自职责,加强对农民工工资支付的监督管理。\n(二){0}要加大宣传力度。\n"
    assert parse_text(page.format("劳动保障、建设和工商行政管理部门")).items[0].units == (
        "劳动保障", "建设", "工商行政管理部门",
    )
    # (a department whose own name holds 和 stays whole)
    assert parse_text(page.format("公安、住房和城乡建设部门")).items[0].units == ("公安", "住房和城乡建设部门")


def test_fields_before_a_kind_of_service_unit_are_the_units():
    plan = parse_text(
        "一、工作任务\n"
        "(一)行政审批、公共资源交易、邮政、医院等窗口服务单位应当设置无障碍设施。\n"
        "(二)公安、卫生健康等部门应当依据各自的职责建立健全检查制度。\n"
    )
    assert plan.items[0].units == ("行政审批", "公共资源交易", "邮政", "医院")


def test_a_part_joining_its_theme_to_its_content_holds_work_and_one_joining_two_aims_does_not():
    page = (
        "三、{0}\n"
        "(一)主题\n"
        "保护水资源 共建生态文明\n"
        "(二)内容\n"
        "1.参观机关办公场所:邀请公众代表观摩局机关办公运行情况,介绍部门整体架构。\n"
        "2.座谈交流。召开座谈会,与公众代表面对面沟通交流。\n"
        "四、工作要求\n"
        "(一)提高思想认识。各股室要高度重视,将其列入重要日程。\n"
        "(二)加强宣传。各股室要加大宣传力度。\n"
    )
    assert [item.text[:4] for item in parse_text(page.format("活动主题及内容")).items] == [
        "参观机关", "召开座谈", "各股室要", "各股室要",
    ]
    assert [item.text[:4] for item in parse_text(page.format("活动主题和时间")).items] == ["各股室要", "各股室要"]


def test_a_metadata_row_of_labels_whose_values_were_left_empty_is_furniture():
    plan = parse_text(
        "| 索 引 号: | D23--2025-0190 | 分 类: | 回应关切 | |||\n"
        "| 责任部门: | 发文日期: | 2025-08-18 17:09:17 | ||||\n"
        "| 标 题: | 某镇“政府开放日”活动方案 | |||||\n"
        "一、活动内容\n"
        "(一)参观机关办公场所。邀请公众代表观摩镇便民服务中心运行情况。\n"
        "(二)座谈交流。召开座谈会,就居民关心的惠民政策进行交流。\n"
        "二、工作要求\n"
        "(一)提高思想认识。各办公室要高度重视,将其列入重要日程。\n"
    )
    assert [item.text[:4] for item in plan.items] == ["邀请公众", "召开座谈", "各办公室"]


def test_an_events_background_whom_it_invites_and_how_to_sign_up_are_no_work():
    plan = parse_text(
        "一、活动背景与目的\n"
        "1.背景分析:随着社会的发展,政府与民众的沟通变得越来越重要。\n"
        "2.活动目的:通过开放日活动,让民众零距离接触商务工作。\n"
        "二、活动方式与内容\n"
        "1.活动内容:请商贸企业群众代表走进局机关,由工作人员介绍政务服务流程。\n"
        "三、报名方式\n"
        "此次活动采取邮件报名和电话报名两种方式。\n"
        "四、活动邀请对象\n"
        "镇内各村(社区)群众代表\n"
        "五、活动流程\n"
        "(一)服务保障工作。办公室负责征求意见的收取,负责活动全程协调联络工作。\n"
    )
    assert [item.text[:4] for item in plan.items] == ["活动内容", "办公室负"]


def test_a_meetings_agenda_is_no_work_and_what_it_decided_is():
    plan = parse_text(
        "会议议题:一、关于2024年《政府工作报告》(审议稿)起草情况的汇报;\n"
        "二、关于2023年民生实事完成情况和2024年民生实事征集情况的汇报;\n"
        "三、《关于2023年国民经济和社会发展计划执行情况的报告》起草情况的汇报。\n"
        "会议议定事项:\n"
        "一、会议听取了区政府办公室关于民生实事征集情况的汇报。会议原则同意,并要求:\n"
        "(一)各级各部门要认真分解《报告》确定的目标任务。\n"
        "(二)相关部门要对拟确定的民生实事项目逐一研究。\n"
    )
    assert [item.text[:4] for item in plan.items] == ["各级各部", "相关部门"]


def test_what_the_law_protects_and_forbids_anyone_is_no_offices_work():
    for protected in (
        "电力设施受国家法律保护。禁止任何单位和个人危害电力设施安全或者盗窃电能。",
        "电力设施是国家财产,受法律保护。禁止一切危害电力设施安全和损害其工作效能的行为。",
    ):
        plan = parse_text(
            f"第三条 {protected}\n"
            "第四条 县级以上人民政府应当加强对电力设施保护工作的领导。\n"
            "第五条 公安机关负责依法查处破坏电力设施的违法行为。\n"
        )
        assert [item.units for item in plan.items] == [("县级以上人民政府",), ("公安机关",)]


def test_what_a_rules_word_mainly_means_is_no_work():
    plan = parse_text(
        "第二条 农机安全主要指农业机械在生产、经营活动中所涉及的人身安全和财产安全。\n"
        "第三条 市农业机械行政主管部门负责本市农机安全监督管理工作。\n"
        "第四条 公安、交通部门按照各自职责做好农机安全管理工作。\n"
    )
    assert [item.text[:4] for item in plan.items] == ["市农业机", "公安、交"]


def test_a_plans_opening_after_its_salutation_below_a_sites_header_makes_it_a_plan():
    plan = parse_text(
        "美章网 资料文库 动物疫病春季防疫工作意见范文\n"
        "动物疫病春季防疫工作意见范文\n"
        "时间:2022-07-07 04:37:36\n"
        "动物疫病春季防疫工作意见\n"
        "各村(居)民委员会、各有关单位:\n"
        "为确保我镇春季重大动物疫病不发生,经镇政府研究决定,特制定某镇重大动物疫病春季防疫工作考核实施意见。\n"
        "一、考核内容\n"
        "主要考核各村组织落实和村组干部配合情况。\n"
        "二、考核办法\n"
        "1.第一阶段对全镇所有畜禽散养大户进行重大动物疫病集中免疫。\n"
        "2.第二阶段对需要二免的畜禽组织防疫小分队实施免疫。\n"
    )
    assert [item.text[:4] for item in plan.items][-2:] == ["第一阶段", "第二阶段"]


def test_an_office_named_by_where_it_is_keeps_its_whole_name():
    plan = parse_text(
        "第十条 传统村落所在地村民委员会参与保护和发展规划编制和实施,依法履行传统村落文化保护职责。\n"
        "第十一条 县级以上人民政府应当加强传统村落保护工作。\n"
    )
    assert plan.items[0].units == ("传统村落所在地村民委员会",)


def test_a_joint_meeting_is_a_unit_whose_duties_a_part_lists():
    plan = parse_text(
        "一、联席会议职责\n"
        "(一)研究制定完善社会救助体系的政策。\n"
        "(二)提出社会救助建议。\n"
        "二、成员单位职责\n"
        "(一)市民政局负责联席会议的组织等日常工作。\n"
    )
    assert [item.units for item in plan.items] == [("联席会议",), ("联席会议",), ("市民政局",)]


def test_a_groups_convener_and_director_are_people_no_work():
    plan = parse_text(
        "一、联席会议组成\n"
        "(一)召集人:市政府分管民政工作的副市长。\n"
        "(二)市民政局负责联席会议的组织等日常工作。\n"
        "二、办事机构\n"
        "镇道专委下设办公室,办公室设在经发办,配备1至2人负责日常工作。\n"
        "主任:张某某镇党委副书记、镇长\n"
        "三、联络员制度\n"
        "各村(居)指定一名人员担任联络员,负责收集本辖区交通安全管理工作情况。\n"
    )
    assert [item.text[:4] for item in plan.items] == ["市民政局", "镇道专委", "各村(居"]


def test_why_a_measure_was_issued_is_no_work():
    plan = parse_text(
        "一、出台背景\n"
        "为加强对采购活动的内部控制管理,规范采购活动中的权力运行,促进采购提质增效。\n"
        "二、主要内容\n"
        "(一)局采购办负责组织实施本局的采购活动。\n"
        "(二)局办公室负责采购合同的归档管理。\n"
    )
    assert [item.text[:4] for item in plan.items] == ["局采购办", "局办公室"]


def test_a_rule_run_into_one_line_is_cut_at_its_articles_where_the_page_left_some_out():
    # a site's copy that lost every break and printed only some articles
    filler = "做好项目确定、资金下达、绩效评价等相关工作,"
    plan = parse_text(
        "县工信商局、财政局各相关股室:为加强和规范专项资金管理,某县工业信息化和商务局2023年8月24日"
        "某县县域商业建设行动专项资金管理办法第一章总则"
        "第一条本办法所称专项资金是指用于本县县域商业建设行动的中央财政专项资金,"
        "第三条专项资金由县工信商局、县财政局共同管理,"
        f"第四条县工信商局会同县财政局确定专项资金年度目标任务、工作重点等,{filler * 3}"
        f"第五条县财政局配合县工信商局确定专项资金支持事项,{filler * 3}"
        f"第八条县乡村振兴局配合县工信商局做好项目确定工作,{filler * 3}"
        "第十六条县工信商局负责牵头做好拟纳入年度支持的建设项目的审核推荐。\n"
    )
    assert [item.text[:4] for item in plan.items][-5:] == ["专项资金", "县工信商", "县财政局", "县乡村振", "县工信商"]


def test_a_page_that_opens_inside_an_offices_duties_is_a_plan_of_them():
    # the second page of a 三定 list: the office's name and the first duties were on the first page
    plan = parse_text(
        "(四)归口管理全市因公出国(境)工作;协助制定市级领导出访计划。\n"
        "(五)负责与外国驻华使领馆和我国驻外使领馆的联络工作。\n"
        "(六)配合和协助市委宣传部门做好对外宣传和群众性外事教育工作。\n"
        "(七)承办市委、市政府交办的其他事项。\n"
    )
    assert [item.text[:4] for item in plan.items] == ["归口管理", "负责与外", "配合和协", "承办市委"]
