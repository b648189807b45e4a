"""The half-yearly public progress page (seed 000 item 20: 每半年向社会公开进展和完成情况以及存在问题
和下一步工作措施): generated from accepted reports only, reviewed by the office, then published."""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from gongkai.audit.models import AuditEntry
from gongkai.orgs.models import Unit
from gongkai.orgs.policy import SYSTEM
from gongkai.plans import disclosures, progress
from gongkai.plans.disclosures import NO_PROGRESS, combined_status
from gongkai.plans.models import Assignment, Period, Plan, ProgressDisclosure, ProgressReport
from tests.conftest import make_user

pytestmark = pytest.mark.django_db

FINANCE, REFORM = "肇庆市财政局", "肇庆市发展和改革局"


@pytest.fixture
def office(registry):
    """An office admin with a name that must never reach the public page."""
    return make_user("office_named", Unit.objects.get(name="肇庆市人民政府办公室"), "office_admin",
                     full_name="公开办张三丰")


@pytest.fixture
def finance_clerk(registry):
    return make_user("finance_named", Unit.objects.get(name=FINANCE), "clerk", full_name="财政局李四光")


def write(plan: Plan, number: str, unit: str, text: str, *, seq: int = 1, status: str = "in_progress",
          submit: bool = True, actor=SYSTEM, **fields: str) -> ProgressReport:
    """A unit's report on item ``number`` for its ``seq``-th period, handed in unless ``submit=False``."""
    item = plan.items.filter(number=number).order_by("order").first()
    assignment = Assignment.objects.get(item=item, unit__name=unit)
    period = Period.objects.get(item=item, seq=seq)
    data = {"status": status, "text": text, **fields}
    return progress.save_report(assignment, period, data, actor=actor, submit=submit)


def accepted(plan: Plan, number: str, unit: str, text: str, office, **kwargs) -> ProgressReport:
    report = write(plan, number, unit, text, **kwargs)
    return progress.accept_report(report, "验收意见：请补充佐证材料", actor=office)


def entry_for(disclosure: ProgressDisclosure, number: str) -> dict:
    return next(entry for entry in disclosure.entries if entry["number"] == number)


# -- generation ----------------------------------------------------------------------------------


def test_it_builds_one_entry_per_item_in_item_order(plan_000, office):
    disclosure = disclosures.generate_disclosure(plan_000, 2016, 1, actor=office)
    items = list(plan_000.items.order_by("order"))
    assert [entry["item_id"] for entry in disclosure.entries] == [item.pk for item in items]
    first = disclosure.entries[0]
    assert first["number"] == items[0].number and first["text"] == items[0].text
    assert first["section"] == items[0].section.title
    assert entry_for(disclosure, "8")["units"] == [FINANCE, REFORM]  # the coordinating lead first
    assert {entry["status_label"] for entry in disclosure.entries} == {NO_PROGRESS}
    assert disclosure.status == "draft" and "暂无经验收的进展 91 项" in disclosure.summary
    assert AuditEntry.objects.filter(action="plan_disclosure_generated", object_id=str(disclosure.pk)).exists()


def test_it_prefers_the_consolidated_report_of_the_coordinating_lead(plan_000, office):
    accepted(plan_000, "8", REFORM, "发改局配合推进PPP项目公开。", office)
    accepted(plan_000, "8", FINANCE, "已在财政部PPP综合信息平台公开项目信息。", office,
             problems="部分项目信息不完整。", next_steps="督促项目单位补充。")
    entry = entry_for(disclosures.generate_disclosure(plan_000, 2016, 1, actor=office), "8")
    assert entry["progress"] == "已在财政部PPP综合信息平台公开项目信息。"
    assert entry["problems"] == "部分项目信息不完整。" and entry["next_steps"] == "督促项目单位补充。"
    assert entry["status"] == "in_progress" and entry["status_label"] == "推进中"
    assert entry["as_of"] == "2016-06-30"


def test_it_combines_the_units_accepted_reports_without_a_consolidated_one(plan_000, office):
    accepted(plan_000, "1.1", "肇庆市鼎湖区人民政府", "鼎湖区已公开权责清单。", office, status="done")
    accepted(plan_000, "1.1", "肇庆市端州区人民政府", "端州区正在梳理。", office)
    write(plan_000, "1.1", "肇庆市机构编制委员会办公室", "编办汇总稿尚待验收。")
    entry = entry_for(disclosures.generate_disclosure(plan_000, 2016, 2, actor=office), "1.1")
    assert entry["progress"] == "【肇庆市端州区人民政府】端州区正在梳理。\n【肇庆市鼎湖区人民政府】鼎湖区已公开权责清单。"
    assert entry["status_label"] == "推进中" and "编办汇总稿" not in json.dumps(entry, ensure_ascii=False)


