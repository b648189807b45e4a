"""Layouts of the fifty-eighth round of real notices (tests/fixtures/notices/real/2351-2396): audit
rectification and budget disclosure, statistics, farmland and grain security, drug control and
public security, urban safety; each as a small synthetic page written the way those pages are, and
each read by a general rule."""

from __future__ import annotations

from gongkai.rules.planparse import parse_text
from gongkai.rules.planparse.model import Recurrence


def test_what_a_notice_asks_of_offices_and_when_is_no_part_of_their_names():
    plan = parse_text(
        "某县关于加强宣传工作的通知\n"
        "一、强化意识。要求各乡镇、各部门要进一步增强监督意识,支持有关机关依法履行职能。\n"
        "二、开展宣传。宣传月期间各单位要策划、组织若干宣传活动,做到主题鲜明、形式多样。\n"
        "三、开展整治。即日起市住房城乡建设管理、公安、交通等部门将联合开展专项整治,严厉打击非法经营行为。\n"
    )
    assert [item.units for item in plan.items] == [
        ("各乡镇", "各部门"),
        ("各单位",),
        ("市住房城乡建设管理", "公安", "交通"),
    ]


def test_an_office_that_joins_others_before_their_generic_tail_leads_them():
    plan = parse_text(
        "某市耕地保护责任目标考核办法\n"
        "一、为切实加强耕地保护工作,依据有关法律法规,制定本考核办法。\n"
        "二、市国土资源局会同市农委、市统计局等有关部门,根据省政府下达的耕地保护目标,确定各区的责任目标。\n"
    )
    assert [(item.text[:4], item.units, item.lead_units) for item in plan.items] == [
        ("市国土资", ("市国土资源局", "市农委", "市统计局"), ("市国土资源局",)),
    ]


def test_a_later_sentence_after_an_ascii_full_stop_adds_its_office():
    plan = parse_text(
        "某市非机动车管理条例\n"
        "第三条 公安机关负责非机动车的登记和通行管理工作;市场监管部门负责非机动车生产、销售、维修的监督管理工作.交通运输主管部门负责互联网租赁自行车的行业监督管理工作。\n"
    )
    assert plan.items[0].units == ("公安机关", "市场监管部门", "交通运输主管部门")


def test_a_later_clause_opening_with_its_own_office_and_duty_word_adds_that_office():
    plan = parse_text(
        "某省乡镇统计基础工作管理办法\n"
        "第二条 乡镇人民政府应当配备专职的统计员,组织和协调本乡镇的统计工作。"
        "各业务部门在乡镇的派出机构应当明确负责统计工作的人员,村(居)委会应当指定人员负责统计工作。\n"
        "第三条 各县(市)区政府要加强指导,各县(市)区要定期检查;火灾发生后,市气象部门要提供火场天气预报。\n"
    )
    assert [item.units for item in plan.items] == [
        ("乡镇人民政府", "各业务部门在乡镇的派出机构", "村(居)委会"),
        ("各县(市)区政府",),
    ]


def test_a_body_the_levels_set_up_does_the_duties_listed_under_it():
    plan = parse_text(
        "某省社会治安综合治理条例\n"
        "第四条 社会治安综合治理是全社会的共同责任,各级人民政府应当动员和组织各方面力量,开展平安建设。\n"
        "第五条 省、设区的市、县(市、区)、乡镇(街道)设立社会治安综合治理委员会,负责组织、指导、协调当地的社会治安综合治理工作,履行下列职责:\n"
        "(一)宣传、贯彻社会治安综合治理相关法律法规和政策;\n"
        "(二)研究部署本地区社会治安综合治理工作;\n"
        "第六条 各县(市)、区政府应成立粮食应急工作指挥部,负责组织实施本地区的粮食应急供应工作。\n"
    )
    assert [(item.text[:4], item.units) for item in plan.items] == [
        ("社会治安", ("各级人民政府",)),
        ("宣传、贯", ("社会治安综合治理委员会",)),
        ("研究部署", ("社会治安综合治理委员会",)),
        ("各县(市", ("各县(市)、区政府",)),
    ]


