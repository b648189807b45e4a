"""The one write path of website monitoring: registering sites and columns, running a crawl and
keeping its findings, an inspector's findings, availability probes. Each change is audited in
its transaction; a crawl's new findings are sent to the owner unit's people as notices."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from gongkai.audit import log as audit
from gongkai.monitoring.analysis import analyse_state, contract_json
from gongkai.monitoring.crawler import (
    USER_AGENT,
    Crawler,
    CrawlSettings,
    CrawlState,
    fetch,
    normalise_home,
)
from gongkai.monitoring.models import (
    INSPECTOR_INDICATORS,
    CheckSystemSheet,
    CrawlRun,
    Finding,
    FindingSource,
    Probe,
    RunStatus,
    Site,
    SiteColumn,
)
from gongkai.orgs.models import Role, Unit, UnitKind, User
from gongkai.orgs.notices import Message, notify
from gongkai.orgs.policy import SYSTEM, ServiceActor, policy
from gongkai.rules.monitoring import findings as rules
from gongkai.rules.monitoring.columns import ColumnClass, Freshness, classify
from gongkai.rules.monitoring.indicators import NATIONAL_2019, CheckSystem
from gongkai.rules.monitoring.sheet import SheetError, read_sheet

PORTAL_NAME = "本平台政务公开门户"
PROBE_WINDOW = timedelta(days=rules.PROBE_DAYS)
INTERPRETATION_MISSING = "政策解读缺失"
SOURCES = {rules.UNAVAILABLE: FindingSource.PROBE, "互动回应差": FindingSource.PLATFORM,
           INTERPRETATION_MISSING: FindingSource.PLATFORM}


def _require_office(actor: ServiceActor | None) -> User | None:
    return policy.require_manage(actor, "网站监测的登记和设置由公开办管理员维护。")


def portal_home() -> str:
    return normalise_home(settings.GONGKAI_SITE_URL)


def _portal_owner() -> Unit | None:
    governments = Unit.objects.filter(kind__in=[UnitKind.CITY_GOV, UnitKind.COUNTY_GOV], is_active=True)
    return governments.order_by("sort_order", "id").first() or Unit.objects.filter(is_active=True).order_by("id").first()


@transaction.atomic
def ensure_portal_site(*, actor: ServiceActor | None = SYSTEM) -> Site | None:
    """The platform's own portal as a monitored site (created the first time) with one column per
    active catalog column of every active unit, classed by its name unless the office set the
    class; columns gone from the catalog are dropped. None while no unit exists."""
    policy.require_actor(actor)
    site = Site.objects.filter(is_portal=True).first()
    if site is None:
        owner = _portal_owner()
        if owner is None:
            return None
        site = Site.objects.create(name=PORTAL_NAME, home_url=portal_home(), owner_unit=owner, is_portal=True,
                                   exclude="/console/\n/admin/\n/search/\n/font-size/\n/login/")
        audit.record("monitoring_site_registered", site, after={"home_url": site.home_url, "portal": True})
    _sync_portal_columns(site)
    return site


def _sync_portal_columns(site: Site) -> None:
    from gongkai.records.models import Column

    origin = site.home_url.rstrip("/")
    wanted: dict[str, tuple[str, Any]] = {}
    columns = Column.objects.filter(is_active=True, unit__is_active=True).select_related("unit", "parent__parent")
    for column in columns:
        url = origin + reverse("records:column", args=[column.unit.key, column.pk])
        wanted[url] = (f"{column.unit.name} {column.path}", column)
    existing = {column.url: column for column in site.columns.all()}
    added = [
        SiteColumn(site=site, url=url, name=name[:200], column_class=classify(column.name).value, catalog_column=column)
        for url, (name, column) in wanted.items() if url not in existing
    ]
    SiteColumn.objects.bulk_create(added)
    gone = [column.pk for url, column in existing.items() if url not in wanted]
    SiteColumn.objects.filter(pk__in=gone).delete()
    for url, column in existing.items():
        if url in wanted and column.name != wanted[url][0][:200]:
            column.name = wanted[url][0][:200]
            column.save(update_fields=["name"])
    if added or gone:
        audit.record("monitoring_portal_columns_synced", site, after={"added": len(added), "removed": len(gone)})


@transaction.atomic
def register_site(
    name: str, home_url: str, owner_unit: Unit, *, actor: ServiceActor | None, **options: Any
) -> Site:
    _require_office(actor)
    try:
        home = normalise_home(home_url)
    except ValueError as error:
        raise ValidationError({"home_url": str(error)}) from None
    if Site.objects.filter(home_url=home).exists():
        raise ValidationError({"home_url": f"网站 {home} 已经登记。"})
    site = Site(name=name.strip(), home_url=home, owner_unit=owner_unit, **options)
    site.full_clean()
    site.save()
    audit.record("monitoring_site_registered", site, after={"name": site.name, "home_url": home, "owner": owner_unit.name})
    return site


@transaction.atomic
def add_column(site: Site, url: str, name: str, column_class: ColumnClass, *, actor: ServiceActor | None) -> SiteColumn:
    _require_office(actor)
    column = SiteColumn(site=site, url=url.strip(), name=name.strip(), column_class=column_class.value,
                        class_set_by_office=True)
    column.full_clean()
    column.save()
    audit.record("monitoring_column_added", column, unit_id=site.owner_unit_id,
                 after={"url": column.url, "class": column.column_class})
    return column


@transaction.atomic
def set_column_class(column: SiteColumn, column_class: ColumnClass, *, actor: ServiceActor | None) -> SiteColumn:
    _require_office(actor)
    before = {"class": column.column_class}
    column.column_class = column_class.value
    column.class_set_by_office = True
    column.save(update_fields=["column_class", "class_set_by_office"])
    audit.record("monitoring_column_class_set", column, unit_id=column.site.owner_unit_id, before=before,
                 after={"class": column.column_class})
    return column


def crawl_settings(site: Site) -> CrawlSettings:
    return CrawlSettings(
        max_pages=site.max_pages, max_depth=site.max_depth, concurrency=site.concurrency,
        rate=float(site.rate), timeout=float(site.timeout), exclude=site.exclusions(),
    )


def _state_dir() -> Path:
    path = Path(settings.VAR_DIR) / "monitor"
    path.mkdir(parents=True, exist_ok=True)
    return path


def start_or_resume_run(site: Site, today: date) -> CrawlRun:
    """The site's unfinished run (a worker killed half way left it), or a new one."""
    run = site.runs.filter(status=RunStatus.RUNNING).order_by("-id").first()
    if run is not None:
        return run
    with transaction.atomic():
        run = CrawlRun.objects.create(site=site, checked_on=today)
        run.state_file = str(_state_dir() / f"site{site.pk}-run{run.pk}.sqlite")
        run.save(update_fields=["state_file"])
        audit.record("monitoring_crawl_started", run, unit_id=site.owner_unit_id, after={"checked_on": today})
    return run