def test_it_shows_the_reason_of_a_delay_among_the_problems(plan_000, office):
    accepted(plan_000, "2.1", "肇庆市住房和城乡建设局", "已完成检查。", office, status="delayed",
             reason="省里的通报模板尚未下发。", problems="人手不足。")
    entry = entry_for(disclosures.generate_disclosure(plan_000, 2016, 2, actor=office), "2.1")
    assert entry["status_label"] == "无法按期完成"
    assert entry["problems"] == "不能按期完成的原因：省里的通报模板尚未下发。\n人手不足。"


def test_it_keeps_each_report_to_its_half(plan_000, office):
    accepted(plan_000, "8", FINANCE, "上半年已公开10个项目。", office, seq=1)
    accepted(plan_000, "8", FINANCE, "全年已公开25个项目。", office, seq=2, status="done")
    first = entry_for(disclosures.generate_disclosure(plan_000, 2016, 1, actor=office), "8")
    second = entry_for(disclosures.generate_disclosure(plan_000, 2016, 2, actor=office), "8")
    assert first["progress"] == "上半年已公开10个项目。" and first["as_of"] == "2016-06-30"
    assert second["progress"] == "全年已公开25个项目。" and second["status_label"] == "已完成"
    assert second["as_of"] == "2016-12-31"


def test_it_places_an_undated_report_by_the_day_it_was_handed_in(plan_000, office):
    report = accepted(plan_000, "10.1", FINANCE, "已在财政局网站公布税收政策文件。", office)
    ProgressReport.objects.filter(pk=report.pk).update(submitted_at=timezone.make_aware(datetime(2016, 5, 10, 9)))
    assert entry_for(disclosures.generate_disclosure(plan_000, 2016, 1, actor=office), "10.1")["as_of"] == "2016-05-10"
    # the second half still shows it, as of the day it was handed in
    later = entry_for(disclosures.generate_disclosure(plan_000, 2016, 2, actor=office), "10.1")
    assert later["as_of"] == "2016-05-10" and later["progress"] == "已在财政局网站公布税收政策文件。"
    ProgressReport.objects.filter(pk=report.pk).update(submitted_at=timezone.make_aware(datetime(2016, 8, 1, 9)))
    first_half = next(e for e in disclosures.build_entries(plan_000, 2016, 1) if e["number"] == "10.1")
    assert first_half["progress"] == ""  # handed in after June: not on the first half's page


@pytest.mark.parametrize(("statuses", "expected"), [
    (["done", "done"], "done"),
    (["done", "delayed"], "delayed"),
    (["done", "not_started"], "in_progress"),
    (["in_progress"], "in_progress"),
    (["not_started", "not_started"], "not_started"),
])
def test_it_combines_statuses(statuses, expected):
    assert combined_status(statuses) == expected


def test_it_refuses_a_second_page_for_the_same_half(plan_000, office):
    disclosures.generate_disclosure(plan_000, 2016, 1, actor=office)
    with pytest.raises(ValidationError, match="已经生成"):
        disclosures.generate_disclosure(plan_000, 2016, 1, actor=office)


@pytest.mark.parametrize(("year", "half", "message"), [(2030, 1, "年度 2030"), (2016, 3, "上半年或下半年")])
def test_it_refuses_a_half_that_does_not_fit(plan_000, office, year, half, message):
    with pytest.raises(ValidationError, match=message):
        disclosures.generate_disclosure(plan_000, year, half, actor=office)


def test_it_refuses_a_plan_not_yet_published(plan_000, office):
    Plan.objects.filter(pk=plan_000.pk).update(status="draft")
    plan_000.refresh_from_db()
    with pytest.raises(ValidationError, match="尚未发布"):
        disclosures.generate_disclosure(plan_000, 2016, 1, actor=office)


# -- the office's review -----------------------------------------------------------------------


def test_it_lets_the_office_edit_an_entry_and_the_summary(plan_000, office):
    disclosure = disclosures.generate_disclosure(plan_000, 2016, 1, actor=office)
    item_id = entry_for(disclosure, "8")["item_id"]
    disclosures.update_entry(disclosure, item_id, {"status": "done", "progress": " 已全部公开。 ",
                                                   "problems": "", "next_steps": "持续更新。"}, actor=office)
    disclosures.update_summary(disclosure, "上半年总体推进顺利。", actor=office)
    disclosure.refresh_from_db()
    entry = entry_for(disclosure, "8")
    assert (entry["status_label"], entry["progress"], entry["next_steps"]) == ("已完成", "已全部公开。", "持续更新。")
    assert disclosure.summary == "上半年总体推进顺利。"
    assert AuditEntry.objects.get(action="plan_disclosure_entry_edited").after["progress"] == "已全部公开。"