def test_a_rules_articles_run_on_in_one_line_with_scrambled_marks_and_points_are_read_one_by_one():
    plan = parse_text(
        "某区农村村民建房管理办法\n"
        ",第四章,职责第十九条,市规划主管部门的职责.一。负责对村庄规划进行审批并对规划实施情况进行监督检查,"
        "二,负责核发村民在农用地上建房的乡村建设规划许可证 第二十条区建设局的职责,一,对村民在农用地上建房进行审查,"
        "并代办村民在农用地上建房的乡村建设规划许可证.二 依照第十九条规定,派专业技术人员进驻乡镇,在规划管理方面对乡镇进行指导和把关,"
        "第二十一条,国土资源所的职责 一、负责对村民建房用地申请资料的审核工作。"
        "二,负责对村民建房用地的资格审查工作。三。参与村民建房用地的选址、放线、竣工验收工作,四 负责对违法占地的动态巡查工作,"
        "做到及时发现、制止、报告村民违法占地建房行为,对发现的问题及时上报区国土资源局依法处理,并做好相关记录和档案管理工作。"
        "巡查中发现村民未经批准擅自占用耕地建房的,应当当场制止,责令停止建设,并在二十四小时内书面报告区国土资源局和所在地乡镇人民政府,"
        "对拒不停止建设的,配合有关部门依法查处,不得隐瞒不报、拖延上报或者擅自处理。\n"
    )
    assert [(item.text[:4], item.units) for item in plan.items] == [
        ("负责对村", ("市规划主管部门",)),
        ("负责核发", ("市规划主管部门",)),
        ("对村民在", ("区建设局",)),
        ("依照第十", ("区建设局",)),
        ("负责对村", ("国土资源所",)),
        ("负责对村", ("国土资源所",)),
        ("参与村民", ("国土资源所",)),
        ("负责对违", ("国土资源所",)),
    ]
    assert "对发现的问题及时上报" in plan.items[-1].text


def test_a_rules_scrambled_basis_and_scope_are_no_work():
    plan = parse_text(
        "某部公共交通企业信息公开规定 第一条,为了加强公共交通企业信息公开工作.提升服务水平。切实维护公民合法权益,根据,"
        "中华人民共和国政府信息公开条例。等法规 制定本规定.第二条。铁路 公路。水路 民航领域的公共交通企业信息公开及监督管理活动 "
        "适用本规定 前款所称公共交通企业 是指为不特定社会公众提供出行服务的运输经营企业。第三条,交通运输部负责指导全国公路 "
        "水路领域公共交通企业的信息公开工作,县级以上地方人民政府交通运输主管部门按照职责实施本行政区域内的监督管理工作。"
        "第四条、公共交通企业应当建立健全信息公开制度 明确信息发布流程、审核程序等。依照第三条规定公开的信息应当准确。"
        "公共交通企业应当通过其网站、客户端、服务场所公告栏等便于公众知晓的方式公开信息,并及时更新,保证所公开信息的真实、准确、完整。"
        "公开的信息发生变化的,公共交通企业应当自变化之日起二十个工作日内予以更新,涉及社会公众出行安全的信息应当即时更新。\n"
    )
    assert [item.text[:5] for item in plan.items] == ["交通运输部", "公共交通企"]


def test_what_a_self_inspection_covers_is_no_work_but_the_paragraph_after_it_is():
    plan = parse_text(
        "某市统计执法检查工作方案\n"
        "(二)自查阶段(5月份至6月份)\n"
        "1.各级统计机构和各相关部门自查内容包括:\n"
        "(1)伪造、篡改统计资料;\n"
        "(2)违法公布统计资料。\n"
        "2.规模以上单位自查内容包括:\n"
        "(1)拒绝提供政府统计调查所需的资料;\n"
        "(2)未取得统计从业资格从事统计工作。\n"
        "区县统计局、调查队要按照上述检查要求认真组织自查,并将自查报告于6月底前报送至市检查领导小组办公室。\n"
    )
    assert [(item.text[:5], item.units) for item in plan.items] == [("区县统计局", ("区县统计局", "调查队"))]


def test_an_office_that_announces_its_counted_measures_lists_them_as_points():
    plan = parse_text(
        "某区五项要求保障预算公开\n"
        "今年以来,区财政局认真贯彻落实关于预决算公开的各项精神,通过五项要求安排部署预算公开工作。\n"
        "一是时间上及时。各预算单位要在规定时间内通过政府门户网站向社会公开。\n"
        "二是内容上完整。除涉密信息外,部门职责、机构设置等全部披露。\n"
        "三是数据入账。由计划管理督察股对照“两清单”建立整改台账,汇总问题整改进度。\n"
    )
    assert [item.units for item in plan.items] == [("各预算单位",), (), ("计划管理督察股",)]
    assert [(item.section[-1:] + (item.text,))[0][:6] for item in plan.items] == ["一是时间上及", "二是内容上完", "三是数据入账"]


