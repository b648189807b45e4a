"""The demo data of ``make run``: the unit registry of the seed notices and one account per role.

Loaded once: a second run finds the data and changes nothing. Passwords are generated at load
time, printed once and kept only in ``var/demo-accounts.txt`` (mode 600), never in the repository.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import transaction

from gongkai.assessment.demo import load_demo_round, load_demo_system
from gongkai.console.seeds import SEEDS
from gongkai.foi import dates as foi_dates
from gongkai.foi.demo import load_demo_requests
from gongkai.interaction.demo import load_demo_interaction
from gongkai.monitoring.demo import load_demo_monitoring
from gongkai.opendata.demo import load_demo_opendata
from gongkai.orgs import services
from gongkai.orgs.models import Role, Unit, User
from gongkai.orgs.policy import SYSTEM
from gongkai.orgs.registry import load_registry_data
from gongkai.plans import services as plan_services
from gongkai.plans.demo import load_demo_progress
from gongkai.plans.models import Plan
from gongkai.plans.parsing import parse_path
from gongkai.records.demo import load_demo_records
from gongkai.reports.demo import load_demo_reports

DEMO_UNITS = Path(__file__).resolve().parents[1] / "orgs" / "data" / "demo_units.json"
# The plan-shaped seed notices and the government whose units their phrases mean (海口 and 荆门
# are not in the demo registry: their plans stay drafts with phrases for the office to resolve).
DEMO_PLANS = [
    ("000_f587d089185122da.txt", "肇庆市人民政府"),
    ("002_a1a98401b03fe583.txt", None),
    ("003_c51c2bbbc18658e5.txt", None),
    ("004_873e3bb7a99b9369.txt", "江门市新会区人民政府"),
]


@dataclass(frozen=True)
class DemoAccount:
    username: str
    full_name: str
    unit_name: str | None
    role: Role


DEMO_ACCOUNTS = [
    DemoAccount("gongkaiban", "公开办管理员（演示）", "肇庆市人民政府办公室", Role.OFFICE_ADMIN),
    DemoAccount("caizheng", "市财政局经办人（演示）", "肇庆市财政局", Role.CLERK),
    DemoAccount("caizheng_shenhe", "市财政局审核人（演示）", "肇庆市财政局", Role.REVIEWER),
    DemoAccount("jiaoyu", "市教育局经办人（演示）", "肇庆市教育局", Role.CLERK),
    DemoAccount("xinhui", "新会区政府办经办人（演示）", "江门市新会区委区府办公室", Role.CLERK),
    DemoAccount("pinggu", "第三方评估人（演示）", None, Role.EVALUATOR),
]


@dataclass
class DemoResult:
    units_created: int
    passwords: dict[str, str]
    plans_created: int = 0
    requests_created: int = 0
    records_created: int = 0
    reports_created: int = 0
    annual_reports_created: int = 0


def load_demo() -> DemoResult:
    units_created = 0
    if not Unit.objects.exists():
        units_created = load_registry_data(json.loads(DEMO_UNITS.read_text(encoding="utf-8")))
    passwords = _create_accounts()
    if passwords:
        _keep_passwords(passwords)
    plans_created = 0 if Plan.objects.exists() else _import_plans()
    requests_created = load_demo_requests()
    loaded = load_demo_records()
    records_created = loaded.seeds + loaded.generated
    reports_created = load_demo_progress()
    load_demo_system()  # seed 001's indicator system for the 考评 pages
    load_demo_round()  # and a round on it in motion
    load_demo_interaction()  # messages, a consultation on a draft, an incident on its clock
    annual_reports = load_demo_reports()  # last year's annual reports: published, submitted, failing D3
    load_demo_monitoring(foi_dates.today())  # a unit's website crawled from recorded pages, two quarters
    load_demo_opendata()  # data sets (an uploaded table, the platform's own data) and the year's opening plan
    return DemoResult(
        units_created, passwords, plans_created, requests_created, records_created, reports_created, annual_reports
    )


def _import_plans() -> int:
    """The seed notices as plans; those whose every phrase resolves are published."""
    for name, issuer in DEMO_PLANS:
        data = parse_path(SEEDS / name, name)
        unit = Unit.objects.filter(name=issuer).first() if issuer else None
        with transaction.atomic():
            plan = plan_services.create_plan(data, issuer_unit=unit, source_name=name, actor=SYSTEM)
            if not any(item.unresolved for item in plan.items.all()):
                plan_services.publish_plan(plan, actor=SYSTEM)
    return len(DEMO_PLANS)


@transaction.atomic
def _create_accounts() -> dict[str, str]:
    passwords: dict[str, str] = {}
    for account in DEMO_ACCOUNTS:
        if User.objects.filter(username=account.username).exists():
            continue
        unit = Unit.objects.filter(name=account.unit_name).first() if account.unit_name else None
        if account.unit_name and unit is None:
            continue  # the registry was replaced by the office's own: no demo account there
        _, password = services.create_user(
            username=account.username, full_name=account.full_name, unit=unit, roles=[account.role]
        )
        passwords[account.username] = password
    return passwords


def _keep_passwords(passwords: dict[str, str]) -> None:
    path = Path(settings.VAR_DIR) / "demo-accounts.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [f"{username}\t{password}" for username, password in passwords.items()]
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    with os.fdopen(fd, "a", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
