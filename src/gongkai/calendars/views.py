"""The working calendar in the console: each year's holidays and make-up days, the office's
overrides, and the import of the State Council's yearly notice."""

from __future__ import annotations

from datetime import date, timedelta

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from gongkai.calendars import service
from gongkai.calendars.models import DayKind, Holiday, ScheduleYear
from gongkai.orgs.policy import policy
from gongkai.params import int_param
from gongkai.rules.holiday_notice import HolidayNoticeError, parse_holiday_notice

MAX_NOTICE_CHARS = 20_000
FIRST_YEAR, LAST_YEAR = 2000, 2100  # the years the calendar pages and forms accept


class DayForm(forms.Form):
    day = forms.DateField(label="日期", widget=forms.DateInput(attrs={"type": "date"}),
                          error_messages={"invalid": "请输入有效日期，如 2027-10-09。"})
    kind = forms.ChoiceField(label="类型", choices=DayKind.choices)
    name = forms.CharField(label="名称", max_length=50, required=False)
    source = forms.CharField(label="依据", max_length=200, required=False)

    def clean_day(self) -> date:
        try:
            return _calendar_day(self.cleaned_data["day"])
        except ValueError as error:
            raise forms.ValidationError(str(error)) from None


def _calendar_day(day: date) -> date:
    """``day`` if the calendar pages can show its year; ``ValueError`` otherwise."""
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise ValueError(f"日期应在 {FIRST_YEAR} 年至 {LAST_YEAR} 年之间，而不是 {day}。")
    return day


class NoticeForm(forms.Form):
    text = forms.CharField(label="通知原文", widget=forms.Textarea(attrs={"rows": 12}),
                           max_length=MAX_NOTICE_CHARS)
    year = forms.IntegerField(label="年份（可不填，从标题识别）", required=False,
                              min_value=FIRST_YEAR, max_value=LAST_YEAR)
    source = forms.CharField(label="依据", max_length=200, required=False,
                             help_text="如：国办发明电〔2026〕7号")


def _to_year(year: int) -> HttpResponse:
    return redirect(f"{reverse('calendars:index')}?year={year}")


def _year(request: HttpRequest) -> int:
    year = int_param(request.GET, "year", low=FIRST_YEAR, high=LAST_YEAR, default=timezone.localdate().year, label="年份")
    assert year is not None
    return year


@login_required
def index(request: HttpRequest) -> HttpResponse:
    year = _year(request)
    calendar = service.working_calendar()
    first, last = date(year, 1, 1), date(year, 12, 31)
    weekend_workdays = [
        first + timedelta(days=n) for n in range((last - first).days + 1)
        if (first + timedelta(days=n)).weekday() >= 5 and calendar.is_workday(first + timedelta(days=n))
    ]
    return render(request, "calendars/index.html", {
        "year": year,
        "years": range(max(2016, year - 3), year + 3),
        "confirmed": calendar.is_confirmed(year),
        "schedule": ScheduleYear.objects.filter(year=year).first(),
        "spans": calendar.holiday_spans(first, last),
        "weekend_workdays": weekend_workdays,
        "overrides": Holiday.objects.filter(day__year=year),
        "may_manage": policy.may_manage(request.user),
        "day_form": DayForm(),
    })


@login_required
@require_POST
def set_day(request: HttpRequest) -> HttpResponse:
    if not policy.may_manage(request.user):
        raise PermissionDenied("只有公开办管理员可以修改工作日历。")
    if request.POST.get("remove"):
        try:
            day = _calendar_day(date.fromisoformat(request.POST["remove"]))
        except ValueError:
            messages.error(request, f"日期无效：应为 {FIRST_YEAR} 至 {LAST_YEAR} 年间的日期，如 2027-10-09。")
            return redirect("calendars:index")
        service.remove_day(day)
        messages.success(request, f"已删除 {day} 的调整。")
        return _to_year(day.year)
    form = DayForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect("calendars:index")
    data = form.cleaned_data
    service.set_day(data["day"], data["kind"], data["name"], data["source"] or "公开办手工调整")
    messages.success(request, f"已保存 {data['day']}。")
    return _to_year(data["day"].year)


@login_required
def import_notice(request: HttpRequest) -> HttpResponse:
    if not policy.may_manage(request.user):
        raise PermissionDenied("只有公开办管理员可以导入放假通知。")
    form = NoticeForm(request.POST or None)
    notice, error = None, None
    if request.method == "POST" and form.is_valid():
        try:
            notice = parse_holiday_notice(form.cleaned_data["text"], form.cleaned_data["year"])
        except HolidayNoticeError as problem:
            error = str(problem)
        if notice is not None and request.POST.get("confirm") == "yes":
            source = form.cleaned_data["source"] or f"国务院办公厅关于{notice.year}年部分节假日安排的通知"
            service.confirm_notice(notice, source, form.cleaned_data["text"])
            messages.success(request, f"{notice.year} 年节假日安排已确认并生效。")
            return _to_year(notice.year)
    return render(request, "calendars/notice.html", {"form": form, "notice": notice, "error": error})
