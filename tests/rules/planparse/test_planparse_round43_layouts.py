"""Layouts of the forty-third round of real notices (tests/fixtures/notices/real/1601-1646):
school safety, archives, statistics, heating and water, most of them rules that give offices their
duties by article, some copied from pages in traditional characters; each as a small synthetic page
written the way those pages are, and each read by a general rule."""

from __future__ import annotations

from datetime import date

from gongkai.rules.planparse import parse_text


def test_an_article_over_duties_names_its_office_before_what_it_is_charged_with():
    # "X对…负总责,统一领导…,履行下列职责:" over "(一)…": X's duties, in traditional characters too
    plan = parse_text(
        "某省實施《校車安全管理條例》辦法\n"
        "第三條 縣級以上人民政府對本行政區域內的校車安全管理工作負總責,統一領導、組織、協調有關部門做好校車安全管理工作,履行下列職責:\n"
        "(一)組織有關部門編制校車服務方案;\n"
        "(二)建立校車安全管理聯席會議制度;\n"
    )
    assert [item.units for item in plan.items] == [("县级以上人民政府",)] * 2


def test_a_paragraph_of_an_article_naming_an_office_over_its_duties():
    # the article's second paragraph, unnumbered: "X(以下简称Y)主管…工作,依法履行下列职责:"
    plan = parse_text(
        "某市学校安全管理条例\n第一章 总则\n第四条 各级人民政府应当依法履行职责,保障学校安全。\n"
        "某市教育行政管理部门(以下简称市教育部门)主管学校的安全管理工作,依法履行下列职责:\n"
        "(一)贯彻执行学校安全法律、法规和规章;\n(二)指导、协调和监督学校的安全工作;\n"
    )
    assert [item.units for item in plan.items][-2:] == [("某市教育行政管理部门(以下简称市教育部门)",)] * 2


def test_a_chapter_run_into_its_first_article_written_by_a_converter_that_turns_one_into_yi():
    # "第二章…职责第四条X主管…。其主要职责是:" with "(壹)" for "(一)" and "統壹" for "统一"
    plan = parse_text(
        "檔案工作條例\n"
        "其他機關應當加強對檔案工作的領導。第二章檔案機構及其職責第四條國家檔案局主管全國檔案事業,"
        "對全國檔案事業實行統籌規劃、統壹制度。其主要職責是:\n"
        "(壹)研究制定檔案工作的方針、政策;\n(二)組織協調全國檔案事業。第五條縣級以上地方人民政府檔案行政管理部門"
        "主管本行政區域內的檔案事業,其主要職責是:\n(壹)貫徹執行檔案工作的法律、法規;\n(二)監督和指導檔案館的檔案工作。\n"
    )
    assert [(item.section[0], item.units) for item in plan.items] == [
        ("第二章档案机构及其职责", ("国家档案局",)),
        ("第二章档案机构及其职责", ("国家档案局",)),
        ("第二章档案机构及其职责", ("县级以上地方人民政府档案行政管理部门",)),
        ("第二章档案机构及其职责", ("县级以上地方人民政府档案行政管理部门",)),
    ]


def test_a_line_after_a_task_saying_who_organises_it_and_who_carries_it_out():
    # "此项工作由X负责组织,Y具体实施。": X leads, Y carries it out
    plan = parse_text(
        "某市二〇〇八年为民办实事\n八、改善居民供热条件\n全年新增住宅供热面积800万平方米,补建老住宅供热100万平方米。\n"
        "此项工作由市建委负责组织,市国土房管局、各区人民政府具体实施。\n"
        "九、解决部分区域雨后积水问题\n改造市中心240片低洼积水片,新建排水管道76.5公里。\n"
        "此项工作由市市容委负责组织,各相关区人民政府具体实施。\n"
    )
    assert [(item.units, item.lead_units) for item in plan.items] == [
        (("市建委", "市国土房管局", "各区人民政府"), ("市建委",)),
        (("市市容委", "各相关区人民政府"), ("市市容委",)),
    ]


def test_an_article_naming_the_duties_of_an_office_of_two_levels():
    # "第六条 苏木、乡镇档案室的职责是:": one office at both levels (苏木 are Inner Mongolia's 乡镇)
    plan = parse_text(
        "某自治区苏木乡镇档案管理办法\n第二章 档案室职责和档案人员\n第六条 苏木、乡镇档案室的职责是:\n"
        "(一)宣传贯彻执行档案工作的法律、法规;\n(二)统一管理苏木、乡镇档案,并提供利用;\n"
    )
    assert [item.units for item in plan.items] == [("苏木、乡镇档案室",)] * 2


