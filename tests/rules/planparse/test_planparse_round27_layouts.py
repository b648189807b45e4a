"""Layouts of the twenty-seventh round of real notices (tests/fixtures/notices/real/881-918),
each as a small synthetic page written the way those pages are, and each read by a general rule."""

from __future__ import annotations

from gongkai.rules.planparse import parse_text


def test_numbered_offices_each_before_a_colon_and_their_duty():
    plan = parse_text(
        "示范市防灾减灾日宣传周活动方案\n三、职责分工\n(一)市委宣传部、文广新局:负责协调新闻媒体开展防灾减灾知识宣传。\n"
        "(二)民政局、红十字会:负责灾后救济工作宣传,并提供相关材料。\n(三)教育局:负责在全市中小学开展防灾减灾教育活动。\n"
    )
    assert [item.units for item in plan.items] == [("市委宣传部", "文广新局"), ("民政局", "红十字会"), ("教育局",)]
    assert plan.items[0].text.startswith("负责协调")


def test_offices_as_subjects_with_a_line_of_other_wording_between_them():
    plan = parse_text(
        "示范市自然村生活污水治理实施意见\n四、职责分工\n各辖市(区)政府、示范新区管委会具体负责本辖区生活污水治理工作的组织实施。\n"
        "市环保部门负责审核各地污水处理模式和工艺设计。\n市农林部门加大农村户用沼气工作力度,协助推进治理工作。\n"
        "市卫生部门负责抓好农村改厕工作,协助推进治理工作。\n"
    )
    units = [item.units for item in plan.items]
    assert ("各辖市(区)政府", "示范新区管委会") in units and ("市卫生部门",) in units


def test_a_table_whose_cells_open_with_a_pipe_and_list_an_office_a_line():
    plan = parse_text(
        "示范市太湖水污染防治工作任务分解表\n序号\n| 项目内容\n| 工作要求\n| 责任单位\n|\n7\n| 污水处理厂建设\n"
        "| 完成示范污水处理厂技术改造,处理能力达到14.5万吨/日。\n| 市建设局\n|\n8\n"
        "| 示范污水处理厂扩建工程投入运行,同步完成港区污水管网建设。\n| 市建设局\n示范新区管委会\n|\n"
    )
    assert [item.units for item in plan.items] == [("市建设局",), ("市建设局", "示范新区管委会")]


def test_a_responsibility_target_column():
    plan = parse_text(
        "示范学院创建全国文明城市冲刺阶段任务分解表\n责任目标\n| 责任主体\n| 完成时间\n|\n"
        "1.1在多种阵地运用多种形式宣传展示社会主义核心价值观\n| 党委宣传部\n| 8月28日\n|\n"
        "1.2在学校门口、公共活动场所等位置设置公益广告\n| 党委宣传部、团委\n| 8月28日\n|\n"
    )
    assert [item.units for item in plan.items] == [("党委宣传部",), ("党委宣传部", "团委")]
