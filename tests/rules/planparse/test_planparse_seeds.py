"""The four seed plans and seed 001, counted as a person counts them, and checked item by item.

Pure rules: no Django, no database. Expected values are read off the seed text by hand; the
seeds are read from the copy packaged for the demo (tests/seeds.py).
"""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.rules.planparse import Item, Plan, PlanKind, Recurrence, parse_file, to_json
from tests.seeds import seed_path

_PARSED: dict[str, Plan] = {}


def _seed(prefix: str) -> Plan:
    if prefix not in _PARSED:
        _PARSED[prefix] = parse_file(seed_path(prefix))
    return _PARSED[prefix]


def _item(plan: Plan, number: str) -> Item:
    return next(item for item in plan.items if item.number == number)


ZQ_COUNTIES = ("各县(市、区)政府", "肇庆高新区", "肇庆新区管委会")
XH_ALL = ("各镇（街、区）", "区政府各部门", "各直属机构")


@pytest.mark.parametrize(
    ("prefix", "kind", "count"),
    [("000", PlanKind.TABLE, 91), ("002", PlanKind.PROSE, 16), ("003", PlanKind.PROSE, 22),
     ("004", PlanKind.TABLE, 66), ("001", PlanKind.NOT_A_PLAN, 0)],
)  # fmt: skip

def test_it_counts_items_as_a_person_does(prefix, kind, count):
    plan = _seed(prefix)
    assert plan.kind is kind
    assert len(plan.items) == count
    assert len({item.number for item in plan.items}) == count  # numbers are unique


def test_it_reads_seed_000_as_29_tasks_of_numbered_requirements():
    plan = _seed("000")
    tasks = {item.number.split(".")[0] for item in plan.items}
    assert tasks == {str(n) for n in range(1, 30)}
    assert [item.number for item in plan.items[:3]] == ["1.1", "1.2", "2.1"]
    assert [i.number for i in plan.items if i.section[0].startswith("推进市场监管")][-1] == "2.13"


def test_it_reads_the_metadata_of_each_seed():
    zq, hk, jm, xh, la = (_seed(p) for p in ("000", "002", "003", "004", "001"))
    assert (zq.title, zq.issuer, zq.issued_on, zq.year, zq.doc_number) == (
        "肇庆市贯彻落实省府办公厅2016年政务公开工作要点分工方案", "肇庆市人民政府办公室",
        date(2016, 6, 22), 2016, None,
    )  # fmt: skip
    assert (hk.title, hk.issuer, hk.doc_number, hk.issued_on, hk.year) == (
        "海口市2019年政务公开工作要点", "海口市人民政府办公室", "海府办函〔2019〕168号",
        date(2019, 6, 21), 2019,
    )  # fmt: skip
    assert (jm.title, jm.issuer, jm.issued_on, jm.year) == (
        "2017年全市政务公开工作要点", "荆门市人民政府办公室", date(2017, 6, 1), 2017,
    )  # fmt: skip
    assert (xh.title, xh.year, xh.issuer, xh.issued_on) == ("新会区2018年政务公开工作要点分工方案", 2018, None, None)
    assert la.doc_number == "六政务公开办〔2017〕2号" and la.issued_on == date(2017, 5, 11)


