"""A unit's people never see another unit's non-public objects: through the views and the admin,
tested both ways (own unit allowed, other unit refused)."""

from __future__ import annotations

import pytest

from gongkai.orgs.models import User
from gongkai.orgs.policy import Action, policy

pytestmark = pytest.mark.django_db


def test_it_shows_a_clerk_their_own_units_staff(login, clerk_a, reviewer_a, unit_a):
    response = login(clerk_a).get(f"/console/units/{unit_a.pk}/")
    assert response.status_code == 200
    assert "财政局张审核" in response.content.decode()


def test_it_hides_another_units_staff_from_a_clerk(login, clerk_a, clerk_b, unit_b):
    response = login(clerk_a).get(f"/console/units/{unit_b.pk}/")
    assert response.status_code == 404
    assert "13900139000" not in response.content.decode()


def test_it_lets_the_office_admin_see_every_unit(login, office_admin, clerk_b, unit_b):
    response = login(office_admin).get(f"/console/units/{unit_b.pk}/")
    assert response.status_code == 200
    assert "教育局赵经办" in response.content.decode()


def test_it_keeps_user_management_for_the_office_admin(login, clerk_a, office_admin):
    assert login(clerk_a).get("/console/users/").status_code == 403
    assert login(office_admin).get("/console/users/").status_code == 200


def test_it_scopes_the_admin_user_list_to_the_clerks_unit(login, clerk_a, reviewer_a, clerk_b):
    client = login(clerk_a)
    listing = client.get("/admin/orgs/user/")
    assert listing.status_code == 200
    text = listing.content.decode()
    assert "reviewer_a" in text
    assert "clerk_b" not in text
    # The other unit's user cannot be opened directly either, nor changed.
    other = client.get(f"/admin/orgs/user/{clerk_b.pk}/change/")
    assert other.status_code in (302, 403, 404)
    assert "13900139000" not in other.content.decode()


def test_it_lets_a_clerk_view_but_not_change_a_colleague_in_the_admin(login, clerk_a, reviewer_a):
    client = login(clerk_a)
    page = client.get(f"/admin/orgs/user/{reviewer_a.pk}/change/")
    assert page.status_code == 200
    response = client.post(f"/admin/orgs/user/{reviewer_a.pk}/change/", {"username": "hijack"})
    assert response.status_code == 403
    assert User.objects.get(pk=reviewer_a.pk).username == "reviewer_a"


def test_it_shows_the_office_admin_every_user_in_the_admin(login, office_admin, clerk_a, clerk_b):
    text = login(office_admin).get("/admin/orgs/user/").content.decode()
    assert "clerk_a" in text and "clerk_b" in text


def test_it_answers_the_policy_question_both_ways(clerk_a, clerk_b, reviewer_a, office_admin):
    assert policy.may(clerk_a, Action.VIEW, reviewer_a)
    assert not policy.may(clerk_b, Action.VIEW, reviewer_a)
    assert policy.may(clerk_a, Action.CHANGE, reviewer_a)
    assert not policy.may(reviewer_a, Action.CHANGE, clerk_a)  # reviewers review, clerks change
    assert policy.may(reviewer_a, Action.REVIEW, clerk_a)
    assert not policy.may(clerk_a, Action.REVIEW, reviewer_a)
    assert policy.may(office_admin, Action.CHANGE, clerk_b)


def test_it_shows_the_public_no_personal_data(client, clerk_a):
    from django.contrib.auth.models import AnonymousUser

    assert not policy.may(AnonymousUser(), Action.VIEW, clerk_a)
    assert list(policy.scope(AnonymousUser(), User.objects.all())) == []
    response = client.get("/console/units/")
    assert response.status_code == 302  # to the login page


def test_it_scopes_querysets_to_the_own_unit(clerk_a, reviewer_a, clerk_b, office_admin):
    visible = set(policy.scope(clerk_a, User.objects.all()).values_list("username", flat=True))
    assert visible == {"clerk_a", "reviewer_a"}
    assert policy.scope(office_admin, User.objects.all()).count() == 4


def test_it_refuses_an_inactive_user_everything(clerk_a, reviewer_a):
    clerk_a.is_active = False
    assert not policy.may(clerk_a, Action.VIEW, reviewer_a)