def test_points_run_on_in_one_long_unnumbered_paragraph_are_read_one_by_one():
    plan = parse_text(
        "某市关于进一步加强审计整改工作的意见\n"
        "近日,某市政府办公室转发了该市审计局《关于进一步加强审计整改工作的意见》,要求全市各地、各部门强化组织领导,"
        "提高思想认识,着力构建四项长效机制,进一步深化审计整改工作。 一是健全和完善审计整改报告制度。要求被审计单位对审计查出的问题,"
        "按照审计机关规定的时限向审计机关报送审计整改情况报告。审计机关可将审计整改结果通报或向社会公告。 二是健全和完善审计整改联动机制。"
        "要求财政、税务、监察等相关部门依法协助审计机关履行审计监督职责。 三是健全和完善审计整改督查机制。审计机关应当对被审计单位的"
        "整改情况进行跟踪检查,对于被审计单位未执行审计决定或整改不彻底、不认真的,要查明原因,形成书面报告,提交联席会议研究解决。"
        " 四是健全和完善审计整改责任追究机制。各级主管部门要对所属单位整改工作负督促检查责任,坚决落实领导干部问责制度,"
        "各部门、各单位的主要负责人对本部门、本单位审计整改工作负总责,对整改不力、屡审屡犯的,依法依纪追究有关人员责任。\n"
    )
    assert [((item.section[-1:] + (item.text,))[0][:6], item.units) for item in plan.items] == [
        ("一是健全和完", ()),
        ("二是健全和完", ("财政", "税务", "监察")),
        ("三是健全和完", ("审计机关",)),
        ("四是健全和完", ("各级主管部门",)),
    ]


def test_a_page_of_measures_each_under_its_heading_sentence_is_a_plan_without_its_title():
    plan = parse_text(
        "四、加强农村社会治安管理\n"
        "(一)强化城乡社会治安综合管理。镇(街)综治办统筹协调,进一步提高综治联动单位的能力。\n"
        "(二)完善基层司法联调机制。在司法所或农村社区设立“人民调解工作室”,及时化解基层矛盾纠纷。\n"
        "(三)整合城乡群防群治力量。区(县级市)对各类群防群治队伍进行整合。公安机关负责日常业务指导。\n"
        "(四)推进社区和农村警务战略。逐步建立与新农村建设相适应的社区和农村警务机制。\n"
    )
    assert [item.units for item in plan.items] == [(), (), ("公安机关",), ()]


def test_an_office_and_how_often_at_least_it_does_its_work_is_a_standing_duty():
    plan = parse_text(
        "某市禁毒工作责任制规定\n"
        "第五条 地方各级党委、政府领导本行政区域禁毒工作,应将禁毒工作纳入当地总体规划。\n"
        "第六条 各辖市(区)党委政府每年不少于一次专题听取禁毒工作汇报,及时研究解决禁毒工作的重大问题。\n"
    )
    assert [(item.units, item.deadline.recurrence) for item in plan.items][1] == (("各辖市(区)党委政府",), Recurrence.YEARLY)


def test_offices_by_由_after_the_sentences_first_clause_lead_those_they_work_with():
    plan = parse_text(
        "某市粮食安全责任制考核办法\n"
        "一、考核工作在市政府领导下,由市粮食局、市农委会同市发改委、市财政局、农发行分行等有关部门和单位组成考核工作组负责具体实施。\n"
        "二、市各有关部门根据职责分工,结合日常工作对各区粮食安全责任制落实情况进行监督检查。\n"
    )
    assert (plan.items[0].units, plan.items[0].lead_units) == (
        ("市粮食局", "市农委", "市发改委", "市财政局", "农发行分行"),
        ("市粮食局", "市农委"),
    )


def test_an_office_that_must_at_least_do_its_work_is_its_subject():
    plan = parse_text(
        "某县乡镇统计规范化建设实施方案\n"
        "1.加强统计岗位,完善统计网络。乡(镇、街道)政府要设置统计工作岗位。村(居)委员会至少要配备一名兼职统计人员,负责统计工作。\n"
        "2.强化统计制度建设。各乡镇要建立健全统计工作制度。\n"
    )
    assert plan.items[0].units == ("乡(镇、街道)政府", "村(居)委员会")


def test_offices_by_由_after_what_they_make_or_by_their_fields_are_its_units():
    plan = parse_text(
        "某县农村医疗救助办法\n"
        "第五条 农村医疗救助基金年度收支计划由县民政局会同财政部门拟定后报县政府批准执行。\n"
        "第六条 大风、大雾严重影响交通运输安全时,由交通、公安、铁路等部门根据各自职责负责指挥应对工作。\n"
    )
    assert [(item.units, item.lead_units) for item in plan.items] == [
        (("县民政局", "财政部门"), ("县民政局",)),
        (("交通", "公安", "铁路"), ("交通", "公安", "铁路")),
    ]


def test_a_later_clause_of_the_first_sentence_that_opens_with_its_own_office_adds_it():
    plan = parse_text(
        "某省农村贫困残疾人危房改造实施方案\n"
        "(一)调查摸底,掌握基本情况。各市残联组织开展危房改造项目调查,县级残联负责组织对辖区内贫困残疾人住房情况进行全面调查登记。\n"
        "(二)设置监测站点。设置声环境质量监测站(点),组织开展声环境质量监测,定期向社会公布监测信息。\n"
    )
    assert [item.units for item in plan.items] == [("各市残联", "县级残联"), ()]


