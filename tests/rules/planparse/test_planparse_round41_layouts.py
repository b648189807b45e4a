"""Layouts of the forty-first round of real notices (tests/fixtures/notices/real/1501-1541):
place names, prices, resettlement, legal aid and ports, most of them rules that give offices
their duties by article; each as a small synthetic page written the way those pages are, and
each read by a general rule."""

from __future__ import annotations

from gongkai.rules.planparse import parse_text


def test_offices_as_the_subject_of_yao_or_yingdang_are_the_units():
    plan = parse_text(
        "某市殡葬管理工作要点\n一、各县(市、区)人民政府要加强殡葬设施建设,完善公益性公墓布局。\n"
        "二、县级以上民政部门应当会同有关部门编制殡葬设施规划。\n三、市殡葬管理所必须建立遗体接运登记制度。\n"
    )
    assert [item.units for item in plan.items] == [("各县(市、区)人民政府",), ("县级以上民政部门",), ("市殡葬管理所",)]


def test_people_or_places_as_the_subject_are_no_units():
    plan = parse_text(
        "某县法治政府建设工作要点\n一、各级领导干部要带头尊法学法守法用法。\n"
        "二、政府信息公开工作的分管领导和工作机构要切实履行职责。\n三、县司法局要组织开展行政执法案卷评查。\n"
    )
    assert [item.units for item in plan.items] == [(), (), ("县司法局",)]


def test_a_subject_under_the_aims_of_a_plan_is_no_task():
    # "(三)工作目标" is background: its "各级各有关部门要建立…目录" states the aim, no task
    plan = parse_text(
        "某市社会公益事业建设领域政府信息公开实施方案\n一、总体要求\n(一)工作目标\n"
        "各级各有关部门要建立社会公益事业建设领域政府信息公开事项目录,明确发布时限、方式。\n"
        "二、重点任务\n(一)公开扶贫政策。及时向社会公开扶贫政策、扶贫规划及扶贫项目(市扶贫办负责)。\n"
    )
    assert [item.units for item in plan.items] == [("市扶贫办",)]


def test_a_covering_notice_s_requests_are_not_joined_to_its_table():
    # the notice asks the 承办单位 to carry the catalogue out; the catalogue's rows are the tasks
    plan = parse_text(
        "某区人民政府关于公布2021年度重大行政决策事项目录的通告\n"
        "一、各承办单位要根据重大行政决策程序相关要求,及时起草决策草案并征求意见。\n"
        "二、区政府办公室要做好重大行政决策的协调工作。\n"
        "序号 | 决策事项名称 | 承办单位 |\n1 | 标准厂房建设项目(三期) | 区产业集团公司 |\n2 | 区国土空间总体规划 | 区自然资源局 |\n"
    )
    assert [(item.text, item.units) for item in plan.items] == [
        ("标准厂房建设项目(三期)", ("区产业集团公司",)),
        ("区国土空间总体规划", ("区自然资源局",)),
    ]


def test_a_heading_that_runs_on_into_the_subject_names_no_fields_as_units():
    # "(二)明确目标、落实责任各级各部门要…": the heading has no stop; its words are no units
    plan = parse_text(
        "某区健康教育工作方案\n四、工作措施\n(一)加强领导。区卫生局负责健康教育工作的组织协调。\n"
        "(二)明确目标、落实责任各级各部门要按照健康教育工作的目标要求,制定具体的工作方案。\n"
    )
    assert "明确目标" not in plan.items[1].units


def test_an_article_of_the_duties_an_office_performs_names_the_office():
    plan = parse_text(
        "广东省社区矫正实施细则\n第一章 职责分工\n第一条 司法行政机关主要履行以下职责:\n"
        "(一)负责管理指导社区矫正工作;\n(二)对拟适用社区矫正的被告人开展调查评估;\n"
        "第二条 监狱主要履行以下职责:\n(一)对罪犯提请假释,应当委托县级司法行政机关调查评估;\n(二)其他应当履行的职责。\n"
    )
    assert [item.units for item in plan.items] == [("司法行政机关",)] * 2 + [("监狱",)] * 2