def test_it_checks_seed_000_item_by_item():
    plan = _seed("000")
    first = _item(plan, "1.1")
    assert first.section == ("推进行政权力清单和责任清单公开",)
    assert first.text == (
        "在全面公开市级政府部门权责清单基础上，推动各县(市、区)政府、区管委会及部门全面公开权责清单，"
        "并通过政府网站公开，实行动态管理。"
    )
    assert first.units == first.lead_units == ("市编办", *ZQ_COUNTIES)
    assert (first.deadline.date, first.deadline.inherited) == (date(2016, 12, 31), False)
    second = _item(plan, "1.2")  # "||||": units and deadline merged from the row above
    assert second.text.startswith("做好市有关部门取消、调整和保留行政审批事项的公开工作")
    assert second.units == first.units and second.units_inherited
    assert (second.deadline.raw, second.deadline.inherited) == ("2016年12月底前完成", True)
    housing = _item(plan, "2.1")  # "市住房城乡 建设局": a wrapped unit name
    assert housing.units == ("市住房城乡建设局",) and housing.text == "检查全市住房保障信息公开情况并予以通报。"
    assert housing.section[0].startswith("推进市场监管公开透明，重点推进保障性住房")
    own_deadline = _item(plan, "2.3")  # own deadline, units merged from 2.2
    assert own_deadline.units[0] == "市质监局" and own_deadline.units_inherited
    assert (own_deadline.deadline.date, own_deadline.deadline.inherited) == (date(2016, 12, 31), False)
    both_merged = _item(plan, "2.4")
    assert both_merged.deadline.raw == "2016 年 12 月底前完成" and both_merged.deadline.inherited
    event = _item(plan, "10.1")
    assert event.deadline.recurrence is Recurrence.EVENT and event.deadline.date is None
    assert event.deadline.raw == "收到省转发国家税收政策文件后及时转发"
    quarter = _item(plan, "12.4")
    assert quarter.deadline.date == date(2017, 3, 31) and quarter.units[0] == "市扶贫办"
    exams = _item(plan, "17")  # one requirement under 序号 17: numbered "17"
    assert exams.deadline.date == date(2016, 3, 31)
    assert [(m.label, m.date) for m in exams.deadline.milestones] == [
        ("中考", date(2016, 3, 31)), ("高考", date(2016, 11, 30))
    ]  # fmt: skip
    missing_stop = _item(plan, "18.3")  # "3根据…": the full stop after 3 is missing
    assert missing_stop.text.startswith("根据省卫生计生委的要求")
    before_july = _item(plan, "20.3")
    assert before_july.units == ("市审计局",) and before_july.deadline.date == date(2016, 6, 30)
    budget = _item(plan, "21.1")
    assert (budget.deadline.date, budget.deadline.recurrence) == (date(2016, 12, 31), Recurrence.EVENT)
    ppp = _item(plan, "8")
    assert ppp.units == ("市财政局", "市发展改革局") and ppp.deadline.recurrence is Recurrence.ONGOING
    assert ppp.text.startswith("在2015年全市PPP项目已向社会公开")  # a year in the text is no deadline
    last = _item(plan, "29")
    assert (last.units, last.deadline.date) == (("市府办公室",), date(2017, 3, 31))


def test_it_checks_seed_002_item_by_item():
    plan = _seed("002")
    first = plan.items[0]  # CONTRACTS.md §1's example
    assert first.number == "1"
    assert first.section == ("一、聚焦政策落实，深化重点领域信息公开", "(一)推进决策和执行公开")
    assert first.text.startswith("围绕2019年政府主要工作任务，加大系列政策出台、执行和落实情况公开力度。")
    assert first.text.endswith("切实增强抓落实的执行力。")
    assert first.units == first.lead_units == ("各区政府", "市政府直属各单位")
    assert first.deadline.raw is None and first.deadline.date is None
    shared = plan.items[1]  # "…按照职责分工分别牵头落实"
    assert shared.section[-1] == "(二)细化三大攻坚战信息公开"
    assert shared.units == (
        "市金融办", "市财政局", "市扶贫办", "市卫健委", "市人社局", "市教育局", "市生态环境局",
        "市水务局", "市农业农村局", "市自然资源和规划局", "市住建局", "市园林和环卫局",
    )  # fmt: skip
    assert shared.lead_units == shared.units
    assert plan.items[3].units == ("各有关部门",)
    assert plan.items[4].units == ("市财政局",) and plan.items[4].section[-1] == "(五)完善财政信息公开"
    assert plan.items[6].section == ("二、着眼稳定预期，加强政策解读和回应关切", "(一)深入解读重要政策措施")
    portal = plan.items[12]  # "(市政务管理局牵头会同相关部门落实)"
    assert portal.units == portal.lead_units == ("市政务管理局",)
    assert portal.text.endswith("公开海口“一窗式”“不见面审批”等相关政务服务信息。")
    assert sum(bool(item.units) for item in plan.items) == 13
    for item in plan.items[13:]:
        assert item.units == () and item.section[0] == "四、提升工作质量，完善公开制度规范"
    assert plan.items[13].text.startswith("各区政府、市政府直属各单位要高度重视政务公开工作")
    unassigned = [w for w in plan.warnings if "没有标注责任单位" in w]
    unread = [w for w in plan.warnings if "未导入为任务" in w]
    assert len(unassigned) == 3 and len(plan.warnings) == 5
    # the preamble and the closing paragraph are no item's, and the clerk is told so by line
    assert unread[0].startswith("第39行未导入为任务：“2019年，是省委、省政府确定的")
    assert unread[1].startswith("第81行未导入为任务：“各区政府、市政府直属各单位贯彻落实本要点")


