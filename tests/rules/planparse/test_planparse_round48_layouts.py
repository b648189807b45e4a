"""Layouts of the forty-eighth round of real notices (tests/fixtures/notices/real/1851-1895):
community governance and village affairs, primary health care, market supervision, housing and
property management, older open-government plans; each as a small synthetic page written the way
those pages are, and each read by a general rule."""

from __future__ import annotations

from gongkai.rules.planparse import parse_text
from gongkai.rules.units import split_units


def test_a_level_never_a_unit_alone_shares_the_ending_of_the_next():
    assert split_units("自治州、县(市)人民政府") == ["自治州、县(市)人民政府"]
    assert split_units("市、县级市、区物业管理行政主管部门") == ["市、县级市、区物业管理行政主管部门"]
    assert split_units("乡、民族乡、镇人民政府") == ["乡、民族乡、镇人民政府"]
    assert split_units("各省、自治区、直辖市人民政府") == ["各省、自治区、直辖市人民政府"]
    assert split_units("设区的市、县(市、区)机关事务管理部门") == ["设区的市、县(市、区)机关事务管理部门"]
    # (a level with its office is a unit of its own)
    assert split_units("自治区发展改革委、自治区财政厅") == ["自治区发展改革委", "自治区财政厅"]


def test_or_between_two_whole_offices_separates_them():
    assert split_units("镇人民政府或者街道办事处") == ["镇人民政府", "街道办事处"]


def test_offices_that_perform_the_duties_listed_in_a_work():
    plan = parse_text(
        "某州村务公开条例\n"
        "第六条 乡(镇)人民政府和街道办事处在村务公开工作中履行下列主要职责:\n"
        "(一)指导村民委员会和村民小组制定和完善村务公开规章;\n"
        "(二)接受村民对村务公开有关事项的申诉;\n"
    )
    assert [item.units for item in plan.items] == [("乡(镇)人民政府", "街道办事处")] * 2


def test_an_office_s_tasks_and_what_it_is_to_make_public_head_their_lists():
    plan = parse_text(
        "某市实施城市居民委员会组织法办法\n"
        "第五条 居民委员会的任务:\n"
        "(一)办理本居住地区居民的公共事务和公益事业;\n"
        "(二)调解民间纠纷;\n"
        "第六条 村民委员会应当及时公布下列村务事项:\n"
        "(一)土地承包和土地流转情况;\n"
        "(二)国家对农民的各种补贴情况;\n"
    )
    assert [item.units for item in plan.items] == [("居民委员会",)] * 2 + [("村民委员会",)] * 2


def test_fields_of_a_later_clause_or_sentence_join_the_task_s_offices():
    plan = parse_text(
        "某州村务公开条例\n"
        "第五条 州、县民政部门负责村务公开的指导、协调和推行工作;农业主管部门负责集体财务公开的指导、监督工作;"
        "财政、监察、林业等有关部门根据各自的职责做好村务公开的相关工作。\n"
        "第六条 乡镇人民政府负责本乡镇的村务公开工作。村民委员会协助做好日常工作。\n"
        "第七条 县人民政府负责本县的村务公开工作。财政、林业等部门要做好保障。\n"
    )
    assert plan.items[0].units == ("州、县民政部门", "农业主管部门", "财政", "监察", "林业")
    # (and a later sentence's, as a later sentence's offices before 要 or 负责 are)
    assert plan.items[2].units == ("县人民政府", "财政", "林业")


def test_a_township_congress_s_presidium_is_an_office():
    plan = parse_text(
        "某省村民委员会选举条例\n"
        "第五条 县级以上各级人民政府民政主管部门负责本行政区域内村民委员会选举的日常工作。\n"
        "第六条 县级以上地方各级人民代表大会及其常务委员会和乡镇人民代表大会主席团,对村民委员会的选举工作依法实行监督。\n"
    )
    assert plan.items[1].units == ("县级以上地方各级人民代表大会及其常务委员会", "乡镇人民代表大会主席团")


