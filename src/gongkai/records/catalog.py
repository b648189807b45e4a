"""The basic catalog (主动公开基本目录) of each unit: default column sets and their editing.

The defaults follow the 法定主动公开内容 of 条例 第二十条 and the platform columns of
国办公开办函〔2019〕61号 (DOMAIN.md 1.2, 4.3): a city department and a county government get the
columns their pages carry. Columns are data: the office edits them in the console.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from gongkai.audit import log as audit
from gongkai.orgs.models import Unit, UnitKind, User
from gongkai.orgs.policy import SYSTEM, policy
from gongkai.records.models import Column, PublishingSettings

# (name, children); the same record may sit in several of them.
Tree = Sequence[tuple[str, Sequence[str]]]

_COMMON_HEAD: Tree = [
    ("政府信息公开指南", []),
    ("政府信息公开制度", []),
]
_COMMON_TAIL: Tree = [
    ("政府信息公开年报", []),
]
DEPARTMENT_COLUMNS: Tree = [
    *_COMMON_HEAD,
    ("机构信息", ["机构职能", "内设机构", "领导信息", "联系方式"]),
    ("政策文件", ["规范性文件", "其他文件"]),
    ("政策解读", []),
    ("规划计划", ["发展规划", "年度计划与总结"]),
    ("财政信息", ["部门预算", "部门决算", "专项资金"]),
    ("行政执法", ["行政许可", "行政处罚", "行政强制"]),
    ("重点领域信息", []),
    ("人事信息", []),
    ("通知公告", []),
    ("工作动态", []),
    *_COMMON_TAIL,
]
COUNTY_COLUMNS: Tree = [
    *_COMMON_HEAD,
    ("机构信息", ["政府领导", "机构职能", "政府工作部门", "镇街信息"]),
    ("政策文件", ["政府文件", "政府办公室文件", "规范性文件"]),
    ("政策解读", []),
    ("规划计划", ["国民经济和社会发展规划", "专项规划", "年度计划与总结"]),
    ("财政信息", ["财政预算", "财政决算", "政府债务"]),
    ("重点领域信息", ["重大建设项目", "公共资源交易", "社会救助", "义务教育", "卫生健康", "生态环境", "安全生产"]),
    ("统计信息", []),
    ("应急管理", []),
    ("人事信息", []),
    ("通知公告", []),
    ("政务动态", []),
    *_COMMON_TAIL,
]
GOVERNMENT_KINDS = (UnitKind.CITY_GOV, UnitKind.COUNTY_GOV, UnitKind.TOWNSHIP, UnitKind.SUBDISTRICT)


def default_tree(unit: Unit) -> Tree:
    return COUNTY_COLUMNS if unit.kind in GOVERNMENT_KINDS else DEPARTMENT_COLUMNS


def _require_office(actor: User | None) -> None:
    policy.require_manage(actor or SYSTEM, "目录栏目由公开办管理员维护。")


@transaction.atomic
def apply_default_columns(unit: Unit, *, actor: User | None = None) -> int:
    """Add the default columns the unit does not have yet; returns how many were added."""
    _require_office(actor)
    added = _add_tree(unit, default_tree(unit))
    if added:
        audit.record("catalog_defaults_applied", unit, after={"columns_added": added})
    return added


def _add_tree(unit: Unit, tree: Tree) -> int:
    existing = {(column.parent_id, column.name): column for column in Column.objects.filter(unit=unit)}
    added = 0
    for order, (name, children) in enumerate(tree):
        top = existing.get((None, name))
        if top is None:
            top = Column.objects.create(unit=unit, name=name, sort_order=order * 10)
            added += 1
        for child_order, child in enumerate(children):
            if (top.pk, child) not in existing:
                Column.objects.create(unit=unit, parent=top, name=child, sort_order=child_order * 10)
                added += 1
    return added


@transaction.atomic
def add_column(unit: Unit, name: str, parent: Column | None = None, *, actor: User | None = None) -> Column:
    _require_office(actor)
    name = name.strip()
    if not name:
        raise ValidationError({"name": "请填写栏目名称。"})
    if parent is not None and parent.unit_id != unit.pk:
        raise ValidationError({"parent": "上级栏目须属于同一单位。"})
    if Column.objects.filter(unit=unit, parent=parent, name=name).exists():
        raise ValidationError({"name": f"“{name}”已经存在。"})
    top = Column.objects.filter(unit=unit, parent=parent).aggregate(top=Max("sort_order"))["top"]
    column = Column.objects.create(unit=unit, parent=parent, name=name, sort_order=(top or 0) + 10)
    audit.record("catalog_column_added", column, after={"path": column.path})
    return column


@transaction.atomic
def change_column(
    column: Column, *, name: str | None = None, sort_order: int | None = None,
    is_active: bool | None = None, actor: User | None = None,
) -> Column:
    """Rename, reorder, or switch a column off (its records stay, reachable from their other
    columns and from the unit's catalog)."""
    _require_office(actor)
    before = {"path": column.path, "sort_order": column.sort_order, "is_active": column.is_active}
    if name is not None and name.strip() and name.strip() != column.name:
        if Column.objects.filter(unit_id=column.unit_id, parent_id=column.parent_id, name=name.strip()).exists():
            raise ValidationError({"name": f"“{name.strip()}”已经存在。"})
        column.name = name.strip()
    if sort_order is not None:
        column.sort_order = sort_order
    if is_active is not None:
        column.is_active = is_active
    column.save()
    audit.record("catalog_column_changed", column, before=before, after={
        "path": column.path, "sort_order": column.sort_order, "is_active": column.is_active,
    })
    return column


@dataclass(frozen=True)
class Node:
    column: Column
    depth: int
    count: int = 0


def walk(columns: Iterable[Column], counts: dict[int, int] | None = None) -> list[Node]:
    """The columns in tree order (parents before children), each with its depth and the records
    in it and below it (as its page lists them; a record filed both under a column and under its
    child is counted twice here, which catalogs rarely do)."""
    children: dict[int | None, list[Column]] = {}
    for column in columns:
        children.setdefault(column.parent_id, []).append(column)
    nodes: list[Node] = []

    def visit(parent_id: int | None, depth: int) -> int:
        total = 0
        for column in sorted(children.get(parent_id, []), key=lambda c: (c.sort_order, c.pk)):
            position = len(nodes)
            nodes.append(Node(column, depth))
            below = visit(column.pk, depth + 1)
            own = (counts or {}).get(column.pk, 0) + below
            nodes[position] = Node(column, depth, own)
            total += own
        return total

    visit(None, 0)
    return nodes


def descendant_ids(column: Column, among: Iterable[Column] | None = None) -> list[int]:
    """The column and every column below it: from ``among`` when given (every column of its unit,
    inactive ones too, already read), else from the database (the tree is shallow: one query per level)."""
    children: dict[int | None, list[int]] | None = None
    if among is not None:
        children = {}
        for other in among:
            children.setdefault(other.parent_id, []).append(other.pk)
    found, level = [column.pk], [column.pk]
    while level:
        if children is None:
            level = list(Column.objects.filter(parent_id__in=level).values_list("pk", flat=True))
        else:
            level = [child for parent in level for child in children.get(parent, [])]
        found += level
    return found


def resolve_paths(unit: Unit) -> dict[str, Column]:
    """How an import names a column: its full path ("政策文件/规范性文件") or, when unique within
    the unit, its bare name ("规范性文件")."""
    columns = list(Column.objects.filter(unit=unit).select_related("parent__parent"))
    by_name: dict[str, list[Column]] = {}
    found: dict[str, Column] = {}
    for column in columns:
        found[column.path.replace(" / ", "/")] = column
        by_name.setdefault(column.name, []).append(column)
    for name, same in by_name.items():
        if len(same) == 1:
            found.setdefault(name, same[0])
    return found


SETTINGS_FIELDS = ("index_period", "index_prefix", "publication_workdays", "interpretation_workdays")
# Time limits in working days: the 条例's 20 (第二十六条) and 3 for interpretations, configurable
# within what a year of working days can hold; beyond it every due date overflows the calendar.
WORKDAY_SETTINGS = ("publication_workdays", "interpretation_workdays")
MAX_SETTING_WORKDAYS = 250


@transaction.atomic
def change_settings(values: dict[str, object], *, actor: User | None = None) -> PublishingSettings:
    """The office's publishing settings (索引号 form, time limits), audited."""
    _require_office(actor)
    current = PublishingSettings.current()
    before = {name: getattr(current, name) for name in SETTINGS_FIELDS}
    for name in SETTINGS_FIELDS:
        if name in values:
            setattr(current, name, values[name])
    for name in WORKDAY_SETTINGS:
        if not 1 <= getattr(current, name) <= MAX_SETTING_WORKDAYS:
            label = PublishingSettings._meta.get_field(name).verbose_name
            raise ValidationError({name: f"{label}应为 1 至 {MAX_SETTING_WORKDAYS} 之间的工作日数。"})
    current.full_clean()
    current.save()
    audit.record("records_settings_changed", current, before=before,
                 after={name: getattr(current, name) for name in SETTINGS_FIELDS})
    return current
