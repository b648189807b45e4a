from __future__ import annotations

import json

import pytest

from gongkai.console.demo import DEMO_UNITS
from gongkai.orgs.models import Unit
from gongkai.orgs.registry import load_registry_data


@pytest.fixture
def registry(db):
    """The demo registry of 肇庆 and 新会 (the units the seed notices name)."""
    load_registry_data(json.loads(DEMO_UNITS.read_text(encoding="utf-8")))
    return Unit.objects


@pytest.fixture
def zhaoqing(registry):
    return Unit.objects.get(name="肇庆市人民政府")


@pytest.fixture
def admin_zq(registry):
    from tests.conftest import make_user

    return make_user("office", Unit.objects.get(name="肇庆市人民政府办公室"), "office_admin", full_name="公开办")


@pytest.fixture
def clerk_zq(registry):
    from tests.conftest import make_user

    return make_user("finance_clerk", Unit.objects.get(name="肇庆市财政局"), "clerk", full_name="财政局经办")


@pytest.fixture
def plan_000(zhaoqing):
    """Seed 000 (肇庆 2016), imported as it is and published: every item assigned to its units."""
    from gongkai.console.demo import SEEDS
    from gongkai.plans import services
    from gongkai.plans.parsing import parse_path

    name = "000_f587d089185122da.txt"
    plan = services.create_plan(parse_path(SEEDS / name, name), issuer_unit=zhaoqing, source_name=name)
    return services.publish_plan(plan)
