"""`gongkai calendar` answers exactly as CONTRACTS.md section 2 says, from the holiday table."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from datetime import date

import pytest
from django.core.management import call_command

from gongkai.audit.models import AuditEntry
from gongkai.calendars import service
from gongkai.calendars.models import DayKind, Holiday, ScheduleYear

pytestmark = pytest.mark.django_db

NOTICE_2027 = """国务院办公厅关于2027年部分节假日安排的通知
一、元旦：1月1日（周五）至3日（周日）放假，共3天。
二、春节：2月6日（农历除夕、周六）至13日（农历正月初七、周六）放假调休，共8天。2月14日（周日）上班。
三、清明节：4月3日（周六）至5日（周一）放假，共3天。
四、劳动节：5月1日（周六）至5日（周三）放假调休，共5天。4月25日（周日）、5月8日（周六）上班。
五、端午节：6月9日（周三）放假，共1天。
六、中秋节：9月15日（周三）放假，共1天。
七、国庆节：10月1日（周五）至7日（周四）放假调休，共7天。9月26日（周日）、10月9日（周六）上班。
"""


def run(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("calendar", *args, stdout=out, stderr=err)
    return out.getvalue().strip(), err.getvalue().strip()


def test_it_answers_is_workday_for_a_make_up_saturday():
    assert run("is-workday", "2026-10-10")[0] == "true"  # 国庆调休上班
    assert run("is-workday", "2026-10-01")[0] == "false"
    assert run("is-workday", "2026-10-12")[0] == "true"


def test_it_adds_working_days_across_national_day():
    # 2026-09-28 (Mon) → 09-29, 09-30 (2), 10-01..07 holiday, 10-08, 10-09 (4), 10-10 Sat make-up (5),
    # 10-12..16 (10), 10-19..23 (15), 10-26..30 (20): the 20th working day is Friday 2026-10-30.
    assert run("add", "2026-09-28", "20")[0] == "2026-10-30"


def test_it_counts_working_days_between():
    # After 09-28 up to and including 11-02: the 20 days above plus Monday 11-02.
    assert run("between", "2026-09-28", "2026-11-02")[0] == "21"


def test_it_lets_the_holiday_table_override_the_package():
    service.set_day(date(2026, 10, 12), DayKind.HOLIDAY, "地方假日", "测试")
    assert run("is-workday", "2026-10-12")[0] == "false"
    assert run("add", "2026-09-28", "20")[0] == "2026-11-02"
    assert AuditEntry.objects.filter(action="calendar_day_set").count() == 1


def test_it_warns_about_an_unconfirmed_year_on_stderr():
    out, err = run("add", "2026-12-10", "20")
    assert out == "2027-01-07"  # weekends only: 12-11 … provisional
    assert "2027 年的节假日安排尚未确认" in err


def test_it_imports_the_state_council_notice(tmp_path):
    notice = tmp_path / "notice.txt"
    notice.write_text(NOTICE_2027, encoding="gb18030")
    out, _ = run("import-notice", str(notice))
    assert "未写入" in out and not Holiday.objects.exists()
    out, _ = run("import-notice", str(notice), "--confirm")
    assert "已写入" in out
    assert ScheduleYear.objects.filter(year=2027).exists()
    assert run("is-workday", "2027-10-09")[0] == "true"  # a make-up Saturday of the notice
    assert run("is-workday", "2027-02-08")[0] == "false"  # 春节
    _, err = run("add", "2026-12-10", "20")
    assert "尚未确认" not in err


def test_it_sends_calendar_changed_after_commit(django_capture_on_commit_callbacks):
    received = []

    def listen(sender, years, **kwargs):
        received.append(years)

    service.calendar_changed.connect(listen)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            service.set_day(date(2026, 10, 12), DayKind.HOLIDAY)
    finally:
        service.calendar_changed.disconnect(listen)
    assert received == [frozenset({2026})]


def _cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "gongkai.cli", *args], capture_output=True, text=True, timeout=60,
        env={**os.environ, **(env or {})},
    )


@pytest.mark.parametrize(
    ("args", "fragment"),
    [(("add", "2026-02-30", "20"), "2026-02-30"), (("add", "2026-09-28", "-3"), "-3"),
     (("between", "yesterday", "2026-01-01"), "yesterday")],
)
def test_it_refuses_bad_input_with_one_line_and_exit_2(args, fragment, tmp_path):
    result = _cli("calendar", *args, env={"GONGKAI_VAR_DIR": str(tmp_path)})
    assert result.returncode == 2
    lines = [line for line in result.stderr.splitlines() if not line.startswith("注意")]
    assert len(lines) == 1 and fragment in lines[0] and "Traceback" not in result.stderr


def test_it_answers_even_before_the_database_is_migrated(tmp_path):
    result = _cli("calendar", "add", "2026-09-28", "20", env={"GONGKAI_VAR_DIR": str(tmp_path)})
    assert result.returncode == 0
    assert result.stdout.strip() == "2026-10-30"