def test_an_article_run_in_after_its_chapter_on_one_line_names_the_office():
    plan = parse_text(
        "广东省社区矫正实施细则\n第一章 职责分工 第一条 司法行政机关主要履行以下职责: (一)负责管理指导社区矫正工作; "
        "(二)对拟适用社区矫正的被告人开展调查评估; (三)指导、评估参与社区矫正的社会组织的工作。\n"
    )
    assert [item.units for item in plan.items] == [("司法行政机关",)] * 3


def test_duties_stated_after_the_office_s_own_sentence_are_the_office_s():
    # "…。国务院投资主管部门负责…的宏观管理。主要职责为:" over "1.…" "2.…"
    plan = parse_text(
        "大中型水电工程建设征地补偿和移民安置管理办法\n第二章 机构与职责\n"
        "第五条 建设征地要依法办理土地征用手续。国务院投资主管部门负责全国建设征地移民工作的宏观管理。主要职责为:\n"
        "1.制定建设征地移民工作的政策和规定;\n2.审批建设征地移民安置规划和补偿投资概算;\n"
        "第六条 建设征地移民工作实行省级人民政府负责的管理方式。省级人民政府负责做好本行政区内的移民安置工作。主要职责为:\n"
        "1.组织和协调建设征地移民安置有关工作;\n2.出具承诺包干实施建设征地移民安置任务的文件;\n"
    )
    assert [item.units for item in plan.items] == [("国务院投资主管部门",)] * 2 + [("省级人民政府",)] * 2


def test_an_office_said_to_be_the_competent_department_under_its_government_s_lead_has_the_duties():
    plan = parse_text(
        "新疆维吾尔自治区地名管理实施办法\n第三条 各级地名机构是各级人民政府地名工作的主管部门,在同级人民政府领导下负责管理"
        "本行政区域的地名工作,同时接受上级地名机构的业务指导。其主要职责是:\n"
        "(一)执行国家和自治区关于地名工作的法律、法规和方针政策。\n(二)制定本地区地名管理细则,并组织实施。\n"
    )
    assert [item.units for item in plan.items] == [("各级地名机构",)] * 2


def test_what_a_rule_s_words_mean_and_who_may_serve_are_no_tasks():
    plan = parse_text(
        "某县乡(镇)法律援助工作站管理办法\n第二条 本办法所称法律援助工作站系指:\n(一)县法律援助中心在乡(镇)设立的工作机构;\n"
        "(二)依托司法所设立的法律援助联系点。\n第三条 工作站工作人员应当具备下列条件:\n(一)坚持四项基本原则;\n(二)具有法律大专以上学历。\n"
        "第四条 乡(镇)法律援助工作站的职责:\n(一)对公民申请法律援助事项进行初审;\n(二)解答法律咨询,代写法律文书。\n"
    )
    assert [(item.text, item.units) for item in plan.items] == [
        ("对公民申请法律援助事项进行初审；", ("乡(镇)法律援助工作站",)),
        ("解答法律咨询，代写法律文书。", ("乡(镇)法律援助工作站",)),
    ]


def test_articles_run_on_in_one_line_are_cut_where_a_space_follows_their_number():
    plan = parse_text(
        "某县乡(镇)法律援助工作站管理办法\n第五条 乡(镇)法律援助工作站实行主任负责制。 第六条 乡(镇)法律援助工作站的职责: "
        "(一) 对公民申请法律援助事项进行初审; (二) 解答法律咨询,代写法律文书; (三) 组织开展本辖区法律援助工作。\n"
    )
    assert [item.units for item in plan.items][-3:] == [("乡(镇)法律援助工作站",)] * 3


