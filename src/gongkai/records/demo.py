"""Demo records for ``make run``: the seed notices themselves as records of their issuing units,
and a few hundred generated records (titles and bodies from the seeds' own sentences) across the
demo units and their columns, with policies and their interpretations, normative documents (some
repealed), a monthly gazette, a few late records, and drafts waiting for 保密审查 — one of them
carrying an ID number for the privacy scan.

Loaded once: a second run finds records and changes nothing. Needs the demo unit registry.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone

from gongkai.console.seeds import SEEDS
from gongkai.orgs.models import Unit, UnitKind
from gongkai.orgs.policy import SYSTEM
from gongkai.records import catalog, gazette, importing, services
from gongkai.records.catalog import resolve_paths
from gongkai.records.models import Column, Disclosure, Record, RecordKind, RecordStatus

# (seed file, issuing unit, 成文日期, columns). Seeds 001–003 come from governments outside the
# demo registry (六安、海口、荆门) and are not loaded. Seed 004 carries no date.
SEED_RECORDS = [
    ("000_f587d089185122da.txt", "肇庆市人民政府办公室", date(2016, 6, 22), ["政策文件/其他文件", "规划计划/年度计划与总结"]),
    ("004_873e3bb7a99b9369.txt", "江门市新会区委区府办公室", None, ["政策文件/其他文件", "规划计划/年度计划与总结"]),
]
SUBJECTS = [
    "政务公开工作要点", "权责清单动态调整", "重大建设项目批准和实施情况", "财政预决算公开",
    "公共资源交易信息公开", "社会救助政策", "食品药品安全监管", "环境保护监督检查", "安全生产专项整治",
    "义务教育招生入学", "就业创业补贴", "城乡居民基本养老保险", "保障性住房分配", "行政事业性收费目录",
    "“双随机、一公开”抽查", "政策解读和回应关切", "政府网站集约化建设", "政务服务事项目录",
]
GENERAL_TITLES = [
    ("关于做好{subject}工作的通知", "通知"), ("关于{subject}情况的通报", "通报"),
    ("{year}年{subject}实施方案", "方案"), ("关于公布{subject}结果的公告", "公告"),
    ("{year}年上半年{subject}工作总结", "报告"),
]
DEPARTMENT_COLUMNS = ["通知公告", "工作动态", "重点领域信息", "财政信息/专项资金", "行政执法/行政处罚", "规划计划/年度计划与总结"]
GOVERNMENT_COLUMNS = ["通知公告", "政务动态", "重点领域信息/社会救助", "重点领域信息/重大建设项目", "统计信息", "规划计划/专项规划"]
_TABLE_DEBRIS = re.compile(r"^[（(]?[一二三四五六七八九十\d]|[（(][一二三四五六七八九十]+[)）]|负责落实|\s\d+\s|\d+\s*$")  # item numbers, cells run together
ID_NUMBER = "441202198804153217"  # a made-up 身份证号码 with a valid check digit, for the privacy-scan demo


@dataclass
class DemoRecords:
    seeds: int = 0
    generated: int = 0
    drafts: int = 0
    gazettes: int = 0
    units: list[str] = field(default_factory=list)


def load_demo_records(today: date | None = None) -> DemoRecords:
    """Columns for every unit, then the records (once)."""
    result = DemoRecords()
    for unit in Unit.objects.filter(is_active=True):
        catalog.apply_default_columns(unit)
    if Record.objects.exists():
        return result
    today = today or timezone.localdate()
    chance = random.Random(2026)
    sentences = seed_sentences()
    with transaction.atomic():
        result.seeds = _load_seeds()
        for unit in _demo_units():
            result.generated += _load_unit(unit, chance, sentences, today)
            result.units.append(unit.name)
        _approve_imported()
        _link_interpretations(chance)
        _approve_imported()
    result.drafts = _load_drafts(sentences)
    result.gazettes = _load_gazette(today)
    return result


def seed_sentences() -> list[str]:
    """Sentences of the seed notices that read well on their own (20–90 characters, no table
    debris), the vocabulary of the generated bodies."""
    found: list[str] = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for sentence in re.split(r"(?<=[。！？])", text.replace("\n", "")):
            sentence = sentence.strip(" |\t　")
            if 20 <= len(sentence) <= 90 and "|" not in sentence and not _TABLE_DEBRIS.search(sentence):
                found.append(sentence)
    return sorted(set(found))


def _seed_body(path: Path) -> str:
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cleaned = line.strip().strip("|").strip()
        if cleaned and set(cleaned) != {"|"}:
            lines.append(cleaned)
    return "\n".join(lines[1:])  # the first line is the title


def _load_seeds() -> int:
    loaded = 0
    for name, unit_name, written_on, column_paths in SEED_RECORDS:
        unit = Unit.objects.filter(name=unit_name).first()
        if unit is None:
            continue
        path = SEEDS / name
        title = path.read_text(encoding="utf-8").splitlines()[0].strip()
        published_on = written_on + timedelta(days=6) if written_on else date(2018, 3, 1)
        values = _values(unit, title=title, body=_seed_body(path), written_on=written_on, published_on=published_on,
                         genre="通知", topic="综合政务/政务公开", summary=title)
        loaded += _write(unit, [(values, column_paths)])
    return loaded


def _demo_units() -> list[Unit]:
    """The two governments of the demo registry with their offices and main departments."""
    wanted = Unit.objects.filter(
        is_active=True, kind__in=[UnitKind.CITY_GOV, UnitKind.COUNTY_GOV, UnitKind.DEPARTMENT],
    ).exclude(org_code="").order_by("sort_order", "pk")
    return list(wanted[:40])


def _values(unit: Unit, **values: Any) -> dict[str, Any]:
    body, body_text = services.body_and_text(values.pop("body", ""))
    base = {
        "kind": RecordKind.GENERAL.value, "summary": "", "publisher": unit.name, "doc_number": "",
        "written_on": None, "effective_on": None, "expires_on": None, "repealed_on": None,
        "declared_validity": "", "topic": "", "genre": "", "keywords": "", "disclosure": Disclosure.PROACTIVE.value,
        "disclosure_reason": "", "audience": "public", "body": body, "body_text": body_text,
    }
    base.update(values)
    base["formed_on"] = base.get("formed_on") or base["written_on"]
    return base


def _write(unit: Unit, items: list[tuple[dict[str, Any], list[str]]]) -> int:
    """Submit the records through the import's write path (past publication dates, 索引号 drawn
    per year, columns), for ``_approve_imported``."""
    paths = resolve_paths(unit)
    rows = [
        importing.RowData(number, values, [paths[p] for p in column_paths if p in paths], "")
        for number, (values, column_paths) in enumerate(items, start=2)
    ]
    return importing.write_rows(unit, None, rows, lambda step, done, total: None)


def _approve_imported() -> None:
    """The demo's imported records go through the review path like any import: approved as one
    batch by the platform, what the privacy scan flags left in review."""
    services.approve_batch(Record.objects.filter(source_import__isnull=True), actor=SYSTEM)


def _short_name(unit: Unit) -> str:
    """A plausible 发文机关代字: 肇庆市财政局 → 肇财, 江门市新会区教育局 → 新会教."""
    name = unit.name.replace("江门市新会区", "新会").replace("江门市", "江").replace("肇庆市", "肇")
    name = re.sub(r"(人民政府|委员会|管理局|局|办公室|中心)$", "", name)
    return (name[:2] + (name[2:3] if len(name) > 2 else "")) or "示"


def _body(chance: random.Random, sentences: list[str], count: int) -> str:
    return "\n".join(chance.sample(sentences, min(count, len(sentences))))


def _load_unit(unit: Unit, chance: random.Random, sentences: list[str], today: date) -> int:
    is_government = unit.kind in (UnitKind.CITY_GOV, UnitKind.COUNTY_GOV)
    columns = GOVERNMENT_COLUMNS if is_government else DEPARTMENT_COLUMNS
    items = [_general(unit, chance, sentences, today, columns) for _ in range(chance.randint(5, 9))]
    items += [_normative(unit, chance, sentences, today, serial) for serial in range(1, chance.randint(2, 3))]
    from gongkai.reports.demo import platform_reports  # the reports demo publishes these itself

    for year in (today.year - 2, today.year - 1):
        if (unit.name, year) in platform_reports(today):
            continue
        report = f"{unit.name}{year}年政府信息公开工作年度报告"
        items.append((_values(unit, title=report, body=_body(chance, sentences, 6), written_on=date(year + 1, 1, 20),
                              published_on=date(year + 1, 1, 25), genre="报告", topic="综合政务/政务公开"),
                      ["政府信息公开年报"]))
    items.append((_values(unit, title=f"{unit.name}政府信息公开指南", body=_body(chance, sentences, 5),
                          written_on=date(today.year - 1, 3, 1), published_on=date(today.year - 1, 3, 3), genre="指南"),
                  ["政府信息公开指南"]))
    return _write(unit, items)


def _general(unit: Unit, chance: random.Random, sentences: list[str], today: date, columns: list[str]) -> tuple[dict[str, Any], list[str]]:
    published_on = today - timedelta(days=chance.randint(1, 540))
    late = chance.random() < 0.08  # a few published after the 20 working days of 第二十六条
    written_on = published_on - timedelta(days=chance.randint(35, 60) if late else chance.randint(0, 12))
    pattern, genre = chance.choice(GENERAL_TITLES)
    title = f"{unit.name}{pattern.format(subject=chance.choice(SUBJECTS), year=published_on.year)}"
    chosen = chance.sample(columns, 2 if chance.random() < 0.2 else 1)
    values = _values(unit, title=title, body=_body(chance, sentences, chance.randint(3, 7)), written_on=written_on,
                     published_on=published_on, genre=genre, topic="综合政务/政务公开", keywords="政务公开",
                     summary=chance.choice(sentences))
    return values, chosen


def _normative(unit: Unit, chance: random.Random, sentences: list[str], today: date, serial: int) -> tuple[dict[str, Any], list[str]]:
    published_on = today - timedelta(days=chance.randint(20, 700))
    written_on = published_on - timedelta(days=chance.randint(1, 8))
    subject = chance.choice(SUBJECTS).strip("“”")
    repealed = chance.random() < 0.15
    values = _values(
        unit, kind=RecordKind.NORMATIVE.value, title=f"{unit.name}关于印发{subject}管理办法的通知",
        body=_body(chance, sentences, 8), written_on=written_on, published_on=published_on,
        effective_on=written_on + timedelta(days=30), genre="办法", topic="综合政务/规范性文件",
        doc_number=f"{_short_name(unit)}规〔{written_on.year}〕{serial}号",
        repealed_on=today - timedelta(days=chance.randint(1, 15)) if repealed else None,
    )
    return values, ["政策文件/规范性文件"]


def _link_interpretations(chance: random.Random) -> None:
    """Most normative documents get a 政策解读 a few days later; some stay without (the dashboard
    lists them), some come late."""
    for policy in Record.objects.filter(kind=RecordKind.NORMATIVE, status=RecordStatus.PUBLISHED).select_related("unit"):
        if chance.random() < 0.25:
            continue
        delay = chance.choice([0, 0, 1, 2, 3, 9])
        interpretation = _values(
            policy.unit, kind=RecordKind.INTERPRETATION.value, title=f"《{policy.title.removeprefix(policy.unit.name)}》政策解读",
            body="\n".join(["一、制定背景", policy.summary or policy.title, "二、主要内容",
                             *policy.body_text.split("\n")[:3], "三、解读机关", policy.unit.name]),
            written_on=policy.published_on, published_on=policy.published_on + timedelta(days=delay), genre="解读",
        )
        _write(policy.unit, [(interpretation, ["政策解读"])])
        Record.objects.filter(kind=RecordKind.INTERPRETATION, interprets__isnull=True, title=interpretation["title"],
                              unit=policy.unit).update(interprets=policy)


def _load_drafts(sentences: list[str]) -> int:
    """Work in progress for the demo accounts of 肇庆市财政局: a draft, and one in 保密审查 with
    personal data in it."""
    unit = Unit.objects.filter(name="肇庆市财政局").first()
    if unit is None:
        return 0
    columns = {column.path.replace(" / ", "/"): column for column in Column.objects.filter(unit=unit)}
    draft = services.create_record(unit, {
        "title": "肇庆市财政局关于2026年市级部门预算公开的通知", "written_on": timezone.localdate(),
        "body": "\n".join(sentences[:3]), "genre": "通知",
    }, columns=[columns["通知公告"]])
    in_review = services.create_record(unit, {
        "title": "肇庆市财政局关于城乡居民最低生活保障资金发放情况的公示", "written_on": timezone.localdate(),
        "body": f"<p>经审核，以下人员符合发放条件：申请人陈某某，身份证号码{ID_NUMBER}，联系电话13902261234，"
                "发放金额 860 元。</p><p>公示期内如有异议，请向肇庆市财政局反映，电话：0758-2260871。</p>",
        "genre": "公示",
    }, columns=[columns["财政信息/专项资金"]])
    services.submit_record(in_review)
    return len([draft, in_review])


def _load_gazette(today: date) -> int:
    """One published issue: the month with the most normative documents."""
    months: dict[tuple[int, int], int] = {}
    for record in Record.objects.filter(kind=RecordKind.NORMATIVE).exclude(written_on=None):
        key = (record.written_on.year, record.written_on.month)
        months[key] = months.get(key, 0) + 1
    if not months:
        return 0
    year, month = max(months, key=lambda key: (months[key], key))
    issue = gazette.compile_gazette(year, month)
    gazette.publish_gazette(issue)
    return 1