def test_an_inspection_plan_s_columns_and_its_inspecting_body_before_the_plan_s_name():
    plan = parse_text(
        "某县2023年“双随机、一公开”抽查工作计划 | |||||||\n"
        "序号 | 检查主体 | 年度计划名称 | 检查内容 | 计划开展时间 | 股室 | 抽查比例 | 抽查频次 | 抽查数量 |\n"
        "1 | 某县市场监督管理局 | 对特种设备作业人员的行政检查 | 对特种设备作业人员的行政检查 | 1月—12月 | 特种设备股 | 5% | 1 | 1户 |\n"
        "2 | 某县市场监督管理局 | 对经营者价格活动的行政检查 | 对经营者价格活动的行政检查 | 1月—12月 | 价监股 | 5% | 1 | 3户 |\n"
        "3 | 某县市场监督管理局 | 对保健食品经营者的行政检查 | 对保健食品经营者的行政检查 | 1月—12月 | 食品股 | 10% | 1 | 2户 |\n",
        year=2023,
    )
    assert [item.text[:6] for item in plan.items] == ["对特种设备作", "对经营者价格", "对保健食品经"]
    assert [item.units for item in plan.items] == [
        ("某县市场监督管理局", "特种设备股"), ("某县市场监督管理局", "价监股"), ("某县市场监督管理局", "食品股")
    ]
    assert {item.deadline.date.isoformat() for item in plan.items if item.deadline.date} == {"2023-12-31"}


def test_a_count_of_categories_after_a_full_stop_is_no_part_marker():
    plan = parse_text(
        "某县疟疾防治方案\n"
        "(三)加强健康教育。\n"
        "1.加强中小学生健康教育。教育部门应当对中小学健康教育进行部署和安排。一、二类县的中、小学校应当在疾控机构的指导下开展疟疾防治知识教育。\n"
        "2.加强社区宣传教育。由当地疾病预防控制机构负责设立疟疾防治知识宣传栏。\n"
    )
    assert len(plan.items) == 2 and all(item.section[0] == "(三)加强健康教育" for item in plan.items)
    assert not any("二类县" in heading for item in plan.items for heading in item.section)
    assert "一、二类县的中、小学校" in plan.items[0].text


def test_the_season_a_duty_is_for_stands_before_its_office():
    plan = parse_text(
        "某县疟疾防治方案\n"
        "(二)加强媒介防制。\n"
        "1.防蚊灭蚊。疟疾传播季节,各地应当结合爱国卫生运动,进行环境改造与治理,减少蚊虫孳生场所。\n"
        "2.清理积水。汛期期间,县水利局负责排查低洼积水点并及时清理。\n"
    )
    assert [item.units for item in plan.items] == [("各地",), ("县水利局",)]


def test_fields_with_their_level_before_a_competent_departments_tail():
    plan = parse_text(
        "某省机关事务管理办法\n"
        "第四条 县级以上人民政府机关事务行政主管部门负责本级机关事务的管理工作。"
        "县级以上人民政府发展和改革、财政、国土资源等行政主管部门按照职责分工,做好本级机关事务管理工作。\n"
        "第五条 市民政主管部门负责全市拥军优属工作。人力资源和社会保障、财政、卫生等有关主管部门按照各自的职责做好拥军优属工作。\n"
    )
    assert plan.items[0].units == ("县级以上人民政府机关事务行政主管部门", "县级以上人民政府发展和改革", "财政", "国土资源")
    assert plan.items[1].units == ("市民政主管部门", "人力资源和社会保障", "财政", "卫生")


def test_fields_sharing_the_last_one_s_unit_ending():
    plan = parse_text(
        "国家文物局关于做好国庆期间文物安全工作的通知\n"
        "一、落实安全职责。各级文物行政部门和各文物、博物馆单位要切实履行文物安全职责,认真开展检查督导和安全巡查。\n"
        "二、加强安全管理。各级文物行政部门和各文物、博物馆单位要认真执行各项安全管理制度,做到制度到岗、责任到人。\n"
    )
    assert [item.units for item in plan.items] == [("各级文物行政部门", "各文物", "博物馆单位")] * 2


