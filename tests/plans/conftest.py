from __future__ import annotations

import json

import pytest

from gongkai.console.demo import DEMO_UNITS
from gongkai.orgs.models import Unit
from gongkai.orgs.policy import SYSTEM
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
    plan = services.create_plan(parse_path(SEEDS / name, name), issuer_unit=zhaoqing, source_name=name, actor=SYSTEM)
    return services.publish_plan(plan, actor=SYSTEM)


SMALL_PLAN = {
    "title": "示范市2026年政务公开工作要点分工方案",
    "doc_number": "示府办〔2026〕3号",
    "issued_on": "2026-03-02",
    "year": 2026,
    "items": [
        {"number": "1", "section": ["推进财政信息公开"], "text": "细化部门预决算公开，按经济分类公开到款级科目。",
         "lead_units": ["示范市财政局"], "units": ["示范市财政局", "示范市教育局"],
         "deadline": {"raw": "每季度", "date": None, "recurrence": "quarterly", "inherited": False}},
        {"number": "2", "section": ["推进教育信息公开"], "text": "公开义务教育招生范围和招生结果。",
         "lead_units": ["示范市教育局"], "units": ["示范市教育局"],
         "deadline": {"raw": "2026年9月底前", "date": "2026-09-30", "recurrence": None, "inherited": False}},
        {"number": "3", "section": ["推进公共安全信息公开"], "text": "公开道路交通安全事故多发路段。",
         "lead_units": [], "units": ["示范市公安局"],
         "deadline": {"raw": "适时", "date": None, "recurrence": "event", "inherited": False}},
    ],
}


@pytest.fixture
def unit_c(city):
    from gongkai.orgs.models import UnitKind

    return Unit.objects.create(key="police", name="示范市公安局", kind=UnitKind.DEPARTMENT, parent=city, sort_order=3)


@pytest.fixture
def clerk_c(unit_c):
    from tests.conftest import make_user

    return make_user("clerk_c", unit_c, "clerk", full_name="公安局孙经办")


@pytest.fixture
def small_plan(city, unit_a, unit_b, unit_c):
    """A published plan of 示范市: item 1 led by 财政局 with 教育局 cooperating, item 2 教育局
    alone, item 3 an event item of 公安局."""
    from gongkai.plans import services

    plan = services.create_plan(SMALL_PLAN, issuer_unit=city, source_name="small.txt", actor=SYSTEM)
    return services.publish_plan(plan, actor=SYSTEM)