def run_crawl(site: Site, today: date | None = None, *, crawler: type[Crawler] = Crawler) -> CrawlRun:
    """Crawl a site now (resuming its unfinished run) and keep the findings. The crawl itself runs
    outside any transaction; what it found is written in one. ``crawler`` is the real HTTP crawler
    (the demo replays recorded pages through a subclass of it)."""
    today = today or timezone.localdate()
    if site.is_portal:
        ensure_portal_site()
    run = start_or_resume_run(site, today)
    state = CrawlState(run.state_file, site.home_url, crawl_settings(site))
    try:
        crawler(site.home_url, state, crawl_settings(site)).run()
        record_crawl(run, state)
    except Exception as error:
        with transaction.atomic():
            CrawlRun.objects.filter(pk=run.pk).update(status=RunStatus.FAILED, error=str(error)[:2000],
                                                     finished_at=timezone.now())
            audit.record("monitoring_crawl_failed", run, unit_id=site.owner_unit_id, after={"error": str(error)[:200]})
        raise
    finally:
        state.close()
    Path(run.state_file).unlink(missing_ok=True)
    for suffix in ("-wal", "-shm"):
        Path(run.state_file + suffix).unlink(missing_ok=True)
    return run


def column_specs(site: Site) -> list[rules.ColumnSpec]:
    return [rules.ColumnSpec(column.url, ColumnClass(column.column_class), column.name) for column in site.columns.all()]


def week_probes(site: Site, today: date) -> list[rules.Probe]:
    end = timezone.make_aware(timezone.datetime.combine(today + timedelta(days=1), timezone.datetime.min.time()))
    rows = site.probes.filter(at__gte=end - PROBE_WINDOW, at__lt=end).order_by("at")
    return [rules.Probe(timezone.localtime(probe.at).replace(tzinfo=None), probe.ok) for probe in rows]


INTERACTION_VETO = "互动回应差"


def interaction_findings(site: Site, today: date) -> list[rules.Finding]:
    """For the platform's own portal, 互动回应差 from the platform's own messages: a 咨询 received in
    the year before the check left without a reply for over 3 months (国办秘函〔2019〕19号), as
    ``gongkai.interaction.statistics`` counts it for the message pages."""
    if not site.is_portal:
        return []
    from gongkai.interaction.models import Message
    from gongkai.interaction.statistics import monthly, with_events

    since = today - timedelta(days=365)
    rows = monthly(with_events(Message.objects.filter(received_on__range=(since, today))), today)
    count = sum(row.vetoed for row in rows)
    if not count:
        return []
    units = sorted({row.unit for row in rows if row.vetoed})
    return [rules.Finding(INTERACTION_VETO, True, {"messages": count, "since": since.isoformat(), "units": units},
                          key=f"{INTERACTION_VETO}:平台留言")]


