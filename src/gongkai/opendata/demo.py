"""Demo open data for ``make run``: 肇庆市财政局's table uploaded as .xlsx and published, the
platform's own monthly record counts published by the office, a draft waiting in 市教育局, and the
demo year's opening plan (one entry opened on time, one late, one ahead). Loaded once."""

from __future__ import annotations

import io
from datetime import date

from django.db import transaction
from openpyxl import Workbook

from gongkai.foi import dates
from gongkai.opendata import services
from gongkai.opendata.models import Dataset, Source
from gongkai.orgs.models import Unit
from gongkai.orgs.policy import SYSTEM

FINANCE = "肇庆市财政局"
EDUCATION = "肇庆市教育局"
OFFICE = "肇庆市人民政府办公室"
BUDGET_HEADER = ["部门", "年度", "一般公共预算支出（万元）", "三公经费（万元）", "公开日期"]
BUDGET_ROWS = [
    ["肇庆市财政局", 2026, 5230.5, 41.2, "2026-02-10"],
    ["肇庆市教育局", 2026, 86400, 35.8, "2026-02-12"],
    ["肇庆市民政局", 2026, 21870.25, 18.6, "2026-02-12"],
    ["肇庆市交通运输局", 2026, 30215, 52.4, "2026-02-14"],
    ["肇庆市卫生和计划生育局", 2026, 44980, 27.3, "2026-02-15"],
]


def budget_workbook() -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(BUDGET_HEADER)
    for row in BUDGET_ROWS:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@transaction.atomic
def load_demo_opendata() -> int:
    units = {unit.name: unit for unit in Unit.objects.filter(name__in=[FINANCE, EDUCATION, OFFICE])}
    if Dataset.objects.exists() or len(units) < 3:
        return 0
    budget = services.create_dataset(units[FINANCE], {
        "title": "市级部门预算支出公开情况", "description": "市级部门年度一般公共预算支出和“三公”经费预算。",
        "theme": "finance", "frequency": "annual", "licence": "open", "keywords": "预算、三公经费", "source": Source.UPLOAD,
    }, actor=SYSTEM)
    services.upload_version(budget, "市级部门预算支出.xlsx", budget_workbook(), actor=SYSTEM)
    services.submit_dataset(budget, actor=SYSTEM)
    services.publish_dataset(budget, actor=SYSTEM)
    monthly = services.create_dataset(units[OFFICE], {
        "title": "各单位每月主动公开政府信息条数", "description": "由平台数据生成，每次下载时更新。",
        "theme": "government", "frequency": "monthly", "licence": "open", "keywords": "政务公开、主动公开",
        "source": Source.RECORDS_MONTHLY,
    }, actor=SYSTEM)
    services.submit_dataset(monthly, actor=SYSTEM)
    services.publish_dataset(monthly, actor=SYSTEM)
    schools = services.create_dataset(units[EDUCATION], {
        "title": "全市中小学校名录", "theme": "education", "frequency": "annual", "licence": "open",
        "keywords": "学校", "source": Source.UPLOAD,
    }, actor=SYSTEM)
    year = dates.today().year
    plan = [
        (FINANCE, "市级部门预算支出公开情况", "finance", date(year, 3, 31), budget),
        (OFFICE, "各单位每月主动公开政府信息条数", "government", date(year, 6, 30), monthly),
        (EDUCATION, "全市中小学校名录", "education", date(year, 1, 15), schools),
        (EDUCATION, "义务教育学校招生计划", "education", date(year, 12, 20), None),
    ]
    for unit_name, title, theme, planned_on, dataset in plan:
        services.add_plan_entry(units[unit_name], services.PlanEntryData(
            year=year, title=title, theme=theme, planned_on=planned_on, dataset=dataset,
        ), actor=SYSTEM)
    return 3
