"""The office checks a report written outside the platform by uploading it: the same reader and
rules as ``gongkai report check``; nothing stored; only the office."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from gongkai.audit.models import AuditEntry
from tests.rules.annualreport_files import WRITERS, report_parts
from tests.rules.annualreport_tables import changed, tables

pytestmark = pytest.mark.django_db


def _upload(client, name: str, content: bytes, **extra):
    return client.post("/console/reports/check/", {"file": SimpleUploadedFile(name, content), **extra})


def test_the_office_sees_the_violations_of_an_uploaded_report(login, office_admin):
    content = WRITERS["xlsx"](report_parts(tables(rows=changed("三(三)4", 0, 2))))
    response = _upload(login(office_admin), "某局年报.xlsx", content)
    page = response.content.decode()
    assert response.status_code == 200
    assert "某某市某某局 2024 年度（2021 年格式）" in page
    assert "发现 2 处数据不一致" in page and "三(三)4：总计 1 ≠ 自然人" in page
    assert not AuditEntry.objects.exists()


def test_it_checks_the_carry_over_against_an_uploaded_previous_report(login, office_admin):
    last_year = SimpleUploadedFile("上年.html", WRITERS["html"](report_parts(tables(rows=changed("四", 0, 3)))))
    response = _upload(login(office_admin), "年报.docx", WRITERS["docx"](report_parts(tables())), previous=last_year)
    assert "本年 二、上年结转 1 ≠ 上年 四、结转下年度继续办理 3" in response.content.decode()


def test_it_says_why_a_file_cannot_be_read(login, office_admin):
    response = _upload(login(office_admin), "扫描件.doc", b"\xd0\xcf\x11\xe0")
    assert response.status_code == 400
    assert "扫描件.doc：不能读取此类文件（.doc）" in response.content.decode()


@pytest.mark.parametrize("who", ["clerk_a", "reviewer_a"])
def test_a_unit_may_not_use_the_office_check(request, login, who):
    client = login(request.getfixturevalue(who))
    assert client.get("/console/reports/check/").status_code == 403
    assert _upload(client, "年报.txt", "2024年政府信息公开工作年度报告".encode()).status_code == 403