@pytest.mark.parametrize(("changes", "message"), [
    ({"progress": "字" * 10_001}, "进展情况不能超过"),
    ({"next_steps": "字" * 10_001}, "下一步工作措施不能超过"),
    ({"status": "finished"}, "推进状态"),
])
def test_it_bounds_the_offices_edits(plan_000, office, changes, message):
    disclosure = disclosures.generate_disclosure(plan_000, 2016, 1, actor=office)
    with pytest.raises(ValidationError, match=message):
        disclosures.update_entry(disclosure, disclosure.entries[0]["item_id"], changes, actor=office)
    with pytest.raises(ValidationError, match="总体情况不能超过"):
        disclosures.update_summary(disclosure, "字" * 5_001, actor=office)
    with pytest.raises(ValidationError, match="不在本期"):
        disclosures.update_entry(disclosure, 0, {"progress": "x"}, actor=office)


def test_it_regenerates_only_while_draft(plan_000, office):
    disclosure = disclosures.generate_disclosure(plan_000, 2016, 1, actor=office)
    accepted(plan_000, "8", FINANCE, "后来验收的进展。", office)
    disclosures.regenerate_disclosure(disclosure, actor=office)
    disclosure.refresh_from_db()
    assert entry_for(disclosure, "8")["progress"] == "后来验收的进展。"
    disclosures.publish_disclosure(disclosure, actor=office)
    item_id = disclosure.entries[0]["item_id"]
    for change in (
        lambda: disclosures.regenerate_disclosure(disclosure, actor=office),
        lambda: disclosures.update_entry(disclosure, item_id, {"progress": "改"}, actor=office),
        lambda: disclosures.update_summary(disclosure, "改", actor=office),
        lambda: disclosures.publish_disclosure(disclosure, actor=office),
    ):
        with pytest.raises(ValidationError):
            change()


def test_it_publishes_with_an_audit_entry(plan_000, office):
    disclosure = disclosures.publish_disclosure(disclosures.generate_disclosure(plan_000, 2016, 1, actor=office),
                                                actor=office)
    disclosure.refresh_from_db()
    assert disclosure.status == "published" and disclosure.published_by == office and disclosure.published_at
    assert AuditEntry.objects.filter(action="plan_disclosure_published", object_id=str(disclosure.pk)).exists()


def test_it_refuses_a_unit_user_every_step(plan_000, office, clerk_zq):
    with pytest.raises(PermissionDenied):
        disclosures.generate_disclosure(plan_000, 2016, 1, actor=clerk_zq)
    disclosure = disclosures.generate_disclosure(plan_000, 2016, 1, actor=office)
    item_id = disclosure.entries[0]["item_id"]
    for change in (
        lambda: disclosures.regenerate_disclosure(disclosure, actor=clerk_zq),
        lambda: disclosures.update_entry(disclosure, item_id, {"progress": "单位自己改"}, actor=clerk_zq),
        lambda: disclosures.update_summary(disclosure, "单位自己改", actor=clerk_zq),
        lambda: disclosures.publish_disclosure(disclosure, actor=clerk_zq),
    ):
        with pytest.raises(PermissionDenied):
            change()
    disclosure.refresh_from_db()
    assert disclosure.status == "draft" and "单位自己改" not in json.dumps(disclosure.entries, ensure_ascii=False)


# -- what the public sees ----------------------------------------------------------------------


def test_it_never_shows_unaccepted_text_comments_or_names(plan_000, office, finance_clerk, client):
    write(plan_000, "2.1", "肇庆市住房和城乡建设局", "住建局待验收的进展。")
    write(plan_000, "2.2", "肇庆市质量技术监督局", "质监局还在写的草稿。", submit=False)
    returned = write(plan_000, "2.5", "肇庆市质量技术监督局", "质监局被退回的进展。")
    progress.return_report(returned, "退回意见：数据有误", actor=office)
    accepted(plan_000, "8", FINANCE, "财政局经验收的进展。", office, actor=finance_clerk)
    disclosure = disclosures.publish_disclosure(disclosures.generate_disclosure(plan_000, 2016, 1, actor=office),
                                                actor=office)
    html = client.get(reverse("plans:public_progress", args=[plan_000.pk, disclosure.pk])).content.decode()
    stored = json.dumps(disclosure.entries, ensure_ascii=False) + disclosure.summary
    assert "财政局经验收的进展。" in html
    for secret in ("住建局待验收", "质监局还在写", "质监局被退回", "退回意见", "验收意见", "张三丰", "李四光"):
        assert secret not in html and secret not in stored
    for number in ("2.1", "2.2", "2.5"):
        assert entry_for(disclosure, number)["status_label"] == NO_PROGRESS