def interpretation_findings(site: Site, today: date) -> list[rules.Finding]:
    """For the platform's own portal, the 规章 and 行政规范性文件 published in the year before the
    check still without a published interpretation once the office's allowed working days have
    passed (seed 000 item 22, "最迟不过3个工作日"): a finding to fix, charged no points by the
    national system (解读回应 is in its 加分 part)."""
    if not site.is_portal:
        return []
    from gongkai.calendars.service import working_calendar
    from gongkai.records.deadlines import interpretation_gaps
    from gongkai.records.models import PublishingSettings, Record

    allowed = PublishingSettings.current().interpretation_workdays
    calendar = working_calendar()
    policies = Record.objects.filter(published_on__range=(today - timedelta(days=365), today))
    findings = []
    for gap in interpretation_gaps(policies, allowed):
        policy = gap.policy
        assert policy.published_on is not None
        if gap.interpretation is not None or calendar.workdays_between(policy.published_on, today) <= allowed:
            continue
        findings.append(rules.Finding(INTERPRETATION_MISSING, False, {
            "policy": policy.title, "unit": policy.unit.name, "published_on": policy.published_on.isoformat(),
            "allowed_workdays": allowed,
        }, key=f"{INTERPRETATION_MISSING}:{policy.pk}"))
    return findings


@transaction.atomic
def record_crawl(run: CrawlRun, state: CrawlState) -> CrawlRun:
    """Keep a finished crawl's findings and contract JSON; notify the owner unit of findings its
    previous run did not have."""
    site = run.site
    analysis = analyse_state(state, run.checked_on, freshness=Freshness(other_days=site.other_days),
                             specs=column_specs(site), probes=week_probes(site, run.checked_on))
    previous = site.runs.filter(status=RunStatus.DONE).exclude(pk=run.pk).order_by("-checked_on", "-id").first()
    known = set(previous.findings.values_list("key", flat=True)) if previous else set()
    analysis.findings.extend(interaction_findings(site, run.checked_on))
    analysis.findings.extend(interpretation_findings(site, run.checked_on))
    Finding.objects.filter(run=run).delete()
    Finding.objects.bulk_create([
        Finding(site=site, run=run, checked_on=run.checked_on, indicator=finding.indicator, veto=finding.veto,
                key=finding.key[:600], evidence=dict(finding.evidence),
                source=SOURCES.get(finding.indicator, FindingSource.CRAWL))
        for finding in analysis.findings
    ])
    run.result = contract_json(state, analysis)
    run.result["redirects"] = state.redirects()
    run.pages = run.result["pages"]
    run.status = RunStatus.DONE
    run.finished_at = timezone.now()
    run.save()
    new = [finding for finding in analysis.findings if finding.key not in known]
    audit.record("monitoring_crawl_recorded", run, unit_id=site.owner_unit_id,
                 after={"pages": run.pages, "findings": len(analysis.findings), "new": len(new)})
    if new:
        _notify_unit(site, Message(f"网站监测：{site.name} 有 {len(new)} 项新发现",
                                   f"{run.checked_on} 的监测发现了新问题，请查看并整改。",
                                   reverse("monitoring:site", args=[site.pk])))
    return run


# Who is told of new findings on a unit's site: the people who fix it and the people who sign off.
NOTIFIED_ROLES = (Role.CLERK, Role.REVIEWER)


def _notify_unit(site: Site, message: Message) -> None:
    """One notice per active clerk and reviewer of the site's owner unit (no other unit's)."""
    people = User.objects.filter(unit_id=site.owner_unit_id, is_active=True, roles__role__in=NOTIFIED_ROLES).distinct()
    notify([(person, message) for person in people])


def save_cli_crawl(state: CrawlState, today: date, crawl: CrawlSettings) -> CrawlRun:
    """``gongkai monitor crawl … --save``: the crawl kept as a run of the registered site."""
    site = Site.objects.filter(home_url=state.home).first()
    if site is None:
        raise ValueError(f"网站 {state.home} 尚未登记，请先在工作台“网站监测”中登记")
    with transaction.atomic():
        run = CrawlRun.objects.create(site=site, checked_on=today)
        audit.record("monitoring_crawl_started", run, unit_id=site.owner_unit_id, after={"checked_on": today, "cli": True})
    return record_crawl(run, state)


