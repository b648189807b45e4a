"""The working-day calendar as a service other government systems can call: the same calendar
(``calendars.service.working_calendar``: the official schedule with 调休 and the office's own
rows) as every deadline of the platform and ``gongkai calendar``."""

from __future__ import annotations

import datetime as dt
from datetime import date
from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from gongkai.api.schemas import AddWorkdaysOut, BetweenOut, WorkdayOut, answers
from gongkai.calendars.service import working_calendar

router = Router(tags=["工作日计算"])
FIRST, LAST = date(1949, 10, 1), date(2100, 12, 31)
MAX_DAYS = 3650


class DayParams(Schema):
    date: dt.date = Field(..., ge=FIRST, le=LAST, description="日期，YYYY-MM-DD（1949-10-01 至 2100-12-31）")


class AddParams(Schema):
    start: date = Field(..., ge=FIRST, le=LAST, description="起算日，YYYY-MM-DD；起算日本身不计入（民法典第二百零一条）")
    days: int = Field(..., ge=0, le=MAX_DAYS, description="工作日数，0 至 3650")


class BetweenParams(Schema):
    start: date = Field(..., ge=FIRST, le=LAST, description="起算日（不计入）")
    end: date = Field(..., ge=FIRST, le=LAST, description="截止日（计入）")


@router.get("/is-workday", response=answers(WorkdayOut), summary="某日是否工作日", operation_id="calendar_is_workday")
def is_workday(request: HttpRequest, params: Query[DayParams]) -> dict[str, Any]:
    calendar = working_calendar()
    day = params.date
    return {
        "date": day, "is_workday": calendar.is_workday(day), "holiday_name": calendar.holiday_name(day),
        "confirmed": not calendar.unconfirmed_years(day, day),
    }


@router.get("/add", response=answers(AddWorkdaysOut), summary="起算日之后第 N 个工作日", operation_id="calendar_add")
def add(request: HttpRequest, params: Query[AddParams]) -> dict[str, Any]:
    calendar = working_calendar()
    result = calendar.add_workdays(params.start, params.days)
    unconfirmed = calendar.unconfirmed_years(params.start, result)
    return {"start": params.start, "days": params.days, "result": result, "confirmed": not unconfirmed,
            "unconfirmed_years": unconfirmed}


@router.get("/between", response=answers(BetweenOut), summary="两个日期之间的工作日数", operation_id="calendar_between")
def between(request: HttpRequest, params: Query[BetweenParams]) -> dict[str, Any]:
    calendar = working_calendar()
    unconfirmed = calendar.unconfirmed_years(params.start, max(params.start, params.end))
    return {"start": params.start, "end": params.end, "workdays": calendar.workdays_between(params.start, params.end),
            "confirmed": not unconfirmed, "unconfirmed_years": unconfirmed}