def test_streets_and_communities_stay_two_units():
    plan = parse_text("某区灭鼠工作方案\n1.老旧社区外环境灭鼠。(街道、社区负责)\n2.小区内灭鼠。(物业管理单位负责)\n")
    assert plan.items[0].units == ("街道", "社区")


def test_one_office_alone_over_its_duties_on_a_page_cut_before_the_others():
    plan = parse_text(
        "对口联系的市级部门:市政法委、市司法局。\n1.负责宣传党和政府的方针政策、法律法规,做好群众工作。\n"
        "网格服务管理中心\n1.负责受理网格服务管理的重大事项,并根据部门工作职责,及时进行分流、交办。\n"
        "2.负责综合分析网格所反映的各类问题,编发专报、简报、工作动态等。\n3.完成上级交办的其他事项。\n"
    )
    assert [item.units for item in plan.items][-3:] == [("网格服务管理中心",)] * 3


def test_a_column_of_the_offices_whose_duties_a_list_names():
    plan = parse_text(
        "某县县管煤矿安全管理职责清单\n序号 | 职责部门 | 职责名称 | 职责依据 |\n"
        "1 | 县应急局 | 负责煤矿安全生产监督管理 | 县应急局“三定”规定 |\n"
        "2 | 县能源局 | 负责煤矿建设项目竣工验收监管 | 《中华人民共和国矿山安全法》第八条 |\n"
    )
    assert [item.units for item in plan.items] == [("县应急局",), ("县能源局",)]



def test_the_time_limit_of_a_campaign_is_a_deadline_label():
    plan = parse_text(
        "某县危险化学品安全专项整治实施方案\n三、具体举措、责任主体和治理时限\n"
        "1.修订完善安全生产职能职责规定,研究安全监管执法体制改革具体措施。(责任单位:县安委办;治理时限:2022年11月)\n"
        "2.完善危险化学品安全生产委员会专家组,为风险防控借智借力。(责任单位:县应急局;整治时限:长期坚持)\n"
    )
    assert [(item.units, item.deadline.date) for item in plan.items] == [
        (("县安委办",), date(2022, 11, 30)),
        (("县应急局",), None),
    ]


def test_a_remark_that_the_annotations_below_leave_an_office_out_is_no_unit():
    plan = parse_text(
        "某省非煤矿山安全生产攻坚行动方案\n一、严格非煤矿山市场准入\n"
        "(一)提高露天采石(砂)准入门槛。停止新建开采规模低于100万吨/年的露天采石(砂)场。〔各州(市)、县(市、区)人民政府"
        "主责落实,省自然资源厅、省应急管理厅等部门按照职责分工负责,以下均需各州(市)、县(市、区)人民政府主责落实,不再列出〕\n"
        "(二)严格执行最小开采规模标准。严格执行非煤矿山最小开采规模。\n"
    )
    assert plan.items[0].units == ("各州(市)、县(市、区)人民政府", "省自然资源厅", "省应急管理厅")
    assert plan.items[1].units == ("各州(市)、县(市、区)人民政府",)


def test_an_office_in_charge_of_a_work_or_bearing_its_duties_is_its_unit():
    plan = parse_text(
        "某省统计管理规定\n第四条 县级以上人民政府统计机构主管本行政区域的统计工作,提供统计信息和咨询。\n"
        "第五条 县级以上人民政府对本行政区域内学校安全工作负有领导、协调、监督、检查的职责,应当建立联席会议制度。\n"
        "第六条 统计调查项目的主管部门应当按规定报批。\n"
    )
    assert [item.units for item in plan.items][:2] == [("县级以上人民政府统计机构",), ("县级以上人民政府",)]


def test_offices_by_their_two_character_short_names_before_their_duties():
    plan = parse_text(
        "某区烟花爆竹禁放工作方案\n5、各部门要各司其职、恪尽职守,组织好各项禁放工作。其职责分工为:\n"
        "区委宣传部:制订宣传工作方案,协调新闻单位做好禁放宣传报导。\n商委:协调公安、供销社做好准放区烟花爆竹的需求。\n"
        "教委:负责在中小学校贯彻禁放规定,对学生进行禁放宣传教育。\n建委:负责组织对建筑工地外来人口的禁放宣传。\n"
        "农林委:负责组织协调农村的禁放工作。\n"
    )
    assert [item.units for item in plan.items] == [("区委宣传部",), ("商委",), ("教委",), ("建委",), ("农林委",)]


