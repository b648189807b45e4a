"""Demo requests for ``make run``: a dozen realistic requests to 肇庆市财政局 and 肇庆市教育局 in
every state the queue shows (running, due soon, overdue, awaiting 补正, paused for a third party,
awaiting a fee, extended, replied, abandoned, not yet confirmed), dated relative to today and
taken through the same services as real ones. Loaded once; units that are missing are skipped.

Applicants are invented; their ID numbers and credit codes are well-formed but fictitious.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from gongkai.calendars.service import working_calendar
from gongkai.foi import dates, services
from gongkai.foi.models import Request, ServiceMethod
from gongkai.foi.proposals import propose_disclosures
from gongkai.orgs.models import Unit
from gongkai.rules.calendar import WorkingCalendar
from gongkai.rules.pii import id_check_character
from gongkai.rules.units import uscc_check_character

FINANCE, EDUCATION = "肇庆市财政局", "肇庆市教育局"


def _person(name: str, birth: str, serial: str, phone: str) -> dict[str, Any]:
    first17 = f"441202{birth}{serial}"
    return {
        "applicant_kind": "natural_person", "applicant_name": name, "id_type": "resident_id",
        "id_number": first17 + id_check_character(first17), "phone": phone,
        "address": "广东省肇庆市端州区天宁北路", "postcode": "526040",
    }


def _organisation(kind: str, name: str, code17: str, representative: str, contact: str, phone: str) -> dict[str, Any]:
    return {
        "applicant_kind": kind, "applicant_name": name, "organisation_code": code17 + uscc_check_character(code17),
        "legal_representative": representative, "contact_person": contact, "phone": phone,
        "address": "广东省肇庆市端州区信安大道", "postcode": "526060",
    }


@dataclass
class DemoRequest:
    unit: str
    applicant: dict[str, Any]
    description: str
    channel: str
    arrived: int  # working days before today
    steps: list[Callable[[Request, Callable[[int], date]], object]] = field(default_factory=list)
    confirmed: bool = True
    items: int = 1


def _reply(outcome: str, text: str, ago: int, serve: bool = False) -> Callable[[Request, Callable[[int], date]], object]:
    def step(request: Request, back: Callable[[int], date]) -> object:
        letter = services.reply(request, outcome=outcome, text=text, on=back(ago), date_reason=DEMO_REASON)
        if serve:
            services.record_service(letter, method=ServiceMethod.POST, served_on=back(ago - 1), signed_on=back(ago - 2), date_reason=DEMO_REASON)
        return letter
    return step


def _amend(ago: int, reply_by_ago: int | None = None) -> Callable[[Request, Callable[[int], date]], object]:
    def step(request: Request, back: Callable[[int], date]) -> object:
        reply_by = back(reply_by_ago) if reply_by_ago is not None else None
        return services.request_amendment(request, what="请写明所需信息的年度和具体项目名称。", reply_by=reply_by, on=back(ago), date_reason=DEMO_REASON)
    return step


def _amended(ago: int) -> Callable[[Request, Callable[[int], date]], object]:
    return lambda request, back: services.receive_amendment(request, text="补充：2024年度。", on=back(ago), date_reason=DEMO_REASON)


def _extend(ago: int) -> Callable[[Request, Callable[[int], date]], object]:
    def step(request: Request, back: Callable[[int], date]) -> object:
        services.request_extension(request, workdays=15, reason="所需信息涉及多个科室，需要汇总核对", on=back(ago), date_reason=DEMO_REASON)
        return services.approve_extension(request, on=back(ago), date_reason=DEMO_REASON)
    return step


DEMO_REASON = "演示数据：按以往日期补录办理过程"
PERSONS = {
    "li": _person("李明", "19850412", "231", "13802261234"),
    "wang": _person("王芳", "19900803", "442", "13922605678"),
    "zhang": _person("张伟", "19781121", "315", "13719581122"),
    "liu": _person("刘洋", "19951230", "518", "13662783344"),
    "chen": _person("陈静", "19880614", "626", "15017355566"),
    "yang": _person("杨帆", "19920219", "737", "18820367788"),
    "huang": _person("黄磊", "19700905", "851", "13531229900"),
    "zhao": _person("赵敏", "19860327", "964", "15819871212"),
    "zhou": _person("周杰", "19990101", "173", "13246563434"),
}
COMPANY = _organisation("business", "肇庆市星湖建材有限公司", "91441200MA4W8K3Q1", "罗建国", "罗小姐", "0758-2281234")
LAW_FIRM = _organisation("legal_service", "广东端州律师事务所", "31440000MD0123456", "何志强", "何律师", "0758-2235678")
RESEARCH = _organisation("research", "肇庆学院教育发展研究中心", "12441200MB2C34567", "吴教授", "吴老师", "0758-2716000")

DEMO_REQUESTS = [
    DemoRequest(FINANCE, PERSONS["li"], "2025年肇庆市本级部门预算中“三公”经费的明细", "online", 3),
    DemoRequest(FINANCE, PERSONS["wang"], "肇庆市本级2025年“三公”经费预算及执行情况明细", "in_person", 17),
    DemoRequest(FINANCE, PERSONS["zhang"], "请公开2025年肇庆市本级“三公”经费支出明细表", "email", 24),
    DemoRequest(FINANCE, COMPANY, "2024年市本级政府采购项目的中标结果及合同", "signed_mail", 30,
                [_amend(29), _amended(22), _extend(5)]),
    DemoRequest(FINANCE, PERSONS["liu"], "2023年城市维护建设税的征收使用情况", "plain_letter", 1, confirmed=False),
    DemoRequest(FINANCE, PERSONS["chen"], "2024年市级财政专项资金（乡村振兴）分配结果", "online", 40,
                [_reply("partial", "现向您提供分配结果汇总表；其中涉及个人信息的部分不予公开。", 25, serve=True)]),
    DemoRequest(FINANCE, LAW_FIRM, "某建设项目财政评审报告（含施工单位报价）", "in_person", 10,
                [lambda request, back: services.start_consultation(request, party="肇庆市某建设工程有限公司", on=back(5), date_reason=DEMO_REASON)]),
    DemoRequest(EDUCATION, PERSONS["yang"], "学校的那个文件", "online", 6, [_amend(4)]),
    DemoRequest(EDUCATION, PERSONS["huang"], "有关招生的材料", "in_person", 60,
                [_amend(58, reply_by_ago=40),
                 lambda request, back: services.mark_abandoned(request, on=back(38), date_reason=DEMO_REASON)]),
    DemoRequest(EDUCATION, PERSONS["zhao"], "2025年市直学校教师招聘的内部讨论记录", "online", 15,
                [_reply("withheld.process_information", "所申请信息属于讨论记录等过程性信息，依法不予公开。", 5)]),
    DemoRequest(EDUCATION, RESEARCH, "2021—2025年各县（市、区）义务教育阶段学位供给统计（按学校分列）", "email", 12,
                [lambda request, back: services.issue_fee_notice(request, method="per_item", on=back(8), date_reason=DEMO_REASON)], items=12),
    DemoRequest(EDUCATION, PERSONS["zhou"], "2026年市区义务教育学位分配方案", "online", 8),
]


def _counting_back(calendar: WorkingCalendar, today: date) -> Callable[[int], date]:
    def back(workdays: int) -> date:
        day, counted = today, 0
        while counted < workdays:
            day -= timedelta(days=1)
            counted += calendar.is_workday(day)
        return day
    return back


def load_demo_requests() -> int:
    """Create the demo requests once; returns how many were created (0 when already loaded)."""
    units = {unit.name: unit for unit in Unit.objects.filter(name__in=[FINANCE, EDUCATION])}
    if not units or Request.objects.filter(unit__in=units.values()).exists():
        return 0
    today = dates.today()
    back = _counting_back(working_calendar(), today)
    created = 0
    for demo in DEMO_REQUESTS:
        unit = units.get(demo.unit)
        if unit is None:
            continue
        arrived = back(demo.arrived)
        details = {**demo.applicant, "description": demo.description, "form_wanted": "electronic",
                   "delivery": "email" if demo.channel == "email" else "online", "items": demo.items,
                   "email": "demo@example.com" if demo.channel == "email" else ""}
        request = services.register_request(
            details, unit=unit, channel=demo.channel, arrived_on=arrived,
            confirmed_on=arrived if demo.confirmed and demo.channel in ("email", "fax", "plain_letter") else None,
            date_reason=DEMO_REASON,
        )
        for step in demo.steps:
            step(request, back)
            request.refresh_from_db()
        created += 1
    propose_disclosures(today=today, units=units.values())
    return created