def test_it_hides_a_draft_from_everyone_on_the_portal(plan_000, office, clerk_zq, client, login):
    accepted(plan_000, "8", FINANCE, "草稿期间不公开的进展。", office)
    disclosure = disclosures.generate_disclosure(plan_000, 2016, 1, actor=office)
    url = reverse("plans:public_progress", args=[plan_000.pk, disclosure.pk])
    assert client.get(url).status_code == 404
    assert "草稿期间" not in client.get(reverse("plans:public_detail", args=[plan_000.pk])).content.decode()
    assert login(clerk_zq).get(url).status_code == 404
    assert login(office).get(url).status_code == 404  # the office previews it in the console


def test_it_links_the_published_halves_from_the_public_plan_page(plan_000, office, client):
    first = disclosures.publish_disclosure(disclosures.generate_disclosure(plan_000, 2016, 1, actor=office),
                                           actor=office)
    draft = disclosures.generate_disclosure(plan_000, 2016, 2, actor=office)
    html = client.get(reverse("plans:public_detail", args=[plan_000.pk])).content.decode()
    assert reverse("plans:public_progress", args=[plan_000.pk, first.pk]) in html
    assert "2016年上半年进展和完成情况" in html
    assert reverse("plans:public_progress", args=[plan_000.pk, draft.pk]) not in html
    page = client.get(reverse("plans:public_progress", args=[plan_000.pk, first.pk]))
    assert page.status_code == 200 and "2016年上半年" in page.content.decode()


def test_it_finds_no_page_under_another_plans_address(plan_000, office, client):
    disclosure = disclosures.publish_disclosure(disclosures.generate_disclosure(plan_000, 2016, 1, actor=office),
                                                actor=office)
    assert client.get(reverse("plans:public_progress", args=[plan_000.pk + 1, disclosure.pk])).status_code == 404


# -- the console -------------------------------------------------------------------------------


def test_it_lets_the_office_generate_edit_and_publish_in_the_console(plan_000, office, login):
    client = login(office)
    listing = reverse("plans:disclosures", args=[plan_000.pk])
    assert client.get(listing).status_code == 200
    response = client.post(listing, {"year": "2016", "half": "1"})
    disclosure = ProgressDisclosure.objects.get(plan=plan_000, year=2016, half=1)
    assert response.status_code == 302 and response["Location"] == reverse(
        "plans:disclosure", args=[plan_000.pk, disclosure.pk])
    item_id = entry_for(disclosure, "8")["item_id"]
    edit = reverse("plans:disclosure_entry", args=[plan_000.pk, disclosure.pk, item_id])
    assert client.get(edit).status_code == 200
    client.post(edit, {"status": "done", "progress": "公开办核定的进展。", "problems": "", "next_steps": ""})
    client.post(reverse("plans:disclosure", args=[plan_000.pk, disclosure.pk]), {"summary": "上半年总体顺利。"})
    review = client.get(reverse("plans:disclosure", args=[plan_000.pk, disclosure.pk])).content.decode()
    assert "公开办核定的进展。" in review and "上半年总体顺利。" in review
    response = client.post(reverse("plans:disclosure_publish", args=[plan_000.pk, disclosure.pk]))
    assert response["Location"] == reverse("plans:public_progress", args=[plan_000.pk, disclosure.pk])
    public = client.get(response["Location"]).content.decode()
    assert "公开办核定的进展。" in public and "上半年总体顺利。" in public


def test_it_refuses_the_console_pages_to_a_unit_user(plan_000, office, clerk_zq, login):
    disclosure = disclosures.generate_disclosure(plan_000, 2016, 1, actor=office)
    item_id = disclosure.entries[0]["item_id"]
    client = login(clerk_zq)
    args = [plan_000.pk, disclosure.pk]
    for url in (reverse("plans:disclosures", args=[plan_000.pk]), reverse("plans:disclosure", args=args),
                reverse("plans:disclosure_entry", args=[*args, item_id])):
        assert client.get(url).status_code == 403
    assert client.post(reverse("plans:disclosures", args=[plan_000.pk]), {"year": "2016", "half": "2"}).status_code == 403
    assert client.post(reverse("plans:disclosure_publish", args=args)).status_code == 403
    assert client.post(reverse("plans:disclosure_regenerate", args=args)).status_code == 403
    disclosure.refresh_from_db()
    assert disclosure.status == "draft" and ProgressDisclosure.objects.count() == 1


def test_it_shows_a_refusal_as_a_message(plan_000, office, login):
    disclosure = disclosures.publish_disclosure(disclosures.generate_disclosure(plan_000, 2016, 1, actor=office),
                                                actor=office)
    response = login(office).post(reverse("plans:disclosure_regenerate", args=[plan_000.pk, disclosure.pk]),
                                  follow=True)
    assert "已公开的进展情况不能重新生成" in response.content.decode()