def may_inspect(user: User) -> bool:
    return policy.may_manage(user) or (user.is_active and user.has_role(Role.EVALUATOR))


def current_system() -> CheckSystem:
    """The province's system the office loaded last, or the national 2019 one."""
    sheet = CheckSystemSheet.objects.filter(is_active=True).order_by("-loaded_at", "-id").first()
    if sheet is None:
        return NATIONAL_2019
    try:
        return read_sheet(bytes(sheet.content), sheet.name)
    except SheetError:  # checked when loaded; a sheet that no longer reads falls back, visibly in the page
        return NATIONAL_2019


@transaction.atomic
def load_system(content: bytes, name: str, *, actor: ServiceActor | None) -> CheckSystemSheet:
    """Load a province's system from .xlsx (refused whole when any row is wrong); it replaces the
    one in use."""
    user = _require_office(actor)
    try:
        system = read_sheet(content, name.strip() or "检查指标体系")
    except SheetError as error:
        raise ValidationError(error.problems) from None
    CheckSystemSheet.objects.filter(is_active=True).update(is_active=False)
    sheet = CheckSystemSheet.objects.create(name=system.name[:200], content=content, loaded_by=user)
    audit.record("monitoring_system_loaded", sheet, after={
        "name": sheet.name, "deduct": len(system.deduct), "bonus": len(system.bonus), "vetoes": len(system.vetoes),
    })
    return sheet


@transaction.atomic
def use_national_system(*, actor: ServiceActor | None) -> None:
    _require_office(actor)
    count = CheckSystemSheet.objects.filter(is_active=True).update(is_active=False)
    if count:
        audit.record("monitoring_system_national", None, object_type="monitoring.checksystemsheet",
                     after={"deactivated": count})


def _indicator_cap(indicator: str) -> Decimal | None:
    system = current_system()
    for item in (*system.deduct, *system.bonus):
        if item.name == indicator or any(rule.indicator == indicator for rule in item.deductions):
            return item.points
    return None


@transaction.atomic
def add_inspector_finding(
    site: Site, indicator: str, checked_on: date, note: str, *, actor: User,
    points: Decimal | None = None, evidence_url: str = "",
) -> Finding:
    """A finding the crawler cannot make (严重错误, 服务实用 …), entered by the office or an
    evaluator with its evidence; a veto carries no points, a deduction or bonus its points."""
    if not may_inspect(actor):
        raise PermissionDenied("只有公开办管理员或评估人可以录入检查发现。")
    if indicator not in INSPECTOR_INDICATORS:
        raise ValidationError({"indicator": "请选择检查指标。"})
    if not note.strip():
        raise ValidationError({"note": "请写明问题和证据（页面、截图说明等）。"})
    veto = INSPECTOR_INDICATORS[indicator]
    cap = _indicator_cap(indicator)
    if veto:
        points = None
    elif points is None or cap is None or not Decimal(0) < points <= cap:
        raise ValidationError({"points": f"“{indicator}”的分值应大于 0 且不超过 {cap} 分。"})
    finding = Finding(site=site, source=FindingSource.INSPECTOR, checked_on=checked_on, indicator=indicator,
                      veto=veto, points=points, note=note.strip(), evidence_url=evidence_url.strip(), entered_by=actor,
                      evidence={"note": note.strip(), "url": evidence_url.strip()})
    finding.full_clean(exclude=["key"])
    finding.save()
    finding.key = f"{indicator}:人工{finding.pk}"
    finding.save(update_fields=["key"])
    audit.record("monitoring_finding_entered", finding, unit_id=site.owner_unit_id, after={
        "indicator": indicator, "veto": veto, "points": points, "checked_on": checked_on,
    })
    _notify_unit(site, Message(f"网站监测：{site.name} 有新的检查发现（{indicator}）", note.strip()[:500],
                               reverse("monitoring:site", args=[site.pk])))
    return finding


def probe(site: Site) -> Probe:
    """One availability probe of the home page: answered within the site's timeout or not."""
    timeout = float(site.timeout)
    with httpx.Client(headers={"User-Agent": USER_AGENT}, trust_env=False) as client:
        result = fetch(client, site.home_url, timeout, read_body=False)
    ok = result.ok and result.elapsed <= timeout
    with transaction.atomic():
        row = Probe.objects.create(site=site, ok=ok, status=result.status, error=result.error or "",
                                   elapsed_ms=min(int(result.elapsed * 1000), 2_000_000))
    return row  # probes are measurements, not state changes: not audited one by one


def active_sites() -> Sequence[Site]:
    ensure_portal_site()
    return list(Site.objects.filter(is_active=True))
