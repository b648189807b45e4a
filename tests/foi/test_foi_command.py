"""`gongkai foi due` answers exactly as CONTRACTS.md section 3 says, from the holiday table."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from datetime import date

import pytest
from django.core.management import call_command

from gongkai.calendars import service
from gongkai.calendars.models import DayKind


def run(*args: str) -> tuple[list[str], str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("foi", "due", *args, stdout=out, stderr=err)
    return out.getvalue().strip().splitlines(), err.getvalue().strip()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("received", "due"),
    [
        ("2026-09-28", "2026-10-30"),  # counted day by day in tests/rules/test_foiclock.py
        ("2025-09-26", "2025-10-30"),
        ("2026-02-17", "2026-03-20"),
        ("2026-10-10", "2026-11-06"),
    ],
)
def test_it_prints_the_iso_due_date(received, due):
    lines, err = run("--received", received)
    assert lines == [due]
    assert err == ""


@pytest.mark.django_db
def test_it_explains_the_steps_after_the_date():
    lines, _ = run("--received", "2026-09-28", "--explain")
    assert lines == [
        "2026-10-30",
        "收到 2026-09-28（当天不计入）→ 第20个工作日 2026-10-30，其中跳过国庆节假期 10-01至10-07；"
        "10-10（周六）调休上班，计为工作日",
    ]


@pytest.mark.django_db
def test_it_restarts_from_the_amended_request():
    # After Monday 10-12: 10-13..16 (4); 10-19..23 (9); 10-26..30 (14); 11-02..06 (19); 11-09 (20).
    lines, _ = run("--received", "2026-09-28", "--amended", "2026-10-12", "--explain")
    assert lines[0] == "2026-11-09"
    assert "收到补正后的申请 2026-10-12，答复期限自该日起重新计算（第三十条）" in lines


@pytest.mark.django_db
def test_it_adds_an_approved_extension():
    # Normal due 10-30; ten more: 11-02..06 (5); 11-09..13 (10).
    lines, _ = run("--received", "2026-09-28", "--extension", "10", "--explain")
    assert lines[0] == "2026-11-13"
    assert "延期：经政府信息公开工作机构负责人同意延长答复期限10个工作日（第三十三条第二款）" in lines
    assert run("--received", "2026-09-28", "--extension", "0")[0] == ["2026-10-30"]


@pytest.mark.django_db
def test_it_leaves_out_the_working_days_inside_pauses():
    # 7 counted by 10-13; 10-14..10-20 paused (5 working days); 13 more: 10-21..23, 10-26..30,
    # 11-02..06 → 11-06. A second pause 11-02..11-03 moves it two working days: 11-10.
    assert run("--received", "2026-09-28", "--pause", "2026-10-14:2026-10-20")[0] == ["2026-11-06"]
    lines, _ = run(
        "--received", "2026-09-28", "--pause", "2026-10-14:2026-10-20",
        "--pause", "2026-11-02:2026-11-03", "--explain",
    )
    assert lines[0] == "2026-11-10"
    assert "暂停计算 2026-10-14至2026-10-20（含）：其间5个工作日不计入答复期限" in lines
    # A one-day pause FROM:TO with FROM == TO is allowed and inclusive.
    assert run("--received", "2026-09-28", "--pause", "2026-10-14:2026-10-14")[0] == ["2026-11-02"]


@pytest.mark.django_db
def test_it_combines_amendment_extension_and_pause():
    # From 10-12: 10-13 (1); paused 10-14..10-20; 10-21..23 (4); 10-26..30 (9); 11-02..06 (14);
    # 11-09..13 (19); 11-16 (20) = normal due; +5: 11-17..20 (4), 11-23 (5).
    lines, _ = run(
        "--received", "2026-09-28", "--amended", "2026-10-12", "--extension", "5",
        "--pause", "2026-10-14:2026-10-20",
    )
    assert lines == ["2026-11-23"]


@pytest.mark.django_db
def test_it_uses_the_holiday_table_like_gongkai_calendar():
    service.set_day(date(2026, 10, 12), DayKind.HOLIDAY, "地方假日", "测试")
    lines, _ = run("--received", "2026-09-28", "--explain")
    assert lines[0] == "2026-11-02"
    assert "跳过地方假日假期 10-11至10-12" in lines[1]  # with the Sunday before it


@pytest.mark.django_db
def test_it_warns_about_an_unconfirmed_year_on_stderr():
    lines, err = run("--received", "2026-12-20", "--explain")
    assert lines[0] == "2027-01-15"  # weekends only in 2027
    assert "2027 年的节假日安排尚未确认" in err
    assert lines[-1] == "2027年放假安排尚未确认，按周一至周五计算，结果为暂定"


# --- through the real entry point: exit codes and stderr ---------------------------------------


def _cli(tmp_path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key != "GONGKAI_DATABASE_URL"}
    return subprocess.run(
        [sys.executable, "-m", "gongkai.cli", "foi", "due", *args], capture_output=True, text=True,
        timeout=60, env={**env, "GONGKAI_VAR_DIR": str(tmp_path)},
    )


def test_it_answers_before_the_database_is_migrated(tmp_path):
    result = _cli(tmp_path, "--received", "2026-09-28", "--extension", "20", "--explain")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert lines[0] == "2026-11-27" and len(lines) == 4  # the date, the count, the extension (2)
    assert "数据库尚未初始化" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("--received", "2026-02-30"), "2026-02-30"),
        (("--received", "28/09/2026"), "28/09/2026"),
        (("--received", "2026-09-28", "--amended", "2026-13-01"), "2026-13-01"),
        (("--received", "2026-09-28", "--extension", "21"), "21"),
        (("--received", "2026-09-28", "--extension", "-1"), "-1"),
        (("--received", "2026-09-28", "--extension", "ten"), "ten"),
        (("--received", "2026-09-28", "--pause", "2026-10-20:2026-10-14"), "开始日期晚于结束日期"),
        (("--received", "2026-09-28", "--pause", "2026-10-14"), "FROM:TO"),
        (("--received", "2026-09-28", "--pause", "2026-10-14:"), "FROM:TO"),
        (("--received", "2026-09-28", "--pause", "2026-10-14:2026-10-20:2026-10-22"), "FROM:TO"),
        (("--received", "2026-09-28", "--pause", "2026-10-14:2026-10-32"), "2026-10-32"),
        (("--received", "2026-09-28", "--amended", "2026-09-27"), "早于收到申请日期"),
    ],
)
def test_it_refuses_bad_input_with_one_line_and_exit_2(tmp_path, args, fragment):
    result = _cli(tmp_path, *args)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = [line for line in result.stderr.splitlines() if not line.startswith("注意")]
    assert len(lines) == 1 and fragment in lines[0] and lines[0].startswith("gongkai: ")
    assert "Traceback" not in result.stderr


def test_it_refuses_a_date_beyond_the_calendar(tmp_path):
    result = _cli(tmp_path, "--received", "9999-12-20")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("gongkai: ")


@pytest.mark.parametrize(
    ("args", "fragment"),
    [((), "--received"), (("--received", "2026-09-28", "--bogus"), "--bogus")],
)
def test_it_reports_usage_mistakes_in_one_line(tmp_path, args, fragment):
    result = _cli(tmp_path, *args)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == [result.stderr.strip()]
    assert fragment in result.stderr


def test_it_still_prints_its_help(tmp_path):
    result = _cli(tmp_path, "--help")
    assert result.returncode == 0 and "--received" in result.stdout and "--pause" in result.stdout