def test_an_office_acting_as_the_enforcing_body_in_a_paragraph_of_duty_clauses():
    plan = parse_text(
        "市执法局整治“三车”非法搭客工作方案\n"
        "二、各职能部门分工负责,密切配合\n"
        "按照各部门职能配置,执法主体分别是:对无牌无证上路的非法“三车”由公安交警支队作为执法主体进行处罚;"
        "对非法搭客营运的“三车”由市、区两级交通局作为执法主体进行处罚;"
        "市、区两级工商局负责对非法“三车”的生产、销售的查处;"
        "市残联负责对残疾人机动车主进行宣传教育和规劝。\n"
    )
    assert [item.units for item in plan.items] == [
        ("公安交警支队",), ("市、区两级交通局",), ("市、区两级工商局",), ("市残联",)
    ]


def test_a_guiding_committee_s_name_holds_its_role_like_word():
    assert split_units("各级人民调解工作指导委员会") == ["各级人民调解工作指导委员会"]
    assert split_units("省委巡视工作指导组") == ["省委巡视工作指导组"]
    plan = parse_text(
        "关于加强人民调解工作的意见\n"
        "4、各级人民调解工作指导委员会要充分发挥指导协调作用。各级人民调解工作指导委员会要认真研究解决工作中的困难。\n"
        "5、健全纠纷排查机制。各乡镇人民政府要每月组织开展一次矛盾纠纷排查。\n"
    )
    assert [item.units for item in plan.items] == [("各级人民调解工作指导委员会",), ("各乡镇人民政府",)]


def test_an_office_told_to_set_up_a_group_that_does_the_work():
    plan = parse_text(
        "某省村民委员会选举条例\n"
        "第七条 村民委员会在换届选举期间,地方各级人民政府应成立村民委员会换届选举工作指导小组,负责组织实施本行政区域内的换届选举工作。\n"
        "第八条 县级人民政府民政部门负责选举的日常工作。\n"
    )
    assert plan.items[0].units == ("地方各级人民政府",)


def test_an_office_told_what_to_do_to_others_is_the_subject_of_its_duty():
    plan = parse_text(
        "某县地质灾害群测群防工作方案\n"
        "(一)县级国土资源管理部门要对隐患点监测人和相关基层干部进行基本监测知识培训。\n"
        "(二)研究制定本县应对地质灾害的政策措施。\n"
    )
    assert [item.units for item in plan.items] == [("县级国土资源管理部门",), ()]


def test_the_office_that_assesses_a_target_answers_for_it():
    plan = parse_text(
        "某市扶贫开发目标考核细则\n"
        "1.完成劳务输出任务计10分,不完成任务扣2分,由市扶贫办、市劳动和社会保障局考评。\n"
        "2.农林牧副渔业总产值比上年度增长12%,完成任务计10分,由市统计局考核。\n"
    )
    assert [item.units for item in plan.items] == [("市扶贫办", "市劳动和社会保障局"), ("市统计局",)]


def test_a_group_s_members_with_their_offices_are_no_tasks_and_are_reported():
    plan = parse_text(
        "大涌镇清明节工作方案\n"
        "二、组织机构及工作职责\n"
        "(一)成立大涌镇清明节工作领导小组\n"
        "组 长:贺修虎(党委副书记、镇长)\n"
        "成 员:林燕容(社会事务局)\n"
        "卢杰恩(农业局)\n"
        "徐 民(公安分局)\n"
        "(二)工作职责\n"
        "社会事务局全面负责组织、协调、指导群众祭扫工作,处置突发情况。\n"
        "农业局制定相应工作措施,加强清明节期间祭扫的山林巡查力度。\n"
    )
    assert not any(name in item.text for item in plan.items for name in ("贺修虎", "林燕容", "卢杰恩", "徐"))
    assert any(item.units == ("社会事务局",) for item in plan.items)
    assert any("组长：贺修虎" in warning for warning in plan.warnings)


def test_a_joint_inspection_s_starting_office_leads_it():
    plan = parse_text(
        "序號 | 抽查領域 | 抽查事項 | 檢查對象 | 發起部門 | 配合部門 | 抽查層級 | 備註 |\n"
        "1 | 旅館抽查 | 旅館從業單位及人員取得許可證及旅館衛生管理等情況 | 旅館 | 衛生健康部門 | 市場監管部門 | 市級 | |\n"
        "2 | 學校抽查 | 中小學校每年開展學生體檢、配備專職衛生技術人員情況 | 中小學校 | 市衛生健康委員會 | 市教育局 | 市級 | |\n"
    )
    assert [item.section for item in plan.items] == [("旅馆抽查",), ("学校抽查",)]
    assert [item.units for item in plan.items] == [("卫生健康部门", "市场监管部门"), ("市卫生健康委员会", "市教育局")]
    assert [item.lead_units for item in plan.items] == [("卫生健康部门",), ("市卫生健康委员会",)]


