"""Named fixture users per role and the units they belong to (STYLE.md habit 7)."""

from __future__ import annotations

from datetime import date

import pytest

FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
PASSWORD = "Gongkai-Test-2026"


def pytest_collection_modifyitems(config, items):
    """The cluster test (tests/cluster) starts its own servers and takes a minute: it runs only
    when asked for by its marker (``-m cluster``, its own step of scripts/test.sh)."""
    if "cluster" in (config.option.markexpr or ""):
        return
    kept = [item for item in items if item.get_closest_marker("cluster") is None]
    if len(kept) != len(items):
        config.hook.pytest_deselected(items=[item for item in items if item.get_closest_marker("cluster")])
        items[:] = kept


@pytest.fixture(autouse=True)
def _fast_password_hashing(request):
    """argon2 takes 0.2 s a hash: too slow for hundreds of tests. The pure rules' tests also run
    without pytest-django (``-p no:django``), where there are no settings to change."""
    if request.config.pluginmanager.hasplugin("django"):
        settings = request.getfixturevalue("settings")
        settings.PASSWORD_HASHERS = FAST_HASHERS
        # Test users sign in with their password alone unless they enrolled a second factor: the
        # tests of two-factor sign-in (tests/orgs/test_two_factor.py) set the production default.
        settings.GONGKAI_TWO_FACTOR_REQUIRED = ()


@pytest.fixture(autouse=True)
def _empty_cache(request):
    """Each test starts with an empty cache: the public pages kept by one (gongkai.pagecache) and
    the counters of rate limits must not reach the next, whose database starts anew."""
    if request.config.pluginmanager.hasplugin("django"):
        from django.core.cache import cache

        cache.clear()


@pytest.fixture
def city(db):
    from gongkai.orgs.models import Unit, UnitKind

    return Unit.objects.create(key="city", name="示范市人民政府", kind=UnitKind.CITY_GOV, org_code="11441200MB0000001A")


@pytest.fixture
def office_unit(city):
    from gongkai.orgs.models import Unit, UnitKind

    return Unit.objects.create(key="city-office", name="示范市人民政府办公室", kind=UnitKind.DEPARTMENT, parent=city)


@pytest.fixture
def unit_a(city):
    from gongkai.orgs.models import Unit, UnitCategory, UnitKind

    return Unit.objects.create(
        key="finance", name="示范市财政局", kind=UnitKind.DEPARTMENT, parent=city,
        category=UnitCategory.KEY_DEPARTMENT, org_code="11441200MB0000002B",
    )


@pytest.fixture
def unit_b(city):
    from gongkai.orgs.models import Unit, UnitCategory, UnitKind

    return Unit.objects.create(
        key="education", name="示范市教育局", kind=UnitKind.DEPARTMENT, parent=city,
        category=UnitCategory.KEY_DEPARTMENT, org_code="11441200MB0000003C",
    )


def make_user(username, unit, *roles, **extra):
    from gongkai.orgs.models import User, UserRole

    user = User.objects.create_user(username=username, password=PASSWORD, unit=unit, is_staff=True, **extra)
    for role in roles:
        UserRole.objects.create(user=user, role=role)
    return user


@pytest.fixture
def office_admin(office_unit):
    return make_user("admin", office_unit, "office_admin", full_name="公开办王主任", phone="0758-2222001")


@pytest.fixture
def clerk_a(unit_a):
    return make_user("clerk_a", unit_a, "clerk", full_name="财政局李经办", phone="13800138000")


@pytest.fixture
def reviewer_a(unit_a):
    return make_user("reviewer_a", unit_a, "reviewer", full_name="财政局张审核")


@pytest.fixture
def clerk_b(unit_b):
    return make_user("clerk_b", unit_b, "clerk", full_name="教育局赵经办", phone="13900139000")


@pytest.fixture
def evaluator(office_unit):
    return make_user("evaluator", None, "evaluator", full_name="第三方评估员")


@pytest.fixture
def freeze(settings):
    """``freeze(date(2026, 9, 28))``: that day is "today" for the clock and the services."""

    def to(day: date) -> date:
        settings.GONGKAI_FOI_TODAY = day.isoformat()
        return day

    return to


@pytest.fixture
def login(client):
    def as_user(user):
        client.force_login(user)
        return client

    return as_user


@pytest.fixture
def immediate_jobs():
    """Background tasks run at once in the caller, as if the worker picked them up instantly."""
    from huey.contrib.djhuey import HUEY

    HUEY.immediate = True
    yield HUEY
    HUEY.immediate = False


@pytest.fixture
def file_database(tmp_path):
    """Run the test against a SQLite *file*, as deployments do (WAL, IMMEDIATE transactions, busy
    timeout). Django's SQLite test database lives in shared-cache memory, where a second writer
    fails at once with "database table is locked" instead of waiting its turn, which says nothing
    about the application. On PostgreSQL this fixture changes nothing. Request it first.

    The file starts as a copy of the migrated test database (SQLite's backup API: instant, where
    migrating a new file takes seconds)."""
    import sqlite3

    from django.db import connection, connections

    if connection.vendor != "sqlite" or not connection.is_in_memory_db():
        yield
        return
    original, settings_dict = connections["default"], connections.settings["default"]
    memory_name = settings_dict["NAME"]
    path = tmp_path / "gongkai.sqlite3"
    original.ensure_connection()
    with sqlite3.connect(path) as target:
        original.connection.backup(target)
    target.close()
    settings_dict["NAME"] = str(path)
    connections["default"] = connections.create_connection("default")
    try:
        yield
    finally:
        connections["default"].close()
        settings_dict["NAME"] = memory_name
        connections["default"] = original
