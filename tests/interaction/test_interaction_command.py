"""`gongkai interaction due` (CONTRACTS.md section 9), with the jurisdiction's limits."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def due(*args: str) -> dict:
    out = StringIO()
    call_command("interaction", "due", *args, "--json", stdout=out)
    return json.loads(out.getvalue())


def test_it_prints_the_reply_day_of_a_consultation_received_before_national_day():
    assert due("--kind", "咨询", "--at", "2026-09-30T20:30") == {
        "kind": "咨询", "at": "2026-09-30T20:30", "due": [{"what": "答复", "due": "2026-10-13"}]}


def test_it_prints_the_incident_marks_in_clock_hours():
    assert due("--kind", "舆情-重大", "--at", "2026-09-30T22:00")["due"] == [
        {"what": "发布权威信息", "due": "2026-10-01T03:00"}, {"what": "新闻发布会", "due": "2026-10-01T22:00"}]


def test_it_uses_the_jurisdictions_limits(settings):
    settings.GONGKAI_MESSAGE_LIMITS = "咨询=3"
    assert due("--kind", "咨询", "--at", "2026-09-30T20:30")["due"] == [{"what": "答复", "due": "2026-10-10"}]


def test_it_ends_bad_input_with_one_line_and_exit_2(capsys):
    with pytest.raises(SystemExit) as exit_info:
        call_command("interaction", "due", "--kind", "表扬", "--at", "2026-09-30T20:30")
    assert exit_info.value.code == 2
    assert "未知的类型" in capsys.readouterr().err


def test_it_stops_start_up_on_limits_out_of_bounds():
    from django.core.exceptions import ImproperlyConfigured

    from gongkai.config import env_message_limits

    assert env_message_limits("LIMITS", {"LIMITS": "咨询=3"}) == "咨询=3"
    with pytest.raises(ImproperlyConfigured, match="LIMITS: 咨询答复期限应为 1 至 60"):
        env_message_limits("LIMITS", {"LIMITS": "咨询=0"})