def test_a_part_of_control_targets_is_background():
    plan = parse_text(
        "某市狂犬病防治工作方案\n"
        "一、控制目标\n"
        "2012年,重点县狂犬病发病数下降50%以上,全市狂犬病发病数下降30%以上。\n"
        "二、工作职责\n"
        "(一)区县(市)人民政府:成立狂犬病防治工作领导小组,组织相关部门制定当地实施方案。\n"
        "(二)畜牧部门:负责犬只饲养与免疫接种等情况的调查摸底工作。\n"
    )
    assert [item.units for item in plan.items] == [("区县(市)人民政府",), ("畜牧部门",)]


def test_a_directly_administered_city_shares_the_ending_and_a_yearly_duty_keeps_its_subject():
    assert split_units("设区的市、州、直管市、神农架林区人民政府") == ["设区的市、州、直管市、神农架林区人民政府"]
    plan = parse_text(
        "某省乡村振兴促进条例\n"
        "第四条 省人民政府建立乡村振兴促进工作机制。\n"
        "设区的市、州、直管市、神农架林区人民政府每年应当向省人民政府报告推进实施乡村振兴战略进展情况。\n"
    )
    assert plan.items[0].units == ("省人民政府", "设区的市、州、直管市、神农架林区人民政府")


def test_the_office_a_task_names_its_responsible_body():
    plan = parse_text(
        "乡村教师支持计划实施办法\n"
        "(一)明确责任主体。地方各级人民政府是实施乡村教师支持计划的责任主体。要加强组织领导,把实施工作列入重要议事日程。\n"
        "(二)开展督导检查。省教育督导机构要每年对计划实施情况进行专项督导检查。\n"
    )
    assert [item.units for item in plan.items] == [("地方各级人民政府",), ("省教育督导机构",)]


def test_a_paragraph_nothing_else_takes_goes_on_with_the_article_above():
    plan = parse_text(
        "某自治区村民委员会选举办法\n"
        "第六条 村民委员会换届选举工作由自治区人民政府统一部署,市、县人民政府或者街道办事处组织实施。\n"
        "县级以上人民政府民政部门负责村民委员会换届选举日常工作的指导。\n"
        "第七条 各级人民政府组织指导村民委员会选举工作所需经费列入本级财政预算。\n"
    )
    assert [item.text[:6] for item in plan.items] == ["村民委员会换", "各级人民政府"]
    assert "日常工作的指导" in plan.items[0].text
    assert plan.items[0].units == ("县级以上人民政府民政部门",)
    assert not any("未导入" in warning for warning in plan.warnings)


def test_the_first_sentence_after_a_heading_sentence_to_name_offices_gives_them():
    plan = parse_text(
        "某局2023年政务公开工作要点\n"
        "(一)加强队伍建设。压实工作责任。各科室要切实承担起本科室政务公开工作的主体责任。\n"
        "(二)加强宣传引导。宣传是推进工作的重要手段。各县区要通过多种渠道开展政策宣传,营造良好氛围。\n"
        "(三)强化督查考核。把政务公开纳入年度绩效考核内容。\n"
    )
    assert [item.units for item in plan.items] == [("各科室",), ("各县区",), ()]


def test_fields_that_open_a_task_and_an_office_that_answers_for_the_whole():
    plan = parse_text(
        "某县疟疾防治方案\n"
        "1.建立健全信息通报制度。卫生、质检等部门定期向公众发布境内、外疟疾流行状况。\n"
        "2.落实路段包保责任。各包保单位对所包路段文明创建工作负总责。\n"
        "3.加强防艾宣传。联合宣传、农业、卫生等部门做好农民工预防艾滋病宣传教育。\n"
    )
    # (a list opening with a verb, "联合宣传、农业…", names no fields)
    assert [item.units for item in plan.items] == [("卫生", "质检"), ("各包保单位",), ()]