def test_a_lead_in_giving_the_list_below_to_the_office_that_organises_it():
    # under "宣传形式" the items are work (never facts, as "试鸣时间" or "警报形式" are)
    plan = parse_text(
        "某镇人民政府关于扫黑除恶专项斗争的宣传方案\n二、宣传形式\n(一)社会宣传\n"
        "社会宣传由镇扫黑除恶专项斗争领导小组组织,重点开展“四个一”宣传:\n"
        "1.制作一期宣传栏。以镇为主体,指导、组织各村利用现有的宣传阵地、橱窗,创办一期宣传专栏。\n"
        "2.在公路沿线重要部位刷写标语;各行政村在村庄醒目位置悬挂横幅。\n"
    )
    assert [item.units for item in plan.items] == [("镇扫黑除恶专项斗争领导小组",)] * 2


def test_the_passing_of_a_rule_in_brackets_under_its_title_is_no_task():
    plan = parse_text(
        "某自治区实施《中华人民共和国档案法》办法\n(2010年7月30日自治区第九届人民代表大会常务委员会第十七次会议通过,2010年10月1日起施行)\n"
        "第一章 总 则\n第五条 县级以上人民政府应当按照国家规定,建立健全档案机构,确定人员编制。\n"
        "第七条 自治区人民政府档案行政部门主管全区档案事业,对全区档案工作实行统筹规划、组织协调、监督指导。\n"
    )
    assert [item.units for item in plan.items] == [("县级以上人民政府",), ("自治区人民政府档案行政部门",)]


def test_a_rule_s_definitions_penalties_and_the_rights_it_gives_anyone_are_no_tasks():
    # the article's number alone on its line over its text, as a compilation of rules prints it
    plan = parse_text(
        "某市生活饮用水二次供水卫生监督管理办法\n第二条\n本办法所称二次供水,是指将来自城市集中式供水系统的生活饮用水经贮存、加压后供给用户的方式。\n"
        "第四条 市卫生行政部门负责本市二次供水的卫生监督管理工作。\n"
        "第五条 对违反本办法的行为,任何单位和个人都有权向卫生行政部门举报或者投诉。\n"
        "第四十二条\n违反本办法第二十一条规定,擅自取用城市公共供水的,由城市供水行政主管部门予以警告。\n"
    )
    assert [(item.text[:6], item.units) for item in plan.items] == [("市卫生行政部", ("市卫生行政部门",))]


def test_the_rules_a_duty_list_rests_on_are_no_tasks():
    plan = parse_text(
        "烟花爆竹安全监管\n序号 涉及部门 职责分工\n1 市公安局 负责烟花爆竹运输通行证发放和烟花爆竹运输路线确定工作。\n"
        "2 市供销社 负责加强对本系统企业烟花爆竹经营活动的管理。\n相关依据:\n1.《烟花爆竹安全管理条例》(国务院令第455号)\n"
        "2.市公安局“三定”规定\n"
    )
    assert [item.units for item in plan.items] == [("市公安局",), ("市供销社",)]


def test_the_duties_of_the_offices_a_heading_names_before_the_work_in_quotes():
    plan = parse_text(
        "某市人民政府办公室关于做好控辍保学工作的通知\n二、明确“控辍保学”工作职责\n(一)县、区人民政府“控辍保学”的工作职责是:\n"
        "1.合理配置教育资源,促进义务教育均衡发展,改善薄弱学校的办学条件。\n2.建立控辍保学目标责任制。\n"
    )
    assert [item.units for item in plan.items] == [("县、区人民政府",)] * 2


def test_a_part_heading_naming_several_offices_or_a_town_gives_them_its_items():
    plan = parse_text(
        "某区全民健身工作方案\n四、职责分工\n(四)区体育局\n1.负责制定全区全民健身活动计划;\n"
        "(五)南庄镇、各街道办事处\n1.做好组织发动工作,积极配合和参与区各项群众体育活动;\n2.配合做好全民健身站(点)建设工作;\n"
        "五、工作要求\n(一)加强组织领导\n1.各单位要高度重视全民健身工作。\n"
    )
    assert [item.units for item in plan.items][:3] == [("区体育局",), ("南庄镇", "各街道办事处"), ("南庄镇", "各街道办事处")]
    assert plan.items[3].section[-1] == "(一)加强组织领导" and plan.items[3].units != ("加强组织领导",)