def test_an_office_that_assists_others_named_after_it_leaves_the_lead_to_them():
    plan = parse_text(
        "某市第三次全国文物普查工作分工\n"
        "四、工作职责\n"
        "1.财政部门负责普查预算审核、安排、及时拨付使用。\n"
        "2.交通部门协助文化、文物部门做好古桥梁、古码头等大型基本建设中的文物普查工作。\n"
        "3.建设部门配合做好全市大型基本建设项目中的文物普查工作。\n"
    )
    assert [(item.units, item.lead_units) for item in plan.items] == [
        (("财政部门",), ("财政部门",)),
        (("交通部门", "文化", "文物部门"), ("文化", "文物部门")),
        (("建设部门",), ("建设部门",)),
    ]


def test_its_duties_are_those_of_the_office_the_sentence_before_opens_with():
    plan = parse_text(
        "某市地名公共服务工程实施方案\n"
        "(一)组织领导\n"
        "领导小组下设办公室在民政局与市区划地名办公室合署办公。其主要职责是:\n"
        "1.制定地名公共服务工程实施方案及工作计划;\n"
        "2.组织培训和督促检查、验收。\n"
    )
    assert [item.units for item in plan.items] == [("办公室",), ("办公室",)]


def test_a_rules_articles_are_its_items_though_none_names_an_office():
    plan = parse_text(
        "某局部门预决算信息公开管理暂行办法\n"
        "第一条 为推进和规范预决算信息公开工作,根据《中华人民共和国预算法》,制定本办法。\n"
        "第二条 本办法所称预决算信息是指经财政部门批复的部门预算、决算信息。\n"
        "第三条 预决算信息公开以门户网站上设立的预决算公开专栏为主要平台,并保持长期公开状态。\n"
        "第四条 部门预决算信息在批复后20日内向社会公开。\n"
    )
    assert [item.text[:6] for item in plan.items] == ["预决算信息公", "部门预决算信"]


def test_the_work_a_duty_is_done_in_stands_before_its_fields():
    plan = parse_text(
        "某县审计整改工作情况\n"
        "一、突出一个“联”字。在联审工作中,组织、审计、编办部门要联合作战,相互配合,逐步建立密切配合的工作机制。\n"
        "二、突出一个“审”字。审计机关要依法独立行使审计监督权。\n"
    )
    assert plan.items[0].units == ("组织", "审计", "编办部门")


def test_an_office_by_由_that_forms_a_group_or_manages_by_the_rules_does_the_work():
    plan = parse_text(
        "某市污染整治工作方案\n"
        "1.考核验收。由市环保局组成考核验收小组,对污染整治情况进行全面检查验收。\n"
        "2.设备维护。内网设备包括交换机、路由器等,由电教中心依据省政府有关规定进行管理和维护。\n"
    )
    assert [item.units for item in plan.items] == [("市环保局",), ("电教中心",)]


def test_what_a_work_covers_is_no_work():
    plan = parse_text(
        "某省法治宣传教育条例\n"
        "第三条 县级以上人民政府应当加强对法治宣传教育工作的领导。\n"
        "第四条 法治宣传教育的内容包括以宪法为核心的中国特色社会主义法律体系和法律制度。\n"
        "第五条 司法行政部门负责本行政区域内法治宣传教育的组织实施。\n"
    )
    assert [item.text[:4] for item in plan.items] == ["县级以上", "司法行政"]


def test_what_a_service_platform_is_is_no_work():
    plan = parse_text(
        "某区12345政务服务便民热线工作方案\n"
        "一、12345热线是自治区设立的非紧急综合性政务服务平台,依托一个号码提供全天候人工在线服务。\n"
        "二、区政务服务中心负责热线工单的转办、督办和回访工作。\n"
    )
    assert [item.text[:4] for item in plan.items] == ["区政务服"]


def test_a_later_sentence_whose_office_exercises_its_duties_adds_it():
    plan = parse_text(
        "某市电动自行车管理办法\n"
        "第四条 市、县级人民政府应当加强对电动自行车管理工作的领导。 市直园区管委会依法行使本园区电动自行车管理职责。 "
        "乡镇人民政府(街道办事处)应当协助做好辖区内的电动自行车管理工作。\n"
        "第五条 区人民政府全面负责本辖区内居民住宅电梯安全综合管理工作;督促、支持质监部门依法履行居民住宅电梯安全监察职责。\n"
    )
    assert [item.units for item in plan.items] == [
        ("市、县级人民政府", "市直园区管委会", "乡镇人民政府(街道办事处)"),
        ("区人民政府",),
    ]