def test_it_checks_seed_003_item_by_item():
    plan = _seed("003")
    first = plan.items[0]
    assert first.section == ("一、以政务公开助力促改革、添动力", "(一)推进“放管服”改革信息公开")
    assert first.text.startswith("健全清单管理机制，推动减权放权。")
    assert first.units == ("市审改办", "市行政审批局", "市项目服务局", "各县市区")
    assert first.lead_units == first.units  # 分别负责落实: nobody marked as lead
    assert plan.items[1].units[0] == "市委农办" and len(plan.items[1].units) == 12
    assert plan.items[3].units == ("市国资委", "各县市区")
    assert plan.items[6].section[-1] == "(三)推进政府和社会资本合作(PPP)项目信息公开"
    assert plan.items[7].units == ("市财政局", "市国税局", "市地税局", "市物价局")
    assert plan.items[10].units == ("市商务局", "市政府金融办", "人行市中心支行", "荆门银监分局", "各县市区")
    assert plan.items[16].units == ("市直相关部门",)
    for item in plan.items[17:]:  # "(市政府办公室牵头，各县市区、市直各部门负责落实)"
        assert item.section[0] == "五、进一步加强制度和体系建设"
        assert item.lead_units == ("市政府办公室",)
        assert item.units == ("市政府办公室", "各县市区", "市直各部门")
    assert plan.items[-1].section[-1] == "(五)健全政务公开领导体制和工作机制"
    # every item has units; what is no item (the preamble, the closing request, the 抄送 list)
    # is named by its line
    assert [w[: w.index("：")] for w in plan.warnings] == [
        "第11行未导入为任务", "第67行未导入为任务", "第71行未导入为任务"
    ]


def test_it_checks_seed_004_item_by_item():
    plan = _seed("004")
    first = _item(plan, "1")
    assert first.section == ("着力加强公开解读回应工作", "围绕建设法治政府全面推进政务公开")
    assert first.units == first.lead_units == XH_ALL
    merged = _item(plan, "2")  # its units cell is merged with row 1's
    assert merged.units == XH_ALL and merged.units_inherited and merged.section == first.section
    lead = _item(plan, "3")  # "区编办牵头，各镇（街、区），" + a line wrapped into the same cell
    assert lead.lead_units == ("区编办",) and lead.units == ("区编办", *XH_ALL)
    assert _item(plan, "11").units[-1] == "区扶贫办"
    assert "12" not in {item.number for item in plan.items}
    after_gap = _item(plan, "13")
    assert after_gap.text == "按照上级统一部署，推动地方政府债务信息公开。" and after_gap.units == ("区财政局",)
    many = _item(plan, "15")
    assert len(many.units) == 21 and "区农林局（区扶贫办）" in many.units
    etc = _item(plan, "20")  # "…区环保局等有关部门牵头，…负责"
    assert etc.lead_units == ("区金融局", "区扶贫办", "区财政局", "区环保局")
    sub = _item(plan, "38")  # a new 分项 under the same 工作任务, units merged from row 33
    assert sub.section == ("着力提升政务服务工作实效", "优化审批办事服务")
    assert sub.lead_units == ("区行政服务中心",) and sub.units_inherited
    hotline = _item(plan, "54")  # no deadline column: "年底前将…报…" in the text counts
    assert (hotline.deadline.raw, hotline.deadline.date) == ("年底前", date(2018, 12, 31))
    gazette = _item(plan, "56")
    assert gazette.lead_units == ("区委区府办公室",)
    assert gazette.units == ("区委区府办公室", "区经济信息和商务局", "区档案局")
    assert _item(plan, "67").units == ("区委区府办公室",)
    assert _item(plan, "5").deadline.date is None


def test_it_reports_the_stray_unit_cell_of_seed_004_instead_of_gluing_it():
    plan = _seed("004")
    row_11 = _item(plan, "11")
    assert "区财政局" not in row_11.units
    stray = [w for w in plan.warnings if "区财政局牵头" in w]
    assert len(stray) == 1 and "第11条之后" in stray[0]
    assert any("第12条" in w for w in plan.warnings)


def test_it_says_what_seed_001_is_without_inventing_items():
    plan = _seed("001")
    assert plan.items == () and plan.kind is PlanKind.NOT_A_PLAN
    assert len(plan.warnings) == 1 and "未找到任务分工表" in plan.warnings[0]
    assert plan.title == "六安市政务公开办公室关于做好2017年度政务公开与办事公开示范点建设工作的通知"


def test_it_prints_exactly_the_contract_fields():
    data = to_json(_seed("002"))
    for key in ("title", "issuer", "doc_number", "issued_on", "year", "items"):
        assert key in data
    item = data["items"][0]
    assert list(item)[:6] == ["number", "section", "text", "lead_units", "units", "deadline"]
    assert list(item["deadline"])[:4] == ["raw", "date", "recurrence", "inherited"]
    assert data["issued_on"] == "2019-06-21" and data["kind"] == "prose"
    dated = to_json(_seed("000"))["items"][0]["deadline"]
    assert dated == {"raw": "2016年12月底前完成", "date": "2016-12-31", "recurrence": None,
                     "inherited": False, "milestones": [], "workdays": None}  # fmt: skip
