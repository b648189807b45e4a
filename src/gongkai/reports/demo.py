"""Demo annual reports for ``make run`` (issue 16): last year's reports of three units, drafted
from demo requests and cases of that year taken through the same services as real ones:

- 肇庆市财政局: published (a record of its 政府信息公开年报 column and the portal's web page);
- 肇庆市教育局: submitted to the office, waiting for its review;
- 江门市新会区委区府办公室: a draft that cannot be submitted: a request received on 29 December
  of the year before was registered after that year's report was published, so this year's
  二、上年结转 (1) differs from the published report's 四、结转下年度继续办理 (0), rule D3; the page
  explains it and how to correct last year's report.

Dates are fixed days of last year (and the year before), so the reports are the same on every
run of the same year. Loaded once; skipped when the demo units or accounts are missing.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.db import transaction

from gongkai.foi import dates
from gongkai.foi import services as foi
from gongkai.foi.demo import COMPANY, LAW_FIRM, PERSONS, RESEARCH
from gongkai.foi.models import Request
from gongkai.orgs.models import Unit, User
from gongkai.reports import services
from gongkai.reports.models import AnnualReport

FINANCE, EDUCATION, XINHUI = "肇庆市财政局", "肇庆市教育局", "江门市新会区委区府办公室"
REASON = "演示数据：补录以往年度的申请"
LATE_REASON = "补录遗漏的申请：上年12月29日收到的信件，年报发布后才登记"
OVERVIEW = (
    "{year}年，本单位认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，"
    "围绕预决算、重点领域信息和政策解读做好主动公开，依法办理政府信息公开申请。"
)
PROBLEMS = "一是政策解读的形式还比较单一；二是部分信息公开不够及时。下一步将加强图解、问答等解读形式，落实信息发布审核和时限要求。"


def platform_reports(today: date) -> set[tuple[str, int]]:
    """(unit name, year) of the reports this demo publishes through the platform: the records demo
    leaves those out of its ready-made 年度报告 records."""
    return {(FINANCE, today.year - 1), (XINHUI, today.year - 2)}


def _file(unit: Unit, applicant: dict[str, Any], text: str, on: date, reason: str = REASON) -> Request:
    details = {**applicant, "description": text, "form_wanted": "electronic", "delivery": "online", "items": 1}
    return foi.register_request(details, unit=unit, channel="in_person", arrived_on=on, date_reason=reason)


def _reply(request: Request, outcome: str, on: date) -> None:
    foi.reply(request, outcome=outcome, text="经审查，答复如下。", on=on, date_reason=REASON)


def load_demo_reports() -> int:
    """The three reports (once); returns how many were created."""
    today = dates.today()
    year = today.year - 1
    units = {unit.name: unit for unit in Unit.objects.filter(name__in=[FINANCE, EDUCATION, XINHUI])}
    users = {user.username: user for user in User.objects.filter(username__in=["gongkaiban", "caizheng", "jiaoyu", "xinhui"])}
    if len(units) < 3 or len(users) < 4 or AnnualReport.objects.filter(unit__in=units.values()).exists():
        return 0
    office = users["gongkaiban"]
    with transaction.atomic():
        _finance(units[FINANCE], year, users["caizheng"], office)
        _education(units[EDUCATION], year, users["jiaoyu"])
        _xinhui(units[XINHUI], year, users["xinhui"], office)
    return 3


def _write(report: AnnualReport, clerk: User, year: int) -> AnnualReport:
    overview = f"{OVERVIEW.format(year=year)}\n{report.overview}"
    return services.save_texts(report, overview=overview, problems=PROBLEMS, actor=clerk)


def _finance(unit: Unit, year: int, clerk: User, office: User) -> None:
    disclosed = _file(unit, PERSONS["li"], f"{year}年市本级“三公”经费预算明细", date(year, 3, 6))
    _reply(disclosed, "disclosed", date(year, 3, 20))
    partial = _file(unit, COMPANY, f"{year - 1}年市本级政府采购项目合同", date(year, 5, 12))
    _reply(partial, "partial", date(year, 6, 2))
    withheld = _file(unit, PERSONS["wang"], "预算编制过程中的内部讨论材料", date(year, 8, 4))
    _reply(withheld, "withheld.process_information", date(year, 8, 25))
    not_held = _file(unit, LAW_FIRM, "某企业的纳税明细", date(year, 10, 9))
    _reply(not_held, "unavailable.not_held", date(year, 10, 30))
    case = services.register_case(
        unit, kind="review", body="肇庆市人民政府", filed_on=date(year, 9, 15), case_number=f"肇府复〔{year}〕88号",
        request=withheld, actor=clerk,
    )  # fmt: skip
    services.record_case_result(case, result="upheld", decided_on=date(year, 11, 10), actor=clerk)
    report = services.open_report(unit, year, actor=clerk)
    services.enter_figures(unit, year, {"行政许可": Decimal(126), "行政处罚": Decimal(3), "行政事业性收费": Decimal("12.5")}, actor=clerk)
    report = _write(report, clerk, year)
    services.submit_report(report, actor=clerk)
    services.accept_report(report, actor=office)
    services.publish_report(report, actor=office)


def _education(unit: Unit, year: int, clerk: User) -> None:
    _reply(_file(unit, PERSONS["yang"], f"{year}年市区义务教育学位分配方案", date(year, 4, 8)), "disclosed", date(year, 4, 21))
    _reply(_file(unit, RESEARCH, "各县（市、区）学位供给统计", date(year, 6, 16)), "unavailable.needs_creation", date(year, 7, 7))
    _reply(_file(unit, PERSONS["huang"], "已答复过的招生材料", date(year, 9, 1)), "not_processed.repeated", date(year, 9, 12))
    report = _write(services.open_report(unit, year, actor=clerk), clerk, year)
    services.submit_report(report, actor=clerk)


def _xinhui(unit: Unit, year: int, clerk: User, office: User) -> None:
    before = year - 1
    _reply(_file(unit, PERSONS["zhao"], f"{before}年区政府常务会议纪要目录", date(before, 6, 3)), "disclosed", date(before, 6, 20))
    last = _write(services.open_report(unit, before, actor=clerk), clerk, before)
    services.submit_report(last, actor=clerk)
    services.accept_report(last, actor=office)
    services.publish_report(last, actor=office)
    # Registered after last year's report was published: counted as carried into this year.
    late = _file(unit, PERSONS["zhou"], "区属学校校舍改造项目资金安排", date(before, 12, 29), LATE_REASON)
    _reply(late, "disclosed", date(year, 1, 16))
    _reply(_file(unit, PERSONS["chen"], f"{year}年区级民生实事项目进展", date(year, 5, 19)), "disclosed", date(year, 6, 9))
    _write(services.open_report(unit, year, actor=clerk), clerk, year)