def test_an_emergency_plan_s_decimal_headings_run_on_in_one_line_are_over_their_numbered_duties():
    # a law mirror's next page: "[接上页]" then the plan's parts run on with spaces between them
    plan = parse_text(
        "[接上页] 2.1.2市粮食应急指挥部办公室职责 (1)根据应急状态下全国及省内粮食市场动态,向市粮食应急指挥部提出行动建议。 "
        "(2)综合应急工作情况,起草有关文件和简报。 2.1.3市粮食应急工作指挥部成员单位职责 "
        "(1)市公安局负责维护粮食供应场所的治安秩序。 (2)市财政局负责安排应急时动用粮食所发生的费用开支。\n"
    )
    assert [item.units for item in plan.items] == [("市粮食应急指挥部办公室",)] * 2 + [("市公安局",), ("市财政局",)]
    assert plan.items[0].section == ("2.1.2市粮食应急指挥部办公室职责",)


def test_an_article_whose_office_is_charged_before_a_comma_gives_it_the_duties_listed():
    plan = parse_text(
        "甘肃省测绘管理条例\n第一章 总 则\n第二条 省测绘行政主管部门负责全省测绘工作的统一监督管理,其主要职责是:\n"
        "(一)编制全省测绘事业发展规划。\n(二)依法管理全省各种地图的编制和更新。\n"
    )
    assert [item.units for item in plan.items] == [("省测绘行政主管部门",)] * 2


def test_a_rule_printed_without_its_line_breaks_is_cut_at_its_chapters_and_articles():
    plan = parse_text(
        "呼和浩特市地名管理条例\n第一章 总则第一条 为加强地名管理,结合本市实际,制定本条例。第二条 本市行政区域内的地名管理工作适用本条例。"
        "第三条 本条例所称地名包括: (一)自然地理实体名称,指山、河、湖等名称; (二)行政区划名称,指旗县区名称。 "
        "第四条 市地名行政主管部门应当编制本市地名专项规划。第五条 市和旗县区地名行政主管部门应当加强地名档案管理。"
        "第二章 地名的命名第六条 地名命名应当遵循下列规定。\n"
    )
    assert [item.units for item in plan.items][:2] == [("市地名行政主管部门",), ("市和旗县区地名行政主管部门",)]
    assert not any("适用本条例" in item.text or "名称" in item.text[:8] for item in plan.items)


def test_each_sentence_of_an_article_that_opens_with_its_offices_adds_them():
    plan = parse_text(
        "某市行政区域界线管理办法\n第四条 市民政部门负责全市行政区域界线管理工作。区、县民政部门负责本行政区域界线管理工作。\n"
        "第五条 省处置工作领导小组各成员单位(以下简称“各部门”)应将监测预警纳入年度工作计划。各部门负责组织本系统开展排查。\n"
    )
    assert [item.units for item in plan.items] == [("市民政部门", "区、县民政部门"), ("省处置工作领导小组各成员单位(以下简称“各部门”)",)]


def test_a_list_of_levels_of_those_concerned_is_one_unit():
    plan = parse_text(
        "浙江省综合保税区高质量发展实施意见\n二、重点任务\n"
        "1.优化功能定位。坚持一区一策,注重错位发展,打造优质产业集群。(责任单位:省商务厅、相关市、县〔市、区〕政府)\n"
        "2.加强安全监管。完善船员持证培训制度。(责任单位:省农业农村厅,沿海各市、县(市、区)政府)\n"
    )
    assert [item.units for item in plan.items] == [
        ("省商务厅", "相关市、县〔市、区〕政府"),
        ("省农业农村厅", "沿海各市、县(市、区)政府"),
    ]


def test_the_bodies_an_emergency_plan_serves_are_no_tasks():
    plan = parse_text(
        "天津市测绘应急保障预案\n三、保障对象\n(一)天津市市委、市政府;\n(二)天津市突发事件应急指挥机构及市有关部门;\n"
        "四、保障措施\n(一)市规划局负责组织测绘应急保障队伍。\n"
    )
    assert [item.text for item in plan.items] == ["市规划局负责组织测绘应急保障队伍。"]


def test_a_page_of_an_office_s_duties_is_its_work_though_no_unit_is_named():
    plan = parse_text(
        "部门职责\n(一)负责全市重点项目征集、筛选、包装、编制等工作。\n(二)牵头做好全市重点项目的推介工作。\n"
        "(三)做好市委、市政府安排的其他有关工作。\n"
    )
    assert len(plan.items) == 3