def test_a_group_of_levels_sharing_one_government_and_a_generic_tail_after_etc():
    plan = parse_text(
        "某省政务公开工作要点\n1.推进政务服务事项标准化。(省政务局、各市州、县市区人民政府负责)\n"
        "2.开展健康科普宣传。(国家卫生健康委、中国科协等部门单位按职责分工负责)\n"
        "3.开展联合执法。(县公安局、县住建局等责任单位负责)\n"
    )
    assert [item.units for item in plan.items] == [
        ("省政务局", "各市州、县市区人民政府"),
        ("国家卫生健康委", "中国科协"),
        ("县公安局", "县住建局"),
    ]


def test_a_place_and_another_body_joined_by_and_are_two_units():
    plan = parse_text("某市工作方案\n1.推进湘江新区建设。(岳麓区和市直相关单位负责)\n2.完成项目验收。(各县区及相关业主单位负责)\n")
    assert [item.units for item in plan.items] == [("岳麓区", "市直相关单位"), ("各县区", "相关业主单位")]


def test_an_article_s_later_paragraphs_go_on_with_its_text_and_their_offices_join_its_units():
    plan = parse_text(
        "某省机关运行保障条例\n第一章 总 则\n"
        "第四条 县级以上人民政府应当推进机关运行保障工作集中统一管理,统筹保障资源。\n乡镇人民政府依法履行本级机关运行保障相关工作职责。\n"
        "第五条 县级以上教育行政部门负责本行政区域内的学校安全工作。\n"
        "公安、财政、交通运输等部门和机构按照各自职责,做好学校安全工作。\n"
        "第六条 教育主管部门负责预防溺水工作联动机制日常工作,履行以下综合协调、督促指导等职责:\n"
        "(一)建立健全预防中小学生溺水安全管理制度;\n(二)牵头开展预防中小学生溺水督导检查评估。\n"
    )
    assert [(item.text[:6], item.units) for item in plan.items] == [
        ("县级以上人民", ("县级以上人民政府", "乡镇人民政府")),
        ("县级以上教育", ("县级以上教育行政部门", "公安", "财政", "交通运输")),
        ("建立健全预防", ("教育主管部门",)),
        ("牵头开展预防", ("教育主管部门",)),
    ]
    assert plan.items[0].text.endswith("乡镇人民政府依法履行本级机关运行保障相关工作职责。")


def test_an_article_saying_who_manages_a_thing_heads_the_paragraphs_of_each_office_s_duties():
    plan = parse_text(
        "某自治区城镇保障性安居工程补助资金管理办法\n第一章 总 则\n第三条 补助资金由自治区财政厅、住房和城乡建设厅按职责分工管理。\n"
        "自治区财政厅负责编制补助资金预算,确定补助资金分配方案。\n自治区住房和城乡建设厅负责住房保障计划编制,提出补助资金分配建议。\n"
    )
    assert [item.units for item in plan.items] == [("自治区财政厅",), ("自治区住房和城乡建设厅",)]


def test_the_leadership_an_office_works_under_and_the_charges_an_article_lists_below_it():
    plan = parse_text(
        "某省乡村振兴责任制实施细则\n第一章 总 则\n第三条 在省委领导下,省委农村工作领导小组负责巩固拓展脱贫攻坚成果、全面推进乡村振兴的牵头抓总。\n"
        "第二章 各级责任\n第四条 各级党委和政府乡村振兴责任主要包括:\n(一)深入学习贯彻习近平总书记关于“三农”工作的重要论述;\n"
        "(二)以乡村振兴统揽新时代“三农”工作。\n"
    )
    assert [item.units for item in plan.items] == [("省委农村工作领导小组",), ("各级党委和政府",), ("各级党委和政府",)]


def test_a_topic_label_before_the_office_that_does_the_work():
    plan = parse_text(
        "某市大中型水库移民后期扶持实施方案\n(六)扶持方式。\n直补方式:市财政局负责制定后期扶持资金发放实施细则。区县水库移民主管部门负责核定到人。\n"
        "项目扶持方式:市水库移民主管部门负责编制项目扶持管理办法。\n"
    )
    assert [item.units[0] for item in plan.items] == ["市财政局", "市水库移民主管部门"]
