"""In-app notices (站内通知) and the unit's 政务公开联络员: a user sees and marks only their own
notices; only the office names a liaison, and only a working account of that unit."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from gongkai.audit.models import AuditEntry
from gongkai.orgs import services
from gongkai.orgs.models import Notice, Unit
from gongkai.orgs.notices import Message, notify
from tests.conftest import make_user


@pytest.fixture
def inbox(clerk_a, clerk_b):
    """Two unread notices and one read for 财政局's clerk, one for 教育局's."""
    notify([
        (clerk_a, Message("【政务公开任务提醒】第3项任务还有5个工作日到期", "请按时报送。", "/console/plans/inbox/")),
        (clerk_a, Message("进展报告已退回", "请修改后重新报送。")),
        (clerk_a, Message("旧通知")),
        (clerk_b, Message("教育局的提醒")),
    ])  # fmt: skip
    Notice.objects.filter(title="旧通知").update(read_at="2026-09-01T08:00:00+08:00")
    return Notice.objects


def test_it_lists_only_the_users_own_notices_unread_first(login, clerk_a, inbox):
    response = login(clerk_a).get(reverse("orgs:notices"))
    assert response.status_code == 200
    titles = [notice.title for notice in response.context["page"]]
    assert titles[-1] == "旧通知" and len(titles) == 3
    assert "教育局的提醒" not in response.content.decode()
    assert response.context["unread"] == 2


def test_it_shows_the_unread_count_in_the_console_header(login, clerk_a, inbox):
    client = login(clerk_a)
    response = client.get(reverse("console:home"))
    html = response.content.decode()
    assert reverse("orgs:notices") in html
    assert "（2<span class=\"visually-hidden\"> 条未读</span>）" in html


def test_it_shows_no_count_when_all_are_read(login, clerk_b):
    html = login(clerk_b).get(reverse("console:home")).content.decode()
    assert "条未读" not in html
    assert reverse("orgs:notices") in html


def test_it_marks_a_notice_read_when_opened_and_follows_its_link(login, clerk_a, inbox):
    notice = Notice.objects.get(title__startswith="【政务公开任务提醒】")
    response = login(clerk_a).get(reverse("orgs:notice_open", args=[notice.pk]))
    assert response.status_code == 302 and response["Location"] == "/console/plans/inbox/"
    notice.refresh_from_db()
    assert notice.read_at is not None


def test_it_does_not_follow_a_link_off_the_site(login, clerk_a):
    [notice] = notify([(clerk_a, Message("外部链接", url="https://evil.example.com/"))])
    response = login(clerk_a).get(reverse("orgs:notice_open", args=[notice.pk]))
    assert response["Location"] == reverse("orgs:notices")


def test_it_marks_one_notice_read(login, clerk_a, inbox):
    notice = Notice.objects.get(title="进展报告已退回")
    response = login(clerk_a).post(reverse("orgs:notice_read", args=[notice.pk]))
    assert response.status_code == 302
    notice.refresh_from_db()
    assert notice.read_at is not None


def test_it_marks_all_read(login, clerk_a, inbox):
    response = login(clerk_a).post(reverse("orgs:notices_read_all"), follow=True)
    assert "已将 2 条通知标为已读" in response.content.decode()
    assert not Notice.objects.filter(user=clerk_a, read_at__isnull=True).exists()
    assert Notice.objects.filter(user__username="clerk_b", read_at__isnull=True).count() == 1


def test_it_hides_another_users_notice(login, clerk_a, inbox):
    other = Notice.objects.get(title="教育局的提醒")
    client = login(clerk_a)
    assert client.post(reverse("orgs:notice_read", args=[other.pk])).status_code == 404
    assert client.get(reverse("orgs:notice_open", args=[other.pk])).status_code == 404
    other.refresh_from_db()
    assert other.read_at is None


def test_it_hides_another_users_notice_even_from_the_office(login, office_admin, inbox):
    other = Notice.objects.get(title="教育局的提醒")
    assert login(office_admin).post(reverse("orgs:notice_read", args=[other.pk])).status_code == 404


def test_it_refuses_marking_read_by_get(login, clerk_a, inbox):
    notice = Notice.objects.get(title="进展报告已退回")
    assert login(clerk_a).get(reverse("orgs:notice_read", args=[notice.pk])).status_code == 405
    assert login(clerk_a).get(reverse("orgs:notices_read_all")).status_code == 405


def test_it_sends_anonymous_visitors_to_login(client):
    response = client.get(reverse("orgs:notices"))
    assert response.status_code == 302 and reverse("orgs:login") in response["Location"]


# -- the liaison -----------------------------------------------------------------------------


def test_the_office_names_a_liaison_of_the_unit(login, office_admin, clerk_a, unit_a):
    response = login(office_admin).post(
        reverse("orgs:unit_liaison", args=[unit_a.pk]), {"liaison": clerk_a.pk}, follow=True
    )
    assert "已指定财政局李经办为政务公开联络员" in response.content.decode()
    unit_a.refresh_from_db()
    assert unit_a.liaison == clerk_a
    entry = AuditEntry.objects.get(action="unit_liaison_set")
    assert (entry.before, entry.after) == ({"liaison": None}, {"liaison": "clerk_a"})


def test_the_office_clears_the_liaison(login, office_admin, clerk_a, unit_a):
    services.set_liaison(unit_a, clerk_a, actor=office_admin)
    response = login(office_admin).post(reverse("orgs:unit_liaison", args=[unit_a.pk]), {"liaison": ""}, follow=True)
    assert "任务提醒将发给本单位全部经办人" in response.content.decode()
    unit_a.refresh_from_db()
    assert unit_a.liaison is None


def test_it_refuses_a_user_of_another_unit(login, office_admin, clerk_b, unit_a):
    response = login(office_admin).post(
        reverse("orgs:unit_liaison", args=[unit_a.pk]), {"liaison": clerk_b.pk}, follow=True
    )
    html = response.content.decode()
    assert "教育局赵经办是示范市教育局的工作人员，不能担任示范市财政局的联络员" in html
    unit_a.refresh_from_db()
    assert unit_a.liaison is None
    assert not AuditEntry.objects.filter(action="unit_liaison_set").exists()


def test_it_refuses_an_inactive_or_roleless_account(office_admin, unit_a):
    gone = make_user("gone", unit_a, "clerk", is_active=False)
    nobody = make_user("nobody", unit_a)
    with pytest.raises(ValidationError, match="已停用"):
        services.set_liaison(unit_a, gone, actor=office_admin)
    with pytest.raises(ValidationError, match="还没有任何角色"):
        services.set_liaison(unit_a, nobody, actor=office_admin)


def test_it_refuses_a_user_that_does_not_exist(login, office_admin, unit_a):
    response = login(office_admin).post(reverse("orgs:unit_liaison", args=[unit_a.pk]), {"liaison": "99999"}, follow=True)
    assert "所选用户不存在" in response.content.decode()


def test_only_the_office_names_a_liaison(login, clerk_a, reviewer_a, unit_a):
    response = login(clerk_a).post(reverse("orgs:unit_liaison", args=[unit_a.pk]), {"liaison": clerk_a.pk})
    assert response.status_code == 403
    with pytest.raises(PermissionDenied):
        services.set_liaison(unit_a, clerk_a, actor=reviewer_a)
    assert Unit.objects.get(pk=unit_a.pk).liaison is None


def test_the_unit_page_shows_the_liaison_and_the_office_form(login, office_admin, clerk_a, unit_a):
    services.set_liaison(unit_a, clerk_a, actor=office_admin)
    html = login(office_admin).get(reverse("orgs:unit_detail", args=[unit_a.pk])).content.decode()
    assert "政务公开联络员" in html and "财政局李经办（13800138000）" in html
    assert reverse("orgs:unit_liaison", args=[unit_a.pk]) in html


def test_the_unit_page_shows_no_form_to_the_units_clerk(login, clerk_a, unit_a):
    html = login(clerk_a).get(reverse("orgs:unit_detail", args=[unit_a.pk])).content.decode()
    assert "未指定（任务提醒发给本单位全部经办人）" in html
    assert reverse("orgs:unit_liaison", args=[unit_a.pk]) not in html


def test_setting_the_same_liaison_again_changes_nothing(office_admin, clerk_a, unit_a):
    services.set_liaison(unit_a, clerk_a, actor=office_admin)
    services.set_liaison(unit_a, clerk_a, actor=office_admin)
    assert AuditEntry.objects.filter(action="unit_liaison_set").count() == 1
